"""Synthetic Arabic news articles for benchmarks, written by the team from templates.

Each article mixes the patterns naql reads (cue first and content first, according-to
frames, participles, quotes over several sentences, verbless quotes, denials) with
narrative sentences and page furniture, at about the size of a real article (~3 KB).
"""
from __future__ import annotations

import random

PEOPLE = ["سامي الخطيب", "ليلى الحسيني", "عادل المصري", "هدى الشامي", "كريم البغدادي", "مريم العلي",
          "فيصل الهاشمي", "نور الدوري", "وليد التميمي", "سلمى الأنصاري"]
ROLES = ["وزير المالية", "المتحدث باسم الحكومة", "رئيس لجنة الطاقة في البرلمان", "محافظ البنك المركزي",
         "مدير هيئة الموانئ", "وزيرة الصحة"]
OUTLETS = ["صحيفة الوطن", "وكالة الأنباء الرسمية", "قناة الأخبار", "موقع المراقب"]
ANONYMOUS = ["مصدر مطلع", "مسؤولون حكوميون", "مصادر دبلوماسية", "شهود عيان"]
TOPICS = ["خطة إصلاح الكهرباء", "موازنة العام المقبل", "اتفاق الغاز الجديد", "مشروع الطريق الساحلي",
          "أزمة المياه في الجنوب", "المفاوضات التجارية"]
CLAIMS = [
    "الحكومة ستعلن عن حزمة إجراءات جديدة قبل نهاية الشهر الجاري",
    "أسعار الوقود لن ترتفع خلال الأشهر الثلاثة المقبلة",
    "المفاوضات مع الشركاء الإقليميين بلغت مرحلة متقدمة",
    "العجز في الموازنة تراجع إلى أدنى مستوى منذ خمس سنوات",
    "الوزارة تلقت أكثر من ألفي شكوى من المواطنين بشأن انقطاع الخدمة",
    "المشروع سيوفر نحو عشرة آلاف فرصة عمل للشباب",
]
NARRATIVE = [
    "وشهدت العاصمة خلال الأسبوع الماضي سلسلة من الاجتماعات بين ممثلي القطاعين العام والخاص.",
    "ويأتي ذلك في ظل ظروف اقتصادية صعبة تمر بها المنطقة منذ مطلع العام.",
    "وتعاني عدة محافظات من نقص في الخدمات الأساسية، بحسب ما تظهره الأرقام الرسمية.",
    "وكانت الحكومة قد أقرت في وقت سابق خطة لتطوير البنية التحتية في المناطق الريفية.",
]


def article(rng: random.Random) -> str:
    """One article of about 3 KB."""
    person, person2 = rng.sample(PEOPLE, 2)
    role, outlet, anon, topic = rng.choice(ROLES), rng.choice(OUTLETS), rng.choice(ANONYMOUS), rng.choice(TOPICS)
    c = rng.sample(CLAIMS, 6)
    title = f"{role}: {c[0]}"
    parts = [
        title, "",
        f"قال {role}، {person}، إن {c[0]}، وذلك خلال مؤتمر صحفي عقده اليوم في العاصمة.", "",
        f"وأضاف أن {c[1]}، مشيراً إلى أن {c[2]}.", "",
        f"وبحسب {outlet}، فإن {c[3]}.", "",
        f"من جهته، نفى {person2} ما تردد عن تأجيل {topic}، مؤكداً أن العمل يسير وفق الجدول المحدد.", "",
        f"«{c[4]}. ونحن نتابع الملف يوماً بيوم»، قالت المتحدثة باسم الوزارة في تصريح للصحفيين.", "",
        rng.choice(NARRATIVE), "",
        f"ونقلت {outlet} عن {anon} أن {c[5]}.", "",
        f"بدوره، {person2}، الخبير في الشؤون الاقتصادية: «الأرقام تحتاج إلى مراجعة دقيقة قبل أي قرار».", "",
        rng.choice(NARRATIVE), "",
        f"وأوضح {person.split()[-1]} أن {topic} يحظى بدعم واسع من الكتل البرلمانية، لافتاً إلى أن "
        f"الحكومة ستقدم تقريراً مفصلاً إلى البرلمان الشهر المقبل.", "",
        rng.choice(NARRATIVE), " ".join(rng.choice(NARRATIVE) for _ in range(3)), "",
        "التعليقات (0)", "", "الأكثر قراءة",
    ]
    return "\n".join(parts)


def corpus(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [article(rng) for _ in range(n)]

"""Read a source mention: which words are a name, which a title or role, and what kind it is.

``وزير الخارجية الأمريكي، مايك بومبيو`` → name مايك بومبيو, role وزير, kind person;
``مصدر رفيع المستوى`` → no name, anonymous; ``وكالة "رويترز"`` → media.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .attach import DEMONSTRATIVES, NAME_PARTICLES, RELATIVE_PRONOUNS, SEPARATORS, word_forms
from .cues import pronoun_stems
from .lexicon import Lexicon
from .text.normalize import bare, normalize, strip_conjunction
from .text.tokens import WORD, Token

HONORIFIC_PRONOUNS = frozenset({"سموه", "سموها", "معاليه", "معاليها", "سيادته", "سيادتها", "فخامته",
                                "جلالته", "سماحته", "حضرته", "سعادته"})
PERSON_ANONYMOUS = frozenset({"مصدر", "مصادر", "مصدرين", "مصدران", "مسوول", "مسوولون", "مسوولين", "مسوولان",
                              "مسووله", "شاهد", "شهود", "شاهده", "دبلوماسي", "دبلوماسيون", "دبلوماسيين",
                              "شخص", "اشخاص", "شخصيه", "شخصيات", "مقرب", "مقربون", "مقربين", "احد", "احدي"})


@dataclass(slots=True)
class Mention:
    name: str | None  # the proper name as written, when the mention has one
    name_words: frozenset[str]  # normalised name words without ال
    description: str  # the whole mention without quotation marks
    words: frozenset[str]  # normalised words of the description without ال, titles dropped
    sequence: tuple[str, ...]  # the same words in order
    head: str  # normalised first word after titles
    kind: str
    anonymous: bool
    role: bool  # names a person by office only (الوزير، المتحدث باسم ...)
    honorific: bool  # سموه، معاليه: refers back to a person
    definite: bool


class MentionReader:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.role_forms = _role_forms(lex.roles)

    def is_lexical(self, n: str, gentilic: bool = True) -> bool:
        return _lexical(self.lex, n, gentilic)

    def nameish(self, tok: Token, surname: bool = False) -> bool:
        """Could be part of a name; a surname may look like a gentilic (عادل المصري)."""
        n = tok.norm
        return (tok.kind == WORD and not any(ch.isdigit() for ch in n) and len(n) > 1
                and not self.is_lexical(n, gentilic=not surname))

    def read(self, toks: list[Token]) -> Mention:
        lex = self.lex
        toks, withheld = self.without_withheld(toks)
        toks = [_as_nominative(t) for t in toks[:self.extent(toks)]]
        if toks and toks[0].kind == WORD and toks[0].norm.startswith("لل"):
            first = toks[0]  # وفقاً للبيت الأبيض: ل joined to the article, whose alef falls
            text = lex.drop_lam(first.text)
            if text.startswith("ال"):
                toks[0] = Token(first.start, first.end, text, normalize(text), first.kind)
        words = [t for t in toks if t.kind == WORD]
        description = _join([t for t in toks if not t.text.isdigit()] if words and words[0].text.isdigit() else toks)
        pointing = len(words) > 1 and words[0].norm in DEMONSTRATIVES
        if pointing:  # هذا المسؤول: read as المسؤول, which refers back as a definite mention does
            toks = toks[toks.index(words[0]) + 1:]
            words = words[1:]
        segments = _segments(toks)
        name: list[Token] | None = None
        head, role, title_seen = "", False, False
        kept: list[str] = []
        for si, seg in enumerate(segments):
            norms = [t.norm for t in seg]
            i, titled = self.skip_titles(seg, norms)
            title_seen |= titled
            if si == 0:
                head = bare(norms[i]) if i < len(seg) else (bare(norms[0]) if norms else "")
                role = any(f in lex.roles for f in word_forms(norms[i])) if i < len(seg) else False
            kept.extend(bare(n) for n in norms[i:] if not n.isdigit())
            if name is None and head not in lex.anonymous and (head not in lex.kinds or si > 0):
                name = self.name_in(seg, i, titled)
            elif name is None and head in lex.anonymous:  # مسؤول العلاقات في الحزب محمد عفيف: named
                tail = self.tail_name(seg, i)
                name = tail if tail and tail[0].norm in lex.given_names else None
        if withheld:
            name = None  # ضابط، فضل عدم الكشف عن هويته: whatever looked like a name is not one
        anonymous_head = head
        if head.isdigit() or head in lex.numbers or head in ("احد", "احدي", "بعض") and words:
            later = [bare(t.norm) for t in words[1:3] if t.norm != "من"][:1]  # خمسة من المسؤولين
            anonymous_head = later[0] if later else head
        honorific = len(words) == 1 and words[0].norm in HONORIFIC_PRONOUNS
        anonymous = withheld or (name is None and not honorific
                                 and (anonymous_head in lex.anonymous or head in lex.anonymous))
        kind = self.kind_of(head, words, name is not None, role or title_seen, anonymous, anonymous_head)
        name_text = " ".join(t.text for t in name) if name else None
        if name_text and kind == "media" and len(description.split()) <= len(name) + 2:
            name_text = description  # وكالة رويترز: the outlet noun belongs to the name
        return Mention(
            name=name_text,
            name_words=frozenset(bare(t.norm) for t in name) if name else frozenset(),
            description=description,
            words=frozenset(kept),
            sequence=tuple(kept),
            head=head,
            kind=kind,
            anonymous=anonymous,
            role=role and name is None,
            honorific=honorific,
            definite=pointing or (bool(words) and words[0].norm.startswith(("ال", "وال"))),
        )

    def extent(self, toks: list[Token]) -> int:
        """How many tokens the mention spans before a circumstance: البرهان لدى مخاطبته، الدكتور
        الأنصاري في القمة. A name takes no prepositional complement, so a preposition after a
        name-like word opens a circumstance; after a noun it may belong to it (مصدر في الوزارة)."""
        lex = self.lex
        for k in range(1, len(toks)):
            n, prev = toks[k].norm, toks[k - 1]
            if n in RELATIVE_PRONOUNS or self.manner_of_saying(n):
                return k  # المصدر الذي طلب عدم الكشف عن اسمه، العودة بقوله: no part of the source
            if (toks[k].kind == WORD and (n in lex.adjunct_preps or n in lex.event_preps)
                    and self.nameish(prev, surname=True) and not lex.titles.match([prev.norm], 0)
                    and not self.names_a_place(toks, k - 1) and not self.given_before_surname(toks, k, [])
                    and not self.person_after(toks, k)):  # رئيس اللجنة الأمنية في البصرة جبار الساعدي
                return k
        return len(toks)

    def manner_of_saying(self, n: str) -> bool:
        """بقوله، بالقول، بتأكيده: the verbal noun of saying with بـ, how the words were put."""
        if not n.startswith("ب"):
            return False
        rest = n[3:] if n.startswith("بال") else n[1:]
        return rest in self.lex.masdars or any(stem in self.lex.masdars for stem in pronoun_stems(rest))

    def person_after(self, toks: list[Token], k: int) -> bool:
        """A person's name closes the mention after token k: a given name opens it (في البصرة
        جبار الساعدي), not a verbal noun with its pronoun (لدى مخاطبته طلاب الكلية)."""
        tail = self.tail_name(toks, k)
        return bool(tail) and tail[0].norm in self.lex.given_names

    def without_withheld(self, toks: list[Token]) -> tuple[list[Token], bool]:
        """The mention before a clause asking not to be named (متحدث، طلب عدم ذكر اسمه), and
        whether there was one: the clause names no one, and makes the source unnamed."""
        norms = [t.norm for t in toks]
        for k in range(1, len(toks)):
            if toks[k].kind == WORD and self.lex.withheld.match(norms, k):
                return toks[:k], True
        return toks, False

    def skip_titles(self, seg: list[Token], norms: list[str]) -> tuple[int, bool]:
        i, titled = 0, False
        while i < len(seg):
            m = self.lex.titles.match(norms, i) or self.lex.titles.match([bare(n) for n in norms], i)
            if not m:
                break
            i += m
            titled = True
            while i < len(seg) and norms[i].startswith("ال") and self.lex.is_gentilic(bare(norms[i])):
                i += 1  # الفنان السوداني، المخرجة المغربية
        if titled:
            while i < len(seg) - 1 and _definite(norms[i]):
                i += 1  # الخبير التقني، الخبير الاقتصادي
        return i, titled

    def name_in(self, seg: list[Token], i: int, titled: bool) -> list[Token] | None:
        """A name leading the segment (after titles), else one closing it (وكيل الوزارة سليمان عبدالجبار)."""
        run = self.run_from(seg, i)
        if run and self.is_name(run, titled, alone=i == 0 and len(run) == len(seg)):
            return run
        # a title further in starts a name: المتحدث الأمني لوزارة الداخلية اللواء منصور التركي
        norms = [t.norm for t in seg]
        for k in range(i + 1, len(seg)):
            m = self.lex.titles.match(norms, k)
            if m:
                run = self.run_from(seg, k + m)
                if run and self.is_name(run, True):
                    return run
        return self.tail_name(seg, i)

    def is_name(self, run: list[Token], titled: bool, alone: bool = False) -> bool:
        """A run of name-like words is a name when a title announces it, a known given name
        or a kunya (أبو محمد الساعدي، أم خالد) leads it, or none of its words has the article:
        دائرة التنمية is a noun phrase."""
        if all(_definite(t.norm) for t in run):
            # الدكتور الأنصاري، or a surname alone (البرهان); not a plural (المحتجون)
            return len(run) == 1 and (titled or (alone and not run[0].norm.endswith(PLURAL_ENDINGS)))
        return (titled or run[0].norm in self.lex.given_names or run[0].norm in KUNYA
                or not any(_definite(t.norm) for t in run))

    def tail_name(self, seg: list[Token], i: int) -> list[Token] | None:
        """The name closing a description: given names, then at most two surnames with ال."""
        tail: list[Token] = []
        given = False
        surnames = 0
        for k in range(len(seg) - 1, i, -1):
            t, prev = seg[k], seg[k - 1]
            n = t.norm
            if n.startswith(PREPOSED_ARTICLE) or prev.norm in self.lex.function_words \
                    or prev.norm in self.lex.adjunct_preps:
                if not tail or n in NAME_PARTICLES or not _definite(n):
                    if self.nameish(t) or n in self.lex.given_names:
                        tail.insert(0, t)  # النائب عن سائرون جمال فاخر stops before سائرون
                break
            if _definite(n):
                if given and prev.norm not in NAME_PARTICLES:
                    break  # رئيس الاتحاد ... سامي الطاهري: the article word before the name
                if not self.nameish(t, surname=True) or surnames == 2:
                    break
                surnames += 1
            elif not (self.nameish(t) or n in NAME_PARTICLES or (n in self.lex.given_names and tail)):
                break
            elif self.in_the_name_of(seg, k):
                break
            elif n[0] == "ل" and tail and _definite(tail[0].norm) and n not in self.lex.given_names:
                break  # لكرة القدم: a preposition with its noun, not a first name
            else:
                given = given or n not in NAME_PARTICLES
            tail.insert(0, t)
        while tail and tail[0].norm in NAME_PARTICLES and len(tail) > 1 and tail[0].norm != "عبد":
            tail.pop(0)
        if tail and self.names_a_place(seg, seg.index(tail[0])):
            tail = tail[1:]  # رئيس أرامكو أمين الناصر: the company, then the person
            given = any(not _definite(t.norm) and t.norm not in NAME_PARTICLES for t in tail)
        return tail if given else None

    def names_a_place(self, seg: list[Token], k: int) -> bool:
        """والي ولاية سنار، مدير شركة أرامكو، جنوبي سامراء: a name governed by an institution,
        territory or direction noun (indefinite, in construct) names that, not the person; after a definite one (رئيسة
        البلدية ريم الخطيب) a new name begins."""
        if k == 0 or _definite(seg[k - 1].norm):
            return False
        governor = seg[k - 1].norm
        if governor.startswith("ل") and not governor.startswith("ال"):
            governor = self.lex.after_lam(governor)  # المدير الفني لنادي ليفربول
        return (governor in self.lex.kinds or governor in self.lex.directions
                or (governor in self.lex.roles and governor not in self.lex.titles.by_first))

    def in_the_name_of(self, seg: list[Token], k: int) -> bool:
        """الناطق باسم مديرية الأمن، المتحدثتان باسم الحزبين: باسم before a definite word or an
        institution is "in the name of", not the given name Basem (باسم يوسف)."""
        return seg[k].norm == "باسم" and k + 1 < len(seg) and (
            _definite(seg[k + 1].norm) or bare(seg[k + 1].norm) in self.lex.kinds)

    def run_from(self, seg: list[Token], i: int) -> list[Token]:
        run: list[Token] = []
        k = i
        while k < len(seg) and len(run) < 7:
            t = seg[k]
            if t.kind != WORD:
                k += 1
                continue
            is_role = any(f in self.lex.roles for f in word_forms(t.norm))
            if is_role and run and k + 1 < len(seg):
                break
            if self.in_the_name_of(seg, k):
                break
            surname = bool(run) and t.norm.startswith("ال")
            if (self.nameish(t, surname) or t.norm in NAME_PARTICLES or (is_role and run)
                    or self.given_before_surname(seg, k, run)):
                run.append(t)
                k += 1
                continue
            break
        while run and run[-1].norm in NAME_PARTICLES:
            run.pop()
        return run

    def given_before_surname(self, seg: list[Token], k: int, run: list[Token]) -> bool:
        """علي المصيلحي: a given name that normalises like a function word (على) opens a name
        when it is not written as the function word and a surname-like word follows."""
        t = seg[k]
        return (not run and t.norm in self.lex.given_names and t.text == t.norm and k + 1 < len(seg)
                and self.nameish(seg[k + 1], surname=True))

    def is_role(self, n: str) -> bool:
        """وزير، الوزير، لوزير: an office noun, with or without its article or a joined ل."""
        return n in self.role_forms

    def name_run(self, toks: list[Token]) -> list[Token]:
        """A name at the start of running text, where nothing bounds it as a mention does: it
        ends after its first surname with ال (أشرف الخولي | أجرى ...) unless that word is part
        of a compound (عبد الفتاح، صلاح الدين)."""
        run = self.run_from(toks, 0)
        for k, t in enumerate(run):
            if k and _definite(t.norm) and run[k - 1].norm not in NAME_PARTICLES and t.norm not in COMPOUND_SECONDS:
                return run[:k + 1]
        return run

    def kind_of(self, head: str, words: list[Token], named: bool, personal: bool, anonymous: bool,
                anonymous_head: str) -> str:
        lex = self.lex
        norms = [t.norm for t in words]
        if norms and (lex.outlets.match(norms, 0) or lex.outlets.match([bare(n) for n in norms], 0)
                      or lex.media_names.match(norms, 0) or lex.media_names.match([bare(n) for n in norms], 0)):
            return "media"
        if anonymous:
            if anonymous_head in PERSON_ANONYMOUS:
                return "person"
            return lex.kinds.get(anonymous_head, "media" if anonymous_head == "وسايل" else "unknown")
        if head in lex.kinds:
            return lex.kinds[head]
        if head in lex.countries or "ال" + head in lex.countries:
            return "government"
        if named or personal:
            return "person"
        return "unknown"


PREPOSED_ARTICLE = ("لل", "بال", "كال")
PLURAL_ENDINGS = ("ون", "ين", "ات", "ه")
KUNYA = frozenset({"ابو", "ام"})  # a name by one's child: أبو عبد الله
COMPOUND_SECONDS = frozenset({"الدين", "الله", "الاسلام", "الرحمن"})  # صلاح الدين، سيف الإسلام


@lru_cache(maxsize=1 << 16)
def _lexical(lex: Lexicon, n: str, gentilic: bool) -> bool:
    """A word that the lexicons know as something other than a name (kept per word form,
    since word frequencies are Zipfian). Function words are compared as written: العلي is a
    name, not the preposition على."""
    if (n in lex.function_words or n in lex.complementisers or n in lex.verbs or n in lex.modifiers
            or bare(n) in lex.numbers
            or bare(n) in lex.directions
            or strip_conjunction(n) in lex.verbs
            or n in lex.adjunct_preps):  # المدرب عقب المباراة: عقب opens a circumstance, no name
        return True
    if any(stem in lex.kinds or stem in lex.roles for stem in pronoun_stems(n)):
        return True  # ناديه، وزيرها: an institution or office with its owner as a pronoun
    for f in word_forms(n) + ([n[1:]] if n[:1] == "ل" and n[1:2] != "ل" else []):  # لنادي، لوزارة
        if (f in lex.adjunct_times or f in lex.roles or f in lex.kinds or f in lex.anonymous
                or f in lex.countries or f in lex.outlets.by_first or (gentilic and lex.is_gentilic(f))):
            return True
    return False


@lru_cache(maxsize=4)
def _role_forms(roles: frozenset[str]) -> frozenset[str]:
    """Every way an office noun is written alone: وزير، الوزير، والوزير، بالوزير، للوزير، لوزير."""
    return frozenset(p + r for r in roles for p in ("", "ال", "وال", "فال", "بال", "كال", "لل", "ل"))


def _definite(n: str) -> bool:
    return n.startswith(("ال", "وال", "فال") + PREPOSED_ARTICLE)


def _segments(toks: list[Token]) -> list[list[Token]]:
    """The mention's words between separators; an acronym in parentheses (وكالة الأنباء
    السعودية (واس)) repeats the name before it, so it is read as no name of its own."""
    out: list[list[Token]] = [[]]
    inside = False
    for t in toks:
        if t.text in SEPARATORS:
            inside = t.text == "("
            out.append([])
        elif t.kind == WORD and not inside:
            out[-1].append(t)
    return [s for s in out if s]


def _join(toks: list[Token]) -> str:
    """The mention's words, as written, without quotation marks or separators at the ends."""
    words = [t for t in toks if t.kind == WORD or t.text in "،,/"]
    while words and words[-1].kind != WORD:
        words.pop()
    out = ""
    for t in words:
        text = _nominative(t.text) if t.kind == WORD else t.text
        out += text if t.kind != WORD or not out or out.endswith(" ") else " " + text
        if t.kind != WORD:
            out += " "
    return out.strip()


def _as_nominative(t: Token) -> Token:
    text = _nominative(t.text)
    return t if text is t.text else Token(t.start, t.end, t.text, normalize(text), t.kind)


def _nominative(word: str) -> str:
    """مصدرًا، مسؤولاً → مصدر، مسؤول: a source named in the accusative (إن مصدرًا كشف) is
    resolved in the form it is cited by."""
    for ending in ("\u064bا", "ا\u064b"):
        if word.endswith(ending) and len(word) > 4:
            return word[:-2]
    return word

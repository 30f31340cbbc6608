"""Find the cues of attribution: reporting verbs, participles and according-to frames."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from .lexicon import JUSSIVE, NOUN, PARTICIPLE, Frame, Lexicon, VerbForm
from .text.segment import Layout
from .text.tokens import WORD

OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه", "نا", "ني", "كم")
OBJECT_CLASSES = frozenset({"tell", "describe", "accuse"})  # verbs whose object pronoun belongs to the cue
NAME_QUOTE_WORDS = 3
RELATIVES = frozenset({"ما", "لما", "مما", "التي", "الذي", "الذين", "كما"})  # a quotation this short names or titles something («القاهرة الإخبارية»)
JUSSIVE_PARTICLES = frozenset({"لم", "ولم", "فلم"})  # لم ينفِ: the shortened form of a defective verb
MASDAR_PRONOUNS = ("هما", "هم", "ها", "ه")
RENEWED_WITHIN = 14  # tokens from a renewing verb to its verbal noun (جدد وزير الخارجية ... نفيه)


@dataclass(frozen=True, slots=True)
class Cue:
    start: int  # token range [start, end)
    end: int
    form: VerbForm | None = None
    frame: Frame | None = None

    @property
    def is_participle(self) -> bool:
        return self.form is not None and self.form.aspect == PARTICIPLE


@lru_cache(maxsize=1 << 16)
def verb_form(lex: Lexicon, word: str, resumptive: bool = False) -> VerbForm | None:
    """Look a normalised word up as a reporting verb, peeling conjunction and object clitics.

    A future (ستعلن، سيقول) announces speech to come, not speech reported, so it is no cue.

    Only verbs addressed to someone (أخبره، أبلغها), verbs whose object is what they describe
    or accuse (ووصفها بأنها، اتهمه بـ), and any verb in a relative clause (ما ذكرته الصحيفة، لما
    تناولته وسائل الإعلام) take an object pronoun as part of the cue.
    """
    candidates = [word]
    if len(word) > 3 and word[0] in "وف":
        candidates.append(word[1:])
    candidates = [w for w in candidates if w not in lex.not_cues]
    for w in candidates:
        form = lex.verbs.get(w)
        if form is not None:
            return form
    for w in candidates:
        for suffix in OBJECT_PRONOUNS:
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                form = lex.verbs.get(w[: -len(suffix)])
                if form is not None and (form.cls in OBJECT_CLASSES or resumptive) and form.aspect != PARTICIPLE:
                    return form
    return None


def frame_at(lex: Lexicon, norms: list[str], i: int) -> tuple[Frame, int] | None:
    """The according-to frame starting at token i and its length in tokens, if any."""
    word = norms[i]
    if word in lex.frames:
        bare = word
    elif len(word) > 3 and word[0] in "وف" and word[1:] in lex.frames:
        bare = word[1:]
    else:
        return None
    for frame in lex.frames[bare]:
        n = len(frame.words)
        if tuple([bare, *norms[i + 1:i + n]]) != frame.words:
            continue
        if frame.clitic:
            if i + n >= len(norms) or not norms[i + n].startswith(frame.clitic):
                continue
            if norms[i + n] == frame.clitic:  # written apart: وفقاً لـ الوزارة
                n += 1
        return frame, n
    return None


CLAUSE_NOUN_CLASSES = frozenset({"say", "reveal", "deny"})
NOUN_SPEAKER_WORDS = 8  # تأكيد وزير الخارجية سامي الخطيب أن: the speaker between noun and clause
TANWEEN_FATHA = "\u064b"  # نفياً: an accusative noun, never a finite verb
COGNATE_REACH = 9  # words from a verb to its own verbal noun as object (نفت المقاومة في لبنان نفيا)


def find_cues(layout: Layout, lex: Lexicon) -> list[Cue]:
    tokens, norms = layout.tokens, [t.norm for t in layout.tokens]
    in_name_quote = _inside_short_quotes(layout)
    cues: list[Cue] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind != WORD or in_name_quote[i]:
            i += 1
            continue
        found = frame_at(lex, norms, i)
        if found:
            frame, n = found
            cues.append(Cue(i, i + n, frame=frame))
            i += n
            if frame.words[-1].endswith("ما"):
                i += 1  # حسبما أفادت الوكالة: the verb belongs to the frame
            elif i < len(tokens) and norms[i] in ("ما", "لما"):
                i += 2  # بحسب ما تشير إليه الأرقام: the verb belongs to the frame
            continue
        withheld = lex.withheld.match(norms, i)
        if withheld:  # لم يكشف عن هويته: a source asking not to be named reports nothing
            i += withheld
            continue
        noun = noun_cue(layout, lex, i) if tok.norm in lex.masdar_verbs or tok.norm[1:] in lex.masdar_verbs else None
        if noun is not None:
            cues.append(Cue(i, i + 1, form=noun))
            i += 1
            continue
        prev = norms[i - 1] if i else ""
        if prev in lex.prepositions:  # في نشر، مع توقع: a verbal noun
            i += 1
            continue
        form = verb_form(lex, tok.norm, resumptive=prev in RELATIVES)
        if form is not None and form.aspect == JUSSIVE and prev not in JUSSIVE_PARTICLES:
            form = None
        if form is not None and form.cls == "renew":
            form = _renewed(lex, layout, i, form)
        if form is not None and form.aspect != PARTICIPLE and (TANWEEN_FATHA in tok.text or (
                form.number == "du" and cues and i - cues[-1].end < COGNATE_REACH  # نفيا: dual, or نفياً
                and cues[-1].form is not None and cues[-1].form.lemma == form.lemma
                and all(t.kind == WORD for t in tokens[cues[-1].end:i]))):
            form = None  # نفت الحركة نفياً قاطعاً: the verb's own noun as its object, not a second report
        if form is not None and (form.aspect != PARTICIPLE or _participle_position(layout, lex, i)):
            cues.append(Cue(i, i + 1, form=form))
        i += 1
    return cues


def noun_cue(layout: Layout, lex: Lexicon, i: int) -> VerbForm | None:
    """بعد تأكيد وزير الخارجية أن ...، إعلان الرئاسة أن ...: a reporting verb's verbal noun,
    in construct with its speaker, before a reported clause, reports as the verb does. The
    speaker must be there: في إشارة إلى أن names none, and a noun alone (التأكيد) is no cue."""
    tokens = layout.tokens
    word = tokens[i].norm
    stem = word[1:] if len(word) > 4 and word[0] in "وبل" and word[1:] in lex.masdar_verbs else word
    verb = lex.masdar_verbs.get(stem)
    if verb is None or verb.cls not in CLAUSE_NOUN_CLASSES:
        return None
    words = 0
    for k in range(i + 1, min(i + 1 + NOUN_SPEAKER_WORDS, len(tokens))):
        t = tokens[k]
        if t.kind != WORD or k in layout.ends:
            return None
        if t.norm in lex.complementisers or (t.norm[:1] == "ب" and t.norm[1:] in lex.complementisers):
            return VerbForm(verb.lemma, NOUN, None, "sg", 3, verb.cls, verb.preps) if words else None
        if t.norm in verb.preps or t.norm in lex.prepositions and not words:
            return None  # في إشارة إلى أن: no speaker between
        if verb_form(lex, t.norm) is not None:
            return None
        words += 1
    return None


def pronoun_stems(word: str) -> Iterator[str]:
    """A noun without the pronoun joined to it, its ta marbuta restored: دعوته → دعوه."""
    for suffix in MASDAR_PRONOUNS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            yield stem
            if stem.endswith("ت"):
                yield stem[:-1] + "ه"


def masdar_verb(lex: Lexicon, word: str) -> VerbForm | None:
    """The reporting verb of a verbal noun with its speaker's pronoun or the article: نفيه،
    دعوته، التأكيد → نفى، دعا، أكد."""
    stems = [word[2:]] if word.startswith("ال") else pronoun_stems(word)
    return next((lex.masdar_verbs[s] for s in stems if s in lex.masdar_verbs), None)


def _renewed(lex: Lexicon, layout: Layout, i: int, form: VerbForm) -> VerbForm | None:
    """جدد الوزير نفيه أن: a renewing verb reports as the verb of the verbal noun after it
    (here a denial); a participle takes that noun at once (مجدداً تأكيده). With none it is
    no cue: مجدداً before أن is the adverb "again"."""
    tokens = layout.tokens
    last = i + 2 if form.aspect == PARTICIPLE else i + 1 + RENEWED_WITHIN
    for k in range(i + 1, min(last, len(tokens))):
        if k in layout.ends or tokens[k].text == ":" or tokens[k].norm in lex.complementisers:
            return None
        noun = masdar_verb(lex, tokens[k].norm) if tokens[k].kind == WORD else None
        if noun is not None:
            return replace(form, cls=noun.cls, preps=noun.preps)
    return None


def _participle_position(layout: Layout, lex: Lexicon, i: int) -> bool:
    """A participle is a cue after a comma or at a clause start (، مضيفاً أن ...)."""
    tokens = layout.tokens
    if i == 0:
        return True
    prev = tokens[i - 1]
    if prev.kind != WORD or prev.norm in ("و",):
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None  # وتابع قائلاً: «...»
    return nxt is not None and (nxt.text == ":" or nxt.norm in lex.complementisers or nxt.kind == "quote")


def _inside_short_quotes(layout: Layout) -> list[bool]:
    flags = [False] * len(layout.tokens)
    for q in layout.quotes:
        if q.close is not None and q.words <= NAME_QUOTE_WORDS:
            for k in range(q.open + 1, q.end):
                flags[k] = True
    return flags

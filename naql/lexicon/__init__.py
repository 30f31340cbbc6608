"""Lexicons: reviewable data files in ``data/``, loaded once per process.

Every entry is normalised (see ``naql.text.normalize``) when loaded, so the files are
written in ordinary Arabic spelling and matched against normalised tokens.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..text.normalize import bare, normalize
from .inflect import imperfect_forms, jussive_forms, participle_forms, perfect_forms

PERFECT, IMPERFECT, PARTICIPLE = "perfect", "imperfect", "participle"
NOUN = "noun"  # تأكيد الوزير أن: a reporting verb's verbal noun with its speaker after it
JUSSIVE = "jussive"  # لم ينفِ: a cue only after لم, since the shortened form is ambiguous alone


@dataclass(frozen=True, slots=True)
class VerbForm:
    lemma: str
    aspect: str
    gender: str | None
    number: str
    person: int
    cls: str
    preps: tuple[str, ...]

    @property
    def polarity(self) -> str:
        return "deny" if self.cls == "deny" else "assert"


@dataclass(frozen=True, slots=True)
class Frame:
    words: tuple[str, ...]
    clitic: str | None  # a preposition written on the next word (وفقاً لـ، وفقاً للوزارة)
    use: str


@dataclass
class Phrases:
    """A set of normalised word sequences, matched longest first at a token position."""

    by_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)

    def add(self, phrase: str) -> None:
        words = tuple(normalize(phrase).split())
        if words:
            seqs = self.by_first.setdefault(words[0], [])
            seqs.append(words)
            seqs.sort(key=len, reverse=True)

    def match(self, words: list[str], i: int) -> int:
        """Length of the longest phrase starting at words[i], or 0."""
        for seq in self.by_first.get(words[i], ()):
            if tuple(words[i:i + len(seq)]) == seq:
                return len(seq)
        return 0

    def __contains__(self, phrase: str) -> bool:
        words = tuple(phrase.split())
        return bool(words) and words in self.by_first.get(words[0], ())


def lines(name: str) -> list[str]:
    """The entries of a one-entry-a-line data file, comments and blank lines left out."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def table(name: str) -> list[dict[str, str]]:
    """The rows of a tab-separated data file with a header line."""
    rows = csv.DictReader(lines(name), delimiter="\t")
    return [{k: v.strip() for k, v in row.items()} for row in rows]


def _words(name: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in lines(name))


def _phrases(lines: list[str]) -> Phrases:
    out = Phrases()
    for line in lines:
        out.add(line)
    return out


def _sections(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = ""
    for line in lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
        else:
            out.setdefault(current, []).append(line)
    return out


def _verbs() -> tuple[dict[str, VerbForm], dict[str, VerbForm]]:
    """Every inflection of the reporting verbs, and the verb of each verbal noun (نفي → نفى)."""
    forms: dict[str, VerbForm] = {}
    shortened: dict[str, VerbForm] = {}  # jussives yield to any other verb spelled the same
    masdars: dict[str, VerbForm] = {}
    for row in table("verbs.tsv"):
        perfect, imperfect, participle = (normalize(row[k]) for k in ("perfect", "imperfect", "participle"))
        lemma = perfect if perfect != "-" else participle
        preps = tuple(normalize(p) for p in row["prep"].split(",") if p != "-")
        for citation, aspect, generate, into in ((perfect, PERFECT, perfect_forms, forms),
                                                 (imperfect, IMPERFECT, imperfect_forms, forms),
                                                 (participle, PARTICIPLE, participle_forms, forms),
                                                 (imperfect, JUSSIVE, jussive_forms, shortened)):
            if citation == "-":
                continue
            for form, (gender, number, person) in generate(citation):
                into.setdefault(form, VerbForm(lemma, aspect, gender, number, person, row["class"], preps))
        if row["masdar"] != "-":
            masdars[normalize(row["masdar"])] = VerbForm(lemma, PERFECT, "m", "sg", 3, row["class"], preps)
    return {**shortened, **forms}, masdars


@dataclass(frozen=True, eq=False)
class Lexicon:
    verbs: dict[str, VerbForm]
    masdar_verbs: dict[str, VerbForm]
    frames: dict[str, list[Frame]]
    complementisers: frozenset[str]
    impersonal: frozenset[str]
    content_end: Phrases
    discourse: Phrases
    titles: Phrases
    roles: frozenset[str]
    outlets: Phrases
    media_names: Phrases
    anonymous: frozenset[str]
    kinds: dict[str, str]
    countries: frozenset[str]
    gentilics: frozenset[str]
    country_of: dict[str, str]  # a gentilic (مصري) → its country (مصر), both normalised without ال
    adjunct_events: frozenset[str]
    adjunct_times: frozenset[str]
    adjunct_preps: frozenset[str]
    event_preps: frozenset[str]
    masdars: frozenset[str]
    recipients: frozenset[str]
    interviews: frozenset[str]
    function_words: frozenset[str]
    headline_stop: Phrases
    content_starts: frozenset[str]
    verbal_nouns: frozenset[str]
    framing_verbs: frozenset[str]
    subordinators: frozenset[str]
    prepositions: frozenset[str]
    not_sources: frozenset[str]
    given_names: frozenset[str]
    modifiers: frozenset[str]
    directions: frozenset[str]
    numbers: frozenset[str]
    clause_links: Phrases
    negations: frozenset[str]
    withheld: Phrases
    not_speakers: Phrases
    not_cues: frozenset[str]

    def after_lam(self, word: str) -> str:
        """A normalised word without a joined لـ: للجنه → لجنه (a known word beginning with ل),
        للبيت → البيت (ل on the article, whose alef falls), لوزاره → وزاره."""
        rest = word[1:]
        if not word.startswith("لل") or rest in self.kinds or rest in self.roles or rest in self.anonymous:
            return rest
        return "ا" + rest

    def drop_lam(self, text: str) -> str:
        """A written word without its joined لـ: لوزارة → وزارة، للجنة → لجنة، للبيت → البيت."""
        norm = normalize(text)
        return "ا" + text[1:] if self.after_lam(norm).startswith("ال") and norm.startswith("لل") else text[1:]

    def place(self, word: str) -> str:
        """A bare word with a gentilic read as its country (فرنسي، الفرنسية → فرنسا), so that
        وزير خارجية فرنسا and وزير الخارجية الفرنسي describe the same office."""
        for g in (word, word[:-1] if word.endswith("ه") else word,
                  word[:-2] if word.endswith(("ين", "ون")) else word):
            if g in self.country_of:
                return self.country_of[g]
        return word

    def is_gentilic(self, f: str) -> bool:
        """مصري، مصريه، مصريين (without ال): a gentilic adjective in any gender or number."""
        g = self.gentilics
        return f in g or (f.endswith("ه") and f[:-1] in g) or (f.endswith(("ين", "ون")) and f[:-2] in g)


def _first_country(countries: list[dict[str, str]]) -> dict[str, str]:
    """Each gentilic to the country listed first for it (فرنسي → فرنسا, not its capital باريس)."""
    out: dict[str, str] = {}
    for r in countries:
        out.setdefault(normalize(r["gentilic"]), bare(normalize(r["country"])))
    return out


@lru_cache(maxsize=1)
def load() -> Lexicon:
    frames: dict[str, list[Frame]] = {}
    for row in table("frames.tsv"):
        words = normalize(row["frame"]).split()
        clitic = None
        if len(words) > 1 and words[-1] in ("ل",):
            clitic = words.pop()
        frames.setdefault(words[0], []).append(Frame(tuple(words), clitic, row["use"]))
    for seqs in frames.values():
        seqs.sort(key=lambda f: len(f.words), reverse=True)
    countries = table("countries.tsv")
    adjuncts = _sections("adjuncts.txt")
    verbs, masdar_verbs = _verbs()
    return Lexicon(
        verbs=verbs,
        masdar_verbs=masdar_verbs,
        frames=frames,
        complementisers=_words("complementisers.txt"),
        impersonal=_words("impersonal.txt"),
        content_end=_phrases(lines("content_end.txt")),
        discourse=_phrases(lines("discourse.txt")),
        titles=_phrases(lines("titles.txt")),
        roles=frozenset(normalize(w) for w in lines("roles.txt")),
        outlets=_phrases(lines("outlets.txt")),
        media_names=_phrases(lines("media_names.txt")),
        anonymous=_words("anonymous.txt"),
        kinds={normalize(r["head"]): r["kind"] for r in table("kinds.tsv")},
        countries=frozenset(normalize(r["country"]) for r in countries),
        gentilics=frozenset(normalize(r["gentilic"]) for r in countries),
        country_of=_first_country(countries),
        adjunct_events=frozenset(normalize(w) for w in adjuncts.get("event", [])),
        adjunct_times=frozenset(normalize(w) for w in adjuncts.get("time", [])),
        adjunct_preps=frozenset(normalize(w) for w in adjuncts.get("preposition", [])),
        event_preps=frozenset(normalize(w) for w in adjuncts.get("event preposition", [])),
        masdars=frozenset(normalize(w) for w in adjuncts.get("masdar", [])) | frozenset(masdar_verbs),
        recipients=frozenset(normalize(w) for w in adjuncts.get("recipient", [])),
        interviews=frozenset(normalize(w) for w in adjuncts.get("interview", [])),
        function_words=_words("function_words.txt"),
        headline_stop=_phrases(lines("headline_stop.txt")),
        content_starts=_words("content_starts.txt"),
        verbal_nouns=_words("verbal_nouns.txt"),
        framing_verbs=frozenset(f for w in _words("framing_verbs.txt") for f, _ in perfect_forms(w)),
        subordinators=_words("subordinators.txt"),
        prepositions=_words("prepositions.txt"),
        not_sources=_words("not_sources.txt"),
        given_names=_words("given_names.txt"),
        modifiers=_words("modifiers.txt"),
        directions=_words("directions.txt"),
        numbers=_words("numbers.txt"),
        clause_links=_phrases(lines("clause_links.txt")),
        negations=frozenset(normalize(r["words"]) for r in table("stance.tsv") if r["kind"] == "negation"),
        withheld=_phrases(lines("withheld.txt")),
        not_speakers=_phrases(lines("not_speakers.txt")),
        not_cues=_words("not_cues.txt"),
    )

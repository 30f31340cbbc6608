"""Resolve every source inside the article and link its mentions into entities.

الصحيفة → the newspaper named last; الوزير → that minister; a subject only in the verb → the
nearest earlier source that agrees in gender; مضيفاً → the speaker of the clause it hangs on;
سموه/معاليه → the person named before; a role alone (نائبة) → the name the article gives it.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from .attach import Candidate
from .lexicon import PARTICIPLE, Lexicon
from .mentions import Mention, MentionReader
from .text.normalize import bare, normalize
from .text.segment import SENTENCE_END, Layout
from .text.tokens import Token

UNKNOWN = "غير محدد"
RECENT = 64  # how far back (in entities or attributions) a mention looks for what it refers to
NAME_WORDS = 7  # words a name is read back over, from its last
DESCRIPTION = 16  # tokens of a role's description searched for its other words and the name
PERSON_REACH = 400  # tokens back to a person the narrative named, for a subject only in the verb
# بيان صادر عن الوزارة، توضيح من مكتب الوزير، تحقيق أجرته الصحيفة
ISSUED = frozenset({"صادر", "الصادر", "عن", "من", "اجرته", "اعدته", "نشرته", "اصدرته", "اجراه", "اعده",
                    "نشره", "اصدره", "جمعتها", "جمعته"})


@dataclass(slots=True)
class EntityState:
    """One source as the article builds it up, mention by mention."""

    id: str
    mentions: list[Mention] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    gender: str | None = None
    found_name: str | None = None  # a name the article gives this role elsewhere
    best_name: str | None = None  # the fullest name among the mentions
    best_description: str | None = None
    name_words: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)
    kind: str = "unknown"
    anonymous: bool = True
    last_at: int = -1  # token index of the latest mention
    last_said: int = -1  # the latest attribution credited to this source, in article order

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        if m.name and (self.best_name is None or len(m.name.split()) > len(self.best_name.split())):
            self.best_name = m.name
        if not m.honorific and (self.best_description is None
                                or len(m.description.split()) > len(self.best_description.split())):
            self.best_description = m.description
        self.name_words |= m.name_words
        self.words |= m.words | m.name_words
        self.heads.add(m.head)
        if self.kind == "unknown":
            self.kind = m.kind
        self.anonymous = self.anonymous and m.anonymous

    @property
    def name(self) -> str:
        if self.best_name and self.found_name and len(self.found_name.split()) > len(self.best_name.split()):
            return self.found_name  # العبيدي, named in full elsewhere: سهام العبيدي
        return self.best_name or self.found_name or self.best_description or UNKNOWN

    @property
    def has_role(self) -> bool:
        return any(m.role for m in self.mentions)


@dataclass(slots=True)
class Resolved:
    candidate: Candidate
    entity: EntityState | None
    mention: Mention | None


class Resolver:
    def __init__(self, layout: Layout, lex: Lexicon):
        self.layout, self.lex = layout, lex
        self.reader = MentionReader(lex)
        self.entities: list[EntityState] = []
        self.index = _Index(layout)

    def mention(self, r: tuple[int, int], skip: int = 0) -> Mention:
        """Read the mention over a token range; ``skip`` drops a clitic on its first token (لوزارة)."""
        tokens = self.layout.tokens[r[0]:r[1]]
        if skip and tokens:
            first = tokens[0]
            rest = first.text[skip:]
            tokens = [Token(first.start + skip, first.end, rest, normalize(rest), first.kind), *tokens[1:]]
        return self.reader.read(tokens)

    def run(self, cands: list[Candidate]) -> list[Resolved]:
        out: list[Resolved] = []
        for c in cands:
            gender = c.form.gender if c.form else None
            if c.source is not None:
                e, m = self.mentioned(c.source, gender, c.source_skip)
                if m.role and not e.name_words and e.found_name is None and len(e.mentions) == 1:
                    e.found_name = self.name_for_role(e.mentions)
                    if e.found_name:
                        e.words |= _name_words(e.found_name)
                tokens = self.layout.tokens
                e.spans.append((tokens[c.source[0]].start + c.source_skip, tokens[c.source[1] - 1].end))
                out.append(Resolved(c, e, m))
                e.last_said = len(out)
            else:
                e = self.host_of(c, out) if c.form and c.form.aspect == PARTICIPLE else None
                if e is None and c.speaker is not None:  # أدانت الوزارة الهجوم، معتبرة
                    e, _ = self.mentioned(c.speaker, gender)
                if e is None:
                    e = self.antecedent(gender, out)
                    e = self.person_taking_over(c, gender, e) or e or self.person_before(c, gender)
                out.append(Resolved(c, e, None))
                if e is not None:
                    e.last_said = len(out)
                    e.last_at = max(e.last_at, (c.cue or c.content)[0])
        for e in self.entities:
            if not e.name_words and e.has_role and e.found_name is None:
                e.found_name = self.name_for_role(e.mentions)  # the name may come after the role (نائبة: ...)
            elif e.best_name and len(e.best_name.split()) == 1 and e.found_name is None:
                e.found_name = self.full_name(e.best_name)
        return out

    def mentioned(self, r: tuple[int, int], gender: str | None, skip: int = 0
                  ) -> tuple[EntityState, Mention]:
        """The source at ``r`` read, linked to its entity and recorded there."""
        m = self.mention(r, skip)
        e = self.link(m, r[0], gender)
        e.add(m)
        e.last_at = r[0]
        e.gender = e.gender or gender
        return e, m

    def link(self, m: Mention, at: int, gender: str | None = None) -> EntityState:
        recent = self.entities[-RECENT:][::-1]
        if m.honorific:
            person = next((e for e in recent if e.kind == "person" and not e.anonymous and e.mentions), None)
            if person is not None:
                return person
            return self.new(found_name=self.titled_name_before(at))
        if m.kind == "document":
            issuer = self.issuer_of(m, at)  # البيان → the body whose statement was named
            if issuer is not None:
                return issuer
        if m.name_words:
            for e in recent:
                names = e.name_words
                if names and (m.name_words <= names or names <= m.name_words):
                    return e
                if not names and (e.has_role and self.same_office(m.sequence, e)
                                  or e.found_name and m.name_words <= e.words):
                    return e
        elif m.words and (m.definite or m.anonymous or m.role):
            # الوزارة → the ministry named last, before a minister's title that mentions a ministry
            linked = next((e for same_head in (True, False) for e in recent
                           if m.words <= e.words and (m.head in e.heads if same_head else _same_kind(m, e))), None)
            narrative = self.narrative_mention(m, at)
            if narrative is not None and (linked is None or narrative[1] > linked.last_at):
                name_words = _name_words(narrative[0])
                same = next((e for e in recent if e.words >= name_words and m.head in e.heads), None)
                return same or self.new(found_name=narrative[0])
            if linked is not None:
                return linked
            if m.role and m.definite and not m.anonymous and (len(m.sequence) == 1 or (
                    self.qualifies_only(m) and not self.holder_named(m))):
                # المتحدث، المرشح الجمهوري: an office written with the article points back to the
                # person last quoted, unless the article names someone else holding it
                person = max((e for e in recent if e.kind == "person" and e.name_words
                              and (gender is None or e.gender in (None, gender))),
                             key=lambda e: e.last_said, default=None)
                if person is not None:
                    return person

        return self.new()

    def same_office(self, seq: tuple[str, ...], e: EntityState) -> bool:
        """وزير خارجية فرنسا ~ وزير الخارجية الفرنسي لوران فابيوس: every word of the role's
        mention is in the named mention, gentilics read as their countries."""
        words = {self.lex.place(w) for w in seq}
        return any(x.sequence and all(self.lex.place(w) in words for w in x.sequence) for x in e.mentions if x.role)

    def qualifies_only(self, m: Mention) -> bool:
        """المرشح الجمهوري، الوزير الإسرائيلي: an office with adjectives only. One that names
        its body (المتحدث باسم الشرطة، مدير المستشفى) is a person of its own."""
        return len(m.sequence) <= 3 and not any(
            w == "باسم" or w in self.lex.kinds or w in self.lex.countries for w in m.sequence[1:])

    def holder_named(self, m: Mention) -> bool:
        return self.name_for_role([m]) is not None

    def issuer_of(self, m: Mention, at: int) -> EntityState | None:
        """بيان للخارجية الأمريكية، توضيح من مكتب الوزير؛ وذكر البيان: a statement speaks for
        whoever issued it, named after it in the mention itself or, for البيان, in the last
        "بيان لـX" / "بيان صادر عن X" / "بيان X" written before it."""
        tokens = self.layout.tokens
        if not m.definite and len(m.sequence) > 1 and bare(tokens[at].norm) == m.head:
            place = at
        elif m.definite:
            places = self.index.written_as(m.head)
            k = bisect_left(places, at) - 1
            if k < 0:
                return None
            place = places[k]
        else:
            return None
        start = place + 1
        while start < len(tokens) and tokens[start].norm in ISSUED:
            start += 1
        end = start
        while end < len(tokens) and end - start < 6 and tokens[end].kind == "word" \
                and tokens[end].norm not in self.lex.function_words and tokens[end].norm not in self.lex.complementisers:
            end += 1
        first = tokens[start].norm if end > start else ""
        if not first or (start == place + 1 and not first.startswith(("ال", "لل", "ل"))):
            return None  # بيان الوزارة، بيان للوزارة; after من/عن any noun phrase (من مكتب الوزير)
        lam = first.startswith("ل") and not first.startswith("ال")  # للخارجية، لوزارة، للجنة
        issuer = self.mention((start, end), 1 if lam and not first.startswith("لل") else 0)
        if issuer.kind not in ("government", "organization", "media", "group") and not issuer.name:
            return None
        words = [t.text for t in tokens[start:end]]
        if lam:
            words[0] = self.lex.drop_lam(words[0])
        name = " ".join(words)
        e = next((x for x in self.entities if x.found_name == name), None) or self.new(found_name=name)
        e.kind, e.anonymous = issuer.kind, False
        return e

    def new(self, found_name: str | None = None) -> EntityState:
        e = EntityState(id=f"e{len(self.entities) + 1}", found_name=found_name)
        if found_name:
            e.words |= _name_words(found_name)
        self.entities.append(e)
        return e

    def host_of(self, c: Candidate, done: list[Resolved]) -> EntityState | None:
        """A participle continues the attribution before it in the same sentence."""
        sentence = self.layout.sentence_of[c.cue[0]] if c.cue else -1
        gender = c.form.gender if c.form else None
        for r in done[-RECENT:][::-1]:
            anchor = r.candidate.cue or r.candidate.source
            if (anchor and r.candidate.form is not None and self.layout.sentence_of[anchor[0]] == sentence
                    and anchor[0] < c.cue[0] and _agrees(r.entity, gender)):
                return r.entity
        return None

    def antecedent(self, gender: str | None, done: list[Resolved]) -> EntityState | None:
        """The nearest earlier source that agrees in gender."""
        for r in done[-RECENT:][::-1]:
            e = r.entity
            if e is None or r.candidate.rule == "frame" or r.candidate.nested:
                continue
            if _agrees(e, gender):
                return e
        return None

    def person_taking_over(self, c: Candidate, gender: str | None, current: EntityState | None
                           ) -> EntityState | None:
        """ورفض رئيس الشركة هسو كوانج التقرير، ونفى ...؛ وقال ...: a person the narrative names
        as it goes on, in this sentence or the one before and after the current speaker was
        last seen, takes over; the first such name, where a clause's subject stands."""
        if c.cue is None:
            return None
        sentence = self.layout.sentence_of[c.cue[0]]
        begin = max(self.layout.sentences[max(sentence - 1, 0)][0], c.cue[0] - PERSON_REACH)
        if current is not None:
            begin = max(begin, current.last_at + 1)
        for start, name, feminine in self.index.people(self.reader, begin, c.cue[0]):
            if gender is None or (gender == "f") == feminine:
                if current is not None and current.name_words >= _name_words(name):
                    return None  # the current speaker named again
                return self.person_named(name, feminine)
        return None

    def person_named(self, name: str, feminine: bool) -> EntityState:
        words = _name_words(name)
        e = next((x for x in self.entities if x.found_name == name or (x.name_words and x.name_words <= words)), None)
        if e is None:
            e = self.new(found_name=name)
            e.kind, e.anonymous, e.gender = "person", False, "f" if feminine else "m"
        return e

    def person_before(self, c: Candidate, gender: str | None) -> EntityState | None:
        """وجّه النائب علي العطيش نقده ... وقال: with no earlier source that agrees, the subject
        only in the verb is the person the narrative named last (within a few paragraphs)."""
        at = (c.cue or c.content)[0]
        for start, name, feminine in reversed(self.index.people(self.reader, at - PERSON_REACH, at)):
            if gender is None or (gender == "f") == feminine:
                return self.person_named(name, feminine)
        return None

    def name_for_role(self, mentions: list[Mention]) -> str | None:
        """مدرب الأهلي → محمد يوسف: the person the article gives the role. The role's head is
        looked for in the text with its other words (الأهلي، الإسرائيلي ~ إسرائيل) in the
        description there, and the name is the one written right after that description (وزير
        التعاون الإقليمي في الحكومة الإسرائيلية، أيوب القرا) or right before it (محمد يوسف،
        المدرب العام ... بالنادي الأهلي)."""
        tokens, bares, lex = self.layout.tokens, self.index.bares, self.lex
        for m in mentions:
            if not m.sequence:
                continue
            wanted = {lex.place(w) for w in m.sequence[1:]}
            for i in self.index.positions(m.sequence[0])[:_Index.MAX_PLACES]:
                described: set[str] = set()
                k, complete = i + 1, (i + 1 if not wanted else None)
                while k < len(tokens) and k - i <= DESCRIPTION and tokens[k].kind in ("word", "punct") \
                        and tokens[k].text not in SENTENCE_END:
                    if complete is not None and k - complete > 1:
                        break  # the name follows the description at once
                    name = self.name_at(k) if complete is not None else None
                    if name:
                        return name
                    if tokens[k].kind == "word":
                        described.add(lex.place(bares[k]))
                        if complete is None and wanted <= described:
                            complete = k + 1
                    k += 1
                if wanted <= described:
                    name = self.name_ending_before(i)
                    if name:
                        return name
        return None

    def name_at(self, k: int) -> str | None:
        """A person's name starting at token ``k`` after a comma, a title or a given name."""
        tokens = self.layout.tokens
        if tokens[k].kind != "word":
            return None
        norms = [t.norm for t in tokens[k:k + 10]]
        skip = self.lex.titles.match(norms, 0)
        after_comma = tokens[k - 1].text in "،,"
        if not (skip or after_comma or norms[0] in self.lex.given_names):
            return None
        run = self.reader.name_run(tokens[k + skip:k + skip + 8])
        if len(run) >= 2 and self.reader.is_name(run, bool(skip)):
            return " ".join(t.text for t in run)
        return None

    def name_ending_before(self, i: int) -> str | None:
        """محمد يوسف، المدرب العام: the name written just before a description, comma between."""
        if i < 2 or self.layout.tokens[i - 1].text not in "،,":
            return None
        tail = self.name_ending_at(i - 1)
        return " ".join(t.text for t in tail) if len(tail) >= 2 else None

    def name_ending_at(self, end: int) -> list[Token]:
        """The name whose last word is token end - 1, read back over the words before it."""
        tokens = self.layout.tokens
        start = end
        while start > 0 and end - start < NAME_WORDS and tokens[start - 1].kind == "word":
            start -= 1
        return self.reader.tail_name(tokens[max(start - 1, 0):end], 0) or []  # the first token only bounds it

    def full_name(self, surname: str) -> str | None:
        """وقال الأنصاري: the fullest name the article writes ending in that surname (ماجد بن
        محمد الأنصاري), wherever it stands, so a source is named as fully as the article does."""
        tokens = self.layout.tokens
        best: list[Token] = []
        for i in self.index.positions(bare(normalize(surname)))[:_Index.MAX_PLACES]:
            tail = self.name_ending_at(i + 1)
            if tail and tail[-1] is tokens[i] and len(tail) > len(best):
                best = tail
        return " ".join(t.text for t in best) if len(best) > 1 else None

    def narrative_mention(self, m: Mention, at: int) -> tuple[str, int] | None:
        """The last "صحيفة X" / "وزارة X" written before token ``at``, and where it starts."""
        if not (m.definite and len(m.sequence) == 1 and (m.kind in ("media", "government", "organization"))):
            return None
        places = self.index.written_as(m.head)  # the indefinite head: صحيفة ...
        k = bisect_left(places, at) - 1
        tokens = self.layout.tokens
        if k < 0:
            return None
        start = places[k]
        words: list[str] = []
        definite = False
        for t in tokens[start + 1:start + 6]:
            if t.kind == "quote":
                continue
            if t.kind != "word":
                break
            if t.norm.startswith("ال"):
                definite = True
            elif definite or len(words) == 2 or not self.reader.nameish(t):
                break
            words.append(t.text)
        return (" ".join([tokens[start].text, *words]), start) if words else None

    def titled_name_before(self, at: int) -> str | None:
        """سموه with no earlier source: the nearest titled name before it (الشيخ محمد بن راشد)."""
        tokens = self.layout.tokens
        norms = [t.norm for t in tokens]
        for k in range(at - 1, max(-1, at - 40 * RECENT), -1):
            m = self.lex.titles.match(norms, k)
            if m:
                run = self.reader.run_from(tokens[k + m:k + m + 8], 0)
                if len(run) >= 2:
                    return " ".join(t.text for t in tokens[k:k + m] if t.kind == "word") + " " + " ".join(
                        t.text for t in run)
        return None


class _Index:
    """Where each word (without its article) occurs, built once per article when needed."""

    MAX_PLACES = 32  # occurrences of one word tried when looking for a role's name

    def __init__(self, layout: Layout):
        self.layout = layout
        self._bares: list[str] | None = None
        self._at: dict[str, list[int]] = {}
        self._exact: dict[str, list[int]] = {}
        self._people: list[tuple[int, str, bool]] = []  # found in the stretch read so far
        self._read: tuple[int, int] | None = None  # that stretch of tokens

    @property
    def bares(self) -> list[str]:
        if self._bares is None:
            self._bares = [bare(t.norm) for t in self.layout.tokens]
            for i, w in enumerate(self._bares):
                self._at.setdefault(w, []).append(i)
        return self._bares

    def positions(self, word: str) -> list[int]:
        _ = self.bares
        return self._at.get(word, [])

    def people(self, reader: MentionReader, a: int, b: int) -> list[tuple[int, str, bool]]:
        """Named people the running text names from token a to b, in order: (token index,
        name, feminine). A name counts when a title or role announces it (النائب علي العطيش،
        الدكتورة منى، لوزير الخارجية، فيليب هاموند،) or a known given name opens it (أشرف
        الخولي). The text is read once, as far as the windows asked for reach."""
        a, b = max(a, 0), min(b, len(self.layout.tokens))
        if self._read is None:
            self._read = (a, a)
        lo, hi = self._read
        if a < lo:
            self._people[:0] = self.read_people(reader, a, lo)
        if b > hi:
            self._people.extend(self.read_people(reader, max(hi, a), b))
        self._read = (min(lo, a), max(hi, b))
        people = self._people
        return people[bisect_left(people, (a,)):bisect_left(people, (b,))]

    def read_people(self, reader: MentionReader, a: int, b: int) -> list[tuple[int, str, bool]]:
        out = []
        i = a
        while i < b:
            found, i = self.person_at(i, reader)
            if found is not None:
                out.append(found)
        return out

    def person_at(self, i: int, reader: MentionReader) -> tuple[tuple[int, str, bool] | None, int]:
        """The person named from token i, if any, and the token to read next."""
        tokens = self.layout.tokens
        n = tokens[i].norm
        lex = reader.lex
        if n not in lex.titles.by_first and not reader.is_role(n) and n not in lex.given_names \
                and not (i and tokens[i - 1].text in "،,"):
            return None, i + 1  # no title, office or given name here, nor a comma before
        m = lex.titles.match([t.norm for t in tokens[i:i + 4]], 0) or (1 if reader.is_role(n) else 0)
        run = reader.name_run(tokens[i + m:i + m + 8]) if m else []
        if m and not (run and run[0].norm in lex.given_names):
            run = self.described_name(i, reader)  # المدير الفني لليفربول الألماني يورغن كلوب
        if not run:
            m, run = 0, self.name_opening(i, reader)
        if len(run) < 2:
            return None, i + 1
        last = next(k for k in range(i, len(tokens)) if tokens[k] is run[-1])
        return (i, " ".join(t.text for t in run), m > 0 and n.endswith("ه")), last + 1

    def described_name(self, i: int, reader: MentionReader) -> list[Token]:
        """The name closing an office's description, read as a source mention is, up to the
        next punctuation (رئيس الشركة التايوانية هسو كوانج، ...)."""
        tokens = self.layout.tokens
        j = i
        while j < len(tokens) and j - i < DESCRIPTION // 2 and tokens[j].kind == "word":
            j += 1
        if j == len(tokens) or tokens[j].kind == "word":
            return []  # the description runs on: where the name would end is unknown
        name = reader.tail_name(tokens[i:j], 0)
        return name or []

    def name_opening(self, i: int, reader: MentionReader) -> list[Token]:
        """A name opening at token i: a given name, or words set off by commas after a role
        (لوزير الخارجية، فيليب هاموند، يقول)."""
        tokens = self.layout.tokens
        if tokens[i].norm in reader.lex.given_names:
            return reader.name_run(tokens[i:i + 8])
        if not (i > 1 and tokens[i - 1].text in "،," and not tokens[i].norm.startswith("ال")
                and any(reader.is_role(t.norm) for t in tokens[max(i - 5, 0):i - 1])):
            return []
        run = reader.name_run(tokens[i:i + 4])
        after = i + len(run)
        return run if after < len(tokens) and tokens[after].text in "،," else []

    def written_as(self, norm: str) -> list[int]:
        """Where the word is written exactly so (صحيفة, not الصحيفة): kept per word, so that
        looking back from each of n mentions costs log n, not n."""
        places = self._exact.get(norm)
        if places is None:
            tokens = self.layout.tokens
            places = self._exact[norm] = [i for i in self.positions(norm)
                                          if tokens[i].norm == norm]
        return places


def _name_words(name: str) -> set[str]:
    """The words a name is matched by: normalised, without the article."""
    return {bare(w) for w in normalize(name).split()}


def _same_kind(m: Mention, e: EntityState) -> bool:
    return "unknown" in (m.kind, e.kind) or m.kind == e.kind


def _agrees(e: EntityState | None, gender: str | None) -> bool:
    return e is not None and (gender is None or e.gender is None or e.gender == gender)

"""Provenance, piece by piece: sketches, statements, outlets, chains, speakers, positions,
links; then claims and stories in a store (SQLite and PostgreSQL) built from hand-written
documents, and the command line."""
from __future__ import annotations

import csv
import json
import os
import random
from datetime import datetime, timedelta

import numpy as np
import pyarrow.parquet as pq
import pytest
from datasketch import MinHash
from rich.cells import cell_len
from sqlalchemy import func, select, update as sql_update

import naql
from naql.model import Attribution, Document, Source, Span, Via
from naql.provenance import (claims, claims_of, stories, story, story_of, unprocessed,
                             update)
from naql.provenance.chains import Cited, links, tree
from naql.provenance.evaluate import score_set
from naql.provenance.claim_cluster import near_duplicates
from naql.provenance.identity import (COMPATIBLE, CONFLICT, SAME, Identity, Reported, chains,
                                     origins, same_speaker)
from naql.provenance.outlets import Outlets, outlet_key
from naql.provenance.positions import position
from naql.provenance.shingles import content_words, figures, statement_shingles, statements
from naql.provenance.sketch import NUM_PERM, SCHEME, SEED, band_keys, crc, distinct, signatures
from naql.store import Article, Writer, open_store
from naql.store.schema import attributions as attributions_table
from naql.store.schema import claims as claims_table
from naql.store.schema import provenance_state


# --- sketches and statements -----------------------------------------------------------------

def hashed(items: list[str]) -> np.ndarray:
    return distinct(np.array([crc(x) for x in items], dtype=np.uint32))


def test_signatures_are_datasketch_minhashes():
    rng = random.Random(3)
    sets = [hashed([str(rng.random()) for _ in range(n)]) for n in (0, 1, 7, 60, 300)]
    for s, row in zip(sets, signatures(sets)):
        m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=int)
        m.update_batch(s.tolist())
        assert (m.hashvalues == row).all()


def test_band_keys_meet_when_a_band_is_equal():
    a = signatures([hashed(["x", "y", "z"])])[0]
    b = a.copy()
    b[0] += 1  # the first band differs, the others not
    keys = band_keys(np.stack([a, a, b]), 0.3)
    assert (keys[0] == keys[1]).all()
    assert (keys[0] == keys[2]).sum() == keys.shape[1] - 1


def test_a_content_joining_statements_is_several():
    assert statements("الحكومة تدرس بيع حصتها في الشركة، وأن ثلاث شركات أبدت اهتمامها") == [
        "الحكومة تدرس بيع حصتها في الشركة", "ثلاث شركات أبدت اهتمامها"]
    assert statements("الاتفاق صامد، وإنه باق") == ["الاتفاق صامد، وإنه باق"]  # too short
    # a joiner inside the joining word (some CMSs put them there) changes nothing
    assert len(statements("الحكومة تدرس بيع حصتها في الشركة، و\u200dأن ثلاث شركات أبدت اهتمامها")) == 2


def test_shingles_see_through_clitics_but_not_negation():
    assert near_duplicates(statement_shingles("الحكومة ستخفض الضرائب على الوقود"),
                           statement_shingles("وحكومته ستخفض ضرائب الوقود"))
    assert "لن" in content_words("الأسعار لن تبقى دون تغيير")
    assert "في" not in content_words("الأسعار في السوق")


# --- outlets ----------------------------------------------------------------------------------

def test_one_outlet_however_a_text_writes_it():
    assert len({outlet_key(n) for n in ("صحيفة الأفق", "الأفق", "لصحيفة الأفق", "«الأفق»",
                                         "لـ«الأفق»")}) == 1
    assert outlet_key("وكالة الرائد للأنباء") == outlet_key("الرائد")
    assert outlet_key("الأفق") != outlet_key("الأفق الجديد")


def test_known_outlets_and_learnt_names_lead_to_stored_outlets():
    outlets = Outlets()
    for name, outlet in (("رويترز", "reuters.com"), ("صحيفة الميزان", "almizan.example")):
        outlets.add(name, outlet)
    assert outlets.matches("arabic.reuters.com", outlets.named("وكالة رويترز"))
    assert not outlets.matches("notreuters.com", outlets.named("رويترز"))
    assert outlets.named("الميزان") == {"almizan.example"}
    assert outlets.is_outlet("قناة الساحل") and not outlets.is_outlet("سامي الخطيب", "person")


# --- chains of one document -------------------------------------------------------------------

def chain_names(text: str) -> list[list[str]]:
    doc = naql.extract(text, "text").to_dict()
    return [[i.name for i in c] for c in chains(doc, {}, Outlets()).values()]


def test_a_carrier_is_in_the_chain_of_what_it_carries():
    got = chain_names("وبحسب صحيفة الأفق، فإن وزير المالية سامي الخطيب أكد أن الحكومة ستخفض "
                      "ضرائب الوقود بنسبة عشرة في المئة، مشيراً إلى أن القرار يهدف إلى تخفيف "
                      "أعباء المعيشة عن الأسر.")
    assert got == [["صحيفة الأفق", "سامي الخطيب"]] * 2  # the carrier is no report itself


def test_chains_through_vias_carriers_and_outlets_told():
    assert chain_names("ذكرت وكالة الرائد للأنباء، نقلاً عن صحيفة الأفق، أن وزير المالية سامي "
                       "الخطيب أعلن أن الحكومة ستخفض الضرائب على الوقود.") == [
        ["وكالة الرائد للأنباء", "صحيفة الأفق", "سامي الخطيب"]]
    assert chain_names("قالت وزيرة الصحة ليلى العمري لوكالة الرائد إن حملة التطعيم ستبدأ "
                       "مطلع الشهر المقبل.") == [["وكالة الرائد", "ليلى العمري"]]


# --- speakers ----------------------------------------------------------------------------------

WORDS = {1: frozenset({"وزير", "ماليه", "سامي", "خطيب"})}  # what source 1 was written as


def said(speaker: Identity, *through: Identity, outlet: str = "قناة الساحل") -> Reported:
    return Reported(outlet, (*through, speaker))


def same(a: Reported, b: Reported, outlets: Outlets | None = None) -> bool:
    return same_speaker(a, b, lambda s: WORDS.get(s, frozenset()), outlets or Outlets())


def test_a_name_written_more_or_less_fully_is_one_speaker():
    khatib = said(Identity("سامي الخطيب", 1))
    assert same(khatib, said(Identity("الخطيب", 2)))
    assert same(said(Identity("وزير المالية", 3)), khatib)
    assert not same(said(Identity("نادر البستاني", 4)), khatib)
    assert not same(said(Identity("وزير الخارجية", 5)), khatib)


def test_unnamed_sources_are_one_unless_their_descriptions_differ():
    intelligence = said(Identity("مصدران في الاستخبارات", anonymous=True))
    assert same(intelligence, said(Identity("مصدرين استخباراتيين", anonymous=True)))
    assert same(intelligence, said(Identity("مصادر مطلعة", anonymous=True)))
    assert not same(intelligence, said(Identity("مسؤول عسكري رفيع", anonymous=True)))
    assert not same(intelligence, said(Identity("سامي الخطيب", 1)))


def test_an_outlet_speaks_for_what_it_published_or_passed_on():
    outlets = Outlets()
    outlets.add("صحيفة المدار", "صحيفة المدار")
    madar = Identity("صحيفة المدار", outlet=True)
    sources = Identity("مصادر حكومية", anonymous=True)
    assert same(said(madar), said(sources, outlet="صحيفة المدار"), outlets)
    assert same(said(madar), said(sources, Identity("المدار", outlet=True)), outlets)
    assert not same(said(madar), said(sources, outlet="قناة الساحل"), outlets)


# --- positions and chain links ---------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("ولم يستبعد النائب سليم الحداد أن يشهد الجيش تغييرات.", "hedge"),
    ("وتوقعت وزيرة الصحة ليلى العمري أن تبدأ الحملة مطلع الشهر.", "hedge"),
    ("وقالت الوزيرة إن الحملة قد تتأخر أسبوعين.", "hedge"),
    ("نفى الوزير سامي الخطيب أن تكون الحكومة قد قررت خفض الضرائب.", "deny"),
    ("قال الوزير سامي الخطيب إن العجز قد تراجع.", "assert"),
    ("وقال المتحدث باسم الوزارة إن ما يتداول عن إغلاق المعبر عار عن الصحة.", "deny"),
    ("قالت الحركة إنها لا علاقة لها بالانفجار.", "deny"),
])
def test_positions(text, expected):
    doc = naql.extract(text, "text").to_dict()
    assert position(doc["attributions"][0], doc["text"]) == expected


def test_a_report_links_to_the_nearest_cited_outlet_that_the_claim_has():
    outlets = Outlets()
    for name in ("صحيفة الأفق", "وكالة الرائد", "موقع المرصد"):
        outlets.add(name, name)
    speaker = Identity("سامي الخطيب", 1)
    ofoq, raed = Identity("صحيفة الأفق", outlet=True), Identity("وكالة الرائد", outlet=True)
    members = [Cited(1, "u1", "صحيفة الأفق", "2024-03-10T08:00:00Z", (speaker,)),
               Cited(2, "u2", "وكالة الرائد", "2024-03-10T09:00:00Z", (ofoq, speaker)),
               Cited(3, "u3", "موقع المرصد", "2024-03-10T10:00:00Z", (raed, ofoq, speaker)),
               Cited(4, "u4", "صحيفة الأفق", "2024-03-11T10:00:00Z", (ofoq, speaker))]  # itself
    chain = links(members, outlets)
    assert {(x.url, x.cites) for x in chain} == {("u2", "u1"), ("u3", "u2")}
    roots = tree(members, chain)
    assert [r.url for r in roots] == ["u1", "u4"] and roots[0].article_id == 1
    (raed,) = roots[0].children
    assert raed.url == "u2" and [c.url for c in raed.children] == ["u3"]


def test_a_tree_never_loops():
    members = [Cited(1, "a", "x", "1", ()), Cited(2, "b", "y", "2", ())]
    from naql.provenance.model import Link
    roots = tree(members, [Link("a", "b"), Link("b", "a")])
    assert [r.url for r in roots] == ["b"] and roots[0].children[0].url == "a"


# --- claims and stories in a store ------------------------------------------------------------

def report(text: str, source: str, content: str, *, kind: str = "person",
           anonymous: bool = False, via: tuple[str, ...] = (), polarity: str = "assert",
           cue: str = "قال") -> Attribution:
    def span(part: str) -> Span:
        start = text.index(part)
        return Span.of(text, start, start + len(part))

    return Attribution(id="", type="indirect", polarity=polarity, cue=span(cue),
                       source=Source(span(source), source, kind=kind, anonymous=anonymous),
                       content=span(content), via=[Via(span(v), v) for v in via])


def article(url: str, outlet: str, day: int, text: str, *attrs: Attribution) -> Article:
    for n, a in enumerate(attrs, 1):
        a.id = f"a{n}"
    doc = Document(input=url, text=text, title=text[:30], attributions=list(attrs)).to_dict()
    return Article(doc, url=url, outlet=outlet, published=datetime(2024, 5, day, 9))


S1 = "الحكومة ستخفض الضرائب على الوقود بنسبة عشرة في المئة اعتباراً من الشهر المقبل"
A1 = f"قال وزير المالية سامي الخطيب إن {S1}."
A2 = f"نقلت صحيفة الأفق عن سامي الخطيب قوله إن {S1}."
A3 = f"نفى سامي الخطيب أن {S1}."
A4 = f"قال زعيم المعارضة نادر البستاني إن {S1}."
A5 = "قال الخطيب إن العجز في الموازنة تراجع إلى ثلاثة في المئة من الناتج المحلي."


def corpus() -> list[Article]:
    return [
        article("https://ofoq.example/1", "صحيفة الأفق", 1, A1,
                report(A1, "سامي الخطيب", S1)),
        article("https://raed.example/1", "وكالة الرائد", 1, A2,
                report(A2, "صحيفة الأفق", S1, kind="media", via=("سامي الخطيب",), cue="نقلت")),
        article("https://madar.example/1", "صحيفة المدار", 2, A3,
                report(A3, "سامي الخطيب", S1, polarity="deny", cue="نفى")),
        article("https://sahel.example/1", "قناة الساحل", 2, A4 + " " + A5,
                report(A4, "نادر البستاني", S1),
                report(A4 + " " + A5, "الخطيب", "العجز في الموازنة تراجع إلى ثلاثة في المئة "
                       "من الناتج المحلي")),
    ]


def put(engine, *items: Article) -> None:
    writer = Writer()
    with engine.begin() as conn:
        for a in items:
            writer.write(conn, a)


def test_one_claim_per_statement_and_speaker_with_its_chain(store):
    put(store, *corpus())
    assert update(store).articles == 4
    with store.connect() as conn:
        found = claims(conn, min_articles=1, limit=None)
    by_source = sorted((c.source, c.polarity, c.articles) for c in found)
    assert by_source == [("الخطيب", "assert", 1), ("سامي الخطيب", "assert", 2),
                         ("سامي الخطيب", "deny", 1), ("نادر البستاني", "assert", 1)]
    cut = next(c for c in found if c.articles == 2)
    assert [(x.url, x.cites) for x in cut.chain] == [("https://raed.example/1",
                                                       "https://ofoq.example/1")]
    assert cut.members[1].via == ["صحيفة الأفق"] and cut.first_seen == "2024-05-01T09:00:00Z"


def test_later_reports_join_and_merge_stored_claims(store):
    words = S1.split()
    first, second = " ".join(words[:7]), " ".join(words[6:])  # one word in common
    texts = [f"قال سامي الخطيب إن {w}." for w in (first, second, S1)]
    items = [article(f"https://x.example/{n}", f"outlet{n}", 1 + n, t,
                     report(t, "سامي الخطيب", c))
             for n, (t, c) in enumerate(zip(texts, (first, second, S1)))]
    put(store, *items[:2])
    update(store)
    with store.connect() as conn:
        before = conn.execute(select(claims_table.c.id).order_by(claims_table.c.id)).scalars().all()
    assert len(before) == 2
    put(store, items[2])
    assert update(store).articles == 1
    with store.connect() as conn:
        after = conn.execute(select(claims_table.c.id, claims_table.c.members)).all()
    assert after == [(before[0], 3)]  # merged into the older claim


def test_a_changed_figure_is_another_statement(store):
    texts = [f"قالت الوزيرة ليلى العمري إن عدد الإصابات بالحصبة ارتفع إلى {n} حالة." for n in
             ("120", "135", "١٢٠")]
    put(store, *[article(f"https://x.example/{n}", f"outlet{n}", 1 + n, t,
                         report(t, "ليلى العمري", t[t.index("عدد"):-1], cue="قالت"))
                 for n, t in enumerate(texts)])
    update(store)
    with store.connect() as conn:
        assert sorted(c.articles for c in claims(conn, min_articles=1)) == [1, 2]


def test_stories_hold_the_positions_side_by_side(store):
    put(store, *corpus()[:3])
    update(store)
    with store.connect() as conn:
        (summary,) = stories(conn)
        s = story(conn, summary.id)
        assert story_of(conn, s.articles[-1].article_id) == summary
    assert summary.articles == 3 and len(s.articles) == 3
    assert [c.source for c in s.positions["deny"]] == ["سامي الخطيب"]
    assert [len(c.members) for c in s.positions["assert"]] == [2]


def untitled(item: Article, title: str | None = None) -> Article:
    """``item`` with no title, or with ``title``."""
    item.document["title"] = title
    return item


def test_a_story_is_named_by_its_earliest_titled_article(store):
    first, second, third = corpus()[:3]
    put(store, untitled(first), untitled(second, "الخطيب يعلن خفض ضرائب الوقود"), third)
    update(store)
    with store.connect() as conn:
        (summary,) = stories(conn)
    assert summary.title == "الخطيب يعلن خفض ضرائب الوقود"


def test_a_story_without_titles_is_named_by_its_most_reported_claim(store):
    put(store, *[untitled(a) for a in corpus()[:3]])
    update(store)
    with store.connect() as conn:
        (summary,) = stories(conn)
    # reported by two articles (the third denies it): the speaker, then the statement's start
    assert summary.title == "سامي الخطيب: " + " ".join(S1.split()[:12]) + "…"


def test_a_topic_covered_for_weeks_is_several_stories(store):
    """Each article links to the ones two days either side; chained, they would be one
    story of a month. Stories stop at two weeks, whether the articles arrive in one run or
    day by day."""
    text = "تواصل فرق الإنقاذ البحث عن المفقودين في المناطق المنكوبة بالفيضانات شمال البلاد."
    days = [article(f"https://x.example/{d}", "صحيفة الأفق", d, f"{text} اليوم {d}.")
            for d in range(1, 31, 2)]
    put(store, *days[:5])
    update(store)
    put(store, *days[5:])
    update(store)
    with store.connect() as conn:
        found = stories(conn, min_articles=1, limit=None)
    assert len(found) >= 2 and sum(s.articles for s in found) == len(days)
    assert all(datetime.fromisoformat(s.last_seen[:-1]) - datetime.fromisoformat(s.first_seen[:-1])
               <= timedelta(days=14) for s in found)


def test_updates_resume_and_settings_changes_recluster(store):
    put(store, *corpus())
    assert update(store).articles == 4
    assert update(store).articles == 0
    with store.begin() as conn:
        conn.execute(sql_update(provenance_state).values(value="other settings"))
    assert update(store).articles == 4
    with store.connect() as conn:
        assert conn.execute(select(func.count()).select_from(claims_table)).scalar_one() == 4
        assert [len(c) for c in claims_of(conn, 1).values()] == [1]
        assert unprocessed(conn) == 0


# --- the command line --------------------------------------------------------------------------

def test_cli_claims_and_story(db_url, naql_cli):
    engine = open_store(db_url)
    put(engine, *corpus())
    engine.dispose()
    out = naql_cli("claims", "--db", db_url, "--format", "json", check=True)
    (claim,) = json.loads(out.stdout)
    assert claim["source"] == "سامي الخطيب" and len(claim["members"]) == 2
    assert claim["chain"] == [{"url": "https://raed.example/1", "cites": "https://ofoq.example/1"}]
    shown = naql_cli("claims", claim["claim"], "--db", db_url, check=True).stdout
    assert "https://raed.example/1" in shown and "صحيفة الأفق" in shown
    assert json.loads(naql_cli("claims", "--db", db_url, "--format", "json", "--source",
                               "البستاني", "--min-articles", "1").stdout)[0]["source"] == \
        "نادر البستاني"
    (listed,) = json.loads(naql_cli("story", "--db", db_url, "--format", "json").stdout)
    one = json.loads(naql_cli("story", listed["story"], "--db", db_url, "--format", "json",
                              check=True).stdout)
    assert set(one["positions"]) == {"assert", "deny", "hedge"} and one["positions"]["deny"]
    assert naql_cli("story", "s999", "--db", db_url).returncode == 1
    assert naql_cli("claims", "--rebuild", "--db", db_url, check=True).returncode == 0


@pytest.mark.parametrize("columns", [80, 160])
def test_cli_claims_and_stories_read_at_any_terminal_width(db_url, naql_cli, columns):
    """A statement reads as lines of words in a terminal of 80 columns as of 160: never
    one word a line, never a line past the terminal's width."""
    engine = open_store(db_url)
    put(engine, *corpus())
    engine.dispose()
    env = {**os.environ, "COLUMNS": str(columns)}
    opening = " ".join(S1.split()[:6])
    for args in (("claims",), ("story",), ("story", "s1")):
        out = naql_cli(*args, "--db", db_url, env=env, check=True).stdout
        assert all(cell_len(line.rstrip()) <= columns for line in out.splitlines()), out
        if args != ("story",):
            assert opening in out, out


def test_export_claims_a_line_each_or_a_row_per_report(db_url, naql_cli, tmp_path):
    engine = open_store(db_url)
    put(engine, *corpus())
    engine.dispose()
    lines = naql_cli("export", "--claims", "--db", db_url, check=True).stdout.splitlines()
    (claim,) = map(json.loads, lines)  # brought up to date first; one claim in two articles
    assert claim["source"] == "سامي الخطيب" and len(claim["members"]) == 2
    naql_cli("export", "--claims", "--format", "csv", str(tmp_path / "c.csv"), "--db", db_url,
             check=True)
    naql_cli("export", "--claims", "--format", "parquet", str(tmp_path / "c.parquet"),
             "--db", db_url, check=True)
    rows = list(csv.DictReader(open(tmp_path / "c.csv", encoding="utf-8")))
    table = pq.read_table(tmp_path / "c.parquet").to_pylist()
    assert [r["url"] for r in rows] == [r["url"] for r in table] == [
        "https://ofoq.example/1", "https://raed.example/1"]
    assert [r["cites"] for r in table] == [None, "https://ofoq.example/1"]
    assert table[1]["via"] == "صحيفة الأفق" and {r["claim"] for r in rows} == {claim["claim"]}


# --- meaning and origins -------------------------------------------------------------------------

def test_origins_same_compatible_or_in_conflict():
    agency = Identity("وكالة الرائد", outlet=True)
    told = said(agency, Identity("مصادر مطلعة", anonymous=True))  # sources who told the agency
    words, outlets = (lambda _: frozenset()), Outlets()
    assert told.origin == agency  # shown as the claim's source
    assert origins(told, said(agency), words, outlets) == SAME
    assert origins(said(Identity("حزب الله")), said(Identity("المقاومة الإسلامية في لبنان")),
                   words, outlets) == SAME  # lexicon/data/same_entities.txt
    assert origins(said(Identity("مصادر", anonymous=True)), said(Identity("سامي الخطيب")),
                   words, outlets) == COMPATIBLE
    assert origins(said(Identity("Sami Khatib")), said(Identity("سامي الخطيب")),
                   words, outlets) == COMPATIBLE  # two scripts: cannot be told apart
    assert origins(said(Identity("سامي الخطيب")), said(Identity("نادر البستاني")),
                   words, outlets) == CONFLICT
    spokesman = said(Identity("ماجد الأنصاري", source=7))  # stored with his title
    stored = {7: frozenset({"ماجد", "انصاري", "متحدث", "باسم", "خارجيه", "قطريه"})}

    def titled(source_id):
        return stored.get(source_id, frozenset())

    assert origins(spokesman, said(Identity("وزارة الخارجية القطرية")), titled, outlets) == SAME
    assert origins(spokesman, said(Identity("قطر")), titled, outlets) == SAME
    assert origins(spokesman, said(Identity("وزارة الخارجية المصرية")), titled,
                   outlets) == CONFLICT


EN = ("Finance Minister Sami Khatib said the government will cut fuel taxes by ten percent "
      "starting next month.")
AR = ("قال وزير المالية سامي الخطيب إن الحكومة ستخفض الضرائب على الوقود بنسبة عشرة في المئة "
      "اعتباراً من الشهر المقبل.")


def test_an_english_statement_and_its_arabic_re_report_are_one_claim(store):
    english = article("https://wire.example/en/1", "The Wire", 1, EN,
                      report(EN, "Sami Khatib", EN[EN.index("the gov"):-1], cue="said"))
    arabic = article("https://ofoq.example/2", "صحيفة الأفق", 2, AR,
                     report(AR, "سامي الخطيب", AR[AR.index("الحكومة"):-1]))
    put(store, english, arabic)
    update(store)
    with store.connect() as conn:
        (found,) = claims(conn)
    assert {m.url for m in found.members} == {english.url, arabic.url}


def test_reworded_reports_by_one_origin_are_one_claim_and_vectors_are_kept(store, monkeypatch):
    first = "قالت وزارة الصحة إن حملة التطعيم ضد الحصبة ستبدأ في المدارس الأسبوع المقبل."
    again = "أعلنت وزارة الصحة أن المدارس ستشهد انطلاق حملة تلقيح ضد الحصبة خلال الأسبوع القادم."
    other = "قالت وزارة الصحة إن المستشفيات الحكومية تلقت شحنة جديدة من أدوية الأمراض المزمنة."
    items = [article(f"https://x.example/{n}", f"outlet{n}", 3, t,
                     report(t, "وزارة الصحة", t[t.index(w):-1], kind="government",
                            cue=t.split()[0]))
             for n, (t, w) in enumerate(((first, "حملة"), (again, "المدارس"),
                                         (other, "المستشفيات")))]
    put(store, *items)
    done = update(store)
    assert done.encoded == 3
    with store.connect() as conn:
        assert sorted(c.articles for c in claims(conn, min_articles=1)) == [1, 2]
        assert conn.execute(select(func.count()).select_from(attributions_table)
                            .where(attributions_table.c.vector.is_(None))).scalar_one() == 0

    def refuse(texts):
        raise AssertionError("vectors computed again")

    monkeypatch.setattr("naql.provenance.meaning.encode", refuse)
    assert update(store, rebuild=True).encoded == 0  # a rebuild reuses the stored vectors


def test_a_provenance_set_is_scored_as_score_claims_does(store, tmp_path):
    """Gold in the format of a provenance set (sNN/MM.json, claims.json, stories.json):
    cross-article links, and the divergent pair shown on opposite sides of its story."""
    items = corpus()[:3]
    put(store, *items)
    update(store)
    for n, a in enumerate(items, 1):
        (tmp_path / "s01").mkdir(exist_ok=True)
        (tmp_path / "s01" / f"0{n}.json").write_text(json.dumps({
            "url": a.url, "story": "s01", "text": a.document["text"],
            "attributions": [{"content": x["content"]["text"]}
                             for x in a.document["attributions"]]}, ensure_ascii=False))
    (tmp_path / "claims.json").write_text(json.dumps([
        {"claim": "x", "members": [["s01/01.json", 0], ["s01/02.json", 0]]},
        {"claim": "y", "members": [["s01/03.json", 0]]}]))
    (tmp_path / "stories.json").write_text(json.dumps([{"story": "s01",
                                                        "divergent": [["x", "y"]]}]))
    with store.connect() as conn:
        s = score_set(conn, tmp_path)
    assert (s.links.correct, s.links.predicted, s.links.gold) == (1, 1, 1)
    assert (s.placed, s.divergent, s.shown) == (2, 1, 1)


def test_figures_apart_in_one_story_are_flagged(store):
    said = ["قالت وزارة الصحة إن عدد ضحايا حادث تصادم القطارين في سوهاج بلغ 32 قتيلاً.",
            "قالت وزيرة الصحة إن حصيلة ضحايا حادث تصادم القطارين في سوهاج بلغت 19 قتيلاً."]
    put(store, *[article(f"https://x.example/{n}", f"outlet{n}", 1 + n, t,
                         report(t, t.split()[1] + " " + t.split()[2], t[t.index("عدد" if n == 0
                                                                           else "حصيلة"):-1],
                                kind="government", cue="قالت"))
                 for n, t in enumerate(said)])
    update(store)
    with store.connect() as conn:
        (summary,) = stories(conn)
        s = story(conn, summary.id)
    assert len(s.disagreements) == 1
    assert sorted(x for c in s.disagreements[0] for x in figures(c.said)) == ["19", "32"]
    assert s.to_dict()["disagreements"] == [[a.key, b.key] for a, b in s.disagreements]

"""Search, filters, facets and curation history on a real SQLite file and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from exobone.api import ingest_file, load_extractor
from exobone.errors import UnknownFieldError
from exobone.model import Record, Study
from exobone.store import SearchResult, Store, StoreError, UnknownFilterError
from exobone.store.search import fts5_query, parse_marked
from exobone.store.store import records_t

PAPERS: list[tuple[str, str, dict[str, Any]]] = [
    # title, abstract, fields
    (
        "Wnt signalling drives osteogenesis of stromal cells",
        "Exosomes from bone marrow MSCs activated Wnt and promoted osteogenesis in vitro.",
        {
            "ev_sources": ["MSC|bone_marrow|human"],
            "conditions": ["osteoporosis"],
            "species": ["human", "rat"],
            "settings": ["in_vitro", "in_vivo"],
        },
    ),
    (
        "Adipose vesicles in cartilage repair",
        "Vesicles from adipose MSCs reduced cartilage degeneration; Wnt was not measured.",
        {
            "ev_sources": ["MSC|adipose|rat"],
            "conditions": ["osteoarthritis"],
            "species": ["rat"],
            "settings": ["in_vivo"],
        },
    ),
    (
        "Synovial exosomes and osteoarthritis pain",
        "Exosomes of synovial MSCs eased pain in mice with osteoarthritis.",
        {
            "ev_sources": ["MSC|synovial_membrane|human"],
            "conditions": ["osteoarthritis"],
            "species": ["mouse", "human"],
            "settings": ["in_vivo"],
        },
    ),
    (
        "Platelet lysate in fracture healing: a review",
        "We review platelet-derived products for fracture healing.",
        {"conditions": ["fracture"], "study_type": "review"},
    ),
]


@pytest.fixture
def store(store_url: str, tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "refs.txt"
    path.write_text("bibliography\n", encoding="utf-8")
    studies = []
    for n, (title, abstract, fields) in enumerate(PAPERS, start=1):
        record = Record(
            title=title,
            abstract=abstract,
            authors=[f"Author{n}, A.", "Other, B."],
            year=2018 + n,
            journal="Bone Research",
            doi=f"10.1/{n}",
            keywords=["extracellular vesicles"],
            source=str(path),
            position=n,
        )
        study = Study(id=f"S{n:02d}", record=record)
        study.annotations.update(fields)
        studies.append(study)
    unextracted = Record(title="Wnt osteogenesis without a study", doi="10.1/9",
                         source=str(path), position=9)  # fmt: skip
    with Store.open(store_url) as opened:
        opened.add_file(path, [*studies, unextracted])
        yield opened


def titles(result: SearchResult) -> list[str]:
    return [hit.title for hit in result.hits]


def test_text_search_ranks_and_marks_the_matched_terms(store: Store) -> None:
    result = store.search("wnt osteogenesis", facet_fields=[])
    # Every term is required; the record without a study is found too.
    assert sorted(titles(result)) == [
        "Wnt osteogenesis without a study",
        "Wnt signalling drives osteogenesis of stromal cells",
    ]
    assert result.total == 2
    hit = next(h for h in result.hits if h.extracted)
    assert (hit.study_id, hit.year, hit.journal, hit.first_author) == (
        "S01",
        2019,
        "Bone Research",
        "Author1",
    )
    assert hit.rank is not None
    marked = {hit.snippet.text[start:end].lower() for start, end in hit.snippet.marks}
    assert {"wnt", "osteogenesis"} <= marked
    assert "\x02" not in hit.snippet.text and "\x03" not in hit.snippet.text


def test_title_matches_rank_above_abstract_matches(store: Store) -> None:
    result = store.search("osteoarthritis", facet_fields=[])
    assert titles(result)[0] == "Synovial exosomes and osteoarthritis pain"
    assert result.total == 1  # "osteoarthritis" is only in record 3's text


HOSTILE = [
    "'; DROP TABLE records; --",
    "wnt NEAR osteogenesis",
    "osteo*",
    "title:wnt",
    '"unclosed',
    "(wnt",
    "--",
    "*",
    "^wnt",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_query_syntax_is_text(store: Store, query: str) -> None:
    before = store.count()
    result = store.search(query, facet_fields=["conditions"])
    assert store.count() == before
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(records_t)) == before
    words = [w for w in query.replace('"', " ").split() if any(c.isalnum() for c in w)]
    if not words:
        assert result.total == before  # nothing to search for: every record
    elif query in ("(wnt", '"unclosed', "^wnt"):
        # Punctuation around a word is ignored, the word still counts.
        expected = store.search(words[0].strip("(^"), facet_fields=[]).total
        assert result.total == expected
    else:
        # NEAR, AND, NOT, prefixes and column names are words no record contains.
        assert result.total == 0


def test_boolean_words_are_not_operators(store: Store) -> None:
    # As syntax this would find S02 (Wnt, no osteogenesis). As text "and"/"not" are words
    # (SQLite: required, no record has "not") or stop words (PostgreSQL: ignored).
    result = store.search("wnt AND NOT osteogenesis", facet_fields=[])
    assert "S02" not in [hit.study_id for hit in result.hits]
    assert result.total in (0, store.search("wnt osteogenesis", facet_fields=[]).total)


def test_quoting_for_fts5() -> None:
    assert fts5_query('wnt "osteo" NEAR(a) --') == '"wnt" AND """osteo""" AND "NEAR(a)"'
    assert fts5_query("*  ;") == ""
    # A term with alternatives is one OR group, each alternative still a quoted phrase.
    assert fts5_query("wnt fibrosis").startswith('"wnt" AND ("fibrosis" OR "fibrotic" OR')


def test_a_term_finds_its_derived_forms_and_lexicon_synonyms(
    store_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "refs.txt"
    path.write_text("x\n", encoding="utf-8")
    texts = [
        "Apoptotic chondrocytes were fewer after treatment with vesicles.",
        "Osteoblast differentiation rose through Wnt/beta-catenin signalling.",
        "Osteoporotic bone was denser after vesicle injection.",
        "Vesicles from mesenchymal stromal cells eased arthritic joints.",
    ]
    records = [
        Record(title=f"Paper {n}", abstract=text, doi=f"10.9/{n}", source=str(path), position=n)
        for n, text in enumerate(texts, start=1)
    ]
    with Store.open(store_url) as store:
        store.add_file(path, records)

        def found(query: str) -> list[str]:
            return [hit.title for hit in store.search(query, facet_fields=[]).hits]

        assert found("apoptosis") == ["Paper 1"]  # apoptosis / apoptotic
        assert found("osteoporosis") == ["Paper 3"]  # osteoporosis / osteoporotic
        assert found("osteogenesis") == ["Paper 2"]  # a name of osteogenic_differentiation
        assert found("osteogenesis wnt") == ["Paper 2"]  # a slash separates words
        assert found("beta-catenin") == ["Paper 2"]
        assert found("msc arthritis") == ["Paper 4"]  # MSC: mesenchymal stromal cell
        assert found("bone") == ["Paper 3"]  # no alternatives: the word itself only
        marks = store.search("osteogenesis", facet_fields=[]).hits[0].snippet
        assert marks.text[marks.marks[0][0] :].startswith("Osteoblast")


def test_the_readme_search_finds_the_demo_study(store_url: str, demo_file: Path) -> None:
    """README: exobone search "wnt osteogenesis" --where "ev_sources=MSC|bone_marrow|*"."""
    with Store.open(store_url) as store:
        ingest_file(store, demo_file, extractor=load_extractor())
        result = store.search("wnt osteogenesis", where={"ev_sources": "MSC|bone_marrow|*"})
    assert [hit.study_id for hit in result.hits] == ["S21"]
    assert "Wnt" in result.hits[0].title and "osteogenesis" not in result.hits[0].title.lower()


def test_markers_become_offsets() -> None:
    snippet = parse_marked("a \x02Wnt\x03 and \x02bone\x03.")
    assert snippet.text == "a Wnt and bone."
    assert [snippet.text[s:e] for s, e in snippet.marks] == ["Wnt", "bone"]


def test_filters_wildcards_and_facets_over_all_matches(store: Store) -> None:
    result = store.search(where={"ev_sources": "MSC|*|human"}, limit=1)
    assert result.total == 2 and len(result.hits) == 1
    assert dict(result.facets["conditions"]) == {"osteoporosis": 1, "osteoarthritis": 1}
    assert dict(result.facets["species"]) == {"human": 2, "rat": 1, "mouse": 1}
    assert dict(result.facets["study_type"]) == {"primary": 2}
    assert set(result.facets) == set(store.search(limit=0).facets)  # every field

    both = store.search(where=[("conditions", "osteoarthritis"), ("species", "human")])
    assert [h.study_id for h in both.hits] == ["S03"]
    same_field = store.search(where=[("species", "human"), ("species", "rat")])
    assert [h.study_id for h in same_field.hits] == ["S01"]
    text_and_filter = store.search("exosomes", where={"conditions": "osteoarthritis"})
    assert [h.study_id for h in text_and_filter.hits] == ["S03"]
    reviews = store.search(where={"study_type": "review"}, facet_fields=["conditions"])
    assert reviews.facets == {"conditions": [("fracture", 1)]}
    # A known label that no study has: no match, no error.
    assert store.search(where={"species": "sheep"}).total == 0


def test_unfiltered_facets_count_every_study(store: Store) -> None:
    result = store.search(facet_fields=["conditions", "study_type"])
    assert result.total == 5  # the record without a study is a hit, not a study
    assert result.facets["conditions"] == [("osteoarthritis", 2), ("fracture", 1),
                                           ("osteoporosis", 1)]  # fmt: skip
    assert result.facets["study_type"] == [("primary", 3), ("review", 1)]


@pytest.mark.parametrize(
    ("where", "named", "listed"),
    [
        ({"species": "dragon"}, "unknown label 'dragon'", "rat"),
        ({"ev_sources": "MCS|*|*"}, "unknown label 'MCS' in part 1", "MSC"),
        ({"ev_sources": "MSC|*"}, "3 parts", "MSC|adipose|rat"),
        ({"study_type": "opinion"}, "unknown label 'opinion'", "review"),
        ({"ev_cargo": "miR-21"}, "unknown label 'miR-21'", "valid: "),
    ],
)
def test_unknown_fields_and_labels_list_the_valid_ones(
    store: Store, where: dict[str, str], named: str, listed: str
) -> None:
    with pytest.raises(UnknownFilterError) as caught:
        store.search(where=where)
    assert named in str(caught.value) and listed in str(caught.value)
    assert isinstance(caught.value, StoreError)


def test_unknown_fields_are_an_error(store: Store) -> None:
    for call in (
        lambda: store.search(facet_fields=["colour"]),
        lambda: store.search(where={"colour": "red"}),
    ):
        with pytest.raises(UnknownFieldError, match="unknown field 'colour'") as caught:
            call()
        assert "ev_sources" in str(caught.value)


def test_curation_changes_filters_and_facets_and_can_be_undone(store: Store) -> None:
    first = store.search(where={"species": "rat"}, facet_fields=["species"])
    assert sorted(str(h.study_id) for h in first.hits) == ["S01", "S02"]

    withdraw = store.curate(1, "species", "rat", by="ana", remove=True)
    add = store.curate(3, "species", "rat", by="ben")
    result = store.search(where={"species": "rat"}, facet_fields=["species"])
    assert sorted(str(h.study_id) for h in result.hits) == ["S02", "S03"]
    assert dict(result.facets["species"])["rat"] == 2
    # A curator's label that the vocabulary lacks becomes a valid filter value.
    store.curate(2, "ev_cargo", "miR-21", by="ben")
    assert [h.study_id for h in store.search(where={"ev_cargo": "miR-21"}).hits] == ["S02"]

    history = store.curation_history(1)
    assert [(c.id, c.action, c.by, c.value, c.undone_at) for c in history] == [
        (withdraw, "remove", "ana", "rat", None)
    ]
    with pytest.raises(StoreError, match="already undone"):
        store.undo(store.undo(withdraw).id)
    assert store.curation_history(1)[0].undone_at is not None
    store.undo(add)
    restored = store.search(where={"species": "rat"}, facet_fields=["species"])
    assert sorted(str(h.study_id) for h in restored.hits) == ["S01", "S02"]
    with pytest.raises(StoreError, match="no curation"):
        store.undo(999)


def test_undo_restores_the_state_before_and_only_the_latest(store: Store) -> None:
    added = store.curate(2, "conditions", "fracture", by="ana")
    removed = store.curate(2, "conditions", "fracture", by="ben", remove=True)
    with pytest.raises(StoreError, match="undo that one first"):
        store.undo(added)
    store.undo(removed)  # back to ana's addition
    assert store.search(where={"conditions": "fracture"}).total == 2
    store.undo(added)  # back to the extractor's values
    assert store.search(where={"conditions": "fracture"}).total == 1
    assert [c.undone_at is not None for c in store.curation_history(2)] == [True, True]


def test_pairs_and_evidence_counts_follow_filters_and_curation(store: Store) -> None:
    store.curate(2, "conditions", "osteoarthritis", by="ana", remove=True)
    counts = store.evidence_counts("species", "conditions")
    assert counts == [
        ("human", "osteoarthritis", 1),
        ("human", "osteoporosis", 1),
        ("mouse", "osteoarthritis", 1),
        ("rat", "osteoporosis", 1),
    ]
    assert store.evidence_counts("species", "conditions", where={"species": "mouse"}) == [
        ("human", "osteoarthritis", 1),
        ("mouse", "osteoarthritis", 1),
    ]
    pairs = sorted(store.pairs(["conditions", "study_type"], where={"species": "rat"}))
    assert pairs == [
        ("S01", "conditions", "osteoporosis"),
        ("S01", "study_type", "primary"),
        ("S02", "study_type", "primary"),
    ]
    assert [s.id for s in store.studies(where={"species": "mouse"})] == ["S03"]


def test_the_map_from_store_pairs_equals_the_map_from_studies(store: Store) -> None:
    import pandas as pd

    from exobone.analysis.evidence_map import evidence_map, evidence_map_from_pairs

    store.curate(1, "conditions", "fracture", by="ana")
    rows = list(store.pairs(["ev_sources", "conditions", "outcomes"]))
    pairs = pd.DataFrame(rows, columns=["study_id", "field", "value"], dtype="object")
    from_pairs = evidence_map_from_pairs(pairs, "ev_sources", "conditions").cells
    from_studies = evidence_map(store.studies(), "ev_sources", "conditions").cells
    assert from_pairs.to_dict("records") == from_studies.to_dict("records")
    # The index's frame (categorical columns, the facet index's codes) gives the same map.
    indexed = store.pairs_frame(["conditions", "ev_sources", "outcomes"])
    assert isinstance(indexed["value"].dtype, pd.CategoricalDtype)
    from_index = evidence_map_from_pairs(indexed, "ev_sources", "conditions").cells
    assert from_index.to_dict("records") == from_studies.to_dict("records")
    cells = set(zip(from_pairs["row"], from_pairs["col"], strict=True))
    assert ("MSC|bone_marrow", "fracture") in cells


def test_wildcard_values_are_read_once_per_generation(store: Store) -> None:
    from sqlalchemy import event

    reads: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "FROM field_values" in statement:
            reads.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    first = store.search(where={"ev_sources": "MSC|*|human"}, facet_fields=[])
    again = store.search(where={"ev_sources": "MSC|*|human"}, facet_fields=[])
    assert again.total == first.total == 2
    assert len(reads) == 1  # the second query used the values read by the first

    # A curator's new value bumps the generation: the next wildcard query sees it.
    store.curate("S04", "ev_sources", "MSC|umbilical_cord|human", by="curator")
    after = store.search(where={"ev_sources": "MSC|umbilical_cord|*"}, facet_fields=[])
    assert [hit.study_id for hit in after.hits] == ["S04"]
    assert len(reads) == 2


def test_snippets_read_only_the_start_of_a_long_abstract(store_url: str, tmp_path: Path) -> None:
    """A snippet is looked for in the first SNIPPET_SOURCE_CHARS of an abstract, with the
    same tokenizer and query (the whole 1 MB text made every matching search take seconds):
    a term found there is marked, a term found only further on is not in the snippet."""
    from exobone.store.search import SNIPPET_SOURCE_CHARS

    path = tmp_path / "long.txt"
    path.write_text("long\n", encoding="utf-8")
    filler = "The vesicles were studied in culture for several weeks. "
    start = "Osteogenic exosomes from stromal cells. "
    abstract = start + filler * (SNIPPET_SOURCE_CHARS // len(filler) + 10) + "Late tenocytes."
    record = Record(title="A long abstract", abstract=abstract, doi="10.1/long",
                    source=str(path), position=1)  # fmt: skip
    with Store.open(store_url) as store:
        store.add_file(path, [Study(id="S01", record=record)])
        early = store.search("osteogenesis", facet_fields=[]).hits[0].snippet
        # Porter stems and the query's alternatives as in the full-text search.
        assert [early.text[a:b] for a, b in early.marks] == ["Osteogenic"]
        late = store.search("tenocytes", facet_fields=[])
        assert late.total == 1  # found by the search over the whole text
        snippet = late.hits[0].snippet
        assert snippet.text.startswith("Osteogenic exosomes") and "Late" not in snippet.text


def test_year_order_and_ranges_read_the_years_once_per_generation(
    store: Store, tmp_path: Path
) -> None:
    """Sorting by year and year ranges use every record's year read once per generation; a
    re-ingest that changes only a record's year (its study unchanged) is seen next time."""
    years_read: list[str] = []
    if store.engine.dialect.name == "sqlite":  # SQLite's own trace of what it runs

        def on_checkout(dbapi_conn: Any, *_: Any) -> None:
            dbapi_conn.set_trace_callback(
                lambda sql: (
                    years_read.append(sql) if re.search(r"year\s+FROM records", sql) else None
                )
            )

        event.listen(store.engine, "checkout", on_checkout)

    def newest(where: dict[str, str]) -> list[int | None]:
        return [h.year for h in store.search("", where, facet_fields=[], sort="newest").hits]

    assert newest({"species": "rat"}) == [2020, 2019]
    assert newest({"conditions": "osteoarthritis"}) == [2021, 2020]
    assert store.search("", {"year": "2020..2021"}, facet_fields=[]).total == 2
    if store.engine.dialect.name == "sqlite":
        assert len(years_read) == 1, years_read
    first = store.get(1)
    assert first is not None and first.study is not None
    path = tmp_path / "refs.txt"  # the same file, corrected: its records are updated
    path.write_text("bibliography, corrected\n", encoding="utf-8")
    corrected = Study(id="S01", record=replace(first.study.record, year=2030))
    corrected.annotations = first.study.annotations
    store.add_file(path, [corrected])
    assert newest({"species": "rat"}) == [2030, 2020]
    assert store.search("", {"year": "2030"}, facet_fields=[]).total == 1


def test_a_comma_inside_a_value_is_escaped_in_a_filter(store: Store) -> None:
    """`A\\,B` is the one value `A,B`; `A,B` stays two alternatives; links the web builds
    escape the commas of the values they filter on."""
    from exobone.store.labels import alternatives, joined
    from exobone.web.searchview import SearchView

    value = "hsa-miR-21, hsa-miR-22 cluster"
    store.curate(1, "ev_cargo", value, by="t")
    assert alternatives(joined([value, "a\\b", "RUNX2"])) == (False, [value, "a\\b", "RUNX2"])
    assert alternatives("!A,B") == (True, ["A", "B"])
    escaped = joined([value])
    hits = store.search("", {"ev_cargo": escaped}, facet_fields=[]).hits
    assert [h.record_id for h in hits] == [1]
    negated = store.search("", {"ev_cargo": "!" + escaped}, facet_fields=[]).hits
    assert 1 not in {h.record_id for h in negated} and negated
    link = SearchView("", ()).toggle("ev_cargo", value)
    assert SearchView("", (("ev_cargo", escaped),)).chosen("ev_cargo") == [value]
    assert "%5C%2C" in link  # the comma escaped in the link (URL-encoded backslash, comma)

"""Ranked full-text search with filters and facet counts.

Text matching and ranking run in the database (FTS5's bm25, PostgreSQL's ts_rank), except on
SQLite stores of at least `textindex.MIN_RECORDS` records, where the per-process `TextIndex`
gives the same matches and scores from postings arrays (queries with a term of several
tokens, like `3D-printed`, or with alternatives still go to FTS5). Filters, facet counts and
the evidence map are counted in the per-process `FacetIndex`.

The query text is always data: on SQLite every term becomes a quoted FTS5 string (so `AND`,
`NEAR`, `*`, `(`, quotes are words, never syntax), on PostgreSQL it goes through
`plainto_tsquery` as a bound parameter. Each term also matches what it stands for
(`exobone.store.expand`: "osteogenesis" finds "osteogenic" and "osteoblast differentiation").
Filters and facets use the effective annotations (the extractor's values, less those a
curator withdrew, plus those a curator added), counted over the filtered set.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import (
    Connection,
    and_,
    bindparam,
    case,
    column,
    exists,
    false,
    func,
    literal,
    literal_column,
    select,
    table,
    true,
)

from exobone.errors import StoreError
from exobone.model import ANNOTATION_FIELDS, SET_FIELDS
from exobone.schema import BY_NAME
from exobone.store import textindex
from exobone.store.facets import Column, FacetIndex, fetch
from exobone.store.labels import (
    WILDCARD,
    YEAR,
    UnknownFilterError,
    alternatives,
    check_field,
    check_filter_field,
    check_label,
    matches,
    year_range,
)
from exobone.store.schema import (
    CURATED,
    MACHINE,
    AnnotationRow,
    Base,
    FieldValueRow,
    RecordRow,
    StudyRow,
)
from exobone.store.textindex import COLUMN_WEIGHTS, TextIndex, fts5_rows

if TYPE_CHECKING:
    import pandas as pd

records_t = Base.metadata.tables[RecordRow.__tablename__]
studies_t = Base.metadata.tables[StudyRow.__tablename__]
annotations_t = Base.metadata.tables[AnnotationRow.__tablename__]
values_t = Base.metadata.tables[FieldValueRow.__tablename__]
fts_t = table("records_fts", column("rowid"))
# Markers put around matched terms by the database, turned into offsets (never shown).
_OPEN, _CLOSE = "\x02", "\x03"
_WORD = re.compile(r"\w")
# One FTS5 token: letters and digits only (unicode61 splits at everything else).
_ONE_WORD = re.compile(r"[^\W_]+")
SNIPPET_CHARS = 240
# Snippets are looked for in this much of an abstract (the whole text took seconds at 1 MB).
SNIPPET_SOURCE_CHARS = 20_000
# `{field: value}` or `[(field, value), ...]`; a value may use `*` for any one part, list
# alternatives (`A,B`), be negated (`!A`), or be a `year` range (see `exobone.store.labels`).
Where = Mapping[str, str | int] | Iterable[tuple[str, str | int]]
# Orders of a page of hits: best match first (record order without text), or by year.
SORTS = ("relevance", "newest", "oldest")


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of the record's text; `marks` are (start, end) offsets of matched terms."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching record; `rank` is higher for better matches (None without query text).

    `study_id` is the record's study id ("S04"), `record_id` its number (4).
    """

    study_id: str
    record_id: int
    extracted: bool
    title: str
    year: int | None
    journal: str | None
    first_author: str | None
    rank: float | None
    snippet: Snippet

    def to_json(self) -> dict[str, Any]:
        """The hit as plain data: citation fields, then `snippet` text and its `marks`."""
        return {
            "study_id": self.study_id,
            "record_id": self.record_id,
            "extracted": self.extracted,
            "title": self.title,
            "year": self.year,
            "journal": self.journal,
            "first_author": self.first_author,
            "rank": self.rank,
            "snippet": self.snippet.text,
            "marks": [list(mark) for mark in self.snippet.marks],
        }


@dataclass(slots=True)
class SearchResult:
    """A page of hits, the number of all matches, and facet counts over all matches."""

    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def terms(text: str) -> list[str]:
    """The query's terms: whitespace-separated, each holding a letter or digit."""
    return [term for term in text.split() if _WORD.search(term)]


def term_groups(text: str, one_word: bool = False) -> list[tuple[str, ...]]:
    """Each term of `text` with the words it also stands for (`exobone.store.expand`);
    with `one_word`, only the alternatives of one word (see `one_word_alternatives`)."""
    from exobone.store.expand import expand

    groups = [expand(term) for term in terms(text)]
    if one_word:
        groups = [(g[0], *(a for a in g[1:] if _ONE_WORD.fullmatch(a))) for g in groups]
    return groups


def one_word_alternatives(conn: Connection) -> bool:
    """Whether the store is an SQLite one large enough for the postings index.

    The index has no token positions, so it cannot match a phrase ("osteoblast
    differentiation"); there a term's alternatives of several words are left out, on the
    index and on FTS5 alike, so that both give the same hits and the index serves them.
    """
    return conn.dialect.name == "sqlite" and fts5_rows(conn) >= textindex.MIN_RECORDS


def fts5_query(text: str, one_word: bool = False) -> str:
    """A safe FTS5 query: each alternative quoted (a phrase), one of each term's required."""
    parts = []
    for group in term_groups(text, one_word):
        quoted = ['"' + alternative.replace('"', '""') + '"' for alternative in group]
        parts.append(quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")")
    # An explicit AND: FTS5 reads `"a" ("b" OR "c")` as a syntax error.
    return " AND ".join(parts)


def has_terms(text: str) -> bool:
    return bool(_WORD.search(text or ""))


def pairs(where: Where | None) -> list[tuple[str, str]]:
    if where is None:
        return []
    items = where.items() if isinstance(where, Mapping) else where
    return [(str(name).strip(), str(value).strip()) for name, value in items]


def effective(a: Any, curated: bool = True) -> Any:
    """Conditions for an annotation row that counts once: not withdrawn by a curator, and a
    curator's addition only where the extractor has not proposed the same value.

    A withdrawal row matches itself, so withdrawn values and withdrawals both drop out.
    With `curated=False` (a store nobody curated yet) every row counts as it is.
    """
    if not curated:
        return true()
    twin = annotations_t.alias("twin")
    return and_(
        not_withdrawn(a),
        (a.c.origin == MACHINE)
        | ~exists().where(
            twin.c.study_id == a.c.study_id,
            twin.c.field == a.c.field,
            twin.c.value == a.c.value,
            twin.c.origin == MACHINE,
        ),
    )


def not_withdrawn(a: Any) -> Any:
    """The row's value was not withdrawn by a curator (probes the small curated index)."""
    withdrawn = annotations_t.alias("withdrawn")
    return ~exists().where(
        withdrawn.c.study_id == a.c.study_id,
        withdrawn.c.field == a.c.field,
        withdrawn.c.value == a.c.value,
        withdrawn.c.origin == CURATED,
        withdrawn.c.removed == true(),
    )


def _tsquery(text: str) -> Any:
    """The tsquery of `text`: every term's words, or one of its alternatives' phrases."""
    english: Any = literal_column("'english'")
    query: Any = None
    for group in term_groups(text.replace("/", " ")):  # as in the indexed text (0006)
        either: Any = func.plainto_tsquery(english, literal(group[0]))
        for alternative in group[1:]:
            alternative = alternative.replace("/", " ")
            either = either.op("||")(func.phraseto_tsquery(english, literal(alternative)))
        query = either if query is None else query.op("&&")(either)
    return query if query is not None else func.plainto_tsquery(english, literal(text))


def text_match(conn: Connection, text: str) -> Any:
    """The condition: a record contains every term of `text` (or one of its alternatives)."""
    if conn.dialect.name == "postgresql":
        return literal_column("records.search").op("@@")(_tsquery(text))
    query = fts5_query(text, one_word_alternatives(conn))
    return literal_column("records_fts").op("MATCH")(bindparam("fq", query))


def text_rank(postgres: bool, text: str) -> Any:
    """A record's score for `text`, higher for better matches."""
    if postgres:
        return func.ts_rank(literal_column("records.search"), _tsquery(text))
    # bm25 is lower for better matches; title counts most, then abstract and keywords.
    return -func.bm25(literal_column("records_fts"), *COLUMN_WEIGHTS)


def top(record_ids: np.ndarray, scores: np.ndarray, count: int) -> np.ndarray:
    """Positions of the `count` best matches: highest score first, then lowest record id.

    Only the candidates scoring at least the `count`-th best score are sorted.
    """
    if count <= 0:
        return np.empty(0, dtype=np.int64)
    if count < len(scores):
        ranked = np.where(np.isnan(scores), -np.inf, scores)
        bar = np.partition(ranked, len(ranked) - count)[len(ranked) - count]
        chosen = np.flatnonzero(ranked >= bar)
        order = np.lexsort((record_ids[chosen], -scores[chosen]))
        return chosen[order][:count]
    return np.lexsort((record_ids, -scores))[:count]


def make_hits(
    conn: Connection, text: str, rows: Sequence[Any], scores: Mapping[int, Any]
) -> list[Hit]:
    """Hits for record rows in page order, with snippets of `text` (if any)."""
    snippets = _snippets(conn, text, rows) if text and rows else {}
    return [
        Hit(
            study_id=row.label,
            record_id=row.id,
            extracted=row.study_id is not None,
            title=row.title,
            year=row.year,
            journal=row.journal,
            first_author=_first_author(row.authors),
            rank=float(score) if (score := scores.get(row.id)) is not None else None,
            snippet=snippets.get(row.id) or Snippet(_lead(row.abstract or row.title)),
        )
        for row in rows
    ]


def _snippets(conn: Connection, text: str, rows: Sequence[Any]) -> dict[int, Snippet]:
    """Matched terms in context, for one page of hits only, looked for in the first
    `SNIPPET_SOURCE_CHARS` of each abstract: the database's snippet functions read the whole
    text, and a 1 MB abstract made every search matching it take seconds."""
    if conn.dialect.name == "postgresql":
        options = f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords=40, MinWords=20"
        marked = func.ts_headline(
            literal_column("'english'"),
            func.substr(records_t.c.abstract, 1, SNIPPET_SOURCE_CHARS),
            _tsquery(text),
            bindparam("opts", options),
        )
        ids = [row.id for row in rows]
        query = select(records_t.c.id, marked).where(records_t.c.id.in_(ids))
        return {int(row[0]): parse_marked(str(row[1] or "")) for row in conn.execute(query)}
    short = [row.id for row in rows if len(row.abstract or "") <= SNIPPET_SOURCE_CHARS]
    # Column 1 is the abstract: the title is shown beside the snippet anyway.
    marked = func.snippet(literal_column("records_fts"), 1, _OPEN, _CLOSE, "…", 24)
    query = (
        select(fts_t.c.rowid, marked)
        .select_from(fts_t)
        .where(text_match(conn, text), fts_t.c.rowid.in_(short))
    )
    found = {int(row[0]): parse_marked(str(row[1] or "")) for row in conn.execute(query)}
    long = [row for row in rows if len(row.abstract or "") > SNIPPET_SOURCE_CHARS]
    if long:
        found.update(_bounded_snippets(conn, text, long))
    return found


def _bounded_snippets(conn: Connection, text: str, rows: Sequence[Any]) -> dict[int, Snippet]:
    """FTS5 snippets of the start of long abstracts: the same tokenizer and query run on a
    temporary table holding only each abstract's first `SNIPPET_SOURCE_CHARS`."""
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.snippet_source USING fts5(abstract, "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    conn.exec_driver_sql("DELETE FROM temp.snippet_source")
    conn.exec_driver_sql(
        "INSERT INTO temp.snippet_source(rowid, abstract) VALUES (?, ?)",
        [(row.id, row.abstract[:SNIPPET_SOURCE_CHARS].rsplit(" ", 1)[0]) for row in rows],
    )
    query = fts5_query(text, one_word_alternatives(conn))
    found = conn.exec_driver_sql(
        f"SELECT rowid, snippet(snippet_source, 0, '{_OPEN}', '{_CLOSE}', '…', 24) "
        "FROM temp.snippet_source WHERE snippet_source MATCH ?",
        (query,),
    )
    return {int(row[0]): parse_marked(str(row[1] or "")) for row in found}


@dataclass(frozen=True, slots=True)
class Condition:
    """One filter resolved to the stored values it matches: the studies with one of
    `values` (none of them when `negated`), or whose record's year is within `years`."""

    field: str
    values: tuple[str, ...]
    negated: bool = False
    years: tuple[int | None, int | None] | None = None

    @property
    def void(self) -> bool:
        """Keeps no study (a value no study has)."""
        return not self.negated and self.years is None and not self.values

    def postings(self, curated: bool) -> Any:
        """SELECT study_id of the studies meeting it (index range scans for values)."""
        if self.negated or self.years is not None:
            t = studies_t.alias("n")
            return select(t.c.id.label("study_id")).where(self.holds_for(t.c.id, curated))
        if self.field == "study_type":
            return select(studies_t.c.id.label("study_id")).where(
                studies_t.c.study_type.in_(self.values)
            )
        a = annotations_t.alias("f")
        query = select(a.c.study_id).where(a.c.field == self.field, a.c.value.in_(self.values))
        return query.where(not_withdrawn(a)) if curated else query

    def holds_for(self, study_id: Any, curated: bool) -> Any:
        """EXISTS condition (NOT EXISTS when negated): one index probe for study `study_id`."""
        having = self._having(study_id, curated)
        return ~having if self.negated else having

    def _having(self, study_id: Any, curated: bool) -> Any:
        if self.years is not None:
            t, r = studies_t.alias("k"), records_t.alias("y")
            bounds = year_bounds(r.c.year, self.years)
            return exists().where(t.c.id == study_id, r.c.id == t.c.record_id, *bounds)
        if self.field == "study_type":
            t = studies_t.alias("k")
            return exists().where(t.c.id == study_id, t.c.study_type.in_(self.values))
        a = annotations_t.alias("g")
        probe = [a.c.study_id == study_id, a.c.field == self.field, a.c.value.in_(self.values)]
        return exists().where(*probe, not_withdrawn(a)) if curated else exists().where(*probe)


def year_bounds(year: Any, years: tuple[int | None, int | None]) -> list[Any]:
    """SQL conditions keeping `year` within (from, to), both included."""
    first, last = years
    return [
        *([year >= first] if first is not None else []),
        *([year <= last] if last is not None else []),
    ]


def exact_condition(name: str, value: str) -> Condition:
    """A condition taking its values as written (no wildcard, no label check)."""
    check_filter_field(name)
    if name == YEAR:
        try:
            return Condition(name, (), years=year_range(value))
        except ValueError as error:
            raise StoreError(str(error)) from None
    negated, wanted = alternatives(value)
    return Condition(name, tuple(wanted), negated)


def resolve(
    conn: Connection,
    name: str,
    pattern: str,
    stored_values: Callable[[str], list[str]] | None = None,
) -> Condition:
    """The stored values of `name` that fit `pattern` (each of its alternatives); an error
    if a label is unknown.

    `stored_values(name)` gives a field's stored values when the caller keeps them (the
    facet index does, per generation); otherwise they are read here.
    """
    written = exact_condition(name, pattern)
    if written.years is not None:
        return written
    values: list[str] = []
    for alternative in written.values:
        values += _resolve_one(conn, name, alternative, stored_values)
    return Condition(name, tuple(dict.fromkeys(values)), written.negated)


def _resolve_one(
    conn: Connection,
    name: str,
    pattern: str,
    stored_values: Callable[[str], list[str]] | None,
) -> list[str]:
    if name == "study_type":
        check_label(name, pattern, [])
        labels = BY_NAME["study_type"].parts[0].labels
        return [k for k in labels if matches(pattern, k)]
    stored: list[str] = []
    if WILDCARD in pattern:
        if stored_values is not None:
            stored = stored_values(name)
        else:
            stored = list(conn.scalars(select(values_t.c.value).where(values_t.c.field == name)))
        values = [v for v in stored if matches(pattern, v)]
    else:
        found = conn.scalar(
            select(values_t.c.value).where(values_t.c.field == name, values_t.c.value == pattern)
        )
        values = [pattern] if found is not None else []
    if not values:
        if not stored:
            stored = list(conn.scalars(select(values_t.c.value).where(values_t.c.field == name)))
        check_label(name, pattern, stored)
    return values


# Filters keeping less than this share of the studies gate SQLite's ranking (`_gate`).
GATED_SHARE = 0.5
# Postings counted up to this many when choosing the filter that drives a query.
ESTIMATE_CAP = 100_000


class Searcher:
    """Builds and runs the queries of one `Store.search` call on one connection."""

    def __init__(self, conn: Connection, query: str, where: Where | None) -> None:
        self.conn = conn
        self.postgres = conn.dialect.name == "postgresql"
        self.text = query.strip() if has_terms(query) else ""
        self.where = pairs(where)
        for name, _ in self.where:
            check_filter_field(name)
        self.study = studies_t.alias("s")
        # Until someone curates, every row counts as it is and the checks can be skipped.
        curated = select(annotations_t.c.id).where(annotations_t.c.origin == CURATED).limit(1)
        self.curated = conn.scalar(curated) is not None
        conditions = [resolve(conn, name, value) for name, value in self.where]
        self.empty = any(c.void for c in conditions)
        # The most selective condition drives (a negated one only when all are); the
        # others are probed per study.
        order = lambda c: (c.negated, self._estimate(c) if not c.negated else 0)  # noqa: E731
        self.conditions = sorted(conditions, key=order) if not self.empty else []

    # -- the matching set ----------------------------------------------------------------

    def _text_match(self) -> Any:
        return text_match(self.conn, self.text)

    def _rank(self) -> Any:
        return text_rank(self.postgres, self.text)

    def _estimate(self, condition: Condition) -> int:
        capped = condition.postings(curated=False).limit(ESTIMATE_CAP).subquery()
        return int(self.conn.scalar(select(func.count()).select_from(capped)) or 0)

    def matching(self, *columns: Any) -> Any:
        """SELECT `columns` FROM the matching records (joined to their study, if any)."""
        s = self.study
        joined: Any = records_t
        if self.text and not self.postgres:
            joined = fts_t.join(records_t, records_t.c.id == fts_t.c.rowid)
        if self.conditions or self.empty:
            joined = joined.join(s, s.c.record_id == records_t.c.id)
        else:
            joined = joined.outerjoin(s, s.c.record_id == records_t.c.id)
        query = select(*columns).select_from(joined)
        if self.empty:
            return query.where(false())
        if self.text:
            # Few candidates: each is probed for every condition.
            query = query.where(self._text_match())
            return query.where(*(c.holds_for(s.c.id, self.curated) for c in self.conditions))
        if self.conditions:
            query = query.where(s.c.id.in_(self._filtered()))
        return query

    def _filtered(self) -> Any:
        """SELECT study_id of the studies meeting every condition, driven by the rarest."""
        driver, *rest = self.conditions
        postings = driver.postings(self.curated)
        if len(driver.values) > 1 or self.curated or driver.negated:
            postings = postings.distinct()
        found = postings.subquery("d")
        return select(found.c.study_id).where(
            *(c.holds_for(found.c.study_id, self.curated) for c in rest)
        )

    def study_ids(self) -> Any | None:
        """SELECT of the matching studies' ids; None when nothing narrows the set."""
        if self.conditions and not self.text:
            return self._filtered()
        if not self.text and not self.empty:
            return None
        return self.matching(self.study.c.id).where(self.study.c.id.is_not(None))


def pairs_query(searcher: Searcher, fields: Sequence[str]) -> Any:
    """(study id, field, value) of the effective annotations of the matching studies."""
    for name in fields:
        check_field(name)
    ids = searcher.study_ids()
    a = annotations_t.alias("a")
    s = studies_t.alias("p")
    r = records_t.alias("r")
    studies = s.join(r, r.c.id == s.c.record_id)
    names = [name for name in fields if name != "study_type"]
    query = (
        select(r.c.label.label("study_id"), a.c.field, a.c.value)
        .select_from(a.join(studies, s.c.id == a.c.study_id))
        .where(a.c.field.in_(names), effective(a, searcher.curated))
    )
    if ids is not None:
        query = query.where(a.c.study_id.in_(ids))
    if "study_type" not in fields:
        return query
    kind = select(r.c.label, literal_column("'study_type'"), s.c.study_type).select_from(studies)
    if ids is not None:
        kind = kind.where(s.c.id.in_(ids))
    return query.union_all(kind) if names else kind


def index_pairs(conn: Connection, index: FacetIndex, fields: Sequence[str]) -> pd.DataFrame:
    """(study_id, field, value) of every study's effective values of `fields` (and its
    `study_type`), from the facet index's columns: what `pairs_query` gives, as a frame of
    categorical columns (the index's codes; a string per row cost 1.7 s at 100k studies)."""
    import pandas as pd

    from exobone.store.writer import study_label

    key = index.key(conn)
    studies = index.studies(conn, key)
    labels = [study_label(int(number)) for number in studies.records]
    rows, names, codes = [], [], []
    # Every field's value codes turned into codes of one list of distinct values.
    union: dict[str, int] = {}
    for number, name in enumerate(fields):
        if name == "study_type":
            found, values, held = np.arange(len(labels)), studies.kind_values, studies.kinds
        else:
            column = index.column(conn, key, name)
            found, held = column.codes_for(None, len(studies.ids))
            values = column.values
        recode = np.fromiter((union.setdefault(v, len(union)) for v in values), np.int64)
        rows.append(found)
        codes.append(recode[held] if len(values) else held.astype(np.int64))
        names.append(np.full(len(found), number, dtype=np.int64))

    def categorical(codes: list[np.ndarray], categories: Sequence[str]) -> pd.Categorical:
        joined = np.concatenate(codes) if codes else np.zeros(0, dtype=np.int64)
        return pd.Categorical.from_codes(joined, categories=pd.Index(categories, dtype=object))

    return pd.DataFrame(
        {
            "study_id": categorical(rows, labels),
            "field": categorical(names, list(fields)),
            "value": categorical(codes, list(union)),
        }
    )


def parse_marked(marked: str) -> Snippet:
    """Turn text with the database's match markers into plain text and offsets."""
    parts: list[str] = []
    marks: list[tuple[int, int]] = []
    length, start = 0, None
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", marked):
        if piece == _OPEN:
            start = length
        elif piece == _CLOSE:
            if start is not None and length > start:
                marks.append((start, length))
            start = None
        else:
            parts.append(piece)
            length += len(piece)
    return Snippet("".join(parts), tuple(marks))


def _lead(text: str) -> str:
    if len(text) <= SNIPPET_CHARS:
        return text
    return text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"


def _first_author(authors: Any) -> str | None:
    if isinstance(authors, str):
        import json

        authors = json.loads(authors)
    if not authors:
        return None
    return str(authors[0]).split(",")[0].strip() or None


def search(
    conn: Connection,
    index: FacetIndex,
    query: str = "",
    where: Where | None = None,
    *,
    limit: int = 20,
    offset: int = 0,
    facet_fields: Sequence[str] | None = None,
    text_index: TextIndex | None = None,
    sort: str = "relevance",
) -> SearchResult:
    """See `Store.search`: the text part in `text_index` or the database, filters and facets
    in `index`."""
    fields = list(ANNOTATION_FIELDS if facet_fields is None else facet_fields)
    for name in fields:
        check_field(name)
    found = Matches(conn, index, query, where, ranked=True, text_index=text_index)
    facets: dict[str, list[tuple[str, int]]] = {}
    for name in fields:
        if name == "study_type":
            facets[name] = found.studies.count_kinds(found.rows)
        else:
            facets[name] = found.column(name).count(found.rows)
    hits = found.hits(limit, offset, sort)
    return SearchResult(total=found.total, hits=hits, facets=facets)


def evidence_counts(
    conn: Connection,
    index: FacetIndex,
    rows: str,
    cols: str,
    where: Where | None,
    query: str,
    text_index: TextIndex | None = None,
) -> list[tuple[str, str, int]]:
    """See `Store.evidence_counts`: each matching study's (rows value, cols value) pairs."""
    for name in (rows, cols):
        if check_field(name) == "study_type":
            raise UnknownFilterError("study_type is not mapped; choose a set field", SET_FIELDS)
    found = Matches(conn, index, query, where, ranked=False, text_index=text_index)
    size = len(found.studies.ids)
    across, down = found.column(rows), found.column(cols)
    study_rows, row_codes = across.codes_for(found.rows, size)
    # Each rows value of a study meets each cols value of the same study.
    lengths = np.diff(down.indptr)[study_rows]
    ends = np.cumsum(lengths)
    starts = np.repeat(down.indptr[study_rows] - (ends - lengths), lengths)
    col_codes = down.codes[starts + np.arange(int(lengths.sum()), dtype=np.int64)]
    width = max(len(down.values), 1)
    cells, counts = np.unique(
        np.repeat(row_codes.astype(np.int64), lengths) * width + col_codes, return_counts=True
    )
    found_cells = [
        (across.values[int(c // width)], down.values[int(c % width)], int(n))
        for c, n in zip(cells, counts, strict=True)
    ]
    return sorted(found_cells, key=lambda cell: (-cell[2], cell[0], cell[1]))


def facet_counts(
    conn: Connection, index: FacetIndex, name: str, where: Mapping[str, str | int] | None
) -> list[tuple[str, int]]:
    """See `Store.facets`: one field's counts over the studies with every exact value."""
    found = Matches(conn, index, "", where, ranked=False, exact=True)
    if name == "study_type":
        return found.studies.count_kinds(found.rows)
    return found.column(name).count(found.rows)


class Matches:
    """The records and studies matching a query text and filters.

    `rows` are the matching studies' rows in the index (None: every study); with text,
    `record_ids` and `scores` are the matching records in any order.
    """

    def __init__(
        self,
        conn: Connection,
        index: FacetIndex,
        query: str,
        where: Where | None,
        ranked: bool,
        exact: bool = False,
        text_index: TextIndex | None = None,
    ) -> None:
        self.conn = conn
        self.index = index
        self.text_index = text_index
        self.text = query.strip() if has_terms(query) else ""
        items = pairs(where)
        for name, _ in items:
            check_filter_field(name)
        # Exact filters (`Store.facets`) take values as they are: unknown ones match nothing.
        self.key = index.key(conn)
        if exact:
            conditions = [exact_condition(name, value) for name, value in items]
        else:
            cached = partial(index.field_values, conn, self.key)
            conditions = [resolve(conn, name, value, cached) for name, value in items]
        self.studies = index.studies(conn, self.key)
        self.record_ids = np.empty(0, dtype=np.int64)
        self.scores = np.empty(0, dtype=np.float64)
        self.rows: np.ndarray | None = None
        self._total = 0
        if any(c.void for c in conditions):
            self.rows = np.empty(0, dtype=np.int64)
            return
        mask = self._mask(conditions) if conditions else None
        if self.text:
            self._match_text(mask, ranked)
        elif mask is not None:
            self.rows = np.flatnonzero(mask)
            self._total = len(self.rows)

    @property
    def total(self) -> int:
        """Matching records (every record when nothing narrows the search)."""
        if self.rows is None and not self.text:
            return int(self.conn.scalar(select(func.count()).select_from(records_t)) or 0)
        return self._total

    def column(self, name: str) -> Column:
        return self.index.column(self.conn, self.key, name)

    def _mask(self, conditions: list[Condition]) -> np.ndarray:
        """The studies meeting every condition (any of its values; none when negated)."""
        size = len(self.studies.ids)
        mask = np.ones(size, dtype=bool)
        for condition in conditions:
            having = self._having(condition, size)
            mask &= ~having if condition.negated else having
        return mask

    def _having(self, condition: Condition, size: int) -> np.ndarray:
        """The studies with one of the condition's values (or in its years)."""
        if condition.years is not None:
            years = self.index.years(self.conn, self.key, self.studies.records)
            first, last = condition.years
            with np.errstate(invalid="ignore"):  # NaN (no year) compares False: left out
                return (years >= (-np.inf if first is None else first)) & (
                    years <= (np.inf if last is None else last)
                )
        if condition.field == "study_type":
            kinds = [i for i, k in enumerate(self.studies.kind_values) if k in condition.values]
            return np.isin(self.studies.kinds, kinds)
        column = self.column(condition.field)
        having = np.zeros(size, dtype=bool)
        having[column.rows_having(column.codes_of(condition.values))] = True
        return having

    def _match_text(self, mask: np.ndarray | None, ranked: bool) -> None:
        found = self._match_postings(mask)
        if found is None:
            found = self._match_database(mask, ranked)
        record_ids, scores = found
        rows = self.studies.rows_of_records(record_ids)
        if mask is not None:
            keep = (rows >= 0) & mask[np.maximum(rows, 0)]
            record_ids, scores, rows = record_ids[keep], scores[keep], rows[keep]
        self.record_ids, self.scores = record_ids, scores
        self.rows = rows[rows >= 0]
        self._total = len(record_ids)

    def _match_postings(self, mask: np.ndarray | None) -> tuple[np.ndarray, np.ndarray] | None:
        """Matches and bm25 scores from the `TextIndex` (large SQLite stores); None when the
        store is small, on PostgreSQL, or when a term is a phrase of several tokens."""
        if self.text_index is None:
            return None
        key = self.text_index.usable(self.conn)
        if key is None:
            return None
        groups = term_groups(self.text, one_word=True)
        tokens = self.text_index.tokens(self.conn, [word for group in groups for word in group])
        if tokens is None:
            return None
        found = iter(tokens)
        token_groups = [[next(found) for _ in group] for group in groups]
        postings = self.text_index.postings(self.conn, key)
        keep = None
        if mask is not None:
            keep = np.zeros(len(self.studies.by_record), dtype=bool)
            keep[self.studies.records[mask]] = True
        return postings.match_any(token_groups, keep)

    def _match_database(
        self, mask: np.ndarray | None, ranked: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        postgres = self.conn.dialect.name == "postgresql"
        score = text_rank(postgres, self.text) if ranked else literal_column("0.0")
        if postgres:
            query = select(records_t.c.id, score).where(text_match(self.conn, self.text))
        else:
            if ranked and mask is not None and mask.mean() < GATED_SHARE:
                score = case((func.exobone_keep(fts_t.c.rowid) == 1, score))
                self._gate(mask)
            query = select(fts_t.c.rowid, score).select_from(fts_t)
            query = query.where(text_match(self.conn, self.text))
        found = fetch(self.conn, query)
        record_ids = np.fromiter((r[0] for r in found), np.int64, len(found))
        scores = np.fromiter(
            (np.nan if r[1] is None else r[1] for r in found), np.float64, len(found)
        )
        return record_ids, scores

    def _gate(self, mask: np.ndarray) -> None:
        """Let SQLite's bm25 skip the records the filters exclude (`exobone_keep(rowid)`).

        FTS5 scores every document holding the terms before any filter applies; bm25 is
        most of the cost of broad terms (about 1.7x faster at 10% kept on 1M records).
        """
        size = len(self.studies.by_record)
        kept = np.zeros(size, dtype=bool)
        kept[self.studies.records[mask]] = True
        flags = kept.tolist()  # a list indexes faster than an array or a set of ids builds
        driver = self.conn.connection.driver_connection
        driver.create_function(  # type: ignore[union-attr]
            "exobone_keep", 1, lambda rowid: rowid < size and flags[rowid], deterministic=True
        )

    def by_year(self, limit: int, offset: int, newest: bool) -> list[int]:
        """The record ids of one page of the matches ordered by year (newest or oldest
        first; records without a year last), then by record id."""
        if not self.text and self.rows is None:
            year = records_t.c.year.desc() if newest else records_t.c.year.asc()
            query = select(records_t.c.id).order_by(year.nulls_last(), records_t.c.id)
            return [int(i) for i in self.conn.scalars(query.limit(limit).offset(offset))]
        chosen = self.record_ids if self.text else self.studies.records[self.rows]
        years = self.index.years(self.conn, self.key, chosen)
        last = np.inf if newest else -np.inf  # no year: after every year either way
        key = np.where(np.isnan(years), last, -years if newest else years)
        order = np.lexsort((chosen, key))[offset : offset + limit]
        return [int(i) for i in chosen[order]]

    def hits(self, limit: int, offset: int, sort: str = "relevance") -> list[Hit]:
        """One page: best score first with text, else in study (or record) id order; or
        by year (`sort` newest or oldest)."""
        if sort not in SORTS:
            raise StoreError(f"unknown order {sort!r}; use {', '.join(SORTS)}")
        s = studies_t.alias("s")
        columns = (
            records_t.c.id,
            s.c.id.label("study_id"),
            records_t.c.label,
            records_t.c.title,
            records_t.c.year,
            records_t.c.journal,
            records_t.c.authors,
            records_t.c.abstract,
        )
        joined = records_t.outerjoin(s, s.c.record_id == records_t.c.id)
        query = select(*columns).select_from(joined)
        if sort != "relevance":
            ids = self.by_year(limit, offset, sort == "newest")
            ranks = dict(zip(self.record_ids.tolist(), self.scores.tolist(), strict=True))
            chosen = query.where(records_t.c.id.in_(ids))
            found = {row.id: row for row in self.conn.execute(chosen)}
            return make_hits(self.conn, self.text, [found[i] for i in ids], ranks)
        if self.text:
            best = top(self.record_ids, self.scores, offset + limit)[offset:]
            ids = [int(i) for i in self.record_ids[best]]
            scores: dict[int, float | None] = {
                int(r): float(v)
                for r, v in zip(self.record_ids[best], self.scores[best], strict=True)
            }
            found = {row.id: row for row in self.conn.execute(query.where(records_t.c.id.in_(ids)))}
            return make_hits(self.conn, self.text, [found[i] for i in ids], scores)
        if self.rows is not None:
            # Every match has a study: the inner join lets the database start from its ids.
            page = [int(i) for i in self.studies.ids[self.rows[offset : offset + limit]]]
            inner = records_t.join(s, s.c.record_id == records_t.c.id)
            query = select(*columns).select_from(inner).where(s.c.id.in_(page)).order_by(s.c.id)
        else:
            query = query.order_by(records_t.c.id).limit(limit).offset(offset)
        return make_hits(self.conn, "", list(self.conn.execute(query)), {})

"""The search page's state (text, filters, order) and the links that change it: facets that
add a value to a field's alternatives (OR) or exclude it (NOT), chips that drop a filter,
the year range, pages, and the export of the same view.

Filters are the `f=FIELD=VALUE` texts of the CLI's `--where` (`exobone.store.labels`), so a
link of the page, `exobone search --where` and `exobone export --where` select alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from exobone.errors import ExoboneError
from exobone.store.labels import (
    NOT,
    YEAR,
    alternatives,
    check_filter_field,
    condition_text,
    joined,
    parse_conditions,
    year_range,
)
from exobone.store.search import SORTS

__all__ = ["SORTS", "SearchView", "parse_filters"]

Pair = tuple[str, str]


def parse_filters(items: Sequence[str], first: str = "", last: str = "") -> list[Pair]:
    """`f=` texts as (field, value) pairs, with the year range of the form's `from` and
    `to` (when given, they replace a year filter); ValueError for a bad one."""
    pairs = parse_conditions(items)
    for name, value in pairs:
        try:
            check_filter_field(name)
        except ExoboneError as error:
            raise ValueError(f"{error} in filter {condition_text(name, value)!r}") from None
        if name == YEAR:
            year_range(value)
    if first.strip() or last.strip():
        pairs = [p for p in pairs if p[0] != YEAR]
        pairs.append((YEAR, f"{first.strip()}..{last.strip()}"))
        year_range(pairs[-1][1])
    return pairs


@dataclass(frozen=True, slots=True)
class SearchView:
    q: str
    where: tuple[Pair, ...]
    sort: str = "relevance"

    def url(self, where: Sequence[Pair] | None = None, page: int = 1, path: str = "/search") -> str:
        params = [("q", self.q)] if self.q else []
        params += [("f", condition_text(n, v)) for n, v in (self.where if where is None else where)]
        if path == "/search":
            params += [("sort", self.sort)] if self.sort != "relevance" else []
            params += [("page", str(page))] if page > 1 else []
        return path + ("?" + urlencode(params) if params else "")

    def export_url(self, fmt: str) -> str:
        return self.url(path=f"/export/{fmt}")

    def chosen(self, name: str, negated: bool = False) -> list[str]:
        """The values of field `name` the filters ask for (or, `negated`, exclude)."""
        for field, value in self.where:
            neg, values = alternatives(value)
            if field == name and neg == negated:
                return values
        return []

    def _with(self, name: str, values: list[str], negated: bool) -> str:
        """The link with field `name`'s (negated) alternatives set to `values`."""
        prefix = NOT if negated else ""
        where = [p for p in self.where if not (p[0] == name and alternatives(p[1])[0] == negated)]
        if values:
            where.append((name, prefix + joined(values)))
        return self.url(where)

    def toggle(self, name: str, value: str) -> str:
        """Add `value` to the field's alternatives, or take it out if it is one."""
        values = self.chosen(name)
        kept = [v for v in values if v != value]
        return self._with(name, kept if value in values else [*values, value], False)

    def exclude(self, name: str, value: str) -> str:
        return self._with(name, [*self.chosen(name, True), value], True)

    def without(self, index: int) -> str:
        return self.url([p for i, p in enumerate(self.where) if i != index])

    def years(self) -> tuple[str, str]:
        """The year range's bounds as the form shows them."""
        for name, value in self.where:
            if name == YEAR:
                first, last = year_range(value)
                return ("" if first is None else str(first), "" if last is None else str(last))
        return "", ""

    def shown(self, index: int) -> str:
        """A filter as a chip says it: `species = rat or mouse`, `species ≠ rat`."""
        name, value = self.where[index]
        negated, values = alternatives(value)
        return f"{name} {'≠' if negated else '='} {' or '.join(values)}"

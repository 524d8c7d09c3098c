"""Cell phrases: runs of cell-type, origin, species and cell-line mentions, each resolved to
`cell|origin|species` (`phrases_in`).

Split from `exobone.extract.cells` (issue 12, modules under ~600 lines): what a phrase is and
how it resolves stands apart from what the phrase does (its role as the vesicles' source or
recipient, and the species it shares), which `cells` decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from exobone.extract.cells_rules import (
    FILLER,
    FILLER_ENDINGS,
    FILLER_WORDS,
    LIST_GAP,
    MADE_FROM,
    MADE_INTO,
    OF_GAP,
    OSTEOCLAST_AFTER,
    OSTEOCLAST_BEFORE,
)
from exobone.extract.document import Document, Mention, Sentence
from exobone.lexicon import load_lexicon
from exobone.text.calls import is_ascii, pattern_match, pattern_search

_PHRASE_KINDS: Final = frozenset(
    {"cell_types", "origins", "species", "cell_lines", "preconditioning"}
)
_FILLER_KINDS: Final = frozenset({"conditions", "animal_models"})
_GROUP_KINDS: Final = _PHRASE_KINDS | _FILLER_KINDS
_CELL_KINDS: Final = frozenset({"cell_types", "cell_lines"})
_FILLER_MARKS: Final = " \t\n-/()"


def _is_filler(gap: str) -> bool:
    """Whether only filler stands between two mentions (most gaps are a space or a hyphen)."""
    if not gap.strip(_FILLER_MARKS):
        return True
    if not is_ascii(gap) or "(" in gap:
        return pattern_match(FILLER, gap) is not None
    # In ASCII without an "(ABBR)", the words give FILLER's answer without its slow match:
    # filler words (and words of letters with a filler ending) between spaces, hyphens,
    # slashes and ")" match, any other word of letters only fails, anything else (digits,
    # commas, joined words) asks the regex.
    for token in gap.split():
        word = token.strip("-/)")
        if not word or word.lower() in FILLER_WORDS:
            continue
        if not word.isalpha():
            return pattern_match(FILLER, gap) is not None
        if not word.lower().endswith(FILLER_ENDINGS):
            return False
    return True


def _process_of(last: Mention, text: str, m: Mention) -> bool:
    """ "Osteogenic differentiation of hBMSCs", "chondrogenic differentiation of ADSCs": a
    process the cells undergo (an outcome of whatever treated them), not a treatment that
    names them; the cells after "of" open a phrase of their own."""
    return (
        last.kind == "preconditioning"
        and pattern_search(OF_GAP, text, last.end, m.start) is not None
    )


# A participle of the filler words between cells and an induction word after them is the
# sentence's verb: "ABs of mature osteoclasts (mOC-ABs) induced the osteogenic differentiation
# of mesenchymal stem cells" (R477): the process is the vesicles' effect, no treatment that
# names the cells.
_MADE_GAP: Final = re.compile(r"\b(?:induced|differentiated|generated)\b", re.IGNORECASE)


def _process_made(group: list[Mention], text: str, m: Mention) -> bool:
    """Whether `m`, an induction word after the cells of `group`, follows a participle."""
    return (
        m.kind == "preconditioning"
        and any(x.kind in _CELL_KINDS for x in group)
        and _MADE_GAP.search(text, group[-1].end, m.start) is not None
    )


def _other_cells_in_brackets(group: list[Mention], text: str, m: Mention) -> bool:
    """ "derived from MSCs or from platelet-rich plasma (MSC-EVs or PRP-EVs)" (R293): a short
    form in brackets that names another cell type than the cells right before it names an
    earlier item of a list, not theirs; it opens a phrase of its own."""
    if m.kind != "cell_types" or "(" not in text[group[-1].end : m.start]:
        return False
    labels = {x.label for x in group if x.kind == "cell_types"}
    return bool(labels) and m.label not in labels


def treated_with(m: Mention, text: str) -> bool:
    """Whether `m` is a treatment named with its verb and "with" ("pretreated with"): what
    follows is what the cells were treated with."""
    return m.kind == "preconditioning" and text[m.start : m.end].lower().endswith(" with")


def _agent_after(last: Mention, text: str, m: Mention) -> bool:
    """ "HUVECs were pretreated with BMSC-Exos": the cells named after "pretreated with" made
    what the cells before were treated with; they open a phrase of their own."""
    return m.kind in _PHRASE_KINDS and treated_with(last, text)


_PLURIPOTENT: Final = {
    "embryonic_stem_cell": "ESC_derived",
    "induced_pluripotent_stem_cell": "iPSC_derived",
}
_INDUCTION: Final = frozenset({"osteogenic_induction"})


@dataclass(init=False)
class CellPhrase:
    """One cell phrase with its resolved identity and where it stands."""

    mentions: list[Mention]
    cell: str = ""
    origin: str = ""
    species: str = ""
    line: str = ""
    role: str = ""  # "source", "recipient" or ""
    siblings: list[CellPhrase] = field(default_factory=list)  # same cell, listed tissues

    def __init__(
        self,
        mentions: list[Mention],
        cell: str = "",
        origin: str = "",
        species: str = "",
        line: str = "",
        role: str = "",
        siblings: list[CellPhrase] | None = None,
    ) -> None:
        # Written out: compiled, the __init__ that @dataclass makes would run interpreted.
        self.mentions = mentions
        self.cell = cell
        self.origin = origin
        self.species = species
        self.line = line
        self.role = role
        self.siblings = [] if siblings is None else siblings
        # Where it stands, read from its mentions once (they never change): read hundreds of
        # times per record, an attribute costs pure Python a fraction of a property's call.
        first = mentions[0]
        self.start = first.start
        self.section = first.section
        self.sentence = first.sentence
        end = first.end
        for m in mentions:
            if m.end > end:
                end = m.end
        self.end = end  # where the last-ending mention ends

    start: int = field(default=-1, repr=False, compare=False)
    end: int = field(default=-1, repr=False, compare=False)
    section: str = field(default="", repr=False, compare=False)
    sentence: int = field(default=-1, repr=False, compare=False)

    @property
    def value(self) -> str:
        return f"{self.cell}|{self.origin}|{self.species}"

    def has(self, kind: str, label: str) -> bool:
        return any(m.kind == kind and m.label == label for m in self.mentions)


# A cell line turned into another cell before use: "osteoclasts generated from RAW264.7 cells",
# "RAW264.7 cells induced into osteoclasts". The stated cell type wins, the line's species stays.


def _made_cell(text: str, phrase: CellPhrase, line: Mention) -> str:
    if phrase.cell == "macrophage" and (
        pattern_search(OSTEOCLAST_BEFORE, text, max(0, line.start - 30), line.start)
        or pattern_match(OSTEOCLAST_AFTER, text[line.end : line.end + 50])
    ):  # "RANKL-induced RAW 264.7 cells", "Raw264.7 cells induced with RANKL" (R98, R59)
        return "osteoclast"
    for m in phrase.mentions:
        if m.kind != "cell_types":
            continue
        if m.end <= line.start and pattern_search(MADE_FROM, text, m.end, line.start):
            return m.label
        if m.start >= line.end and pattern_search(MADE_INTO, text, line.end, m.start):
            return m.label
    return ""


def _resolve(phrase: CellPhrase, text: str = "") -> None:
    heads: list[Mention] = []
    lines: list[Mention] = []
    origins: list[Mention] = []
    species: list[Mention] = []
    for m in phrase.mentions:
        kind = m.kind
        if kind == "cell_types":
            heads.append(m)
        elif kind == "cell_lines":
            lines.append(m)
        elif kind == "origins":
            origins.append(m)
        elif kind == "species":
            species.append(m)
    if lines:
        line = load_lexicon().lines_by_name[lines[-1].label]
        phrase.line = line.name
        phrase.cell, phrase.origin, phrase.species = line.identity.split("|")
        made = _made_cell(text, phrase, lines[-1]) if text else ""
        if made:
            phrase.cell, phrase.origin = made, ""
            return
        if not phrase.cell and heads:
            # A line with no cell type of its own names its species; the type written beside
            # it says what the cells are: "THP-1 macrophages", "macrophage-like THP-1 cells"
            # (R840), "THP-1-derived macrophages" -> macrophage||human.
            phrase.cell = heads[-1].label
            return
        if phrase.cell == "preosteoblast" and any(
            m.kind == "preconditioning" and m.label in _INDUCTION for m in phrase.mentions
        ):
            phrase.cell = "osteoblast"
        return
    plain = [m for m in heads if m.label not in _PLURIPOTENT]
    pluripotent = [m for m in heads if m.label in _PLURIPOTENT]
    if plain:
        phrase.cell = "MSC" if any(m.label == "MSC" for m in plain) else plain[-1].label
        if pluripotent:
            phrase.origin = _PLURIPOTENT[pluripotent[0].label]
    elif pluripotent:
        phrase.cell = pluripotent[-1].label
    derived = [m for m in origins if m.label in ("iPSC_derived", "ESC_derived")]
    if derived and phrase.cell == "MSC":
        phrase.origin = derived[0].label
    elif origins and not phrase.origin:
        phrase.origin = origins[0].label
    if species:
        phrase.species = species[0].label


def phrases_in(doc: Document, sentence: Sentence) -> list[CellPhrase]:
    mentions = doc.by_sentence().get((sentence.section, sentence.index), ())
    # only a group that names a cell type or line makes a phrase: a sentence without one (nearly
    # half of them) is not grouped (its gaps not read for filler)
    if not any(m.kind in _CELL_KINDS for m in mentions):
        return []
    text = doc.text_of(sentence.section)
    groups: list[list[Mention]] = []
    cellular: list[bool] = []  # whether each group names a cell type or line
    end = -1
    for m in mentions:
        kind = m.kind
        if kind not in _GROUP_KINDS:
            continue
        if groups and (
            m.start < end
            or (
                _is_filler(text[end : m.start])
                and not _process_of(groups[-1][-1], text, m)
                and not _process_made(groups[-1], text, m)
                and not _other_cells_in_brackets(groups[-1], text, m)
                and not _agent_after(groups[-1][-1], text, m)
            )
        ):
            groups[-1].append(m)
            if kind in _CELL_KINDS:
                cellular[-1] = True
        else:
            groups.append([m])
            cellular.append(kind in _CELL_KINDS)
        if m.end > end:
            end = m.end
    phrases = []
    for i, group in enumerate(groups):
        if not cellular[i]:
            continue
        core = [m for m in group if m.kind in _PHRASE_KINDS]
        phrase = CellPhrase(mentions=core)
        _resolve(phrase, text)
        if phrase.cell or phrase.line:
            phrases.append(phrase)
            if phrase.origin and not phrase.line:
                phrase.siblings = _listed_origins(text, groups, i, phrase)
    return phrases


def _origin_only(group: list[Mention]) -> Mention | None:
    return group[0] if len(group) == 1 and group[0].kind == "origins" else None


def _listed_origins(
    text: str, groups: list[list[Mention]], index: int, phrase: CellPhrase
) -> list[CellPhrase]:
    """Origins listed with a cell phrase's own: "bone marrow, adipose tissue and umbilical cord
    MSCs", "MSCs of bone marrow, adipose tissue and umbilical cord". Each is the same cell
    from another tissue (a sibling phrase that takes the phrase's role)."""
    found: list[Mention] = []
    j = index - 1
    nxt = groups[index][0]
    while j >= 0 and (o := _origin_only(groups[j])) and is_list_joint(text, o.end, nxt.start):
        found.append(o)
        nxt = o
        j -= 1
    j = index + 1
    prev_end = -1  # where the group ends (a loop: max() over a generator is slow compiled)
    for m in groups[index]:
        prev_end = max(prev_end, m.end)
    while j < len(groups) and (o := _origin_only(groups[j])):
        if not is_list_joint(text, prev_end, o.start):
            break
        found.append(o)
        prev_end = o.end
        j += 1
    return [
        CellPhrase(mentions=[o], cell=phrase.cell, origin=o.label, species=phrase.species)
        for o in found
        if o.label != phrase.origin
    ]


def is_list_joint(text: str, start: int, end: int) -> bool:
    """Whether only a list joint (", ", "and", "or") stands between `start` and `end`."""
    return start < end and pattern_match(LIST_GAP, text[start:end]) is not None

"""The rules of `exobone.extract.cells`, read from data/cells.yaml, and the scanning engine
that gates them.

Every pattern and word list of the cell-phrase analysis is a row of the data file; this module
only compiles them, under the names the sentence logic uses. A rule searched in a piece of a
sentence (a gap, the text before or after a phrase) is a gate of the engine when its pattern
names texts that every match holds: it is tried only on pieces that hold one (read from the
pattern by the engine; no key is kept by hand). The engine is built at the end of the module:
a rule added later raises.
"""

from __future__ import annotations

import re
from typing import Final

from exobone.extract.cues import CueHits, needle_set
from exobone.extract.document import Document
from exobone.extract.rules import load_rules
from exobone.extract.scanning import Engine, Gate
from exobone.text.calls import is_ascii

RULES: Final = load_rules("cells.yaml")

# One engine gates the rules below; it is built at the end of the module.
ENGINE: Final = Engine()


def _gate(name: str) -> Gate:
    """The rule `name` as a gate tested on the piece it is searched in (the pieces are short,
    and the rule words common in sentences about vesicles: a per-sentence key would not
    spare the piece's own test)."""
    return ENGINE.gate(RULES.regex(name), per_sentence=False)


class PieceGate:
    """A gate searched in pieces cut from a section (a gap, a lead, the rest of a sentence)
    whose sets of required texts are rare in abstracts (a few occurrences a record): the
    sets are needle sets of the lexicon's one pass over each section as well
    (`cues.needle_set`), so whether a piece holds one text of each is read from the section's
    hits by position (`CueHits.may_match`) and the gate is not called for most pieces (it
    would fold the piece and test each text of a set on it). Give the section's hits
    (`section_hits`; None for a section that is not ASCII, whose pieces the gate tests itself)
    and where the piece starts in the section: every piece is a slice of the section's text.
    A gate with common texts ("of", "the") stays a plain gate: its hits would cost the pass
    more than its tests."""

    __slots__ = ("gate", "needles")

    def __init__(self, gate: Gate) -> None:
        self.gate = gate
        self.needles = tuple(needle_set(texts) for texts in (gate.keys, *gate.further) if texts)

    def may_match(self, piece: str, hits: CueHits | None, start: int) -> bool:
        """Whether `piece`, the section's text from `start` on, holds one text of each set."""
        if hits is None:
            return True
        end = start + len(piece)
        for needles in self.needles:
            if needles < hits.known and not hits.may_match(needles, start, end):
                return False
        return True

    def possible(self, piece: str, hits: CueHits | None, start: int) -> bool:
        """`gate.possible(piece)`."""
        return self.may_match(piece, hits, start) and self.gate.possible(piece)

    def search(
        self, piece: str, hits: CueHits | None, start: int, low: str | None = None
    ) -> re.Match[str] | None:
        """`gate.search(piece)` (`low`: the folded piece, if known)."""
        if not self.may_match(piece, hits, start):
            return None
        return self.gate.search(piece, None, low)

    def match(self, piece: str, hits: CueHits | None, start: int) -> re.Match[str] | None:
        """`gate.match(piece)`."""
        if not self.may_match(piece, hits, start):
            return None
        return self.gate.match(piece)

    def finditer(self, piece: str, hits: CueHits | None, start: int) -> list[re.Match[str]]:
        """`gate.finditer(piece)`."""
        if not self.may_match(piece, hits, start):
            return []
        return self.gate.finditer(piece)


def _piece_gate(name: str) -> PieceGate:
    return PieceGate(_gate(name))


def section_hits(doc: Document, section: str) -> CueHits | None:
    """The hits of the lexicon's pass over an ASCII section (None for another: its lowered
    text may not keep the offsets of the text)."""
    return doc.cue_hits(section) if is_ascii(doc.text_of(section)) else None


# Only filler between two mentions makes them one phrase ("bone marrow-derived primary MSCs").
FILLER: Final = RULES.regex("filler")
FILLER_WORDS: Final = frozenset(word.lower() for word in RULES.word_list("filler_words"))
FILLER_ENDINGS: Final = tuple(RULES.word_list("filler_endings"))
# "chondrocyte-affinity peptide (CAP)": a short form whose long form ends in one of these words
# names no cell (its cell word is a modifier).
NON_CELL_HEADS: Final = frozenset(RULES.word_list("non_cell_heads"))
# "osteogenic differentiation of |hBMSCs": a process of the cells, not one phrase with them.
OF_GAP: Final = RULES.regex("of_gap")

# Where vesicles came from: "MSC-derived exosomes", "exosomes isolated from MSCs", "MSCs
# release exosomes".
SOURCE_BEFORE: Final = RULES.regex("source_before")
SOURCE_AFTER: Final = _gate("source_after")
SOURCE_RELEASE: Final = _gate("source_release")
# "MSC-derived miRNAs in exosomes": the cells of the cargo a vesicle sentence names.
DERIVED_CARGO_AFTER: Final = _gate("derived_cargo_after")
LIST_GAP: Final = RULES.regex("list_gap")
# "EVs released by A, B, myocytes and C", "from MSCs (MSCs) or from chondrocytes".
SOURCE_LIST_GAP: Final = RULES.regex("source_list_gap")
BREAKER: Final = _gate("breaker")
# "the exosomes, which then shift macrophages": a relative clause on the vesicles is no break.
RELATIVE_GAP: Final = RULES.regex("relative_gap")

# Who received them: "internalized by X", "X treated with exosomes", "recipient X".
RECIPIENT_PREP: Final = _gate("recipient_preposition")
MODIFIED: Final = _piece_gate("modified")
SECRETED_BY: Final = _gate("secreted_by")
SECRETION_OF: Final = _gate("secretion_of")
MEDIUM_OF: Final = _piece_gate("medium_of")
TREATED: Final = _gate("treated")
# "HUVECs (HUVECs) and mouse MC3T3-E1 cells treated with exosomes": the list shares the role.
RECIPIENT_LIST_GAP: Final = RULES.regex("recipient_list_gap")
ORIGIN_OF: Final = RULES.regex("origin_of")
DONORS_BEFORE: Final = RULES.regex("donors_before")
TISSUE_FROM_PATIENTS: Final = RULES.regex("tissue_from_patients")
ANAPHOR: Final = _gate("anaphor")
SOURCE_ANAPHOR: Final = RULES.regex("source_anaphor")
SOURCE_WORDS: Final = _gate("source_words")
COUNT_BEFORE: Final = _gate("count_before")
# (a plain regex: matched at the start of the rest of the sentence, where it fails at its first
# characters; a gate would first test its 19 required texts over the whole rest)
NOT_RECIPIENT_AFTER: Final = RULES.regex("not_recipient_after")
DEFINED_AS: Final = _piece_gate("defined_as")
APPOSITION: Final = _piece_gate("apposition")
EV_FAMILY_LIST: Final = _piece_gate("ev_family_list")
OWN_WORK: Final = RULES.regex("own_work")
# "Extracellular vesicles (EVs) are lipid particles ...", "unlike microvesicles", "EV subtypes":
# the kind named in general or as the family, not as a preparation.
GENERIC_DEFINITION: Final = RULES.regex("generic_definition")
FAMILY_CONTRAST_BEFORE: Final = _gate("family_contrast_before")
FAMILY_AFTER: Final = RULES.regex("family_after")
# "Extracellular vesicles of MSCs, known as exosomes": the family named before its members' name.
NAMED_AFTER: Final = _gate("named_after")
# "The secretome of MSCs, especially exosomes": the vesicles are the object, not the secretome.
SECRETOME_NARROWED: Final = _piece_gate("secretome_narrowed")
HYPHENATED_END: Final = _gate("hyphenated_end")
# "Human periodontal ligament stem cells (PDLSCs)" defined in the background.
DEFINED_ABBREVIATION: Final = RULES.regex("defined_abbreviation")
# "RANKL-induced RAW 264.7 cells", "Raw264.7 cells induced with RANKL": osteoclasts.
OSTEOCLAST_BEFORE: Final = RULES.regex("osteoclast_inducer_before")
OSTEOCLAST_AFTER: Final = RULES.regex("osteoclast_inducer_after")
TO_GAP: Final = RULES.regex("to_gap")
IN_LEAD: Final = _gate("in_lead")
RECIPIENT_LEAD: Final = _piece_gate("recipient_lead")
PROCESS_AFTER: Final = RULES.regex("process_after")
CULTURES_AFTER: Final = RULES.regex("cultures_after")
# "MC3T3-E1 cells treated with dexamethasone served as an in vitro GIOP model".
SERVED_AS_MODEL: Final = _gate("served_as_model")
# "effects on osteoclast formation of exosomes": the cells named through the tested process.
EFFECTS_ON_LEAD: Final = _piece_gate("effects_on_lead")
PROCESS_OF_CELLS_AFTER: Final = RULES.regex("process_of_cells_after")
PROCESS_OF_GAP: Final = RULES.regex("process_of_gap")
# "promoted BMSC migration": the cells whose process the vesicles changed.
OWN_PROCESS_AFTER: Final = RULES.regex("own_process_after")
# "Chondrocytes took up the exosomes", "NPCs fell after EV intervention": the vesicles act on
# cells named before them.
ACTED_ON_BEFORE: Final = _gate("acted_on_before")
AFTER_BEFORE: Final = RULES.regex("after_before")
TREATMENT_AFTER: Final = RULES.regex("treatment_after")
AND_GAP: Final = RULES.regex("and_gap")
DIFFERENTIATE_TO: Final = _piece_gate("differentiate_to")
MADE_FROM: Final = RULES.regex("made_from")
MADE_INTO: Final = RULES.regex("made_into")
AND_THEN: Final = RULES.regex("and_then")
WERE: Final = RULES.regex("were")
COLLECTED_AFTER: Final = RULES.regex("collected_after")
BY_THESE_CELLS: Final = _gate("by_these_cells")
# "the exosomes derived from them", "the MSCs they come from": the source named by a pronoun.
SOURCE_THEM_AFTER: Final = RULES.regex("source_them_after")
THEY_COME_FROM_AFTER: Final = RULES.regex("they_come_from_after")
# "exosomal circX ... circX inhibits the differentiation of BMSCs": the vesicles' RNA acting
# in a sentence with no vesicle word, unless it was changed or given by itself.
CARGO_ACTS_AFTER: Final = RULES.regex("cargo_acts_after")
CARGO_GIVEN_ALONE_BEFORE: Final = RULES.regex("cargo_given_alone_before")
CARGO_GIVEN_ALONE_AFTER: Final = RULES.regex("cargo_given_alone_after")
# The cell types that become osteoblasts: named as recipients, they are the cells of
# "osteoblast differentiation", not osteoblasts.
OSTEOBLAST_PRECURSORS: Final = frozenset(RULES.word_list("osteoblast_precursors"))
# "Osteoclasts were generated by stimulating bone marrow macrophages", "bone marrow
# macrophages treated with RANKL to obtain osteoclasts": the made cells' origin.
MADE_BY_TREATING_GAP: Final = RULES.regex("made_by_treating_gap")
TREATED_TO_OBTAIN_GAP: Final = RULES.regex("treated_to_obtain_gap")


ENGINE.build()

"""The rules of `exobone.extract.cells`, read from data/cells.yaml.

Every pattern and word list of the cell-phrase analysis is a row of the data file; this module
only compiles them, under the names the sentence logic uses.
"""

from __future__ import annotations

from typing import Final

from exobone.extract.rules import load_rules

RULES: Final = load_rules("cells.yaml")

# Only filler between two mentions makes them one phrase ("bone marrow-derived primary MSCs").
FILLER: Final = RULES.regex("filler")
FILLER_WORDS: Final = frozenset(word.lower() for word in RULES.word_list("filler_words"))

# Where vesicles came from: "MSC-derived exosomes", "exosomes isolated from MSCs", "MSCs
# release exosomes".
SOURCE_BEFORE: Final = RULES.regex("source_before")
SOURCE_AFTER: Final = RULES.regex("source_after")
SOURCE_RELEASE: Final = RULES.regex("source_release")
LIST_GAP: Final = RULES.regex("list_gap")
BREAKER: Final = RULES.regex("breaker")

# Who received them: "internalized by X", "X treated with exosomes", "recipient X".
RECIPIENT_PREP: Final = RULES.regex("recipient_preposition")
MODIFIED: Final = RULES.regex("modified")
TREATED: Final = RULES.regex("treated")
ORIGIN_OF: Final = RULES.regex("origin_of")
ANAPHOR: Final = RULES.regex("anaphor")
SOURCE_ANAPHOR: Final = RULES.regex("source_anaphor")
SOURCE_WORDS: Final = RULES.regex("source_words")
COUNT_BEFORE: Final = RULES.regex("count_before")
NOT_RECIPIENT_AFTER: Final = RULES.regex("not_recipient_after")
DEFINED_AS: Final = RULES.regex("defined_as")
APPOSITION: Final = RULES.regex("apposition")
HYPHENATED_END: Final = RULES.regex("hyphenated_end")
TO_GAP: Final = RULES.regex("to_gap")
IN_LEAD: Final = RULES.regex("in_lead")
RECIPIENT_LEAD: Final = RULES.regex("recipient_lead")
PROCESS_AFTER: Final = RULES.regex("process_after")
CULTURES_AFTER: Final = RULES.regex("cultures_after")
AND_GAP: Final = RULES.regex("and_gap")
DIFFERENTIATE_TO: Final = RULES.regex("differentiate_to")
MADE_FROM: Final = RULES.regex("made_from")
MADE_INTO: Final = RULES.regex("made_into")
AND_THEN: Final = RULES.regex("and_then")
WERE: Final = RULES.regex("were")
COLLECTED_AFTER: Final = RULES.regex("collected_after")
BY_THESE_CELLS: Final = RULES.regex("by_these_cells")

"""Is a record about extracellular vesicles AND bone or cartilage? A fast, recall-first filter.

Only about 2% of PubMed is in scope, so the filter runs on every record and the extractor on
the few it keeps. It works in two steps so that the common case (no EV word at all) costs a
handful of `str.find` calls: a substring screen over the lower-cased text, then, only for
records that pass it, word-boundary regexes for the EV side and the bone/cartilage side.
The term lists are written out in docs/scale.md with their measured recall.
"""

from __future__ import annotations

import re

from exobone.model import Record

# Lower-case stems of EV words (the vesicle_types of the lexicon, their spellings and the
# common wider names); each also screens the text.
EV_STEMS: tuple[str, ...] = (
    "exosom",  # exosome(s), exosomal, exosome-like
    "extracellular vesicle",
    "extracellular-vesicle",
    "microvesicle",
    "micro-vesicle",
    "nanovesicle",
    "ectosome",
    "microparticle",
    "apoptotic bod",
    "apoptotic vesicle",
    "matrix vesicle",
    "migrasome",
    "secretome",
    "conditioned medi",  # medium, media
    "conditioned culture medi",
    "paracrine factor",
    "secretion factor",
    "secretory factor",
    "secreted factor",
    "trophic factor",
)
# Abbreviations, matched case-sensitively as whole words (`EVs` but not `every`).
EV_ABBREVIATIONS: tuple[str, ...] = (
    "EV", "EVs", "sEV", "sEVs", "lEV", "lEVs", "Exo", "Exos", "EXO", "EXOs", "MVs", "CM-Exo",
    "MSC-CM", "MSC-EVs", "MSC-Exos", "ApoBDs", "apoVs",
)  # fmt: skip
# Bone and cartilage: lower-case stems matched at the start of a word, except `osteo`,
# which may sit inside one ("periosteal", "non-osteogenic").
BONE_STEMS: tuple[str, ...] = (
    "bone", "cartilag", "chondr", "subchondral", "endochondral", "perichondr", "fibrochondr",
    "fractur", "skelet", "calvari", "femur", "femor", "tibia", "radius defect", "mandib",
    "maxill", "periodont", "periost", "ossif", "osseointegr", "arthritis",
    "arthropath", "articular", "intra-articular", "intraarticular", "joint", "synovi",
    "menisc", "tendon", "tendin", "tenocyt", "ligament", "enthes", "rotator cuff",
    "intervertebral", "nucleus pulposus", "annulus fibrosus", "disc degenerat",
    "disk degenerat", "spinal fusion", "osteonecrosis", "nonunion", "non-union",
    "mineraliz", "mineralis", "temporomandibular", "craniofacial",
)  # fmt: skip
BONE_ABBREVIATIONS: tuple[str, ...] = (
    "OA", "RA", "ONFH", "IVD", "IVDD", "IDD", "TMJ", "OVX", "BMD", "TMJOA", "TMJ-OA",
)  # fmt: skip


def _words(stems: tuple[str, ...], inside: tuple[str, ...] = ()) -> re.Pattern[str]:
    starts = "|".join(re.escape(s) for s in sorted(set(stems) - set(inside), key=len, reverse=True))
    anywhere = "|".join(re.escape(s) for s in inside)
    pattern = rf"(?<![a-z0-9])(?:{starts})"
    return re.compile(f"{pattern}|{anywhere}" if anywhere else pattern)


def _tokens(tokens: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z0-9-])(?:{alternatives})(?![A-Za-z0-9])")


_EV_WORDS = _words(EV_STEMS)
_EV_TOKENS = _tokens(EV_ABBREVIATIONS)
# The shortest abbreviations that the others contain ("EV" screens "sEVs" and "MSC-EVs").
_EV_SCREEN_CASED = tuple(
    t for t in EV_ABBREVIATIONS if not any(u != t and u in t for u in EV_ABBREVIATIONS)
)
# "bone" is not enough when it is only "bone marrow", the source of most MSC-EVs studied
# for every other organ; "osteo" may sit inside a word.
_BONE_WORDS = _words(BONE_STEMS, inside=("osteo",))
_MARROW_ONLY = re.compile(r"bones?[ -]+marrow")
_BONE_TOKENS = _tokens(BONE_ABBREVIATIONS)


def _has_ev(text: str, lowered: str) -> bool:
    if any(stem in lowered for stem in EV_STEMS) and _EV_WORDS.search(lowered):
        return True
    if any(screen in text for screen in _EV_SCREEN_CASED):
        return _EV_TOKENS.search(text) is not None
    return False


def _has_bone(text: str, lowered: str) -> bool:
    for match in _BONE_WORDS.finditer(lowered):
        if not (match.group() == "bone" and _MARROW_ONLY.match(lowered, match.start())):
            return True
    return _BONE_TOKENS.search(text) is not None


def is_relevant_text(text: str) -> bool:
    """True when `text` names an extracellular-vesicle product and bone or cartilage."""
    lowered = text.lower()
    return _has_ev(text, lowered) and _has_bone(text, lowered)


def is_relevant(record: Record) -> bool:
    """True when the record's title or abstract is in scope (EV terms and bone terms).

    The two sides may come from different parts: an EV title with a bone abstract counts.
    """
    return is_relevant_text(f"{record.title}\n{record.abstract}")

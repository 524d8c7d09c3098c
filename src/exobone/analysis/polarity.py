"""Whether more of a phenotype is good or bad for bone and cartilage, so that an outcome's
direction (increase / decrease) can be read as benefit (better / worse).

Harmful phenotypes are the extractor's own list (`words: harmful` of `data/direction.yaml`, the
labels whose increase is harm, read without loading the extractor: 1 s of every map), so the
map and the extractor never disagree. A few phenotypes
are good in one study and bad in another; their changes are counted as `unrated`, never
guessed. Every other outcome label of the lexicon is beneficial.
"""

from __future__ import annotations

from functools import cache

from exobone.schema import read_data, vocabulary

BETTER, WORSE, UNRATED = 1, -1, 0

# Phenotypes whose benefit depends on which cells or tissue change, with the reason.
CONTEXT_DEPENDENT: dict[str, str] = {
    "cell_proliferation": "wanted of stem cells and chondrocytes, harmful of synovial "
    "fibroblasts and tumour cells",
    "cell_migration": "wanted of stem cells homing to a defect, harmful of tumour cells",
    "adipogenic_differentiation": "marrow fat in place of bone in osteoporosis, but the aim in "
    "adipose models",
    "ectopic_bone_formation": "proof of bone induction in a graft model, but heterotopic "
    "ossification as a disease",
}


@cache
def harmful() -> frozenset[str]:
    """The phenotypes whose increase is harm (the extractor's list)."""
    return frozenset(str(label) for label in read_data("direction.yaml")["words"]["harmful"])


@cache
def outcome_synonyms() -> dict[str, str]:
    """Phenotype label of each name the lexicon knows for it (the label itself included)."""
    names: dict[str, str] = {}
    for label, synonyms in (vocabulary().get("outcomes") or {}).items():
        names[str(label)] = str(label)
        for synonym in synonyms or []:
            names.setdefault(str(synonym), str(label))
    return names


def outcome_labels() -> frozenset[str]:
    """The phenotype labels of the packaged lexicon (`outcomes` in vocab.yaml)."""
    return frozenset(outcome_synonyms().values())


def polarity(phenotype: str) -> int:
    """+1 when more of `phenotype` is good, -1 when it is harm, 0 when it depends or is not a
    lexicon phenotype."""
    if phenotype in harmful():
        return WORSE
    if phenotype in CONTEXT_DEPENDENT or phenotype not in outcome_labels():
        return UNRATED
    return BETTER


def benefit(phenotype: str, direction: str) -> str:
    """`better`, `worse`, `no_change` or `unrated` for one outcome value's parts."""
    if direction == "no_change":
        return "no_change"
    sign = polarity(phenotype) * {"increase": 1, "decrease": -1}.get(direction, 0)
    return {BETTER: "better", WORSE: "worse"}.get(sign, "unrated")


def harmful_phenotypes() -> list[str]:
    """The harmful phenotypes, sorted (for legends and docs)."""
    return sorted(harmful())

"""Load the packaged lexicon (vocab.yaml + lexicon.yaml) once, with spelling variants generated.

Every surface form maps to one or more `(kind, label)` entries: a form may say two things at
once ("BMSC" is a cell type and an origin; "osteogenic differentiation" is an outcome and a
preconditioning). Forms are split into case-folded ones and case-sensitive ones: short acronyms
(`CM`, `OA`, `ALP`, `SHED`) must be matched as written, or they would fire inside ordinary words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final

from exobone.schema import read_data, vocabulary
from exobone.text.calls import is_ascii

Entry = tuple[str, str]  # (kind, label)

# vocab.yaml categories read as label -> synonyms.
_LABEL_CATEGORIES: Final = (
    "vesicle_types", "cell_types", "origins", "species", "preconditioning", "conditions",
    "animal_models", "delivery_routes", "biomaterials", "isolation_methods",
    "characterization_methods", "assays", "outcomes", "pathways", "metabolites",
)  # fmt: skip
# Categories whose label itself is also a way of saying it ("micro_CT" -> "micro CT").
_LABEL_IS_TERM: Final = frozenset(_LABEL_CATEGORIES) - {"animal_models", "metabolites", "species"}

# A tuple, not a string: iterating a string makes a new string of each character outside
# Latin-1 (the dashes), at every call. `_ASCII_HYPHENS`: those an ASCII text can hold.
_HYPHENS: Final = ("-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "_")
_ASCII_HYPHENS: Final = tuple(dash for dash in _HYPHENS if dash.isascii())
_BRITISH: Final = (
    ("isation", "ization"), ("ised", "ized"), ("ising", "izing"), ("behaviour", "behavior"),
    ("tumour", "tumor"), ("signalling", "signaling"), ("labelling", "labeling"),
    ("haemat", "hemat"), ("oedema", "edema"), ("colour", "color"), ("gelatine", "gelatin"),
)  # fmt: skip


def fold(text: str) -> str:
    """Case-fold and turn hyphens into spaces, keeping every character at its offset."""
    return lower_in_place(unhyphen(text))


def lower_in_place(text: str) -> str:
    """`text` lower-cased, keeping every character at its offset (`fold` of a text that
    `unhyphen` has read already)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few code points change length when lowered
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


def unhyphen(text: str) -> str:
    """Hyphens to spaces, case kept (for case-sensitive matching); length is unchanged."""
    # `str.replace` per dash present is several times faster than `translate` with a table.
    # `isascii` reads a flag of the string: an ASCII text is looked at for its dashes only.
    for dash in _ASCII_HYPHENS if is_ascii(text) else _HYPHENS:
        if dash in text:
            text = text.replace(dash, " ")
    return text


def is_case_sensitive(term: str) -> bool:
    """Single-token acronyms and symbols ("CM", "MPs", "pDA", "Akt") are matched as written."""
    token = unhyphen(term).strip()
    if " " in token or not any(c.isupper() for c in token):
        return False
    return len(token) <= 5 or any(c.isupper() for c in token[1:]) or any(c.isdigit() for c in token)


def _plural_variants(word: str) -> set[str]:
    forms = {word}
    if not word or not word[-1].isalpha():
        return forms
    low = word.lower()
    if low.endswith("medium"):
        forms.add(word[:-2] + "a")
    elif low.endswith("media"):
        forms.add(word[:-1] + "um")
    if low.endswith("ies") and len(low) > 4:
        forms.add(word[:-3] + "y")
    elif low.endswith(("sses", "xes", "ches", "shes")):
        forms.add(word[:-2])
    elif low.endswith("s") and not low.endswith("ss") and len(low) > 2:
        forms.add(word[:-1])
    elif low.endswith("y") and len(low) > 3 and low[-2] not in "aeiou":
        forms.add(word[:-1] + "ies")
    elif low.endswith(("ss", "x", "ch", "sh")):
        forms.add(word + "es")
    else:
        forms.add(word + "s")
    return forms


def variants(term: str) -> set[str]:
    """Spellings of `term`: plural/singular, joined hyphens, British/American forms."""
    term = " ".join(term.split())
    out: set[str] = set()
    bases = {term}
    if "-" in term:
        bases.add(term.replace("-", ""))
    for base in list(bases):
        low = base.lower()
        for brit, amer in _BRITISH:
            if brit in low:
                bases.add(re.sub(brit, amer, base, flags=re.IGNORECASE))
            elif amer in low:
                bases.add(re.sub(amer, brit, base, flags=re.IGNORECASE))
    for base in bases:
        head, _, last = base.rpartition(" ")
        if " " not in base and "-" in base:
            head, _, last = base.rpartition("-")
            head = head + "-" if head else ""
        elif head:
            head += " "
        for form in _plural_variants(last):
            out.add(head + form)
    if is_case_sensitive(term) and term[:1].isupper() and term[1:].islower() and len(term) >= 3:
        out |= {v.upper() for v in out}
    return out


@dataclass(frozen=True)
class CellLine:
    """A named cell line with its schema identity `cell|origin|species`."""

    name: str
    identity: str

    @property
    def species(self) -> str:
        return self.identity.split("|")[2]


@dataclass
class Lexicon:
    """All lexicon knowledge the extractor uses, loaded once (see `load_lexicon`)."""

    folded: dict[str, set[Entry]] = field(default_factory=lambda: defaultdict(set))
    exact: dict[str, set[Entry]] = field(default_factory=lambda: defaultdict(set))
    cell_lines: dict[str, CellLine] = field(default_factory=dict)  # by every written form
    lines_by_name: dict[str, CellLine] = field(default_factory=dict)
    ev_marker_symbols: frozenset[str] = frozenset()
    lncrnas: frozenset[str] = frozenset()
    not_genes: frozenset[str] = frozenset()
    gene_symbols: frozenset[str] = frozenset()
    condition_parents: dict[str, list[str]] = field(default_factory=dict)
    condition_models: dict[str, str] = field(default_factory=dict)
    # (implied condition, cue pattern, conditions the cue must stand beside)
    implied_conditions: list[tuple[str, str, frozenset[str]]] = field(default_factory=list)
    # condition label -> words before it that name it only as a risk of the studied one
    condition_risks: dict[str, str] = field(default_factory=dict)
    gel_materials: frozenset[str] = frozenset()  # biomaterials that are gels by themselves
    gapped: list[tuple[str, tuple[Entry, ...]]] = field(default_factory=list)
    labels: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, term: str, entries: set[Entry] | tuple[Entry, ...]) -> None:
        """Register `term` (and its spelling variants) for `entries`."""
        for form in variants(term):
            if is_case_sensitive(form):
                self.exact[unhyphen(form)].update(entries)
            else:
                self.folded[fold(form)].update(entries)

    def lookup(self, token: str) -> set[Entry]:
        """Entries of one exact token or phrase (case-sensitive forms first)."""
        written = unhyphen(token)
        found = self.exact.get(written)
        if found:
            return set(found)
        return set(self.folded.get(lower_in_place(written), ()))


def _synonyms(value: Any) -> list[str]:
    if isinstance(value, dict):
        value = value.get("synonyms", [])
    return [str(s) for s in value or [] if "prefix" not in str(s)]


def _pairs(items: list[str]) -> tuple[Entry, ...]:
    out = []
    for item in items:
        kind, _, label = str(item).partition(":")
        out.append((kind.strip(), label.strip()))
    return tuple(out)


def ambiguous_alias(alias: str, not_genes: frozenset[str] = frozenset()) -> bool:
    """Whether a gene alias is too likely to mean something else to be matched.

    Two characters or fewer ("AR"), a short all-lowercase word that English or methods use
    ("cap", "bag"), or a token listed as not a gene in this field ("MSC", "ROS").
    """
    token = alias.strip()
    if len(token) <= 2 or token.upper() in not_genes:
        return True
    return token.isalpha() and token.islower() and len(token) <= 4


_IN_CAPITALS: Final = re.compile(r"[A-Z][A-Z0-9]{2,9}")
_LETTERS_THEN_NUMBER: Final = re.compile(r"([A-Z]{3,})(\d+)")


def rodent_spelling(name: str) -> str | None:
    """`name` as mouse and rat nomenclature writes it ("IL6" -> "Il6", "BGLAP" -> "Bglap"), or
    None when `name` is not a symbol in capitals."""
    if not _IN_CAPITALS.fullmatch(name):
        return None
    spelled = name[0] + name[1:].lower()
    return spelled if spelled != name else None


def _add_rodent_spellings(lex: Lexicon, names: dict[str, str], refused: frozenset[str]) -> None:
    """Match each gene name in capitals also as rodent papers write it ("Il6", "Ocn"), so that
    a symbol needs no row per spelling. Not where that spelling is a word or an abbreviation
    listed in `refused` ("Trap", "Eng"), nor where it is already a term of the lexicon."""
    for name, symbol in names.items():
        spelled = rodent_spelling(name)
        if spelled is None or spelled in refused or spelled in lex.exact:
            continue
        if fold(spelled) in lex.folded:
            continue
        lex.exact[spelled].add(("genes", symbol))


# A gene name whose letters an abstract may close in brackets as the abbreviation of its long
# form before the number or Greek letter that ends it: "matrix metalloproteinase (MMP)-3"
# (doi:10.1111/jcmm.14430), "collagen (COL)-1a1" (R136), "interleukin (IL)-6".
_ABBREVIATED: Final = re.compile(r"([A-Za-z]{2,5})-?(\d[0-9A-Za-z]*|alpha|beta|gamma)")


def _add_abbreviated_spellings(lex: Lexicon, names: dict[str, str]) -> None:
    """Match each gene name of letters then a number also as "(MMP)-3": the letters in
    brackets, then a hyphen and the rest."""
    for name, symbol in names.items():
        m = _ABBREVIATED.fullmatch(name)
        if m is not None:
            lex.folded[fold(f"({m[1]})-{m[2]}")].add(("genes", symbol))


# A gene name whose isoform is a spelled Greek letter ("PPAR-gamma", "HIF-1alpha",
# "C/EBPbeta", "RORgammat"): abstracts write the letter glued, after a hyphen or a space, or as
# the letter itself when a text comes uncleaned ("PPARgamma", "PPAR gamma", "PPARγ"), and the
# part before it with or without its hyphen ("HIF-1alpha", "HIF1alpha"). Group 1 is the part
# before the letter, group 2 the letter's name, group 3 what follows it ("t", "1", "R1").
_GREEK_ISOFORM: Final = re.compile(
    r"(.*[A-Za-z0-9/])[- ]?(alpha|beta|gamma|delta|kappa)([A-Za-z0-9]*)"
)
_GREEK_LETTER: Final = {
    "alpha": "\u03b1", "beta": "\u03b2", "gamma": "\u03b3", "delta": "\u03b4", "kappa": "\u03ba"
}  # fmt: skip


def greek_spellings(name: str) -> set[str]:
    """The spellings of a gene name with a spelled Greek isoform letter (`_GREEK_ISOFORM`):
    the letter glued or after a hyphen, spelled or as the letter, and the part before it with
    and without its hyphens; empty for a name of several words or with no such letter."""
    m = _GREEK_ISOFORM.fullmatch(name)
    if m is None or " " in m[1]:
        return set()
    before, letter, after = m[1], m[2], m[3]
    return {
        f"{part}{joint}{written}{after}"
        for part in {before, before.replace("-", "")}
        for joint in ("", "-")
        for written in (letter, _GREEK_LETTER[letter])
    }


def _add_greek_spellings(lex: Lexicon, names: dict[str, str]) -> None:
    """Match each gene name with a Greek isoform letter under all its `greek_spellings`, so
    that one row per isoform reads every way authors write it; a spelling that is already a
    term of another kind is left to that term."""
    for name, symbol in names.items():
        for form in greek_spellings(name):
            if any(kind != "genes" for kind, _ in lex.lookup(form)):
                continue
            lex.add(form, {("genes", symbol)})


def _add_symbol_aliases(lex: Lexicon, table: dict[str, Any], not_genes: frozenset[str]) -> None:
    """Match the other names of each symbol in `table` (symbol -> aliases) as that symbol. A
    one-word alias is matched only as written (so that "Snail" never reads "snail"), and must
    therefore hold a capital or a digit; an alias of another kind ("AKT": a pathway) or a
    listed not-gene fails loudly, naming the row."""
    for symbol, aliases in table.items():
        for alias in (str(a) for a in aliases or []):
            if ambiguous_alias(alias, not_genes):
                raise ValueError(f"lexicon.yaml symbol_aliases {symbol}: {alias!r} is ambiguous")
            if any(e[0] != "genes" for e in lex.lookup(alias)):
                raise ValueError(
                    f"lexicon.yaml symbol_aliases {symbol}: {alias!r} is a term of another kind"
                )
            if " " in alias:
                lex.add(alias, {("genes", str(symbol))})
                continue
            if not any(c.isupper() or c.isdigit() for c in alias):
                raise ValueError(
                    f"lexicon.yaml symbol_aliases {symbol}: one-word alias {alias!r} needs a "
                    "capital or a digit (a lower-case word may be an English word)"
                )
            for form in variants(alias):
                lex.exact[unhyphen(form)].add(("genes", str(symbol)))


def build_lexicon(vocab: dict[str, Any], extra: dict[str, Any]) -> Lexicon:
    """Combine the vocabulary and the extension file into one `Lexicon`."""
    lex = Lexicon()
    for kind in _LABEL_CATEGORIES:
        for label, value in (vocab.get(kind) or {}).items():
            lex.labels[kind].add(label)
            terms = _synonyms(value) + _synonyms(
                (extra.get("synonyms", {}).get(kind) or {}).get(label)
            )
            if kind in _LABEL_IS_TERM:
                terms.append(label.replace("_", " "))
            for term in terms:
                lex.add(term, {(kind, label)})
    aliases = dict(vocab.get("gene_aliases") or {})
    aliases.update(extra.get("gene_aliases") or {})
    other_names = extra.get("symbol_aliases") or {}
    symbols = set(aliases.values()) | {str(s) for s in other_names}
    not_genes = frozenset(str(s).upper() for s in extra.get("not_genes") or [])
    names = {str(a): str(s) for a, s in aliases.items() if not ambiguous_alias(str(a), not_genes)}
    names.update((str(symbol), str(symbol)) for symbol in symbols)
    for name, symbol in names.items():
        lex.add(name, {("genes", symbol)})
    _add_abbreviated_spellings(lex, names)
    _add_greek_spellings(lex, names)
    lex.gene_symbols = frozenset(symbols)
    for term, items in (extra.get("compound_terms") or {}).items():
        lex.add(str(term), _pairs(items))
    for name, info in (extra.get("cell_lines") or {}).items():
        line = CellLine(name=str(name), identity=str(info["identity"]))
        lex.labels["cell_lines"].add(line.name)
        for syn in [name, *info.get("synonyms", [])]:
            form = str(syn)
            lex.cell_lines[unhyphen(form)] = line
            lex.exact[unhyphen(form)].add(("cell_lines", line.name))
    for line in lex.cell_lines.values():
        lex.lines_by_name.setdefault(line.name, line)
    lex.lncrnas = frozenset(str(s) for s in extra.get("lncrnas") or [])
    for name in lex.lncrnas:
        lex.exact[name].add(("lncrna", name))
        # a name of letters then a number is also written in any case and with a hyphen
        # before the number ("lncRNA malat-1", R687; "Malat1" in mouse papers)
        numbered = _LETTERS_THEN_NUMBER.fullmatch(name)
        if numbered:
            for form in (name, f"{numbered[1]}-{numbered[2]}"):
                lex.folded[fold(form)].add(("lncrna", name))
    lex.ev_marker_symbols = frozenset(extra.get("ev_marker_symbols") or [])
    lex.not_genes = frozenset(str(s).upper() for s in extra.get("not_genes") or [])
    lex.condition_parents = {k: list(v) for k, v in (extra.get("condition_parents") or {}).items()}
    lex.condition_models = dict(extra.get("condition_models") or {})
    lex.implied_conditions = [
        (str(label), str(row["cue"]), frozenset(str(c) for c in row["beside"]))
        for label, row in (extra.get("implied_conditions") or {}).items()
    ]
    lex.condition_risks = {
        str(label): str(row["lead"]) for label, row in (extra.get("condition_risks") or {}).items()
    }
    lex.gel_materials = frozenset(str(m) for m in extra.get("gel_materials") or [])
    lex.gapped = [(str(p), _pairs(items)) for p, items in (extra.get("gapped") or {}).items()]
    for kind in extra.get("coordinated_kinds") or []:
        lex.gapped += _coordinated(lex, str(kind))
    # After every other kind, so that an alias that is a term of another kind is caught.
    _add_symbol_aliases(lex, other_names, not_genes)
    _add_greek_spellings(
        lex, {str(a): str(s) for s, aliases in other_names.items() for a in aliases or []}
    )
    # Last, so that a rodent spelling never shadows a term of any other kind.
    refused = frozenset(str(w) for w in extra.get("not_rodent_genes") or [])
    _add_rodent_spellings(lex, names, refused)
    return lex


def _coordinated(lex: Lexicon, kind: str) -> list[tuple[str, tuple[Entry, ...]]]:
    """Patterns for the two-word terms of `kind` whose first word is coordinated with another
    before the shared head ("bone and periodontal defects": a bone defect). A pattern matches
    the first word only (the rest is a lookahead), so that a term in the second conjunct
    ("tendon-bone healing") is still found on its own; one pattern per first word and label."""
    heads: dict[tuple[str, tuple[Entry, ...]], set[str]] = defaultdict(set)
    for key, entries in lex.folded.items():
        words = key.split(" ")
        mine = tuple(sorted(e for e in entries if e[0] == kind))
        if len(words) == 2 and mine and all(w.isalpha() for w in words):
            heads[(words[0], mine)].add(words[1])
    return [
        (
            rf"{first}(?=(?:/| and | or | and/or )(?:[a-z]+ ){{1,2}}?"
            rf"(?:{'|'.join(sorted(nouns, key=lambda n: (-len(n), n)))})(?![a-z0-9]))",
            entries,
        )
        for (first, entries), nouns in sorted(heads.items())
    ]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon; loaded and expanded once per process."""
    return build_lexicon(vocabulary(), read_data("lexicon.yaml"))

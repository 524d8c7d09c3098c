"""Turn bibliographic text as exported (wrapped, transliterated, typographic) into plain text.

Readers keep the raw text beside the cleaned text, so cleaning may be opinionated: it exists
so that the extractor sees one spelling of each thing ("beta", "ug/ml", "-", '"') and one
space between words.

Line-break hyphens. Exports wrap long lines, and most hyphens left at a line end are real
compounds ("wild-\\ntype", "BM-\\nMSCs", "GC-\\ninduced", "cell-\\nfree", "anti-\\napoptotic").
A hyphen is dropped (the two parts joined) only on positive evidence that it splits one word:

1. the joined word appears elsewhere in the same text and the hyphenated form does not; or
2. both parts are lowercase letters, the first part is not a common compounding prefix
   (anti, non, pre, co, ...), and the second part is a bare word ending: up to four letters
   then a derivational suffix ("entiation", "tion", "ment", "ness", "ity", ...), or a
   combining-form tail ("blasts", "cytes", "genesis", ...).

Everything else keeps its hyphen; the line break itself always goes.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["clean_text", "clean_title", "tidy_brackets"]

_GREEK: Final = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "ν": "nu", "ξ": "xi",
    "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi",
    "χ": "chi", "ψ": "psi", "ω": "omega", "Α": "Alpha", "Β": "Beta", "Γ": "Gamma",
    "Δ": "Delta", "Θ": "Theta", "Κ": "Kappa", "Λ": "Lambda", "Σ": "Sigma", "Φ": "Phi",
    "Ψ": "Psi", "Ω": "Omega", "ϵ": "epsilon", "ϕ": "phi",
}  # fmt: skip

_CHAR_MAP: dict[int, str] = {ord(k): v for k, v in _GREEK.items()}
_CHAR_MAP.update(
    {
        ord(c): " "
        for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
        "\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\f\v\u2028\u2029"
    }
)
_CHAR_MAP.update({ord(c): "" for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"})
_CHAR_MAP.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"})
_CHAR_MAP.update({ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4\u0060"})
_CHAR_MAP.update({ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})
_CHAR_MAP.update({ord("\u00d7"): "x", ord("\u2026"): "...", ord("\r"): "\n"})
_CHAR_MAP.update({0x2080 + i: str(i) for i in range(10)})  # subscript digits: CO₂ -> CO2

_SUPERSCRIPTS: Final = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺"
_SUP_PLAIN: Final = str.maketrans(_SUPERSCRIPTS, "0123456789-+")
_SUP_RUN: Final = re.compile(f"[{_SUPERSCRIPTS}]+")

# µ (micro sign) and μ (Greek mu): "u" before a unit, "micro" in micro-CT, "mu" elsewhere.
_MICRO_UNIT: Final = re.compile(
    r"[µμ](?=(?:g|l|L|m|M|mol|s|A|V|Gy|Ci|W|J|Pa|N|U|IU)\b|g/|l/|L/|m/|M/)"
)
_MICRO_CT: Final = re.compile(r"[µμ](?=-?CT\b)")
_MU: Final = re.compile(r"[µμ]")
# EndNote's transliteration of µg / µl / µm / µM after a number: "20 mug/ml" -> "20 ug/ml".
_MU_WORD: Final = re.compile(r"(?<=\d)(\s?)mu(g|l|L|m|M|mol|mmol)\b")
_MU_CANDIDATE: Final = re.compile(r"mu(?:g|l|L|m|M|mol|mmol)\b")  # literal prefix: a fast pre-check

# The scan looks for the literal "-" line break; the words around it are read afterwards.
_HYPHEN_BREAK: Final = re.compile(r"-[ \t]*\n\s*(?=(\w+))")
_WORD_BEFORE: Final = re.compile(r"[^\W_]+$")
_LEADING_DEBRIS: Final = re.compile(r"^[:;]\s*")
_PAREN_INNER_SPACE: Final = re.compile(r"([(\[])\s+|\s+([)\]])")

_PREFIX_WORDS: Final = (
    "anti non pre post co re de self cross multi semi inter intra extra ultra over under "
    "sub super supra trans pro counter bi tri tetra poly mono pan neo pseudo para peri "
    "macro micro nano up down well long short high low full half all one two three dual"
)
_PREFIXES: Final = frozenset(_PREFIX_WORDS.split())
_WORD_TAIL: Final = re.compile(
    r"[a-z]{0,4}(?:ation|ations|ition|itions|tion|tions|sion|sions|ment|ments|ness|ity|ities"
    r"|ance|ances|ence|ences|ogy|ogies|ular|ical|ically|ization|isation)"
    r"|(?:blast|blasts|clast|clasts|cyte|cytes|genesis|genic|logy|logical|pathy|plasty"
    r"|scopy|graphy|ectomy|otomy)"
)


def _dehyphenate(text: str) -> str:
    """Join or keep each hyphen that ends a line (rule in the module docstring)."""

    def decide(match: re.Match[str]) -> str:
        start = match.start()
        before = _WORD_BEFORE.search(text, max(0, start - 80), start)
        if before is None:  # a dash after a space or a bracket: keep it, drop the break
            return "- " if start and text[start - 1].isspace() else "-"
        first, second = before.group(0), match.group(1)
        if first.islower() and second[:1].islower():
            hyphenated = f"{first}-{second}"
            if first + second in text and hyphenated not in text:
                return ""
            if first not in _PREFIXES and _WORD_TAIL.fullmatch(second):
                return ""
        return "-"

    return _HYPHEN_BREAK.sub(decide, text)


def clean_text(raw: str) -> str:
    """Cleaned one-paragraph text: unwrapped, debris dropped, characters normalised."""
    if not raw:
        return ""
    if raw.isascii():  # the common case: skip the character tables
        text = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
    else:
        text = raw.translate(_CHAR_MAP)
        if "µ" in text or "μ" in text:
            text = _MU.sub("mu", _MICRO_CT.sub("micro", _MICRO_UNIT.sub("u", text)))
        if _SUP_RUN.search(text):
            text = _SUP_RUN.sub(lambda m: "^" + m.group(0).translate(_SUP_PLAIN), text)
    # Substring tests are ordered cheapest first: this runs on every abstract of a baseline.
    wrapped = "\n" in text
    if wrapped and ("-\n" in text or "- \n" in text):
        text = _dehyphenate(text)
    if _MU_CANDIDATE.search(text):
        text = _MU_WORD.sub(r"\1u\2", text)
    if wrapped or "\t" in text or "  " in text or not text.isascii():
        text = " ".join(text.split())  # unwrap and collapse all whitespace (C speed)
    else:
        text = text.strip(" ")
    if text[:1] in (":", ";"):
        text = _LEADING_DEBRIS.sub("", text)
    return text


def tidy_brackets(text: str) -> str:
    """Drop spaces just inside brackets, "( APOE )" -> "(APOE)".

    Such spaces are left where an exporter removed italics or superscripts (JabRef's BibTeX);
    kept out of clean_text because the check costs as much as the rest of cleaning.
    """
    if "( " in text or " )" in text or "[ " in text or " ]" in text:
        return _PAREN_INNER_SPACE.sub(lambda m: m.group(1) or m.group(2), text)
    return text


def clean_title(raw: str) -> str:
    """Cleaned title without the period that closes the citation element."""
    text = clean_text(raw)
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip()
    return text

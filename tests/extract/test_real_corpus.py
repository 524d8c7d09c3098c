"""Rules added from the records R109-R132 of the real-paraphrase corpus (issue 17).

Each example is our own paraphrase of a real published abstract (source in the comment); the
positive tests failed before the rule they test.
"""

from __future__ import annotations


def _long_form(text: str, short: str) -> str | None:
    from exobone.text.abbreviations import find_abbreviations

    return next((a.long for a in find_abbreviations(text) if a.short == short), None)


def test_an_inverted_long_form_starts_after_a_coordinator():
    # GMSC exosomes in the periodontal inflammation microenvironment (real_paraphrase R84,
    # source on its NOTES line, discovery.researcher.life): the head
    # of "X from Y (Y-X)" does not take the other preparation named before "or with"
    text = (
        "Periodontal ligament stem cells were exposed in vitro to GMSC-Exo or to "
        "lipopolysaccharide from Porphyromonas gingivalis (P.g-LPS), and osteogenic factors "
        "were measured."
    )
    assert _long_form(text, "P.g-LPS") == "lipopolysaccharide from Porphyromonas gingivalis"


def test_an_inverted_long_form_after_and_is_found():
    # Tao et al., Theranostics 2017, doi:10.7150/thno.17450 (real_paraphrase R41): "and the
    # exosomes derived from PRP (PRP-Exos)" was read with "and" as part of the head, which
    # then matched nothing
    text = (
        "Platelet-rich plasma (PRP) concentrates growth factors, and the exosomes derived "
        "from PRP (PRP-Exos) act like the plasma itself."
    )
    assert _long_form(text, "PRP-Exos") == "exosomes derived from PRP"


def test_an_inverted_long_form_keeps_its_verbs():
    # a negative guard: the head still runs back over "were isolated", which is no joint
    text = "Exosomes were isolated from rat bone marrow mesenchymal stem cells (BMSC-Exos)."
    assert _long_form(text, "BMSC-Exos") == (
        "Exosomes were isolated from rat bone marrow mesenchymal stem cells"
    )


def test_a_gene_symbol_ending_in_a_capital_ends_its_sentence():
    from exobone.text.sentences import split_sentences

    # Mao et al., Stem Cell Res Ther 2018, doi:10.1186/s13287-018-1004-0 (real_paraphrase R93)
    mao = (
        "Our results suggest that exosomal miR-92a-3p regulates cartilage homeostasis by "
        "directly targeting WNT5A. It may thus act as a Wnt inhibitor."
    )
    # Front Cell Dev Biol 2021, doi:10.3389/fcell.2020.581545 (not in the corpus)
    kdm = (
        "Vesicle-borne miR-29b-3p from BMSCs furthered osteogenic differentiation by "
        "inhibiting KDM5A. KDM5A in turn held back osteogenic differentiation through SOCS1."
    )
    for text in (mao, kdm):
        assert len(split_sentences(text)) == 2
    # an initial stays inside its sentence
    assert len(split_sentences("As shown by J. Smith and colleagues, exosomes help.")) == 1

from exobone.text.sentences import split_sentences


def pieces(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_on_sentence_ends_but_not_abbreviations_or_decimals():
    text = "Wang et al. showed e.g. this. Exosomes (1.5 ug) were used! 28 days later it healed."
    assert pieces(text) == [
        "Wang et al. showed e.g. this.",
        "Exosomes (1.5 ug) were used!",
        "28 days later it healed.",
    ]


def test_headings_start_sentences():
    text = "Background text here RESULTS: We found x."
    assert pieces(text) == ["Background text here", "RESULTS: We found x."]


def test_offsets_point_into_text_and_empty_text_gives_nothing():
    text = "  One.  Two. "
    assert [text[s:e] for s, e in split_sentences(text)] == ["One.", "Two."]
    assert split_sentences("") == []


def test_a_circrna_name_starts_a_sentence():
    # Real wording (R222, doi:10.1186/s13287-021-02431-5; Hsa_circ and circFAM63B papers open
    # sentences the same way): a name of four lowercase letters glued to a capital.
    text = "Sox9 rose in hMSCs. circRNA_0001236 also acted in human chondrocytes."
    assert pieces(text) == [
        "Sox9 rose in hMSCs.",
        "circRNA_0001236 also acted in human chondrocytes.",
    ]
    # a plain lowercase word after a period still continues the sentence
    assert pieces("It rose. then it fell.") == ["It rose. then it fell."]

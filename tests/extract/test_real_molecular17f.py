"""Real-text tests of the molecular17f helper (issue 17): miRNA vocabulary and cargo gates.

Each sentence is our own paraphrase of a real published abstract (DOI in the comment)."""

from __future__ import annotations

from real_text import found


def test_mirna_full_name_with_its_short_form_in_brackets_is_a_mirna() -> None:
    # "microRNA (miR)-136-5p": the short form sits between the full name and the number
    # (doi:10.1302/2046-3758.1012.BJR-2020-0275.R2, not in the dev corpus).
    text = (
        "We set out to learn how bone marrow MSC-derived exosomes carrying microRNA "
        "(miR)-136-5p act during the healing of fractures in mice."
    )
    assert "miR-136-5p" in found(text, "ev_cargo")


def test_mirna_full_name_with_short_form_before_an_arm_less_number() -> None:
    # doi:10.1080/15384101.2020.1863682 (dev R16): "microRNA (miR)-199a" carried by the EVs.
    text = (
        "Extracellular vesicles of bone marrow mesenchymal stem cells protect the degenerating "
        "disc. We asked what the microRNA (miR)-199a carried by these EVs does to nucleus "
        "pulposus cells."
    )
    assert "miR-199a" in found(text, "ev_cargo")


def test_bracketed_short_form_without_a_number_is_no_mirna() -> None:
    # guard: "microRNA (miR) expression" names the class, not one miRNA
    text = "Exosomes carrying microRNA (miR) species were isolated and their expression profiled."
    assert not found(text, "ev_cargo")

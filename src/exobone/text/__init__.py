"""Text utilities shared by the readers and the extractor (cleaning, sentences, abbreviations)."""

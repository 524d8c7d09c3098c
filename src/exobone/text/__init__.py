"""Text utilities shared by the readers, the extractor and the store (cleaning, sentences,
abbreviations, titles folded for matching)."""

"""PubMed-sized processing: dask tasks per file into Parquet, then into the store.

    from exobone.scale import run_pipeline, read_output, load_output
    run_pipeline(["baseline/*.xml.gz"], "out/", workers=2)
    for study in read_output("out/"): ...            # latest version of each PMID
    load_output("out/", Store.open("sqlite:///kb.db"))

Each input file is one task; a finished file has a manifest and is skipped on rerun. The
CLI commands (`exobone pipeline`, `exobone load`) are in `exobone.scale.commands`.
"""

from exobone.scale.layout import InputFile, Manifest
from exobone.scale.load import LoadResult, load_output
from exobone.scale.output import plan, read_output
from exobone.scale.pipeline import PipelineResult, run_pipeline
from exobone.scale.relevance import is_relevant, is_relevant_text

__all__ = [
    "InputFile",
    "LoadResult",
    "Manifest",
    "PipelineResult",
    "is_relevant",
    "is_relevant_text",
    "load_output",
    "plan",
    "read_output",
    "run_pipeline",
]

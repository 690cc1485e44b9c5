"""``argmap schema``: the JSON Schema of one corpus file, from the models."""

from __future__ import annotations

from argmap.corpus import CorpusFile


def corpus_schema() -> dict:
    """JSON Schema (draft 2020-12) that editors use to check corpus files."""
    schema = CorpusFile.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://argmap.invalid/schema/corpus-file.json",
        **schema,
    }

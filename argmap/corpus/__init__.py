"""Reading a corpus: YAML files -> pydantic models with source locations."""

from argmap.corpus.errors import CorpusError, did_you_mean
from argmap.corpus.load import Corpus, LoadResult, Source, load_corpus
from argmap.corpus.walk import CORPUS_FOLDERS
from argmap.corpus.models import (
    WEIGHTS,
    Claim,
    CorpusFile,
    Evidence,
    EvidenceLink,
    Historian,
    Question,
    School,
    Side,
    Work,
)

__all__ = [
    "CORPUS_FOLDERS", "WEIGHTS", "Claim", "Corpus", "CorpusError", "CorpusFile", "Evidence",
    "EvidenceLink", "Historian", "LoadResult", "Question", "School", "Side", "Source", "Work",
    "did_you_mean", "load_corpus",
]

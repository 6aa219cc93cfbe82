"""The hybrid search (rag/index.py) as a langchain retriever: Documents with their report's
metadata. A module of its own so that langchain's retriever stack (about 0.4 s to import) loads
with the first passage asked, not with every process that only answers figures."""
from __future__ import annotations

from dataclasses import asdict

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from rag.index import Chunk, SearchIndex


def chunk_metadata(chunk: Chunk) -> dict:
    """A passage's metadata beside its text: its report, section, lines and source."""
    return {k: v for k, v in asdict(chunk).items() if k != "text" and v is not None}


def as_document(chunk: Chunk, firsts: int = 0) -> Document:
    """The chunk as a Document; `firsts` in its metadata says how many retrievers ranked it first."""
    return Document(page_content=chunk.indexed_text, metadata=chunk_metadata(chunk) | {"firsts": firsts}, id=chunk.id)


class HybridRetriever(BaseRetriever):
    """Keyword and dense search fused, within the reports given."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    index: SearchIndex
    docs: set[str] | None = None
    k: int = 5
    each: int = 0  # and each retriever's best this many, when not among the k fused
    dense: bool = True

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [as_document(hit.chunk, hit.firsts) for hit in self.index.search(query, self.docs, self.k, self.dense, self.each)]

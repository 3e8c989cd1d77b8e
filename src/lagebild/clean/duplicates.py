"""Near-duplicate articles: the same agency text (dpa, Reuters) syndicated by several outlets.

Exact copies share a content hash and are stored once. Syndicated copies differ a little
(another headline, a shortened last paragraph, the outlet's own boilerplate) and must still
count as one report. MinHash over word 4-shingles estimates the Jaccard similarity of two
bodies; datasketch's LSH index finds candidates without comparing every pair.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

import numpy as np

NUM_PERM = 64
SCHEME = "affine32"  # datasketch >= 2: stored signatures must be re-read with the same scheme
THRESHOLD = 0.7  # estimated Jaccard of 4-shingles above which two articles are one text
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(body: str, size: int = 4) -> set[bytes]:
    words = _WORD.findall(body.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(body: str) -> np.ndarray:
    """The MinHash signature of ``body`` (``NUM_PERM`` uint32 values)."""
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch(list(shingles(body)))
    return np.asarray(mh.hashvalues, dtype=np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


@dataclass(frozen=True)
class DuplicateMatch:
    cluster_id: str  # the id of the first article of the cluster
    similarity: float


class DuplicateIndex:
    """An LSH index over the articles seen so far; assigns each new article a cluster."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHash, MinHashLSH

        self._minhash = MinHash
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, np.ndarray] = {}
        self.cluster_of: dict[str, str] = {}

    def _as_minhash(self, sig: np.ndarray) -> object:
        return self._minhash(num_perm=NUM_PERM, seed=1, hashvalues=sig, scheme=SCHEME)

    def load(self, rows: Iterable[tuple[str, bytes, str]]) -> None:
        """Fill from stored (article_id, signature bytes, cluster_id) rows."""
        for article_id, data, cluster_id in rows:
            sig = from_bytes(data)
            self.signatures[article_id] = sig
            self.cluster_of[article_id] = cluster_id
            self.lsh.insert(article_id, self._as_minhash(sig), check_duplication=False)

    def add(self, article_id: str, sig: np.ndarray) -> DuplicateMatch:
        """Index an article; returns the cluster it joins (its own id when it is new)."""
        if article_id in self.signatures:
            return DuplicateMatch(self.cluster_of[article_id], 1.0)
        best: DuplicateMatch | None = None
        for other in self.lsh.query(self._as_minhash(sig)):
            sim = similarity(sig, self.signatures[other])
            if sim >= self.threshold and (best is None or sim > best.similarity):
                best = DuplicateMatch(self.cluster_of[other], sim)
        match = best or DuplicateMatch(article_id, 1.0)
        self.signatures[article_id] = sig
        self.cluster_of[article_id] = match.cluster_id
        self.lsh.insert(article_id, self._as_minhash(sig), check_duplication=False)
        return match


class DuplicateStore(Protocol):
    """What mark_duplicates needs from a store (both the SQLite and PostgreSQL stores)."""

    def unsigned_articles(self, limit: int = 1000) -> list[tuple[str, str]]: ...

    def signatures(self) -> Iterator[tuple[str, bytes, str]]: ...

    def write_duplicates(self, rows: Iterable[tuple[str, str, float, bytes]]) -> None: ...


def mark_duplicates(store: DuplicateStore, batch: int = 1000) -> int:
    """Give every stored article without one a near-duplicate cluster; returns how many.

    Articles are taken oldest first, so a cluster is named after the first copy stored.
    Idempotent and crash-safe: what a killed run left unmarked, the next run marks.
    """
    index = DuplicateIndex()
    index.load(store.signatures())
    marked = 0
    while rows := store.unsigned_articles(batch):
        out: list[tuple[str, str, float, bytes]] = []
        for article_id, body in rows:
            sig = signature(body)
            match = index.add(article_id, sig)
            out.append((article_id, match.cluster_id, match.similarity, to_bytes(sig)))
        store.write_duplicates(out)
        marked += len(out)
    return marked

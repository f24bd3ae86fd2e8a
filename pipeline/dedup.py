"""Dedup: recognise near-duplicate articles (updates, reprints, syndicated copies) with MinHash/LSH.

Candidates come from LSH over MinHash signatures of word shingles; each candidate pair is then confirmed on
its exact shingle sets, so LSH only decides which pairs are compared (sub-quadratic), never what is a
duplicate. Thresholds were chosen with bench/bench_foundation.py (near-duplicate recall and false merges).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from collections import defaultdict
from typing import NamedTuple

import numpy as np
import pandas as pd

SHINGLE_WORDS = 5
NUM_PERM = 128
# LSH recall threshold: low enough that an update with an added paragraph or a reprint with other chrome is
# always a candidate; confirmation below decides.
LSH_THRESHOLD = 0.3
# A pair is a near-duplicate when its shingle sets overlap this much (Jaccard) ...
JACCARD_DUPLICATE = 0.5
# ... or when the smaller article is nearly contained in the larger (an excerpt, a version before an update).
CONTAINMENT_DUPLICATE = 0.8
MIN_SHINGLES_FOR_CONTAINMENT = 20

WORD = re.compile(r"\w+", re.UNICODE)
# Odd, so multiplying by it modulo 2**64 loses no bits of a word's hash (see `shingles`).
SHINGLE_HASH_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


@functools.lru_cache(maxsize=1 << 16)
def word_hash(word: str) -> int:
    """A 64-bit hash of a word, the same in every process (unlike Python's salted hash())."""
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def shingles(text: str) -> np.ndarray:
    """The text's distinct shingles (runs of SHINGLE_WORDS words; all its words when it has fewer), each as a
    64-bit hash, sorted.

    Hashes keep a corpus's shingles a fraction of the size of the strings. A shingle's hash is a polynomial in
    its words' hashes modulo 2**64: two shingles differing in one word collide only when those two words' hashes
    do, and any other two with a probability of about 2**-64, so overlaps computed on the hashes are the overlaps
    of the shingles."""
    words = WORD.findall(text.lower())
    if not words:
        return np.empty(0, dtype=np.uint64)
    hashes = np.fromiter(map(word_hash, words), dtype=np.uint64, count=len(words))
    width = min(SHINGLE_WORDS, len(words))
    count = len(words) - width + 1
    combined = np.full(count, width, dtype=np.uint64)  # starting from the width keeps short texts' hashes apart
    for offset in range(width):
        combined = combined * SHINGLE_HASH_MULTIPLIER + hashes[offset : offset + count]  # wraps modulo 2**64
    return np.unique(combined)


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(Jaccard, containment of the smaller in the larger) of two shingle sets from `shingles`."""
    if not len(a) or not len(b):
        return 0.0, 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared), shared / min(len(a), len(b))


def is_near_duplicate(a: np.ndarray, b: np.ndarray) -> bool:
    jaccard, containment = overlap(a, b)
    return jaccard >= JACCARD_DUPLICATE or (
        min(len(a), len(b)) >= MIN_SHINGLES_FOR_CONTAINMENT and containment >= CONTAINMENT_DUPLICATE
    )


def candidate_pairs(signatures: np.ndarray, bands: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """LSH candidates: the pairs of rows (i < j) whose signatures agree on every value of at least one band."""
    pairs: set[tuple[int, int]] = set()
    for start, end in bands:
        band = np.ascontiguousarray(signatures[:, start:end])
        _, bucket, bucket_size = np.unique(
            band.view(f"V{band.itemsize * (end - start)}").ravel(), return_inverse=True, return_counts=True
        )
        shared: dict[int, list[int]] = defaultdict(list)
        for row in np.flatnonzero(bucket_size[bucket] > 1).tolist():  # rows sharing their bucket, ascending
            shared[int(bucket[row])].append(row)
        for rows in shared.values():
            pairs.update(itertools.combinations(rows, 2))
    return pairs


def near_duplicate_groups(texts: dict[str, str]) -> list[list[str]]:
    """Groups (of two or more ids) of texts that are near-duplicates of each other, transitively."""
    from datasketch import MinHash, MinHashLSH

    keys, shingle_sets = [], []
    for key, text in texts.items():
        if len(items := shingles(text)):
            keys.append(key)
            shingle_sets.append(items)
    # The shingles are hashed already (int passes them through); the permutations are drawn once, from a fixed
    # seed, and shared by every signature.
    permutations = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine64").permutations
    signatures = np.empty((len(keys), NUM_PERM), dtype=np.uint64)
    for row, items in enumerate(shingle_sets):
        signature = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine64", hashfunc=int, permutations=permutations)
        signature.update_batch(items.tolist())
        signatures[row] = signature.hashvalues
    # The bands datasketch's LSH index would use for this threshold; grouping the rows by band here does what
    # its insert and query do, without their per-call overhead.
    bands = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges

    parent = list(range(len(keys)))

    def root(row: int) -> int:
        while parent[row] != row:
            parent[row] = parent[parent[row]]
            row = parent[row]
        return row

    for a, b in sorted(candidate_pairs(signatures, bands)):
        if root(a) != root(b) and is_near_duplicate(shingle_sets[a], shingle_sets[b]):
            parent[max(root(a), root(b))] = min(root(a), root(b))

    groups = defaultdict(list)
    for row, key in enumerate(keys):
        groups[root(row)].append(key)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


class Version(NamedTuple):
    """What choosing a group's canonical article looks at."""

    article_id: str
    outlet: str | None
    published_date: pd.Timestamp  # NaT when unknown
    is_update: bool
    n_chars_clean: int


def canonical_of(group: list[Version]) -> str:
    """The article a near-duplicate group points at. A reprint by another outlet points at the original: the
    outlet that published first. Within that outlet, the most complete and latest version: an "(UPDATE)"
    supersedes its first version, then the later, then the longer text."""
    dated = [v for v in group if pd.notna(v.published_date)]
    if dated and len({v.outlet for v in group if pd.notna(v.outlet)}) > 1:
        first = min(dated, key=lambda v: (v.published_date, v.article_id))
        if pd.notna(first.outlet):
            group = [v for v in group if v.outlet == first.outlet]
    # Best first: updates, then later (unknown dates last), then longer; ties to the smallest id.
    by_id = sorted(group, key=lambda v: v.article_id)
    ranked = sorted(
        by_id,
        key=lambda v: (
            v.is_update,
            v.published_date if pd.notna(v.published_date) else pd.Timestamp.min,
            v.n_chars_clean,
        ),
        reverse=True,  # stable: equal keys keep the id order
    )
    return ranked[0].article_id


def mark_duplicates(articles: pd.DataFrame) -> pd.DataFrame:
    """Add duplicate_of and story_id; near-duplicates get status `duplicate` and are not coded again."""
    articles = articles.copy()
    usable = articles[articles["status"] != "rejected"]
    groups = near_duplicate_groups(dict(zip(usable["article_id"], usable["text"], strict=True)))
    grouped = usable[usable["article_id"].isin({member for group in groups for member in group})]
    versions = {row[0]: Version(*row) for row in grouped[list(Version._fields)].itertuples(index=False, name=None)}
    canonical = {}
    for group in groups:
        chosen = canonical_of([versions[member] for member in group])
        canonical.update({member: chosen for member in group if member != chosen})
    articles["duplicate_of"] = pd.Series(
        [canonical.get(a) for a in articles["article_id"]], index=articles.index, dtype="str"
    )
    articles.loc[articles["duplicate_of"].notna(), "status"] = "duplicate"
    # One story per canonical article for now; extraction refines stories by their main happening.
    articles["story_id"] = "s" + articles["duplicate_of"].fillna(articles["article_id"]).str[1:]
    return articles

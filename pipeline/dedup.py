"""Dedup: recognise near-duplicate articles (updates, reprints, syndicated copies) with MinHash/LSH.

Candidates come from LSH over MinHash signatures of word shingles; each candidate pair is then confirmed on
its exact shingle sets, so LSH only decides which pairs are compared (sub-quadratic), never what is a
duplicate. Thresholds were chosen with bench/bench_foundation.py (near-duplicate recall and false merges).
"""

from __future__ import annotations

import re
from collections import defaultdict

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


def shingles(text: str) -> set[str]:
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def is_near_duplicate(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    overlap = len(a & b)
    jaccard = overlap / len(a | b)
    small = min(len(a), len(b))
    containment = overlap / small
    return jaccard >= JACCARD_DUPLICATE or (
        small >= MIN_SHINGLES_FOR_CONTAINMENT and containment >= CONTAINMENT_DUPLICATE
    )


def near_duplicate_groups(texts: dict[str, str]) -> list[list[str]]:
    """Groups (of two or more ids) of texts that are near-duplicates of each other, transitively."""
    from datasketch import MinHash, MinHashLSH

    shingle_sets = {key: shingles(text) for key, text in texts.items()}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    signatures = {}
    for key, items in shingle_sets.items():
        if not items:
            continue
        signature = MinHash(num_perm=NUM_PERM, seed=1)
        signature.update_batch([s.encode() for s in items])
        signatures[key] = signature
        lsh.insert(key, signature)

    parent = {key: key for key in signatures}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for key, signature in signatures.items():
        for other in lsh.query(signature):
            if other <= key or root(other) == root(key):
                continue
            if is_near_duplicate(shingle_sets[key], shingle_sets[other]):
                parent[max(root(key), root(other))] = min(root(key), root(other))

    groups = defaultdict(list)
    for key in signatures:
        groups[root(key)].append(key)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


def canonical_of(group: pd.DataFrame) -> str:
    """The article a near-duplicate group points at. A reprint by another outlet points at the original: the
    outlet that published first. Within that outlet, the most complete and latest version: an "(UPDATE)"
    supersedes its first version, then the later, then the longer text."""
    dated = group.dropna(subset=["published_date"])
    if not dated.empty and group["outlet"].nunique(dropna=True) > 1:
        first = dated.sort_values(["published_date", "article_id"]).iloc[0]
        if pd.notna(first["outlet"]):
            group = group[group["outlet"] == first["outlet"]]
    ranked = group.assign(
        _date=group["published_date"].fillna(pd.Timestamp.min),
    ).sort_values(["is_update", "_date", "n_chars_clean", "article_id"], ascending=[False, False, False, True])
    return str(ranked.iloc[0]["article_id"])


def mark_duplicates(articles: pd.DataFrame) -> pd.DataFrame:
    """Add duplicate_of and story_id; near-duplicates get status `duplicate` and are not coded again."""
    articles = articles.copy()
    usable = articles[articles["status"] != "rejected"]
    groups = near_duplicate_groups(dict(zip(usable["article_id"], usable["text"], strict=True)))
    canonical = {}
    by_id = usable.set_index(usable["article_id"].rename(None))
    for group in groups:
        chosen = canonical_of(by_id.loc[group])
        canonical.update({member: chosen for member in group if member != chosen})
    articles["duplicate_of"] = pd.Series(
        [canonical.get(a) for a in articles["article_id"]], index=articles.index, dtype="str"
    )
    articles.loc[articles["duplicate_of"].notna(), "status"] = "duplicate"
    # One story per canonical article for now; extraction refines stories by their main happening.
    articles["story_id"] = "s" + articles["duplicate_of"].fillna(articles["article_id"]).str[1:]
    return articles

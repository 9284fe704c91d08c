"""Near-duplicate articles: the same wire copy in several outlets, or one article published
again, so that one report copied five times counts as one source, not five.

Each document gets a sketch when it is read: the smallest hashes of its five-word shingles
(a bottom-k sketch, k = SKETCH_SIZE) and how many shingles it has. Two documents whose
sketches say that most of the shorter one's shingles are in the longer one (containment at
least CONTAINMENT) are near-duplicates; a group of them is named by its first document (by
date, then by the order they were stored in).
"""
from __future__ import annotations

import heapq
import re
import zlib
from collections import defaultdict

SHINGLE = 5
SKETCH_SIZE = 64
# documents are candidates when they share one of their BANDS smallest hashes
BANDS = 8
CONTAINMENT = 0.6
_WORD = re.compile(r"\w+")


def sketch(folded: str) -> str:
    """A document's sketch, as stored: "<number of shingles> <hash> <hash> ..." (hex)."""
    hashes = [zlib.crc32(w.encode("utf-8")) for w in _WORD.findall(folded)]
    if len(hashes) < SHINGLE:
        shingles = {hash(tuple(hashes))} if hashes else set()
    else:
        # a tuple of ints hashes the same in every process (ints are not salted)
        shingles = {hash(tuple(hashes[i:i + SHINGLE])) & 0xFFFFFFFFFFFF for i in range(len(hashes) - SHINGLE + 1)}
    smallest = heapq.nsmallest(SKETCH_SIZE, shingles)
    return " ".join([str(len(shingles))] + [format(h, "x") for h in smallest])


def parse(value: str | None) -> tuple[int, list[int]] | None:
    if not value:
        return None
    parts = value.split()
    return int(parts[0]), [int(h, 16) for h in parts[1:]]


def containment(a: tuple[int, list[int]], b: tuple[int, list[int]]) -> float:
    """How much of the smaller document's shingles the other holds, from their sketches:
    Jaccard J from the bottom-k of the union, then |A ∩ B| = J (|A| + |B|) / (1 + J)."""
    (na, ha), (nb, hb) = a, b
    if not na or not nb:
        return 0.0
    sa, sb = set(ha), set(hb)
    union = heapq.nsmallest(SKETCH_SIZE, sa | sb)
    if not union:
        return 0.0
    j = sum(1 for h in union if h in sa and h in sb) / len(union)
    both = j * (na + nb) / (1 + j)
    return min(1.0, both / min(na, nb))


def groups(docs: list[tuple[str, str | None]]) -> dict[str, str]:
    """{doc id: the id of its group's first document} for the documents (id, sketch), given
    in their order (first first), that have a near-duplicate; the others are left out."""
    parsed = [(doc_id, parse(s)) for doc_id, s in docs]
    by_band: dict[int, list[int]] = defaultdict(list)
    parent = list(range(len(parsed)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (_, sk) in enumerate(parsed):
        if sk is None or sk[0] < SHINGLE:
            continue  # too short to call a copy
        seen = set()
        for h in sk[1][:BANDS]:
            for j in by_band[h]:
                if j in seen:
                    continue
                seen.add(j)
                if find(i) != find(j) and containment(sk, parsed[j][1]) >= CONTAINMENT:
                    a, b = sorted((find(i), find(j)))
                    parent[b] = a  # the earlier document names the group
            by_band[h].append(i)
    out = {}
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(parsed)):
        members[find(i)].append(i)
    for root, group in members.items():
        if len(group) > 1:
            for i in group:
                out[parsed[i][0]] = parsed[root][0]
    return out

"""Maps positions in a derived text back to the text it was made from.

A derived text (the cleaned body, a normalised form for matching) is a sequence of
segments, each copied from the source at some offset (possibly with same-length character
substitutions). The map keeps one (derived start, source start) pair per segment, so it
costs nothing for text that was left whole and a few pairs for text that was cut.
"""
from __future__ import annotations

from bisect import bisect_right


class OffsetMap:
    __slots__ = ("dst", "src", "length")

    def __init__(self, dst: list[int] | None = None, src: list[int] | None = None, length: int = 0):
        self.dst = dst or []
        self.src = src or []
        self.length = length  # length of the derived text

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        return cls([0], [0], length)

    def add(self, src_start: int, n: int) -> None:
        """Append n characters copied from src_start of the source."""
        if n <= 0:
            return
        if self.dst and self.src[-1] + (self.length - self.dst[-1]) == src_start:
            self.length += n  # continues the last segment
            return
        self.dst.append(self.length)
        self.src.append(src_start)
        self.length += n

    def to_source(self, i: int) -> int:
        """The source position of derived position i (0 <= i <= length)."""
        if not self.dst:
            return i
        if i >= self.length and self.length > 0:
            return self.to_source(self.length - 1) + 1 + (i - self.length)
        k = bisect_right(self.dst, i) - 1
        if k < 0:
            k = 0
        return self.src[k] + (i - self.dst[k])

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source span of the derived span [start, end). The end is mapped from its
        last character so that a span never runs into the next segment's start."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1

    def then(self, outer: "OffsetMap") -> "OffsetMap":
        """Compose: self maps C -> B and outer maps B -> A; the result maps C -> A."""
        out = OffsetMap()
        bounds = self.dst[1:] + [self.length]
        for d, s, e in zip(self.dst, self.src, bounds):
            n = e - d
            # split this segment where the outer map's segments split
            pos = s
            remaining = n
            while remaining > 0:
                k = bisect_right(outer.dst, pos) - 1
                seg_end = outer.dst[k + 1] if k + 1 < len(outer.dst) else max(outer.length, pos + remaining)
                take = min(remaining, seg_end - pos)
                if take <= 0:
                    take = remaining
                out.add(outer.to_source(pos), take)
                pos += take
                remaining -= take
        return out

    def to_json(self) -> list:
        return [self.length, self.dst, self.src]

    @classmethod
    def from_json(cls, data) -> "OffsetMap":
        length, dst, src = data
        return cls(list(dst), list(src), length)

    def __repr__(self) -> str:
        return f"OffsetMap(segments={len(self.dst)}, length={self.length})"

"""Coverage-guided fuzzing (atheris, libFuzzer) of the readers and the extractor.

    pip install atheris
    python benchmarks/fuzz.py [--runs N] [--seconds S] [--corpus DIR]

Each input is split by its first byte: which reader reads the rest of it as a file (.txt,
.jsonl, .jsonl.gz, .html, .warc, .warc.gz), or the extractor on it as text (figure and control
claims). What must hold, for every input: no exception escapes; every record is a document or
a reject with a reason; a document's text holds no NUL and no lone surrogate; every claim's
offsets lie inside its text and its quote is the text at its offsets. A failure stops the run
and writes the input to crash-*. The seed corpus is a few inputs built from the project's own
sample articles. At the end: the inputs run, the time, and libFuzzer's coverage figures.
"""
from __future__ import annotations

import argparse
import gzip
import os
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["marsad"]):
    import marsad
    import marsad.ar.numbers  # noqa: F401  (what marsad imports only when first needed:
    import marsad.extractor  # noqa: F401   instrumented here, so that libFuzzer sees its branches)
    import marsad.extractor.control  # noqa: F401
    import marsad.extractor.dates  # noqa: F401
    import marsad.geo.places  # noqa: F401
    import marsad.read.html  # noqa: F401
    import marsad.read.jsonl  # noqa: F401
    import marsad.read.text  # noqa: F401
    import marsad.read.warc  # noqa: F401
    from marsad.model import Document, Reject
    from marsad.read import ReadOptions, read_inputs

ROOT = Path(__file__).resolve().parent.parent
FORMATS = (".txt", ".jsonl", ".jsonl.gz", ".html", ".warc", ".warc.gz", "extract")
TMP = tempfile.mkdtemp(prefix="marsad-fuzz-")
OPTIONS = ReadOptions(max_bytes=50_000)


def check_claims(text: str, claims) -> None:
    for c in claims:
        assert 0 <= c.start <= c.end <= len(text), (c.start, c.end, len(text))
        assert text[c.start:c.end] == c.quote


def one_input(data: bytes) -> None:
    if not data:
        return
    kind, body = FORMATS[data[0] % len(FORMATS)], data[1:]
    if kind == "extract":
        text = body.decode("utf-8", "surrogatepass") if _utf8ish(body) else body.decode("latin-1")
        check_claims(text, marsad.extract(text))
        check_claims(text, marsad.extract_control(text))
        return
    path = os.path.join(TMP, "input" + kind)
    with open(path, "wb") as f:
        f.write(gzip.compress(body) if kind.endswith(".gz") and body[:1] == b"z" else body)
    out = list(read_inputs([path], OPTIONS))
    assert out
    for r in out:
        assert isinstance(r, (Document, Reject))
        if isinstance(r, Reject):
            assert r.reason and r.detail
            continue
        assert "\x00" not in r.raw and not any("\ud800" <= ch <= "\udfff" for ch in r.raw)
        check_claims(r.raw, marsad.extract(r.raw))


def _utf8ish(b: bytes) -> bool:
    try:
        b.decode("utf-8", "surrogatepass")
        return True
    except UnicodeDecodeError:
        return False


def seeds(folder: Path) -> None:
    """A few starting inputs of every kind, from the sample articles the project ships."""
    import json

    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "articles").glob("*.txt"))][:4]
    for i, text in enumerate(texts):
        short = text[:1500]
        (folder / f"txt-{i}").write_bytes(bytes([0]) + short.encode())
        (folder / f"jsonl-{i}").write_bytes(bytes([1]) + (json.dumps({"id": i, "text": short}, ensure_ascii=False)
                                                          + "\n").encode())
        (folder / f"html-{i}").write_bytes(bytes([3]) + f"<html><body><article><p>{short}</p></article></body></html>"
                                           .encode())
        (folder / f"extract-{i}").write_bytes(bytes([6]) + short.encode())
        (folder / f"cp1256-{i}").write_bytes(bytes([0]) + short.encode("cp1256", "replace"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20_000)
    ap.add_argument("--seconds", type=int, default=0, help="stop after this long instead (libFuzzer's max_total_time)")
    ap.add_argument("--corpus", default=os.path.join(TMP, "corpus"))
    args, rest = ap.parse_known_args()
    corpus = Path(args.corpus)
    if not corpus.exists() or not any(corpus.iterdir()):
        seeds(corpus)
    flags = [sys.argv[0], str(corpus), "-max_len=4096", "-rss_limit_mb=4096", "-print_final_stats=1"]
    flags.append(f"-max_total_time={args.seconds}" if args.seconds else f"-runs={args.runs}")
    # (libFuzzer prints "Done N runs in S second(s)" and its coverage at the end)
    atheris.Setup(flags + rest, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

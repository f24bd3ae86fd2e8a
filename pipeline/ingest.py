"""Ingest: every `*.txt` under the raw folder, recursively, as bytes with a content-derived id."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from pipeline.settings import ConfigurationError

# News articles are kilobytes; a file past this is not an article, and is rejected unread beyond its hash.
MAX_ARTICLE_BYTES = 2_000_000
RAW_COLUMNS = ["article_id", "source_path", "raw", "n_bytes", "read_error"]


def article_id_of(raw: bytes) -> str:
    return "a" + hashlib.sha256(raw).hexdigest()[:16]


def list_raw_files(raw_dir: Path) -> list[Path]:
    """Every `*.txt` under raw_dir, sorted by relative path; a missing or empty folder is an error."""
    if not raw_dir.is_dir():
        raise ConfigurationError(f"raw folder {raw_dir} does not exist (set PIPELINE_RAW_DIR)")
    files = sorted(p for p in raw_dir.rglob("*.txt") if p.is_file())
    if not files:
        raise ConfigurationError(f"raw folder {raw_dir} holds no *.txt files (set PIPELINE_RAW_DIR)")
    return files


def read_raw_file(path: Path) -> tuple[str, bytes, int, str | None]:
    """(sha256 hex, bytes kept, size, error). Large files are hashed in chunks and not kept."""
    digest = hashlib.sha256()
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            with path.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
            return digest.hexdigest(), b"", size, f"file too large for an article ({size:,} bytes)"
        raw = path.read_bytes()
    except OSError as error:
        digest.update(str(path).encode())
        return digest.hexdigest(), b"", 0, f"unreadable file: {error.strerror or error}"
    digest.update(raw)
    return digest.hexdigest(), raw, len(raw), None


def read_raw_articles(raw_dir: Path) -> pd.DataFrame:
    """One row per file. A byte-identical copy of an earlier file keeps its row, under an id salted with its
    path (article_id is the table's key), and is marked a duplicate later by dedup."""
    rows, seen = [], set()
    for path in list_raw_files(raw_dir):
        sha, raw, size, error = read_raw_file(path)
        source_path = path.relative_to(raw_dir).as_posix()
        article_id = "a" + sha[:16]
        if article_id in seen:
            article_id = article_id_of(bytes.fromhex(sha) + source_path.encode())
        seen.add(article_id)
        rows.append((article_id, source_path, raw, size, error))
    return pd.DataFrame(rows, columns=RAW_COLUMNS)


def corpus_sha256(raw_articles: pd.DataFrame) -> str:
    """Fingerprint of the input corpus: its files' paths and contents."""
    digest = hashlib.sha256()
    for source_path, article_id in sorted(zip(raw_articles["source_path"], raw_articles["article_id"], strict=True)):
        digest.update(f"{source_path}\0{article_id}\n".encode())
    return digest.hexdigest()

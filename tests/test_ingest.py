import hashlib

import pytest

from pipeline import ingest
from pipeline.settings import ConfigurationError


def test_every_txt_file_recursively_with_sha_ids(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_bytes(b"first article")
    (tmp_path / "two.txt").write_bytes(b"second article")
    (tmp_path / "notes.md").write_bytes(b"not an article file")
    frame = ingest.read_raw_articles(tmp_path)
    assert list(frame["source_path"]) == ["a/one.txt", "two.txt"]
    assert frame["article_id"][0] == "a" + hashlib.sha256(b"first article").hexdigest()[:16]
    assert frame["raw"][1] == b"second article"


def test_identical_copies_keep_a_row_each_with_distinct_ids(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"same bytes")
    (tmp_path / "y.txt").write_bytes(b"same bytes")
    frame = ingest.read_raw_articles(tmp_path)
    assert len(frame) == 2 and frame["article_id"].is_unique
    assert frame["article_id"][0] == ingest.article_id_of(b"same bytes")


def test_oversized_file_is_hashed_not_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_ARTICLE_BYTES", 10)
    (tmp_path / "big.txt").write_bytes(b"x" * 100)
    row = ingest.read_raw_articles(tmp_path).iloc[0]
    assert row["raw"] == b"" and row["n_bytes"] == 100
    assert "too large" in row["read_error"]
    assert row["article_id"] == ingest.article_id_of(b"x" * 100)


@pytest.mark.parametrize("make", [lambda p: p / "missing", lambda p: p])
def test_missing_or_empty_raw_folder_is_a_clear_error(tmp_path, make):
    with pytest.raises(ConfigurationError, match="PIPELINE_RAW_DIR"):
        ingest.read_raw_articles(make(tmp_path))


def test_corpus_fingerprint_changes_with_content(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"one")
    before = ingest.corpus_sha256(ingest.read_raw_articles(tmp_path))
    (tmp_path / "a.txt").write_bytes(b"two")
    assert ingest.corpus_sha256(ingest.read_raw_articles(tmp_path)) != before

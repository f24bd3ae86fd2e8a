import json

import pandas as pd
import pandera.errors
import pyarrow.parquet as pq
import pytest

from pipeline import clean, dedup, ingest, release
from schemas import ArticlesModel


@pytest.fixture(scope="module")
def seed_articles() -> pd.DataFrame:
    from tests.conftest import SEEDS

    frame = dedup.mark_duplicates(clean.clean_articles(ingest.read_raw_articles(SEEDS)))
    return frame[list(ArticlesModel.to_schema().columns)]


def test_first_release_layout_and_checksums(tmp_path, seed_articles):
    result = release.publish({"articles": seed_articles}, tmp_path, "c" * 64)
    assert result.created and result.version == "1.0.0"
    assert (tmp_path / "LATEST").read_text() == "1.0.0\n"
    folder = tmp_path / "1.0.0"
    names = {p.name for p in folder.iterdir()}
    assert {"articles.parquet", "articles.csv", "datapackage.json", "CHANGES.md", "CODEBOOK.md"} <= names
    package = json.loads((folder / "datapackage.json").read_text())
    assert package["version"] == "1.0.0" and package["corpus_sha256"] == "c" * 64
    for resource in package["resources"]:
        data = (folder / resource["path"]).read_bytes()
        assert resource["hash"] == f"sha256:{release.sha256(data)}" and resource["bytes"] == len(data)
    table = pq.read_table(folder / "articles.parquet")
    assert table.schema.field("published_date").type == "date32[day]"
    assert (
        table.num_rows == 5
        and pq.ParquetFile(folder / "articles.parquet").metadata.row_group(0).column(0).compression == "ZSTD"
    )
    assert "## `articles`" in (folder / "CODEBOOK.md").read_text()


def test_csv_is_rfc4180(tmp_path, seed_articles):
    release.publish({"articles": seed_articles}, tmp_path, "c" * 64)
    data = (tmp_path / "1.0.0" / "articles.csv").read_bytes()
    assert data.startswith(b"article_id,source_path,") and b"\r\n" in data
    back = pd.read_csv(tmp_path / "1.0.0" / "articles.csv", keep_default_na=False)
    assert list(back["published_date"]) == ["2020-08-25", "2014-06-18", "2022-04-21", "", "2019-12-03"]


def test_no_new_version_when_nothing_changed(tmp_path, seed_articles):
    release.publish({"articles": seed_articles}, tmp_path, "c" * 64)
    again = release.publish({"articles": seed_articles.copy()}, tmp_path, "c" * 64)
    assert not again.created and again.version == "1.0.0"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1.0.0", "LATEST"]


def test_version_bumps(tmp_path, seed_articles):
    release.publish({"articles": seed_articles}, tmp_path, "c" * 64)
    recoded = seed_articles.copy()
    recoded.loc[0, "title"] = "A better title"
    patch = release.publish({"articles": recoded}, tmp_path, "c" * 64)
    assert (patch.version, patch.bump) == ("1.0.1", "patch")
    changes = json.loads((patch.path / "changes.json").read_text())
    assert changes["tables"]["articles"]["changed"] == {recoded.loc[0, "article_id"]: ["title"]}
    assert "1.0.0" in (patch.path / "CHANGES.md").read_text()
    fewer = recoded.iloc[1:]
    minor = release.publish({"articles": fewer}, tmp_path, "d" * 64)
    assert (minor.version, minor.bump) == ("1.1.0", "minor")
    assert release.read_latest(tmp_path) == "1.1.0"


def test_major_bump_when_a_column_is_retyped(tmp_path, seed_articles):
    release.publish({"articles": seed_articles}, tmp_path, "c" * 64)
    old = tmp_path / "1.0.0" / "articles.parquet"
    table = pq.read_table(old)
    pq.write_table(
        table.set_column(
            table.schema.get_field_index("n_chars_raw"), "n_chars_raw", table.column("n_chars_raw").cast("int64")
        ),
        old,
    )
    assert release.publish({"articles": seed_articles}, tmp_path, "c" * 64).bump == "major"


def test_invalid_table_never_reaches_dist(tmp_path, seed_articles):
    broken = seed_articles.copy()
    broken.loc[0, "status"] = "lost"
    with pytest.raises(pandera.errors.SchemaErrors):
        release.publish({"articles": broken}, tmp_path, "c" * 64)
    assert not tmp_path.exists() or not any(tmp_path.iterdir())


def test_failure_while_writing_leaves_previous_release(tmp_path, seed_articles, monkeypatch):
    first = release.publish({"articles": seed_articles}, tmp_path, "c" * 64)
    before = {p.name: p.read_bytes() for p in first.path.iterdir()}
    recoded = seed_articles.copy()
    recoded.loc[0, "title"] = "Another title"

    def fail_rename(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(release.os, "rename", fail_rename)
    with pytest.raises(OSError, match="disk full"):
        release.publish({"articles": recoded}, tmp_path, "c" * 64)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1.0.0", "LATEST"]
    assert (tmp_path / "LATEST").read_text() == "1.0.0\n"
    assert {p.name: p.read_bytes() for p in first.path.iterdir()} == before

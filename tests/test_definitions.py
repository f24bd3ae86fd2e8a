"""The Dagster layer: every asset and check materialized on the seeds, on bad inputs, twice; operations."""

import json
import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from pipeline import operations
from pipeline.definitions import defs
from pipeline.io_manager import ParquetIOManager

# Every asset and check of the code location, as `dagster asset materialize --select '*'` runs them.
ALL_ASSETS = list(defs.assets)
ALL_CHECKS = list(defs.asset_checks)
REPO = Path(__file__).resolve().parents[1]


def materialize(tmp_path: Path) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        ALL_ASSETS + ALL_CHECKS,
        resources={"io_manager": ParquetIOManager(base_dir=str(tmp_path / "intermediate"))},
        raise_on_error=False,
    )


def release_files(dist: Path) -> dict[str, bytes]:
    dataset = dist / "azru-events"
    version = (dataset / "LATEST").read_text().strip()
    return {p.name: p.read_bytes() for p in (dataset / version).iterdir()}


def test_definitions_load():
    repo = defs.get_repository_def()
    assert {k.to_user_string() for k in repo.asset_graph.get_all_asset_keys()} >= {
        "raw_articles",
        "cleaned_articles",
        "deduplicated_articles",
        "coded_mentions",
        "coding_errors",
        "events",
        "event_mentions",
        "articles",
        "release_files",
    }
    assert defs.resolve_job_def("release_job") and defs.resolve_schedule_def("daily_release")


def test_materialize_everything_on_the_seeds(tmp_path, pipeline_env, seeds_dir):
    _, dist = pipeline_env(seeds_dir)
    result = materialize(tmp_path)
    assert result.success
    checks = result.get_asset_check_evaluations()
    assert checks and all(c.passed for c in checks)
    files = release_files(dist)
    for table in ("articles", "events", "event_mentions", "actors"):
        assert {f"{table}.parquet", f"{table}.csv"} <= set(files)
    assert {"datapackage.json", "CODEBOOK.md", "CHANGES.md", "changes.json"} <= set(files)
    articles = pd.read_parquet(dist / "azru-events" / "1.0.0" / "articles.parquet")
    assert len(articles) == 5 and set(articles["status"]) == {"coded"}
    release = result.asset_materializations_for_node("release_files")[0].metadata
    assert release["version"].value == "1.0.0" and release["new_version"].value is True


def test_bad_inputs_get_rows_and_never_fail_the_run(tmp_path, pipeline_env, seeds_dir):
    raw = tmp_path / "raw"
    (raw / "nested").mkdir(parents=True)
    for seed in seeds_dir.iterdir():
        (raw / seed.name).write_bytes(seed.read_bytes())
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(os.urandom(4096))
    (raw / "nested" / "chrome.txt").write_bytes(b"Follow us on Twitter @Outlet\nSubscribe\nTags:\nLatest\nLoading...\n")
    (raw / "cp1251.txt").write_bytes(
        ("Министр иностранных дел России провёл переговоры в Баку с коллегой. " * 4).encode("cp1251")
    )
    (raw / "big.txt").write_bytes(b"word " * 11_000_000)  # a 55 MB file
    (raw / "az.txt").write_text(
        " date 2024-12-26 Prezidentlər telefonla danışıblar\n\n"
        "Azərbaycan Respublikasının Prezidenti İlham Əliyev dünən Rusiya Federasiyasının Prezidenti ilə telefon "
        "danışığı aparıb. Söhbət zamanı ikitərəfli əməkdaşlığın inkişafı məsələləri müzakirə olunub.",
        encoding="utf-8",
    )
    (raw / "de.txt").write_text(
        "Der Außenminister Aserbaidschans hat gestern in Moskau seinen russischen Amtskollegen getroffen. "
        "Die beiden Minister sprachen über die Lage in der Region und über die Zusammenarbeit.",
        encoding="utf-8",
    )
    _, dist = pipeline_env(raw)
    result = materialize(tmp_path)
    assert result.success
    articles = pd.read_parquet(dist / "azru-events" / "1.0.0" / "articles.parquet").set_index("source_path")
    assert len(articles) == 12
    reasons = articles["reject_reason"].to_dict()
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"].startswith("not text")
    assert reasons["nested/chrome.txt"] == "no article text: page chrome only"
    assert reasons["big.txt"].startswith("file too large")
    assert articles.loc["cp1251.txt", "language"] == "ru" and articles.loc["cp1251.txt", "status"] == "coded"
    # Azerbaijani is coded: the phone call of the day before publication, between the two presidents.
    assert articles.loc["az.txt", "language"] == "az" and articles.loc["az.txt", "status"] == "coded"
    events = pd.read_parquet(dist / "azru-events" / "1.0.0" / "events.parquet")
    call = events[events["event_date"] == pd.Timestamp("2024-12-25").date()]
    assert call["event_code"].tolist() == ["041"]
    assert {call["actor1_name"].iloc[0], call["actor2_name"].iloc[0]} == {"Ilham Aliyev", "Vladimir Putin"}
    # A language without patterns or date grammar is still rejected, with the reason.
    assert articles.loc["de.txt", "language"] == "de" and reasons["de.txt"] == "unsupported language: de"


def test_missing_raw_folder_fails_clearly(tmp_path, pipeline_env):
    pipeline_env(tmp_path / "nowhere")
    result = materialize(tmp_path)
    assert not result.success
    failure = next(e for e in result.all_events if e.event_type_value == "STEP_FAILURE")
    assert "does not exist" in str(failure.event_specific_data.error)


def test_two_runs_are_byte_identical_with_one_version(tmp_path, pipeline_env, seeds_dir):
    _, dist = pipeline_env(seeds_dir)
    assert materialize(tmp_path).success
    first = release_files(dist)
    second_result = materialize(tmp_path)
    assert second_result.success
    assert release_files(dist) == first
    assert sorted(p.name for p in (dist / "azru-events").iterdir()) == ["1.0.0", "LATEST"]
    metadata = second_result.asset_materializations_for_node("release_files")[0].metadata
    assert metadata["new_version"].value is False


def test_separate_builds_are_byte_identical(tmp_path, seeds_dir, monkeypatch):
    outputs = []
    for name in ("one", "two"):
        monkeypatch.setenv("PIPELINE_RAW_DIR", str(seeds_dir))
        monkeypatch.setenv("PIPELINE_DIST_DIR", str(tmp_path / name))
        assert materialize(tmp_path / f"work-{name}").success
        outputs.append(release_files(tmp_path / name))
    assert outputs[0] == outputs[1]


def test_cli_materialize_and_frictionless_validate(tmp_path, seeds_dir):
    env = {**os.environ, "PIPELINE_RAW_DIR": str(seeds_dir), "PIPELINE_DIST_DIR": str(tmp_path / "dist")}
    bin_dir = Path(sys.executable).parent
    run = subprocess.run(
        [str(bin_dir / "dagster"), "asset", "materialize", "-m", "pipeline", "--select", "*"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    package = tmp_path / "dist" / "azru-events" / "1.0.0" / "datapackage.json"
    check = subprocess.run(
        [str(bin_dir / "frictionless"), "validate", "--json", str(package)], capture_output=True, text=True, timeout=300
    )
    assert json.loads(check.stdout)["valid"], check.stdout[-2000:]
    (package.parent / "articles.parquet").write_bytes(b"tampered")
    check = subprocess.run(
        [str(bin_dir / "frictionless"), "validate", "--json", str(package)], capture_output=True, text=True, timeout=300
    )
    assert not json.loads(check.stdout)["valid"]


@pytest.mark.parametrize("change", ["add", "modify"])
def test_sensor_requests_a_run_when_raw_files_change(tmp_path, pipeline_env, change):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("first")
    pipeline_env(raw)
    first = operations.raw_folder_sensor(dg.build_sensor_context(cursor=None))
    assert len(first.run_requests) == 1
    cursor = first.cursor
    assert isinstance(operations.raw_folder_sensor(dg.build_sensor_context(cursor=cursor)), dg.SkipReason)
    if change == "add":
        (raw / "b.txt").write_text("second")
    else:
        (raw / "a.txt").write_text("first, edited")
    again = operations.raw_folder_sensor(dg.build_sensor_context(cursor=cursor))
    assert len(again.run_requests) == 1 and again.cursor != cursor


def test_schedule_is_daily_utc():
    schedule = defs.resolve_schedule_def("daily_release")
    assert schedule.cron_schedule == "0 3 * * *" and schedule.execution_timezone == "UTC"


def test_adding_an_article_keeps_event_ids_and_bumps_minor(tmp_path, pipeline_env, seeds_dir):
    raw = tmp_path / "raw"
    raw.mkdir()
    seeds = sorted(seeds_dir.iterdir())
    for seed in seeds[:-1]:
        (raw / seed.name).write_bytes(seed.read_bytes())
    _, dist = pipeline_env(raw)
    assert materialize(tmp_path).success
    first = pd.read_parquet(dist / "azru-events" / "1.0.0" / "events.parquet").set_index("event_id")

    (raw / seeds[-1].name).write_bytes(seeds[-1].read_bytes())
    assert materialize(tmp_path).success
    assert (dist / "azru-events" / "LATEST").read_text().strip() == "1.1.0"
    second = pd.read_parquet(dist / "azru-events" / "1.1.0" / "events.parquet").set_index("event_id")
    assert set(first.index) <= set(second.index)  # no published event lost its id
    assert len(second) > len(first)
    assert (second.loc[first.index, "n_articles"] >= first["n_articles"]).all()
    changes = json.loads((dist / "azru-events" / "1.1.0" / "changes.json").read_text())
    assert changes["bump"] == "minor"
    assert sorted(changes["tables"]["events"]["added"]) == sorted(set(second.index) - set(first.index))
    assert "## events" in (dist / "azru-events" / "1.1.0" / "CHANGES.md").read_text()

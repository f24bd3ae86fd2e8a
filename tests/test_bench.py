"""The benchmarks' generators keep producing what the pipeline reads (no timing is asserted)."""

import importlib.util
from pathlib import Path

from pipeline import merge
from pipeline.extract import CODED_COLUMNS

BENCH = Path(__file__).resolve().parents[1] / "bench"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_merge_benchmark_generates_coded_mentions_the_merge_reads():
    coded, articles, _ = load("bench_merge").generate(300, 0)
    assert list(coded.columns) == CODED_COLUMNS
    events, mentions = merge.merge_events(coded, articles)
    assert len(mentions) == 300
    assert 0 < len(events) < 300
    assert (coded["date_earliest"].notna() == coded["date_latest"].notna()).all()

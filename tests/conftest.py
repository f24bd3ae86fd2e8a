from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def pipeline_env(tmp_path, monkeypatch):
    """Point the pipeline at a raw folder and a fresh dist folder under tmp_path; returns (raw, dist)."""

    def configure(raw_dir: Path) -> tuple[Path, Path]:
        dist = tmp_path / "dist"
        monkeypatch.setenv("PIPELINE_RAW_DIR", str(raw_dir))
        monkeypatch.setenv("PIPELINE_DIST_DIR", str(dist))
        return raw_dir, dist

    return configure

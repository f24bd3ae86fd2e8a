"""Where the pipeline reads and writes: the configuration every entry point honours (DATASET.md)."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_RAW_DIR = "seeds"
DEFAULT_DIST_DIR = "dist"
DATASET_NAME = "azru-events"


class ConfigurationError(ValueError):
    """The pipeline was pointed at something it cannot use."""


def raw_dir() -> Path:
    return Path(os.environ.get("PIPELINE_RAW_DIR") or DEFAULT_RAW_DIR)


def dist_dir() -> Path:
    return Path(os.environ.get("PIPELINE_DIST_DIR") or DEFAULT_DIST_DIR)

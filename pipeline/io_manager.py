"""Intermediate tables as Parquet files (not pickles), so a partial run or a debugging session reads real
files: `<base_dir>/<asset>.parquet`."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
import pandas as pd
import pyarrow
import pyarrow.parquet as pq

from pipeline import settings


class ParquetIOManager(dg.ConfigurableIOManager):
    """Stores each DataFrame asset as one Parquet file; by default under `<PIPELINE_DIST_DIR>/.intermediate`."""

    base_dir: str | None = None

    def _path(self, context: dg.OutputContext | dg.InputContext) -> Path:
        base = Path(self.base_dir) if self.base_dir else settings.dist_dir() / ".intermediate"
        return base / f"{'__'.join(context.asset_key.path)}.parquet"

    def handle_output(self, context: dg.OutputContext, obj: pd.DataFrame) -> None:
        path = self._path(context)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".parquet.tmp")
        pq.write_table(pyarrow.Table.from_pandas(obj, preserve_index=False), tmp, compression="zstd")
        os.replace(tmp, path)
        context.add_output_metadata({"path": dg.MetadataValue.path(str(path))})

    def load_input(self, context: dg.InputContext) -> pd.DataFrame:
        return pq.read_table(self._path(context)).to_pandas()

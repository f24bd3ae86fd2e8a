"""The pipeline, in order: raw files -> cleaned articles -> near-duplicates marked -> coded mentions (with the
actor dictionary) -> events merged across articles, with stories -> release.

Run it with `dagster asset materialize -m pipeline --select '*'`; `dagster dev` shows it in the UI.
"""

import dagster as dg

from pipeline import assets, operations
from pipeline.io_manager import ParquetIOManager

defs = dg.Definitions(
    assets=[
        assets.raw_articles,
        assets.cleaned_articles,
        assets.deduplicated_articles,
        assets.coded_articles,
        assets.merged_events,
        assets.actors,
        assets.release_files,
    ],
    asset_checks=assets.CONTRACT_CHECKS,
    jobs=[operations.release_job],
    schedules=[operations.daily_release],
    sensors=[operations.raw_folder_sensor],
    resources={"io_manager": ParquetIOManager()},
    # Steps share one process: each step subprocess would re-import everything (DAGSTER.md).
    executor=dg.in_process_executor,
)

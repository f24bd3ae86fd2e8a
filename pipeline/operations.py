"""How the release runs on its own: a daily schedule (UTC) and a sensor on the raw folder."""

import hashlib

import dagster as dg

from pipeline import settings

release_job = dg.define_asset_job("release_job", selection=dg.AssetSelection.all(), description="Build a release")

daily_release = dg.ScheduleDefinition(
    name="daily_release", job=release_job, cron_schedule="0 3 * * *", execution_timezone="UTC"
)


def raw_folder_fingerprint() -> str | None:
    """Names, sizes and modification times of the raw files; None when the folder is missing or empty."""
    raw_dir = settings.raw_dir()
    if not raw_dir.is_dir():
        return None
    entries = sorted(
        f"{p.relative_to(raw_dir).as_posix()}\0{p.stat().st_size}\0{p.stat().st_mtime_ns}"
        for p in raw_dir.rglob("*.txt")
        if p.is_file()
    )
    return hashlib.sha256("\n".join(entries).encode()).hexdigest() if entries else None


@dg.sensor(job=release_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING)
def raw_folder_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
    """Starts a release run when files in the raw folder are added or changed."""
    fingerprint = raw_folder_fingerprint()
    if fingerprint is None:
        return dg.SkipReason(f"raw folder {settings.raw_dir()} is missing or holds no *.txt files")
    if fingerprint == context.cursor:
        return dg.SkipReason("raw folder unchanged")
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=fingerprint)], cursor=fingerprint)

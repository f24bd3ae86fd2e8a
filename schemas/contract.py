"""Derive the Arrow schema, the Frictionless schema and codebook text from a pandera model.

A column's Arrow type is `metadata={"arrow": ...}` on its pandera Field; its meaning is the Field's
description. Nothing about a column is written down twice.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pyarrow

ARROW_TYPES = {
    "string": pyarrow.string(),
    "date32": pyarrow.date32(),
    "int8": pyarrow.int8(),
    "int32": pyarrow.int32(),
    "int64": pyarrow.int64(),
    "float32": pyarrow.float32(),
    "float64": pyarrow.float64(),
    "bool": pyarrow.bool_(),
}

# Frictionless (Table Schema) field types for each Arrow type.
FRICTIONLESS_TYPES = {
    "string": "string",
    "date32": "date",
    "int8": "integer",
    "int32": "integer",
    "int64": "integer",
    "float32": "number",
    "float64": "number",
    "bool": "boolean",
}


def columns(model: type[pa.DataFrameModel]) -> list[tuple[str, pa.Column]]:
    """The model's columns in contract order."""
    return list(model.to_schema().columns.items())


def arrow_type_name(column: pa.Column) -> str:
    return (column.metadata or {})["arrow"]


def arrow_schema(model: type[pa.DataFrameModel]) -> pyarrow.Schema:
    return pyarrow.schema(
        [pyarrow.field(name, ARROW_TYPES[arrow_type_name(col)], nullable=col.nullable) for name, col in columns(model)]
    )


def primary_key(model: type[pa.DataFrameModel]) -> list[str]:
    return list(getattr(model, "__primary_key__", ()))


def frictionless_schema(model: type[pa.DataFrameModel]) -> dict:
    fields = []
    for name, col in columns(model):
        field = {
            "name": name,
            "type": FRICTIONLESS_TYPES[arrow_type_name(col)],
            "description": col.description or "",
        }
        if not col.nullable:
            field["constraints"] = {"required": True}
        fields.append(field)
    schema: dict = {"fields": fields, "missingValues": [""]}
    if primary_key(model):
        schema["primaryKey"] = primary_key(model)
    return schema


def to_arrow(model: type[pa.DataFrameModel], frame: pd.DataFrame) -> pyarrow.Table:
    """Validate `frame` against the model, then convert it with the model's explicit Arrow schema."""
    validated = model.validate(frame, lazy=True)
    schema = arrow_schema(model)
    arrays = []
    for field in schema:
        series = validated[field.name]
        if pyarrow.types.is_date32(field.type):
            values = pd.to_datetime(series).dt.date.astype(object).where(series.notna(), None)
            arrays.append(pyarrow.array(values.tolist(), type=field.type))
        else:
            arrays.append(pyarrow.array(series.astype(object).where(series.notna(), None).tolist(), type=field.type))
    return pyarrow.Table.from_arrays(arrays, schema=schema)


def codebook_section(table: str, model: type[pa.DataFrameModel]) -> str:
    doc = (model.__doc__ or "").strip()
    lines = [f"## `{table}`", "", doc, "", "| column | type | null | meaning |", "|---|---|---|---|"]
    for name, col in columns(model):
        meaning = (col.description or "").replace("|", "\\|")
        lines.append(f"| `{name}` | {arrow_type_name(col)} | {'yes' if col.nullable else 'no'} | {meaning} |")
    if primary_key(model):
        lines += ["", f"Primary key: {', '.join(f'`{c}`' for c in primary_key(model))}."]
    return "\n".join(lines) + "\n"

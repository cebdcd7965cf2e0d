"""Helpers shared by the loaders of source data: provenance, dates, lookups."""

import datetime
import tomllib
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def read_data(name: str) -> dict:
    with (DATA_DIR / name).open("rb") as handle:
        return tomllib.load(handle)


def provenance(row: dict) -> dict:
    """The Sourced fields of a record: document, lines and the note (inferences say so)."""
    note = row.get("note", "")
    if row.get("inferred") and not note.lower().startswith("inferred"):
        note = f"Inferred. {note}".strip()
    return {
        "source_document": row.get("source", ""),
        "source_lines": row.get("lines", ""),
        "source_note": note,
    }


def day(value) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


def dated(row: dict, name: str, target: str | None = None, precision_target: str | None = None):
    """A date of a row and its precision, under the model's field names.

    The data files write ``start``/``start_precision`` and ``agreed_on``/``agreed_precision``;
    a model names them e.g. ``accepted_on``/``accepted_precision``.
    """
    target = target or name
    precision_target = precision_target or f"{target}_precision"
    value = day(row.get(name))
    fields = {target: value}
    precision = row.get(f"{name}_precision") or row.get(f"{name.removesuffix('_on')}_precision")
    if value is not None and precision:
        fields[precision_target] = precision
    return fields

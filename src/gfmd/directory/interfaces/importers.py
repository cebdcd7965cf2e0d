"""Load the project's own reference data files (directory/data/, see its README for provenance)."""

import csv
from pathlib import Path

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from ..models import State

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEVELOPMENT_SOURCE = "UN M49 standard, convention on developed and developing regions"
DEVELOPMENT_YEAR = 2021

STATE_FIELDS = [
    "iso2",
    "iso_numeric",
    "name_en",
    "name_fr",
    "name_es",
    "m49_region_code",
    "m49_region",
    "m49_subregion_code",
    "m49_subregion",
    "m49_intermediate_region_code",
    "m49_intermediate_region",
    "un_status",
    "development_status",
]


def read_states(path: Path = DATA_DIR / "states.csv") -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def import_states(path: Path = DATA_DIR / "states.csv") -> tuple[int, int]:
    """Create missing states and update changed ones (each change keeps its history).

    A development status revised by Support Unit staff (another source or year) is kept.
    Returns (created, updated).
    """
    existing = {state.iso3: state for state in State.objects.all()}
    created = updated = 0
    to_create = []
    for row in read_states(path):
        values = {name: row[name] for name in STATE_FIELDS}
        values["un_member_since"] = int(row["un_member_since"]) if row["un_member_since"] else None
        state = existing.get(row["iso3"])
        if state is None:
            to_create.append(
                State(
                    iso3=row["iso3"],
                    development_status_source=DEVELOPMENT_SOURCE,
                    development_status_year=DEVELOPMENT_YEAR,
                    **values,
                )
            )
            continue
        if state.development_status_source != DEVELOPMENT_SOURCE:
            values.pop("development_status")  # revised by staff: keep their classification
        changed = {k: v for k, v in values.items() if getattr(state, k) != v}
        if changed:
            for name, value in changed.items():
                setattr(state, name, value)
            state.save()
            updated += 1
    if to_create:
        bulk_create_with_history(to_create, State, default_change_reason="reference data")
        created = len(to_create)
    return created, updated

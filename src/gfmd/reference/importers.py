"""Load the reference lists from data/ (see its README for provenance); idempotent."""

import csv
from pathlib import Path

from django.db import transaction

from .models import GCMGuidingPrinciple, GCMObjective, SDGGoal, SDGTarget

DATA_DIR = Path(__file__).resolve().parent / "data"


def rows(name: str) -> list[dict]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def import_reference_lists() -> dict[str, int]:
    goals = {}
    for row in rows("sdg-goals.csv"):
        goals[row["goal"]], _ = SDGGoal.objects.update_or_create(
            number=int(row["goal"]),
            defaults={
                k: row.get(k, "")
                for k in ("short_en", "short_fr", "short_es", "title_en", "title_fr", "title_es")
            },
        )
    for row in rows("sdg-targets.csv"):
        SDGTarget.objects.update_or_create(
            code=row["target"],
            defaults={
                "goal": goals[row["goal"]],
                "position": _position(row["target"]),
                **{k: row[k] for k in ("title_en", "title_fr", "title_es")},
            },
        )
    for row in rows("gcm-objectives.csv"):
        GCMObjective.objects.update_or_create(
            number=int(row["objective"]),
            defaults={k: row.get(k) or "" for k in ("short_en", "title_en", "short_fr")},
        )
    for row in rows("gcm-guiding-principles.csv"):
        GCMGuidingPrinciple.objects.update_or_create(
            number=int(row["principle"]),
            defaults={"title_en": row["title_en"], "title_fr": row.get("title_fr", "")},
        )
    return {
        "SDG goals": SDGGoal.objects.count(),
        "SDG targets": SDGTarget.objects.count(),
        "GCM objectives": GCMObjective.objects.count(),
        "GCM guiding principles": GCMGuidingPrinciple.objects.count(),
    }


def _position(code: str) -> int:
    """Order targets as the Agenda does: 10.1 … 10.7, then the lettered 10.a, 10.b."""
    suffix = code.split(".", 1)[1]
    return int(suffix) if suffix.isdigit() else 100 + ord(suffix[0])

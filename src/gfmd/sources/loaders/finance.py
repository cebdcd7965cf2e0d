"""Load the funding the reports state (data/finance.toml): the 2010 Preliminary Draft Budget
and International Contributions (002 L2605-L2767) and the 2007 budget and contributions (003
L668-L752), each record with its provenance. Amounts the sources do not state stay unknown.
Records are found by their keys (edition and version, line order, contribution order); loading
twice changes nothing, not even the history."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from gfmd.directory.models import Organisation, State
from gfmd.finance.models import Budget, BudgetLine, Contribution
from gfmd.governance.models import Edition
from gfmd.library.models import Document

from .common import provenance, read_data

BUDGET_FIELDS = ("title", "status", "currency", "exchange_rate_note")
AMOUNTS = ("stated_total", "own_resources", "external_funding")


def decimal(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def _save(model, lookup: dict, values: dict):
    """Create the record, or change it only where the data differs (so no empty history)."""
    record = model.objects.filter(**lookup).first()
    if record is None:
        return model.objects.create(**lookup, **values)
    changed = {name: value for name, value in values.items() if getattr(record, name) != value}
    if changed:
        for name, value in changed.items():
            setattr(record, name, value)
        record.save()
    return record


def load_finance(log=print) -> dict[str, int]:
    data = read_data("finance.toml")
    lines = 0
    with transaction.atomic():
        for row in data["budgets"]:
            lines += _budget(row)
        for order, row in enumerate(data["contributions"], start=1):
            _contribution(row, order * 10)
    log(f"  Budgets: {len(data['budgets'])} ({lines} lines).")
    log(f"  Contributions: {len(data['contributions'])}.")
    return {
        "budgets": len(data["budgets"]),
        "budget_lines": lines,
        "contributions": len(data["contributions"]),
    }


def _edition(row: dict) -> Edition:
    return Edition.objects.get(process__slug=row["process"], number=row["edition"])


def _budget(row: dict) -> int:
    values = {name: row.get(name, "") for name in BUDGET_FIELDS}
    values.update({name: decimal(row.get(name)) for name in AMOUNTS})
    values["contingency_percent"] = decimal(row.get("contingency_percent")) or Decimal(0)
    values.update(provenance(row))
    edition = _edition(row)
    if row.get("document"):  # loaded by the library's and the meeting records' loaders
        values["document"] = Document.objects.get(
            process=edition.process, year=edition.year, slug=row["document"]
        )
    budget = _save(Budget, {"edition": edition, "version": row["version"]}, values)
    if row.get("published") and budget.published_at is None:
        budget.published_at = timezone.now()
        budget.lines_published = bool(row.get("lines_published"))
        budget._change_reason = "Published by the report (data load)."
        budget.save()
    for order, line in enumerate(row.get("rows", []), start=1):
        _save(
            BudgetLine,
            {"budget": budget, "order": order * 10},
            {
                "category": line["category"],
                "concept": line["concept"],
                "amount": decimal(line.get("amount")),
                "note": line.get("note", ""),
                **provenance({"source": row["source"], **line, "note": ""}),
            },
        )
    return len(row.get("rows", []))


def _contribution(row: dict, order: int) -> Contribution:
    edition = _edition(row)
    values = {
        "contributor_kind": row["contributor_kind"],
        "state": State.objects.get(iso3=row["state"]) if row.get("state") else None,
        "organisation": (
            Organisation.objects.get(name_en=row["organisation"])
            if row.get("organisation")
            else None
        ),
        "contributor_name": row.get("contributor_name", ""),
        "kind": row["kind"],
        "amount": decimal(row.get("amount")),
        "currency": row.get("currency", ""),
        "in_kind_types": row.get("in_kind_types", []),
        "description": row.get("description", ""),
        "purpose": row.get("purpose", ""),
        "earmarked": row.get("earmarked", True),
        "status": row["status"],
        **provenance(row),
    }
    # Only an amount in the budget's own currency is "converted" (the same figure); the sources
    # give no rate for the others.
    budget_currency = (
        Budget.objects.filter(edition=edition).values_list("currency", flat=True).first()
    )
    same = values["currency"] == budget_currency and values["amount"] is not None
    values["converted_amount"] = values["amount"] if same else None
    values["converted_currency"] = budget_currency if same else ""
    contribution = _save(Contribution, {"edition": edition, "order": order}, values)
    if contribution.published_at is None:
        contribution.published_at = timezone.now()
        contribution._change_reason = "Published by the report (data load)."
        contribution.save()
    return contribution

"""History of records that matter (who, when, before/after), read from django-simple-history."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext_lazy as _

CHANGE_LABELS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
IGNORED_FIELDS = {
    "id",
    "history_id",
    "history_date",
    "history_type",
    "history_user",
    "history_change_reason",
}


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    kind: str
    subject: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    reason: str = ""

    @property
    def action(self) -> str:
        return str(CHANGE_LABELS.get(self.kind, self.kind))


def _tracked_fields(record) -> list:
    return [
        f for f in record.instance_type._meta.concrete_fields if f.attname not in IGNORED_FIELDS
    ]


def _display(value) -> str:
    return "—" if value in (None, "") else str(value)


def history_entries(historical_querysets, limit: int = 200) -> list[HistoryEntry]:
    """Entries across several models' history tables, newest first, each with its field changes.

    Each queryset is read once; differences are computed in Python (no query per record).
    """
    entries: list[HistoryEntry] = []
    for queryset in historical_querysets:
        records = list(
            queryset.select_related("history_user").order_by("history_date", "history_id")
        )
        previous_by_object: dict = {}
        for record in records:
            fields = _tracked_fields(record)
            before = previous_by_object.get(record.id)
            changes = []
            for f in fields:
                new = getattr(record, f.attname)
                old = getattr(before, f.attname) if before is not None else None
                if before is None and record.history_type == "+":
                    if new not in (None, ""):
                        changes.append((str(f.verbose_name), "—", _display(new)))
                elif before is not None and old != new:
                    changes.append((str(f.verbose_name), _display(old), _display(new)))
            previous_by_object[record.id] = record
            if record.history_type == "~" and not changes:
                continue
            user = record.history_user
            entries.append(
                HistoryEntry(
                    when=record.history_date,
                    who=str(user) if user else str(_("system (data load)")),
                    kind=record.history_type,
                    subject=f"{record.instance_type._meta.verbose_name}: {record}",
                    changes=changes,
                    reason=record.history_change_reason or "",
                )
            )
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:limit]

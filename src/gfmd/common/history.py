"""History of records that matter (who, when, before/after), read from django-simple-history."""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
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


def public_name(user) -> str:
    """How history names whoever made a change: the account's display name or the directory
    person's name, never the e-mail address — history is shown on public pages."""
    if user.display_name:
        return user.display_name
    person = getattr(user, "person", None)  # select_related by history_entries
    if person is not None and person.full_name:
        return person.full_name
    return str(_("a platform user"))


def _display(value) -> str:
    if value in (None, ""):
        return "—"
    if isinstance(value, get_user_model()):
        return public_name(value)
    return str(value)


def _label(record, related: list[str]) -> str:
    """The object's own __str__, with its related objects taken from the history row (loaded
    with select_related) so that labelling a row costs no query."""
    instance = record.instance
    for name in related:
        if "__" not in name:
            setattr(instance, name, getattr(record, name))
    return str(instance)


def history_entries(historical_querysets, limit: int = 40) -> list[HistoryEntry]:
    """The latest entries across several models' history tables, newest first, each with its
    field changes. Each table gives at most ``limit`` rows (plus the row before each, for the
    "before" values), so a long history costs the same as a short one.
    """
    entries: list[HistoryEntry] = []
    for queryset in historical_querysets:
        model = queryset.model.instance_type
        related = [f.name for f in model._meta.concrete_fields if f.is_relation]
        # Accounts are named by their person (public_name), never by their e-mail.
        related += [
            f"{f.name}__person"
            for f in model._meta.concrete_fields
            if f.is_relation and f.related_model is get_user_model()
        ]
        # Related objects whose own label reads their process (editions, chairmanships).
        related += [
            f"{f.name}__process"
            for f in model._meta.concrete_fields
            if f.is_relation and any(g.name == "process" for g in f.related_model._meta.fields)
        ]
        newest = list(
            queryset.select_related("history_user__person", *related).order_by(
                "-history_date", "-history_id"
            )[: limit * 2]
        )
        records = newest[::-1]
        previous_by_object: dict = {}
        for record in records:
            fields = _tracked_fields(record)
            before = previous_by_object.get(record.id)
            changes = []
            for f in fields:
                name = f.name if f.is_relation else f.attname
                new = getattr(record, name)
                old = getattr(before, name) if before is not None else None
                if before is None and record.history_type == "+":
                    if new not in (None, ""):
                        changes.append((str(f.verbose_name), "—", _display(new)))
                elif before is not None and old != new:
                    changes.append((str(f.verbose_name), _display(old), _display(new)))
            previous_by_object[record.id] = record
            if record.history_type == "~" and (not changes or before is None):
                if not record.history_change_reason:
                    continue  # nothing changed, or its earlier state is outside the window
                changes = []  # a change told by its reason only (links, moves)
            user = record.history_user
            entries.append(
                HistoryEntry(
                    when=record.history_date,
                    who=public_name(user) if user else str(_("system (data load)")),
                    kind=record.history_type,
                    subject=f"{record.instance_type._meta.verbose_name}: {_label(record, related)}",
                    changes=changes,
                    reason=record.history_change_reason or "",
                )
            )
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:limit]

"""The history of a request's links (sessions, themes, GCM objectives, SDG targets).

django-simple-history keeps, with every history row of a request, a snapshot of its links
(``HistoricalRecords(m2m_fields=...)``); gfmd.common.history compares plain fields only. This
module compares the snapshots of consecutive rows and adds "before → after" to the entries of
the request's history, so a change of sessions or tags shows who made it and when."""

from django.utils.translation import gettext as _

from gfmd.common.history import HistoryEntry, public_name

from ..models import ServiceRequest

LINKS = {
    "related_sessions": ("roundtablesession", lambda s: s.number),
    "edition_themes": ("theme", lambda t: str(t.number)),
    "gcm_objectives": ("gcmobjective", lambda o: str(o.number)),
    "sdg_targets": ("sdgtarget", lambda t: t.code),
}


def _snapshots(record_ids: list[int]) -> dict[str, dict[int, str]]:
    """Per link field, the history row id → the links it recorded, as one sorted text."""
    historical = ServiceRequest.history.model
    snapshots = {}
    for name, (target, label) in LINKS.items():
        rows = getattr(historical, name).model.objects.filter(history_id__in=record_ids)
        values: dict[int, list[str]] = {}
        for row in rows.select_related(target):
            values.setdefault(row.history_id, []).append(label(getattr(row, target)))
        snapshots[name] = {key: ", ".join(sorted(items)) for key, items in values.items()}
    return snapshots


def link_changes(request: ServiceRequest, limit: int = 40) -> dict:
    """History row date → [(field, before, after)] for the rows that changed a link."""
    records = list(
        ServiceRequest.history.filter(id=request.pk)
        .select_related("history_user__person")
        .order_by("-history_date", "-history_id")[: limit + 1]
    )[::-1]
    if not records:
        return {}
    snapshots = _snapshots([r.history_id for r in records])
    fields = {name: ServiceRequest._meta.get_field(name).verbose_name for name in LINKS}
    changes = {}
    for before, after in zip(records, records[1:], strict=False):
        row = []
        for name, values in snapshots.items():
            old, new = values.get(before.history_id, ""), values.get(after.history_id, "")
            if old != new:
                row.append((str(fields[name]), old or "—", new or "—"))
        if row:
            changes[after.history_id] = (after, row)
    return changes


def with_link_changes(entries: list[HistoryEntry], request: ServiceRequest) -> list[HistoryEntry]:
    """``entries`` (from gfmd.common.history) with the link changes of ``request`` added: to the
    entry of the same history row when there is one, else as an entry of its own."""
    prefix = f"{ServiceRequest._meta.verbose_name}: "
    by_when = {(e.when, e.kind): e for e in entries if e.subject.startswith(prefix)}
    result = list(entries)
    for record, changes in link_changes(request).values():
        entry = by_when.get((record.history_date, record.history_type))
        if entry is not None:
            entry.changes.extend(changes)
            continue
        user = record.history_user
        result.append(
            HistoryEntry(
                when=record.history_date,
                who=public_name(user) if user else str(_("system (data load)")),
                kind=record.history_type,
                subject=f"{prefix}{request}",
                changes=changes,
                reason=record.history_change_reason or "",
            )
        )
    result.sort(key=lambda entry: entry.when, reverse=True)
    return result

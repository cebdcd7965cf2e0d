"""Convert what requests wrote as text and codes into links, and keep what matches nothing.

- related sessions, free text: each part that names a session number of the request's own
  edition ("1.1", "RT 2.2", "Session 1.2", "Sessions 1.1 and 2.2") becomes a link; any other
  part ("side event on remittances", "RT 2", a number the edition does not have) is kept in
  ``links_note``;
- GCM objective numbers and SDG target codes become links to the reference tables; a code the
  tables do not hold (they are loaded by ``load_reference``) is kept in ``links_note``;
- a free theme that is the title of one of the edition's themes, or "Theme 2", becomes a link to
  that theme; the others stay free themes.

History rows are converted the same way (their link snapshots are written), so the history of a
request keeps showing its sessions and tags. The functions before ``forwards`` are pure: they
take text and the known numbers and return the result (tests/marketplace/test_migrations.py).
"""

import re
from dataclasses import dataclass, field

from django.db import migrations

SESSION_NUMBER = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}(?!\.?\d)")
# Words that may stand before a session number: "RT 1.1", "Session 1.2", "Roundtable 2.1".
# Also the French and Spanish words: "séance", "table ronde", "sesión", "mesa redonda".
PREFIX = re.compile(
    r"^(?:(?:rt|tr|mr|roundtable|round\s*table|table\s*ronde|mesa\s*redonda|sessions?|"
    r"séances?|seances?|sesi[oó]n(?:es)?|sess\.?|no\.?|n[°º]|#)\s*)+",
    re.IGNORECASE,
)
SEPARATORS = re.compile(r"\s*(?:[,;/+\n]|\band\b|\bet\b|\by\b|&)\s*", re.IGNORECASE)
THEME_NUMBER = re.compile(r"^(?:theme|thème|tema)\s*(\d{1,2})$", re.IGNORECASE)


@dataclass
class SessionText:
    numbers: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


def split_session_text(text: str, known_numbers) -> SessionText:
    """The session numbers of ``known_numbers`` that ``text`` names, and the parts it does not
    link. A part is linked when, after an optional "RT"/"Session" word, it is one session
    number, possibly followed by a title ("RT 1.1 (labour mobility)"): then the number is
    linked and, because the title says more than the link, the part is also kept. A part with
    two numbers ("1.1-1.3") is a range the text does not spell out: kept, not linked."""
    known = set(known_numbers)
    result = SessionText()
    for part in SEPARATORS.split(text or ""):
        part = " ".join(part.split()).strip(" .:")
        if not part:
            continue
        rest = PREFIX.sub("", part)
        numbers = SESSION_NUMBER.findall(rest)
        match = SESSION_NUMBER.match(rest)
        if len(numbers) == 1 and match and numbers[0] in known:
            if numbers[0] not in result.numbers:
                result.numbers.append(numbers[0])
            title = rest[match.end() :].strip(" .:—–-")
            if title:
                result.unmatched.append(part)
        else:
            result.unmatched.append(part)
    return result


def split_codes(values, known, normalise) -> tuple[list, list[str]]:
    """Codes found in ``known`` (normalised: an int for GCM, lower case for SDG), in order and
    once each, and the values that match nothing, as written."""
    matched, unmatched = [], []
    for value in values or []:
        try:
            code = normalise(value)
        except (TypeError, ValueError):
            code = None
        if code is not None and code in known:
            if code not in matched:
                matched.append(code)
        elif str(value).strip():
            unmatched.append(str(value).strip())
    return matched, unmatched


def gcm_code(value) -> int:
    return int(str(value).strip())


def sdg_code(value) -> str:
    return str(value).strip().lower()


def split_themes(values, theme_titles: dict[int, str]) -> tuple[list[int], list[str]]:
    """Free themes that name a theme of the edition (its title, any case and spacing, or
    "Theme 2") become theme numbers; the others stay free themes."""
    by_title = {" ".join(t.split()).casefold(): n for n, t in theme_titles.items()}
    numbers, free = [], []
    for value in values or []:
        text = " ".join(str(value).split())
        number = by_title.get(text.casefold())
        numbered = THEME_NUMBER.match(text)
        if number is None and numbered and int(numbered.group(1)) in theme_titles:
            number = int(numbered.group(1))
        if number is not None:
            if number not in numbers:
                numbers.append(number)
        elif text:
            free.append(text)
    return numbers, free


def links_note(sessions: list[str], gcm: list[str], sdg: list[str]) -> str:
    lines = []
    if sessions:
        lines.append("Sessions: " + "; ".join(sessions))
    if gcm:
        lines.append("GCM objectives: " + ", ".join(gcm))
    if sdg:
        lines.append("SDG targets: " + ", ".join(sdg))
    return "\n".join(lines)


@dataclass
class Conversion:
    sessions: list[str]
    gcm_objectives: list[int]
    sdg_targets: list[str]
    theme_numbers: list[int]
    themes: list[str]
    note: str


def convert(row: dict, *, session_numbers, gcm_numbers, sdg_codes, theme_titles) -> Conversion:
    """One request (or history row): ``row`` holds the legacy values."""
    sessions = split_session_text(row.get("related_sessions", ""), session_numbers)
    gcm, gcm_left = split_codes(row.get("gcm_objectives"), set(gcm_numbers), gcm_code)
    sdg, sdg_left = split_codes(row.get("sdg_targets"), set(sdg_codes), sdg_code)
    theme_numbers, free = split_themes(row.get("themes"), theme_titles)
    return Conversion(
        sessions=sessions.numbers,
        gcm_objectives=gcm,
        sdg_targets=sdg,
        theme_numbers=theme_numbers,
        themes=free,
        note=links_note(sessions.unmatched, gcm_left, sdg_left),
    )


def _catalogues(apps):
    RoundtableSession = apps.get_model("preparation", "RoundtableSession")
    Theme = apps.get_model("preparation", "Theme")
    GCMObjective = apps.get_model("reference", "GCMObjective")
    SDGTarget = apps.get_model("reference", "SDGTarget")
    sessions, themes = {}, {}
    for pk, edition_id, number in RoundtableSession.objects.values_list(
        "pk", "edition_id", "number"
    ):
        sessions.setdefault(edition_id, {})[number] = pk
    for pk, edition_id, number, title in Theme.objects.values_list(
        "pk", "edition_id", "number", "title_en"
    ):
        themes.setdefault(edition_id, {})[number] = (pk, title)
    gcm = dict(GCMObjective.objects.values_list("number", "pk"))
    sdg = dict(SDGTarget.objects.values_list("code", "pk"))
    return sessions, themes, gcm, sdg


def _convert_row(row, edition_id, catalogues) -> tuple[Conversion, dict]:
    sessions, themes, gcm, sdg = catalogues
    edition_sessions = sessions.get(edition_id, {})
    edition_themes = themes.get(edition_id, {})
    result = convert(
        {
            "related_sessions": row.legacy_related_sessions,
            "gcm_objectives": row.legacy_gcm_objectives,
            "sdg_targets": row.legacy_sdg_targets,
            "themes": row.themes,
        },
        session_numbers=edition_sessions,
        gcm_numbers=gcm,
        sdg_codes=sdg,
        theme_titles={n: title for n, (_pk, title) in edition_themes.items()},
    )
    ids = {
        "related_sessions": [edition_sessions[n] for n in result.sessions],
        "gcm_objectives": [gcm[n] for n in result.gcm_objectives],
        "sdg_targets": [sdg[c] for c in result.sdg_targets],
        "edition_themes": [edition_themes[n][0] for n in result.theme_numbers],
    }
    return result, ids


# The link tables, the historical snapshot models and the name of the target's column.
LINKS = {
    "related_sessions": ("HistoricalServiceRequest_related_sessions", "roundtablesession_id"),
    "gcm_objectives": ("HistoricalServiceRequest_gcm_objectives", "gcmobjective_id"),
    "sdg_targets": ("HistoricalServiceRequest_sdg_targets", "sdgtarget_id"),
    "edition_themes": ("HistoricalServiceRequest_edition_themes", "theme_id"),
}


def _through(ServiceRequest, name):
    return ServiceRequest._meta.get_field(name).remote_field.through


def forwards(apps, schema_editor):
    """Links written straight into the link tables (plain rows, no related managers, which
    migration states render anew between operations)."""
    ServiceRequest = apps.get_model("marketplace", "ServiceRequest")
    Historical = apps.get_model("marketplace", "HistoricalServiceRequest")
    Marketplace = apps.get_model("marketplace", "Marketplace")
    if not ServiceRequest.objects.exists() and not Historical.objects.exists():
        return
    catalogues = _catalogues(apps)
    editions = dict(Marketplace.objects.values_list("pk", "edition_id"))
    for request in ServiceRequest.objects.all():
        result, ids = _convert_row(request, editions[request.marketplace_id], catalogues)
        ServiceRequest.objects.filter(pk=request.pk).update(
            links_note=result.note, themes=result.themes
        )
        for name, targets in ids.items():
            through = _through(ServiceRequest, name)
            column = LINKS[name][1]
            through.objects.filter(servicerequest_id=request.pk).delete()
            through.objects.bulk_create(
                through(servicerequest_id=request.pk, **{column: target}) for target in targets
            )
    through_ids = {}
    for name, (_model, column) in LINKS.items():
        for pk, request_id, target in _through(ServiceRequest, name).objects.values_list(
            "pk", "servicerequest_id", column
        ):
            through_ids[(name, request_id, target)] = pk
    for record in Historical.objects.all():
        edition_id = editions.get(record.marketplace_id)
        if edition_id is None:
            continue
        result, ids = _convert_row(record, edition_id, catalogues)
        Historical.objects.filter(pk=record.pk).update(links_note=result.note, themes=result.themes)
        for name, targets in ids.items():
            model_name, column = LINKS[name]
            Snapshot = apps.get_model("marketplace", model_name)
            Snapshot.objects.bulk_create(
                Snapshot(
                    history_id=record.pk,
                    servicerequest_id=record.id,
                    id=through_ids.get((name, record.id, target), 0),
                    **{column: target},
                )
                for target in targets
            )


def backwards(apps, schema_editor):
    """Numbers and codes back into the legacy columns (history rows keep their snapshots)."""
    ServiceRequest = apps.get_model("marketplace", "ServiceRequest")
    RoundtableSession = apps.get_model("preparation", "RoundtableSession")
    Theme = apps.get_model("preparation", "Theme")
    GCMObjective = apps.get_model("reference", "GCMObjective")
    SDGTarget = apps.get_model("reference", "SDGTarget")
    labels = {
        "related_sessions": dict(RoundtableSession.objects.values_list("pk", "number")),
        "edition_themes": dict(Theme.objects.values_list("pk", "title_en")),
        "gcm_objectives": dict(GCMObjective.objects.values_list("pk", "number")),
        "sdg_targets": dict(SDGTarget.objects.values_list("pk", "code")),
    }
    links = {name: {} for name in LINKS}
    for name, (_model, column) in LINKS.items():
        for request_id, target in _through(ServiceRequest, name).objects.values_list(
            "servicerequest_id", column
        ):
            links[name].setdefault(request_id, []).append(labels[name][target])
    for pk, note, themes in ServiceRequest.objects.values_list("pk", "links_note", "themes"):
        text = [
            line[len("Sessions: ") :] for line in note.splitlines() if line.startswith("Sessions: ")
        ]
        ServiceRequest.objects.filter(pk=pk).update(
            legacy_related_sessions=", ".join(sorted(links["related_sessions"].get(pk, [])) + text)[
                :250
            ],
            legacy_gcm_objectives=sorted(links["gcm_objectives"].get(pk, [])),
            legacy_sdg_targets=links["sdg_targets"].get(pk, []),
            themes=links["edition_themes"].get(pk, []) + list(themes or []),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0002_sessions_themes_and_tags_as_links"),
        ("preparation", "0001_initial"),
        ("reference", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

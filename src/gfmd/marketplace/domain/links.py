"""Links of a service request into the preparation of its own edition: "the roundtable sessions
it relates to" (issue 5) and the themes of the concept paper.

The Marketplace reads preparation's models and never the other way round (docs/architecture.md,
"Crossings"): a request names sessions and themes of the edition its Marketplace belongs to, and
nothing else — a session of another Forum is refused with a message that says which edition's
sessions may be chosen."""

from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.preparation.enums import SessionStatus
from gfmd.preparation.models import RoundtableSession, Theme

LABEL_LENGTH = 90


def number_key(number: str) -> tuple:
    """Sort "1.2" before "1.10", as the GFMD numbers sessions."""
    return tuple(
        int(part) if part.isascii() and part.isdigit() else part for part in number.split(".")
    )


def edition_sessions(edition, *, include_drafts: bool) -> list[RoundtableSession]:
    """The sessions of ``edition`` in number order; drafts only for those who prepare them
    (preparation shows a draft session to its staff only)."""
    sessions = RoundtableSession.objects.filter(edition=edition)
    if not include_drafts:
        sessions = sessions.filter(status=SessionStatus.PUBLISHED)
    return sorted(sessions, key=lambda s: number_key(s.number))


def visible_sessions(sessions, *, staff: bool) -> list[RoundtableSession]:
    """A draft session is shown to staff only, as preparation shows it to its staff only."""
    return [s for s in sessions if staff or s.status == SessionStatus.PUBLISHED]


def edition_themes(edition) -> list[Theme]:
    return list(Theme.objects.filter(edition=edition).order_by("number"))


def _shorten(text: str) -> str:
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1].rstrip() + "…"


def session_label(session: RoundtableSession) -> str:
    """“1.1 — title” in the active language."""
    label = f"{session.number} — {_shorten(session.title)}"
    if session.status != SessionStatus.PUBLISHED:
        label += " " + _("(draft)")
    return label


def theme_label(theme: Theme) -> str:
    return f"{theme.number}. {_shorten(theme.title)}"


def _other_edition_message(edition, what: str, wrong: str, choices: list[str]) -> str:
    return _(
        "%(what)s %(wrong)s is not part of %(edition)s, the edition of this Marketplace; a "
        "request links only to its own edition. Choose among: %(choices)s."
    ) % {
        "what": what,
        "wrong": wrong,
        "edition": edition,
        "choices": ", ".join(choices) or _("none recorded yet"),
    }


def sessions_by_number(edition, values, *, include_drafts: bool = True) -> list:
    """The sessions of ``edition`` named by their numbers ("1.1"), each once, in number order.
    A number the edition does not have (a session of another Forum, a typing error) is refused
    with the numbers that may be used."""
    sessions = {s.number: s for s in edition_sessions(edition, include_drafts=include_drafts)}
    chosen = []
    for value in values or []:
        number = str(value).strip()
        if number not in sessions:
            raise DomainError(
                _other_edition_message(edition, _("Session"), f"“{number[:20]}”", list(sessions)),
                field="related_sessions",
            )
        if sessions[number] not in chosen:
            chosen.append(sessions[number])
    return sorted(chosen, key=lambda s: number_key(s.number))


def check_sessions_of_edition(edition, sessions) -> list:
    """Session records (the admin chooses records, not numbers) of the edition only."""
    sessions = list(sessions)
    for session in sessions:
        if session.edition_id != edition.pk:
            raise DomainError(
                _other_edition_message(
                    edition,
                    _("Session"),
                    f"{session.number} ({session.edition})",
                    [s.number for s in edition_sessions(edition, include_drafts=True)],
                ),
                field="related_sessions",
            )
    return sorted(sessions, key=lambda s: number_key(s.number))


def themes_by_number(edition, values) -> list[Theme]:
    """The themes of the edition's concept paper named by their numbers."""
    themes = {t.number: t for t in edition_themes(edition)}
    chosen = []
    for value in values or []:
        try:
            number = int(str(value).strip())
        except ValueError:
            number = None
        if number not in themes:
            raise DomainError(
                _other_edition_message(
                    edition, _("Theme"), f"“{str(value)[:20]}”", [str(n) for n in themes]
                ),
                field="edition_themes",
            )
        if themes[number] not in chosen:
            chosen.append(themes[number])
    return sorted(chosen, key=lambda t: t.number)


def check_themes_of_edition(edition, themes) -> list[Theme]:
    themes = list(themes)
    for theme in themes:
        if theme.edition_id != edition.pk:
            raise DomainError(
                _other_edition_message(
                    edition,
                    _("Theme"),
                    f"{theme.number} ({theme.edition})",
                    [str(t.number) for t in edition_themes(edition)],
                ),
                field="edition_themes",
            )
    return sorted(themes, key=lambda t: t.number)

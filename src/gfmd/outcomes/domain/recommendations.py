"""Recording the Forum's recommendations: where each comes from, its number there, who it is
addressed to and who leads it, and its non-binding nature.

"Recommendations and proposed actions" close each session of the 2007 report, numbered, with
an owner and a reporting target (003 §2.2, e.g. L2558-L2584); the 2010 report closes each
session with numbered "Outcomes and recommendations" (002 L974-L1028 and the lists after it).
"""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.governance.enums import ProcessKind
from gfmd.preparation.models import Roundtable, RoundtableSession

from ..enums import Horizon, Level
from ..models import Recommendation

SOURCE_NON_BINDING = "003 L529-L531, L580"
SOURCE_RCP_BINDING = "002 L2188-L2190"
TEXT_FIELDS = (
    "text_fr",
    "text_es",
    "addressees_en",
    "addressees_fr",
    "addressees_es",
    "horizontal_issue_fr",
    "horizontal_issue_es",
    "reporting_target_en",
    "reporting_target_fr",
    "reporting_target_es",
    "source_document",
    "source_lines",
    "source_note",
)


def check_non_binding(edition, non_binding: bool) -> bool:
    """R2: the GFMD works "without producing negotiated outcomes or normative decisions" and is
    "non-binding" (003 L529-L531, L580), so every GFMD recommendation is non-binding. A Regional
    Consultative Process decides for itself: "Each RCP and IRF should freely decide whether its
    deliberations and outcomes should be of a binding nature or not" (002 L2188-L2190)."""
    if not non_binding and edition.process.kind == ProcessKind.GFMD:
        raise DomainError(
            _(
                "The GFMD produces no negotiated outcomes or normative decisions (%(source)s): "
                "its recommendations are non-binding. Only a Regional Consultative Process may "
                "record a binding outcome (%(rcp)s)."
            )
            % {"source": SOURCE_NON_BINDING, "rcp": SOURCE_RCP_BINDING},
            field="non_binding",
        )
    return bool(non_binding)


def check_origin(edition, *, session, roundtable, horizontal_issue_en: str):
    """One origin: a session of the edition (its roundtable follows), a roundtable of the
    edition as a whole (003 L4471-L4474), a horizontal issue (003 §2.3, L7831, L8177, L8443) or
    the Forum as a whole. Returns (session, roundtable, issue)."""
    issue = (horizontal_issue_en or "").strip()
    if session is not None:
        if session.edition_id != edition.pk:
            raise DomainError(
                _(
                    "Session %(number)s belongs to another edition; a recommendation comes from "
                    "a session of %(edition)s."
                )
                % {"number": session.number, "edition": edition},
                field="session",
            )
        if roundtable is not None and roundtable.pk != session.roundtable_id:
            raise DomainError(
                _("Session %(number)s is not part of roundtable %(roundtable)s.")
                % {"number": session.number, "roundtable": roundtable.number},
                field="roundtable",
            )
        roundtable = session.roundtable
    if roundtable is not None and roundtable.edition_id != edition.pk:
        raise DomainError(
            _(
                "Roundtable %(number)s belongs to another edition; choose a roundtable of "
                "%(edition)s."
            )
            % {"number": roundtable.number, "edition": edition},
            field="roundtable",
        )
    if roundtable is not None and issue:
        raise DomainError(
            _(
                "A recommendation comes from one place: a session, a roundtable, a horizontal "
                "issue or the Forum as a whole. Clear the horizontal issue or the session."
            ),
            field="horizontal_issue_en",
        )
    return session, roundtable, issue


def _group(edition, session, roundtable, issue: str):
    """The recommendations numbered together with one from this origin."""
    if session is not None:
        return Recommendation.objects.filter(session=session)
    if roundtable is not None:
        return Recommendation.objects.filter(roundtable=roundtable, session__isnull=True)
    return Recommendation.objects.filter(
        edition=edition, session__isnull=True, roundtable__isnull=True, horizontal_issue_en=issue
    )


def next_number(edition, *, session=None, roundtable=None, horizontal_issue_en: str = "") -> int:
    """The number after the highest one used where the recommendation comes from."""
    highest = _group(edition, session, roundtable, horizontal_issue_en).aggregate(n=Max("number"))
    return (highest["n"] or 0) + 1


def check_number(edition, number, *, session, roundtable, issue: str, recommendation=None) -> int:
    """Numbered 1, 2, 3... once within what it comes from, as the reports number them."""
    try:
        number = int(number)
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= 999:
        raise DomainError(
            _("A recommendation number is a whole number from 1 to 999."), field="number"
        )
    clash = _group(edition, session, roundtable, issue).filter(number=number)
    if recommendation is not None:
        clash = clash.exclude(pk=recommendation.pk)
    if clash.exists():
        raise DomainError(
            _(
                "%(origin)s already has a recommendation no. %(number)d; the next free number is "
                "%(next)d."
            )
            % {
                "origin": _origin_name(session, roundtable, issue),
                "number": number,
                "next": next_number(
                    edition, session=session, roundtable=roundtable, horizontal_issue_en=issue
                ),
            },
            field="number",
        )
    return number


def _origin_name(session, roundtable, issue: str) -> str:
    if session is not None:
        return _("Session %(number)s") % {"number": session.number}
    if roundtable is not None:
        return _("Roundtable %(number)s") % {"number": roundtable.number}
    return issue or _("The Forum as a whole")


def check_reporting_edition(edition, reporting_edition):
    """A recommendation reports to a later meeting of its process ("to be reported on at the
    Manila meeting in 2008", 003 L269-L271)."""
    if reporting_edition is None:
        return None
    if (
        reporting_edition.process_id != edition.process_id
        or reporting_edition.number <= edition.number
    ):
        raise DomainError(
            _(
                "%(target)s is not a later edition of %(process)s; a recommendation of "
                "%(edition)s reports to a later one."
            )
            % {"target": reporting_edition, "process": edition.process, "edition": edition},
            field="reporting_edition",
        )
    return reporting_edition


def check_choices(level: str, horizon: str) -> None:
    if (level or "") not in Level.values:
        raise DomainError(
            _("Choose the level among: %(choices)s.")
            % {"choices": ", ".join(str(label) for value, label in Level.choices if value)},
            field="level",
        )
    if (horizon or "") not in Horizon.values:
        raise DomainError(
            _("Choose the horizon among: %(choices)s.")
            % {"choices": ", ".join(str(label) for value, label in Horizon.choices if value)},
            field="horizon",
        )


def _names(objects) -> str:
    return ", ".join(sorted(str(o) for o in objects)) or "—"


def _set_links(recommendation, links: dict) -> list[str]:
    """Set the many-to-many links given; "label: before → after" for those that changed, kept
    as the reason of the history row (history tables keep fields, not links)."""
    changes = []
    for name, new in links.items():
        if new is None:
            continue
        manager = getattr(recommendation, name)
        before = list(manager.all())
        new = list(new)
        if {o.pk for o in before} != {o.pk for o in new}:
            label = Recommendation._meta.get_field(name).verbose_name
            recommendation._change_reason = f"{label}: {_names(before)} → {_names(new)}"[:100]
            manager.set(new)
            changes.append(recommendation._change_reason)
            del recommendation._change_reason
    return changes


def _clean_text(value: str) -> str:
    return (value or "").strip()


def record_recommendation(
    edition,
    *,
    user,
    text_en: str,
    session: RoundtableSession | None = None,
    roundtable: Roundtable | None = None,
    horizontal_issue_en: str = "",
    number=None,
    level: str = "",
    horizon: str = "",
    reporting_edition=None,
    non_binding: bool = True,
    lead_states=(),
    actor_states=(),
    actor_organisations=(),
    **fields,
) -> Recommendation:
    """A new recommendation of ``edition``, numbered next where it comes from unless a number is
    given. Support Unit staff record them from the session reports (003 L7727-L7732)."""
    unknown = set(fields) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")
    text_en = _clean_text(text_en)
    if not text_en:
        raise DomainError(
            _("Write the recommendation's text as the report states it."), field="text_en"
        )
    session, roundtable, issue = check_origin(
        edition, session=session, roundtable=roundtable, horizontal_issue_en=horizontal_issue_en
    )
    check_choices(level, horizon)
    non_binding = check_non_binding(edition, non_binding)
    reporting_edition = check_reporting_edition(edition, reporting_edition)
    if number in (None, ""):
        number = next_number(
            edition, session=session, roundtable=roundtable, horizontal_issue_en=issue
        )
    number = check_number(edition, number, session=session, roundtable=roundtable, issue=issue)
    recommendation = Recommendation(
        edition=edition,
        session=session,
        roundtable=roundtable,
        horizontal_issue_en=issue,
        number=number,
        text_en=text_en,
        level=level or "",
        horizon=horizon or "",
        reporting_edition=reporting_edition,
        non_binding=non_binding,
        created_by=user if user is not None and user.is_authenticated else None,
        **{name: _clean_text(value) for name, value in fields.items()},
    )
    if user is not None and user.is_authenticated:
        recommendation._history_user = user
    try:
        with transaction.atomic():
            recommendation.save()
            _set_links(
                recommendation,
                {
                    "lead_states": lead_states,
                    "actor_states": actor_states,
                    "actor_organisations": actor_organisations,
                },
            )
    except IntegrityError:
        raise DomainError(
            _("Another recommendation took this number meanwhile; choose %(next)d.")
            % {
                "next": next_number(
                    edition, session=session, roundtable=roundtable, horizontal_issue_en=issue
                )
            },
            field="number",
        ) from None
    return recommendation


UNSET = object()


def update_recommendation(
    recommendation: Recommendation,
    *,
    user,
    session=UNSET,
    roundtable=UNSET,
    horizontal_issue_en=UNSET,
    number=UNSET,
    text_en=UNSET,
    level=UNSET,
    horizon=UNSET,
    reporting_edition=UNSET,
    non_binding=UNSET,
    lead_states=None,
    actor_states=None,
    actor_organisations=None,
    **fields,
) -> Recommendation:
    """Change a recommendation with the same checks as recording it; history keeps the
    values before and after, and the links that changed."""
    unknown = set(fields) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")
    edition = recommendation.edition

    def given(value, current):
        return current if value is UNSET else value

    # The origin is replaced as a whole when any part of it is given.
    moving = any(v is not UNSET for v in (session, roundtable, horizontal_issue_en))
    if moving:
        session = None if session is UNSET else session
        roundtable = None if roundtable is UNSET else roundtable
        horizontal_issue_en = "" if horizontal_issue_en is UNSET else horizontal_issue_en
    else:
        session, roundtable = recommendation.session, recommendation.roundtable
        horizontal_issue_en = recommendation.horizontal_issue_en
    session, roundtable, issue = check_origin(
        edition, session=session, roundtable=roundtable, horizontal_issue_en=horizontal_issue_en
    )
    moving = moving and (
        session != recommendation.session
        or roundtable != recommendation.roundtable
        or issue != recommendation.horizontal_issue_en
    )
    text_en = _clean_text(given(text_en, recommendation.text_en))
    if not text_en:
        raise DomainError(
            _("Write the recommendation's text as the report states it."), field="text_en"
        )
    level = given(level, recommendation.level) or ""
    horizon = given(horizon, recommendation.horizon) or ""
    check_choices(level, horizon)
    non_binding_value = check_non_binding(edition, given(non_binding, recommendation.non_binding))
    reporting = check_reporting_edition(
        edition, given(reporting_edition, recommendation.reporting_edition)
    )
    if number in (UNSET, None, ""):
        number = (
            recommendation.number
            if not moving
            else next_number(
                edition, session=session, roundtable=roundtable, horizontal_issue_en=issue
            )
        )
    number = check_number(
        edition,
        number,
        session=session,
        roundtable=roundtable,
        issue=issue,
        recommendation=recommendation,
    )
    recommendation.session = session
    recommendation.roundtable = roundtable
    recommendation.horizontal_issue_en = issue
    recommendation.number = number
    recommendation.text_en = text_en
    recommendation.level = level
    recommendation.horizon = horizon
    recommendation.non_binding = non_binding_value
    recommendation.reporting_edition = reporting
    for name, value in fields.items():
        setattr(recommendation, name, _clean_text(value))
    if user is not None and user.is_authenticated:
        recommendation._history_user = user
    try:
        with transaction.atomic():
            recommendation.save()
            _set_links(
                recommendation,
                {
                    "lead_states": lead_states,
                    "actor_states": actor_states,
                    "actor_organisations": actor_organisations,
                },
            )
    except IntegrityError:
        raise DomainError(
            _("Another recommendation has this number; choose another one."), field="number"
        ) from None
    return recommendation

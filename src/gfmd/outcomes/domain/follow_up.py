"""Reporting on a recommendation's follow-up.

"The governments could take the lead in forming follow-up working groups in order to take
action on specific recommendations reached in Brussels ... under the lead of one or two
governments" (003 L9049-L9055); "governments and institutions would brief the Friends of the
Forum, the Steering Group and the Troika at regular intervals" (L9089-L9094); "The role of the
Forum focal points will be critical to achieving this at all levels" (L9100-L9101). So a
National Focal Point reports for a state that leads the recommendation, and the Support Unit,
which keeps the records of the process (003 L9600-L9604), reports for anyone.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.governance.domain.roles import roles_of
from gfmd.governance.rules import can_administer_edition
from gfmd.library.enums import AccessLevel

from ..enums import COMPLETE, FollowUpStatus
from ..models import FollowUp, Recommendation


def summit_start_of(edition) -> datetime.date:
    """The first day a follow-up report may bear: the first day of the edition's Summit, or
    1 January of its year when the Summit has no date in the sources."""
    return edition.summit_start or datetime.date(edition.year, 1, 1)


def check_date(recommendation: Recommendation, reported_on, *, today=None) -> datetime.date:
    """A report follows the Summit that made the recommendation and is not dated in the
    future."""
    if not isinstance(reported_on, datetime.date):
        raise DomainError(_("Give the date of the report (YYYY-MM-DD)."), field="reported_on")
    edition = recommendation.edition
    first_day = summit_start_of(edition)
    if reported_on < first_day:
        raise DomainError(
            _(
                "The report is dated %(date)s, before the Summit of %(edition)s "
                "(%(summit)s) that made this recommendation; date it on or after that day."
            )
            % {
                "date": reported_on.isoformat(),
                "edition": edition,
                "summit": first_day.isoformat(),
            },
            field="reported_on",
        )
    today = today or timezone.localdate()
    if reported_on > today:
        raise DomainError(
            _("A report cannot be dated in the future (after %(today)s).")
            % {"today": today.isoformat()},
            field="reported_on",
        )
    return reported_on


def check_status_and_progress(status: str, progress) -> tuple[str, int]:
    """The status is one of proposed, in progress, implemented, not pursued; progress a whole
    percentage from 0 to 100; "implemented" is 100 % and 100 % is "implemented" (or not pursued
    any more)."""
    if status not in FollowUpStatus.values:
        raise DomainError(
            _("Choose the status among: %(choices)s.")
            % {"choices": ", ".join(str(label) for label in FollowUpStatus.labels)},
            field="status",
        )
    if progress in (None, ""):
        raise DomainError(_("Give the progress as a percentage from 0 to 100."), field="progress")
    try:
        progress = int(progress)
    except (TypeError, ValueError):
        progress = -1
    if not 0 <= progress <= COMPLETE:
        raise DomainError(_("Progress is a whole percentage from 0 to 100."), field="progress")
    if status == FollowUpStatus.IMPLEMENTED and progress < COMPLETE:
        raise DomainError(
            _(
                "“Implemented” means %(complete)d %%: give %(complete)d, or choose “in "
                "progress” for %(progress)d %%."
            )
            % {"complete": COMPLETE, "progress": progress},
            field="status",
        )
    if progress == COMPLETE and status in (FollowUpStatus.PROPOSED, FollowUpStatus.IN_PROGRESS):
        raise DomainError(
            _(
                "At %(complete)d %% the recommendation is implemented: choose “implemented”, or "
                "give a lower figure."
            )
            % {"complete": COMPLETE},
            field="progress",
        )
    return status, progress


def reporting_state_for(user, recommendation: Recommendation, state=None):
    """The state a report is made for. Support Unit staff of the edition (and platform
    operators) may report for any state or for none; a National Focal Point reports for a
    state they are focal point of that leads the recommendation (003 L9049-L9055)."""
    leads = list(recommendation.lead_states.all())
    if can_administer_edition(user, recommendation.edition):
        return state
    own = roles_of(user).focal_point_state_ids
    if state is not None:
        if state.pk not in own:
            raise DomainError(
                _("You are not the focal point of %(state)s; report for your own state.")
                % {"state": state},
                field="reporting_state",
            )
        if state.pk not in {lead.pk for lead in leads}:
            raise DomainError(_not_a_lead_message(state, leads), field="reporting_state")
        return state
    if not own:
        raise DomainError(
            _(
                "Only a focal point of a lead government, or Support Unit staff of %(edition)s, "
                "reports on this recommendation."
            )
            % {"edition": recommendation.edition},
            field="reporting_state",
        )
    mine = [lead for lead in leads if lead.pk in own]
    if len(mine) == 1:
        return mine[0]
    if len(mine) > 1:
        raise DomainError(
            _("Several of your states lead this recommendation; choose the one you report for."),
            field="reporting_state",
        )
    from gfmd.directory.models import State

    states = list(State.objects.filter(pk__in=own).order_by("name_en"))
    raise DomainError(
        _not_a_lead_message(states[0] if len(states) == 1 else None, leads, states),
        field="reporting_state",
    )


def _not_a_lead_message(state, leads, states=()) -> str:
    names = ", ".join(str(lead) for lead in leads)
    who = str(state) if state is not None else ", ".join(str(s) for s in states)
    if not leads:
        return _(
            "No government leads this recommendation, so only the Support Unit reports on it. "
            "If %(state)s takes it forward, ask the Support Unit to record %(state)s as a lead "
            "government."
        ) % {"state": who}
    return _(
        "%(state)s does not lead this recommendation; its lead governments are %(leads)s. Report "
        "on a recommendation %(state)s leads, or ask the Support Unit to record %(state)s as a "
        "lead government."
    ) % {"state": who, "leads": names}


def check_links(recommendation: Recommendation, *, working_group, document, later_session):
    """What carries the follow-up: a working group of the same process, a public library
    document (reports are published to everyone) or a session of a later edition (the
    Forum's thematic continuity, 003 L9108-L9121)."""
    edition = recommendation.edition
    if working_group is not None and working_group.process_id != edition.process_id:
        raise DomainError(
            _("%(group)s works in another process; choose a working group of %(process)s.")
            % {"group": working_group, "process": edition.process},
            field="working_group",
        )
    if document is not None and document.access_level != AccessLevel.PUBLIC:
        # The title is not repeated: the reporter may not be allowed to read the document.
        raise DomainError(
            _(
                "This document is not public, and a follow-up report is published to everyone: "
                "link a public document, or ask the library to publish it first."
            ),
            field="document",
        )
    if later_session is not None:
        later = later_session.edition
        if later.process_id != edition.process_id or later.number <= edition.number:
            raise DomainError(
                _(
                    "Session %(number)s belongs to %(later)s; a follow-up is taken up in a "
                    "session of an edition after %(edition)s."
                )
                % {"number": later_session.number, "later": later, "edition": edition},
                field="later_session",
            )


def report_follow_up(
    recommendation: Recommendation,
    *,
    user,
    reported_on,
    status: str,
    progress,
    text_en: str,
    text_fr: str = "",
    text_es: str = "",
    reporting_state=None,
    working_group=None,
    document=None,
    later_session=None,
    today=None,
) -> FollowUp:
    """A dated report on ``recommendation``: its status and progress, what was done, and what
    carries it. Every refusal names the field and says what to do; nothing is saved then."""
    text_en = (text_en or "").strip()
    reported_on = check_date(recommendation, reported_on, today=today)
    status, progress = check_status_and_progress(status, progress)
    if not text_en:
        raise DomainError(
            _("Say what was done, with whom and where: the report is published."),
            field="text_en",
        )
    state = reporting_state_for(user, recommendation, reporting_state)
    check_links(
        recommendation, working_group=working_group, document=document, later_session=later_session
    )
    follow_up = FollowUp(
        recommendation=recommendation,
        reported_on=reported_on,
        status=status,
        progress=progress,
        text_en=text_en,
        text_fr=(text_fr or "").strip(),
        text_es=(text_es or "").strip(),
        reporting_state=state,
        working_group=working_group,
        document=document,
        later_session=later_session,
        author=user if user is not None and user.is_authenticated else None,
    )
    if user is not None and user.is_authenticated:
        follow_up._history_user = user
    with transaction.atomic():
        follow_up.save()
    return follow_up

"""Rules of the concept paper: numbering, continuity of topics, near-duplicate questions."""

import re
from difflib import SequenceMatcher

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gfmd.common.errors import DomainError
from gfmd.governance.domain.checks import RuleWarning

from ..models import GuidingQuestion, Roundtable, RoundtableSession, Theme

SOURCE_NEW_TOPICS = "003 L9116-L9121"
SOURCE_NUMBERING = "002 L2779-L2867; 001 L137-L162"
SESSION_NUMBER = re.compile(r"^\d{1,2}(\.\d{1,2})?$")
MAX_NEW_TOPICS = 2
# Two questions that overlap this much are worth a second look (2018 RT 3.2 Q1/Q2).
NEAR_DUPLICATE_RATIO = 0.8


def check_session_number(roundtable: Roundtable, number: str) -> str:
    """A session number is "theme.position" and starts with its roundtable's number, as the GFMD
    numbers them ("1.1" in roundtable 1 in 2010; roundtable 1.1 is session 1.1 in 2018)."""
    number = (number or "").strip()
    if not SESSION_NUMBER.match(number):
        raise DomainError(
            _("“%(number)s” is not a session number; write it as the GFMD does, e.g. 1.1.")
            % {"number": number[:12]},
            field="number",
        )
    theme_number = str(roundtable.theme.number)
    if number.split(".")[0] != theme_number or not (
        number == roundtable.number or number.startswith(f"{roundtable.number}.")
    ):
        raise DomainError(
            _("Session %(number)s cannot belong to roundtable %(roundtable)s of theme %(theme)s.")
            % {"number": number, "roundtable": roundtable.number, "theme": theme_number},
            field="number",
        )
    return number


def create_session(
    *,
    roundtable: Roundtable,
    number: str,
    title_en: str,
    sdg_targets=None,
    gcm_objectives=None,
    builds_on=None,
    **fields,
):
    """A new draft session; its number is checked and unique within the edition."""
    number = check_session_number(roundtable, number)
    if not (title_en or "").strip():
        raise DomainError(_("Give the session a title."), field="title_en")
    if RoundtableSession.objects.filter(edition_id=roundtable.edition_id, number=number).exists():
        raise DomainError(
            _("This edition already has a session %(number)s.") % {"number": number},
            field="number",
        )
    session = RoundtableSession(
        edition_id=roundtable.edition_id, roundtable=roundtable, number=number
    )
    _assign(session, {"title_en": title_en, **fields}, SESSION_FIELDS)
    earlier = check_builds_on(roundtable.edition, builds_on) if builds_on else []
    try:
        with transaction.atomic():
            session.save()
            _tag_changes(session, {"sdg_targets": sdg_targets, "gcm_objectives": gcm_objectives})
            if earlier:
                session.builds_on.set(earlier)
            return session
    except IntegrityError:
        raise DomainError(
            _("This edition already has a session %(number)s.") % {"number": number},
            field="number",
        ) from None


def check_new_topics(sessions: list[RoundtableSession], has_earlier_edition: bool) -> list:
    """Agendas build on topics already addressed plus "one or two new topics" (003 L9116-L9121):
    more than two sessions that build on no earlier session is a warning, not a block."""
    if not has_earlier_edition:
        return []
    new = [s for s in sessions if not s.builds_on.all()]
    if len(new) <= MAX_NEW_TOPICS:
        return []
    message = ngettext(
        "%(count)d session builds on no earlier session; the agenda should add one or two new "
        "topics to those already addressed: %(numbers)s.",
        "%(count)d sessions build on no earlier session; the agenda should add one or two new "
        "topics to those already addressed: %(numbers)s.",
        len(new),
    ) % {"count": len(new), "numbers": ", ".join(s.number for s in new)}
    return [RuleWarning("too_many_new_topics", message, SOURCE_NEW_TOPICS)]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def similarity(first: str, second: str) -> float:
    """How much of the shorter question the longer one repeats, word by word in order (0 to 1):
    a question restated inside a longer one counts as a near-duplicate."""
    a, b = _words(first), _words(second)
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    return same / min(len(a), len(b))


def near_duplicate_questions(questions: list[GuidingQuestion]) -> list[tuple]:
    """Pairs of guiding questions of a session that say nearly the same thing."""
    pairs = []
    for index, first in enumerate(questions):
        for second in questions[index + 1 :]:
            if similarity(first.text_en, second.text_en) >= NEAR_DUPLICATE_RATIO:
                pairs.append((first, second))
    return pairs


def check_guiding_questions(questions: list[GuidingQuestion]) -> list[RuleWarning]:
    return [
        RuleWarning(
            "near_duplicate_questions",
            _("Guiding questions %(first)d and %(second)d are nearly the same.")
            % {"first": first.position, "second": second.position},
            _("editorial check"),
        )
        for first, second in near_duplicate_questions(questions)
    ]


# Writing the concept paper: themes, roundtables, sessions and their guiding questions -------
# The web forms (views/editing.py) and the API (api/preparation.py) call these same functions.

ROUNDTABLE_NUMBER = re.compile(r"^\d{1,2}(\.\d{1,2})?$")
SESSION_FIELDS = (
    "title_en",
    "title_fr",
    "title_es",
    "description_en",
    "expected_outcomes_en",
    "expected_outcomes_fr",
    "expected_outcomes_es",
    "human_rights",
    "gender",
    "whole_of_government",
    "whole_of_society",
    "continuity_note",
)
THEME_FIELDS = ("title_en", "title_fr", "title_es", "description_en")
ROUNDTABLE_FIELDS = ("title_en", "title_fr", "title_es")
QUESTION_FIELDS = ("text_en", "text_fr", "text_es")


def _require_title(fields: dict, message) -> None:
    if "title_en" in fields and not (fields["title_en"] or "").strip():
        raise DomainError(message, field="title_en")


def _assign(instance, fields: dict, allowed: tuple) -> None:
    for name, value in fields.items():
        if name not in allowed:
            raise DomainError(_("“%(name)s” cannot be changed here.") % {"name": name}, field=name)
        setattr(instance, name, value.strip() if isinstance(value, str) else value)


def _names(objects) -> str:
    return ", ".join(sorted(str(o) for o in objects)) or "—"


def _tag_changes(instance, tags: dict) -> list[str]:
    """Set many-to-many tags; returns "label: before → after" for those that changed, so the
    change can be written into the record's history (history tables keep fields, not links)."""
    changes = []
    for name, new in tags.items():
        if new is None:
            continue
        manager = getattr(instance, name)
        before = list(manager.all())
        new = list(new)
        if {o.pk for o in before} != {o.pk for o in new}:
            manager.set(new)
            label = instance._meta.get_field(name).verbose_name
            changes.append(f"{label}: {_names(before)} → {_names(new)}")
    return changes


def _save_with_reason(instance, reasons: list[str]) -> None:
    if reasons:
        instance._change_reason = "; ".join(reasons)[:100]
    instance.save()


def check_theme_number(edition, number, *, theme=None) -> int:
    """Themes are numbered 1, 2, 3... once in an edition; their numbers lead those of their
    roundtables and sessions (002 L2779-L2867; 001 L137-L162)."""
    try:
        number = int(number)
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= 99:
        raise DomainError(_("A theme number is a whole number from 1 to 99."), field="number")
    clash = Theme.objects.filter(edition=edition, number=number)
    if theme is not None:
        clash = clash.exclude(pk=theme.pk)
    if clash.exists():
        raise DomainError(
            _("This edition already has a theme %(number)d.") % {"number": number}, field="number"
        )
    return number


def create_theme(
    *, edition, number, title_en: str, sdg_targets=None, gcm_objectives=None, **fields
):
    """A new theme of an edition's concept paper."""
    _require_title({"title_en": title_en}, _("Give the theme an English title."))
    number = check_theme_number(edition, number)
    theme = Theme(edition=edition, number=number)
    _assign(theme, {"title_en": title_en, **fields}, THEME_FIELDS)
    try:
        with transaction.atomic():
            theme.save()
            _tag_changes(theme, {"sdg_targets": sdg_targets, "gcm_objectives": gcm_objectives})
    except IntegrityError:
        raise DomainError(
            _("This edition already has a theme %(number)d.") % {"number": number}, field="number"
        ) from None
    return theme


def update_theme(theme, *, number=None, sdg_targets=None, gcm_objectives=None, **fields):
    """Change a theme; its number only while no roundtable hangs from it."""
    _require_title(fields, _("Give the theme an English title."))
    with transaction.atomic():
        locked = Theme.objects.select_for_update().get(pk=theme.pk)
        if number is not None and int(number or 0) != locked.number:
            number = check_theme_number(locked.edition, number, theme=locked)
            if locked.roundtables.exists():
                raise DomainError(
                    _(
                        "Theme %(number)d has roundtables numbered after it; renumber a theme "
                        "only before adding its roundtables."
                    )
                    % {"number": locked.number},
                    field="number",
                )
            locked.number = number
        _assign(locked, fields, THEME_FIELDS)
        reasons = _tag_changes(
            locked, {"sdg_targets": sdg_targets, "gcm_objectives": gcm_objectives}
        )
        _save_with_reason(locked, reasons)
    return locked


def check_roundtable_number(theme, number: str, *, roundtable=None) -> str:
    """A roundtable is numbered under its theme: "1" (2007, 2010) or "1.1" (2018) in theme 1,
    once in an edition."""
    number = (number or "").strip()
    if not ROUNDTABLE_NUMBER.match(number):
        raise DomainError(
            _("“%(number)s” is not a roundtable number; write it as the GFMD does, e.g. 1 or 1.1.")
            % {"number": number[:12]},
            field="number",
        )
    if number.split(".")[0] != str(theme.number):
        raise DomainError(
            _(
                "Roundtable %(number)s cannot belong to theme %(theme)d; its number starts with "
                "the theme's."
            )
            % {"number": number, "theme": theme.number},
            field="number",
        )
    clash = Roundtable.objects.filter(edition_id=theme.edition_id, number=number)
    if roundtable is not None:
        clash = clash.exclude(pk=roundtable.pk)
    if clash.exists():
        raise DomainError(
            _("This edition already has a roundtable %(number)s.") % {"number": number},
            field="number",
        )
    return number


def create_roundtable(*, theme, number: str, title_en: str, **fields):
    _require_title({"title_en": title_en}, _("Give the roundtable an English title."))
    number = check_roundtable_number(theme, number)
    roundtable = Roundtable(edition_id=theme.edition_id, theme=theme, number=number)
    _assign(roundtable, {"title_en": title_en, **fields}, ROUNDTABLE_FIELDS)
    try:
        with transaction.atomic():
            roundtable.save()
    except IntegrityError:
        raise DomainError(
            _("This edition already has a roundtable %(number)s.") % {"number": number},
            field="number",
        ) from None
    return roundtable


def update_roundtable(roundtable, *, theme=None, number=None, **fields):
    """Change a roundtable; a new number or theme must still fit every session under it."""
    _require_title(fields, _("Give the roundtable an English title."))
    with transaction.atomic():
        locked = (
            Roundtable.objects.select_for_update().select_related("theme").get(pk=roundtable.pk)
        )
        theme = theme or locked.theme
        if theme.edition_id != locked.edition_id:
            raise DomainError(_("Choose a theme of the same edition."), field="theme")
        number = locked.number if number is None else number
        if theme.pk != locked.theme_id or number.strip() != locked.number:
            number = check_roundtable_number(theme, number, roundtable=locked)
            locked.theme, locked.number = theme, number
            misfits = []
            for session in locked.sessions.all():
                try:
                    check_session_number(locked, session.number)
                except DomainError:
                    misfits.append(session.number)
            if misfits:
                raise DomainError(
                    _(
                        "Sessions %(numbers)s would no longer fit roundtable %(number)s; renumber "
                        "them first."
                    )
                    % {"numbers": ", ".join(misfits), "number": number},
                    field="number",
                )
        _assign(locked, fields, ROUNDTABLE_FIELDS)
        locked.save()
    return locked


def check_builds_on(session_edition, earlier) -> list:
    """Continuity links point to sessions of earlier editions of the same process: an agenda
    builds on "topics already addressed" at earlier meetings (003 L9116-L9121)."""
    earlier = list(earlier or [])
    for other in earlier:
        if other.edition.process_id != session_edition.process_id or not (
            other.edition.year < session_edition.year
        ):
            raise DomainError(
                _(
                    "Session %(number)s of %(year)d is not a session of an earlier edition of "
                    "this process."
                )
                % {"number": other.number, "year": other.edition.year},
                field="builds_on",
            )
    return earlier


def _session_labels(sessions) -> str:
    return ", ".join(sorted(f"{s.edition.year} {s.number}" for s in sessions)) or "—"


def update_session(
    session,
    *,
    roundtable=None,
    number=None,
    sdg_targets=None,
    gcm_objectives=None,
    builds_on=None,
    **fields,
):
    """Change a session: its number stays unique within the edition and under its roundtable;
    tag and continuity changes are written into its history."""
    _require_title(fields, _("Give the session a title."))
    with transaction.atomic():
        locked = (
            RoundtableSession.objects.select_for_update()
            .select_related("edition", "roundtable__theme")
            .get(pk=session.pk)
        )
        roundtable = roundtable or locked.roundtable
        if roundtable.edition_id != locked.edition_id:
            raise DomainError(_("Choose a roundtable of the same edition."), field="roundtable")
        number = locked.number if number is None else number
        if roundtable.pk != locked.roundtable_id or number.strip() != locked.number:
            number = check_session_number(roundtable, number)
            clash = RoundtableSession.objects.filter(edition_id=locked.edition_id, number=number)
            if clash.exclude(pk=locked.pk).exists():
                raise DomainError(
                    _("This edition already has a session %(number)s.") % {"number": number},
                    field="number",
                )
            locked.roundtable, locked.number = roundtable, number
        _assign(locked, fields, SESSION_FIELDS)
        reasons = _tag_changes(
            locked, {"sdg_targets": sdg_targets, "gcm_objectives": gcm_objectives}
        )
        if builds_on is not None:
            earlier = check_builds_on(locked.edition, builds_on)
            before = list(locked.builds_on.select_related("edition"))
            if {s.pk for s in before} != {s.pk for s in earlier}:
                locked.builds_on.set(earlier)
                reasons.append(
                    _("builds on: %(before)s → %(after)s")
                    % {"before": _session_labels(before), "after": _session_labels(earlier)}
                )
        try:
            _save_with_reason(locked, reasons)
        except IntegrityError:
            raise DomainError(
                _("This edition already has a session %(number)s.") % {"number": locked.number},
                field="number",
            ) from None
    return locked


def save_guiding_questions(session, rows: list[dict]) -> list[GuidingQuestion]:
    """Replace a session's guiding questions by ``rows`` in their order: each row is
    {"id": an existing question's id or None, "text_en", "text_fr", "text_es", "sdg_goals",
    "gcm_guiding_principles"}; questions left out are removed. Existing questions keep their
    history (a move shows as a change of position)."""
    for index, row in enumerate(rows, 1):
        if not (row.get("text_en") or "").strip():
            raise DomainError(
                _("Question %(n)d needs an English text.") % {"n": index}, field="questions"
            )
    with transaction.atomic():
        RoundtableSession.objects.select_for_update().filter(pk=session.pk).get()
        existing = {q.pk: q for q in session.guiding_questions.all()}
        unknown = [row["id"] for row in rows if row.get("id") and row["id"] not in existing]
        if unknown:
            raise DomainError(
                _("Some questions are no longer in this session; reload the page."),
                field="questions",
            )
        kept = {row["id"] for row in rows if row.get("id")}
        for question in existing.values():
            if question.pk not in kept:
                question.delete()
        # Move the kept questions out of the way first (no history for this step), so that the
        # positions can be reassigned without breaking "one question per position".
        offset = 1000
        GuidingQuestion.objects.filter(pk__in=kept).update(position=models.F("position") + offset)
        saved = []
        for position, row in enumerate(rows, 1):
            question = existing.get(row.get("id")) or GuidingQuestion(session=session)
            question.position = position
            _assign(question, {k: row.get(k, "") or "" for k in QUESTION_FIELDS}, QUESTION_FIELDS)
            created = question.pk is None
            if created:
                question.save()
            reasons = _tag_changes(
                question,
                {
                    "sdg_goals": row.get("sdg_goals"),
                    "gcm_guiding_principles": row.get("gcm_guiding_principles"),
                },
            )
            if not created:
                _save_with_reason(question, reasons)
            saved.append(question)
    return saved

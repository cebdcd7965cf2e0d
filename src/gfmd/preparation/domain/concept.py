"""Rules of the concept paper: numbering, continuity of topics, near-duplicate questions."""

import re
from difflib import SequenceMatcher

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gfmd.common.errors import DomainError
from gfmd.governance.domain.checks import RuleWarning

from ..models import GuidingQuestion, Roundtable, RoundtableSession

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


def create_session(*, roundtable: Roundtable, number: str, title_en: str, **fields):
    """A new draft session; its number is checked and unique within the edition."""
    number = check_session_number(roundtable, number)
    if not (title_en or "").strip():
        raise DomainError(_("Give the session a title."), field="title_en")
    if RoundtableSession.objects.filter(edition_id=roundtable.edition_id, number=number).exists():
        raise DomainError(
            _("This edition already has a session %(number)s.") % {"number": number},
            field="number",
        )
    try:
        with transaction.atomic():
            return RoundtableSession.objects.create(
                edition_id=roundtable.edition_id,
                roundtable=roundtable,
                number=number,
                title_en=title_en.strip(),
                **fields,
            )
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

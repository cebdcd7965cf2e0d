"""Where recommendations stand, and how progress rolls up per session, roundtable and edition.

The sources ask for follow-up and reporting ("Most of the outcomes deriving from the roundtable
discussions will require follow-up action in the next 12 months and will be reported on at the
Manila meeting in 2008", 003 L269-L271; "The results of actions taken and initial achievements
could be reported to the second Forum meeting in Manila", L9059-L9061) but give no measure. The
platform's measure, after Decidim's results whose progress rolls up to their parents
(../shared/domain/peer-systems.md §8.2 item 7), is stated in docs/outcomes.md, "Choices":

- a recommendation's status and progress are those of its latest report (by date, then by the
  order of recording); without a report it is "proposed" at 0 %;
- a group's progress is the mean of its children's progress (a roundtable's children are its
  sessions and the recommendations of the roundtable as a whole; an edition's are its
  roundtables, its horizontal issues and the recommendations of the Forum as a whole), so a
  session counts once however many recommendations it made;
- "not pursued" recommendations, and reports taken from a source that gives no figure, are
  counted by status but left out of the mean.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..enums import COMPLETE, OUT_OF_THE_MEAN, FollowUpStatus


@dataclass(frozen=True)
class Standing:
    """Where one recommendation stands: its latest report's status, progress and date."""

    status: str
    progress: int | None
    reported_on: object = None
    report_count: int = 0

    @property
    def reported(self) -> bool:
        return self.report_count > 0

    @property
    def label(self) -> str:
        return str(FollowUpStatus(self.status).label)


NOT_REPORTED = Standing(FollowUpStatus.PROPOSED, 0)


def standing_of(follow_ups: Iterable) -> Standing:
    """The latest report decides: ordered by date, then by the order it was recorded in.

    ``follow_ups`` are FollowUp records (or anything with ``reported_on``, ``pk``, ``status``
    and ``progress``), in any order."""
    reports = list(follow_ups)
    if not reports:
        return NOT_REPORTED
    latest = max(reports, key=lambda report: (report.reported_on, report.pk or 0))
    return Standing(latest.status, latest.progress, latest.reported_on, len(reports))


@dataclass(frozen=True)
class Progress:
    """Progress of a group: the mean of its children's progress (None when no child has a
    figure) and, over every recommendation below it, how many are at each status."""

    percent: float | None
    counts: dict = field(default_factory=dict)
    total: int = 0
    not_reported: int = 0
    without_figure: int = 0

    @property
    def rounded(self) -> int | None:
        return None if self.percent is None else int(round(self.percent))

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)

    @property
    def by_status(self) -> list[tuple[str, str, int]]:
        """(value, label, count) for every status, in the vocabulary's order."""
        return [(value, label, self.count(value)) for value, label in FollowUpStatus.choices]


def progress_of(standing: Standing) -> Progress:
    """One recommendation as a leaf of the roll-up."""
    in_the_mean = standing.status not in OUT_OF_THE_MEAN and standing.progress is not None
    return Progress(
        percent=float(standing.progress) if in_the_mean else None,
        counts={standing.status: 1},
        total=1,
        not_reported=0 if standing.reported else 1,
        without_figure=1 if standing.progress is None else 0,
    )


def roll_up(children: Iterable[Progress]) -> Progress:
    """A group's progress: the mean of its children's (those with a figure), and the sum of
    their counts. A group without children, or whose children have no figure, has none."""
    children = list(children)
    figures = [child.percent for child in children if child.percent is not None]
    counts: dict[str, int] = {}
    for child in children:
        for status, number in child.counts.items():
            counts[status] = counts.get(status, 0) + number
    return Progress(
        percent=sum(figures) / len(figures) if figures else None,
        counts=counts,
        total=sum(child.total for child in children),
        not_reported=sum(child.not_reported for child in children),
        without_figure=sum(child.without_figure for child in children),
    )


def is_complete(progress: int | None) -> bool:
    return progress == COMPLETE

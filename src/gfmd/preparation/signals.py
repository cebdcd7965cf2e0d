"""Keep each background paper's team in the library in step with its session's team and roles.

A team membership or a session role can change through the decision form, the API, the admin or
a later editing page; a signal here catches every save and deletion, so none of them has to
remember (docs/preparation.md, "Background papers"). Bulk writes send no signal: the source
loader calls ``sync_paper_team`` itself after loading."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import RoundtableSession, SessionRole, TeamMembership


def _sync_sessions(session_ids) -> None:
    from .domain.papers import sync_paper_team
    from .models import BackgroundPaper

    for paper in BackgroundPaper.objects.filter(session_id__in=session_ids).select_related(
        "session"
    ):
        sync_paper_team(paper.session)


@receiver(post_save, sender=TeamMembership)
@receiver(post_delete, sender=TeamMembership)
def team_membership_changed(sender, instance, **kwargs) -> None:
    _sync_sessions([instance.session_id])


@receiver(post_save, sender=SessionRole)
@receiver(post_delete, sender=SessionRole)
def session_role_changed(sender, instance, **kwargs) -> None:
    if instance.session_id:
        _sync_sessions([instance.session_id])
    elif instance.roundtable_id:
        _sync_sessions(
            RoundtableSession.objects.filter(roundtable_id=instance.roundtable_id).values("id")
        )

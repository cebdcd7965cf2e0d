from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SummitConfig(AppConfig):
    name = "gfmd.summit"
    label = "summit"
    verbose_name = _("Summit")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # A registered delegate takes part in the edition: the library reads documents for
        # "participants of the edition" through this source and never imports the Summit.
        from gfmd.library.domain.access import register_participation_source

        from .domain.queries import editions_taken_part_in

        register_participation_source(editions_taken_part_in)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreparationConfig(AppConfig):
    name = "gfmd.preparation"
    label = "preparation"
    verbose_name = _("Preparing a Forum")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the background papers' team sync)

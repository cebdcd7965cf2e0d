from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "gfmd.finance"
    label = "finance"
    verbose_name = _("Funding")
    default_auto_field = "django.db.models.BigAutoField"

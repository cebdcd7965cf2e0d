from django.db import models
from django.utils.translation import gettext_lazy as _


class UNStatus(models.TextChoices):
    MEMBER = "member", _("UN Member State")
    OBSERVER = "observer", _("UN Observer State")


class DevelopmentStatus(models.TextChoices):
    """The classification the GFMD uses for chair alternation (003 L9547-L9548)."""

    DEVELOPING = "developing", _("developing")
    DEVELOPED = "developed", _("developed")


class OrganisationType(models.TextChoices):
    UN_AGENCY = "un_agency", _("UN agency or programme")
    OTHER_IGO = "other_igo", _("other intergovernmental organisation")
    REGIONAL_ORGANISATION = "regional_organisation", _("regional organisation")
    REGIONAL_CONSULTATIVE_PROCESS = (
        "regional_consultative_process",
        _("regional consultative process"),
    )
    CIVIL_SOCIETY = "civil_society", _("civil society organisation")
    FOUNDATION = "foundation", _("foundation")
    PRIVATE_SECTOR = "private_sector", _("private sector")
    ACADEMIA = "academia", _("academia")
    LOCAL_AUTHORITY = "local_authority", _("local or regional authority")
    MEDIA = "media", _("media")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")

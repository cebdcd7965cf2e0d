from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError

from ..models import State


def state_by_iso3(code: str, *, field: str = "state") -> State:
    """The UN Member or Observer State with this ISO 3166 alpha-3 code.

    The Forum is "open to all States Members and Observers of the United Nations"
    (Operating Modalities, 003 L9510-L9513): other ISO territories are refused.
    """
    code = (code or "").strip().upper()
    try:
        return State.objects.get(iso3=code)
    except State.DoesNotExist:
        raise DomainError(
            _(
                "%(code)s is not a UN Member or Observer State. Use the ISO 3166 alpha-3 code of "
                "one of the 193 Member States or 2 Observer States (for example MEX)."
            )
            % {"code": code or "''"},
            field=field,
        ) from None

from django.conf import settings
from django.contrib.auth.backends import ModelBackend


class AccountBackend(ModelBackend):
    """E-mail and password; demo accounts only in demo mode."""

    def user_can_authenticate(self, user) -> bool:
        if getattr(user, "is_demo_account", False) and not settings.GFMD_DEMO:
            return False
        return super().user_can_authenticate(user)

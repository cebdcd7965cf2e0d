from django.conf import settings
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


class AccountTokenAuthentication(TokenAuthentication):
    """API tokens; a demo account's token works only in demo mode."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if user.is_demo_account and not settings.GFMD_DEMO:
            raise exceptions.AuthenticationFailed("Demo accounts work only in demo mode.")
        return user, token

"""Errors are JSON with field names and messages; bad input is a 4xx, never a 500."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from gfmd.common.errors import DomainError


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        return Response({"errors": exc.as_dict()}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        errors = (
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
        return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, IntegrityError):
        return Response(
            {"errors": {"non_field_errors": ["This conflicts with a record that already exists."]}},
            status=status.HTTP_409_CONFLICT,
        )
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "errors" not in response.data:
        if "detail" in response.data and len(response.data) == 1:
            response.data = {"errors": {"non_field_errors": [str(response.data["detail"])]}}
        else:
            response.data = {"errors": response.data}
    elif response is not None and isinstance(response.data, list):
        response.data = {"errors": {"non_field_errors": response.data}}
    return response

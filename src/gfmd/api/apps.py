from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "gfmd.api"
    label = "api"
    verbose_name = "API"

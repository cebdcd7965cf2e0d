from django.conf import settings


def platform(request):
    return {"GFMD_DEMO": settings.GFMD_DEMO}

from django.conf import settings


def platform(request):
    """Demo flag, and the current address without its language prefix (for the switcher)."""
    path = request.get_full_path()
    prefixes = {f"/{code}/" for code, _name in settings.LANGUAGES}
    if path[:4] in prefixes:
        path = path[3:]
    return {"GFMD_DEMO": settings.GFMD_DEMO, "path_without_language": path}

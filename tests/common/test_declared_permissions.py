"""Every URL pattern and API operation declares the permission it needs (STYLE.md)."""

from django.urls import URLPattern, URLResolver, get_resolver

# Views that are not ours and are gated otherwise: Django's admin (GFMDAdminSite.has_permission
# gates every admin URL) and Django's language switcher (sets only the visitor's own language).
EXEMPT_ROUTES = ("admin/", "i18n/setlang/")


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def declared(callback) -> bool:
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view is None:
        return getattr(callback, "permission_required", None) is not None
    return getattr(view, "permission_required", None) not in (None, "", {})


def test_every_view_declares_a_permission():
    missing = []
    for route, callback in walk(get_resolver().url_patterns):
        owner = getattr(callback, "__module__", "")
        if route.startswith(EXEMPT_ROUTES):
            continue
        if not declared(callback):
            missing.append(f"{route} ({owner})")
    assert missing == []


def test_every_api_method_has_a_declared_permission():
    from rest_framework.views import APIView

    gaps = []
    for route, callback in walk(get_resolver().url_patterns):
        view = getattr(callback, "cls", None)
        if view is None or not issubclass(view, APIView):
            continue
        required = view.permission_required
        if isinstance(required, dict):
            methods = {m.upper() for m in view.http_method_names if hasattr(view, m)} - {
                "OPTIONS",
                "HEAD",
            }
            gaps += [f"{route} {m}" for m in methods if m not in required]
    assert gaps == []


def test_walker_detects_a_view_without_permission():
    from django.views.generic import TemplateView

    class Undeclared(TemplateView):
        pass

    assert not declared(Undeclared.as_view())

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from gfmd.governance.views import HomeView
from gfmd.library.urls import archive_patterns

urlpatterns = [
    path("api/v1/", include("gfmd.api.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    # Permanent addresses of documents: the same in every language (issue 3).
    path("documents/", include("gfmd.library.urls")),
]
urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("accounts/", include("gfmd.accounts.urls")),
    path("", include("gfmd.directory.urls")),
    path("", include("gfmd.governance.urls")),
    path("marketplace/", include("gfmd.marketplace.urls")),
    path("", include("gfmd.preparation.urls")),
    path("", include("gfmd.summit.urls")),
    path("", include("gfmd.outcomes.urls")),
    path("", include("gfmd.finance.urls")),
    path("reference/", include("gfmd.reference.urls")),
    path("", include(archive_patterns)),
    prefix_default_language=True,
)

if settings.DEBUG:  # pragma: no cover - media files in development only
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

from django.urls import path, register_converter

from . import views


class VersionConverter:
    regex = r"v[0-9]+"

    def to_python(self, value):
        return int(value[1:])

    def to_url(self, value):
        return f"v{value}"


class LanguageConverter:
    regex = r"[a-z]{2,3}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(VersionConverter, "version")
register_converter(LanguageConverter, "lang")

app_name = "library"
base = "<slug:process>/<int:year>/<slug:type>/<slug:slug>/"
urlpatterns = [
    path("", views.LibraryView.as_view(), name="library"),
    path("<slug:process>/new/", views.DocumentCreateView.as_view(), name="create"),
    path(base, views.DocumentView.as_view(), name="document"),
    path(base + "new-version/", views.VersionCreateView.as_view(), name="add_version"),
    path(base + "rename/", views.RenameView.as_view(), name="rename"),
    path(base + "<version:number>/", views.VersionView.as_view(), name="version"),
    path(
        base + "<version:number>/<lang:language>/",
        views.DocumentFileView.as_view(),
        name="version_file",
    ),
    path(base + "<lang:language>/", views.DocumentFileView.as_view(), name="file"),
]

# Pages under the language prefix (/en/editions/...), beside the edition's governance pages.
archive_patterns = (
    [
        path(
            "editions/<slug:process>/<int:number>/archive/",
            views.EditionArchiveView.as_view(),
            name="archive",
        )
    ],
    "archive",
)

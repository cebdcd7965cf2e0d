import mimetypes

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.generic import FormView, TemplateView, View

from gfmd.common.errors import DomainError
from gfmd.common.models import collation_key
from gfmd.common.templatetags.gfmd import language_name
from gfmd.common.views import PermissionRequiredMixin
from gfmd.directory.domain.states import state_by_iso3
from gfmd.governance.models import Edition, Process

from .domain.access import readable_versions
from .domain.documents import Upload, add_version, create_document_with_version, rename_document
from .domain.queries import (
    about_choices,
    about_label,
    document_page,
    documents_for_listing,
    version_by_number,
)
from .domain.search import SearchFilters, filtered_documents, search
from .enums import DocumentType, FileKind
from .interfaces.forms import DocumentForm, RenameForm, SearchForm, VersionForm
from .models import Document, DocumentAlias

CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.ODT: "application/vnd.oasis.opendocument.text",
    FileKind.TXT: "text/plain; charset=utf-8",
    FileKind.PNG: "image/png",
    FileKind.JPEG: "image/jpeg",
    FileKind.GIF: "image/gif",
    FileKind.WEBP: "image/webp",
}


class DocumentAddressMixin:
    """Finds the document at a permanent address; an old address redirects to the new one."""

    def get_document(self) -> Document:
        if hasattr(self, "_document"):
            return self._document
        kwargs = self.kwargs
        address = {
            "process__slug": kwargs["process"],
            "year": kwargs["year"],
            "type": kwargs["type"],
            "slug": kwargs["slug"],
        }
        document = Document.objects.select_related("process", "edition").filter(**address).first()
        if document is None:
            alias = (
                DocumentAlias.objects.select_related("document__process").filter(**address).first()
            )
            if alias is None:
                raise Http404
            self.redirect_to = self.request.path.replace(
                reverse(
                    "library:document",
                    kwargs={k: kwargs[k] for k in ("process", "year", "type", "slug")},
                ),
                alias.document.get_absolute_url(),
                1,
            )
            document = alias.document
        self._document = document
        return document

    def get_permission_object(self):
        return self.get_document()

    def dispatch(self, request, *args, **kwargs):
        self.redirect_to = None
        if kwargs.get("type") not in DocumentType.values:
            raise Http404
        self.get_document()
        if self.redirect_to:
            return HttpResponsePermanentRedirect(self.redirect_to)
        return super().dispatch(request, *args, **kwargs)


FILTER_LABELS = {
    "process": _lazy("Process"),
    "year": _lazy("Year"),
    "type": _lazy("Type"),
    "language": _lazy("Language"),
    "tag": _lazy("Tag"),
    "author": _lazy("Author"),
    "about": _lazy("Roundtable session or meeting"),
}
RESULTS_PER_PAGE = 20


def with_parameter(query, key: str, value) -> str:
    """The current query string with ``key`` set to ``value`` (or removed when it is None), back
    to the first page: a facet or a filter chip keeps the other filters."""
    query = query.copy()
    query.pop("page", None)
    if value is None:
        query.pop(key, None)
    else:
        query[key] = value
    return "?" + query.urlencode()


def page_address(query, number: int) -> str:
    query = query.copy()
    query["page"] = number
    return "?" + query.urlencode()


class LibraryView(PermissionRequiredMixin, TemplateView):
    permission_required = "library.search"
    template_name = "library/library.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET
        form = SearchForm(query or None)
        context = super().get_context_data(form=form, **kwargs)
        if form.is_bound and not form.is_valid():
            context["status"] = 400
            return context
        data = form.cleaned_data if form.is_bound else {}
        filters = SearchFilters(
            process=data.get("process") or "",
            year=data.get("year"),
            type=data.get("type") or "",
            language=data.get("language") or "",
            tag=data.get("tag") or "",
            author=data.get("author") or "",
            about=data.get("about") or "",
        )
        user = self.request.user
        context["about_choices"] = (
            about_choices(user, process=filters.process, year=filters.year) if filters.year else []
        )
        context["active_filters"] = self.active_filters(filters, query)
        page = data.get("page") or 1
        if data.get("q"):
            results = search(user, data["q"], filters, page=page)
            last = max(1, -(-results.total // RESULTS_PER_PAGE))
            context["results"] = results
            context["facets"] = self.facets(results.facets, query)
            context["result_pages"] = [
                (number, page_address(query, number), number == page)
                for number in range(max(1, page - 5), min(last, page + 5) + 1)
            ]
        else:
            documents = filtered_documents(
                documents_for_listing(user), filters, readable_versions(user)
            )
            context["page"] = Paginator(documents.order_by("-year", "type", "slug"), 25).get_page(
                page
            )
            context["previous_address"], context["next_address"] = (
                page_address(query, context["page"].previous_page_number())
                if context["page"].has_previous()
                else "",
                page_address(query, context["page"].next_page_number())
                if context["page"].has_next()
                else "",
            )
        return context

    def active_filters(self, filters: SearchFilters, query) -> list[tuple[str, str, str]]:
        """(what, value as read, address without it) for each filter in use."""
        active = []
        for key, label in FILTER_LABELS.items():
            value = getattr(filters, key)
            if not value:
                continue
            if key == "type":
                shown = DocumentType(value).label
            elif key == "language":
                shown = language_name(value)
            elif key == "about":
                shown = about_label(self.request.user, value) or _("unknown record")
            else:
                shown = str(value)
            active.append((label, shown, with_parameter(query, key, None)))
        return active

    def facets(self, facets: dict, query) -> list[tuple[str, list[tuple[str, str, int]]]]:
        """Each facet's values as (label, address that adds it to the filters, count)."""
        labels = {
            "type": lambda value: DocumentType(value).label,
            "year": str,
            "language": language_name,
        }
        return [
            (
                FILTER_LABELS[key],
                [
                    (labels[key](value), with_parameter(query, key, value), count)
                    for value, count in facets.get(key, {}).items()
                ],
            )
            for key in ("type", "year", "language")
            if facets.get(key)
        ]

    def render_to_response(self, context, **kwargs):
        return super().render_to_response(context, status=context.get("status", 200), **kwargs)


class DocumentView(DocumentAddressMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "library.view_document"
    template_name = "library/document.html"

    def get_context_data(self, **kwargs):
        document = self.get_document()
        page = document_page(self.request.user, document)
        if page["current"] is None and not page["known_by_reference"]:
            raise Http404  # a document nobody here may read does not exist for them
        user = self.request.user
        return super().get_context_data(
            document=document,
            can_add_version=user.has_perm("library.add_version", document),
            can_change=user.has_perm("library.change_document", document),
            rename_form=RenameForm(initial={"title_en": document.title_en, "slug": document.slug}),
            **page,
            **kwargs,
        )


class VersionView(DocumentView):
    template_name = "library/document.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version = version_by_number(self.request.user, context["document"], self.kwargs["number"])
        if version is None:
            raise Http404
        context["current"] = version
        context["pinned"] = True
        return context


class DocumentFileView(DocumentAddressMixin, PermissionRequiredMixin, View):
    """The file of the latest readable version in a language (or of version n)."""

    permission_required = "library.view_document"

    def get(self, request, *args, **kwargs):
        document = self.get_document()
        page = document_page(request.user, document)
        versions = page["versions"]
        if "number" in kwargs:
            versions = [v for v in versions if v.number == kwargs["number"]]
        language = kwargs["language"].lower()
        for version in versions:
            for file in version.files.all():
                if file.language == language:
                    return self.send(file)
        if not versions:
            raise Http404
        available = sorted({f.language for v in versions for f in v.files.all()})
        return render(
            request,
            "library/missing_language.html",
            {"document": document, "language": language, "available": available},
            status=404,
        )

    def send(self, file):
        name = file.original_name or f"document.{file.kind}"
        response = FileResponse(
            file.file.open("rb"),
            content_type=CONTENT_TYPES.get(file.kind) or mimetypes.guess_type(name)[0],
            as_attachment=file.kind
            not in (FileKind.PDF, FileKind.TXT, FileKind.PNG, FileKind.JPEG),
            filename=name,
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response


class UploadFormMixin:
    """Forms with files: a file over the size limit is refused with a clear message before
    anything is stored, and a refused form answers 400."""

    def post(self, request, *args, **kwargs):
        # Reading FILES parses the upload; the size guard marks the request while it reads.
        if request.FILES is not None and getattr(request, "gfmd_upload_too_large", False):
            form = self.get_form()
            form.is_valid()
            form.add_error(None, too_large_message())
            return self.form_invalid(form)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class DocumentCreateView(UploadFormMixin, PermissionRequiredMixin, FormView):
    permission_required = "library.add_document"
    template_name = "library/document_form.html"
    form_class = DocumentForm

    def get_process(self) -> Process:
        if not hasattr(self, "_process"):
            self._process = get_object_or_404(Process, slug=self.kwargs["process"])
        return self._process

    def get_permission_object(self):
        return self.get_process()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "process": self.get_process()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(process=self.get_process(), **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            team = [
                state_by_iso3(code, field="team_states")
                for code in (data.get("team_states") or "").replace(" ", "").split(",")
                if code
            ]
            document = create_document_with_version(
                process=self.get_process(),
                edition=data.get("edition"),
                year=data["date"].year if data.get("date") else None,
                fields={
                    name: data[name]
                    for name in (
                        "type",
                        "title_en",
                        "title_fr",
                        "title_es",
                        "summary_en",
                        "summary_fr",
                        "summary_es",
                        "date",
                        "date_precision",
                        "access_level",
                    )
                },
                status=data["status"],
                uploads=[Upload(code, file) for code, file in form.uploads()],
                team_states=team,
                change_note=data.get("change_note", ""),
                author=getattr(self.request.user, "person", None),
                user=self.request.user,
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("Document saved; its text is being indexed."))
        return redirect(document.get_absolute_url())


def too_large_message() -> str:
    from .interfaces.uploads import max_upload_bytes

    return _("The file is larger than %(limit)s MB; upload a smaller file.") % {
        "limit": max_upload_bytes() // (1024 * 1024)
    }


class VersionCreateView(UploadFormMixin, DocumentAddressMixin, PermissionRequiredMixin, FormView):
    permission_required = "library.add_version"
    template_name = "library/version_form.html"
    form_class = VersionForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(document=self.get_document(), **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        document = self.get_document()
        try:
            add_version(
                document,
                status=data["status"],
                access_level=data.get("access_level") or "",
                uploads=[Upload(code, file) for code, file in form.uploads()],
                change_note=data.get("change_note", ""),
                author=getattr(self.request.user, "person", None),
                user=self.request.user,
                may_release=self.request.user.has_perm("library.change_document", document),
            )
        except DomainError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("New version saved; its text is being indexed."))
        return redirect(document.get_absolute_url())


class RenameView(DocumentAddressMixin, PermissionRequiredMixin, FormView):
    permission_required = "library.change_document"
    template_name = "library/version_form.html"
    form_class = RenameForm
    http_method_names = ["post"]

    def form_valid(self, form):
        try:
            document = rename_document(
                self.get_document(),
                title_en=form.cleaned_data["title_en"],
                slug=form.cleaned_data["slug"],
            )
        except DomainError as error:
            messages.error(self.request, error.message)
            return redirect(self.get_document().get_absolute_url())
        messages.success(self.request, _("Renamed; the old address keeps working."))
        return redirect(document.get_absolute_url())

    def form_invalid(self, form):
        messages.error(
            self.request, _("Give a title and a short name of letters, digits and hyphens.")
        )
        return redirect(self.get_document().get_absolute_url())


class EditionArchiveView(PermissionRequiredMixin, TemplateView):
    """An edition's documents as its archive: by type, or by the roundtable session or meeting
    they are about, with the languages each exists in, optionally in one language only."""

    permission_required = "library.search"
    template_name = "library/archive.html"

    def get_context_data(self, **kwargs):
        edition = get_object_or_404(
            Edition.objects.select_related("process"),
            process__slug=self.kwargs["process"],
            number=self.kwargs["number"],
        )
        by = "about" if self.request.GET.get("by") == "about" else "type"
        documents = documents_for_listing(self.request.user).filter(edition=edition)
        if by == "about":
            documents = documents.prefetch_related("about")
        language = self.request.GET.get("language", "")[:3]
        groups: dict[str, list] = {}
        for document in documents.order_by("type", "slug"):
            languages = sorted({f.language for v in document.readable for f in v.files.all()})
            if language and language not in languages:
                continue
            if by == "about":
                label = str(document.about) if document.about else _("Not about a session")
            else:
                label = document.get_type_display()
            groups.setdefault(label, []).append((document, languages))
        if by == "about":
            groups = dict(sorted(groups.items(), key=lambda item: collation_key(item[0])))
        return super().get_context_data(
            edition=edition,
            by_type=groups,
            by=by,
            language=language,
            can_add=self.request.user.has_perm("library.add_document", edition.process),
            **kwargs,
        )

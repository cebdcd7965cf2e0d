"""Pages of a session's background paper: the paper (versions, paragraphs with their comments,
the checklist, publication), its drafts, comments (an HTMX partial), checklist ticks, the
comment deadline and publication. Thin: parse, call domain/papers.py, render.

Reading follows the library's access levels: a paper whose versions a user may not read and
whose team they are not on answers 404, as a library document does; the team's actions answer
403 to others, as the library's "new version" does."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from gfmd.common.errors import DomainError
from gfmd.common.parsing import whole_number
from gfmd.common.views import PermissionRequiredMixin
from gfmd.library.domain.documents import Upload
from gfmd.library.enums import AccessLevel
from gfmd.library.views import UploadFormMixin

from ..domain.papers import (
    add_comment,
    add_draft,
    comment_round_is_open,
    languages_of,
    publication_warnings,
    publish_paper,
    published_version,
    set_comment_deadline,
    set_tick,
    start_paper,
)
from ..domain.queries import comment_thread, paper_by_session, paper_versions, paper_workspace
from ..interfaces.papers import (
    ChecklistForm,
    CommentForm,
    DeadlineForm,
    PaperDraftForm,
    PublishForm,
    StartPaperForm,
)
from ..models import BackgroundPaper, PaperComment
from . import SessionMixin


class PaperMixin(SessionMixin):
    def get_paper(self) -> BackgroundPaper:
        if not hasattr(self, "_paper"):
            try:
                self._paper = paper_by_session(self.get_edition(), self.kwargs["session"])
            except BackgroundPaper.DoesNotExist:
                raise Http404 from None
        return self._paper

    def get_permission_object(self):
        return self.get_paper()

    def paper_url(self, **query) -> str:
        url = self.get_paper().get_absolute_url()
        query = {k: v for k, v in query.items() if v not in (None, "")}
        return f"{url}?{urlencode(query)}" if query else url

    def render_paper(self, status=200, **extra):
        """The paper page, e.g. again with a refusal and the form that caused it (400)."""
        page = PaperView()
        page.setup(self.request, **self.kwargs)
        page._paper = self.get_paper()
        context = page.get_context_data(**extra)
        return TemplateResponse(self.request, PaperView.template_name, context, status=status)


def choose_language(version, wanted: str, paper) -> str:
    """The language shown: the one asked for, else the interface's, else the first language of
    publication the version has, else any file's."""
    codes = [f.language for f in version.files.all()]
    for code in (wanted, (get_language() or "en")[:2], *paper.languages):
        if code and code in codes:
            return code
    return codes[0] if codes else ""


def positive(value) -> int | None:
    number = whole_number(value)
    return number if number else None


class PaperView(PaperMixin, PermissionRequiredMixin, TemplateView):
    """The paper: for everyone, its published version in each language; for its team, every
    version, the paragraphs of one with their comments, the checklist and publication."""

    permission_required = "preparation.view_paper"
    template_name = "preparation/paper.html"

    def get_context_data(self, **kwargs):
        kwargs.pop("session", None)
        paper = self.get_paper()
        user = self.request.user
        versions = paper_versions(user, paper)
        works = user.has_perm("preparation.view_paper_drafts", paper)
        if not versions and not works and paper.document.access_level != AccessLevel.PUBLIC:
            raise Http404  # nothing here the user may read: the paper does not exist for them
        can_publish = user.has_perm("preparation.publish_paper", paper)
        published = published_version(paper, versions)
        context = {
            "edition": self.get_edition(),
            "session": paper.session,
            "paper": paper,
            "document": paper.document,
            "versions": versions,
            "published": published,
            "works": works,
            "can_publish": can_publish,
        }
        if published is not None:
            context["published_languages"] = languages_of(paper, published)
        if works:
            query = self.request.GET
            number = positive(kwargs.pop("version", None) or query.get("version"))
            version = next((v for v in versions if v.number == number), None) or (
                versions[0] if versions else None
            )
            wanted = kwargs.pop("language", None) or query.get("language", "")
            language = choose_language(version, wanted, paper) if version else ""
            paragraph = positive(kwargs.pop("paragraph", None) or query.get("paragraph"))
            workspace = paper_workspace(
                paper,
                version,
                language=language,
                paragraph=paragraph,
                thread=kwargs.pop("general_thread", False) or query.get("thread") == "general",
            )
            for v in versions:
                v.level_label = AccessLevel(v.effective_level).label
                v.comment_count = workspace["comments_per_version"].get(v.pk, 0)
            context.update(
                workspace,
                version=version,
                language=language,
                paragraph=paragraph,
                comments_open=comment_round_is_open(paper),
                comment_form=kwargs.pop("comment_form", None) or CommentForm(),
            )
            if can_publish:
                context.update(
                    warnings=publication_warnings(paper, version, workspace["checklist"]),
                    deadline_form=kwargs.pop("deadline_form", None)
                    or DeadlineForm(initial={"comments_close_at": paper.comments_close_at}),
                    publish_form=PublishForm(initial={"version": version and version.number}),
                )
        return super().get_context_data(**context, **kwargs)


class PaperStartView(SessionMixin, PermissionRequiredMixin, View):
    """Staff, or a member of the session's team, open the session's paper in the library."""

    permission_required = "preparation.start_paper"

    def post(self, request, *args, **kwargs):
        session = self.get_session()
        form = StartPaperForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give a title of at most 300 characters."))
            return redirect(session.get_absolute_url())
        try:
            paper = start_paper(
                session,
                user=request.user,
                title_en=form.cleaned_data.get("title_en", ""),
                languages=form.language_codes(),
            )
        except DomainError as error:
            messages.error(request, error.message)
            return redirect(session.get_absolute_url())
        messages.success(request, _("The background paper is open; its team can upload drafts."))
        return redirect(paper.get_absolute_url())


class PaperDraftView(UploadFormMixin, PaperMixin, PermissionRequiredMixin, FormView):
    """A member of the team uploads a new draft (the library checks the files)."""

    permission_required = "preparation.add_paper_draft"
    template_name = "preparation/paper_draft_form.html"
    form_class = PaperDraftForm

    def get_context_data(self, **kwargs):
        kwargs.pop("session", None)
        paper = self.get_paper()
        return super().get_context_data(
            paper=paper, session=paper.session, edition=self.get_edition(), **kwargs
        )

    def form_valid(self, form):
        paper = self.get_paper()
        try:
            version = add_draft(
                paper,
                uploads=[Upload(code, file) for code, file in form.uploads()],
                change_note=form.cleaned_data.get("change_note", ""),
                user=self.request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Draft v%(n)s saved; its text is being read for comments and search.")
            % {"n": version.number},
        )
        return redirect(self.paper_url(version=version.number))


class PaperCommentsView(PaperMixin, PermissionRequiredMixin, View):
    """GET: the thread of a paragraph (or the general one) as an HTMX partial, or the page at
    that thread without HTMX. POST: add a comment or a reply. A refused comment answers 400 with
    the page; to HTMX, the partial with the message (HTMX swaps only successful answers)."""

    permission_required = "preparation.view_paper_drafts"
    partial = "preparation/_paper_thread.html"

    def get_permission_required(self):
        if self.request.method == "POST":
            return ("preparation.comment_paper",)
        return super().get_permission_required()

    def version_of(self, number):
        paper = self.get_paper()
        return next(
            (v for v in paper_versions(self.request.user, paper) if v.number == number), None
        )

    def thread_context(self, version, language, paragraph, form=None):
        paper = self.get_paper()
        return {
            "paper": paper,
            "edition": self.get_edition(),
            "session": paper.session,
            "version": version,
            "language": language,
            "paragraph": paragraph,
            "thread": comment_thread(version, language, paragraph),
            "comments_open": comment_round_is_open(paper),
            "works": True,
            "comment_form": form or CommentForm(),
        }

    def get(self, request, *args, **kwargs):
        query = request.GET
        version = self.version_of(positive(query.get("version")))
        if version is None:
            raise Http404
        language = choose_language(version, query.get("language", ""), self.get_paper())
        paragraph = positive(query.get("paragraph"))
        if not request.htmx:
            return redirect(
                self.paper_url(
                    version=version.number,
                    language=language,
                    paragraph=paragraph,
                    thread=None if paragraph else "general",
                )
                + "#thread"
            )
        return TemplateResponse(
            request, self.partial, self.thread_context(version, language, paragraph)
        )

    def post(self, request, *args, **kwargs):
        paper = self.get_paper()
        form = CommentForm(request.POST)
        version = language = paragraph = None
        if form.is_valid():
            data = form.cleaned_data
            version = self.version_of(data["version"])
            paragraph = data.get("paragraph")
            language = data.get("language") or ""
            parent = None
            try:
                if version is None:
                    raise DomainError(
                        _("The paper has no version %(n)s.") % {"n": data["version"]},
                        field="version",
                    )
                if data.get("parent"):
                    parent = PaperComment.objects.filter(paper=paper, pk=data["parent"]).first()
                    if parent is None:
                        raise DomainError(
                            _("The comment you reply to is not here."), field="parent"
                        )
                comment = add_comment(
                    paper,
                    version=version,
                    text=data["text"],
                    user=request.user,
                    language=language,
                    paragraph=paragraph,
                    parent=parent,
                )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                if request.htmx:
                    return TemplateResponse(
                        request,
                        self.partial,
                        self.thread_context(version, comment.language, comment.paragraph),
                    )
                messages.success(request, _("Your comment is saved."))
                return redirect(
                    self.paper_url(
                        version=version.number,
                        language=comment.language,
                        paragraph=comment.paragraph,
                        thread=None if comment.paragraph else "general",
                    )
                    + "#thread"
                )
        if request.htmx and version is not None:
            context = self.thread_context(version, language, paragraph, form=form)
            return TemplateResponse(request, self.partial, context)
        if version is None:  # no thread to show the refusal in
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        return self.render_paper(
            status=400,
            version=version.number if version else None,
            language=language,
            paragraph=paragraph,
            general_thread=not paragraph,
            comment_form=form,
        )


class PaperChecklistView(PaperMixin, PermissionRequiredMixin, View):
    permission_required = "preparation.tick_paper_checklist"

    def post(self, request, *args, **kwargs):
        form = ChecklistForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose an item of the checklist."))
            return self.render_paper(status=400)
        set_tick(
            self.get_paper(),
            item=form.cleaned_data["item"],
            ticked=form.cleaned_data["ticked"],
            user=request.user,
        )
        return redirect(self.paper_url() + "#checklist")


class PaperDeadlineView(PaperMixin, PermissionRequiredMixin, View):
    """Support Unit staff set, extend or clear the comment round's deadline."""

    permission_required = "preparation.set_paper_deadline"

    def post(self, request, *args, **kwargs):
        form = DeadlineForm(request.POST)
        if not form.is_valid():
            return self.render_paper(status=400, deadline_form=form)
        paper = set_comment_deadline(
            self.get_paper(), closes_at=form.cleaned_data["comments_close_at"], user=request.user
        )
        if paper.comments_close_at:
            messages.success(request, _("The comment round's deadline is saved."))
        else:
            messages.success(request, _("The comment round has no deadline now."))
        return redirect(self.paper_url())


class PaperPublishView(PaperMixin, PermissionRequiredMixin, View):
    """Support Unit staff publish a version; refusals answer 400 with the reason, warnings
    (checklist, languages, open comment round) are shown after publishing."""

    permission_required = "preparation.publish_paper"

    def post(self, request, *args, **kwargs):
        form = PublishForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose the version to publish."))
            return self.render_paper(status=400)
        try:
            version, warnings = publish_paper(
                self.get_paper(), number=form.cleaned_data.get("version"), user=request.user
            )
        except DomainError as error:
            messages.error(request, error.message)
            return self.render_paper(status=400)
        messages.success(
            request,
            _("Version %(n)s is published: everyone can read it now; drafts stay with the team.")
            % {"n": version.number},
        )
        for warning in warnings:
            messages.warning(request, f"{warning.message} ({warning.source})")
        return redirect(self.paper_url())


def paper_on_session_page(user, session) -> dict:
    """What the session page says about its paper: a link when the user may read something of
    it or works on it, a button to open it for staff and the session's team."""
    from gfmd.library.domain.access import readable_versions

    paper = BackgroundPaper.objects.filter(session=session).select_related("document").first()
    if paper is None:
        return {
            "paper": None,
            "can_start_paper": user.is_authenticated
            and user.has_perm("preparation.start_paper", session),
        }
    visible = (
        paper.document.access_level == AccessLevel.PUBLIC
        or user.has_perm("preparation.view_paper_drafts", paper)
        or readable_versions(user).filter(document_id=paper.document_id).exists()
    )
    return {"paper": paper if visible else None, "can_start_paper": False}

"""The Marketplace's front door (index, home of an edition, opening one), staff tools
(monitoring, export, invitations, team) and the user's own notices and invitation link."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from gfmd.common.errors import DomainError
from gfmd.common.views import PermissionRequiredMixin
from gfmd.governance.models import Edition

from ..domain import visitors
from ..domain.notifications import choose_frequency, frequency_of
from ..domain.queries import monitoring_rows, visible_requests
from ..domain.roles import marketplace_roles
from ..enums import MeetingRequestStatus, MeetingStatus, RequestStatus
from ..interfaces.exports import TABLES, as_csv, as_xlsx
from ..interfaces.forms import (
    InvitationForm,
    JoinForm,
    MarketplaceForm,
    NotificationForm,
    TeamMemberForm,
)
from ..models import Marketplace, MeetingRequest, Notice, VisitorInvitation
from .base import MarketplaceView, SignInFirstMixin


def home_url(marketplace) -> str:
    edition = marketplace.edition
    return reverse("marketplace:home", args=[edition.process.slug, edition.number])


class IndexView(SignInFirstMixin, PermissionRequiredMixin, TemplateView):
    """The Marketplaces the user may enter, and the editions staff may open one for."""

    permission_required = "marketplace.use_notices"
    template_name = "marketplace/index.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        entered = [
            m
            for m in Marketplace.objects.select_related(
                "edition__process", "edition__chairmanship"
            ).order_by("-edition__year")
            if marketplace_roles(user, m).enters
        ]
        can_open = [
            e
            for e in Edition.objects.filter(marketplace__isnull=True)
            .select_related("process", "chairmanship")
            .order_by("-year")[:30]
            if user.has_perm("marketplace.open_marketplace", e)
        ]
        return super().get_context_data(marketplaces=entered, can_open=can_open, **kwargs)


class OpenMarketplaceView(SignInFirstMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "marketplace.open_marketplace"
    template_name = "marketplace/open.html"

    @property
    def edition(self):
        return get_object_or_404(
            Edition.objects.select_related("process", "chairmanship"),
            process__slug=self.kwargs["process"],
            number=self.kwargs["number"],
        )

    def get_permission_object(self):
        return self.edition

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", MarketplaceForm())
        return super().get_context_data(edition=self.edition, **kwargs)

    def post(self, request, *args, **kwargs):
        edition = self.edition
        if Marketplace.objects.filter(edition=edition).exists():
            messages.error(request, _("This edition has a Marketplace already."))
            return redirect("marketplace:index")
        form = MarketplaceForm(request.POST, instance=Marketplace(edition=edition))
        if form.is_valid():
            marketplace = form.save()
            messages.success(request, _("The Marketplace is open."))
            return redirect(home_url(marketplace))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class HomeView(MarketplaceView):
    template_name = "marketplace/home.html"

    def get_context_data(self, **kwargs):
        marketplace, roles = self.marketplace, self.roles
        requests = visible_requests(marketplace, roles)
        counts = requests.aggregate(
            published=Count(
                "id", filter=Q(status__in=[RequestStatus.PUBLISHED, RequestStatus.MATCHED])
            ),
            waiting=Count("id", filter=Q(status=RequestStatus.SUBMITTED)),
            total=Count("id"),
        )
        waiting_for_me = [
            mr
            for mr in MeetingRequest.objects.filter(
                request__marketplace=marketplace,
                status=MeetingRequestStatus.PENDING,
                expires_at__gt=timezone.now(),
            ).select_related("request__owner_state", "provider_state", "provider_organisation")
            if self.request.user.has_perm("marketplace.answer_meeting_request", mr)
        ]
        return super().get_context_data(
            counts=counts,
            meetings_total=marketplace.meetings.exclude(status=MeetingStatus.CANCELLED).count(),
            waiting_for_me=waiting_for_me,
            can_add=self.request.user.has_perm("marketplace.add_request", marketplace),
            can_manage=self.request.user.has_perm("marketplace.manage", marketplace),
            **kwargs,
        )


class MonitoringView(MarketplaceView):
    """Implementation followed for a year (003 L8746-L8747): latest progress per request,
    months since, and the requests with offers but no resources identified."""

    permission_required = "marketplace.manage"
    template_name = "marketplace/monitoring.html"

    def get_context_data(self, **kwargs):
        rows = monitoring_rows(self.marketplace)
        return super().get_context_data(
            rows=rows, funding_gap=[r for r in rows if r["funding_gap"]], **kwargs
        )


class ExportView(MarketplaceView):
    permission_required = "marketplace.manage"

    def get(self, request, *args, **kwargs):
        edition = self.marketplace.edition
        stem = f"marketplace-{edition.process.slug}-{edition.number}"
        table = self.kwargs.get("table")
        if table is None:
            response = HttpResponse(
                as_xlsx(self.marketplace),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = f'attachment; filename="{stem}.xlsx"'
            return response
        if table not in TABLES:
            raise Http404
        response = HttpResponse(as_csv(self.marketplace, table), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{stem}-{table}.csv"'
        return response


class InvitationsView(MarketplaceView):
    permission_required = "marketplace.manage"
    template_name = "marketplace/invitations.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", InvitationForm())
        kwargs.setdefault("team_form", TeamMemberForm())
        return super().get_context_data(
            invitations=VisitorInvitation.objects.filter(marketplace=self.marketplace)
            .select_related("state", "organisation")
            .order_by("-created_at"),
            visitors=self.marketplace.visitors.select_related("user", "state", "organisation"),
            team=self.marketplace.team.select_related("user"),
            now=timezone.now(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if "team" in request.POST:
            return self.add_team_member(request)
        form = InvitationForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                invitation, token = visitors.invite_visitor(
                    self.marketplace,
                    email=data["email"],
                    invited_by=request.user,
                    state=data.get("state"),
                    organisation=data.get("organisation"),
                    valid_days=data["valid_days"],
                )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                link = request.build_absolute_uri(reverse("marketplace:join", args=[token]))
                messages.success(
                    request,
                    _("Invitation sent to %(email)s. The link (shown once): %(link)s")
                    % {"email": invitation.email, "link": link},
                )
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def add_team_member(self, request):
        form = TeamMemberForm(request.POST)
        if form.is_valid():
            try:
                member = visitors.add_team_member(
                    self.marketplace, email=form.cleaned_data["email"], added_by=request.user
                )
            except DomainError as error:
                form.add_error("email", error.message)
            else:
                messages.success(request, _("%(user)s joined the team.") % {"user": member.user})
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(team_form=form), status=400)


class InvitationRevokeView(MarketplaceView):
    permission_required = "marketplace.manage"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        invitation = get_object_or_404(
            VisitorInvitation, pk=self.kwargs["pk"], marketplace=self.marketplace
        )
        try:
            visitors.revoke_invitation(invitation)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Invitation revoked."))
        return redirect("marketplace:invitations", self.kwargs["process"], self.kwargs["number"])


class JoinView(PermissionRequiredMixin, TemplateView):
    """The invitation link. Without a valid secret it is the sign-in page like every other
    Marketplace address; with one, a signed-in user accepts and someone without an account
    makes one for the invited e-mail."""

    permission_required = "marketplace.use_secret_link"
    template_name = "marketplace/join.html"

    def dispatch(self, request, *args, **kwargs):
        self.invitation = visitors.invitation_for(self.kwargs["token"])
        if self.invitation is None:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            return self.render_to_response({"invalid": True}, status=404)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        if not self.request.user.is_authenticated:
            kwargs.setdefault("form", JoinForm())
        return super().get_context_data(invitation=self.invitation, **kwargs)

    def post(self, request, *args, **kwargs):
        marketplace = self.invitation.marketplace
        if request.user.is_authenticated:
            try:
                visitors.accept_invitation(self.invitation, request.user)
            except DomainError as error:
                return self.render_to_response(
                    self.get_context_data(error=error.message), status=400
                )
        else:
            form = JoinForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(form=form), status=400)
            try:
                user = visitors.join_with_new_account(
                    self.invitation,
                    display_name=form.cleaned_data["display_name"],
                    password=form.cleaned_data["password"],
                )
            except DomainError as error:
                form.add_error(None, error.message)
                return self.render_to_response(self.get_context_data(form=form), status=400)
            login(request, user, backend="gfmd.accounts.backends.AccountBackend")
        messages.success(request, _("Welcome to the Marketplace."))
        return redirect(home_url(marketplace))


class NoticesView(SignInFirstMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "marketplace.use_notices"
    template_name = "marketplace/notices.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        kwargs.setdefault("form", NotificationForm(initial={"frequency": frequency_of(user)}))
        notices = list(Notice.objects.filter(user=user).order_by("-created_at", "-id")[:100])
        Notice.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
        return super().get_context_data(notices=notices, **kwargs)

    def post(self, request, *args, **kwargs):
        form = NotificationForm(request.POST)
        if form.is_valid():
            choose_frequency(request.user, form.cleaned_data["frequency"])
            messages.success(request, _("Your choice is saved."))
            return redirect("marketplace:notices")
        return self.render_to_response(self.get_context_data(form=form), status=400)

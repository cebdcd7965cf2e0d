"""Pages of service requests: list, form, detail with offers, conversation, meeting requests,
progress; and the POSTs that act on them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.common.history import history_entries
from gfmd.directory.models import Affiliation, Person, State

from ..domain import exchanges, meetings, requests
from ..domain.history import with_link_changes
from ..domain.links import visible_sessions
from ..domain.queries import listing_filter_choices, request_detail, requests_for_listing
from ..domain.roles import is_owner, provider_parties
from ..enums import MeetingRequestStatus, RequestStatus, ServiceType, Side
from ..interfaces.forms import (
    AnswerForm,
    ConfirmForm,
    MeetingRequestForm,
    MessageForm,
    ModerationForm,
    OfferForm,
    ProgressForm,
    ServiceRequestForm,
    TransitionForm,
    link_choices,
)
from ..models import MeetingRequest, Message, Offer, ServiceRequest
from .base import MarketplaceView, PostFormMixin


class RequestListView(MarketplaceView):
    template_name = "marketplace/request_list.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET
        status = query.get("status", "")
        service_type = query.get("service_type", "")
        search = query.get("q", "")[:100]
        choices = listing_filter_choices(self.marketplace, include_drafts=self.roles.staff)
        # A value the list does not offer is ignored, as for the status.
        picked = {
            name: query.get(name, "") if query.get(name, "") in dict(choices[key]) else ""
            for name, key in (
                ("session", "sessions"),
                ("theme", "themes"),
                ("gcm", "gcm_objectives"),
                ("sdg", "sdg_targets"),
            )
        }
        rows = requests_for_listing(
            self.marketplace,
            self.roles,
            status=status if status in RequestStatus.values else "",
            service_type=service_type if service_type in ServiceType.values else "",
            search=search,
            session=picked["session"],
            theme=int(picked["theme"]) if picked["theme"] else None,
            gcm_objective=int(picked["gcm"]) if picked["gcm"] else None,
            sdg_target=picked["sdg"],
        )
        return super().get_context_data(
            rows=rows,
            statuses=RequestStatus.choices,
            service_types=ServiceType.choices,
            choices=choices,
            filters={"status": status, "service_type": service_type, "q": search, **picked},
            **kwargs,
        )


def owner_person_for(user, state, name: str, email: str):
    """The focal point themselves, or the person they name for their state."""
    if not name:
        return Person.objects.filter(user=user).first()
    person = Person.objects.filter(email__iexact=email).first()
    if person is None:
        person = Person.objects.create(full_name=name.strip(), email=email.strip().lower())
    Affiliation.objects.get_or_create(person=person, state=state, organisation=None)
    return person


class RequestCreateView(MarketplaceView):
    permission_required = "marketplace.add_request"
    template_name = "marketplace/request_form.html"

    def make_form(self, data=None):
        states = State.objects.filter(pk__in=self.roles.focal_point_state_ids).order_by("name_en")
        by_staff = self.roles.staff or self.request.user.is_superuser
        return ServiceRequestForm(
            data,
            states=states,
            by_staff=by_staff,
            **link_choices(self.marketplace.edition, include_drafts=by_staff),
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.make_form())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = self.make_form(request.POST)
        if form.is_valid():
            state = form.chosen_state()
            data = form.cleaned_data
            try:
                owner = owner_person_for(
                    request.user, state, data.get("owner_name", ""), data.get("owner_email", "")
                )
                created = requests.create_request(
                    self.marketplace,
                    owner_state=state,
                    owner_person=owner,
                    created_by=request.user,
                    by_staff=form.by_staff,
                    received_by_email=data.get("received_by_email", False),
                    submit=data.get("submit_now", False),
                    **form.content(),
                )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, _("Request %(ref)s saved.") % {"ref": created.reference})
                return redirect(requests.request_url(created))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class RequestMixin:
    @property
    def service_request(self) -> ServiceRequest:
        if not hasattr(self, "_service_request"):
            self._service_request = request_detail(self.marketplace, self.kwargs["pk"])
        return self._service_request

    def get_permission_object(self):
        return self.service_request

    def success_url(self):
        return requests.request_url(self.service_request) + "#" + getattr(self, "anchor", "")


def detail_context(view, **forms) -> dict:
    """Everything the request page shows, with the forms the user may use."""
    user, item = view.request.user, view.service_request
    roles = view.roles
    owner = is_owner(roles, item)
    parties = provider_parties(roles) if roles.speaks_for_a_party else []
    active_offers = [o for o in item.offers.all() if not o.withdrawn_at]
    can = {
        name: user.has_perm(f"marketplace.{name}", item)
        for name in (
            "change_request",
            "submit_request",
            "validate_request",
            "follow_up_request",
            "add_offer",
            "add_message",
            "moderate",
            "ask_meeting",
            "add_progress",
        )
    }
    providers = {o.provider_party for o in active_offers}
    # Superusers pass every rule; a form is shown only to someone with a party to act for.
    can["add_offer"] = can["add_offer"] and bool(parties)
    can["ask_meeting"] = can["ask_meeting"] and bool(active_offers if owner else parties)
    context = {
        **view.base_context(),
        "item": item,
        "is_owner": owner,
        "can": can,
        "offers": [
            (offer, not offer.withdrawn_at and user.has_perm("marketplace.withdraw_offer", offer))
            for offer in item.offers.all()
        ],
        "several_providers": len(providers) > 1,
        "threads": item.threads,
        "meeting_requests": [
            (mr, user.has_perm("marketplace.answer_meeting_request", mr))
            for mr in item.meeting_requests.all()
            if roles.staff or user.has_perm("marketplace.view_meeting_request", mr)
        ],
        "meetings": [
            m for m in item.meetings.all() if user.has_perm("marketplace.view_meeting", m)
        ],
        "progress_posts": list(item.progress_posts.all()),
        "related_sessions": visible_sessions(item.related_sessions.all(), staff=roles.staff),
        "offer_form": forms.get("offer_form") or OfferForm(parties=parties),
        "message_form": forms.get("message_form") or MessageForm(),
        "meeting_form": forms.get("meeting_form")
        or MeetingRequestForm(offers=active_offers, parties=parties, as_owner=owner),
        "progress_form": forms.get("progress_form") or ProgressForm(),
        "transition_form": forms.get("transition_form") or TransitionForm(),
        "pending": MeetingRequestStatus.PENDING,
    }
    if roles.staff or owner:
        context["history"] = with_link_changes(
            history_entries(
                [
                    ServiceRequest.history.filter(id=item.pk),
                    Offer.history.filter(request_id=item.pk),
                    MeetingRequest.history.filter(request_id=item.pk),
                ]
            ),
            item,
        )
    return context


class RequestDetailView(RequestMixin, MarketplaceView):
    permission_required = "marketplace.view_request"
    template_name = "marketplace/request_detail.html"

    def get_context_data(self, **kwargs):
        return detail_context(self, **kwargs)


class RequestPostView(RequestMixin, PostFormMixin, MarketplaceView):
    template_name = "marketplace/request_detail.html"

    def invalid_context(self, form):
        return detail_context(self, **{self.form_name: form})


class RequestEditView(RequestMixin, MarketplaceView):
    permission_required = "marketplace.change_request"
    template_name = "marketplace/request_form.html"

    def make_form(self, data=None):
        item = self.service_request
        initial = {
            name: getattr(item, name)
            for name in (
                "title_en",
                "title_fr",
                "title_es",
                "description_en",
                "description_fr",
                "description_es",
                "service_types",
            )
        }
        initial["related_sessions"] = [s.number for s in item.related_sessions.all()]
        initial["edition_themes"] = [str(t.number) for t in item.edition_themes.all()]
        initial["gcm_objectives"] = [str(o.number) for o in item.gcm_objectives.all()]
        initial["sdg_targets"] = [t.code for t in item.sdg_targets.all()]
        initial["themes"] = ", ".join(item.themes)
        return ServiceRequestForm(
            data,
            initial=initial,
            by_staff=True,
            editing=True,
            **link_choices(self.marketplace.edition, include_drafts=self.roles.staff),
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.make_form())
        return super().get_context_data(item=self.service_request, **kwargs)

    def post(self, request, *args, **kwargs):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                requests.update_request(
                    self.service_request,
                    request.user,
                    include_drafts=self.roles.staff,
                    **form.content(),
                )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, _("Request saved."))
                return redirect(requests.request_url(self.service_request))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class RequestTransitionView(RequestPostView):
    """Submit, publish, return, match, implement, complete, withdraw: each checks its own
    permission (domain/requests.TRANSITION_PERMISSIONS)."""

    permission_required = "marketplace.view_request"
    form_name = "transition_form"

    def build_form(self, data=None):
        return TransitionForm(data)

    def act(self, form):
        action = form.cleaned_data["action"]
        permission = requests.TRANSITION_PERMISSIONS[action]
        if not self.request.user.has_perm(permission, self.service_request):
            raise PermissionDenied
        requests.apply_transition(
            self.service_request, action, self.request.user, form.cleaned_data.get("note", "")
        )
        return _("The request is now %(status)s.") % {
            "status": self.service_request.get_status_display()
        }


class OfferCreateView(RequestPostView):
    permission_required = "marketplace.add_offer"
    form_name = "offer_form"
    anchor = "offers"

    def build_form(self, data=None):
        return OfferForm(data, parties=provider_parties(self.roles))

    def act(self, form):
        data = form.cleaned_data
        state, organisation = exchanges.split_party(data["provider"], form.parties)
        exchanges.make_offer(
            self.service_request,
            user=self.request.user,
            state=state,
            organisation=organisation,
            contribution=data["contribution"],
            conditions=data["conditions"],
            resources_identified=data["resources_identified"],
            resources_note=data["resources_note"],
        )
        return _("Your offer is sent.")


class OfferWithdrawView(RequestPostView):
    permission_required = "marketplace.withdraw_offer"
    anchor = "offers"

    @property
    def offer(self):
        return get_object_or_404(Offer, pk=self.kwargs["offer"], request=self.service_request)

    def get_permission_object(self):
        return self.offer

    def build_form(self, data=None):
        return ConfirmForm({})

    def act(self, form):
        exchanges.withdraw_offer(self.offer, self.request.user)
        return _("The offer is withdrawn.")


class MessageCreateView(RequestPostView):
    permission_required = "marketplace.add_message"
    form_name = "message_form"
    anchor = "conversation"

    def build_form(self, data=None):
        return MessageForm(data)

    def act(self, form):
        parent_id = form.cleaned_data.get("parent")
        parent = (
            Message.objects.filter(pk=parent_id, request=self.service_request).first()
            if parent_id
            else None
        )
        if parent_id and parent is None:
            raise DomainError(_("You can only reply to a message of this request."))
        exchanges.post_message(
            self.service_request,
            author=self.request.user,
            body=form.cleaned_data["body"],
            parent=parent,
        )
        return _("Message sent.")


class MessageModerateView(RequestPostView):
    permission_required = "marketplace.moderate"
    anchor = "conversation"

    def build_form(self, data=None):
        return ModerationForm(data)

    def act(self, form):
        message = get_object_or_404(
            Message, pk=self.kwargs["message"], request=self.service_request
        )
        if form.cleaned_data.get("restore"):
            exchanges.restore_message(message, moderator=self.request.user)
            return _("The message is shown again.")
        exchanges.hide_message(
            message, moderator=self.request.user, reason=form.cleaned_data.get("reason", "")
        )
        return _("The message is hidden.")


class MeetingRequestCreateView(RequestPostView):
    permission_required = "marketplace.ask_meeting"
    form_name = "meeting_form"
    anchor = "meetings"

    def build_form(self, data=None):
        item = self.service_request
        return MeetingRequestForm(
            data,
            offers=[o for o in item.offers.all() if not o.withdrawn_at],
            parties=provider_parties(self.roles),
            as_owner=is_owner(self.roles, item),
        )

    def act(self, form):
        data = form.cleaned_data
        if form.as_owner:
            meetings.ask_for_meeting(
                self.service_request,
                user=self.request.user,
                side=Side.OWNER,
                offer=form.offers.get(data["offer"]),
                note=data["note"],
            )
        else:
            state, organisation = exchanges.split_party(data["provider"], form.parties)
            meetings.ask_for_meeting(
                self.service_request,
                user=self.request.user,
                side=Side.PROVIDER,
                state=state,
                organisation=organisation,
                note=data["note"],
            )
        return _("Your meeting request is sent; it waits for an answer.")


class MeetingRequestAnswerView(RequestPostView):
    permission_required = "marketplace.answer_meeting_request"
    anchor = "meetings"

    @property
    def meeting_request(self):
        if not hasattr(self, "_meeting_request"):
            self._meeting_request = get_object_or_404(
                MeetingRequest.objects.select_related("request__marketplace__edition"),
                pk=self.kwargs["meeting_request"],
                request=self.service_request,
            )
        return self._meeting_request

    def get_permission_object(self):
        return self.meeting_request

    def build_form(self, data=None):
        return AnswerForm(data)

    def act(self, form):
        if form.cleaned_data["decision"] == "accept":
            meeting = meetings.accept_meeting_request(self.meeting_request, self.request.user)
            return _("Meeting %(ref)s agreed; staff will give it a slot and a table.") % {
                "ref": meeting.reference
            }
        meetings.decline_meeting_request(
            self.meeting_request, self.request.user, form.cleaned_data.get("note", "")
        )
        return _("Meeting request declined.")


class ProgressCreateView(RequestPostView):
    permission_required = "marketplace.add_progress"
    form_name = "progress_form"
    anchor = "progress"

    def build_form(self, data=None):
        return ProgressForm(data)

    def act(self, form):
        side = Side.OWNER if is_owner(self.roles, self.service_request) else Side.PROVIDER
        exchanges.post_progress(
            self.service_request,
            author=self.request.user,
            side=side,
            body=form.cleaned_data["body"],
            resources_identified=form.cleaned_data["resources_identified"],
        )
        return _("Progress posted.")

"""API of the Marketplace (issue 5): requests, offers, messages, meeting requests, Schedule all
and each party's meetings, under /api/v1/marketplace/{process}/{number}/. The same domain
functions and permissions as the pages; invisible (401/403) to anyone not signed in."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from gfmd.api.governance import StateCodeField
from gfmd.common.errors import DomainError
from gfmd.directory.models import Organisation
from gfmd.marketplace.domain import exchanges, meetings, requests, scheduling
from gfmd.marketplace.domain.links import sessions_by_number, themes_by_number, visible_sessions
from gfmd.marketplace.domain.queries import (
    marketplace_of,
    meetings_of,
    request_detail,
    requests_for_listing,
)
from gfmd.marketplace.domain.roles import is_owner, marketplace_roles
from gfmd.marketplace.domain.tags import gcm_objectives_by_number, sdg_targets_by_code
from gfmd.marketplace.enums import RequestStatus, ServiceType, Side
from gfmd.marketplace.models import MeetingRequest, Message, Offer, ServiceRequest


class MarketplaceAPIView(generics.GenericAPIView):
    """Signed-in users only, before anything is looked up."""

    queryset = ServiceRequest.objects.none()  # for the schema: lists are built in domain/

    def check_permissions(self, request):
        if not request.user or not request.user.is_authenticated:
            self.permission_denied(request, message="Sign in to use the Marketplace.")
        super().check_permissions(request)

    @property
    def marketplace(self):
        if not hasattr(self, "_marketplace"):
            self._marketplace = marketplace_of(self.kwargs["process"], self.kwargs["number"])
        return self._marketplace

    @property
    def roles(self):
        return marketplace_roles(self.request.user, self.marketplace)

    def get_permission_object(self):
        return self.marketplace


@extend_schema_field(
    {
        "type": "object",
        "properties": {
            "state": {"type": "string"},
            "organisation": {"type": "integer"},
            "name": {"type": "string"},
        },
    }
)
class PartyField(serializers.Field):
    """A state (ISO3) or an organisation (its id) that the user speaks for."""

    def to_representation(self, value):
        if value is None:
            return None
        if hasattr(value, "iso3"):
            return {"state": value.iso3, "name": value.name}
        return {"organisation": value.pk, "name": str(value)}


class RequestOut(serializers.Serializer):
    """Sessions by their number within the edition ("1.1"), themes of the Forum by their number,
    GCM objectives by number, SDG targets by code: the same names the request takes."""

    id = serializers.IntegerField(source="pk")
    reference = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    owner = serializers.CharField(source="owner_label")
    owner_state = serializers.CharField(source="owner_state.iso3", default=None)
    owner_not_named = serializers.BooleanField()
    service_types = serializers.ListField(child=serializers.CharField())
    related_sessions = serializers.SerializerMethodField()
    edition_themes = serializers.SerializerMethodField()
    gcm_objectives = serializers.SerializerMethodField()
    sdg_targets = serializers.SerializerMethodField()
    themes = serializers.ListField(child=serializers.CharField())
    links_note = serializers.CharField()
    status = serializers.CharField()
    offer_count = serializers.IntegerField(required=False)
    provider_count = serializers.IntegerField(required=False)
    provenance = serializers.CharField()

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_related_sessions(self, request) -> list[str]:
        staff = self.context.get("staff", False)
        return [s.number for s in visible_sessions(request.related_sessions.all(), staff=staff)]

    @extend_schema_field({"type": "array", "items": {"type": "integer"}})
    def get_edition_themes(self, request) -> list[int]:
        return [t.number for t in request.edition_themes.all()]

    @extend_schema_field({"type": "array", "items": {"type": "integer"}})
    def get_gcm_objectives(self, request) -> list[int]:
        return [o.number for o in request.gcm_objectives.all()]

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_sdg_targets(self, request) -> list[str]:
        return [t.code for t in request.sdg_targets.all()]


class RequestIn(serializers.Serializer):
    owner_state = StateCodeField()
    title_en = serializers.CharField(max_length=250)
    title_fr = serializers.CharField(max_length=250, required=False, allow_blank=True)
    title_es = serializers.CharField(max_length=250, required=False, allow_blank=True)
    description_en = serializers.CharField()
    description_fr = serializers.CharField(required=False, allow_blank=True)
    description_es = serializers.CharField(required=False, allow_blank=True)
    service_types = serializers.ListField(
        child=serializers.ChoiceField(choices=ServiceType.choices), allow_empty=False
    )
    related_sessions = serializers.ListField(
        child=serializers.CharField(max_length=10),
        required=False,
        help_text="Session numbers of this edition, such as 1.1.",
    )
    edition_themes = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        help_text="Numbers of the themes of this edition's concept paper.",
    )
    gcm_objectives = serializers.ListField(
        child=serializers.IntegerField(), required=False, help_text="GCM objective numbers 1-23."
    )
    sdg_targets = serializers.ListField(
        child=serializers.CharField(max_length=8),
        required=False,
        help_text="SDG target codes such as 10.7.",
    )
    themes = serializers.ListField(child=serializers.CharField(max_length=80), required=False)
    received_by_email = serializers.BooleanField(default=False)
    submit = serializers.BooleanField(default=True)


def list_filters(params, marketplace, *, staff: bool) -> dict:
    """The list's filters by session, theme, GCM objective and SDG target: a value that names
    nothing of this Marketplace's edition or of the reference lists is a 400 that says so."""
    edition = marketplace.edition
    filters = {}
    checks = {
        "session": lambda v: sessions_by_number(edition, [v], include_drafts=staff)[0].number,
        "theme": lambda v: themes_by_number(edition, [v])[0].number,
        "gcm": lambda v: gcm_objectives_by_number([v])[0].number,
        "sdg": lambda v: sdg_targets_by_code([v])[0].code,
    }
    names = {"session": "session", "theme": "theme", "gcm": "gcm_objective", "sdg": "sdg_target"}
    for param, check in checks.items():
        value = params.get(param, "").strip()
        if value:
            try:
                filters[names[param]] = check(value)
            except DomainError as error:
                raise DomainError(error.message, field=param) from None
    return filters


class RequestList(MarketplaceAPIView):
    """Requests the user may see; a focal point posts for their state, staff for any state
    (a request received by e-mail)."""

    permission_required = {"GET": "marketplace.enter", "POST": "marketplace.add_request"}
    serializer_class = RequestOut

    @extend_schema(
        operation_id="marketplace_requests_list",
        responses=RequestOut(many=True),
        parameters=[
            OpenApiParameter("status", str, description="A request status."),
            OpenApiParameter("session", str, description="A session number, such as 1.1."),
            OpenApiParameter("theme", int, description="A theme number of the edition."),
            OpenApiParameter("gcm", int, description="A GCM objective number."),
            OpenApiParameter("sdg", str, description="An SDG target code, such as 10.7."),
        ],
    )
    def get(self, request, *args, **kwargs):
        status_filter = request.query_params.get("status", "")
        roles = self.roles
        rows = requests_for_listing(
            self.marketplace,
            roles,
            status=status_filter if status_filter in RequestStatus.values else "",
            **list_filters(request.query_params, self.marketplace, staff=roles.staff),
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(
            RequestOut(page, many=True, context={"staff": roles.staff}).data
        )

    @extend_schema(request=RequestIn, responses={201: RequestOut})
    def post(self, request, *args, **kwargs):
        serializer = RequestIn(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        state = data.pop("owner_state")
        roles = self.roles
        by_staff = roles.staff
        if not by_staff and state.pk not in roles.focal_point_state_ids:
            raise DomainError("You post requests for your own state only.", field="owner_state")
        from gfmd.directory.models import Person

        created = requests.create_request(
            self.marketplace,
            owner_state=state,
            owner_person=Person.objects.filter(user=request.user).first(),
            created_by=request.user,
            by_staff=by_staff,
            received_by_email=data.pop("received_by_email"),
            submit=data.pop("submit"),
            **data,
        )
        return Response(
            RequestOut(created, context={"staff": by_staff}).data, status=status.HTTP_201_CREATED
        )


class RequestScoped(MarketplaceAPIView):
    object_level_permission = False

    @property
    def service_request(self):
        if not hasattr(self, "_service_request"):
            self._service_request = request_detail(self.marketplace, self.kwargs["pk"])
        return self._service_request

    def get_permission_object(self):
        return self.service_request


class RequestDetail(RequestScoped):
    permission_required = "marketplace.view_request"
    serializer_class = RequestOut

    def get(self, request, *args, **kwargs):
        return Response(RequestOut(self.service_request, context={"staff": self.roles.staff}).data)


class OfferOut(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    provider = PartyField()
    contribution = serializers.CharField()
    conditions = serializers.CharField()
    resources_identified = serializers.BooleanField()
    resources_note = serializers.CharField()
    withdrawn_at = serializers.DateTimeField(allow_null=True)


class ProviderIn(serializers.Serializer):
    provider_state = StateCodeField(required=False, allow_null=True)
    provider_organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), required=False, allow_null=True
    )

    def validate(self, attrs):
        if bool(attrs.get("provider_state")) == bool(attrs.get("provider_organisation")):
            raise serializers.ValidationError(
                "Give provider_state or provider_organisation: the one you speak for."
            )
        return attrs


class OfferIn(ProviderIn):
    contribution = serializers.CharField()
    conditions = serializers.CharField(required=False, allow_blank=True, default="")
    resources_identified = serializers.BooleanField(default=False)
    resources_note = serializers.CharField(max_length=250, required=False, default="")


def check_speaks_for(roles, state, organisation):
    from gfmd.marketplace.domain.roles import speaks_for

    if not speaks_for(
        roles,
        state_id=getattr(state, "pk", None),
        organisation_id=getattr(organisation, "pk", None),
    ):
        raise DomainError("You do not speak for this provider.", field="provider_organisation")


class OfferList(RequestScoped):
    permission_required = {"GET": "marketplace.view_request", "POST": "marketplace.add_offer"}
    serializer_class = OfferOut

    def get(self, request, *args, **kwargs):
        return Response(OfferOut(self.service_request.offers.all(), many=True).data)

    @extend_schema(request=OfferIn, responses={201: OfferOut})
    def post(self, request, *args, **kwargs):
        serializer = OfferIn(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        state, organisation = data.get("provider_state"), data.get("provider_organisation")
        check_speaks_for(self.roles, state, organisation)
        offer = exchanges.make_offer(
            self.service_request,
            user=request.user,
            state=state,
            organisation=organisation,
            contribution=data["contribution"],
            conditions=data["conditions"],
            resources_identified=data["resources_identified"],
            resources_note=data["resources_note"],
        )
        offer = Offer.objects.select_related("provider_state", "provider_organisation").get(
            pk=offer.pk
        )
        return Response(OfferOut(offer).data, status=status.HTTP_201_CREATED)


class MessageOut(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    parent = serializers.IntegerField(source="parent_id", allow_null=True)
    author = serializers.CharField()
    body = serializers.SerializerMethodField()
    hidden = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    def get_body(self, message) -> str:
        return "" if message.hidden_at else message.body

    def get_hidden(self, message) -> bool:
        return message.hidden_at is not None


class MessageIn(serializers.Serializer):
    body = serializers.CharField(max_length=exchanges.MAX_MESSAGE)
    parent = serializers.IntegerField(required=False, allow_null=True)


class MessageList(RequestScoped):
    permission_required = {"GET": "marketplace.view_request", "POST": "marketplace.add_message"}
    serializer_class = MessageOut

    def get(self, request, *args, **kwargs):
        messages = Message.objects.filter(request=self.service_request).select_related("author")
        return Response(MessageOut(messages.order_by("created_at", "id"), many=True).data)

    @extend_schema(request=MessageIn, responses={201: MessageOut})
    def post(self, request, *args, **kwargs):
        serializer = MessageIn(data=request.data)
        serializer.is_valid(raise_exception=True)
        parent_id = serializer.validated_data.get("parent")
        parent = None
        if parent_id:
            parent = Message.objects.filter(pk=parent_id, request=self.service_request).first()
            if parent is None:
                raise DomainError("Reply to a message of this request.", field="parent")
        message = exchanges.post_message(
            self.service_request,
            author=request.user,
            body=serializer.validated_data["body"],
            parent=parent,
        )
        return Response(MessageOut(message).data, status=status.HTTP_201_CREATED)


class MeetingRequestOut(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    provider = PartyField()
    asked_by_side = serializers.CharField()
    note = serializers.CharField()
    status = serializers.CharField()
    expires_at = serializers.DateTimeField()


class MeetingRequestIn(ProviderIn):
    """The owner names an offer; a provider names whom it speaks for."""

    offer = serializers.IntegerField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)

    def validate(self, attrs):
        if attrs.get("offer"):
            return attrs
        return super().validate(attrs)


class MeetingRequestList(RequestScoped):
    permission_required = {"GET": "marketplace.view_request", "POST": "marketplace.ask_meeting"}
    serializer_class = MeetingRequestOut

    def get(self, request, *args, **kwargs):
        user = request.user
        visible = [
            mr
            for mr in self.service_request.meeting_requests.all()
            if user.has_perm("marketplace.view_meeting_request", mr)
        ]
        return Response(MeetingRequestOut(visible, many=True).data)

    @extend_schema(request=MeetingRequestIn, responses={201: MeetingRequestOut})
    def post(self, request, *args, **kwargs):
        serializer = MeetingRequestIn(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        item = self.service_request
        if is_owner(self.roles, item):
            offer = Offer.objects.filter(pk=data.get("offer") or 0, request=item).first()
            made = meetings.ask_for_meeting(
                item, user=request.user, side=Side.OWNER, offer=offer, note=data["note"]
            )
        else:
            state, organisation = data.get("provider_state"), data.get("provider_organisation")
            if not (state or organisation):
                raise DomainError("Give the provider you speak for.", field="provider_state")
            check_speaks_for(self.roles, state, organisation)
            made = meetings.ask_for_meeting(
                item,
                user=request.user,
                side=Side.PROVIDER,
                state=state,
                organisation=organisation,
                note=data["note"],
            )
        return Response(MeetingRequestOut(made).data, status=status.HTTP_201_CREATED)


class AnswerIn(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["accept", "decline"])
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)


class MeetingOut(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    reference = serializers.CharField()
    request = serializers.CharField(source="request.reference")
    owner = serializers.CharField(source="request.owner_label")
    provider = PartyField()
    slot_start = serializers.DateTimeField(source="slot.starts_at", default=None)
    slot_end = serializers.DateTimeField(source="slot.ends_at", default=None)
    table = serializers.CharField(source="table.name", default=None)
    locked = serializers.BooleanField()
    priority = serializers.IntegerField()
    status = serializers.CharField()


class MeetingRequestAnswer(MarketplaceAPIView):
    permission_required = "marketplace.answer_meeting_request"
    serializer_class = AnswerIn

    def get_permission_object(self):
        if not hasattr(self, "_meeting_request"):
            self._meeting_request = get_object_or_404(
                MeetingRequest.objects.select_related("request__marketplace__edition"),
                pk=self.kwargs["pk"],
                request__marketplace=self.marketplace,
            )
        return self._meeting_request

    @extend_schema(request=AnswerIn, responses={200: MeetingRequestOut, 201: MeetingOut})
    def post(self, request, *args, **kwargs):
        serializer = AnswerIn(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting_request = self.get_permission_object()
        if serializer.validated_data["decision"] == "accept":
            meeting = meetings.accept_meeting_request(meeting_request, request.user)
            return Response(MeetingOut(meeting).data, status=status.HTTP_201_CREATED)
        declined = meetings.decline_meeting_request(
            meeting_request, request.user, serializer.validated_data["note"]
        )
        return Response(MeetingRequestOut(declined).data)


class ScheduleIn(serializers.Serializer):
    time_limit = serializers.IntegerField(min_value=1, max_value=60, default=10)


class UnscheduledOut(serializers.Serializer):
    meeting = serializers.CharField()
    code = serializers.CharField()
    reason = serializers.CharField()


class ScheduleOut(serializers.Serializer):
    status = serializers.CharField()
    objective = serializers.IntegerField()
    bound = serializers.IntegerField()
    gap = serializers.FloatField()
    scheduled = serializers.IntegerField()
    idle_gaps = serializers.IntegerField()
    moved = serializers.ListField(child=serializers.CharField())
    schedule = MeetingOut(many=True)
    unscheduled = UnscheduledOut(many=True)


class Schedule(MarketplaceAPIView):
    """Schedule all (staff): the schedule, the objective, the solver's proven bound, the gap
    and the meetings left without a slot with the constraint that kept them out."""

    permission_required = "marketplace.manage"
    serializer_class = ScheduleIn

    @extend_schema(request=ScheduleIn, responses={200: ScheduleOut})
    def post(self, request, *args, **kwargs):
        serializer = ScheduleIn(data=request.data)
        serializer.is_valid(raise_exception=True)
        report = scheduling.schedule_all(
            self.marketplace, time_limit=serializer.validated_data["time_limit"]
        )
        schedule = report.schedule
        placed = meetings_of(self.marketplace, self.roles).filter(slot__isnull=False)
        return Response(
            {
                "status": schedule.status,
                "objective": schedule.objective,
                "bound": schedule.bound,
                "gap": round(schedule.gap, 6),
                "scheduled": schedule.scheduled,
                "idle_gaps": schedule.idle_gaps,
                "moved": [m.reference for m in report.moved],
                "schedule": MeetingOut(placed, many=True).data,
                "unscheduled": [
                    {"meeting": m.reference, "code": code, "reason": reason}
                    for m, code, reason in report.unscheduled
                ],
            }
        )


class MeetingList(MarketplaceAPIView):
    """Each party sees its own meetings; staff see all."""

    permission_required = "marketplace.view_agenda"
    serializer_class = MeetingOut

    @extend_schema(operation_id="marketplace_meetings_list", responses=MeetingOut(many=True))
    def get(self, request, *args, **kwargs):
        page = self.paginate_queryset(meetings_of(self.marketplace, self.roles))
        return self.get_paginated_response(MeetingOut(page, many=True).data)

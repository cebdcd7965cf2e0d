"""API of governance: editions with chairs, co-chair, Troika, Steering Group and rule warnings."""

import datetime

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from gfmd.common.errors import DomainError
from gfmd.directory.domain.states import state_by_iso3
from gfmd.directory.models import Organisation
from gfmd.governance.domain.chairs import chair_states
from gfmd.governance.domain.memberships import (
    add_chair_term,
    add_steering_group_membership,
    save_edition,
)
from gfmd.governance.domain.neighbours import (
    EditionNeighbourhood,
    editions_with_chair_states,
    neighbourhood_by_address,
)
from gfmd.governance.domain.observers import invite_observer, observers_of, withdraw_observer
from gfmd.governance.domain.summary import edition_governance
from gfmd.governance.models import (
    Chairmanship,
    Edition,
    EditionObserver,
    Process,
    SteeringGroupMembership,
)


@extend_schema_field(OpenApiTypes.STR)
class StateCodeField(serializers.Field):
    """A state given by its ISO 3166 alpha-3 code; only UN Member and Observer States."""

    default_error_messages = {"invalid": "Give the ISO 3166 alpha-3 code of a state as text."}

    def to_internal_value(self, data):
        if not isinstance(data, str) or len(data) > 3:
            if isinstance(data, str):
                data = data[:12]
            else:
                self.fail("invalid")
        try:
            return state_by_iso3(data)
        except DomainError as error:
            raise serializers.ValidationError(error.message) from None

    def to_representation(self, value):
        return value.iso3 if value is not None else None


class ProcessSlugField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="slug", queryset=Process.objects.all(), **kwargs)


class EditionSummarySerializer(serializers.ModelSerializer):
    process = serializers.CharField(source="process.slug", read_only=True)
    host_state = StateCodeField(read_only=True)
    chairs = serializers.SerializerMethodField()
    theme = serializers.CharField(read_only=True)

    class Meta:
        model = Edition
        fields = [
            "process",
            "number",
            "year",
            "year_end",
            "theme",
            "host_state",
            "host_city",
            "summit_start",
            "summit_end",
            "chairs",
        ]

    def get_chairs(self, edition) -> list[str]:
        return [state.iso3 for state in chair_states(edition)]


class EditionWriteSerializer(serializers.ModelSerializer):
    process = ProcessSlugField()
    host_state = StateCodeField(required=False, allow_null=True)
    chairmanship = serializers.SlugRelatedField(
        slug_field="key", queryset=Chairmanship.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Edition
        fields = [
            "process",
            "number",
            "year",
            "year_end",
            "theme_en",
            "theme_fr",
            "theme_es",
            "host_state",
            "host_city",
            "summit_start",
            "summit_start_precision",
            "summit_end",
            "summit_end_precision",
            "chairmanship",
        ]
        validators = []  # uniqueness is a domain rule with its own message

    def save(self, **kwargs):
        edition = self.instance or Edition()
        for name, value in {**self.validated_data, **kwargs}.items():
            setattr(edition, name, value)
        self.instance = save_edition(edition)
        return self.instance


class WarningSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    source = serializers.CharField()


class EditionDetailSerializer(serializers.Serializer):
    process = serializers.CharField()
    number = serializers.IntegerField()
    year = serializers.IntegerField()
    year_end = serializers.IntegerField(allow_null=True)
    theme = serializers.CharField()
    host_state = serializers.CharField(allow_null=True)
    host_city = serializers.CharField()
    summit_start = serializers.DateField(allow_null=True)
    summit_end = serializers.DateField(allow_null=True)
    as_of = serializers.DateField()
    chairs = serializers.ListField(child=serializers.CharField())
    co_chair = serializers.CharField(allow_null=True)
    troika = serializers.ListField(
        child=serializers.CharField(),
        help_text="ISO3 codes: outgoing, in office, forthcoming (each state once).",
    )
    troika_positions = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField())
    )
    troika_formed = serializers.BooleanField()
    extended_troika = serializers.ListField(child=serializers.CharField())
    steering_group = serializers.ListField(child=serializers.CharField())
    steering_group_ex_officio = serializers.ListField(child=serializers.CharField())
    warnings = WarningSerializer(many=True)
    provenance = serializers.CharField()


def edition_detail_data(
    edition: Edition, as_of: datetime.date | None, around: EditionNeighbourhood | None = None
) -> dict:
    governance = edition_governance(edition, as_of, around=around)
    troika = governance.troika
    return {
        "process": edition.process.slug,
        "number": edition.number,
        "year": edition.year,
        "year_end": edition.year_end,
        "theme": edition.theme,
        "host_state": edition.host_state.iso3 if edition.host_state else None,
        "host_city": edition.host_city,
        "summit_start": edition.summit_start,
        "summit_end": edition.summit_end,
        "as_of": governance.as_of,
        "chairs": [state.iso3 for state in governance.chairs],
        "co_chair": governance.co_chair.iso3 if governance.co_chair else None,
        "troika": [state.iso3 for state in troika.states],
        "troika_positions": {
            position: [state.iso3 for state in states] for position, states in troika.positions
        },
        "troika_formed": troika.formed,
        "extended_troika": [extension.state.iso3 for extension in troika.extended],
        "steering_group": [seat.state.iso3 for seat in governance.steering_group],
        "steering_group_ex_officio": [
            seat.state.iso3 for seat in governance.steering_group if seat.ex_officio
        ],
        "warnings": [vars(w) for w in governance.warnings],
        "provenance": edition.provenance,
    }


class EditionList(generics.ListCreateAPIView):
    """Editions of every process; `?process=gfmd` for the GFMD's. Support Unit staff create."""

    permission_required = {"GET": "governance.view_edition", "POST": "governance.add_edition"}

    def get_queryset(self):
        editions = editions_with_chair_states().order_by("process__slug", "number")
        process = self.request.query_params.get("process")
        if process:
            editions = editions.filter(process__slug=process)
        return editions

    def get_serializer_class(self):
        return EditionWriteSerializer if self.request.method == "POST" else EditionSummarySerializer

    @extend_schema(
        parameters=[OpenApiParameter("process", str, description="Process slug, e.g. gfmd")]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(request=EditionWriteSerializer, responses={201: EditionDetailSerializer})
    def post(self, request, *args, **kwargs):
        serializer = EditionWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        require(request, "governance.add_edition", serializer.validated_data["process"])
        edition = serializer.save()
        return Response(edition_detail_data(edition, None), status=status.HTTP_201_CREATED)


def require(request, permission: str, target) -> None:
    """Object-level check once the target is known from the request body."""
    if not request.user.has_perm(permission, target):
        raise PermissionDenied()


def parse_as_of(request) -> datetime.date | None:
    value = request.query_params.get("as_of")
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise DomainError(
            f"“{value[:40]}” is not a date; use YYYY-MM-DD, for example 2010-11-08.",
            field="as_of",
        ) from None


class EditionDetail(generics.GenericAPIView):
    """One edition with its governance as of its Summit, or as of `?as_of=YYYY-MM-DD`."""

    permission_required = {
        "GET": "governance.view_edition",
        "PATCH": "governance.change_edition",
    }
    serializer_class = EditionDetailSerializer

    def get_permission_object(self):
        return self.get_object()

    def get_object(self):
        """The edition with its neighbours, read once for the permission check and the answer."""
        if not hasattr(self, "_around"):
            self._around = neighbourhood_by_address(self.kwargs["process"], self.kwargs["number"])
            if self._around is None:
                raise Http404
        return self._around.edition

    @extend_schema(
        parameters=[
            OpenApiParameter("as_of", datetime.date, description="Read governance on this day")
        ]
    )
    def get(self, request, *args, **kwargs):
        edition = self.get_object()
        return Response(edition_detail_data(edition, parse_as_of(request), around=self._around))

    @extend_schema(request=EditionWriteSerializer, responses={200: EditionDetailSerializer})
    def patch(self, request, *args, **kwargs):
        edition = self.get_object()
        serializer = EditionWriteSerializer(edition, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if serializer.validated_data.get("process", edition.process) != edition.process:
            raise DomainError("An edition cannot move to another process.", field="process")
        serializer.save()
        edition.refresh_from_db()
        return Response(edition_detail_data(edition, None))


class ChairTermInput(serializers.Serializer):
    state = StateCodeField()
    start = serializers.DateField(required=False, allow_null=True)
    end = serializers.DateField(required=False, allow_null=True)
    phase = serializers.IntegerField(min_value=1, default=1)
    is_lead = serializers.BooleanField(default=True)


class ChairmanshipInput(serializers.Serializer):
    process = ProcessSlugField()
    key = serializers.SlugField(max_length=80)
    name_en = serializers.CharField(max_length=200)
    editions = serializers.ListField(child=serializers.IntegerField(min_value=1), allow_empty=True)
    chairs = ChairTermInput(many=True, allow_empty=False)

    def validate_key(self, key):
        if Chairmanship.objects.filter(key=key).exists():
            raise serializers.ValidationError("A chairmanship with this key exists already.")
        return key


class ChairmanshipOutput(serializers.Serializer):
    key = serializers.CharField()
    name_en = serializers.CharField()
    editions = serializers.ListField(child=serializers.IntegerField())
    chairs = serializers.ListField(child=serializers.CharField())


class ChairmanshipCreate(generics.GenericAPIView):
    """Record who chairs one or more editions (Support Unit staff)."""

    permission_required = "governance.add_chairmanship"
    serializer_class = ChairmanshipInput

    @extend_schema(request=ChairmanshipInput, responses={201: ChairmanshipOutput})
    def post(self, request):
        serializer = ChairmanshipInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        process = data["process"]
        require(request, "governance.add_chairmanship", process)
        with transaction.atomic():
            editions = list(Edition.objects.filter(process=process, number__in=data["editions"]))
            missing = sorted(set(data["editions"]) - {e.number for e in editions})
            if missing:
                raise DomainError(
                    f"{process} has no edition number {', '.join(map(str, missing))}; "
                    "create it first.",
                    field="editions",
                )
            chairmanship = Chairmanship.objects.create(
                process=process, key=data["key"], name_en=data["name_en"]
            )
            for term in data["chairs"]:
                add_chair_term(
                    chairmanship,
                    term["state"],
                    term.get("start"),
                    term.get("end"),
                    phase=term["phase"],
                    is_lead=term["is_lead"],
                )
            for edition in editions:
                edition.chairmanship = chairmanship
                edition.save()
        return Response(
            {
                "key": chairmanship.key,
                "name_en": chairmanship.name_en,
                "editions": [e.number for e in editions],
                "chairs": [term["state"].iso3 for term in data["chairs"]],
            },
            status=status.HTTP_201_CREATED,
        )


class MembershipSerializer(serializers.ModelSerializer):
    state = StateCodeField()

    class Meta:
        model = SteeringGroupMembership
        fields = ["id", "state", "start", "start_precision", "end", "end_precision", "source_note"]
        read_only_fields = ["id"]


class SteeringGroupMemberships(generics.ListCreateAPIView):
    """Steering Group memberships of a process; Support Unit staff of its chair add members."""

    permission_required = {"GET": "governance.view_process", "POST": "governance.add_membership"}
    serializer_class = MembershipSerializer

    def get_process(self) -> Process:
        if not hasattr(self, "_process"):
            self._process = get_object_or_404(Process, slug=self.kwargs["process"])
        return self._process

    def get_permission_object(self):
        return self.get_process()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no process
            return SteeringGroupMembership.objects.none()
        return (
            SteeringGroupMembership.objects.filter(process=self.get_process())
            .select_related("state")
            .order_by("state__name_en", "start")
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        membership = add_steering_group_membership(
            self.get_process(),
            data["state"],
            data.get("start"),
            data.get("end"),
            start_precision=data.get("start_precision", "day"),
            end_precision=data.get("end_precision", "day"),
            source_note=data.get("source_note", ""),
        )
        return Response(MembershipSerializer(membership).data, status=status.HTTP_201_CREATED)


class ObserverSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(),
        error_messages={"does_not_exist": "No organisation has the id {pk_value}."},
    )
    name = serializers.CharField(source="organisation.name", read_only=True)
    acronym = serializers.CharField(source="organisation.acronym", read_only=True)
    type = serializers.CharField(source="organisation.type", read_only=True)


class EditionObserverBase(generics.GenericAPIView):
    serializer_class = ObserverSerializer
    queryset = EditionObserver.objects.none()  # tells the schema generator the model
    pagination_class = None

    def get_edition(self) -> Edition:
        if not hasattr(self, "_edition"):
            self._edition = get_object_or_404(
                Edition.objects.select_related("process"),
                process__slug=self.kwargs["process"],
                number=self.kwargs["number"],
            )
        return self._edition

    def get_permission_object(self):
        return self.get_edition()


class EditionObservers(EditionObserverBase):
    """Organisations invited as observers of an edition (Operating Modalities, 003 L9510-L9513);
    Support Unit staff of the edition invite them."""

    permission_required = {"GET": "governance.view_edition", "POST": "governance.change_edition"}

    @extend_schema(responses={200: ObserverSerializer(many=True)})
    def get(self, request, *args, **kwargs):
        return Response(ObserverSerializer(observers_of(self.get_edition()), many=True).data)

    def post(self, request, *args, **kwargs):
        serializer = ObserverSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        observer = invite_observer(
            self.get_edition(), serializer.validated_data["organisation"], user=request.user
        )
        return Response(ObserverSerializer(observer).data, status=status.HTTP_201_CREATED)


class EditionObserverDetail(EditionObserverBase):
    """Remove an observer from an edition (the history keeps that it was one)."""

    permission_required = {"DELETE": "governance.change_edition"}

    @extend_schema(responses={204: None})
    def delete(self, request, *args, **kwargs):
        withdraw_observer(self.get_edition(), self.kwargs["observer"], user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

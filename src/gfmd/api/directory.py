"""API of the directory: states and organisations (public)."""

import django_filters
from drf_spectacular.utils import extend_schema_field
from rest_framework import generics, serializers

from gfmd.directory.enums import DevelopmentStatus, OrganisationType, UNStatus
from gfmd.directory.models import Organisation, State


class StateSerializer(serializers.ModelSerializer):
    names = serializers.SerializerMethodField()

    class Meta:
        model = State
        fields = [
            "iso3",
            "iso2",
            "iso_numeric",
            "name_en",
            "names",
            "m49_region_code",
            "m49_region",
            "m49_subregion_code",
            "m49_subregion",
            "m49_intermediate_region_code",
            "m49_intermediate_region",
            "un_status",
            "un_member_since",
            "development_status",
            "development_status_source",
            "development_status_year",
        ]

    def get_names(self, state) -> dict[str, str]:
        return {"en": state.name_en, "fr": state.name_fr, "es": state.name_es}


class StateFilter(django_filters.FilterSet):
    region = django_filters.CharFilter(field_name="m49_region", lookup_expr="iexact")
    un_status = django_filters.ChoiceFilter(choices=UNStatus.choices)
    development_status = django_filters.ChoiceFilter(choices=DevelopmentStatus.choices)
    q = django_filters.CharFilter(field_name="name_en", lookup_expr="icontains")

    class Meta:
        model = State
        fields = ["region", "un_status", "development_status", "q"]


class StateList(generics.ListAPIView):
    """The 193 UN Member States and 2 Observer States."""

    permission_required = "directory.view_state"
    queryset = State.objects.order_by("name_en")
    serializer_class = StateSerializer
    filterset_class = StateFilter


class StateDetail(generics.RetrieveAPIView):
    permission_required = "directory.view_state"
    queryset = State.objects.all()
    serializer_class = StateSerializer
    lookup_field = "iso3__iexact"
    lookup_url_kwarg = "iso3"


class OrganisationSerializer(serializers.ModelSerializer):
    based_in = serializers.SlugRelatedField(slug_field="iso3", read_only=True)
    provenance = serializers.CharField(read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name_en",
            "name_fr",
            "name_es",
            "acronym",
            "type",
            "global_migration_group_member",
            "based_in",
            "website",
            "provenance",
        ]


class ObservedEditionSerializer(serializers.Serializer):
    process = serializers.CharField()
    number = serializers.IntegerField()
    year = serializers.IntegerField()


class OrganisationDetailSerializer(OrganisationSerializer):
    observer_of = serializers.SerializerMethodField(
        help_text="Editions the organisation was invited to as observer (003 L9510-L9513)."
    )

    class Meta(OrganisationSerializer.Meta):
        fields = [*OrganisationSerializer.Meta.fields, "observer_of"]

    @extend_schema_field(ObservedEditionSerializer(many=True))
    def get_observer_of(self, organisation) -> list[dict]:
        from gfmd.governance.models import EditionObserver

        rows = (
            EditionObserver.objects.filter(organisation=organisation)
            .order_by("edition__year", "edition__process__slug")
            .values_list("edition__process__slug", "edition__number", "edition__year")
        )
        return [{"process": p, "number": n, "year": y} for p, n, y in rows]


class OrganisationFilter(django_filters.FilterSet):
    type = django_filters.ChoiceFilter(choices=OrganisationType.choices)
    q = django_filters.CharFilter(field_name="name_en", lookup_expr="icontains")
    acronym = django_filters.CharFilter(lookup_expr="iexact")

    class Meta:
        model = Organisation
        fields = ["type", "q", "acronym", "global_migration_group_member"]


class OrganisationList(generics.ListAPIView):
    permission_required = "directory.view_organisation"
    queryset = Organisation.objects.select_related("based_in").order_by("name_en", "id")
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter


class OrganisationDetail(generics.RetrieveAPIView):
    permission_required = "directory.view_organisation"
    queryset = Organisation.objects.select_related("based_in")
    serializer_class = OrganisationDetailSerializer

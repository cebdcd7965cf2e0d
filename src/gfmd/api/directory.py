"""API of the directory: states and organisations (public)."""

import django_filters
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
    serializer_class = OrganisationSerializer

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from gfmd.common.models import collation_key
from gfmd.common.views import PermissionRequiredMixin

from .domain.queries import (
    organisation_gfmd_record,
    organisations_for_listing,
    regions,
    state_gfmd_history,
    states_for_listing,
)
from .enums import DevelopmentStatus, OrganisationType, UNStatus
from .models import Organisation, State


def state_rows(states) -> list[dict]:
    """The listing's rows with their labels translated once per value rather than once per row
    (195 rows × two choice labels was most of the page's time), sorted by the localised name."""
    un_status = {value: str(label) for value, label in UNStatus.choices}
    development = {value: str(label) for value, label in DevelopmentStatus.choices}
    address = reverse("directory:state", args=["ISO"]).removesuffix("ISO/")
    rows = [
        {
            "name": state.name,
            "iso3": state.iso3,
            "url": f"{address}{state.iso3}/",
            "m49_region": state.m49_region,
            "m49_subregion": state.m49_subregion,
            "un_status": un_status.get(state.un_status, state.un_status),
            "un_member_since": state.un_member_since,
            "development_status": development.get(
                state.development_status, state.development_status
            ),
        }
        for state in states
    ]
    return sorted(rows, key=lambda row: collation_key(row["name"]))


class StateListView(PermissionRequiredMixin, TemplateView):
    permission_required = "directory.view_state"
    template_name = "directory/state_list.html"

    def get_context_data(self, **kwargs):
        search = self.request.GET.get("q", "").strip()[:100]
        region = self.request.GET.get("region", "").strip()[:60]
        return super().get_context_data(
            states=state_rows(states_for_listing(search, region)),
            regions=regions(),
            search=search,
            region=region,
            **kwargs,
        )


class StateDetailView(PermissionRequiredMixin, TemplateView):
    permission_required = "directory.view_state"
    template_name = "directory/state_detail.html"

    def get_context_data(self, **kwargs):
        state = get_object_or_404(State, iso3=self.kwargs["iso3"].upper())
        from gfmd.preparation.domain.queries import state_session_teams  # no module-level import

        kwargs["session_teams"] = state_session_teams(state)
        return super().get_context_data(state=state, **state_gfmd_history(state), **kwargs)


class OrganisationListView(PermissionRequiredMixin, TemplateView):
    permission_required = "directory.view_organisation"
    template_name = "directory/organisation_list.html"

    def get_context_data(self, **kwargs):
        search = self.request.GET.get("q", "").strip()[:100]
        type_ = self.request.GET.get("type", "")
        if type_ not in OrganisationType.values:
            type_ = ""
        paginator = Paginator(organisations_for_listing(search, type_), 50)
        page = paginator.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            page=page, search=search, type=type_, types=OrganisationType.choices, **kwargs
        )


class OrganisationDetailView(PermissionRequiredMixin, TemplateView):
    permission_required = "directory.view_organisation"
    template_name = "directory/organisation_detail.html"

    def get_context_data(self, **kwargs):
        organisation = get_object_or_404(
            Organisation.objects.select_related("based_in"), pk=self.kwargs["pk"]
        )
        return super().get_context_data(
            organisation=organisation, **organisation_gfmd_record(organisation), **kwargs
        )

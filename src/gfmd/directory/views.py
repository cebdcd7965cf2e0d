from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from gfmd.common.models import collation_key
from gfmd.common.views import PermissionRequiredMixin

from .domain.queries import (
    organisations_for_listing,
    regions,
    state_gfmd_history,
    states_for_listing,
)
from .enums import OrganisationType
from .models import Organisation, State


class StateListView(PermissionRequiredMixin, TemplateView):
    permission_required = "directory.view_state"
    template_name = "directory/state_list.html"

    def get_context_data(self, **kwargs):
        search = self.request.GET.get("q", "").strip()[:100]
        region = self.request.GET.get("region", "").strip()[:60]
        return super().get_context_data(
            states=sorted(states_for_listing(search, region), key=lambda s: collation_key(s.name)),
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
        return super().get_context_data(organisation=organisation, **kwargs)

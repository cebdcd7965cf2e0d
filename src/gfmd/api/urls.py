from django.urls import path

from . import directory, governance, library, marketplace
from .finance import finance_paths
from .outcomes import outcomes_paths
from .preparation import preparation_paths
from .preparation_editing import preparation_editing_paths
from .schema import PublicSchemaView, PublicSwaggerView
from .summit import summit_paths

app_name = "api"
urlpatterns = [
    path("openapi.json", PublicSchemaView.as_view(), name="schema"),
    path("docs/", PublicSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("states", directory.StateList.as_view(), name="states"),
    path("states/<str:iso3>", directory.StateDetail.as_view(), name="state"),
    path("organisations", directory.OrganisationList.as_view(), name="organisations"),
    path("organisations/<int:pk>", directory.OrganisationDetail.as_view(), name="organisation"),
    path("documents", library.DocumentList.as_view(), name="documents"),
    path("documents/<int:pk>", library.DocumentDetail.as_view(), name="document"),
    path("documents/<int:pk>/versions", library.VersionCreate.as_view(), name="document_versions"),
    path("search", library.Search.as_view(), name="search"),
    path("editions", governance.EditionList.as_view(), name="editions"),
    path(
        "editions/<slug:process>/<int:number>", governance.EditionDetail.as_view(), name="edition"
    ),
    *preparation_paths("editions/<slug:process>/<int:number>/"),
    *preparation_editing_paths("editions/<slug:process>/<int:number>/"),
    *summit_paths("editions/<slug:process>/<int:number>/"),
    *finance_paths("editions/<slug:process>/<int:number>/"),
    *outcomes_paths("editions/<slug:process>/<int:number>/"),
    path(
        "editions/<slug:process>/<int:number>/observers",
        governance.EditionObservers.as_view(),
        name="edition_observers",
    ),
    path(
        "editions/<slug:process>/<int:number>/observers/<int:observer>",
        governance.EditionObserverDetail.as_view(),
        name="edition_observer",
    ),
    path("chairmanships", governance.ChairmanshipCreate.as_view(), name="chairmanships"),
    path(
        "processes/<slug:process>/steering-group-memberships",
        governance.SteeringGroupMemberships.as_view(),
        name="steering_group_memberships",
    ),
]

MARKETPLACE = "marketplace/<slug:process>/<int:number>/"
urlpatterns += [
    path(MARKETPLACE + "requests", marketplace.RequestList.as_view(), name="mp_requests"),
    path(MARKETPLACE + "requests/<int:pk>", marketplace.RequestDetail.as_view(), name="mp_request"),
    path(
        MARKETPLACE + "requests/<int:pk>/offers",
        marketplace.OfferList.as_view(),
        name="mp_offers",
    ),
    path(
        MARKETPLACE + "requests/<int:pk>/messages",
        marketplace.MessageList.as_view(),
        name="mp_messages",
    ),
    path(
        MARKETPLACE + "requests/<int:pk>/meeting-requests",
        marketplace.MeetingRequestList.as_view(),
        name="mp_meeting_requests",
    ),
    path(
        MARKETPLACE + "meeting-requests/<int:pk>/answer",
        marketplace.MeetingRequestAnswer.as_view(),
        name="mp_meeting_request_answer",
    ),
    path(MARKETPLACE + "schedule", marketplace.Schedule.as_view(), name="mp_schedule"),
    path(MARKETPLACE + "meetings", marketplace.MeetingList.as_view(), name="mp_meetings"),
]

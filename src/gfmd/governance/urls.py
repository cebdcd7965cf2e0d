from django.urls import path

from . import views

app_name = "governance"
urlpatterns = [
    path("editions/", views.EditionListView.as_view(), name="editions"),
    path("editions/<slug:process>/", views.ProcessView.as_view(), name="process"),
    path(
        "editions/<slug:process>/<int:number>/",
        views.EditionDetailView.as_view(),
        name="edition",
    ),
    path(
        "editions/<slug:process>/<int:number>/governance/",
        views.EditionGovernanceView.as_view(),
        name="governance",
    ),
    path(
        "editions/<slug:process>/<int:number>/governance/history/",
        views.EditionHistoryView.as_view(),
        name="history",
    ),
    path(
        "editions/<slug:process>/<int:number>/governance/steering-group/",
        views.SteeringGroupMembershipCreateView.as_view(),
        name="add_steering_group_membership",
    ),
    path(
        "editions/<slug:process>/<int:number>/governance/observers/",
        views.ObserverInviteView.as_view(),
        name="invite_observer",
    ),
    path(
        "editions/<slug:process>/<int:number>/governance/observers/<int:observer>/withdraw/",
        views.ObserverWithdrawView.as_view(),
        name="withdraw_observer",
    ),
]

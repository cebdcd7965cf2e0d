from django.urls import path

from . import views

app_name = "outcomes"
edition = "editions/<slug:process>/<int:number>/outcomes/"
recommendation = edition + "recommendations/<int:pk>/"
urlpatterns = [
    path(edition, views.EditionOutcomesView.as_view(), name="edition"),
    path(
        "editions/<slug:process>/<int:number>/outcomes.<str:format>",
        views.OutcomesExportView.as_view(),
        name="export",
    ),
    path(edition + "new/", views.RecommendationCreateView.as_view(), name="add"),
    path(recommendation, views.RecommendationView.as_view(), name="recommendation"),
    path(recommendation + "edit/", views.RecommendationUpdateView.as_view(), name="edit"),
    path(recommendation + "report/", views.FollowUpCreateView.as_view(), name="report"),
    path("follow-up/", views.MyFollowUpView.as_view(), name="mine"),
    path("follow-up/states/<str:iso3>/", views.StateFollowUpView.as_view(), name="state"),
]

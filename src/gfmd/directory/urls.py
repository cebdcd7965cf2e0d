from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("states/", views.StateListView.as_view(), name="states"),
    path("states/<str:iso3>/", views.StateDetailView.as_view(), name="state"),
    path("organisations/", views.OrganisationListView.as_view(), name="organisations"),
    path("organisations/<int:pk>/", views.OrganisationDetailView.as_view(), name="organisation"),
]

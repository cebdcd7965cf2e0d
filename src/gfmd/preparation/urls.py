from django.urls import path

from . import views

app_name = "preparation"
edition = "editions/<slug:process>/<int:number>/"
session = edition + "sessions/<str:session>/"
urlpatterns = [
    path(edition + "roundtables/", views.AgendaView.as_view(), name="agenda"),
    path(session, views.SessionView.as_view(), name="session"),
    path(session + "volunteer/", views.VolunteerView.as_view(), name="volunteer"),
    path(session + "publish/", views.PublishView.as_view(), name="publish"),
    path(session + "team/<int:member>/decide/", views.DecideView.as_view(), name="decide"),
    path(edition + "team-matrix/", views.TeamMatrixView.as_view(), name="team_matrix"),
    path(
        edition + "team-matrix.<str:format>",
        views.TeamMatrixView.as_view(),
        name="team_matrix_export",
    ),
    path(edition + "timeline/", views.TimelineView.as_view(), name="timeline"),
    path(edition + "calendar.ics", views.CalendarView.as_view(), name="calendar"),
    path(edition + "calendar/<str:body>.ics", views.CalendarView.as_view(), name="body_calendar"),
    path("preparatory-events/<int:pk>/", views.EventView.as_view(), name="event"),
    path("surveys/<int:pk>/", views.SurveyView.as_view(), name="survey"),
    path("surveys/<int:pk>/results/", views.SurveyResultsView.as_view(), name="survey_results"),
    path(
        "surveys/<int:pk>/results.<str:format>",
        views.SurveyResultsView.as_view(),
        name="survey_results_export",
    ),
]

from django.urls import path

from . import views
from .views import editing, meetings, papers, survey_editing

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
    path(
        "preparatory-events/<int:pk>/",
        meetings.MeetingView.as_view(),
        {"kind": meetings.EVENT},
        name="event",
    ),
    path("surveys/<int:pk>/", views.SurveyView.as_view(), name="survey"),
    path("surveys/<int:pk>/results/", views.SurveyResultsView.as_view(), name="survey_results"),
    path(
        "surveys/<int:pk>/results.<str:format>",
        views.SurveyResultsView.as_view(),
        name="survey_results_export",
    ),
    # Background papers (views/papers.py)
    path(session + "background-paper/", papers.PaperView.as_view(), name="paper"),
    path(session + "background-paper/start/", papers.PaperStartView.as_view(), name="paper_start"),
    path(session + "background-paper/drafts/", papers.PaperDraftView.as_view(), name="paper_draft"),
    path(
        session + "background-paper/comments/",
        papers.PaperCommentsView.as_view(),
        name="paper_comments",
    ),
    path(
        session + "background-paper/checklist/",
        papers.PaperChecklistView.as_view(),
        name="paper_checklist",
    ),
    path(
        session + "background-paper/deadline/",
        papers.PaperDeadlineView.as_view(),
        name="paper_deadline",
    ),
    path(
        session + "background-paper/publish/",
        papers.PaperPublishView.as_view(),
        name="paper_publish",
    ),
    # Writing the concept paper (views/editing.py)
    path(edition + "roundtables/themes/new/", editing.ThemeCreateView.as_view(), name="add_theme"),
    path(
        edition + "roundtables/themes/<int:theme>/edit/",
        editing.ThemeUpdateView.as_view(),
        name="edit_theme",
    ),
    path(
        edition + "roundtables/new/", editing.RoundtableCreateView.as_view(), name="add_roundtable"
    ),
    path(
        edition + "roundtables/<str:roundtable>/edit/",
        editing.RoundtableUpdateView.as_view(),
        name="edit_roundtable",
    ),
    path(
        edition + "roundtables/sessions/new/",
        editing.SessionCreateView.as_view(),
        name="add_session",
    ),
    path(session + "edit/", editing.SessionUpdateView.as_view(), name="edit_session"),
    path(
        session + "guiding-questions/",
        editing.GuidingQuestionsView.as_view(),
        name="edit_questions",
    ),
    # Building surveys (views/survey_editing.py)
    path(edition + "surveys/new/", survey_editing.SurveyCreateView.as_view(), name="add_survey"),
    path("surveys/<int:pk>/edit/", survey_editing.SurveyEditView.as_view(), name="survey_edit"),
    path("surveys/<int:pk>/open/", survey_editing.SurveyOpenView.as_view(), name="survey_open"),
    path(
        "surveys/<int:pk>/questions/",
        survey_editing.SurveyQuestionAddView.as_view(),
        name="survey_question_add",
    ),
    path(
        "surveys/<int:pk>/questions/<int:question>/",
        survey_editing.SurveyQuestionEditView.as_view(),
        name="survey_question",
    ),
    path(
        "surveys/<int:pk>/questions/<int:question>/remove/",
        survey_editing.SurveyQuestionRemoveView.as_view(),
        name="survey_question_remove",
    ),
    path(
        "surveys/<int:pk>/questions/<int:question>/move/",
        survey_editing.SurveyQuestionMoveView.as_view(),
        name="survey_question_move",
    ),
    # Body meetings and preparatory events: their record (views/meetings.py)
    path(
        "body-meetings/<int:pk>/",
        meetings.MeetingView.as_view(),
        {"kind": meetings.BODY},
        name="body_meeting",
    ),
    path(
        "body-meetings/<int:pk>/attendance/",
        meetings.AttendanceView.as_view(),
        {"kind": meetings.BODY},
        name="body_meeting_attendance",
    ),
    path(
        "body-meetings/<int:pk>/tabled/",
        meetings.TabledView.as_view(),
        {"kind": meetings.BODY},
        name="body_meeting_tabled",
    ),
    path(
        "body-meetings/<int:pk>/subjects/",
        meetings.DecisionSubjectView.as_view(),
        {"kind": meetings.BODY},
        name="body_meeting_subjects",
    ),
    path(
        "body-meetings/<int:pk>/<str:what>/<int:record>/remove/",
        meetings.RemoveRecordView.as_view(),
        {"kind": meetings.BODY},
        name="body_meeting_remove",
    ),
    path(
        "preparatory-events/<int:pk>/attendance/",
        meetings.AttendanceView.as_view(),
        {"kind": meetings.EVENT},
        name="event_attendance",
    ),
    path(
        "preparatory-events/<int:pk>/tabled/",
        meetings.TabledView.as_view(),
        {"kind": meetings.EVENT},
        name="event_tabled",
    ),
    path(
        "preparatory-events/<int:pk>/<str:what>/<int:record>/remove/",
        meetings.RemoveRecordView.as_view(),
        {"kind": meetings.EVENT},
        name="event_remove",
    ),
]

from django.urls import path

from .models import Slot, Table
from .views import meetings, requests, staff

app_name = "marketplace"
EDITION = "<slug:process>/<int:number>/"
urlpatterns = [
    path("", staff.IndexView.as_view(), name="index"),
    path("notices/", staff.NoticesView.as_view(), name="notices"),
    path("calendar/", meetings.CalendarView.as_view(), name="calendar"),
    path("calendar/<str:token>.ics", meetings.CalendarFeedView.as_view(), name="calendar_feed"),
    path("join/<str:token>/", staff.JoinView.as_view(), name="join"),
    path(EDITION, staff.HomeView.as_view(), name="home"),
    path(EDITION + "open/", staff.OpenMarketplaceView.as_view(), name="open"),
    path(EDITION + "requests/", requests.RequestListView.as_view(), name="requests"),
    path(EDITION + "requests/new/", requests.RequestCreateView.as_view(), name="request_new"),
    path(EDITION + "requests/<int:pk>/", requests.RequestDetailView.as_view(), name="request"),
    path(
        EDITION + "requests/<int:pk>/edit/",
        requests.RequestEditView.as_view(),
        name="request_edit",
    ),
    path(
        EDITION + "requests/<int:pk>/status/",
        requests.RequestTransitionView.as_view(),
        name="request_status",
    ),
    path(
        EDITION + "requests/<int:pk>/offers/", requests.OfferCreateView.as_view(), name="offer_new"
    ),
    path(
        EDITION + "requests/<int:pk>/offers/<int:offer>/withdraw/",
        requests.OfferWithdrawView.as_view(),
        name="offer_withdraw",
    ),
    path(
        EDITION + "requests/<int:pk>/messages/",
        requests.MessageCreateView.as_view(),
        name="message_new",
    ),
    path(
        EDITION + "requests/<int:pk>/messages/<int:message>/moderate/",
        requests.MessageModerateView.as_view(),
        name="message_moderate",
    ),
    path(
        EDITION + "requests/<int:pk>/meeting-requests/",
        requests.MeetingRequestCreateView.as_view(),
        name="meeting_request_new",
    ),
    path(
        EDITION + "requests/<int:pk>/meeting-requests/<int:meeting_request>/answer/",
        requests.MeetingRequestAnswerView.as_view(),
        name="meeting_request_answer",
    ),
    path(
        EDITION + "requests/<int:pk>/progress/",
        requests.ProgressCreateView.as_view(),
        name="progress_new",
    ),
    path(EDITION + "grid/", meetings.GridView.as_view(), name="grid"),
    path(EDITION + "grid/schedule/", meetings.ScheduleAllView.as_view(), name="schedule"),
    path(EDITION + "grid/slots/", meetings.SlotHoursView.as_view(), name="slot_new"),
    path(
        EDITION + "grid/slots/<int:pk>/remove/",
        meetings.RemoveFromGridView.as_view(model=Slot),
        name="slot_remove",
    ),
    path(EDITION + "grid/tables/", meetings.TableAddView.as_view(), name="table_new"),
    path(
        EDITION + "grid/tables/<int:pk>/remove/",
        meetings.RemoveFromGridView.as_view(model=Table),
        name="table_remove",
    ),
    path(
        EDITION + "grid/unavailable/",
        meetings.UnavailabilityAddView.as_view(),
        name="unavailable_new",
    ),
    path(EDITION + "meetings/<int:pk>/", meetings.MeetingDetailView.as_view(), name="meeting"),
    path(
        EDITION + "meetings/<int:pk>/outcome/",
        meetings.OutcomeSaveView.as_view(),
        name="outcome",
    ),
    path(
        EDITION + "meetings/<int:pk>/close/",
        meetings.MeetingCloseView.as_view(),
        name="meeting_close",
    ),
    path(
        EDITION + "meetings/<int:pk>/place/",
        meetings.MeetingPlaceView.as_view(),
        name="meeting_place",
    ),
    path(
        EDITION + "meetings/<int:pk>/lock/",
        meetings.MeetingUnlockView.as_view(),
        name="meeting_lock",
    ),
    path(EDITION + "agenda/", meetings.AgendaView.as_view(), name="agenda"),
    path(EDITION + "agenda.pdf", meetings.AgendaPdfView.as_view(), name="agenda_pdf"),
    path(EDITION + "monitoring/", staff.MonitoringView.as_view(), name="monitoring"),
    path(EDITION + "export.xlsx", staff.ExportView.as_view(), name="export_xlsx"),
    path(EDITION + "export/<str:table>.csv", staff.ExportView.as_view(), name="export_csv"),
    path(EDITION + "invitations/", staff.InvitationsView.as_view(), name="invitations"),
    path(
        EDITION + "invitations/<int:pk>/revoke/",
        staff.InvitationRevokeView.as_view(),
        name="invitation_revoke",
    ),
]

from django.urls import path

from . import views

app_name = "summit"
summit = "editions/<slug:process>/<int:number>/summit/"
delegation = summit + "delegations/<int:pk>/"
urlpatterns = [
    path(summit, views.RegistrationView.as_view(), name="registration"),
    path(summit + "register/", views.RegisterView.as_view(), name="register"),
    path(delegation, views.DelegationView.as_view(), name="delegation"),
    path(delegation + "members/", views.DelegateAddView.as_view(), name="add_delegate"),
    path(
        delegation + "members/<int:delegate>/remove/",
        views.DelegateRemoveView.as_view(),
        name="remove_delegate",
    ),
    path(delegation + "confirm/", views.ConfirmView.as_view(), name="confirm"),
    path(delegation + "withdraw/", views.WithdrawView.as_view(), name="withdraw"),
    path(summit + "staff/", views.StaffView.as_view(), name="staff"),
    path(summit + "staff/settings/", views.RegistrationSettingsView.as_view(), name="settings"),
    path(summit + "delegates.<str:format>", views.ExportView.as_view(), name="export"),
]

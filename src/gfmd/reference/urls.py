from django.urls import path

from . import views

app_name = "reference"
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("sdg/<int:goal>/", views.GoalView.as_view(), name="sdg_goal"),
    path("sdg/targets/<str:code>/", views.TargetView.as_view(), name="sdg_target"),
    path("gcm/objectives/<int:number>/", views.ObjectiveView.as_view(), name="gcm_objective"),
    path(
        "gcm/guiding-principles/<int:number>/",
        views.PrincipleView.as_view(),
        name="gcm_guiding_principle",
    ),
]

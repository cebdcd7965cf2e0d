from django.urls import path

from . import views
from .views import editing

app_name = "finance"
funding = "editions/<slug:process>/<int:number>/funding/"
urlpatterns = [
    path(funding, views.FundingView.as_view(), name="funding"),
    path(funding + "budget.<str:format>", views.BudgetExportView.as_view(), name="budget_export"),
    path(
        funding + "contributions.<str:format>",
        views.ContributionExportView.as_view(),
        name="contributions_export",
    ),
    path(funding + "budgets/new/", editing.BudgetCreateView.as_view(), name="add_budget"),
    path(
        funding + "budgets/<int:version>/", editing.BudgetUpdateView.as_view(), name="edit_budget"
    ),
    path(
        funding + "budgets/<int:version>/action/",
        editing.BudgetActionView.as_view(),
        name="budget_action",
    ),
    path(
        funding + "budgets/<int:version>/lines/new/",
        editing.LineCreateView.as_view(),
        name="add_line",
    ),
    path(funding + "lines/<int:pk>/", editing.LineUpdateView.as_view(), name="edit_line"),
    path(funding + "lines/<int:pk>/remove/", editing.LineRemoveView.as_view(), name="remove_line"),
    path(
        funding + "contributions/new/",
        editing.ContributionCreateView.as_view(),
        name="add_contribution",
    ),
    path(
        funding + "contributions/publish/",
        editing.PublishContributionsView.as_view(),
        name="publish_contributions",
    ),
    path(
        funding + "contributions/<int:pk>/",
        editing.ContributionUpdateView.as_view(),
        name="edit_contribution",
    ),
    path(
        funding + "contributions/<int:pk>/unpublish/",
        editing.UnpublishContributionView.as_view(),
        name="unpublish_contribution",
    ),
    path(
        funding + "expenditures/new/",
        editing.ExpenditureCreateView.as_view(),
        name="add_expenditure",
    ),
    path(
        funding + "expenditures/<int:pk>/",
        editing.ExpenditureUpdateView.as_view(),
        name="edit_expenditure",
    ),
    path(
        funding + "carry-over/new/",
        editing.CarryOverCreateView.as_view(),
        name="add_carry_over",
    ),
]

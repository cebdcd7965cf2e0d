"""The outcomes in the Support Unit's admin.

Staff (``governance.use_admin``) see the recommendations and follow-up reports of the editions
they record outcomes for (``outcomes.change_recommendation``). A recommendation changed here
goes through the same checks as the page (origin in its own edition, number once where it comes
from, non-binding for the GFMD, reporting to a later edition). Follow-up reports are written on
the recommendation's page or through the API, which check who reports, the date and the
percentage; here they are read only, with their history. Provenance is read only."""

from django import forms
from django.contrib import admin

from gfmd.common.errors import DomainError
from gfmd.governance.admin_scopes import EditionScopedAdmin as GovernanceEditionScopedAdmin

from .domain.recommendations import (
    check_choices,
    check_non_binding,
    check_number,
    check_origin,
    check_reporting_edition,
)
from .models import FollowUp, Recommendation

PROVENANCE = ("source_document", "source_lines", "source_note")


class EditionScopedAdmin(GovernanceEditionScopedAdmin):
    edition_permission = "outcomes.add_recommendation"


class RecommendationAdminForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = [
            "edition",
            "session",
            "roundtable",
            "horizontal_issue_en",
            "horizontal_issue_fr",
            "horizontal_issue_es",
            "number",
            "text_en",
            "text_fr",
            "text_es",
            "addressees_en",
            "addressees_fr",
            "addressees_es",
            "lead_states",
            "actor_states",
            "actor_organisations",
            "level",
            "horizon",
            "reporting_target_en",
            "reporting_target_fr",
            "reporting_target_es",
            "reporting_edition",
            "non_binding",
        ]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        edition = cleaned.get("edition") or getattr(self.instance, "edition", None)
        if edition is None:
            return cleaned
        try:
            session, roundtable, issue = check_origin(
                edition,
                session=cleaned.get("session"),
                roundtable=cleaned.get("roundtable"),
                horizontal_issue_en=cleaned.get("horizontal_issue_en", ""),
            )
            cleaned["roundtable"], cleaned["horizontal_issue_en"] = roundtable, issue
            check_choices(cleaned.get("level", ""), cleaned.get("horizon", ""))
            check_non_binding(edition, cleaned.get("non_binding", True))
            check_reporting_edition(edition, cleaned.get("reporting_edition"))
            check_number(
                edition,
                cleaned.get("number"),
                session=session,
                roundtable=roundtable,
                issue=issue,
                recommendation=self.instance if self.instance.pk else None,
            )
        except DomainError as error:
            self.add_error(error.field if error.field in self.fields else None, error.message)
        return cleaned


class FollowUpInline(admin.TabularInline):
    """Reports are written on the recommendation's page, which checks who reports and when."""

    model = FollowUp
    extra = 0
    can_delete = False
    fields = ["reported_on", "status", "progress", "reporting_state", "author", "text_en"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Recommendation)
class RecommendationAdmin(EditionScopedAdmin):
    form = RecommendationAdminForm
    list_display = ["__str__", "edition", "level", "horizon", "non_binding"]
    list_filter = ["edition__process", "edition", "level", "horizon"]
    search_fields = ["text_en", "text_fr", "text_es", "horizontal_issue_en", "session__number"]
    list_select_related = ["edition__process", "session", "roundtable"]
    autocomplete_fields = ["lead_states", "actor_states", "actor_organisations"]
    readonly_fields = PROVENANCE
    inlines = [FollowUpInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(FollowUp)
class FollowUpAdmin(EditionScopedAdmin):
    edition_path = "recommendation__edition"
    list_display = ["recommendation", "reported_on", "status", "progress", "reporting_state"]
    list_filter = ["status", "recommendation__edition"]
    list_select_related = [
        "recommendation__edition__process",
        "recommendation__session",
        "recommendation__roundtable",
        "reporting_state",
    ]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False  # reported on the recommendation's page, which checks who may report

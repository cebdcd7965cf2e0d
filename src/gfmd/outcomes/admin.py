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
from gfmd.directory.admin import HistoryAdmin
from gfmd.governance.models import Edition

from .domain.recommendations import (
    check_choices,
    check_non_binding,
    check_number,
    check_origin,
    check_reporting_edition,
)
from .models import FollowUp, Recommendation

PROVENANCE = ("source_document", "source_lines", "source_note")


class EditionScopedAdmin(HistoryAdmin):
    """Records of the editions whose outcomes the user records; ``edition_path`` leads there."""

    edition_path = "edition"

    @staticmethod
    def managed_edition_ids(request) -> set[int] | None:
        if request.user.is_superuser:
            return None
        if not hasattr(request, "_gfmd_outcomes_editions"):
            request._gfmd_outcomes_editions = {
                edition.pk
                for edition in Edition.objects.select_related("process", "chairmanship")
                if request.user.has_perm("outcomes.add_recommendation", edition)
            }
        return request._gfmd_outcomes_editions

    def edition_id_of(self, obj) -> int | None:
        target = obj
        for name in self.edition_path.split("__"):
            target = getattr(target, name, None)
        return getattr(target, "pk", None)

    def _manages(self, request, obj) -> bool:
        ids = self.managed_edition_ids(request)
        return obj is None or ids is None or self.edition_id_of(obj) in ids

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        ids = self.managed_edition_ids(request)
        return queryset if ids is None else queryset.filter(**{f"{self.edition_path}__in": ids})

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._manages(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._manages(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._manages(request, obj)


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

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        ids = self.managed_edition_ids(request)
        if ids is not None and db_field.name == "edition":
            kwargs["queryset"] = Edition.objects.filter(pk__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

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

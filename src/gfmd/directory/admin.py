from django.contrib import admin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from gfmd.common.admin_site import SupportUnitAdmin

from .models import Affiliation, Organisation, Person, State


class HistoryAdmin(SupportUnitAdmin, SimpleHistoryAdmin):
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """A past version is shown, never saved back: django-simple-history would write all its
        values to the record (read-only fields too) after checking only the view permission,
        bypassing the domain rules that every change goes through. Reverting is disabled
        (settings.SIMPLE_HISTORY_REVERT_DISABLED); a POST is refused."""
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(State)
class StateAdmin(HistoryAdmin):
    list_display = ["name_en", "iso3", "m49_region", "un_status", "development_status"]
    list_filter = ["m49_region", "un_status", "development_status"]
    search_fields = ["name_en", "name_fr", "name_es", "iso3"]


@admin.register(Organisation)
class OrganisationAdmin(HistoryAdmin):
    list_display = ["name_en", "acronym", "type", "global_migration_group_member"]
    list_filter = ["type", "global_migration_group_member"]
    search_fields = ["name_en", "acronym"]


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ["state", "organisation"]


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    list_display = ["full_name", "email", "preferred_language"]
    search_fields = ["full_name", "email"]
    inlines = [AffiliationInline]

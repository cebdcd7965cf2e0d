from django.contrib import admin

from gfmd.directory.admin import HistoryAdmin

from . import models


class ChairTermInline(admin.TabularInline):
    model = models.ChairTerm
    extra = 0
    autocomplete_fields = ["state"]


@admin.register(models.Process)
class ProcessAdmin(HistoryAdmin):
    list_display = ["name_en", "acronym", "kind", "slug"]


@admin.register(models.Chairmanship)
class ChairmanshipAdmin(HistoryAdmin):
    list_display = ["name_en", "process", "key"]
    inlines = [ChairTermInline]


@admin.register(models.Edition)
class EditionAdmin(HistoryAdmin):
    list_display = ["process", "number", "year", "host_city", "host_state"]
    list_filter = ["process"]
    autocomplete_fields = ["host_state"]


for model in [
    models.ChairHolder,
    models.ChairCandidacy,
    models.TroikaExtension,
    models.SteeringGroupMembership,
    models.FriendsOfTheForumMembership,
    models.SupportUnitAssignment,
    models.FocalPoint,
    models.WorkingGroup,
    models.WorkingGroupName,
    models.WorkingGroupMember,
    models.BodyMeeting,
    models.BodyDecision,
]:
    admin.site.register(model, HistoryAdmin)

from django.contrib import admin

from gfmd.directory.admin import HistoryAdmin

from . import models
from .interfaces.forms import DatedMembershipAdminForm


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


class SteeringGroupMembershipForm(DatedMembershipAdminForm):
    body_label = "Steering Group"

    class Meta:
        model = models.SteeringGroupMembership
        fields = "__all__"


class FriendsOfTheForumMembershipForm(DatedMembershipAdminForm):
    body_label = "Friends of the Forum"

    class Meta:
        model = models.FriendsOfTheForumMembership
        fields = "__all__"


@admin.register(models.SteeringGroupMembership)
class SteeringGroupMembershipAdmin(HistoryAdmin):
    form = SteeringGroupMembershipForm
    list_display = ["state", "process", "start", "end"]
    list_filter = ["process"]


@admin.register(models.FriendsOfTheForumMembership)
class FriendsOfTheForumMembershipAdmin(HistoryAdmin):
    form = FriendsOfTheForumMembershipForm
    list_display = ["state", "process", "start", "end"]


for model in [
    models.Handover,
    models.ChairHolder,
    models.ChairCandidacy,
    models.TroikaExtension,
    models.SupportUnitAssignment,
    models.FocalPoint,
    models.WorkingGroup,
    models.WorkingGroupName,
    models.WorkingGroupMember,
    models.BodyMeeting,
    models.BodyDecision,
]:
    admin.site.register(model, HistoryAdmin)

"""The Marketplace in the Support Unit's admin.

The admin is a window on the records for Support Unit staff (``governance.use_admin``); each
of them sees and changes the records of the Marketplaces they run (``marketplace.manage``).
What the domain decides is not editable here, so an admin write cannot break it: the status of
a request or a meeting changes through its transitions (pages and API), references and parties
are derived, a meeting's slot and table are given by Schedule all or placed on the grid, and the
records the participants write (messages, meeting requests, Outcome Forms, progress) are read
only. What may be changed is checked as the pages check it: a request's sessions and themes
belong to its own edition, its tags to the reference lists, a slot overlaps no other.
Provenance is read only."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from gfmd.common.errors import DomainError
from gfmd.directory.admin import HistoryAdmin

from . import models
from .domain.grid import check_slot
from .domain.links import check_sessions_of_edition, check_themes_of_edition
from .domain.requests import check_service_types
from .domain.tags import check_themes
from .enums import MeetingStatus, ServiceType
from .interfaces.forms import MarketplaceForm, split_list

PROVENANCE = ("source_document", "source_lines", "source_note")


class MarketplaceScopedAdmin(HistoryAdmin):
    """Staff see the records of the Marketplaces they run; ``marketplace_path`` leads from the
    record to its Marketplace."""

    marketplace_path = "marketplace"
    read_only = False  # True: the record is written by its participants through the pages

    @staticmethod
    def managed_marketplace_ids(request) -> set[int] | None:
        """The Marketplaces the user runs (None: all of them, for platform operators)."""
        if request.user.is_superuser:
            return None
        if not hasattr(request, "_gfmd_managed_marketplaces"):
            request._gfmd_managed_marketplaces = {
                marketplace.pk
                for marketplace in models.Marketplace.objects.select_related(
                    "edition__process", "edition__chairmanship"
                )
                if request.user.has_perm("marketplace.manage", marketplace)
            }
        return request._gfmd_managed_marketplaces

    def marketplace_id_of(self, obj) -> int | None:
        target = obj
        for name in self.marketplace_path.split("__"):
            target = getattr(target, name, None)
        return getattr(target, "pk", None)

    def _runs(self, request, obj) -> bool:
        ids = self.managed_marketplace_ids(request)
        return obj is None or ids is None or self.marketplace_id_of(obj) in ids

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        ids = self.managed_marketplace_ids(request)
        if ids is None:
            return queryset
        return queryset.filter(**{f"{self.marketplace_path}__in": ids})

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._runs(request, obj)

    def has_change_permission(self, request, obj=None):
        return (
            not self.read_only
            and super().has_change_permission(request, obj)
            and self._runs(request, obj)
        )

    def has_add_permission(self, request):
        return not self.read_only and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._runs(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """A new record can only be attached to a Marketplace the user runs."""
        ids = self.managed_marketplace_ids(request)
        if ids is not None and db_field.name == "marketplace":
            kwargs["queryset"] = models.Marketplace.objects.filter(pk__in=ids)
        if ids is not None and db_field.name == "slot":
            kwargs["queryset"] = models.Slot.objects.filter(marketplace__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def domain_checked(clean):
    """Turn a DomainError of a form's clean() into the form error on its field."""

    def wrapper(form):
        try:
            return clean(form)
        except DomainError as error:
            field = error.field if error.field in form.fields else None
            form.add_error(field, error.message)
            return form.cleaned_data

    return wrapper


@admin.register(models.Marketplace)
class MarketplaceAdmin(MarketplaceScopedAdmin):
    marketplace_path = "pk"
    form = MarketplaceForm
    list_display = ["edition", "opens_on", "closes_on", "time_zone", "contact_email"]
    list_filter = ["edition__process"]
    fields = [
        "edition",
        "opens_on",
        "closes_on",
        "time_zone",
        "meeting_request_expiry_hours",
        "contact_email",
        *PROVENANCE,
    ]
    readonly_fields = ["edition", *PROVENANCE]

    def marketplace_id_of(self, obj):
        return obj.pk

    def get_queryset(self, request):
        queryset = super(MarketplaceScopedAdmin, self).get_queryset(request)
        ids = self.managed_marketplace_ids(request)
        return queryset if ids is None else queryset.filter(pk__in=ids)

    def has_add_permission(self, request):
        return False  # opened from the edition's Marketplace page (open_marketplace)


@admin.register(models.MarketplaceTeamMember)
class TeamMemberAdmin(MarketplaceScopedAdmin):
    list_display = ["user", "marketplace", "added_by"]
    list_filter = ["marketplace"]
    search_fields = ["user__email"]
    readonly_fields = ["added_by"]
    raw_id_fields = ["user"]

    def get_readonly_fields(self, request, obj=None):
        return ["marketplace", "user", "added_by"] if obj else ["added_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.added_by = request.user
        super().save_model(request, obj, form, change)


class SlotAdminForm(forms.ModelForm):
    class Meta:
        model = models.Slot
        fields = ["marketplace", "starts_at", "ends_at"]

    @domain_checked
    def clean(self):
        cleaned = super().clean()
        marketplace = cleaned.get("marketplace") or getattr(self.instance, "marketplace", None)
        starts_at = cleaned.get("starts_at", self.instance.starts_at)
        ends_at = cleaned.get("ends_at", self.instance.ends_at)
        if marketplace is not None and starts_at and ends_at:
            check_slot(marketplace, starts_at, ends_at, exclude_pk=self.instance.pk)
        return cleaned


@admin.register(models.Slot)
class SlotAdmin(MarketplaceScopedAdmin):
    """Slots are removed on the grid, which refuses while meetings sit in them; a slot that
    holds a meeting keeps its hours (moving it would move the meeting without telling anyone)."""

    form = SlotAdminForm
    list_display = ["__str__", "marketplace"]
    list_filter = ["marketplace"]
    date_hierarchy = "starts_at"

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return PROVENANCE
        held = obj.meetings.exclude(status=MeetingStatus.CANCELLED).exists()
        return ["marketplace", *(["starts_at", "ends_at"] if held else []), *PROVENANCE]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Table)
class TableAdmin(MarketplaceScopedAdmin):
    list_display = ["name", "location", "marketplace"]
    list_filter = ["marketplace"]
    search_fields = ["name", "location"]

    def get_readonly_fields(self, request, obj=None):
        return ["marketplace", *PROVENANCE] if obj else PROVENANCE

    def has_delete_permission(self, request, obj=None):
        return False  # removed on the grid, which refuses while meetings sit there


@admin.register(models.Unavailability)
class UnavailabilityAdmin(MarketplaceScopedAdmin):
    marketplace_path = "slot__marketplace"
    list_display = ["__str__", "reason"]
    list_filter = ["slot__marketplace"]
    search_fields = ["state__name_en", "organisation__name_en", "reason"]
    autocomplete_fields = ["state", "organisation"]


class ServiceRequestAdminForm(forms.ModelForm):
    """The pages' rules: service types and free themes as the domain checks them; sessions and
    themes of the request's own edition only."""

    service_types = forms.MultipleChoiceField(
        label=_("Services asked for"),
        choices=ServiceType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.CharField(
        label=_("Other themes"),
        required=False,
        help_text=_("Separate several with commas."),
    )

    class Meta:
        model = models.ServiceRequest
        fields = [
            "title_en",
            "title_fr",
            "title_es",
            "description_en",
            "description_fr",
            "description_es",
            "service_types",
            "related_sessions",
            "edition_themes",
            "gcm_objectives",
            "sdg_targets",
            "themes",
            "links_note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "themes" in self.fields:
            self.initial["themes"] = ", ".join(self.instance.themes)
        edition_id = self.instance.marketplace.edition_id if self.instance.pk else None
        for name in ("related_sessions", "edition_themes"):
            if name in self.fields and edition_id:
                field = self.fields[name]
                field.queryset = field.queryset.filter(edition_id=edition_id)

    def clean_service_types(self):
        try:
            return check_service_types(self.cleaned_data["service_types"])
        except DomainError as error:
            raise forms.ValidationError(error.message) from None

    def clean_themes(self):
        try:
            return check_themes(split_list(self.cleaned_data["themes"]))
        except DomainError as error:
            raise forms.ValidationError(error.message) from None

    @domain_checked
    def clean(self):
        cleaned = super().clean()
        edition = self.instance.marketplace.edition
        if cleaned.get("related_sessions") is not None:
            check_sessions_of_edition(edition, cleaned["related_sessions"])
        if cleaned.get("edition_themes") is not None:
            check_themes_of_edition(edition, cleaned["edition_themes"])
        return cleaned


@admin.register(models.ServiceRequest)
class ServiceRequestAdmin(MarketplaceScopedAdmin):
    form = ServiceRequestAdminForm
    list_display = ["reference", "title_en", "owner", "status", "marketplace"]
    list_filter = ["status", "marketplace", "received_by_email", "gcm_objectives"]
    search_fields = ["reference", "title_en", "title_fr", "title_es", "owner_state__name_en"]
    list_select_related = ["owner_state", "marketplace__edition__process"]
    readonly_fields = [
        "marketplace",
        "reference",
        "owner_state",
        "owner_not_named",
        "owner_person",
        "status",
        "received_by_email",
        "created_by",
        "validated_by",
        "created_at",
        "submitted_at",
        "published_at",
        *PROVENANCE,
    ]

    @admin.display(description=_("owner"))
    def owner(self, obj):
        return obj.owner_label

    def has_add_permission(self, request):
        return False  # entered on the Marketplace pages, which number and announce it


class ReadOnlyAdmin(MarketplaceScopedAdmin):
    """Written by the participants through the pages; the admin shows it and its history."""

    read_only = True

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]


@admin.register(models.Offer)
class OfferAdmin(ReadOnlyAdmin):
    marketplace_path = "request__marketplace"
    list_display = ["request", "provider", "resources_identified", "withdrawn_at"]
    list_filter = ["resources_identified", "request__marketplace"]
    search_fields = ["request__reference", "contribution", "provider_organisation__name_en"]


@admin.register(models.Message)
class MessageAdmin(ReadOnlyAdmin):
    marketplace_path = "request__marketplace"
    list_display = ["request", "author", "created_at", "hidden_at"]
    list_filter = ["request__marketplace"]
    search_fields = ["request__reference", "body"]


@admin.register(models.ProgressPost)
class ProgressPostAdmin(ReadOnlyAdmin):
    marketplace_path = "request__marketplace"
    list_display = ["request", "side", "posted_at", "resources_identified"]
    list_filter = ["side", "resources_identified"]


@admin.register(models.MeetingRequest)
class MeetingRequestAdmin(ReadOnlyAdmin):
    marketplace_path = "request__marketplace"
    list_display = ["request", "provider", "asked_by_side", "status", "expires_at"]
    list_filter = ["status", "asked_by_side"]


@admin.register(models.MarketplaceMeeting)
class MarketplaceMeetingAdmin(MarketplaceScopedAdmin):
    """Only the priority is changed here: the slot and table come from Schedule all or the grid
    (which check tables, parties and unavailability), the status from the meeting's page."""

    list_display = ["reference", "request", "provider", "slot", "table", "status", "locked"]
    list_filter = ["status", "locked", "priority", "marketplace"]
    search_fields = ["reference", "request__reference", "provider_organisation__name_en"]
    list_select_related = ["request", "provider_state", "provider_organisation", "slot", "table"]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields if f.name != "priority"]

    def has_add_permission(self, request):
        return False  # a meeting is an accepted meeting request


@admin.register(models.OutcomeForm)
class OutcomeFormAdmin(ReadOnlyAdmin):
    marketplace_path = "meeting__marketplace"
    list_display = [
        "meeting",
        "resources_identified",
        "owner_confirmed_at",
        "provider_confirmed_at",
    ]


@admin.register(models.Visitor)
class VisitorAdmin(ReadOnlyAdmin):
    list_display = ["user", "state", "organisation", "marketplace", "joined_at"]
    list_filter = ["marketplace"]
    search_fields = ["user__email"]


@admin.register(models.VisitorInvitation)
class VisitorInvitationAdmin(ReadOnlyAdmin):
    list_display = ["email", "state", "organisation", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["marketplace"]
    search_fields = ["email"]
    exclude = ["token_digest"]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields if f.name != "token_digest"]

"""The Summit registration in the Support Unit's admin.

Staff (``governance.use_admin``) see the registrations, delegations and members of the editions
they administer (``summit.manage_registration``). What the domain decides is not edited here:
a delegation is registered and its members added through the pages or the API (which check who
may take part, the seat cap and the one-registration-per-person rule); its status changes by
the Confirm and Withdraw actions, which call the same domain functions. The registration
settings are checked as on the staff page (dates in order, no cap below a registered delegation).
"""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from gfmd.common.errors import DomainError
from gfmd.governance.admin_scopes import EditionScopedAdmin as GovernanceEditionScopedAdmin

from .domain.delegations import confirm_delegation, withdraw_delegation
from .domain.registration import check_registration_settings, configure_registration
from .models import Delegate, Delegation, SummitRegistration


class EditionScopedAdmin(GovernanceEditionScopedAdmin):
    edition_permission = "summit.manage_registration"


class SummitRegistrationForm(forms.ModelForm):
    class Meta:
        model = SummitRegistration
        fields = [
            "edition",
            "opens_on",
            "closes_on",
            "seats_per_government",
            "seats_per_observer",
            "source",
        ]

    def clean(self):
        cleaned = super().clean()
        edition = cleaned.get("edition") or getattr(self.instance, "edition", None)
        if edition is None or self.errors:
            return cleaned
        try:
            check_registration_settings(
                edition,
                opens_on=cleaned.get("opens_on"),
                closes_on=cleaned.get("closes_on"),
                seats_per_government=cleaned.get("seats_per_government"),
                seats_per_observer=cleaned.get("seats_per_observer"),
            )
        except DomainError as error:
            self.add_error(error.field if error.field in self.fields else None, error.message)
        return cleaned


@admin.register(SummitRegistration)
class SummitRegistrationAdmin(EditionScopedAdmin):
    form = SummitRegistrationForm
    list_display = [
        "edition",
        "opens_on",
        "closes_on",
        "seats_per_government",
        "seats_per_observer",
    ]
    list_select_related = ["edition__process"]

    def get_readonly_fields(self, request, obj=None):
        return ["edition"] if obj else []

    def save_model(self, request, obj, form, change):
        """Through the domain, which checks the caps with the edition's delegations locked, as
        adding a member locks its delegation (the form's check alone could race it)."""
        data = form.cleaned_data
        saved = configure_registration(
            obj.edition,
            opens_on=data.get("opens_on"),
            closes_on=data.get("closes_on"),
            seats_per_government=data["seats_per_government"],
            seats_per_observer=data["seats_per_observer"],
            source=data.get("source", ""),
            user=request.user,
        )
        obj.pk = saved.pk


class DelegateInline(admin.TabularInline):
    """Members are added and removed on the delegation's page, which checks the rules."""

    model = Delegate
    extra = 0
    can_delete = False
    fields = ["person", "role", "function", "institution", "added_at", "added_by"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.action(description=_("Confirm the selected delegations"))
def confirm_delegations(modeladmin, request, queryset):
    for delegation in queryset.select_related("state", "organisation"):
        try:
            confirm_delegation(delegation, user=request.user)
        except DomainError as error:
            modeladmin.message_user(request, error.message, messages.ERROR)


@admin.action(description=_("Withdraw the selected delegations"))
def withdraw_delegations(modeladmin, request, queryset):
    for delegation in queryset.select_related("state", "organisation"):
        try:
            withdraw_delegation(delegation, user=request.user)
        except DomainError as error:
            modeladmin.message_user(request, error.message, messages.ERROR)


@admin.register(Delegation)
class DelegationAdmin(EditionScopedAdmin):
    list_display = ["__str__", "edition", "status", "registered_at"]
    list_filter = ["status", "edition__process", "edition"]
    search_fields = ["state__name_en", "state__iso3", "organisation__name_en"]
    list_select_related = ["state", "organisation", "edition__process"]
    inlines = [DelegateInline]
    actions = [confirm_delegations, withdraw_delegations]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False  # registered on the Summit page, which checks who may take part


@admin.register(Delegate)
class DelegateAdmin(EditionScopedAdmin):
    list_display = ["person", "role", "delegation", "edition"]
    list_filter = ["role", "edition"]
    search_fields = ["person__full_name", "person__email", "delegation__state__name_en"]
    list_select_related = [
        "person",
        "delegation__state",
        "delegation__organisation",
        "edition__process",
    ]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False  # added on the delegation's page, under the seat cap

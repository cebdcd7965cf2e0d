"""The Forum's funding in the Support Unit's admin.

Staff see the books they read (rules ``finance.view_accounts``: their chairmanship's, past
included, and those of the process whose chairmanship in office they serve) and change only
those they keep (``finance.manage_funding``). What the domain decides is not editable here: a
budget's version, status and publication change through the funding page's actions; amounts in
the budget's currency are computed from the rate. What may be changed is checked as the pages
check it (currencies, no negative amounts, drafts, successors). Provenance is read only."""

from django import forms
from django.contrib import admin
from django.http import Http404

from gfmd.common.errors import DomainError
from gfmd.directory.admin import HistoryAdmin
from gfmd.governance.models import Edition

from . import models
from .domain.access import managed_chairmanship_ids, readable_edition_filter
from .domain.budgets import BUDGET_FIGURES, budget_in_force, check_budget_fields, check_line_fields
from .domain.carry_over import check_carry_over
from .domain.contributions import CONTRIBUTION_FIELDS, check_contribution
from .domain.money import check_amount, check_currency
from .domain.spending import check_expenditure
from .enums import BudgetStatus

PROVENANCE = ("source_document", "source_lines", "source_note")
CONVERTED = ("converted_amount", "converted_currency")


def _is_id(value) -> bool:
    """An id in an admin address: ASCII digits a database integer holds (else 404, not 500)."""
    text = str(value)
    return text.isascii() and text.isdigit() and len(text) <= 18


def domain_checked(clean):
    """Turn a DomainError of a form's clean() into the form error on its field."""

    def wrapper(form):
        try:
            return clean(form)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            return form.cleaned_data

    return wrapper


class FundingScopedAdmin(HistoryAdmin):
    """Records of the books the user reads; changes to the books they keep. ``edition_path``
    leads from the record to its edition.

    The change list, the change form and the history pages (django-simple-history's
    ``history/`` and ``history/<id>/``, which find a record by its id and then ask only
    ``has_view_permission``) all apply the same scope: a record of another chairmanship's books
    is refused (403). A history page never saves a past version back (HistoryAdmin)."""

    edition_path = "edition"

    def _edition_of(self, obj):
        target = obj
        for name in self.edition_path.split("__"):
            target = getattr(target, name, None)
        return target

    def _readable_editions(self, request):
        return Edition.objects.filter(readable_edition_filter(request.user))

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{f"{self.edition_path}__in": self._readable_editions(request)})

    def _reads(self, request, obj) -> bool:
        """The change list's scope for one record (a deleted record's history included)."""
        if obj is None or request.user.is_superuser:
            return True
        edition = self._edition_of(obj)
        return (
            edition is not None and self._readable_editions(request).filter(pk=edition.pk).exists()
        )

    def _keeps(self, request, obj) -> bool:
        if request.user.is_superuser:
            return True
        ids = managed_chairmanship_ids(request.user)
        if obj is None:
            return bool(ids)
        edition = self._edition_of(obj)
        return edition is not None and edition.chairmanship_id in ids

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._reads(request, obj)

    def has_change_permission(self, request, obj=None):
        return (
            super().has_change_permission(request, obj)
            and self._reads(request, obj)
            and self._keeps(request, obj)
        )

    def has_add_permission(self, request):
        return super().has_add_permission(request) and self._keeps(request, None)

    def history_view(self, request, object_id, extra_context=None):
        if not _is_id(object_id):
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """A past version, for those who read the record's books (``has_view_permission``);
        HistoryAdmin refuses every POST here, so nothing is ever reverted from the admin."""
        if not (_is_id(object_id) and _is_id(version_id)):
            raise Http404
        return super().history_form_view(request, object_id, version_id, extra_context)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """A new record is attached only to books the user keeps."""
        if not request.user.is_superuser:
            ids = managed_chairmanship_ids(request.user)
            if db_field.name == "edition":
                kwargs["queryset"] = Edition.objects.filter(chairmanship_id__in=ids)
            if db_field.name == "budget":
                kwargs["queryset"] = models.Budget.objects.filter(
                    edition__chairmanship_id__in=ids, status=BudgetStatus.DRAFT
                )
            if db_field.name == "budget_line":
                kwargs["queryset"] = models.BudgetLine.objects.filter(
                    budget__edition__chairmanship_id__in=ids
                )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class BudgetAdminForm(forms.ModelForm):
    class Meta:
        model = models.Budget
        fields = ["title", "exchange_rate_note", "note", *BUDGET_FIGURES]

    @domain_checked
    def clean(self):
        cleaned = super().clean()
        fields = {k: v for k, v in cleaned.items() if k in self.Meta.fields}
        checked = check_budget_fields(fields)
        if self.instance.pk and self.instance.status != BudgetStatus.DRAFT:
            changed = [k for k in BUDGET_FIGURES if getattr(self.instance, k) != checked.get(k)]
            if changed:
                raise DomainError(
                    "This version is no longer a draft and keeps its figures: revise it on the "
                    "funding page.",
                    field=changed[0],
                )
        cleaned.update(checked)
        return cleaned


@admin.register(models.Budget)
class BudgetAdmin(FundingScopedAdmin):
    form = BudgetAdminForm
    list_display = ["__str__", "edition", "status", "currency", "published_at"]
    list_select_related = ["edition__process"]
    list_filter = ["status", "edition__process"]
    readonly_fields = [
        "edition",
        "version",
        "status",
        "published_at",
        "lines_published",
        *PROVENANCE,
    ]

    def has_add_permission(self, request):
        return False  # started on the funding page, which numbers the versions


class BudgetLineAdminForm(forms.ModelForm):
    class Meta:
        model = models.BudgetLine
        fields = ["budget", "category", "concept", "amount", "note", "order"]

    @domain_checked
    def clean(self):
        cleaned = super().clean()
        budget = cleaned.get("budget") or getattr(self.instance, "budget", None)
        if budget is not None and budget.status != BudgetStatus.DRAFT:
            raise DomainError(
                "Only a draft budget's lines change: revise the budget on the funding page.",
                field="budget",
            )
        cleaned.update(
            check_line_fields(
                {
                    k: cleaned.get(k)
                    for k in ("category", "concept", "amount", "note", "order")
                    if k in cleaned
                }
            )
        )
        return cleaned


@admin.register(models.BudgetLine)
class BudgetLineAdmin(FundingScopedAdmin):
    edition_path = "budget__edition"
    form = BudgetLineAdminForm
    list_display = ["concept", "category", "amount", "budget"]
    list_filter = ["budget__edition"]
    search_fields = ["concept", "category"]
    readonly_fields = PROVENANCE


class ContributionAdminForm(forms.ModelForm):
    class Meta:
        model = models.Contribution
        fields = ["edition", *[f for f in CONTRIBUTION_FIELDS if f != "order"]]

    @domain_checked
    def clean(self):
        cleaned = super().clean()
        edition = cleaned.get("edition") or getattr(self.instance, "edition", None)
        if edition is None:
            return cleaned
        budget = budget_in_force(models.Budget.objects.filter(edition=edition))
        checked = check_contribution(
            edition,
            {k: cleaned.get(k) for k in CONTRIBUTION_FIELDS},
            getattr(budget, "currency", None),
        )
        self.conversion = {name: checked[name] for name in CONVERTED}
        cleaned.update({k: v for k, v in checked.items() if k in self.fields})
        return cleaned


@admin.register(models.Contribution)
class ContributionAdmin(FundingScopedAdmin):
    form = ContributionAdminForm
    list_display = ["__str__", "kind", "amount", "currency", "status", "published_at", "edition"]
    list_filter = ["kind", "status", "edition"]
    search_fields = ["contributor_name", "state__name_en", "organisation__name_en", "purpose"]
    autocomplete_fields = ["state", "organisation"]
    readonly_fields = [*CONVERTED, "published_at", *PROVENANCE]

    def save_model(self, request, obj, form, change):
        for name, value in getattr(form, "conversion", {}).items():
            setattr(obj, name, value)
        super().save_model(request, obj, form, change)


class ExpenditureAdminForm(forms.ModelForm):
    class Meta:
        model = models.Expenditure
        fields = ["budget_line", "amount", "currency", "exchange_rate", "date", "description"]

    @domain_checked
    def clean(self):
        cleaned = super().clean()
        line = cleaned.get("budget_line")
        if line is None:
            return cleaned
        checked = check_expenditure(line, cleaned)
        self.conversion = {name: checked[name] for name in CONVERTED}
        cleaned.update({k: v for k, v in checked.items() if k in self.fields})
        return cleaned


@admin.register(models.Expenditure)
class ExpenditureAdmin(FundingScopedAdmin):
    edition_path = "budget_line__budget__edition"
    form = ExpenditureAdminForm
    list_display = ["date", "description", "amount", "currency", "budget_line"]
    list_filter = ["budget_line__budget__edition"]
    search_fields = ["description"]
    readonly_fields = [*CONVERTED, *PROVENANCE]

    def save_model(self, request, obj, form, change):
        for name, value in getattr(form, "conversion", {}).items():
            setattr(obj, name, value)
        super().save_model(request, obj, form, change)


class CarryOverAdminForm(forms.ModelForm):
    class Meta:
        model = models.CarryOver
        fields = ["from_chairmanship", "to_chairmanship", "amount", "currency", "date", "note"]

    @domain_checked
    def clean(self):
        cleaned = super().clean()
        if "amount" in cleaned:
            cleaned["amount"] = check_amount(cleaned["amount"])
        if "currency" in cleaned:
            cleaned["currency"] = check_currency(cleaned["currency"])
        if cleaned.get("from_chairmanship") and cleaned.get("to_chairmanship"):
            check_carry_over(cleaned["from_chairmanship"], cleaned["to_chairmanship"])
        return cleaned


@admin.register(models.CarryOver)
class CarryOverAdmin(FundingScopedAdmin):
    """Carry-overs belong to two chairmanships rather than one edition: the admin lists those of
    the chairmanships whose books the user reads."""

    form = CarryOverAdminForm
    list_display = ["__str__", "amount", "currency", "date"]
    readonly_fields = ["handover", *PROVENANCE]

    def _readable_chairmanship_ids(self, request) -> set[int]:
        return set(self._readable_editions(request).values_list("chairmanship_id", flat=True))

    def get_queryset(self, request):
        queryset = super(FundingScopedAdmin, self).get_queryset(request)
        if request.user.is_superuser:
            return queryset
        ids = self._readable_chairmanship_ids(request)
        return queryset.filter(from_chairmanship_id__in=ids) | queryset.filter(
            to_chairmanship_id__in=ids
        )

    def _reads(self, request, obj) -> bool:
        if obj is None or request.user.is_superuser:
            return True
        ids = self._readable_chairmanship_ids(request)
        return obj.from_chairmanship_id in ids or obj.to_chairmanship_id in ids

    def _keeps(self, request, obj) -> bool:
        if request.user.is_superuser:
            return True
        ids = managed_chairmanship_ids(request.user)
        if obj is None:
            return bool(ids)
        return obj.from_chairmanship_id in ids or obj.to_chairmanship_id in ids

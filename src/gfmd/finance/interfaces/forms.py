"""Forms with which the Support Unit keeps an edition's books. They check the shape of the
input; the rules (currencies, no negative amounts, rates, drafts, successors) are checked by
the domain functions the views call, and their refusals come back as errors on these forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gfmd.directory.models import Organisation, State
from gfmd.governance.models import Chairmanship

from ..domain.budgets import MAX_ORDER
from ..enums import ContributionKind, ContributionStatus, ContributorKind, InKindType
from ..models import BudgetLine

TEXT = {"rows": 3}
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def amount(label, required=True, help_text=""):
    return forms.DecimalField(
        label=label, max_digits=16, decimal_places=2, required=required, help_text=help_text
    )


def currency(label=None):
    return forms.CharField(
        label=label or _("Currency"),
        max_length=8,
        help_text=_("Three-letter ISO 4217 code, e.g. EUR, USD, MXN."),
        widget=forms.TextInput(attrs={"size": 4, "autocapitalize": "characters"}),
    )


def rate():
    return forms.DecimalField(
        label=_("Exchange rate"),
        max_digits=18,
        decimal_places=6,
        required=False,
        help_text=_(
            "How many units of this currency make one unit of the budget's currency "
            "(e.g. 19.16 Mexican pesos per euro). Empty when the currencies are the same."
        ),
    )


class BudgetForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=200, required=False, help_text=_("e.g. Draft Budget")
    )
    currency = currency()
    exchange_rate_note = forms.CharField(
        label=_("Exchange rate note"),
        max_length=300,
        required=False,
        help_text=_("e.g. Based on the exchange rate of 19.16 Mexican pesos / 1 euro."),
    )
    contingency_percent = forms.DecimalField(
        label=_("Contingency (%)"), max_digits=5, decimal_places=2, initial=0
    )
    own_resources = amount(
        _("Covered by the Chair's own resources"),
        required=False,
        help_text=_("The part the Chair-in-Office covers itself (003 L9614-L9615)."),
    )
    external_funding = amount(
        _("Requiring external funding"),
        required=False,
        help_text=_("The part for which the Chair needs contributions (003 L9615-L9616)."),
    )
    stated_total = amount(
        _("Total as stated"),
        required=False,
        help_text=_("Only when a document states a total; empty: lines plus contingency."),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs=TEXT))

    @classmethod
    def initial_for(cls, budget) -> dict:
        return {name: getattr(budget, name) for name in cls.base_fields}


class BudgetActionForm(forms.Form):
    ACTIONS = [
        ("present", _("Present to the Steering Group")),
        ("adopt", _("Adopt")),
        ("revise", _("Revise (new version)")),
        ("publish", _("Publish the summary")),
        ("publish_lines", _("Publish with the lines")),
        ("unpublish", _("Withdraw the publication")),
    ]
    action = forms.ChoiceField(choices=ACTIONS)
    day = forms.DateField(label=_("On"), required=False, widget=DATE)


class BudgetLineForm(forms.Form):
    category = forms.CharField(
        label=_("Category"),
        max_length=200,
        help_text=_("e.g. Taskforce, Preparatory activities, General Logistics"),
        widget=forms.TextInput(attrs={"list": "budget-categories"}),
    )
    concept = forms.CharField(label=_("Concept"), max_length=300)
    amount = amount(_("Amount"), required=False, help_text=_("Empty: not known yet."))
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs=TEXT))
    order = forms.IntegerField(
        label=_("Order"),
        required=False,
        min_value=0,
        max_value=MAX_ORDER,
        help_text=_("Empty: after the last line."),
    )

    @classmethod
    def initial_for(cls, line) -> dict:
        return {name: getattr(line, name) for name in cls.base_fields}


class ContributionForm(forms.Form):
    contributor_kind = forms.ChoiceField(label=_("Contributor"), choices=ContributorKind.choices)
    state = forms.ModelChoiceField(
        label=_("State"), queryset=State.objects.order_by("name_en"), required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name_en"), required=False
    )
    contributor_name = forms.CharField(
        label=_("Contributor as named"),
        max_length=250,
        required=False,
        help_text=_("e.g. UK Department for International Development; empty: the record's name."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=ContributionKind.choices)
    amount = amount(_("Amount"), required=False)
    currency = currency()
    exchange_rate = rate()
    rate_note = forms.CharField(label=_("Note on the rate"), max_length=300, required=False)
    in_kind_types = forms.MultipleChoiceField(
        label=_("What is given (non-financial)"),
        choices=InKindType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=300,
        required=False,
        help_text=_("As the donor earmarked it, e.g. For participants from developing countries."),
    )
    earmarked = forms.BooleanField(
        label=_("Earmarked"), required=False, initial=True, help_text=_("Untick: unearmarked.")
    )
    status = forms.ChoiceField(label=_("Status"), choices=ContributionStatus.choices)
    pledged_on = forms.DateField(label=_("Pledged on"), required=False, widget=DATE)
    received_on = forms.DateField(label=_("Received on"), required=False, widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["currency"].required = False

    @classmethod
    def initial_for(cls, contribution) -> dict:
        return {name: getattr(contribution, name) for name in cls.base_fields}


class BudgetLineChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.category} — {obj.concept}"


class ExpenditureForm(forms.Form):
    budget_line = BudgetLineChoiceField(label=_("Budget line"), queryset=BudgetLine.objects.none())
    amount = amount(_("Amount"))
    currency = currency()
    exchange_rate = rate()
    date = forms.DateField(label=_("Date"), widget=DATE)
    description = forms.CharField(label=_("Description"), max_length=300)

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget_line"].queryset = lines

    @classmethod
    def initial_for(cls, expenditure) -> dict:
        return {name: getattr(expenditure, name) for name in cls.base_fields}


class CarryOverForm(forms.Form):
    from_chairmanship = forms.ModelChoiceField(
        label=_("From the chairmanship"), queryset=Chairmanship.objects.none()
    )
    to_chairmanship = forms.ModelChoiceField(
        label=_("To the succeeding chairmanship"), queryset=Chairmanship.objects.none()
    )
    amount = amount(_("Amount"))
    currency = currency()
    date = forms.DateField(label=_("Date of the transfer"), widget=DATE)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs=TEXT))

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        chairmanships = Chairmanship.objects.filter(process=process).order_by("key")
        self.fields["from_chairmanship"].queryset = chairmanships
        self.fields["to_chairmanship"].queryset = chairmanships

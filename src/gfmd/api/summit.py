"""API of the Summit registration: an edition's delegations (public fields for everyone,
members for staff and for those who act for the delegation), registering a delegation, adding
and removing members, confirming and withdrawing. The same domain functions and permissions as
the pages (gfmd.summit); refusals are JSON 400 with the field's name."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from gfmd.api.governance import StateCodeField
from gfmd.common.errors import DomainError
from gfmd.directory.models import Organisation
from gfmd.governance.domain.roles import roles_of
from gfmd.governance.models import Edition
from gfmd.summit.domain.delegates import add_delegate, remove_delegate
from gfmd.summit.domain.delegations import (
    confirm_delegation,
    register_delegation,
    withdraw_delegation,
)
from gfmd.summit.domain.queries import (
    acts_for,
    counts_of,
    delegation_in,
    delegations_of,
    own_delegation_ids,
)
from gfmd.summit.domain.registration import registration_of, registration_window
from gfmd.summit.enums import DelegateRole, DelegationStatus
from gfmd.summit.models import Delegation


def get_edition(kwargs) -> Edition:
    return get_object_or_404(
        Edition.objects.select_related("process", "chairmanship"),
        process__slug=kwargs["process"],
        number=kwargs["number"],
    )


def registration_data(edition: Edition) -> dict | None:
    registration = registration_of(edition)
    if registration is None:
        return None
    window = registration_window(edition, registration)
    return {
        "opens_on": window.opens,
        "closes_on": window.closes,
        "closes_with_summit": window.closes_with_summit,
        "seats_per_government": registration.seats_per_government,
        "seats_per_observer": registration.seats_per_observer,
        "source": registration.source,
    }


def member_data(member) -> dict:
    return {
        "id": member.pk,
        "full_name": member.person.full_name,
        "email": member.person.email,
        "role": member.role,
        "room": member.room,
        "function": member.function,
        "institution": member.institution,
    }


def delegation_data(delegation: Delegation, *, with_members: bool) -> dict:
    """Public fields; ``members`` only when the caller may see names."""
    state, organisation = delegation.state, delegation.organisation
    data = {
        "id": delegation.pk,
        "kind": delegation.kind,
        "state": state.iso3 if state else None,
        "organisation": organisation.pk if organisation else None,
        "name": str(delegation.party),
        "m49_region": state.m49_region if state else None,
        "development_status": state.development_status if state else None,
        "status": delegation.status,
        "member_count": delegation.members,
        "in_main_room": delegation.in_main_room,
        "in_listening_room": delegation.in_listening_room,
    }
    if with_members:
        data["members"] = [member_data(m) for m in delegation.member_list]
    return data


class SummitView(APIView):
    """Views under an edition's address; ``staff``: Support Unit staff of the edition."""

    def get_edition(self) -> Edition:
        if not hasattr(self, "_edition"):
            self._edition = get_edition(self.kwargs)
        return self._edition

    def get_permission_object(self):
        return self.get_edition()

    @property
    def staff(self) -> bool:
        if not hasattr(self, "_staff"):
            self._staff = self.request.user.has_perm(
                "summit.manage_registration", self.get_edition()
            )
        return self._staff

    def get_delegation(self) -> Delegation:
        try:
            delegation = delegation_in(self.get_edition(), self.kwargs["pk"])
        except Delegation.DoesNotExist:
            raise NotFound("This edition has no delegation with this id.") from None
        delegation.edition = self.get_edition()
        return delegation


class DelegationCreateSerializer(serializers.Serializer):
    state = StateCodeField(required=False, help_text="ISO 3166 alpha-3 code, e.g. MEX")
    organisation = serializers.IntegerField(
        required=False, help_text="id of an organisation invited as observer"
    )

    def validate(self, data):
        if ("state" in data) == ("organisation" in data):
            raise serializers.ValidationError(
                {"state": ["Give either a state or an organisation, not both."]}
            )
        return data


class Delegations(SummitView):
    """GET: the edition's registration settings, counts and delegations (confirmed ones for
    everyone, every one for staff, plus the caller's own); members only for staff and for those
    who act for the delegation. POST: register a delegation."""

    permission_required = {"GET": "summit.view_registration", "POST": "summit.register"}

    @extend_schema(operation_id="summit_delegations_list", responses={200: dict})
    def get(self, request, **kwargs):
        edition = self.get_edition()
        roles = roles_of(request.user)
        staff = self.staff
        own = own_delegation_ids(edition, roles)
        delegations = delegations_of(
            edition,
            statuses=None if staff else [DelegationStatus.CONFIRMED],
            extra_ids=own,
            with_members=staff or bool(own),
        )
        confirmed = [d for d in delegations if d.status == DelegationStatus.CONFIRMED]
        counts = counts_of(confirmed)
        return Response(
            {
                "edition": str(edition),
                "registration": registration_data(edition),
                "counts": {
                    "confirmed_delegations": counts.delegations,
                    "governments": counts.governments,
                    "observers": counts.observers,
                    "by_m49_region": dict(counts.by_region),
                    "by_development_status": {
                        value: count for value, _label, count in counts.by_development_status
                    },
                },
                "delegations": [
                    delegation_data(d, with_members=staff or acts_for(d, roles))
                    for d in delegations
                ],
            }
        )

    @extend_schema(request=DelegationCreateSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        edition = self.get_edition()
        data = DelegationCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        state = data.validated_data.get("state")
        organisation = None
        if "organisation" in data.validated_data:
            organisation = Organisation.objects.filter(
                pk=data.validated_data["organisation"]
            ).first()
            if organisation is None:
                raise DomainError(
                    f"No organisation has the id {data.validated_data['organisation']}.",
                    field="organisation",
                )
        target = Delegation(edition=edition, state=state, organisation=organisation)
        if not request.user.has_perm("summit.register_delegation", target):
            raise PermissionDenied(
                "You may register only the delegation of the state you are focal point of, or "
                "of the organisation you work for."
            )
        delegation = register_delegation(
            edition, state=state, organisation=organisation, user=request.user, by_staff=self.staff
        )
        self.kwargs["pk"] = delegation.pk
        return Response(
            delegation_data(self.get_delegation(), with_members=True),
            status=status.HTTP_201_CREATED,
        )


class DelegationDetail(SummitView):
    """One delegation: public fields, members for staff and those who act for it. A delegation
    not yet confirmed (or withdrawn) is visible only to them."""

    permission_required = {"GET": "summit.view_delegation"}

    @extend_schema(operation_id="summit_delegation_retrieve", responses={200: dict})
    def get(self, request, **kwargs):
        delegation = self.get_delegation()
        sees = request.user.has_perm("summit.view_delegates", delegation)
        if delegation.status != DelegationStatus.CONFIRMED and not sees:
            raise NotFound("This edition has no delegation with this id.")
        return Response(delegation_data(delegation, with_members=sees))


class DelegateCreateSerializer(serializers.Serializer):
    full_name = serializers.CharField(max_length=200)
    email = serializers.EmailField(max_length=254)
    role = serializers.ChoiceField(choices=DelegateRole.values)
    function = serializers.CharField(max_length=250, required=False, allow_blank=True)
    institution = serializers.CharField(max_length=250, required=False, allow_blank=True)


class Delegates(SummitView):
    """Add a member to a delegation (under the seat cap); answers with the delegation."""

    permission_required = {"POST": "summit.change_delegation"}
    object_level_permission = True

    @extend_schema(request=DelegateCreateSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        delegation = self.get_delegation()
        self.check_object_permissions(request, delegation)
        data = DelegateCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        add_delegate(delegation, user=request.user, by_staff=self.staff, **data.validated_data)
        return Response(
            delegation_data(self.get_delegation(), with_members=True),
            status=status.HTTP_201_CREATED,
        )


class DelegateDetail(SummitView):
    """Remove a member from a delegation."""

    permission_required = {"DELETE": "summit.change_delegation"}
    object_level_permission = True

    @extend_schema(responses={204: None})
    def delete(self, request, **kwargs):
        delegation = self.get_delegation()
        self.check_object_permissions(request, delegation)
        member = next((m for m in delegation.member_list if m.pk == kwargs["delegate"]), None)
        if member is None:
            raise NotFound("This delegation has no member with this id.")
        remove_delegate(member, user=request.user, by_staff=self.staff)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=100, required=False, allow_blank=True)


class Confirm(SummitView):
    """Support Unit staff confirm a delegation (it needs a head of delegation)."""

    permission_required = {"POST": "summit.confirm_delegation"}
    object_level_permission = True

    @extend_schema(request=None, responses={200: dict})
    def post(self, request, **kwargs):
        delegation = self.get_delegation()
        self.check_object_permissions(request, delegation)
        confirm_delegation(delegation, user=request.user)
        return Response(delegation_data(self.get_delegation(), with_members=True))


class Withdraw(SummitView):
    """Support Unit staff withdraw a delegation."""

    permission_required = {"POST": "summit.withdraw_delegation"}
    object_level_permission = True

    @extend_schema(request=WithdrawSerializer, responses={200: dict})
    def post(self, request, **kwargs):
        delegation = self.get_delegation()
        self.check_object_permissions(request, delegation)
        data = WithdrawSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        withdraw_delegation(
            delegation, user=request.user, reason=data.validated_data.get("reason", "")
        )
        return Response(delegation_data(self.get_delegation(), with_members=True))


def summit_paths(edition: str) -> list:
    """The API paths of the Summit registration, under an edition's address (api/urls.py)."""
    from django.urls import path

    delegation = edition + "delegations/<int:pk>"
    return [
        path(edition + "delegations", Delegations.as_view(), name="summit_delegations"),
        path(delegation, DelegationDetail.as_view(), name="summit_delegation"),
        path(delegation + "/delegates", Delegates.as_view(), name="summit_delegates"),
        path(
            delegation + "/delegates/<int:delegate>",
            DelegateDetail.as_view(),
            name="summit_delegate",
        ),
        path(delegation + "/confirm", Confirm.as_view(), name="summit_confirm"),
        path(delegation + "/withdraw", Withdraw.as_view(), name="summit_withdraw"),
    ]

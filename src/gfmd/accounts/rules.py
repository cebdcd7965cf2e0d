import rules

from gfmd.governance.rules import is_superuser, is_support_unit_staff

rules.add_perm("accounts.sign_in", rules.always_allow)
# Two-factor sign-in is offered to staff accounts: Support Unit staff and platform operators.
rules.add_perm("accounts.enable_two_factor", is_superuser | is_support_unit_staff | rules.is_staff)

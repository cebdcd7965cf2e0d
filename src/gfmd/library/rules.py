"""Permission predicates of the library.

- Reading follows the access levels (domain/access.py).
- Support Unit staff of the chairmanship in office add and edit documents of their process
  (the incoming Chair's staff take over the website and archives at the handover, 003 L820-L822).
- Members of a document's preparing team add versions (drafts) to it.
"""

import rules

from gfmd.governance.rules import is_superuser, is_support_unit_staff_of_process

from .domain.access import can_read_version, team_documents


@rules.predicate
def can_edit_process_library(user, process) -> bool:
    return is_support_unit_staff_of_process(user, process)


@rules.predicate
def can_edit_document(user, document) -> bool:
    return document is not None and is_support_unit_staff_of_process(user, document.process)


@rules.predicate
def is_team_member_of(user, document) -> bool:
    if document is None or not user.is_authenticated:
        return False
    return team_documents(user).filter(document_id=document.pk).exists()


@rules.predicate
def may_read_version(user, version) -> bool:
    return version is not None and can_read_version(user, version)


rules.add_perm("library.search", rules.always_allow)
rules.add_perm("library.view_document", rules.always_allow)  # what it shows follows the levels
rules.add_perm("library.read_version", is_superuser | may_read_version)
rules.add_perm("library.add_document", is_superuser | can_edit_process_library)
rules.add_perm("library.change_document", is_superuser | can_edit_document)
rules.add_perm("library.add_version", is_superuser | can_edit_document | is_team_member_of)

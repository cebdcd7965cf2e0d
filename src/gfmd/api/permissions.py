from rest_framework.permissions import BasePermission


class DeclaredRulePermission(BasePermission):
    """Every API operation declares the named permission it needs.

    A view sets ``permission_required`` to a permission name or to a mapping from HTTP method
    (or DRF action) to a name. Object-level checks pass the object to the predicate.
    An operation without a declaration is refused, so a forgotten declaration fails closed.
    """

    message = "You do not have permission to perform this action."

    @staticmethod
    def required(view, request) -> str | None:
        declared = getattr(view, "permission_required", None)
        if isinstance(declared, dict):
            action = getattr(view, "action", None)
            return declared.get(action) or declared.get(request.method)
        return declared

    def has_permission(self, request, view) -> bool:
        permission = self.required(view, request)
        if permission is None:
            return False
        if getattr(view, "object_level_permission", False):
            return True  # decided in has_object_permission with the object
        target = view.get_permission_object() if hasattr(view, "get_permission_object") else None
        return request.user.has_perm(permission, target)

    def has_object_permission(self, request, view, obj) -> bool:
        permission = self.required(view, request)
        return permission is not None and request.user.has_perm(permission, obj)

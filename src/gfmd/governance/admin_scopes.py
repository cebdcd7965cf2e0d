"""An admin base for the records of a capability that belong to an edition: staff see and change
those of the editions a named permission lets them manage (the Summit's registration, the
outcomes), platform operators all of them."""

from gfmd.directory.admin import HistoryAdmin

from .models import Edition


class EditionScopedAdmin(HistoryAdmin):
    """Records of the editions the user manages; ``edition_path`` leads from a record to its
    edition, ``edition_permission`` is the permission that makes an edition managed."""

    edition_path = "edition"
    edition_permission = ""

    def managed_edition_ids(self, request) -> set[int] | None:
        """Editions the user manages (None: all, for platform operators), once per request."""
        if request.user.is_superuser:
            return None
        cache = request.__dict__.setdefault("_gfmd_managed_editions", {})
        if self.edition_permission not in cache:
            cache[self.edition_permission] = {
                edition.pk
                for edition in Edition.objects.select_related("process", "chairmanship")
                if request.user.has_perm(self.edition_permission, edition)
            }
        return cache[self.edition_permission]

    def edition_id_of(self, obj) -> int | None:
        target = obj
        for name in self.edition_path.split("__"):
            target = getattr(target, name, None)
        return getattr(target, "pk", None)

    def _manages(self, request, obj) -> bool:
        ids = self.managed_edition_ids(request)
        return obj is None or ids is None or self.edition_id_of(obj) in ids

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        ids = self.managed_edition_ids(request)
        return queryset if ids is None else queryset.filter(**{f"{self.edition_path}__in": ids})

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._manages(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._manages(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._manages(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        ids = self.managed_edition_ids(request)
        if ids is not None and db_field.name == "edition":
            kwargs["queryset"] = Edition.objects.filter(pk__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

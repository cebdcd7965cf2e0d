from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class GFMDAdminSite(admin.AdminSite):
    """Django's admin, for Support Unit staff (and platform operators) only."""

    site_header = "GFMD Platform — Support Unit"
    site_title = "GFMD Platform"

    def has_permission(self, request) -> bool:
        return request.user.is_active and request.user.has_perm("governance.use_admin")


class GFMDAdminConfig(AdminConfig):
    default_site = "gfmd.common.admin_site.GFMDAdminSite"


class SupportUnitAdmin(admin.ModelAdmin):
    """Support Unit staff may view and edit every record from the admin; history is kept."""

    def _allowed(self, request) -> bool:
        return request.user.has_perm("governance.use_admin")

    def has_module_permission(self, request):
        return self._allowed(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request)

    def has_add_permission(self, request):
        return self._allowed(request)

    def has_change_permission(self, request, obj=None):
        return self._allowed(request)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

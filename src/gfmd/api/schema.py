from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView


class PublicSchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema, public like the API's read operations."""

    permission_required = "api.view_schema"
    renderer_classes = [OpenApiJsonRenderer]


class PublicSwaggerView(SpectacularSwaggerView):
    permission_required = "api.view_schema"

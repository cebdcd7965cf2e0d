"""API of the document library: documents, search, upload and new versions (same checks as the
web forms)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from gfmd.common.errors import DomainError
from gfmd.common.parsing import whole_number
from gfmd.governance.models import Edition, Process
from gfmd.library.domain.access import readable_versions
from gfmd.library.domain.documents import Upload, add_version, create_document_with_version
from gfmd.library.domain.queries import documents_for_listing
from gfmd.library.domain.search import SearchFilters, filtered_documents, search
from gfmd.library.enums import AccessLevel, DocumentType, VersionStatus
from gfmd.library.interfaces.uploads import max_upload_bytes
from gfmd.library.models import Document

FILTERS = [
    OpenApiParameter("process", str),
    OpenApiParameter("year", int),
    OpenApiParameter("type", str, enum=DocumentType.values),
    OpenApiParameter("language", str),
    OpenApiParameter("tag", str, description="SDG target (10.7) or GCM objective (gcm-23)"),
    OpenApiParameter("author", str, description="ISO3 of a state, organisation acronym, person id"),
    OpenApiParameter("about", str, description="app_label.model:id"),
]


class FileSerializer(serializers.Serializer):
    language = serializers.CharField()
    kind = serializers.CharField()
    size = serializers.IntegerField()
    text_status = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, file) -> str:
        document = file.version.document
        return f"{document.get_absolute_url()}v{file.version.number}/{file.language}/"


class VersionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    status = serializers.CharField()
    access_level = serializers.CharField(source="effective_level")
    change_note = serializers.CharField()
    created_at = serializers.DateTimeField()
    files = FileSerializer(many=True, source="files.all")


class DocumentSerializer(serializers.ModelSerializer):
    process = serializers.CharField(source="process.slug")
    edition = serializers.IntegerField(source="edition.number", allow_null=True, default=None)
    url = serializers.CharField(source="get_absolute_url")
    languages = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "process",
            "edition",
            "year",
            "type",
            "slug",
            "title_en",
            "title_fr",
            "title_es",
            "summary_en",
            "date",
            "date_precision",
            "access_level",
            "url",
            "languages",
        ]

    def get_languages(self, document) -> list[str]:
        versions = getattr(document, "readable", [])
        return sorted({f.language for f in versions[0].files.all()}) if versions else []


class DocumentDetailSerializer(DocumentSerializer):
    versions = VersionSerializer(many=True, source="readable")

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "versions"]


def filters_from(params) -> SearchFilters:
    year = params.get("year")
    if year and whole_number(year, max_digits=4) is None:
        raise DomainError("year must be a number, e.g. 2010.", field="year")
    kind = params.get("type", "")
    if kind and kind not in DocumentType.values:
        raise DomainError(
            f"Unknown type; use one of: {', '.join(DocumentType.values)}.", field="type"
        )
    return SearchFilters(
        process=params.get("process", "")[:50],
        year=int(year) if year else None,
        type=kind,
        language=params.get("language", "")[:3],
        tag=params.get("tag", "")[:20],
        author=params.get("author", "")[:40],
        about=params.get("about", "")[:80],
    )


class DocumentList(generics.ListCreateAPIView):
    """Documents the caller may read; Support Unit staff create one with its first version."""

    permission_required = {"GET": "library.search", "POST": "library.add_document"}
    serializer_class = DocumentSerializer
    parser_classes = [MultiPartParser, FormParser]

    def get_queryset(self):
        user = self.request.user
        documents = documents_for_listing(user).order_by("-year", "type", "slug", "id")
        filters = filters_from(self.request.query_params)
        return filtered_documents(documents, filters, readable_versions(user))

    @extend_schema(parameters=FILTERS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request={"multipart/form-data": {"type": "object"}},
        responses={201: DocumentDetailSerializer},
        description=(
            "Fields: process, edition (number) or year, type, title_en, title_fr, title_es, "
            "summary_en, access_level, status (draft|final), change_note, and files named "
            "file_<language> (file_en, file_fr, file_nl...)."
        ),
    )
    def post(self, request, *args, **kwargs):
        data = request.data
        process = Process.objects.filter(slug=data.get("process", "")).first()
        if process is None:
            raise DomainError("Unknown process; give its slug, e.g. gfmd.", field="process")
        if not request.user.has_perm("library.add_document", process):
            raise PermissionDenied()
        edition = None
        if data.get("edition"):
            edition = (
                Edition.objects.filter(process=process, number=data["edition"]).first()
                if whole_number(data["edition"]) is not None
                else None
            )
            if edition is None:
                raise DomainError("No edition with this number in the process.", field="edition")
        year = edition.year if edition else data.get("year")
        if whole_number(year, max_digits=4) is None:
            raise DomainError("Give the edition or the year.", field="year")
        if data.get("type") not in DocumentType.values:
            raise DomainError("Unknown or missing type.", field="type")
        if not data.get("title_en"):
            raise DomainError("A title in English is required.", field="title_en")
        level = data.get("access_level") or AccessLevel.PUBLIC
        if level not in AccessLevel.values:
            raise DomainError("Unknown access level.", field="access_level")
        document = create_document_with_version(
            process=process,
            edition=edition,
            year=year,
            fields={
                "type": data["type"],
                "title_en": data["title_en"][:300],
                "title_fr": data.get("title_fr", "")[:300],
                "title_es": data.get("title_es", "")[:300],
                "summary_en": data.get("summary_en", ""),
                "access_level": level,
            },
            status=data.get("status") or VersionStatus.FINAL,
            uploads=uploads_from(request),
            change_note=data.get("change_note", ""),
            author=getattr(request.user, "person", None),
            user=request.user,
        )
        return Response(detail_data(request, document), status=status.HTTP_201_CREATED)


def uploads_from(request) -> list[Upload]:
    files = request.FILES  # parsed first: the size guard marks the request while reading
    if getattr(request._request, "gfmd_upload_too_large", False):
        raise DomainError(
            f"The file is larger than {max_upload_bytes() // (1024 * 1024)} MB.", field="file"
        )
    uploads = [
        Upload(name.removeprefix("file_"), file)
        for name, file in files.items()
        if name.startswith("file_")
    ]
    if not uploads:
        raise DomainError(
            "Attach at least one file, named file_<language> (file_en…).", field="file"
        )
    return uploads


def detail_data(request, document) -> dict:
    document = documents_for_listing(request.user).get(pk=document.pk)
    return DocumentDetailSerializer(document).data


class DocumentDetail(generics.RetrieveAPIView):
    """A document with its languages and the versions the caller may read."""

    permission_required = "library.view_document"
    serializer_class = DocumentDetailSerializer

    def get_queryset(self):
        return documents_for_listing(self.request.user)


class VersionCreate(generics.GenericAPIView):
    """A new version of a document (its team or Support Unit staff), with the same checks."""

    permission_required = "library.add_version"
    object_level_permission = True
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = DocumentDetailSerializer

    @extend_schema(
        request={"multipart/form-data": {"type": "object"}},
        responses={201: DocumentDetailSerializer},
    )
    def post(self, request, pk):
        document = get_object_or_404(documents_for_listing(request.user), pk=pk)
        self.check_object_permissions(request, document)
        add_version(
            document,
            status=request.data.get("status") or VersionStatus.DRAFT,
            access_level=request.data.get("access_level", ""),
            uploads=uploads_from(request),
            change_note=request.data.get("change_note", ""),
            author=getattr(request.user, "person", None),
            user=request.user,
            may_release=request.user.has_perm("library.change_document", document),
        )
        return Response(detail_data(request, document), status=status.HTTP_201_CREATED)


class HitSerializer(serializers.Serializer):
    document = DocumentSerializer()
    language = serializers.CharField(source="entry.language")
    title = serializers.CharField(source="entry.title")
    score = serializers.FloatField()
    snippet = serializers.CharField(help_text="HTML: matches are wrapped in <mark>.")


class Search(generics.GenericAPIView):
    """Ranked full-text search with snippets; only what the caller may read."""

    permission_required = "library.search"
    serializer_class = HitSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, required=True),
            OpenApiParameter("page", int),
            *FILTERS,
        ]
    )
    def get(self, request):
        query = request.query_params.get("q", "")
        if not query.strip():
            raise DomainError("Give the words to search for in q.", field="q")
        page = request.query_params.get("page", "1")
        if not 1 <= (whole_number(page, max_digits=5) or 0) <= 10_000:
            raise DomainError("page must be a number from 1 to 10000.", field="page")
        results = search(request.user, query, filters_from(request.query_params), page=int(page))
        return Response(
            {
                "query": results.query,
                "count": results.total,
                "facets": results.facets,
                "results": HitSerializer(results.hits, many=True).data,
            }
        )

"""API of the preparation of a Forum: roundtables, the Team Matrix, meetings, survey results,
and the writes of the forms (volunteer, decide, publish, create a survey, answer it) with the
same domain checks."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from gfmd.common.errors import DomainError
from gfmd.directory.domain.states import state_by_iso3
from gfmd.directory.models import Organisation
from gfmd.governance.domain.roles import roles_of
from gfmd.governance.models import Edition
from gfmd.preparation.domain.concept import check_guiding_questions
from gfmd.preparation.domain.queries import agenda, team_matrix
from gfmd.preparation.domain.surveys import create_survey, submit_response, survey_results
from gfmd.preparation.domain.teams import check_roles, check_team, decide, publish_session
from gfmd.preparation.domain.teams import volunteer as volunteer_for
from gfmd.preparation.domain.timeline import edition_timeline
from gfmd.preparation.enums import ChecklistItem, Perspective, SurveyKind, TeamSeat
from gfmd.preparation.interfaces.exports import matrix_csv, matrix_xlsx
from gfmd.preparation.models import RoundtableSession, Survey, TeamMembership

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def get_edition(kwargs) -> Edition:
    return get_object_or_404(
        Edition.objects.select_related("process", "chairmanship"),
        process__slug=kwargs["process"],
        number=kwargs["number"],
    )


def member_data(member: TeamMembership) -> dict:
    return {
        "id": member.pk,
        "state": member.state.iso3 if member.state_id else None,
        "organisation": str(member.organisation) if member.organisation_id else None,
        "seat": member.seat,
        "status": member.status,
        "perspective": member.perspective,
    }


def session_data(session: RoundtableSession) -> dict:
    return {
        "number": session.number,
        "title": session.title,
        "status": session.status,
        "expected_outcomes": session.expected_outcomes,
        "perspectives": {
            name: getattr(session, name)
            for name in ("human_rights", "gender", "whole_of_government", "whole_of_society")
        },
        "sdg_targets": [t.code for t in session.sdg_targets.all()],
        "gcm_objectives": [o.number for o in session.gcm_objectives.all()],
        "builds_on": [f"{s.edition.year} {s.number}" for s in session.builds_on.all()],
        "guiding_questions": [
            {
                "position": q.position,
                "text": q.text,
                "sdg_goals": [g.number for g in q.sdg_goals.all()],
                "gcm_guiding_principles": [p.number for p in q.gcm_guiding_principles.all()],
                "provenance": q.provenance,
            }
            for q in session.guiding_questions.all()
        ],
        "team": [member_data(m) for m in session.team.all()],
        "roles": [{"kind": r.kind, "holder": r.holder} for r in session.roles.all()],
        "warnings": [
            vars(w)
            for w in check_team(list(session.team.all()))
            + check_roles(list(session.roles.all()))
            + check_guiding_questions(list(session.guiding_questions.all()))
        ],
        "provenance": session.provenance,
    }


class Roundtables(APIView):
    """Themes → roundtables → sessions with guiding questions, tags, team and roles."""

    permission_required = {"GET": "preparation.view_agenda"}

    @extend_schema(responses={200: dict})
    def get(self, request, **kwargs):
        edition = get_edition(kwargs)
        drafts = request.user.has_perm("preparation.change_session", edition)
        themes = agenda(edition, include_drafts=drafts)
        return Response(
            {
                "edition": str(edition),
                "themes": [
                    {
                        "number": theme.number,
                        "title": theme.title,
                        "sdg_targets": [t.code for t in theme.sdg_targets.all()],
                        "roundtables": [
                            {
                                "number": roundtable.number,
                                "title": roundtable.title,
                                "sessions": [session_data(s) for s in roundtable.sessions.all()],
                            }
                            for roundtable in theme.roundtables.all()
                        ],
                    }
                    for theme in themes
                ],
            }
        )


class TeamMatrix(APIView):
    """The Team Matrix as JSON, or `.csv` / `.xlsx`."""

    permission_required = {"GET": "preparation.view_team_matrix"}

    @extend_schema(responses={200: dict})
    def get(self, request, export=None, **kwargs):
        edition = get_edition(kwargs)
        rows = team_matrix(edition)
        if export == "csv":
            return HttpResponse(matrix_csv(rows), content_type="text/csv; charset=utf-8")
        if export == "xlsx":
            return HttpResponse(matrix_xlsx(rows), content_type=XLSX)
        if export is not None:
            raise NotFound("Use .csv, .xlsx or no extension (JSON).")
        return Response(
            [
                {
                    "session": row.session.number,
                    "title": row.session.title,
                    "co_chairs": [
                        m.state.iso3 if m.state_id else str(m.organisation) for m in row.co_chairs
                    ],
                    "members": [m.state.iso3 for m in row.members],
                    "organisations": [str(m.organisation) for m in row.organisations],
                    "proposed": [member_data(m) for m in row.proposed],
                }
                for row in rows
            ]
        )


class Meetings(APIView):
    """Body meetings, preparatory events and the Summit of an edition, in date order."""

    permission_required = {"GET": "preparation.view_timeline"}

    @extend_schema(responses={200: dict})
    def get(self, request, **kwargs):
        entries = edition_timeline(get_edition(kwargs))
        return Response(
            [
                {
                    "id": entry.uid,
                    "kind": entry.kind,
                    "body": entry.body,
                    "title": entry.title,
                    "date": entry.date,
                    "end_date": entry.end_date,
                    "date_precision": entry.precision,
                    "tentative": entry.tentative,
                    "date_label": entry.date_label,
                    "place": entry.place,
                    "provenance": getattr(entry.record, "provenance", ""),
                }
                for entry in entries
            ]
        )


class VolunteerSerializer(serializers.Serializer):
    state = serializers.CharField(required=False, max_length=3)
    organisation = serializers.IntegerField(required=False)
    seat = serializers.ChoiceField(choices=[TeamSeat.CO_CHAIR, TeamSeat.MEMBER], required=False)


class Volunteer(APIView):
    """A focal point volunteers their state (an organisation contact their organisation)."""

    permission_required = {"POST": "preparation.volunteer"}

    @extend_schema(request=VolunteerSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        edition = get_edition(kwargs)
        session = get_object_or_404(RoundtableSession, edition=edition, number=kwargs["session"])
        data = VolunteerSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        roles = roles_of(request.user)
        state = organisation = None
        if data.validated_data.get("state"):
            state = state_by_iso3(data.validated_data["state"])
            if not (request.user.is_superuser or state.pk in roles.focal_point_state_ids):
                raise PermissionDenied("You may volunteer only the state you are focal point of.")
        if data.validated_data.get("organisation"):
            organisation = get_object_or_404(Organisation, pk=data.validated_data["organisation"])
            if not (request.user.is_superuser or organisation.pk in roles.organisation_ids):
                raise PermissionDenied("You may volunteer only your own organisation.")
        member = volunteer_for(
            session,
            seat=data.validated_data.get("seat", TeamSeat.MEMBER),
            user=request.user,
            state=state,
            organisation=organisation,
        )
        return Response(member_data(member), status=status.HTTP_201_CREATED)


class DecisionSerializer(serializers.Serializer):
    accept = serializers.BooleanField()
    perspective = serializers.ChoiceField(choices=Perspective.values, required=False)


class Decide(APIView):
    """Support Unit staff accept or decline a volunteer."""

    permission_required = {"POST": "preparation.decide_team"}
    object_level_permission = True

    @extend_schema(request=DecisionSerializer, responses={200: dict})
    def post(self, request, **kwargs):
        member = get_object_or_404(
            TeamMembership.objects.select_related("session__edition__process"), pk=kwargs["pk"]
        )
        self.check_object_permissions(request, member)
        data = DecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        member = decide(
            member,
            accept=data.validated_data["accept"],
            user=request.user,
            perspective=data.validated_data.get("perspective"),
        )
        return Response(member_data(member))


class Publish(APIView):
    """Publish a session; refused (400) while a required role is missing."""

    permission_required = {"POST": "preparation.publish_session"}
    object_level_permission = True

    @extend_schema(request=None, responses={200: dict})
    def post(self, request, **kwargs):
        edition = get_edition(kwargs)
        session = get_object_or_404(RoundtableSession, edition=edition, number=kwargs["session"])
        self.check_object_permissions(request, session)
        session = publish_session(session)
        return Response({"number": session.number, "status": session.status})


class SurveyCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=SurveyKind.values)
    title_en = serializers.CharField(max_length=250)
    deadline = serializers.DateTimeField(required=False, allow_null=True)
    questions = serializers.ListField(child=serializers.DictField(), min_length=1, max_length=200)


class Surveys(APIView):
    """Support Unit staff create a survey for an edition."""

    permission_required = {"POST": "preparation.add_survey"}
    object_level_permission = True

    @extend_schema(request=SurveyCreateSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        edition = get_edition(kwargs)
        self.check_object_permissions(request, edition)
        data = SurveyCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        survey = create_survey(edition=edition, user=request.user, **data.validated_data)
        return Response({"id": survey.pk, "title": survey.title}, status=status.HTTP_201_CREATED)


class SurveyAnswerSerializer(serializers.Serializer):
    state = serializers.CharField(max_length=3)
    answers = serializers.DictField(
        help_text="question id → choice id, list of ids, text or number"
    )


class SurveyAnswers(APIView):
    """A focal point answers for their state, once, until the deadline."""

    permission_required = {"POST": "preparation.answer_survey"}

    @extend_schema(request=SurveyAnswerSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        survey = get_object_or_404(Survey, pk=kwargs["pk"])
        data = SurveyAnswerSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        state = state_by_iso3(data.validated_data["state"])
        if not (
            request.user.is_superuser or state.pk in roles_of(request.user).focal_point_state_ids
        ):
            raise PermissionDenied("You may answer only for the state you are focal point of.")
        try:
            values = {int(k): v for k, v in data.validated_data["answers"].items()}
        except ValueError:
            raise DomainError(
                "Answers are keyed by question id (a number).", field="answers"
            ) from None
        response = submit_response(survey, state=state, values=values, user=request.user)
        return Response({"id": response.pk, "state": state.iso3}, status=status.HTTP_201_CREATED)


class SurveyResults(APIView):
    """Results for Support Unit staff of the edition and the Steering Group."""

    permission_required = {"GET": "preparation.view_survey_results"}
    object_level_permission = True

    @extend_schema(responses={200: dict})
    def get(self, request, **kwargs):
        from gfmd.api.governance import parse_as_of

        survey = get_object_or_404(Survey.objects.select_related("edition"), pk=kwargs["pk"])
        self.check_object_permissions(request, survey)
        results = survey_results(survey, parse_as_of(request))
        return Response(
            {
                "survey": survey.title,
                "as_of": results.as_of,
                "responses": results.responses,
                "invited": results.invited,
                "rate": results.rate,
                "by_region": dict(results.by_region),
                "by_development_status": dict(results.by_development_status),
                "questions": [
                    {
                        "text": r.question.text,
                        "choices": [
                            {
                                "label": t.choice.label,
                                "first_choices": t.first_choices,
                                "rank_sum": t.rank_sum,
                                "chosen": t.chosen,
                            }
                            for t in r.choices
                        ],
                    }
                    for r in results.questions
                ],
            }
        )


# ------------------------------------------------------------------ background papers


def get_paper(kwargs):
    from gfmd.preparation.domain.queries import paper_by_session
    from gfmd.preparation.models import BackgroundPaper

    try:
        return paper_by_session(get_edition(kwargs), kwargs["session"])
    except BackgroundPaper.DoesNotExist:
        raise NotFound("This session has no background paper.") from None


def paper_data(request, paper) -> dict:
    """The paper as the caller may read it: versions by the library's access levels; for its
    team also the comment round, the checklist and the comments."""
    from gfmd.preparation.domain.papers import (
        checklist,
        comment_round_is_open,
        languages_of,
        published_version,
    )
    from gfmd.preparation.domain.queries import paper_versions
    from gfmd.preparation.models import PaperComment

    user = request.user
    versions = paper_versions(user, paper)
    works = user.has_perm("preparation.view_paper_drafts", paper)
    if not versions and not works and paper.document.access_level != "public":
        raise NotFound("This session has no background paper.")
    document = paper.document
    published = published_version(paper, versions)

    def file_url(version, language):
        return f"{document.get_absolute_url()}v{version.number}/{language}/"

    data = {
        "session": paper.session.number,
        "title": document.title,
        "document": document.get_absolute_url(),
        "languages": paper.languages,
        "published_version": published.number if published else None,
        "missing_languages": languages_of(paper, published)[1] if published else None,
        "versions": [
            {
                "number": v.number,
                "status": v.status,
                "access_level": v.effective_level,
                "author": str(v.author) if v.author_id else None,
                "created_at": v.created_at,
                "change_note": v.change_note,
                "files": {f.language: file_url(v, f.language) for f in v.files.all()},
            }
            for v in versions
        ],
        "provenance": paper.provenance,
    }
    if works:
        numbers = {v.pk: v.number for v in versions}
        data["comments_close_at"] = paper.comments_close_at
        data["comments_open"] = comment_round_is_open(paper)
        data["checklist"] = [
            {
                "item": line.item,
                "label": line.label,
                "source": line.source,
                "ticked": line.tick is not None,
                "ticked_by": str(line.tick.ticked_by or "") if line.tick else None,
                "ticked_at": line.tick.ticked_at if line.tick else None,
            }
            for line in checklist(paper, list(paper.ticks.select_related("ticked_by")))
        ]
        data["comments"] = [
            comment_data(c, numbers.get(c.version_id))
            for c in PaperComment.objects.filter(paper=paper).select_related("author")
        ]
    return data


def comment_data(comment, version_number=None) -> dict:
    return {
        "id": comment.pk,
        "version": version_number,
        "language": comment.language or None,
        "paragraph": comment.paragraph,
        "parent": comment.parent_id,
        "author": str(comment.author) if comment.author_id else None,
        "text": comment.text,
        "created_at": comment.created_at,
    }


class Paper(APIView):
    """The background paper of a session: what the caller may read of it (404 otherwise)."""

    permission_required = {"GET": "preparation.view_paper"}

    @extend_schema(responses={200: dict})
    def get(self, request, **kwargs):
        return Response(paper_data(request, get_paper(kwargs)))


class PaperCommentSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    text = serializers.CharField(max_length=5000)
    language = serializers.RegexField(r"^[a-z]{2,3}$", required=False)
    paragraph = serializers.IntegerField(min_value=1, required=False)
    parent = serializers.IntegerField(min_value=1, required=False)


class PaperComments(APIView):
    """A member of the team comments on a version (a paragraph, in general, or in reply)."""

    permission_required = {"POST": "preparation.comment_paper"}
    object_level_permission = True

    @extend_schema(request=PaperCommentSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        from gfmd.library.models import DocumentVersion
        from gfmd.preparation.domain.papers import add_comment
        from gfmd.preparation.models import PaperComment

        paper = get_paper(kwargs)
        self.check_object_permissions(request, paper)
        data = PaperCommentSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        version = DocumentVersion.objects.filter(
            document_id=paper.document_id, number=values["version"]
        ).first()
        if version is None:
            raise DomainError(f"The paper has no version {values['version']}.", field="version")
        parent = None
        if values.get("parent"):
            parent = PaperComment.objects.filter(paper=paper, pk=values["parent"]).first()
            if parent is None:
                raise DomainError("The comment you reply to is not here.", field="parent")
        comment = add_comment(
            paper,
            version=version,
            text=values["text"],
            user=request.user,
            language=values.get("language", ""),
            paragraph=values.get("paragraph"),
            parent=parent,
        )
        return Response(comment_data(comment, version.number), status=status.HTTP_201_CREATED)


class PaperTickSerializer(serializers.Serializer):
    item = serializers.ChoiceField(choices=ChecklistItem.values)
    ticked = serializers.BooleanField()


class PaperChecklist(APIView):
    """A member of the team ticks (or unticks) an item of the GFMD checklist."""

    permission_required = {"POST": "preparation.tick_paper_checklist"}
    object_level_permission = True

    @extend_schema(request=PaperTickSerializer, responses={200: dict})
    def post(self, request, **kwargs):
        from gfmd.preparation.domain.papers import set_tick

        paper = get_paper(kwargs)
        self.check_object_permissions(request, paper)
        data = PaperTickSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ticked = set_tick(paper, user=request.user, **data.validated_data)
        return Response({"item": data.validated_data["item"], "ticked": ticked})


class PaperPublishSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, required=False)


class PaperPublish(APIView):
    """Support Unit staff publish a version (the newest by default); refusals are 400 with the
    reason, warnings come back with the answer."""

    permission_required = {"POST": "preparation.publish_paper"}
    object_level_permission = True

    @extend_schema(request=PaperPublishSerializer, responses={200: dict})
    def post(self, request, **kwargs):
        from gfmd.preparation.domain.papers import publish_paper

        paper = get_paper(kwargs)
        self.check_object_permissions(request, paper)
        data = PaperPublishSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        version, warnings = publish_paper(
            paper, number=data.validated_data.get("version"), user=request.user
        )
        return Response(
            {
                "version": version.number,
                "status": version.status,
                "warnings": [vars(w) for w in warnings],
            }
        )


def preparation_paths(edition: str) -> list:
    """The API paths of preparation, under an edition's address (api/urls.py)."""
    from django.urls import path

    session = edition + "sessions/<str:session>/"
    return [
        path(edition + "roundtables", Roundtables.as_view(), name="roundtables"),
        path(edition + "team-matrix", TeamMatrix.as_view(), name="team_matrix"),
        path(edition + "team-matrix.<str:export>", TeamMatrix.as_view(), name="team_matrix_export"),
        path(edition + "meetings", Meetings.as_view(), name="meetings"),
        path(edition + "surveys", Surveys.as_view(), name="surveys"),
        path(session + "volunteers", Volunteer.as_view(), name="volunteer"),
        path(session + "publish", Publish.as_view(), name="publish_session"),
        path("team-memberships/<int:pk>/decision", Decide.as_view(), name="team_decision"),
        path("surveys/<int:pk>/answers", SurveyAnswers.as_view(), name="survey_answers"),
        path("surveys/<int:pk>/results", SurveyResults.as_view(), name="survey_results"),
        path(session + "background-paper", Paper.as_view(), name="paper"),
        path(session + "background-paper/comments", PaperComments.as_view(), name="paper_comments"),
        path(
            session + "background-paper/checklist",
            PaperChecklist.as_view(),
            name="paper_checklist",
        ),
        path(session + "background-paper/publish", PaperPublish.as_view(), name="paper_publish"),
    ]

"""API writes of survey building that the survey pages also make: settings and questions;
each calls the same domain function as its form; refusals are JSON 400 with the field's name."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from gfmd.preparation.domain.surveys import (
    add_question,
    remove_question,
    update_question,
    update_survey,
)
from gfmd.preparation.enums import QuestionKind, SurveyKind
from gfmd.preparation.models import (
    Survey,
    SurveyQuestion,
)


class SurveyUpdateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=SurveyKind.choices, required=False)
    title_en = serializers.CharField(max_length=250, required=False)
    title_fr = serializers.CharField(max_length=250, required=False, allow_blank=True)
    title_es = serializers.CharField(max_length=250, required=False, allow_blank=True)
    instructions_en = serializers.CharField(required=False, allow_blank=True)
    deadline = serializers.DateTimeField(required=False, allow_null=True)


class SurveyQuestionSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=QuestionKind.choices, required=False)
    text_en = serializers.CharField(required=False)
    text_fr = serializers.CharField(required=False, allow_blank=True)
    text_es = serializers.CharField(required=False, allow_blank=True)
    choices = serializers.ListField(
        child=serializers.CharField(max_length=500), required=False, max_length=100
    )
    required = serializers.BooleanField(required=False)


def question_data(question: SurveyQuestion) -> dict:
    return {
        "id": question.pk,
        "position": question.position,
        "kind": question.kind,
        "text_en": question.text_en,
        "required": question.required,
        "choices": [{"id": c.pk, "label_en": c.label_en} for c in question.choices.all()],
    }


class SurveyWriteView(APIView):
    object_level_permission = True

    def survey(self, request, kwargs) -> Survey:
        survey = get_object_or_404(Survey.objects.select_related("edition"), pk=kwargs["pk"])
        self.check_object_permissions(request, survey)
        return survey


class SurveyDetail(SurveyWriteView):
    """Change a survey's title, kind, instructions or deadline."""

    permission_required = {"PATCH": "preparation.add_survey"}

    @extend_schema(request=SurveyUpdateSerializer, responses={200: dict})
    def patch(self, request, **kwargs):
        survey = self.survey(request, kwargs)
        data = SurveyUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        survey = update_survey(survey, **data.validated_data)
        return Response({"id": survey.pk, "title": survey.title, "deadline": survey.deadline})


class SurveyQuestions(SurveyWriteView):
    """Add a question at the end of a survey."""

    permission_required = {"POST": "preparation.add_survey"}

    @extend_schema(request=SurveyQuestionSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        survey = self.survey(request, kwargs)
        data = SurveyQuestionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        question = add_question(
            survey, kind=fields.pop("kind", ""), text_en=fields.pop("text_en", ""), **fields
        )
        return Response(question_data(question), status=status.HTTP_201_CREATED)


class SurveyQuestionDetail(SurveyWriteView):
    """Change or remove a question; refused (400) when states' answers would be lost."""

    permission_required = {"PATCH": "preparation.add_survey", "DELETE": "preparation.add_survey"}

    def question(self, request, kwargs) -> SurveyQuestion:
        survey = self.survey(request, kwargs)
        return get_object_or_404(SurveyQuestion, survey=survey, pk=kwargs["question"])

    @extend_schema(request=SurveyQuestionSerializer, responses={200: dict})
    def patch(self, request, **kwargs):
        question = self.question(request, kwargs)
        data = SurveyQuestionSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        return Response(question_data(update_question(question, **data.validated_data)))

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, **kwargs):
        remove_question(self.question(request, kwargs))
        return Response(status=status.HTTP_204_NO_CONTENT)

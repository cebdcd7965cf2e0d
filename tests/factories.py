import datetime

import factory
from django.contrib.auth import get_user_model

from gfmd.directory.models import Organisation, Person
from gfmd.governance.models import (
    Chairmanship,
    ChairTerm,
    Edition,
    FocalPoint,
    Process,
    SupportUnitAssignment,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.test")
    password = factory.django.Password("correct horse battery")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Synthetic Person {n}")
    user = factory.SubFactory(UserFactory)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_en = factory.Sequence(lambda n: f"Synthetic Organisation {n}")
    type = "civil_society"


class ProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Process

    slug = factory.Sequence(lambda n: f"process-{n}")
    kind = "rcp"
    name_en = factory.Sequence(lambda n: f"Synthetic Process {n}")


class ChairmanshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chairmanship

    process = factory.SubFactory(ProcessFactory)
    key = factory.Sequence(lambda n: f"chairmanship-{n}")
    name_en = factory.Sequence(lambda n: f"Chairmanship {n}")


class ChairTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChairTerm

    chairmanship = factory.SubFactory(ChairmanshipFactory)


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    process = factory.SubFactory(ProcessFactory)
    number = factory.Sequence(lambda n: n + 1)
    year = factory.LazyAttribute(lambda o: 2000 + o.number)


class SupportUnitAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportUnitAssignment

    person = factory.SubFactory(PersonFactory)
    function = "staff"
    start = datetime.date(2000, 1, 1)


class FocalPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocalPoint

    person = factory.SubFactory(PersonFactory)
    start = datetime.date(2000, 1, 1)

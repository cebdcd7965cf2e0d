import datetime

from django.utils import translation

from gfmd.common.enums import DatePrecision
from gfmd.common.models import date_with_precision


def test_a_remembered_date_is_still_written_in_each_language():
    day = datetime.date(2010, 11, 8)
    with translation.override("en"):
        english = date_with_precision(day, DatePrecision.DAY)
    with translation.override("fr"):
        french = date_with_precision(day, DatePrecision.DAY)
        month = date_with_precision(day, DatePrecision.MONTH)
    with translation.override("es"):
        spanish = date_with_precision(day, DatePrecision.DAY)
    with translation.override("en"):
        assert date_with_precision(day, DatePrecision.DAY) == english
    assert english == "Nov. 8, 2010" and "novembre" in french and "noviembre" in spanish
    assert month.lower() == "novembre 2010"
    assert date_with_precision(day, DatePrecision.YEAR) == "2010"
    with translation.override("en"):
        assert date_with_precision(None, DatePrecision.DAY) == "to be confirmed"

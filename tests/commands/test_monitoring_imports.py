"""import-survey and import-general-provisions: what municipalities count for monitoring."""

import datetime as dt
from decimal import Decimal

import pytest

from regie.monitoring.models import GeneralProvisionUsers, SurveyResult
from tests.commands.conftest import REGION, assert_refused, run

SURVEY = "municipality_code,year,question,agree_percent,respondents"
GENERAL = "municipality_code,quarter,users"


@pytest.fixture
def bare_region(db, files):
    run("setup-region", files.json("region.json", REGION))


def test_survey_results_are_read_and_updated(bare_region, files):
    out = run("import-survey", files.csv("s.csv", SURVEY, "0001,2025,support_good,81.5,212",
                                         "2,2025,support_good,70,44"))
    assert out.startswith("2 ")
    assert sorted(SurveyResult.objects.values_list("municipality__code", "agree_percent", "respondents")) == [
        ("0001", Decimal("81.5"), 212), ("0002", Decimal("70.0"), 44)]
    out = run("import-survey", files.csv("s2.csv", SURVEY, "0001,2025,support_good,81.5,212",
                                         "0002,2025,support_good,71,44"))
    assert " 1 " in out


def test_general_provisions_are_read_per_quarter(bare_region, files):
    run("import-general-provisions", files.csv("g.csv", GENERAL, "0001,2025-Q1,120", "0001,2025-q2,130"))
    assert sorted(GeneralProvisionUsers.objects.values_list("quarter", "users")) == [
        (dt.date(2025, 1, 1), 120), (dt.date(2025, 4, 1), 130)]


@pytest.mark.parametrize(("command", "header", "lines", "line", "field", "code"), [
    ("import-survey", SURVEY, ("0009,2025,support_good,80,10",), 2, "municipality_code", "municipality-unknown"),
    ("import-survey", SURVEY, ("0001,2025,liked_it,80,10",), 2, "question", "survey-question-unknown"),
    ("import-survey", SURVEY, ("0001,2025,support_good,101,10",), 2, "agree_percent", "percent-out-of-range"),
    ("import-survey", SURVEY, ("0001,2025,support_good,80.25,10",), 2, "agree_percent", "amount-too-precise"),
    ("import-survey", SURVEY, ("0001,2025,support_good,80,-1",), 2, "respondents", "integer-out-of-range"),
    ("import-general-provisions", GENERAL, ("0001,2025-Q5,10",), 2, "quarter", "quarter-invalid"),
    ("import-general-provisions", GENERAL, ("0001,2014-Q4,10",), 2, "quarter", "month-out-of-window"),
    ("import-general-provisions", GENERAL, ("0001,2025-Q1,10", "0001,2025-Q1,12"), 3, "municipality_code",
     "row-duplicate"),
])
def test_a_malformed_file_is_refused_whole(bare_region, files, command, header, lines, line, field, code):
    assert_refused(command, files.csv("f.csv", header, *lines), line=line, field=field, code=code)
    assert not SurveyResult.objects.exists() and not GeneralProvisionUsers.objects.exists()

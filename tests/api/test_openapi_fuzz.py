"""schemathesis against the app's own OpenAPI document, with every check it has.

Each operation gets a fixed budget of generated requests (valid and invalid) as a student and as
a teacher; the checks cover server errors, documented status codes, content types and headers,
response bodies against their schemas, refusal of invalid data, and auth that is not ignored.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.config import SchemathesisConfig

from tests.helpers.api import Tokens

load_all_checks()
ALL_CHECKS = list(CHECKS.get_all())
EXAMPLES_PER_OPERATION = 25


@pytest.fixture
def api_schema(app, people):
    # generous limits: the fuzzer sends hundreds of requests from one address in seconds
    app.config.update(
        LOGIN_LIMIT_PER_ADDRESS="100000 per minute", API_ANSWER_LIMIT_PER_USER="100000 per minute"
    )
    # No NUL characters: the API refuses every string holding one (no database can keep it), a
    # rule a JSON schema cannot state; tests/test_storable_text.py tests the refusal.
    config = SchemathesisConfig.from_dict({"generation": {"allow-x00": False}})
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, config=config)


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture
def student(app, people) -> Tokens:
    return Tokens(app, "sam")


@pytest.fixture
def teacher(app, people) -> Tokens:
    return Tokens(app, "tina")


FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck)
)


@schema.parametrize()
@FUZZ_SETTINGS
def test_as_a_student_the_api_does_what_its_document_says(case, student):
    case.call_and_validate(headers=student.header(case), checks=ALL_CHECKS)


@schema.parametrize()
@FUZZ_SETTINGS
def test_as_a_teacher_the_api_does_what_its_document_says(case, teacher):
    case.call_and_validate(headers=teacher.header(case), checks=ALL_CHECKS)

"""schemathesis against the app's own OpenAPI document, with every check it has.

Each operation gets a fixed budget of generated requests (valid and invalid) as a student and as
a teacher; the checks cover server errors, documented status codes, content types and headers,
response bodies against their schemas, refusal of invalid data, and auth that is not ignored.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks

from tests.helpers.api import CROSS_FIELD_OPERATIONS


@schemathesis.check
def cross_field_refusal_only(ctx, response, case):
    """Where a schema-valid body may be refused (tests/api/conftest.py lets a 400 pass there),
    the refusal is the service's, of a rule between fields: its own code, never another 400."""
    expected = CROSS_FIELD_OPERATIONS.get(case.operation.label)
    positive = case.meta is not None and case.meta.generation.mode.is_positive
    if expected is None or not positive or response.status_code != 400:
        return None
    code = response.json()["error"]["code"]
    if code != expected:
        raise AssertionError(
            f"a schema-valid body refused with {code}, not {expected}: {response.text[:300]}"
        )
    return None


load_all_checks()
ALL_CHECKS = list(CHECKS.get_all())
EXAMPLES_PER_OPERATION = 25


schema = schemathesis.pytest.from_fixture("api_schema")


FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck)
)


@schema.parametrize()
@FUZZ_SETTINGS
def test_as_a_student_the_api_does_what_its_document_says(case, student_tokens):
    case.call_and_validate(headers=student_tokens.header(case), checks=ALL_CHECKS)


@schema.parametrize()
@FUZZ_SETTINGS
def test_as_a_teacher_the_api_does_what_its_document_says(case, teacher_tokens):
    case.call_and_validate(headers=teacher_tokens.header(case), checks=ALL_CHECKS)

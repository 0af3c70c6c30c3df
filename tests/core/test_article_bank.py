"""The landed article bank meets the issue's bar: valid, broad, sourced."""

from collections import Counter
from pathlib import Path

import pytest

from quizapp.core import QuestionType, check
from quizapp.core.answer_key import full_marks_response
from quizapp.core.bank_schema import normalize_quote
from quizapp.core.passages import find_passages
from tests.helpers.banks import QUESTIONS

SHARED_SOURCE = Path(__file__).resolve().parents[3] / "shared" / "sources" / "kosovo-peacekeepers.txt"


def test_has_at_least_40_questions_and_every_type_twice(bank):
    assert len(bank.questions) >= 40
    counts = Counter(q.type for q in bank.questions)
    assert {t: counts[t] for t in QuestionType if counts[t] < 2} == {}


def test_every_question_explains_and_quotes_the_article(bank):
    source = normalize_quote(bank.source_text)
    for question in bank.questions:
        assert question.explanation, question.id
        assert question.source_quotes, question.id
        for quote in question.source_quotes:
            assert normalize_quote(quote) in source, (question.id, quote)
            assert find_passages(bank.source_text, [quote]), (question.id, quote)  # in one paragraph: marked


def test_source_is_attributed_and_kept_in_the_project(bank):
    assert bank.source.publisher.startswith("RFE/RL") and "AP" in bank.source.publisher
    assert (QUESTIONS / bank.source.path).is_file()
    assert "With reporting by AP" in bank.source_text


def test_project_copy_of_the_article_matches_the_shared_source(bank):
    if not SHARED_SOURCE.exists():
        pytest.skip(f"no shared checkout beside the project to compare with ({SHARED_SOURCE})")
    assert bank.source_text == SHARED_SOURCE.read_text(encoding="utf-8")


def test_every_question_can_be_answered_for_full_marks(bank):
    for question in bank.questions:
        assert check(question, full_marks_response(question)).correct, question.id


@pytest.mark.parametrize(
    ("question_id", "response"),
    [
        ("mission-destination-short", "kuwait"),
        ("mission-command", "Iowa"),
        ("military-planned-troops", "5,000"),
        ("ksf-growth", "1 600"),
        ("quote-year", "2021"),
        ("war-to-independence", 9),
        ("capital-short", "Prishtina"),
        ("ksf-name", "Kosovo Armed Forces"),
        ("quote-speaker", "vjosa osmani"),
        ("military-cloze-size", ["5000", "3 000"]),
    ],
)
def test_reasonable_student_answers_are_accepted(bank, question_id, response):
    assert check(bank.question(question_id), response).correct


@pytest.mark.parametrize(
    ("question_id", "response"),
    [
        ("military-planned-troops", "3400"),
        ("ksf-growth", "2600"),  # 5,000 + 3,000 reservists - 3,400 mixes troops and reservists
        ("quote-year", "2022"),
        ("mission-destination-short", "Kosovo"),
        ("nato-campaign-length", "22"),
    ],
)
def test_plausible_wrong_answers_are_refused(bank, question_id, response):
    assert not check(bank.question(question_id), response).correct


def test_reasoning_questions_are_present(bank):
    reasoning = [q.id for q in bank.questions if "reasoning" in q.tags]
    assert {"ksf-growth", "quote-year", "military-total"} <= set(reasoning)


def test_no_two_questions_share_a_prompt(bank):
    prompts = [" ".join(q.prompt.split()).lower() for q in bank.questions]
    assert len(prompts) == len(set(prompts))

from quizapp.core import load_bank_file
from quizapp.core.serialization import question_from_dict, question_to_dict
from tests.helpers.banks import ARTICLE_BANK


def test_every_article_question_survives_a_round_trip():
    bank = load_bank_file(ARTICLE_BANK).bank
    for question in bank.questions:
        restored = question_from_dict(question_to_dict(question))
        assert restored == question.__class__(**{**_fields(question), "line": 0}), question.id
        assert restored.content_hash == question.content_hash


def _fields(question):
    return {name: getattr(question, name) for name in question.__slots__}


def test_hash_ignores_layout_but_not_content():
    from tests.core.yaml_banks import bank_from

    flow = bank_from("title: T\nquestions:\n  - {id: q, type: short, prompt: P, accept: [a]}\n")
    block = bank_from(
        "title: T\n\nquestions:\n  - id: q\n    type: short\n    prompt:   P\n    accept:\n      - a\n"
    )
    changed = bank_from("title: T\nquestions:\n  - {id: q, type: short, prompt: P, accept: [b]}\n")
    assert flow.questions[0].content_hash == block.questions[0].content_hash
    assert flow.questions[0].content_hash != changed.questions[0].content_hash

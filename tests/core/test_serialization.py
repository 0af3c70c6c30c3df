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


def test_rejected_answers_are_stored_and_a_question_without_them_keeps_its_stored_form():
    from quizapp.core.question_types import question_type
    from tests.core.yaml_banks import question_from

    with_reject = question_from(
        "id: q\ntype: short\nprompt: P\naccept: [armed forces]\nreject: [unarmed forces]"
    )
    plain = question_from("id: q\ntype: short\nprompt: P\naccept: [armed forces]")
    cloze = question_from(
        "id: c\ntype: cloze\nprompt: '{{1}} {{2}}'\nblanks:\n  - {accept: [exporting], reject: [importing]}\n  - [x]"
    )
    for question in (with_reject, plain, cloze):
        data = question_to_dict(question)
        assert question_from_dict(data).answer == question.answer
    assert question_to_dict(with_reject)["answer"]["reject"] == ["unarmed forces"]
    # stored before reject existed: the same dict, so the same content hash and no new version
    assert question_type("short").answer_to_dict(plain.answer) == {
        "accepted": ["armed forces"],
        "typos": False,
    }
    assert question_to_dict(cloze)["answer"]["blanks"][1] == {"accepted": ["x"], "typos": False}
    assert with_reject.content_hash != plain.content_hash


def test_allow_giveaway_is_stored_and_hashed_and_a_question_without_it_keeps_its_stored_form():
    from tests.core.yaml_banks import bank_from

    text = "title: T\nquestions:\n  - {id: q, type: short, prompt: P, accept: [a]%s}\n  - {id: r, type: short, prompt: R, accept: [b]}\n"
    plain = bank_from(text % "").questions[0]
    allowing = bank_from(text % ", allow_giveaway: [r, title]").questions[0]
    assert "allow_giveaway" not in question_to_dict(plain)  # as stored before the key existed
    assert question_to_dict(allowing)["allow_giveaway"] == ["r", "title"]
    assert question_from_dict(question_to_dict(allowing)).allow_giveaway == ("r", "title")
    assert allowing.content_hash != plain.content_hash
    assert question_from_dict(question_to_dict(allowing)).content_hash == allowing.content_hash

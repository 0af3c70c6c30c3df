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


QUOTED = """\
title: T
source: {title: S, path: source.txt}
questions:
  - {id: q, type: true_false, prompt: P, answer: true, source: %s}
"""


def quoted(source: str):
    from tests.core.yaml_banks import bank_from

    return bank_from(QUOTED % source).questions[0]


def test_every_quote_is_stored_and_read_back():
    question = quoted("[ended in 1999, sent an army platoon]")
    data = question_to_dict(question)
    assert data["source_quotes"] == ["ended in 1999", "sent an army platoon"] and "source_quote" not in data
    restored = question_from_dict(data)
    assert restored.source_quotes == question.source_quotes
    assert restored.content_hash == question.content_hash


def test_a_version_stored_with_one_source_quote_still_loads_and_keeps_its_hash():
    """Stored before ``source`` took lists: ``source_quote``, one text ("" for none)."""
    question = quoted("sent an army platoon")
    old = {**question_to_dict(question), "source_quote": "sent an army platoon"}
    del old["source_quotes"]
    restored = question_from_dict(old)
    assert restored.source_quotes == ("sent an army platoon",)
    # the same question today hashes as it did then: its stored version is still its current one
    assert restored.content_hash == question.content_hash
    unquoted = {**old, "source_quote": ""}
    assert question_from_dict(unquoted).source_quotes == ()
    assert question_from_dict(unquoted).content_hash == quoted("''").content_hash


def test_every_quote_counts_in_the_hash():
    first = quoted("[ended in 1999]")
    both = quoted("[ended in 1999, sent an army platoon]")
    other = quoted("[ended in 1999, army platoon]")
    swapped = quoted("[sent an army platoon, ended in 1999]")
    assert first.content_hash == quoted("ended in 1999").content_hash  # a list of one is that quote
    assert len({first.content_hash, both.content_hash, other.content_hash, swapped.content_hash}) == 4


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

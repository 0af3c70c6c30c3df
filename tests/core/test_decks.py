import pytest

from quizapp.core.checkers import ResponseError, accept_new_response
from quizapp.core.decks import (
    StudyState,
    build_queue,
    deck_cards,
    deck_tags,
    takes_typed_answer,
    typed_verdict,
)
from tests.core.yaml_banks import bank_from

BANK = bank_from("""
    title: T
    questions:
      - {id: a, type: short, prompt: Where?, accept: [Kuwait], tags: [mission], explanation: Why.}
      - {id: b, type: cloze, prompt: "From {{1}}", blanks: [[Serbia]], tags: [history]}
      - {id: c, type: true_false, prompt: First?, answer: true, tags: [mission]}
    cards:
      - {id: ksf, term: KSF, definition: Kosovo Security Force, tags: [military]}
""")


def test_a_deck_has_every_question_and_term_card():
    cards = deck_cards(BANK)
    assert [c.key for c in cards] == ["q:a", "q:b", "q:c", "card:ksf"]
    assert cards[0].front == "Where?" and cards[0].back == "Kuwait" and cards[0].explanation == "Why."
    assert cards[1].front == "From _____" and cards[1].back == "Serbia"
    assert cards[3].front == "KSF" and cards[3].back == "Kosovo Security Force"


def test_tag_decks_and_reverse_cards():
    assert deck_tags(BANK) == ["mission", "history", "military"]
    assert [c.key for c in deck_cards(BANK, tag="mission")] == ["q:a", "q:c"]
    reverse = deck_cards(BANK, tag="military", reverse=True)
    assert [(c.key, c.front, c.reverse) for c in reverse] == [
        ("card:ksf", "KSF", False),
        ("card:ksf:reverse", "Kosovo Security Force", True),
    ]


def test_queue_puts_due_cards_first_then_new_within_the_daily_limit():
    cards = deck_cards(BANK)
    state = StudyState(
        frozenset({"q:a", "q:b", "q:c", "card:other-deck"}), ("q:a", "card:other-deck", "q:c"), 3
    )
    queue = build_queue(cards, state, new_per_day=20, new_seen_today=0)
    assert queue.due == ("q:a", "q:c") and queue.new == ("card:ksf",) and queue.next_key == "q:a"
    empty = StudyState(frozenset(), (), 0)
    limited = build_queue(cards, empty, new_per_day=3, new_seen_today=2)
    assert limited.new == ("q:a",) and limited.new_left_today == 1
    assert build_queue(cards, empty, new_per_day=3, new_seen_today=5).next_key is None


def test_cards_of_choice_ordering_and_matching_questions_show_their_options():
    bank = bank_from("""
        title: T
        questions:
          - {id: m, type: multiple, prompt: Which?, choices: [Zeta, Alpha, Mid], answers: [Zeta, Mid]}
          - {id: o, type: ordering, prompt: Order them., items: [Second, First]}
          - {id: p, type: matching, prompt: Match., pairs: [{left: Russia, right: No}, {left: West, right: Yes}]}
    """)
    multiple, ordering, matching = deck_cards(bank)
    assert multiple.front == "Which?\n\n- Alpha\n- Mid\n- Zeta" and multiple.back == "- Zeta\n- Mid"
    assert (
        ordering.front == "Order them.\n\n- First\n- Second"
    )  # sorted by text: the front does not show the order
    assert ordering.back == "- 1. Second\n- 2. First"
    assert matching.front == "Match.\n\n- Russia\n- West\n\nTo match with: No, Yes"


def test_reverse_cards_only_where_the_answer_names_one_thing():
    bank = bank_from("""
        title: T
        questions:
          - {id: a, type: short, prompt: Where?, accept: [Kuwait]}
          - {id: b, type: single, prompt: Which country?, choices: [Kuwait, Iraq], answer: Kuwait}
          - {id: c, type: short, prompt: Which alliance?, accept: [NATO]}
          - {id: d, type: true_false, prompt: First?, answer: true}
    """)
    keys = [c.key for c in deck_cards(bank, reverse=True)]
    assert keys == ["q:a", "q:b", "q:c", "q:d", "q:c:reverse"]  # reverses last; no two "Kuwait"s, no "True"


PLAIN = bank_from(r"""
    title: T
    questions:
      - {id: s, type: short, prompt: Python's constructor?, accept: [__init__]}
      - {id: star, type: short, prompt: Extra positional arguments?, accept: ['\*args']}
      - {id: c, type: cloze, prompt: "{{1}} then {{2}}", blanks: [[__init__], ["# of troops"]]}
      - {id: year, type: cloze, prompt: "The campaign: {{1}}", blanks: [["1999."]]}
      - {id: n, type: numeric, prompt: How many?, answer: 1999}
      - {id: ch, type: single, prompt: Which?, choices: ["**bold** choice", other], answer: "**bold** choice"}
""")


def test_a_plain_answer_is_escaped_on_the_back_and_a_markdown_choice_is_not():
    cards = {card.key: card for card in deck_cards(PLAIN, reverse=True)}
    assert cards["q:s"].back == "\\_\\_init\\_\\_"  # a typed answer is plain text
    assert cards["q:star"].back == "\\*args"  # shown as "*args", not the entry's own escape
    assert cards["q:c"].back == "- (1) \\_\\_init\\_\\_\n- (2) # of troops"  # each line escaped, then listed
    assert cards["q:year"].back == "1999\\."  # not a numbered list
    assert cards["q:n"].back == "1999"
    assert cards["q:ch"].back == "**bold** choice"  # choices are Markdown already
    # a reverse card asks the same answer the other way round
    assert cards["q:s:reverse"].front == cards["q:s"].back
    assert cards["q:ch:reverse"].front == "**bold** choice"


TYPING = bank_from("""
    title: T
    questions:
      - {id: short, type: short, prompt: Where?, accept: [Kuwait], reject: [Kuwaiti], typos: true}
      - {id: count, type: numeric, prompt: How many soldiers?, answer: 32, unit: soldiers}
      - {id: pick, type: single, prompt: Where from?, choices: [Kuwait, Kosovo, Iraq], answer: Kosovo}
      - {id: gap, type: cloze, prompt: "From {{1}}", blanks: [[Serbia]]}
      - {id: gaps, type: cloze, prompt: "{{1}} and {{2}}", blanks: [[a], [b]]}
      - {id: truth, type: true_false, prompt: First?, answer: true}
      - {id: order, type: ordering, prompt: Order, items: [x, y]}
    cards:
      - {id: star, term: "*args", definition: Any number of arguments}
""")


def _card(key: str, reverse: bool = False):
    return next(card for card in deck_cards(TYPING, reverse=reverse) if card.key == key)


def test_cards_whose_answer_is_one_text_take_a_typed_answer():
    typed = {card.key for card in deck_cards(TYPING, reverse=True) if takes_typed_answer(TYPING, card)}
    assert typed == {
        "q:short",
        "q:count",
        "q:pick",
        "q:gap",
        "card:star",
        "card:star:reverse",
    }  # not two blanks, true/false, an order, nor a reverse question card (its back is a question)
    assert {"q:short:reverse", "q:pick:reverse"} <= {card.key for card in deck_cards(TYPING, reverse=True)}


def test_a_typed_answer_is_checked_by_the_quiz_rule_of_its_question():
    verdicts = {
        (key, typed): typed_verdict(TYPING, _card(key), typed)
        for key, typed in [
            ("q:short", "kuwiat"),  # a typo the quiz forgives
            ("q:short", "Kuwaiti"),  # a typo away, but the question rejects it
            ("q:count", "32 soldiers"),
            ("q:count", "thirty-two"),  # a number in words, read as the quiz reads it
            ("q:pick", "kosovo"),
            ("q:pick", "Kuwait"),
            ("q:pick", "Paris"),  # none of the choices
            ("q:gap", "serbia"),
        ]
    }
    assert {pair: verdict.correct for pair, verdict in verdicts.items()} == {
        ("q:short", "kuwiat"): True,
        ("q:short", "Kuwaiti"): False,
        ("q:count", "32 soldiers"): True,
        ("q:count", "thirty-two"): True,
        ("q:pick", "kosovo"): True,
        ("q:pick", "Kuwait"): False,
        ("q:pick", "Paris"): False,
        ("q:gap", "serbia"): True,
    }


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("q:short", "Kuwait"),
        ("q:count", "32"),
        ("q:pick", "Kosovo"),
        ("q:gap", "Serbia"),
        ("card:star", "any number of arguments"),
    ],
)
def test_spaces_around_a_typed_answer_change_nothing_on_any_card(key, typed):
    """Trimmed once, by the card (``typed_verdict``) and then by the quiz's rule (each type's
    ``canonical``): padding, tabs and new lines around the text are no part of the answer."""
    padded = typed_verdict(TYPING, _card(key), f" \t {typed} \n ")
    assert padded == typed_verdict(TYPING, _card(key), typed)
    assert padded is not None and (padded.typed, padded.correct) == (typed, True)


def test_a_typed_number_the_quiz_would_refuse_says_why():
    verdict = typed_verdict(TYPING, _card("q:count"), "  5 thousand  ")
    assert verdict is not None and (verdict.typed, verdict.correct) == ("5 thousand", False)
    assert verdict.problem.startswith("Write the answer in digits")


def test_typed_words_that_are_no_number_are_just_not_right():
    verdict = typed_verdict(TYPING, _card("q:count"), "  lots  ")
    assert verdict is not None and (verdict.typed, verdict.correct, verdict.problem) == ("lots", False, "")


def test_a_term_card_matches_its_back_as_written_with_typos():
    forward, backward = _card("card:star"), _card("card:star:reverse", reverse=True)
    assert typed_verdict(TYPING, forward, "any number of arguments").correct
    assert typed_verdict(TYPING, backward, "*args").correct
    assert not typed_verdict(TYPING, backward, "kwargs").correct  # "*" is no wildcard here


def test_nothing_typed_or_no_typing_gives_no_verdict():
    assert typed_verdict(TYPING, _card("q:short"), "   ") is None
    assert typed_verdict(TYPING, _card("q:order"), "x, y") is None


def test_a_card_refuses_what_the_quiz_refuses_however_long():
    """The card's typed text is checked whole by the quiz's rule: cut to the field's 1,000
    characters first, "Kuwait", 995 spaces and more words was right on the card and too long
    for the test."""
    typed = "Kuwait" + " " * 995 + "and more words"
    with pytest.raises(ResponseError):
        accept_new_response(TYPING.question("short"), typed)
    verdict = typed_verdict(TYPING, _card("q:short"), typed)
    assert verdict is not None and not verdict.correct

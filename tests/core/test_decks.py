from quizapp.core.decks import StudyState, build_queue, deck_cards, deck_tags

from .yaml_banks import bank_from

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

"""What a player and the host may see (core/live/views.py) and the histogram."""

from __future__ import annotations

from datetime import UTC, datetime

from quizapp.core.bank_loader import load_bank_file
from quizapp.core.live import session as live
from quizapp.core.live.histogram import histogram
from quizapp.core.live.views import LiveAnswer, Session, host_view, player_view
from quizapp.core.question_types import question_type
from tests.helpers.banks import QUESTIONS

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
BANK = load_bank_file(QUESTIONS / "kosovo-peacekeepers.yaml").bank
SHORT = BANK.question("mission-request")
CHOICE = BANK.question("mission-destination")


def session(state, answers=()):
    return Session(state, BANK, (SHORT, CHOICE), {1: "Sam", 2: "Sara"}, tuple(answers), seed=5)


def fields(view) -> str:
    """Every value a view holds, as text: what any template or stream could show of it."""
    return repr(view)


def test_a_player_sees_the_question_but_nothing_of_its_answer_while_it_is_open():
    state = live.start(live.new_session(2, 20), T0)
    given = [LiveAnswer(1, 0, "CENTCOM", 900, True)]
    view = player_view(session(state, given), 1, T0)
    assert view.question is not None and view.question.prompt == SHORT.prompt and view.answered
    text = fields(view)
    assert view.reveal is None and view.verdict is None
    assert "Central Command" not in text and SHORT.explanation not in text and "accepted" not in text
    assert view.standing.points == 0  # the open question's points would tell it was right


def test_after_the_reveal_the_answer_the_passage_the_histogram_and_the_place():
    state = live.reveal(live.start(live.new_session(2, 20), T0), T0)
    given = [LiveAnswer(1, 0, "CENTCOM", 900, True), LiveAnswer(2, 0, "NATO", 0, False)]
    view = player_view(session(state, given), 2, T0)
    assert view.verdict.answered and not view.verdict.correct and view.verdict.response_text == "NATO"
    assert "U.S. Central Command" in view.reveal.answer_lines[0]
    assert view.reveal.passages and any(part.quoted for part in view.reveal.passages[0].parts)
    assert (view.standing.place, view.standing.points) == (2, 0)
    assert [(bar.label, bar.count, bar.correct) for bar in view.reveal.histogram] == [
        ("CENTCOM", 1, True),
        ("NATO", 1, False),
    ]


def test_the_host_sees_counts_while_open_and_the_podium_with_most_missed_at_the_end():
    state = live.start(live.new_session(2, 20), T0)
    given = [LiveAnswer(1, 0, "CENTCOM", 900, True)]
    view = host_view(session(state, given), T0)
    assert view.answered_count == 1 and view.names == ("Sam", "Sara") and view.reveal is None
    finished = live.end(live.reveal(state, T0), T0)
    view = host_view(session(finished, given), T0)
    assert [(s.name, s.place) for s in view.podium] == [("Sam", 1), ("Sara", 2)]
    assert [(m.number, m.missed) for m in view.most_missed] == [(1, 1)]


def test_a_choice_histogram_counts_each_choice_and_typed_answers_group_alike():
    kind = question_type(CHOICE.type)
    right = kind.full_marks_response(CHOICE.answer)
    wrong = next(c.id for c in CHOICE.answer.choices if not c.correct)
    bars = histogram(CHOICE, [right, right, wrong])
    assert sum(bar.count for bar in bars) == 3 and len(bars) == len(CHOICE.answer.choices)
    assert [bar.count for bar in bars if bar.correct] == [2]
    typed = histogram(SHORT, ["centcom", "CENTCOM ", "Nato"])
    assert [(bar.count, bar.correct) for bar in typed] == [(2, True), (1, False)]

"""What a player and the host may see (core/live/views.py) and the histogram."""

from __future__ import annotations

from datetime import UTC, datetime

from quizapp.core.bank_loader import load_bank_file
from quizapp.core.live import session as live
from quizapp.core.live.histogram import histogram, option_letter
from quizapp.core.live.views import LiveAnswer, Session, host_view, player_view, ranking, report
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
    assert [(s.name, s.place) for s in view.podium] == [("Sam", 1)]  # no points, not on it
    assert [(m.number, m.missed) for m in view.most_missed] == [(1, 1)]


def test_ties_share_a_place_and_everyone_on_places_one_to_three_stands_on_the_podium():
    names = {1: "Ann", 2: "Ben", 3: "Cal", 4: "Dee", 5: "Eve", 6: "Fay"}
    points = {1: 900, 2: 500, 3: 500, 4: 500, 5: 100}
    state = live.end(live.reveal(live.start(live.new_session(1, 20), T0), T0), T0)
    given = [LiveAnswer(pid, 0, "CENTCOM", earned, True) for pid, earned in points.items()]
    done = Session(state, BANK, (SHORT,), names, tuple(given), seed=5)
    view = host_view(done, T0)
    assert [(s.name, s.place) for s in view.podium] == [("Ann", 1), ("Ben", 2), ("Cal", 2), ("Dee", 2)]
    assert [s.place for s in view.leaderboard] == [1, 2, 2, 2, 5]
    assert [player_view(done, pid, T0).standing.place for pid in names] == [1, 2, 2, 2, 5, 6]
    assert report(done).standings == ranking(done)


def test_a_question_no_one_answered_is_not_missed_most():
    state = live.start(live.new_session(2, 20), T0)
    state = live.reveal(state, T0)
    state = live.end(live.reveal(live.next_question(state, T0), T0), T0)
    given = [LiveAnswer(1, 1, CHOICE.answer.choices[0].id, 0, False)]
    done = session(state, given)
    assert [(m.number, m.missed) for m in host_view(done, T0).most_missed] == [(2, 2)]
    assert report(done).most_missed == host_view(done, T0).most_missed


def test_a_choice_histogram_counts_each_choice_and_typed_answers_group_alike():
    kind = question_type(CHOICE.type)
    right = kind.full_marks_response(CHOICE.answer)
    wrong = next(c.id for c in CHOICE.answer.choices if not c.correct)
    bars = histogram(CHOICE, [right, right, wrong])
    assert sum(bar.count for bar in bars) == 3 and len(bars) == len(CHOICE.answer.choices)
    assert [bar.count for bar in bars if bar.correct] == [2]
    typed = histogram(SHORT, ["centcom", "CENTCOM ", "Nato"])
    assert [(bar.count, bar.correct) for bar in typed] == [(2, True), (1, False)]


def test_a_choice_bar_carries_the_letter_its_option_was_shown_with():
    shown = [choice.id for choice in reversed(CHOICE.answer.choices)]
    bars = histogram(CHOICE, [], shown)
    texts = {choice.id: choice.text for choice in CHOICE.answer.choices}
    assert [(bar.letter, bar.label) for bar in bars] == [
        (option_letter(n), texts[choice_id]) for n, choice_id in enumerate(shown)
    ]
    assert [bar.letter for bar in histogram(SHORT, ["centcom"])] == [""]  # typed answers: none

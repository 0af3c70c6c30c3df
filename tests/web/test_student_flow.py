"""The student's way through a round (issue 17): the progress bar, the focus after an answer, the
test's review page, the results (missed questions first) and the reward after a round."""

from __future__ import annotations

import html
import re

from quizapp.core.answer_key import answer_lines, full_marks_response, response_text
from quizapp.core.model import QuestionType
from tests.helpers.quizzes import (
    answer,
    answer_correctly,
    attempt_questions,
    edit_bank,
    form_fields,
    start,
    submit,
    wrong_response,
)
from tests.helpers.web import csrf_token, login

BANK_FILE = "kosovo-peacekeepers.yaml"


def main_of(page: str) -> str:
    return page[page.index("<main") : page.index("</main>")]


def progress_text(page: str) -> str:
    match = re.search(r'<p id="round-progress-text"[^>]*>(.*?)</p>', page, re.DOTALL)
    assert match, "no progress bar"
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))


def progress_values(page: str) -> tuple[str, str]:
    match = re.search(r'<progress id="round-progress" max="(\d+)" value="(\d+)"', page)
    assert match, "no <progress>"
    return match.group(2), match.group(1)


def listed_numbers(results: str) -> list[int]:
    """The question numbers a results page lists."""
    return [int(n) for n in re.findall(r'<li class="card" value="(\d+)"', results)]


def named_numbers(results: str) -> list[int]:
    """The question numbers a results page names on one line only (the unanswered ones)."""
    listed = re.search(r'<ol class="unanswered-list".*?</ol>', results, re.DOTALL)
    return [int(n) for n in re.findall(r'<li value="(\d+)">', listed.group(0))] if listed else []


# --- The progress bar --------------------------------------------------------------------------


def test_practice_shows_answered_and_right_so_far(student, app):
    attempt_id = start(student, "practice")
    questions = attempt_questions(app, attempt_id)
    first = student.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    assert progress_values(first) == ("0", "55")
    assert progress_text(first) == "0 of 55 questions answered · 0 right so far"
    answer_correctly(student, app, attempt_id, 1)
    answer(student, attempt_id, 2, form_fields(questions[1], wrong_response(questions[1])))
    page = student.get(f"/attempts/{attempt_id}/questions/3").get_data(as_text=True)
    assert progress_values(page) == ("2", "55")
    assert progress_text(page) == "2 of 55 questions answered · 1 right so far"
    assert 'style="' not in main_of(page)  # CSP: no inline styles, the bar is a <progress>


def test_a_test_shows_answered_only_never_a_right_count(student, app):
    attempt_id = start(student, "test")
    questions = attempt_questions(app, attempt_id)
    answer_correctly(student, app, attempt_id, 1)
    answer(student, attempt_id, 2, form_fields(questions[1], wrong_response(questions[1])))
    for url in (f"/attempts/{attempt_id}/questions/3", f"/attempts/{attempt_id}/review"):
        page = student.get(url).get_data(as_text=True)
        assert progress_values(page) == ("2", "25"), url
        assert progress_text(page) == "2 of 25 questions answered", url
        assert "right" not in main_of(page).lower(), url


def test_practice_without_feedback_at_once_shows_no_right_count(student, app, questions_dir):
    edit_bank(
        questions_dir / BANK_FILE,
        "flashcards: true\n  show_answers: immediately",
        "flashcards: true\n  show_answers: after_submit",
    )
    attempt_id = start(student, "practice")
    answer_correctly(student, app, attempt_id, 1)
    page = student.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    assert "Your answer is saved" in page
    assert progress_text(page) == "1 of 55 questions answered"


def test_one_question_says_question(student, app, questions_dir):
    (questions_dir / "one.yaml").write_text(
        "title: One\nsettings: {show_answers: immediately}\nquestions:\n"
        "  - {id: where, type: short, prompt: Where?, accept: [Kuwait]}\n"
    )
    from tests.helpers.banks import assign_every_bank

    assign_every_bank(app)
    attempt_id = start(student, "practice", bank="one")
    page = student.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    assert progress_text(page) == "0 of 1 question answered · 0 right so far"


def learn_question(student, app) -> tuple[str, str, object]:
    """A new learn session: its address, its first question's page and that question."""
    page = student.get("/decks/kosovo-peacekeepers").get_data(as_text=True)
    url = student.post("/learn/kosovo-peacekeepers", data={"csrf_token": csrf_token(page)}).headers[
        "Location"
    ]
    question_page = student.get(url).get_data(as_text=True)
    question_id = re.search(r'name="question" value="([^"]+)"', question_page).group(1)
    with app.app_context():
        from quizapp.services.question_source import current_bank

        question = current_bank("kosovo-peacekeepers").question(question_id)
    return url, question_page, question


def learn_answer(student, url: str, question_page: str, question, response) -> str:
    fields = form_fields(question, response)
    data = dict(fields, question=question.id, csrf_token=csrf_token(question_page))
    return student.post(url, data=data).get_data(as_text=True)


def test_learn_mode_shows_its_progress(student, app):
    url, question_page, question = learn_question(student, app)
    total = progress_values(question_page)[1]
    assert progress_text(question_page) == f"0 of {total} questions answered · 0 right so far"
    feedback = learn_answer(student, url, question_page, question, full_marks_response(question))
    assert progress_text(feedback) == f"1 of {total} questions answered · 1 right so far"


# --- The focus after an answer -----------------------------------------------------------------


def next_focusable_after(page: str, marker: str) -> str:
    """The first link or button after ``marker`` in the page's HTML: the next Tab stop."""
    rest = page[page.index(marker) :]
    match = re.search(r"<(a|button)\b[^>]*>(.*?)</\1>", rest, re.DOTALL)
    assert match, "nothing focusable after " + marker
    return re.sub(r"<[^>]+>", "", match.group(2)).strip()


def test_the_verdict_is_focused_and_next_question_follows_it(student, app):
    attempt_id = start(student, "practice")
    answer_correctly(student, app, attempt_id, 1)
    page = student.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    heading = re.search(r'<h2 class="verdict verdict-right" id="feedback-heading"[^>]*>', page).group(0)
    assert 'tabindex="-1"' in heading and "autofocus" in heading
    assert page.count("autofocus") == 1
    assert next_focusable_after(page, 'id="feedback-heading"') == "Next question"
    assert 'aria-labelledby="feedback-heading"' in page  # the section is named by its verdict


def test_without_feedback_the_saved_message_is_focused(student, app, questions_dir):
    edit_bank(
        questions_dir / BANK_FILE,
        "flashcards: true\n  show_answers: immediately",
        "flashcards: true\n  show_answers: after_submit",
    )
    attempt_id = start(student, "practice")
    answer_correctly(student, app, attempt_id, 1)
    page = student.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    saved = re.search(r'<p [^>]*id="feedback-heading"[^>]*>([^<]*)', page)
    assert saved and "autofocus" in saved.group(0) and "Your answer is saved" in saved.group(1)
    assert next_focusable_after(page, 'id="feedback-heading"') == "Next question"


def test_learn_feedback_focuses_its_verdict_then_continue(student, app):
    url, question_page, question = learn_question(student, app)
    feedback = learn_answer(student, url, question_page, question, wrong_response(question))
    heading = r'<h1 class="verdict verdict-wrong" id="feedback-heading" tabindex="-1" autofocus>'
    assert re.search(heading, feedback) and feedback.count("autofocus") == 1
    assert next_focusable_after(feedback, 'id="feedback-heading"') == "Continue"


# --- The test's review page --------------------------------------------------------------------


def test_review_shows_each_prompt_and_the_saved_answer(student, app):
    attempt_id = start(student, "test")
    questions = attempt_questions(app, attempt_id)
    chosen = next(n for n, q in enumerate(questions, 1) if q.type is QuestionType.SINGLE)
    question = questions[chosen - 1]
    wrong = wrong_response(question)
    answer(student, attempt_id, chosen, form_fields(question, wrong))
    page = main_of(student.get(f"/attempts/{attempt_id}/review").get_data(as_text=True))
    items = re.findall(r'<li value="(\d+)" class="review-item">(.*?)</li>', page, re.DOTALL)
    assert [int(n) for n, _ in items] == list(range(1, len(questions) + 1))
    for (_, item), asked in zip(items, questions, strict=True):
        text = html.unescape(re.sub(r"<[^>]+>", "", item))
        first_words = " ".join(re.sub(r"\{\{\d+\}\}", "____", asked.prompt).split()[:3])
        assert first_words.replace("*", "") in text.replace("*", ""), (asked.id, text)
    picked = html.unescape(re.sub(r"<[^>]+>", "", items[chosen - 1][1]))
    assert response_text(question, wrong) in picked and "answered" in picked
    assert "not answered" in html.unescape(re.sub(r"<[^>]+>", "", items[(chosen % len(items))][1]))
    for line in answer_lines(question):  # the key of the answered question is nowhere
        assert html.escape(line) not in page or line in question.prompt


# --- Results: the summary, then the missed questions -------------------------------------------


def practice_with_misses(student, app, wrong: int, right: int) -> int:
    attempt_id = start(student, "practice")
    questions = attempt_questions(app, attempt_id)
    for number, question in enumerate(questions[: wrong + right], 1):
        response = wrong_response(question) if number <= wrong else full_marks_response(question)
        answer(student, attempt_id, number, form_fields(question, response))
    submit(student, attempt_id)
    return attempt_id


def test_long_results_list_the_missed_questions_first(student, app):
    attempt_id = practice_with_misses(student, app, wrong=2, right=3)
    url = f"/attempts/{attempt_id}/results"
    page = student.get(url).get_data(as_text=True)
    tally = re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", "", re.search(r'<ul class="result-tally">.*?</ul>', page, re.DOTALL).group(0)),
    )
    assert tally.strip() == "3 right 2 wrong 50 not answered"
    assert "time taken" in page
    assert listed_numbers(page) == [1, 2]  # missed: the wrong ones in full, the unanswered named
    assert (
        named_numbers(page) == list(range(6, 56)) and 'Not answered <span class="muted">(50)</span>' in page
    )
    assert f'<a href="{url}?show=all#question-6"><span class="visually-hidden">Question 6: </span>' in page
    assert f'href="{url}?show=all#questions-heading">Show all 55 questions</a>' in page
    every = student.get(url + "?show=all").get_data(as_text=True)
    assert listed_numbers(every) == list(range(1, 56)) and named_numbers(every) == []
    assert 'id="question-6"' in every  # where each named one leads
    assert f'href="{url}?show=missed#questions-heading">Show only the missed questions</a>' in every
    assert listed_numbers(student.get(url + "?show=missed").get_data(as_text=True)) == listed_numbers(page)
    assert listed_numbers(student.get(url + "?show=nonsense").get_data(as_text=True)) == listed_numbers(page)
    assert len(page) < len(every) / 3  # a round finished early: no passage of the 50 unanswered


def test_results_of_a_round_finished_early_name_the_unanswered_on_one_line(student, app):
    attempt_id = practice_with_misses(student, app, wrong=0, right=2)
    page = student.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert listed_numbers(page) == [] and named_numbers(page) == list(range(3, 56))
    assert "None: every question was answered right." not in page
    names = re.findall(
        r'<li value="\d+"><a [^>]+><span class="visually-hidden">[^<]+</span>([^<]*)</a>', page
    )
    assert len(names) == 53 and all(0 < len(html.unescape(name)) <= 80 for name in names)  # shortened
    assert any(name.endswith("…") for name in names)


def test_short_results_list_every_question(student, app, questions_dir):
    (questions_dir / "two.yaml").write_text(
        "title: Two\nsettings: {show_answers: immediately, shuffle_questions: false}\nquestions:\n"
        "  - {id: where, type: short, prompt: Where?, accept: [Kuwait]}\n"
        "  - {id: who, type: short, prompt: Who?, accept: [NATO]}\n"
    )
    from tests.helpers.banks import assign_every_bank

    assign_every_bank(app)
    attempt_id = start(student, "practice", bank="two")
    answer(student, attempt_id, 1, {"text": "Kuwait"})
    answer(student, attempt_id, 2, {"text": "Nato"})
    submit(student, attempt_id)
    page = student.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert listed_numbers(page) == [1, 2] and "Every question right!" in page
    missed_only = student.get(f"/attempts/{attempt_id}/results?show=missed").get_data(as_text=True)
    assert listed_numbers(missed_only) == [] and "None: every question was answered right." in missed_only


# --- The reward: since last time, and what to study next ---------------------------------------


def test_a_better_round_says_so_and_what_to_study(student, app):
    practice_with_misses(student, app, wrong=1, right=1)
    attempt_id = start(student, "practice")
    questions = attempt_questions(app, attempt_id)
    for number in range(1, 4):
        answer_correctly(student, app, attempt_id, number)
    submit(student, attempt_id)
    page = main_of(student.get(f"/attempts/{attempt_id}/results").get_data(as_text=True))
    reward = re.search(r'<section class="card reward reward-up".*?</section>', page, re.DOTALL).group(0)
    assert "Better than last time!" in reward
    assert "<strong>1.8%</strong>; now <strong>5.5%</strong>" in reward
    assert "(up 3.6 percentage points)" in reward
    fixed = re.findall(r"<li>(.*?)</li>", re.search(r'<ul class="fixed-list">(.*?)</ul>', reward).group(1))
    assert 1 <= len(fixed) <= 3  # missed (or not answered) then, right now
    assert "You missed 52 questions." in reward
    topics = re.findall(r'<a href="/decks/kosovo-peacekeepers/study\?tag=([^"]+)">', reward)
    missed_tags = {tag for q in questions[3:] for tag in q.tags}
    assert topics and set(topics) == missed_tags
    assert 'action="/learn/kosovo-peacekeepers"' in reward


def test_a_worse_round_compares_too(student, app):
    practice_with_misses(student, app, wrong=0, right=2)
    attempt_id = practice_with_misses(student, app, wrong=1, right=0)
    page = student.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert "Since last time" in page and "down 3.6 percentage points" in page and "reward-up" not in page


def test_a_retry_round_is_not_compared_with_a_full_one(student, app):
    first = practice_with_misses(student, app, wrong=1, right=2)  # 52 missed: a retry of 52
    results = student.get(f"/attempts/{first}/results").get_data(as_text=True)
    retry = student.post(f"/attempts/{first}/retry", data={"csrf_token": csrf_token(results)})
    retry_id = int(retry.headers["Location"].rsplit("/", 1)[1])
    answer_correctly(student, app, retry_id, 1)
    submit(student, retry_id)
    page = student.get(f"/attempts/{retry_id}/results").get_data(as_text=True)
    assert "since-last" not in page and "Better than last time" not in page


def test_scores_only_results_compare_scores_but_tell_nothing_of_which_were_right(student, app, questions_dir):
    edit_bank(
        questions_dir / BANK_FILE, "flashcards: true\n  show_answers: immediately", "show_answers: never"
    )
    for right in (1, 2):
        attempt_id = start(student, "test")
        for number in range(1, right + 1):
            answer_correctly(student, app, attempt_id, number)
        submit(student, attempt_id)
    page = main_of(student.get(f"/attempts/{attempt_id}/results").get_data(as_text=True))
    assert "Better than last time!" in page and "(up 4 percentage points)" in page
    for marker in (
        "result-tally",
        "fixed-list",
        "study-topics",
        "You missed",
        "verdict",
        "right now",
        "Show all",
    ):
        assert marker not in page, marker


def test_a_teacher_sees_the_results_without_the_reward(student, app):
    attempt_id = practice_with_misses(student, app, wrong=1, right=1)
    second = practice_with_misses(student, app, wrong=0, right=2)
    tina = app.test_client()
    login(tina, "tina")
    for viewed in (attempt_id, second):
        page = tina.get(f"/attempts/{viewed}/results").get_data(as_text=True)
        assert page.count('<li class="card"') + len(named_numbers(page)) >= 53  # the switch too
        assert 'class="card reward' not in page and "result-tally" in page

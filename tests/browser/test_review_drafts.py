"""Review in the browser (issue 18): a teacher drafts a bank from an article file, accepts,
edits and rejects drafts, sees the article's coverage shading change, and a student of a class it
is assigned to takes the quiz and meets only the accepted questions."""

from __future__ import annotations

from pathlib import Path

from quizapp.core import load_bank_file
from tests.helpers.answering import answer_shown_question
from tests.helpers.banks import assign_every_bank
from tests.helpers.browser import click_through, log_in

ARTICLE = Path(__file__).resolve().parents[2] / "benchmarks" / "articles" / "merava-floods.txt"


def card_ids(page) -> list[str]:
    return [
        element.get_attribute("id").removeprefix("question-")
        for element in page.locator(".review-card").all()
    ]


def shading(page) -> list[int]:
    return [int(p.get_attribute("data-questions")) for p in page.locator(".coverage[data-questions]").all()]


def shade_classes(page) -> list[str]:
    return [p.get_attribute("class") for p in page.locator(".coverage[data-questions]").all()]


def on_card(page, question_id: str, name: str):
    return page.locator(f"#question-{question_id}").get_by_role("button", name=name)


def test_a_teacher_reviews_a_drafted_bank_and_a_student_takes_it(
    new_page, live_server, people, questions_dir, app, auditor
):
    teacher = new_page()
    log_in(teacher, live_server, "tina")
    teacher.goto(live_server + "/banks")
    click_through(teacher, teacher.get_by_role("link", name="New bank from an article"))
    teacher.get_by_label("Article file (or paste its text below)").set_input_files(str(ARTICLE))
    teacher.get_by_label("Title of the new bank (optional)").fill("Merava floods")
    auditor.look(teacher, "80-bank-from-article")
    click_through(teacher, teacher.get_by_role("button", name="Draft the questions"))
    assert teacher.url.endswith("/banks/merava-floods.yaml/review")
    assert "Drafted " in teacher.locator(".flashes").inner_text()
    ids = card_ids(teacher)
    assert len(ids) >= 4
    assert f"0 accepted, {len(ids)} drafts left" in teacher.locator(".review-count").inner_text()
    before = shading(teacher)
    assert set(before) == {0} and len(before) > 3
    auditor.look(teacher, "81-review-drafts")

    first, second, third = ids[:3]
    click_through(teacher, on_card(teacher, first, f"Accept {first}"))
    assert teacher.url.endswith(f"#question-{second}")  # on to the next card
    after_one = shading(teacher)
    assert sum(after_one) >= 1
    changed = [n for n, (old, new) in enumerate(zip(before, after_one, strict=True)) if old != new]
    assert changed and all("coverage-1" in shade_classes(teacher)[n] for n in changed)
    assert (
        "tested by 1 accepted question"
        in teacher.locator(".coverage[data-questions]").nth(changed[0]).inner_text()
    )
    click_through(teacher, on_card(teacher, second, f"Accept {second}"))
    assert sum(shading(teacher)) > sum(after_one)
    assert f"2 accepted, {len(ids) - 2} drafts left" in teacher.locator(".review-count").inner_text()

    # the accepted second question, edited in the form: back to its card
    click_through(teacher, teacher.locator(f"#question-{second}").get_by_role("link", name=f"Edit {second}"))
    prompt = teacher.locator("textarea[name=prompt]")
    edited = f"Edited: {prompt.input_value()}"
    prompt.fill(edited)
    click_through(teacher, teacher.get_by_role("button", name="Save the question"))
    assert teacher.url.endswith(f"/banks/merava-floods.yaml/review#question-{second}")
    assert "Edited:" in teacher.locator(f"#question-{second}").inner_text()

    click_through(teacher, on_card(teacher, third, f"Reject {third}"))
    assert third not in card_ids(teacher)
    assert f"2 accepted, {len(ids) - 3} drafts left" in teacher.locator(".review-count").inner_text()
    auditor.look(teacher, "82-review-after")

    bank = load_bank_file(questions_dir / "merava-floods.yaml").bank
    assert [question.id for question in bank.questions] == [first, second]
    assert bank.questions[1].prompt == edited
    assign_every_bank(app)

    student = new_page()
    log_in(student, live_server, "sam")
    student.goto(live_server + "/quizzes/merava-floods")
    click_through(student, student.get_by_role("button", name="Start practice"))
    assert "0 of 2 questions answered" in student.locator("#round-progress-text").inner_text()
    seen = []
    for number in range(2):
        seen.append(answer_shown_question(student, bank).id)
        click_through(student, student.get_by_role("button", name="Check answer"))
        if number == 0:
            click_through(student, student.get_by_role("link", name="Next question"))
    assert sorted(seen) == sorted([first, second])
    click_through(student, student.get_by_role("button", name="Finish and see results"))
    assert "100%" in student.locator("main").inner_text()
    assert auditor.violations == []

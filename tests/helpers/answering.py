"""Answer whatever question a page shows, through its labels, as a student would."""

from __future__ import annotations

import re

from quizapp import core
from quizapp.core.answer_key import full_marks_response
from quizapp.core.model import QuestionType
from quizapp.core.text_matching import normalize


def shown_question(page, bank: core.Bank) -> core.Question:
    """The bank's question whose prompt the page shows."""
    cloze = page.locator(".prompt.cloze")
    if cloze.count():
        shown = normalize(cloze.inner_text())
        for question in bank.questions:
            if (
                question.type is QuestionType.CLOZE
                and normalize(re.sub(r"\{\{\s*(\d+)\s*\}\}", r" blank \1 ", question.prompt)) == shown
            ):
                return question
    else:
        shown = normalize(page.locator("fieldset.question legend").inner_text())
        for question in bank.questions:
            if normalize(question.prompt) == shown:
                return question
    raise AssertionError(f"no question with the prompt {shown!r}")


def answer_shown_question(page, bank: core.Bank) -> core.Question:
    """Fill in the full-marks answer of the question on the page; returns the question."""
    question = shown_question(page, bank)
    spec = question.answer
    response = full_marks_response(question)
    form = page.locator("#answer-form")
    match question.type:
        case QuestionType.SINGLE | QuestionType.MULTIPLE:
            for choice in spec.correct_choices:
                form.get_by_label(choice.text, exact=True).check()
        case QuestionType.TRUE_FALSE:
            form.get_by_label("True" if spec.value else "False", exact=True).check()
        case QuestionType.NUMERIC | QuestionType.SHORT:
            form.get_by_label(re.compile(r"^Your answer")).fill(str(response))
        case QuestionType.CLOZE:
            for number, value in enumerate(response, start=1):
                form.get_by_label(f"Blank {number}", exact=True).fill(value)
        case QuestionType.ORDERING:
            for position, item in enumerate(spec.items, start=1):
                # with JavaScript the lists are hidden behind the items to drag (reorder.js)
                form.get_by_label(item.text, exact=True).select_option(str(position), force=True)
        case QuestionType.MATCHING:
            for left, right in spec.pairs:
                form.get_by_label(left.text, exact=True).select_option(label=right.text)
    return question

"""Template filters: Markdown, percentages, durations and times the way people read them."""

from __future__ import annotations

import functools
from collections.abc import Container
from datetime import datetime, timedelta
from fractions import Fraction
from typing import Any

from flask import Flask, get_template_attribute, request, url_for
from markupsafe import Markup

from quizapp.core.accounts import shown_join_code
from quizapp.core.assignments import Status
from quizapp.core.cloze import BLANK
from quizapp.core.question_types import question_type
from quizapp.core.question_types.cloze import blank_input
from quizapp.services import clock
from quizapp.services.rendering import cloze_html, markdown_html, markdown_inline
from quizapp.web.quiz.answer_forms import AnswerInputs, fields_macro, input_options, one_tap_input


def percent(value: Fraction | None) -> str:
    if value is None:
        return "–"
    rounded = round(float(value), 1)
    return f"{rounded:g}%"


def share(value: Fraction | None) -> str:
    """A share from 0 to 1 as a percentage: 0.25 -> "25%"."""
    return percent(None if value is None else value * 100)


def points(value: Fraction) -> str:
    rounded = round(float(value), 2)
    return f"{rounded:g}"


def how_many(count: int | Fraction, noun: str, plural: str | None = None) -> str:
    """A number and its noun, agreeing: "0 cards", "1 card", "2 cards". ``plural`` where adding
    an s will not do ("class", "classes"; "test is", "tests are"). Every count a page shows in
    words goes through here (a template global), so "1 new cards" cannot come back."""
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


def points_of(earned: Fraction, total: Fraction) -> str:
    """ "2.5 of 4 points", "1 of 1 point"."""
    return f"{points(earned)} of {points(total)} point{'' if total == 1 else 's'}"


def duration(value: timedelta | None) -> str:
    if value is None:
        return "–"
    seconds = int(value.total_seconds())
    minutes, seconds = divmod(max(seconds, 0), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {seconds} s" if seconds else f"{minutes} min"
    return f"{seconds} s"


STATUS_LABELS = {
    Status.UPCOMING: "Not open yet",
    Status.NOT_STARTED: "Not started",
    Status.IN_PROGRESS: "In progress",
    Status.SUBMITTED: "Submitted",
    Status.LATE: "Submitted late",
    Status.OVERDUE: "Overdue: late work accepted",
    Status.MISSED: "Missed",
}


def status_label(status: Status) -> str:
    """An assignment status as the student's home page and the teacher's table word it."""
    return STATUS_LABELS[status]


def prompt_html(question: Any) -> Markup:
    """A question's prompt as HTML, drawn as its type says (``blanks_in_prompt``): numbered gaps
    for the blanks of a cloze prompt, Markdown for the others. Every page that shows a prompt
    outside the answer fields (the question's feedback, results, learn mode, the answer key)
    draws it here."""
    if question_type(question.type).blanks_in_prompt:
        return cloze_text(question.prompt)
    return markdown_html(question.prompt)


def prompt_inline(question: Any) -> Markup:
    """A question's prompt on one line for lists: cloze gaps as blanks, no raw {{1}}."""
    return markdown_inline(BLANK.sub("____", question.prompt))


def _blank_macro(name: str) -> Any:
    """One of the macros that draw a blank (templates/quiz/_blanks.html)."""
    return get_template_attribute("quiz/_blanks.html", name)


def cloze_text(prompt: str) -> Markup:
    """The cloze prompt with numbered gaps, for reviews and answer keys."""
    gap = _blank_macro("gap")
    return cloze_html(prompt, lambda number: Markup(gap(number)))


def cloze_inputs(question: Any, inputs: AnswerInputs, locked: bool) -> Markup:
    """The cloze prompt with a labelled text field in place of each blank (as long as its type's
    ``typed_length``)."""
    limit = question_type(question.type).typed_length
    field = _blank_macro("blank_input")

    def blank(number: int) -> Markup:
        name = blank_input(number)  # the name the cloze type reads back
        invalid = bool(inputs.errors.get(name))
        return Markup(field(name, number, invalid, locked, limit, inputs.text(name)))

    return cloze_html(question.prompt, blank)


def question_buttons(total: int, current: int, answered: Container[int]) -> Markup:
    """A test's buttons to go to each question (templates/quiz/_question_buttons.html). They are
    on every question page: as a template loop they took a quarter of the page's rendering time,
    so each button is rendered once per number and state, then reused."""
    return Markup(
        "\n".join(
            _question_button(number, number in answered, number == current) for number in range(1, total + 1)
        )
    )


@functools.lru_cache(maxsize=2048)
def _question_button(number: int, answered: bool, current: bool) -> Markup:
    button = get_template_attribute("quiz/_question_buttons.html", "question_button")
    return Markup(button(number, answered, current))


def minutes_left(deadline: datetime) -> str:
    """ "about 12 minutes left", read from the server's clock when the page is made."""
    seconds = (deadline - clock.now()).total_seconds()
    if seconds <= 0:
        return "time is up"
    minutes = round(seconds / 60)
    if minutes < 1:
        return "less than a minute left"
    return f"about {minutes} minute{'s' if minutes != 1 else ''} left"


def layout_url(endpoint: str, filename: str | None = None) -> str:
    """``url_for`` for the links every page has (the layout's menu, stylesheets, scripts), made
    once per URL root: building a URL takes Werkzeug some microseconds, and a page has many."""
    return _layout_url(request.script_root, endpoint, filename)


@functools.lru_cache(maxsize=256)
def _layout_url(_root: str, endpoint: str, filename: str | None) -> str:
    return url_for(endpoint, filename=filename) if filename else url_for(endpoint)


def init_app(app: Flask) -> None:
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.add_template_filter(markdown_html, "markdown")
    app.add_template_filter(markdown_inline, "markdown_inline")
    app.add_template_filter(prompt_html, "prompt_html")
    app.add_template_filter(prompt_inline, "prompt_inline")
    app.add_template_filter(percent, "percent")
    app.add_template_filter(share, "share")
    app.add_template_filter(points, "points")
    app.add_template_global(points_of, "points_of")
    app.add_template_global(how_many, "how_many")
    app.add_template_filter(duration, "duration")
    app.add_template_filter(shown_join_code, "join_code")
    app.add_template_global(status_label, "status_label")
    app.add_template_filter(minutes_left, "minutes_left")
    app.add_template_global(cloze_inputs, "cloze_inputs")
    app.add_template_global(input_options, "input_options")
    app.add_template_global(one_tap_input, "one_tap_input")
    app.add_template_global(fields_macro, "fields_macro")
    app.add_template_global(question_buttons, "question_buttons")
    app.add_template_global(layout_url, "layout_url")
    app.add_template_global(question_type, "question_type")

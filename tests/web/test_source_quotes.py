"""A question whose answer rests on several quotes: each is marked in feedback and on the source
page, in the article's order, and the class report counts the question in each paragraph."""

from __future__ import annotations

import html
import re

import pytest

from tests.helpers.banks import (
    PARAGRAPH_OF_IOWA,
    PARAGRAPH_OF_KUWAIT,
    PARAGRAPH_OF_THE_WAR,
    QUOTES_BANK,
)
from tests.helpers.quizzes import answer, start, submit
from tests.helpers.web import login

pytestmark = pytest.mark.with_quotes  # the banks with QUOTES_BANK (tests/conftest.py)

KUWAIT = "Kosovo has sent an army platoon to Kuwait"
IOWA = "under the command of the National Guard of Iowa"
WAR_END, INDEPENDENCE = "that ended in 1999", "Kosovo declared independence from Serbia in 2008."


def passage_of(page: str) -> str:
    [figure] = re.findall(r'<figure class="passage">(.*?)</figure>', page, re.DOTALL)
    return figure


def marks(fragment: str) -> list[str]:
    return [html.unescape(text) for text in re.findall(r"<mark>(.*?)</mark>", fragment, re.DOTALL)]


def test_practice_feedback_marks_every_quote_in_the_articles_order(student, app):
    attempt_id = start(student, "practice", QUOTES_BANK)
    for number in (1, 2):
        assert answer(student, attempt_id, number, {"truth": "false"}).status_code == 302
    figure = passage_of(student.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True))
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", figure, re.DOTALL)
    assert [marks(quote) for quote in quotes] == [[KUWAIT], [IOWA]]  # written Iowa first
    assert (
        "to take part in young country" in quotes[0] and "The peacekeeping platoon from Kosovo" in quotes[1]
    )
    assert f'#p{PARAGRAPH_OF_KUWAIT}"' in figure  # the link goes to the first passage
    assert 'style="' not in figure
    # two quotes of one paragraph: that paragraph once, both marked in it
    figure = passage_of(student.get(f"/attempts/{attempt_id}/questions/2").get_data(as_text=True))
    [quote] = re.findall(r"<blockquote>(.*?)</blockquote>", figure, re.DOTALL)
    assert marks(quote) == [INDEPENDENCE, WAR_END]
    assert quote.startswith("<mark>Kosovo declared") and "</mark> The move followed" in quote


def test_the_source_page_marks_every_quote_of_the_question(student, app):
    attempt_id = start(student, "practice", QUOTES_BANK)
    for number in (1, 2):
        answer(student, attempt_id, number, {"truth": "true"})  # a passage is shown once its answer is
    page = student.get(f"/quizzes/{QUOTES_BANK}/source?q=platoon-command").get_data(as_text=True)
    marked = re.findall(r'<p id="p(\d+)">([^\n]*<mark>.*?)</p>', page)
    assert [(int(number), marks(text)) for number, text in marked] == [
        (PARAGRAPH_OF_KUWAIT, [KUWAIT]),
        (PARAGRAPH_OF_IOWA, [IOWA]),
    ]
    both = student.get(f"/quizzes/{QUOTES_BANK}/source?q=war-to-independence").get_data(as_text=True)
    assert [marks(text) for _, text in re.findall(r'<p id="p(\d+)">([^\n]*<mark>.*?)</p>', both)] == [
        [INDEPENDENCE, WAR_END]
    ]


def heat_notes(page: str) -> dict[str, str]:
    """Each paragraph of the report's heatmap (its first words) and the note under it."""
    rows = re.findall(
        r'<p class="heat heat-\d">(.*?)\s*<span class="heat-note">(.*?)</span></p>', page, re.DOTALL
    )
    return {html.unescape(text)[:30]: note for text, note in rows}


def test_the_report_counts_a_question_in_each_paragraph_it_quotes(client, app, people):
    student = app.test_client()
    login(student, "sam")
    attempt_id = start(student, "test", QUOTES_BANK)
    answer(student, attempt_id, 1, {"truth": "false"})  # platoon-command: wrong
    answer(student, attempt_id, 2, {"truth": "true"})  # war-to-independence: right
    submit(student, attempt_id)
    login(client, "tina")
    page = client.get(f"/classes/{people.class_id}/quizzes/{QUOTES_BANK}/report").get_data(as_text=True)
    notes = heat_notes(page)
    assert (
        notes[KUWAIT[:30]]
        == notes["The peacekeeping platoon from "]
        == "missed 100% of the points in 1 answer"
    )
    assert notes[INDEPENDENCE[:30]] == "missed 0% of the points in 1 answer"  # two quotes, one answer
    assert list(notes.values()).count("no questions quote this") == len(notes) - 3
    assert tuple(
        1 + list(notes).index(start)
        for start in (KUWAIT[:30], "The peacekeeping platoon from ", INDEPENDENCE[:30])
    ) == (PARAGRAPH_OF_KUWAIT, PARAGRAPH_OF_IOWA, PARAGRAPH_OF_THE_WAR)


def test_the_printable_answer_key_lists_every_quote(teacher):
    page = teacher.get(f"/banks/{QUOTES_BANK}/answer-key").get_data(as_text=True)
    first = re.findall(r"<dt>In the text</dt><dd>(.*?)</dd>", page, re.DOTALL)[0]
    assert re.findall(r"<li><q>(.*?)</q></li>", first) == [IOWA, KUWAIT]  # as the bank lists them

"""Every page of the app, for browser tests that check them all alike (layout, charts, axe, weight).

A tour is a list of ``Stop``s walked in order by one logged-in browser page: each opens a path (or
stays where the previous stop left it) and may then click its way on (answer a question, open a
preview), so pages reached only through a form are visited as a person reaches them. Add a page
by adding a ``Stop`` to ``student_tour``, ``teacher_tour`` or ``visitor_tour``; the checks
(``sideways_overflow``, ``cut_chart_labels``, ``small_chart_labels``, ``PageWeights``, and
``tests.helpers.browser.axe_problems``) work on any page. ``fill_classroom`` gives the pages something to show: several
students, tests taken on several days, a practice round, flashcard reviews.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from quizapp.services import clock
from tests.helpers.answering import answer_shown_question
from tests.helpers.assignments import add_students, take
from tests.helpers.browser import BANK, click_through
from tests.helpers.web import People

QUIZ = "kosovo-peacekeepers"
CLASSMATES = ("Maximilianus-Bartholomew", "Ana", "Bo", "Chidimma-Oluwaseun")


@dataclass(frozen=True)
class Classroom:
    """What ``fill_classroom`` made: the ids the tours' paths need."""

    people: People
    student_ids: dict[str, int]
    assignment_id: int
    submitted_test: int  # one of Sam's tests


@dataclass(frozen=True)
class Stop:
    """One page of a tour: open ``path`` (None: stay on the page the previous stop left), then do
    ``then`` (clicks that lead to the page to check)."""

    name: str
    path: str | None
    then: Callable[..., None] | None = None


def fill_classroom(app, people: People) -> Classroom:
    """Tina's class with six students, Sam's tests on five days (so the score chart has a line),
    and one test by each classmate (so results, distributions and reports have rows)."""
    from quizapp.db import account_store, assignment_store

    add_students(app, people.class_id, *CLASSMATES)
    now = clock.now()
    sams = [
        take(app, "sam", now - timedelta(days=days), correct=correct)
        for days, correct in ((20, 3), (14, 12), (9, 25), (4, 40), (1, 50))
    ]
    for number, name in enumerate(("sara", *(name.lower() for name in CLASSMATES))):
        take(app, name, now - timedelta(days=2, hours=number), correct=8 * number + 5)
    with app.app_context():
        ids = {name.lower(): account_store.account_by_username(name.lower()).id for name in CLASSMATES}
        assignment_id = assignment_store.assignments_of_classes([people.class_id], QUIZ)[0].id
    ids |= {"sam": people.student, "sara": people.classmate}
    return Classroom(people, ids, assignment_id, sams[-1])


def click(name: str, role: str = "button", exact: bool = True) -> Callable[..., None]:
    """A ``then`` that clicks the first button (or link) so named and waits for the page it loads."""
    return lambda page: click_through(page, page.get_by_role(role, name=name, exact=exact).first)


def answer_and_check(page) -> None:
    """Answer the practice question shown, right, and ask for the verdict."""
    answer_shown_question(page, BANK)
    click_through(page, page.get_by_role("button", name="Check answer"))


def answer_anyhow_and_check(page) -> None:
    """Give the question shown (learn mode) some answer of its shape, right or wrong, and check it."""
    form = page.locator("form").filter(has=page.get_by_role("button", name="Check answer"))
    for group in form.locator("fieldset").all():
        options = group.locator("input[type=radio], input[type=checkbox]")
        if options.count():
            options.first.check()
    for text in form.locator("input[type=text], input:not([type])").all():
        text.fill("1")
    for select in form.locator("select").all():
        select.select_option(index=1)
    click_through(page, page.get_by_role("button", name="Check answer"))


def add_a_student(page) -> None:
    """Add a student with a long name on the class page: it then lists the new one-time password."""
    form = page.locator("form").filter(has=page.get_by_role("button", name="Add student"))
    form.get_by_label("Username").fill("wilhelmina-long-username")
    form.get_by_label("Name", exact=True).fill("Wilhelmina Konstantinopoulou-Smythe")
    click_through(page, form.get_by_role("button", name="Add student"))


def flip_card(page) -> None:
    """Show the card's back (in place, by JavaScript)."""
    page.get_by_role("button", name="Show the answer").click()
    page.locator("#card-back").wait_for()


def visitor_tour() -> list[Stop]:
    """Pages seen logged out."""
    return [
        Stop("login", "/login"),
        Stop("signup", "/signup"),
        Stop("not-found", "/no-such-page"),
        Stop("api-docs", "/api/v1/docs"),
    ]


def student_tour(classroom: Classroom) -> list[Stop]:
    """Sam's pages, in an order that works: a practice round, study, then a test left open."""
    return [
        Stop("student-home", "/"),
        Stop("quiz", f"/quizzes/{QUIZ}"),
        Stop("source", f"/quizzes/{QUIZ}/source"),
        Stop("practice-question", f"/quizzes/{QUIZ}", click("Start practice")),
        Stop("practice-feedback", None, answer_and_check),
        Stop("practice-results", None, click("Finish this practice round now")),
        Stop("test-results", f"/attempts/{classroom.submitted_test}/results"),
        Stop("decks", f"/decks/{QUIZ}"),
        Stop("flashcard-front", f"/decks/{QUIZ}/study"),
        Stop("flashcard-back", None, flip_card),
        Stop("learn-question", f"/decks/{QUIZ}", click("Start learning")),
        Stop("learn-feedback", None, answer_anyhow_and_check),
        Stop("progress", "/progress"),
        Stop("account", "/account/password"),
        Stop("join-class", "/join"),
        Stop(
            "test-question", f"/quizzes/{QUIZ}", click("Start the test")
        ),  # last: an open test hides answers
        Stop("test-review", None, click("Save and review answers")),
    ]


def teacher_tour(classroom: Classroom) -> list[Stop]:
    """Tina's pages: her class, its students and results, assignments, banks and account."""
    class_page = f"/classes/{classroom.people.class_id}"
    sam = classroom.people.student
    assignment = f"/assignments/{classroom.assignment_id}"
    return [
        Stop("teacher-home", "/"),
        Stop("classes", "/classes"),
        Stop("class", class_page),
        Stop("class-new-account", class_page, add_a_student),
        Stop("class-rename", f"{class_page}/rename"),
        Stop("class-archive", f"{class_page}/archive"),
        Stop("remove-student", class_page, click("Remove from class", exact=False)),
        Stop("student", f"{class_page}/students/{sam}"),
        Stop("student-progress", f"{class_page}/students/{sam}/progress"),
        Stop("student-accommodation", f"{class_page}/students/{sam}/accommodation"),
        Stop("student-attempt", f"/attempts/{classroom.submitted_test}/results"),
        Stop("class-results", f"{class_page}/quizzes/{QUIZ}"),
        Stop("quiz-report", f"{class_page}/quizzes/{QUIZ}/report"),
        Stop("class-progress", f"{class_page}/progress"),
        Stop("assignment-new", f"{class_page}/assignments/new"),
        Stop("assignment", assignment),
        Stop("assignment-edit", f"{assignment}/edit"),
        Stop("assignment-delete", f"{assignment}/delete"),
        Stop("accommodations", f"{assignment}/accommodations"),
        Stop("accommodation", f"{assignment}/accommodations/{sam}"),
        Stop("banks", "/banks"),
        Stop("bank-preview", f"/banks/{QUIZ}.yaml/edit", click("Check without saving")),
        Stop("bank-new", "/banks/new"),
        Stop("bank-import", "/banks/import"),
        Stop("bank-from-article", "/banks/from-article"),
        Stop("bank-review", f"/banks/{QUIZ}.yaml/review"),
        Stop("answer-key", f"/banks/{QUIZ}/answer-key"),
        Stop("bank-visibility", f"/banks/{QUIZ}/visibility"),
        Stop("teacher-account", "/account/password"),
        Stop("live-quizzes", "/live/host"),
        Stop("live-new", f"/live/new/{QUIZ}"),
        Stop("live-lobby", f"/live/new/{QUIZ}", click("Open the lobby")),  # the join address, PIN, QR
        Stop("live-results", "/live/results"),
        Stop("live-report", None, open_first_report),
    ]


def open_first_report(page) -> None:
    """Open the report of the newest live quiz listed on the results page."""
    click_through(page, page.locator(".live-sessions tbody a").first)


def walk(page, base: str, stop: Stop) -> None:
    """Bring ``page`` to the stop's page."""
    if stop.path is not None:
        page.goto(base + stop.path)
    if stop.then is not None:
        stop.then(page)
    page.wait_for_load_state("load")


# The page's width beyond the screen's (0: nothing scrolls sideways).
SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"

# Each shown SVG text whose box leaves its SVG's box (a cut label), with by how much.
CUT_LABELS = """() => Array.from(document.querySelectorAll('svg text')).flatMap((text) => {
  const svg = text.ownerSVGElement.getBoundingClientRect();
  const box = text.getBoundingClientRect();
  if (box.width === 0 || svg.width === 0) return [];
  const out = Math.max(svg.left - box.left, box.right - svg.right, svg.top - box.top, box.bottom - svg.bottom);
  return out > 0.5 ? [`"${text.textContent.trim()}" leaves its chart by ${out.toFixed(1)} px`] : [];
})"""

# Each shown SVG text drawn smaller than ``minimum`` px (a chart scaled down to a phone's width).
SMALL_LABELS = """(minimum) => Array.from(document.querySelectorAll('svg text')).flatMap((text) => {
  const svg = text.ownerSVGElement;
  const shown = svg.getBoundingClientRect().width;
  if (text.getBoundingClientRect().width === 0 || shown === 0) return [];
  const scale = svg.viewBox.baseVal && svg.viewBox.baseVal.width ? shown / svg.viewBox.baseVal.width : 1;
  const size = parseFloat(getComputedStyle(text).fontSize) * scale;
  return size < minimum ? [`"${text.textContent.trim()}" is ${size.toFixed(1)} px tall`] : [];
})"""


# Each table not inside a scroll box that takes focus and has a name (templates/_tables.html).
TABLES_OUTSIDE_REGIONS = """() => Array.from(document.querySelectorAll('table'))
  .filter((table) => !table.closest('.table-scroll[role="region"][tabindex="0"][aria-label]'))
  .map((table) => (table.caption ? table.caption.textContent : table.rows[0]?.textContent || '').trim().slice(0, 60))"""


def tables_outside_regions(page) -> list[str]:
    return page.evaluate(TABLES_OUTSIDE_REGIONS)


def sideways_overflow(page) -> int:
    """How many px the page scrolls sideways (0: none)."""
    return page.evaluate(SIDEWAYS)


def cut_chart_labels(page) -> list[str]:
    return page.evaluate(CUT_LABELS)


def small_chart_labels(page, minimum: float = 11) -> list[str]:
    return page.evaluate(SMALL_LABELS, minimum)


# The page's own HTML (bytes of the body as sent) and the stylesheets and scripts it loaded.
_PARTS = """() => {
  const html = performance.getEntriesByType('navigation')[0].encodedBodySize;
  const urls = new Set([
    ...Array.from(document.querySelectorAll('link[rel~="stylesheet"][href], link[rel="modulepreload"][href]'), (l) => l.href),
    ...Array.from(document.querySelectorAll('script[src]'), (s) => s.src),
    ...performance.getEntriesByType('resource')
      .filter((r) => ['script', 'css', 'link', 'fetch', 'xmlhttprequest'].includes(r.initiatorType))
      .map((r) => r.name),
  ]);
  return {html, urls: Array.from(urls)};
}"""


@dataclass
class PageWeights:
    """Bytes of each page before images: its HTML, CSS and JavaScript (each file counted on every
    page that loads it, as a first visit downloads it; the app sends them uncompressed)."""

    pages: dict[str, int] = field(default_factory=dict)
    _file_sizes: dict[str, int] = field(default_factory=dict)

    def weigh(self, page, name: str) -> int:
        parts = page.evaluate(_PARTS)
        total = parts["html"]
        for url in parts["urls"]:
            if url not in self._file_sizes:
                self._file_sizes[url] = len(page.request.get(url).body())
            total += self._file_sizes[url]
        self.pages[name] = total
        return total

    def heaviest(self, count: int = 5) -> list[tuple[str, int]]:
        return sorted(self.pages.items(), key=lambda item: -item[1])[:count]

"""Screenshots of a dozen representative pages at phone (390x844) and desktop (1280x900) width,
from a demo app full of data, so that a restyle can be judged before and after by the same pages.

    python scripts/screenshots.py test-artifacts/screenshots/before
    python scripts/screenshots.py test-artifacts/screenshots/after --color-scheme dark --axe

It starts from an empty temporary database and a copy of questions/, makes a teacher, a class of
students, assignments (one due, one past with late work accepted, one missed) and their attempts,
flashcard reviews and a practice round through the app's services, serves the app on 127.0.0.1,
logs in as a student and as the teacher and saves ``<page>-<phone|desktop>.png`` in the folder.
It also prints each page's weight (HTML, CSS and JavaScript as sent, images apart) and, with
``--axe``, axe-core's serious and critical findings. Chromium: $QUIZAPP_CHROMIUM or /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import shutil
import sys
import tempfile
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from quizapp import create_app  # noqa: E402
from quizapp.core.accounts import Role  # noqa: E402
from quizapp.core.answer_key import full_marks_response  # noqa: E402
from quizapp.core.model import QuestionType  # noqa: E402
from quizapp.core.scheduling import Grade  # noqa: E402
from quizapp.db.assignment_store import AssignmentTerms  # noqa: E402
from quizapp.services import accounts, assignments, attempts, bank_library, study  # noqa: E402

BANK = "kosovo-peacekeepers"
PASSWORD = "correct-horse-battery"
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
CHROMIUM = os.environ.get("QUIZAPP_CHROMIUM", "/usr/bin/chromium")
MAX_HEIGHT = 3000  # px: the top of a very long page (practice results) is enough to judge its look
AXE = ROOT / "tests" / "browser" / "vendor" / "axe.min.js"
STUDENTS = ["Sam Student", "Ana Novak", "Ben Okafor", "Chloé Martin", "Dev Patel", "Eva Lind", "Finn Walsh"]


def wrong_or_right(question):
    """A wrong answer where one is easy to make (a wrong choice), else the right one."""
    if question.type is QuestionType.SINGLE:
        return next(choice.id for choice in question.answer.choices if not choice.correct)
    if question.type is QuestionType.TRUE_FALSE:
        return not question.answer.value
    return full_marks_response(question)


def take_test(student, now, at, correct, assignment_id, submit=True):
    """``student`` starts the assignment's test at ``at`` and answers the first ``correct`` right."""
    bank = bank_library.bank(BANK)
    attempt = assignments.start_test(student, bank, at, random.randrange(1 << 30), assignment_id).attempt
    for number, question in enumerate(attempts.questions_of(attempt)):
        response = full_marks_response(question) if number < correct else wrong_or_right(question)
        attempts.save_answer(attempt, question.id, response, min(at + timedelta(seconds=number), now))
    if submit:
        attempts.submit(attempt.id, min(at + timedelta(minutes=12), now))
    return attempt.id


def seed(app) -> dict[str, int | str]:
    """The demo data; the ids the pages need."""
    rng = random.Random(17)
    random.seed(17)
    now = datetime.now(UTC)
    with app.app_context():
        library = bank_library.library()  # as a first request would: the banks into the database
        library.reload()
        library.sync_to_database()
        tina = accounts.create_account("tina", "Tina Teacher", PASSWORD, Role.TEACHER)
        history = accounts.create_class(tina.id, "History 9B", rng)
        accounts.create_class(tina.id, "Civics 10A", rng)
        students = [
            accounts.create_account(name.split()[0].lower(), name, PASSWORD, Role.STUDENT, history)
            for name in STUDENTS
        ]
        sam, ana, ben, chloe, dev, eva, _finn = students
        unit = assignments.create(
            tina.id,
            history.id,
            BANK,
            AssignmentTerms(
                opens_at=now - timedelta(days=9),
                due_at=now - timedelta(days=2),
                accept_late=True,
                title="Unit test",
            ),
        )
        missed = assignments.create(
            tina.id,
            history.id,
            BANK,
            AssignmentTerms(
                opens_at=now - timedelta(days=20), due_at=now - timedelta(days=12), title="Pop quiz"
            ),
        )
        retake = assignments.create(
            tina.id,
            history.id,
            BANK,
            AssignmentTerms(opens_at=now - timedelta(days=1), due_at=now + timedelta(days=4), title="Retake"),
        )
        scores = {sam: 19, ana: 22, ben: 14, chloe: 25, dev: 9}
        for day, (student, correct) in enumerate(scores.items()):
            take_test(student, now, now - timedelta(days=8 - day), correct, unit)
        take_test(eva, now, now - timedelta(days=1), 17, unit)  # late
        take_test(ana, now, now - timedelta(days=15), 20, missed)
        take_test(ben, now, now - timedelta(days=14), 12, missed)
        test_attempt = take_test(
            ana, now, now - timedelta(minutes=3), 4, retake, submit=False
        )  # Retake, open

        bank = bank_library.bank(BANK)
        practice = assignments.start_practice(sam, bank, now - timedelta(days=3), 5).attempt
        for question in attempts.questions_of(practice)[:40]:
            attempts.save_answer(practice, question.id, wrong_or_right(question), now - timedelta(days=3))
        attempts.submit(practice.id, now - timedelta(days=3))
        cards, _queue = study.study_queue(sam.id, bank, now, ZoneInfo("UTC"))
        for number, card in enumerate(cards[:24]):
            when = now - timedelta(days=6 - number % 6, hours=number)
            grade = (Grade.GOOD, Grade.EASY, Grade.HARD, Grade.AGAIN)[number % 4]
            study.rate_flashcard(sam.id, BANK, card.key, grade, when, None)
        open_practice = assignments.start_practice(sam, bank, now - timedelta(minutes=1), 8).attempt
        first = attempts.questions_of(open_practice)[0]
        attempts.save_answer(open_practice, first.id, wrong_or_right(first), now - timedelta(seconds=30))
        return {
            "class_id": history.id,
            "unit": unit,
            "practice_results": practice.id,
            "practice_question": open_practice.id,
            "test_question": test_attempt,
        }


def pages(ids) -> list[tuple[str, str, str]]:
    """(name, who, path) of each page shot; who is a username, or "" for a visitor."""
    class_id, unit = ids["class_id"], ids["unit"]
    return [
        ("login", "", "/login"),
        ("student-home", "sam", "/"),
        ("practice-feedback", "sam", f"/attempts/{ids['practice_question']}/questions/1"),
        ("practice-results", "sam", f"/attempts/{ids['practice_results']}/results"),
        ("quiz-page", "sam", f"/quizzes/{BANK}"),
        ("test-question", "ana", f"/attempts/{ids['test_question']}/questions/5"),
        ("flashcards", "sam", f"/decks/{BANK}/study"),
        ("progress", "sam", "/progress"),
        ("teacher-home", "tina", "/"),
        ("teacher-classes", "tina", "/classes"),
        ("class", "tina", f"/classes/{class_id}"),
        ("assignment-results", "tina", f"/assignments/{unit}"),
        ("quiz-report", "tina", f"/classes/{class_id}/quizzes/{BANK}/report"),
        ("bank-editor", "tina", f"/banks/{BANK}.yaml/edit"),
    ]


def weigh(page, base: str, path: str) -> int:
    """Bytes of the page's HTML, CSS and JavaScript as the server sends them (images left out),
    fetched again past the browser's cache."""
    assets = page.evaluate(
        "() => [...document.querySelectorAll('link[rel=stylesheet], script[src]')].map(e => e.href || e.src)"
    )
    return sum(len(page.request.get(url).body()) for url in [base + path, *assets])


def axe_findings(page, name: str) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => JSON.stringify((await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})).violations)"
    )
    return [
        f"{name}: {v['id']} ({v['impact']}) {[n['target'] for n in v['nodes']][:3]}"
        for v in json.loads(result)
        if v["impact"] in ("serious", "critical")
    ]


def shoot(base: str, ids, out: Path, color_scheme: str, run_axe: bool) -> list[str]:
    findings: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        contexts = {}
        for name, who, path in pages(ids):
            if who not in contexts:
                context = browser.new_context(  # axe is injected as an inline script
                    viewport=SIZES["desktop"], color_scheme=color_scheme, bypass_csp=run_axe
                )
                contexts[who] = page = context.new_page()
                if who:  # else a visitor, logged out
                    page.goto(base + "/login")
                    page.get_by_label("Username").fill(who)
                    page.get_by_label("Password").fill(PASSWORD)
                    with page.expect_navigation():
                        page.get_by_role("button", name="Log in").click()
            page = contexts[who]
            page.goto(base + path)
            page.wait_for_load_state("load")
            weight = weigh(page, base, path)
            for label, size in SIZES.items():
                page.set_viewport_size(size)
                height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
                clip = {"x": 0, "y": 0, "width": size["width"], "height": height}
                page.screenshot(path=str(out / f"{name}-{label}.png"), full_page=True, clip=clip)
            page.set_viewport_size(SIZES["desktop"])
            print(f"{name:20} {path:50} {weight / 1024:6.1f} KB")
            if run_axe:
                findings += axe_findings(page, name)
        browser.close()
    return findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where the PNGs go (made if missing)")
    parser.add_argument("--color-scheme", choices=["light", "dark"], default="light")
    parser.add_argument("--axe", action="store_true", help="run axe-core on each page too")
    parser.add_argument("--port", type=int, default=0, help="the port to serve on (default: any free one)")
    options = parser.parse_args()
    options.folder.mkdir(parents=True, exist_ok=True)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="quizapp-shots-") as temp:
        questions = Path(temp) / "questions"
        shutil.copytree(ROOT / "questions", questions, ignore=shutil.ignore_patterns(".history"))
        app = create_app(
            {
                "SECRET_KEY": "screenshots",
                "QUESTIONS_DIR": str(questions),
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(temp) / 'demo.sqlite'}",
                "UPGRADE_SCHEMA_ON_START": True,
                "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
                "LOGIN_LIMIT_PER_ADDRESS": "1000 per minute",
            }
        )
        logging.getLogger("quizapp.requests").setLevel(logging.WARNING)
        ids = seed(app)
        server = make_server("127.0.0.1", options.port, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            findings = shoot(
                f"http://127.0.0.1:{server.server_port}",
                ids,
                options.folder,
                options.color_scheme,
                options.axe,
            )
        finally:
            server.shutdown()
            thread.join(timeout=5)
    for finding in findings:
        print("axe:", finding)
    if options.axe:
        print(f"axe: {len(findings)} serious or critical")
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main())

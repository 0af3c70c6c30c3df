"""Every page of both roles (and the logged-out ones), with a class's results filled in, at a
390 px phone's width and a 1280 px desktop's: nothing scrolls sideways (a wide table scrolls in its
own box), no chart label is cut or drawn smaller than 11 px, axe-core finds nothing serious or
critical in the light or the dark colour scheme, and no page weighs more than 150 KB before images.

The pages are the tours of tests/helpers/page_tour.py; every problem of every page is listed at
once. Phone screenshots go to test-artifacts/screenshots/every-page/, the weights to
test-artifacts/page-weights.txt.
"""

from __future__ import annotations

import pytest

from tests.helpers.browser import ARTIFACTS, DESKTOP, PHONE, axe_problems, log_in
from tests.helpers.page_tour import (
    PageWeights,
    cut_chart_labels,
    fill_classroom,
    sideways_overflow,
    small_chart_labels,
    student_tour,
    tables_outside_regions,
    teacher_tour,
    visitor_tour,
    walk,
)

LIMIT_BYTES = 150 * 1024  # the limit for a page before images
SCREENSHOTS = ARTIFACTS / "every-page"


def check_page(page, name: str) -> list[str]:
    """Each problem of the page shown, at both widths and in both colour schemes."""
    problems = []
    for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        sideways = sideways_overflow(page)
        if sideways > 0:
            problems.append(f"{name} ({label}): the page scrolls {sideways} px sideways")
        problems += [f"{name} ({label}): {cut}" for cut in cut_chart_labels(page)]
        problems += [f"{name} ({label}): {small}" for small in small_chart_labels(page)]
        if label == "phone":
            page.screenshot(path=str(SCREENSHOTS / f"{name}-phone.png"), full_page=True)
        for scheme in ("light", "dark"):
            problems += [f"{name} ({label}, {scheme}): axe: {found}" for found in axe_problems(page, scheme)]
    problems += [
        f"{name}: a table outside a named scroll box: {table}" for table in tables_outside_regions(page)
    ]
    return problems


@pytest.mark.parametrize("role", ["visitor", "student", "teacher"])
def test_every_page_fits_a_phone_keeps_its_labels_and_passes_axe(role, new_page, live_server, app, people):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = new_page()
    if role == "visitor":
        tour = visitor_tour()
    else:
        classroom = fill_classroom(app, people)
        log_in(page, live_server, "sam" if role == "student" else "tina")
        tour = student_tour(classroom) if role == "student" else teacher_tour(classroom)
    weights = PageWeights()
    problems = []
    for stop in tour:
        page.set_viewport_size(DESKTOP)
        walk(page, live_server, stop)
        problems += check_page(page, stop.name)
        if weights.weigh(page, stop.name) > LIMIT_BYTES:
            problems.append(
                f"{stop.name}: {weights.pages[stop.name]} bytes before images (limit {LIMIT_BYTES})"
            )
    report = "\n".join(f"{name}: {size / 1024:.1f} KB" for name, size in weights.heaviest(len(weights.pages)))
    (ARTIFACTS.parent / f"page-weights-{role}.txt").write_text(report + "\n", encoding="utf-8")
    print(f"\n{role} pages, heaviest first:\n{report}")
    assert not problems, "\n".join(problems)

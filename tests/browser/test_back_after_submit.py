"""After a test is submitted, Back shows no live test: the server answers with the results."""

from __future__ import annotations

from tests.helpers.browser import click_through
from tests.helpers.web import PASSWORD


def test_back_after_submitting_a_test_leads_to_the_results(new_page, live_server, people):
    page = new_page()
    page.goto(live_server + "/login")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill(PASSWORD)
    click_through(page, page.get_by_role("button", name="Log in"))
    page.goto(live_server + "/quizzes/kosovo-peacekeepers")
    click_through(page, page.get_by_role("button", name="Start the test"))
    review = page.url.rsplit("/questions/", 1)[0] + "/review"
    page.goto(review)
    click_through(page, page.get_by_role("button", name="Submit the test"))
    results = page.url
    assert results.endswith("/results")

    page.go_back()
    page.wait_for_load_state("load")
    assert page.url == results, "Back showed the review page of a submitted test"
    assert page.get_by_role("button", name="Submit the test").count() == 0
    assert page.locator("#timer").count() == 0

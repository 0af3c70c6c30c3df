"""The icon sprite (templates/_icons.html): drawn once on every page, and every icon a page uses
is one of its symbols (a misspelt name would draw nothing, silently), hidden from screen readers."""

from __future__ import annotations

import re

import pytest

from tests.helpers.web import login

USE = re.compile(r'<svg class="icon[^"]*" aria-hidden="true" focusable="false"><use href="#([\w-]+)"/></svg>')


def icons_of(html: str) -> tuple[set[str], list[str]]:
    """The symbols a page defines, and the icons it uses."""
    return set(re.findall(r'<symbol id="([\w-]+)"', html)), re.findall(r'<use href="#([\w-]+)"', html)


@pytest.mark.parametrize(
    ("username", "paths"),
    [
        (None, ["/login", "/signup"]),
        ("sam", ["/", "/progress", "/quizzes/kosovo-peacekeepers"]),
        ("tina", ["/", "/classes", "/banks"]),
    ],
)
def test_every_icon_used_is_a_symbol_of_the_one_sprite(app, people, username, paths):
    client = app.test_client()
    if username:
        login(client, username)
    for path in paths:
        html = client.get(path).get_data(as_text=True)
        symbols, used = icons_of(html)
        assert html.count('class="icon-sprite"') == 1, path
        assert used and set(used) <= symbols, (path, set(used) - symbols)
        # each use is the whole pattern: an <svg class="icon"> hidden from screen readers
        assert len(USE.findall(html)) == len(used), path


def test_the_nav_marks_each_link_with_its_icon_and_keeps_its_words(app, people):
    client = app.test_client()
    login(client, "tina")
    html = client.get("/classes").get_data(as_text=True)
    nav = html[html.index('<nav class="site-nav" aria-label="Main">') : html.index("</nav>")]
    for icon, words in [
        ("classes", "Classes"),
        ("banks", "Banks"),
        ("account", "Account"),
        ("logout", "Log out"),
    ]:
        assert re.search(rf'<use href="#icon-{icon}"/></svg>{words}\b', nav), icon
    assert (
        'aria-current="page"><svg class="icon" aria-hidden="true" focusable="false"><use href="#icon-classes"/>'
        in nav
    )

"""A new bank from an article, and reviewing its drafts in the browser (docs/drafting-input.md)."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

from quizapp.core.question_edit import question_ids
from tests.helpers.banks import QUESTIONS
from tests.helpers.web import csrf_token

ARTICLES = Path(__file__).parents[1] / "data" / "articles"
KOSOVO = QUESTIONS / "sources" / "kosovo-peacekeepers.txt"
FROM_ARTICLE = "/banks/from-article"


def files_in(folder):
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def upload(client, text: str, file_name: str = "kosovo.txt", title: str = ""):
    token = csrf_token(client.get(FROM_ARTICLE).get_data(as_text=True))
    data = {"csrf_token": token, "title": title, "source": (io.BytesIO(text.encode("utf-8")), file_name)}
    return client.post(FROM_ARTICLE, data=data, content_type="multipart/form-data")


def drafted(client, questions_dir) -> str:
    """Draft the Kosovo article through the page: the new bank's file name."""
    response = upload(client, KOSOVO.read_text(encoding="utf-8"), title="Kosovo abroad")
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    name = response.headers["Location"].split("/banks/")[1].removesuffix("/review")
    assert (questions_dir / name).is_file()
    return name


def page_of(client, name: str) -> str:
    response = client.get(f"/banks/{name}/review")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def version_of(page: str) -> str:
    return re.search(r'name="version" value="([^"]*)"', page).group(1)


def decide(client, name: str, question_id: str, action: str, page: str | None = None):
    page = page or page_of(client, name)
    return client.post(
        f"/banks/{name}/review/{question_id}",
        data={"csrf_token": csrf_token(page), "version": version_of(page), "decision": action},
    )


def coverage(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'class="coverage coverage-\d" data-questions="(\d+)"', page)]


def test_the_banks_page_offers_a_new_bank_from_an_article(teacher):
    page = teacher.get("/banks").get_data(as_text=True)
    assert f'href="{FROM_ARTICLE}"' in page and "New bank from an article" in page


def test_an_uploaded_article_is_drafted_saved_and_opened_for_review(teacher, questions_dir):
    name = drafted(teacher, questions_dir)
    text = (questions_dir / name).read_text(encoding="utf-8")
    assert "title: Kosovo abroad\n" in text and "# Drafted by quizapp from kosovo.txt on " in text
    assert (questions_dir / "sources" / name.replace(".yaml", ".txt")).is_file()
    page = page_of(teacher, name)
    ids = question_ids(text)
    assert f"0 accepted, {len(ids)} drafts left" in page
    assert [
        m for m in re.findall(r'<li class="card preview review-card[^"]*" id="question-([^"]+)"', page)
    ] == ids
    assert page.count(">Accept<span") == len(ids) and page.count(">Reject<span") == len(ids)
    assert "From the article:" in page and "<mark>" in page  # each card's quote in its paragraph
    assert set(coverage(page)) == {0}  # no accepted question yet: nothing is covered
    assert f'href="/banks/{name}/edit"' in page
    editor = teacher.get(f"/banks/{name}/edit").get_data(as_text=True)
    assert f"Review {len(ids)} drafts" in editor and f'href="/banks/{name}/review"' in editor


def test_a_pasted_article_is_drafted_too(teacher, questions_dir):
    token = csrf_token(teacher.get(FROM_ARTICLE).get_data(as_text=True))
    response = teacher.post(
        FROM_ARTICLE, data={"csrf_token": token, "pasted": KOSOVO.read_text(encoding="utf-8"), "title": ""}
    )
    assert response.status_code == 302
    name = response.headers["Location"].split("/banks/")[1].removesuffix("/review")
    assert "# Drafted by quizapp from pasted text on " in (questions_dir / name).read_text(encoding="utf-8")


def test_accept_and_reject_rewrite_only_that_question(teacher, questions_dir):
    name = drafted(teacher, questions_dir)
    path = questions_dir / name
    before = path.read_text(encoding="utf-8")
    first, second, third = question_ids(before)[:3]
    accepted = decide(teacher, name, first, "accept")
    assert accepted.status_code == 302 and accepted.headers["Location"].endswith(f"#question-{second}")
    after = path.read_text(encoding="utf-8")
    assert len(before.splitlines()) - len(after.splitlines()) == 1  # the draft line, nothing else
    assert before.replace(f"- id: {first}\n  draft: true\n", f"- id: {first}\n", 1) == after
    rejected = decide(teacher, name, second, "reject")
    assert rejected.status_code == 302 and rejected.headers["Location"].endswith(f"#question-{third}")
    text = path.read_text(encoding="utf-8")
    assert second not in question_ids(text) and question_ids(text) == [
        q for q in question_ids(after) if q != second
    ]
    page = page_of(teacher, name)
    assert f"1 accepted, {len(question_ids(text)) - 1} drafts left" in page
    assert 'tag-ok">Accepted</span> <code>' + first in page


def test_coverage_counts_accepted_questions_only(teacher, questions_dir):
    name = drafted(teacher, questions_dir)
    page = page_of(teacher, name)
    assert sum(coverage(page)) == 0 and "not tested yet" in page
    assert "The quiz page" not in page  # drafts only: no quiz to open yet
    text = (questions_dir / name).read_text(encoding="utf-8")
    first = question_ids(text)[0]
    decide(teacher, name, first, "accept", page)
    page = page_of(teacher, name)
    assert sum(coverage(page)) >= 1 and "tested by 1 accepted question" in page
    bank_slug = re.search(r"^id: (\S+)$", text, re.M).group(1)
    assert f'href="/quizzes/{bank_slug}">The quiz page</a>' in page
    assert "coverage coverage-1" in page


def test_accept_all_remaining(teacher, questions_dir):
    name = drafted(teacher, questions_dir)
    page = page_of(teacher, name)
    response = teacher.post(
        f"/banks/{name}/accept-drafts", data={"csrf_token": csrf_token(page), "version": version_of(page)}
    )
    assert response.status_code == 302
    text = (questions_dir / name).read_text(encoding="utf-8")
    assert "\n  draft: true\n" not in text
    assert "0 drafts left" in page_of(teacher, name)


def test_a_file_changed_since_the_page_was_shown_is_a_conflict_and_changes_nothing(teacher, questions_dir):
    name = drafted(teacher, questions_dir)
    page = page_of(teacher, name)
    path = questions_dir / name
    first, second = question_ids(path.read_text(encoding="utf-8"))[:2]
    decide(teacher, name, first, "reject")  # in another tab
    changed = path.read_text(encoding="utf-8")
    response = decide(teacher, name, second, "accept", page)  # from the page shown before
    assert response.status_code == 409
    assert "Nothing was changed: the file was changed" in response.get_data(as_text=True)
    assert path.read_text(encoding="utf-8") == changed
    assert f'id="question-{first}"' not in response.get_data(as_text=True)  # the current state


def test_csrf_is_required(teacher, questions_dir, app):
    name = drafted(teacher, questions_dir)
    before = (questions_dir / name).read_text(encoding="utf-8")
    page = page_of(teacher, name)
    first = question_ids(before)[0]
    for url, decision in (
        (f"/banks/{name}/review/{first}", "accept"),
        (f"/banks/{name}/review/{first}", "reject"),
        (f"/banks/{name}/accept-drafts", ""),
    ):
        assert teacher.post(url, data={"version": version_of(page), "decision": decision}).status_code == 400
    assert (questions_dir / name).read_text(encoding="utf-8") == before
    assert teacher.post(FROM_ARTICLE, data={"pasted": "x"}).status_code in (400, 422)


def test_students_are_kept_out(student, questions_dir):
    for url in (FROM_ARTICLE, "/banks/kosovo-peacekeepers.yaml/review"):
        response = student.get(url)
        assert response.status_code in (302, 403) and "Drafted" not in response.get_data(as_text=True)


def test_refused_input_says_why_keeps_the_text_and_writes_nothing(teacher, questions_dir):
    before = files_in(questions_dir)
    token = csrf_token(teacher.get(FROM_ARTICLE).get_data(as_text=True))
    french = "Le gouvernement a annoncé mardi que les troupes partiront en mission. " * 20
    response = teacher.post(FROM_ARTICLE, data={"csrf_token": token, "pasted": french, "title": "Mon titre"})
    assert response.status_code == 422
    page = html.unescape(response.get_data(as_text=True))
    assert "English articles only" in page and "Nothing was written." in page
    assert french.strip()[:60] in page and 'value="Mon titre"' in page
    empty = teacher.post(FROM_ARTICLE, data={"csrf_token": token, "pasted": "  ", "title": ""})
    assert empty.status_code == 422 and "paste its text here" in empty.get_data(as_text=True)
    binary = upload(teacher, "\x00\x01\x02" * 100, "article.txt")
    assert binary.status_code == 422 and "is not a text file" in binary.get_data(as_text=True)
    menus = upload(teacher, (ARTICLES / "menus-only.html").read_text(encoding="utf-8"), "menus-only.html")
    assert menus.status_code == 422 and "holds no article text" in menus.get_data(as_text=True)
    assert files_in(questions_dir) == before


def test_the_article_is_shown_as_text_never_as_html(teacher, questions_dir):
    article = KOSOVO.read_text(encoding="utf-8").replace("Kosovo", "Kosovo <script>alert(1)</script>", 1)
    response = upload(teacher, article, "kosovo.txt")
    assert response.status_code == 302
    name = response.headers["Location"].split("/banks/")[1].removesuffix("/review")
    page = page_of(teacher, name)
    assert "<script>alert(1)</script>" not in page


def test_the_question_form_goes_back_to_the_review_page(teacher, questions_dir):
    name = drafted(teacher, questions_dir)
    first = question_ids((questions_dir / name).read_text(encoding="utf-8"))[0]
    review = f"/banks/{name}/review"
    page = page_of(teacher, name)
    assert f'href="/banks/{name}/questions/{first}/edit?back={review}"' in page
    from tests.web.test_question_form import form_data

    form_page = teacher.get(f"/banks/{name}/questions/{first}/edit", query_string={"back": review}).get_data(
        as_text=True
    )
    data = form_data(form_page)
    data |= {"action": "save", "prompt": f"A prompt of my own: {data['prompt']}"}
    action = html.unescape(
        re.search(r'<form method="post" action="([^"]+)" class="question-form"', form_page).group(1)
    )
    response = teacher.post(action, data=data)
    assert response.status_code == 302, re.findall(
        r'class="(?:error|flash[^"]*)"[^>]*>([^<]*)', response.get_data(as_text=True)
    )
    assert response.headers["Location"].endswith(f"{review}#question-{first}")
    assert "A prompt of my own: " in (questions_dir / name).read_text(encoding="utf-8")
    elsewhere = teacher.get(
        f"/banks/{name}/questions/{first}/edit", query_string={"back": "https://evil.example/"}
    )
    assert "evil.example" not in elsewhere.get_data(as_text=True)


GIVING_AWAY = """\
title: Independence
source:
  title: Kosovo
  path: sources/kosovo-peacekeepers.txt
questions:
  - id: independence-year
    draft: true
    type: numeric
    prompt: In what year did Kosovo declare independence?
    answer: 2008
    source: Kosovo declared independence from Serbia in 2008.
  - id: independence-statement
    draft: true
    type: true_false
    prompt: Kosovo declared independence in 2008.
    answer: true
    source: Kosovo declared independence from Serbia in 2008.
"""


def test_accepting_says_who_sees_it_and_give_aways_among_accepted_questions_are_shown(teacher, questions_dir):
    (questions_dir / "independence.yaml").write_text(GIVING_AWAY, encoding="utf-8")
    page = page_of(teacher, "independence.yaml")
    assert "warning-summary" not in page  # drafts give nothing away: students see none of them
    response = decide(teacher, "independence.yaml", "independence-year", "accept", page)
    followed = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "Accepted independence-year: it is not assigned to any class yet" in html.unescape(followed)
    assert "students see it now" not in followed
    decide(teacher, "independence.yaml", "independence-statement", "accept")
    page = html.unescape(page_of(teacher, "independence.yaml"))
    assert "1 warning among the accepted questions" in page
    assert 'href="#question-independence-statement"' in page and "2008" in page


def test_a_file_and_a_pasted_text_at_once_are_refused_and_the_text_kept(teacher, questions_dir):
    before = files_in(questions_dir)
    token = csrf_token(teacher.get(FROM_ARTICLE).get_data(as_text=True))
    pasted = KOSOVO.read_text(encoding="utf-8")
    data = {
        "csrf_token": token,
        "pasted": pasted,
        "source": (io.BytesIO(pasted.encode("utf-8")), "kosovo.txt"),
    }
    response = teacher.post(FROM_ARTICLE, data=data, content_type="multipart/form-data")
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422 and "not both" in page
    assert "Kosovo has sent an army platoon to Kuwait" in page  # the pasted text is kept
    assert files_in(questions_dir) == before


def test_the_title_and_the_credit_line_are_not_paragraphs_to_test(teacher, questions_dir):
    page = html.unescape(page_of(teacher, drafted(teacher, questions_dir)))
    headings = re.findall(
        r'class="coverage coverage-heading">([^<]*)<span class="coverage-note">([^<]*)<', page
    )
    assert [(text.strip(), note) for text, note in headings] == [
        ("Kosovar Peacekeepers Sent On First Mission Abroad", "the title"),
        ("Source: RFE/RL (Radio Free Europe/Radio Liberty), with reporting by AP", "the credit line"),
    ]
    assert len(coverage(page)) == 12  # the body's paragraphs, each shaded


def test_a_question_named_like_a_route_is_rejected_not_every_draft_accepted(teacher, questions_dir):
    text = GIVING_AWAY.replace("id: independence-year", "id: accept-all")
    (questions_dir / "independence.yaml").write_text(text, encoding="utf-8")
    decide(teacher, "independence.yaml", "accept-all", "reject")
    after = (questions_dir / "independence.yaml").read_text(encoding="utf-8")
    assert question_ids(after) == ["independence-statement"]
    assert "draft: true" in after  # the other draft is still a draft


def test_accepting_an_accepted_question_saves_nothing(teacher, questions_dir):
    (questions_dir / "independence.yaml").write_text(GIVING_AWAY, encoding="utf-8")
    decide(teacher, "independence.yaml", "independence-year", "accept")
    after_one = (questions_dir / "independence.yaml").read_text(encoding="utf-8")
    history = sorted((questions_dir / ".history").rglob("*.yaml"))
    response = decide(teacher, "independence.yaml", "independence-year", "accept")
    assert response.status_code == 302
    assert "accepted already" in teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert (questions_dir / "independence.yaml").read_text(encoding="utf-8") == after_one
    assert sorted((questions_dir / ".history").rglob("*.yaml")) == history  # no copy kept

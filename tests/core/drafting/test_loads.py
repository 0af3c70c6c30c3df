"""Every drafted question loads through the real bank loader, quotes checked against the text."""

from __future__ import annotations

from pathlib import Path

from quizapp.core.bank_loader import load_bank_bytes
from quizapp.core.drafting import Article, draft_questions, read_article
from quizapp.core.interchange.common import yaml_text

KOSOVO = Path(__file__).parents[3] / "questions" / "sources" / "kosovo-peacekeepers.txt"

INVENTED = """Storm Floods Valley Towns

By Test Wire

Heavy rain flooded 12 towns in the Rhone Valley on Tuesday, officials said, and 3,500 people left their homes.

The storm dropped 210 millimetres of rain in two days, the most since 1987, according to the national weather service.

“We have never seen the river rise this fast,” said Marie Dubois, the mayor of Sion.

Rescue teams from Switzerland, Italy and France worked through the night. The Red Cross opened 14 shelters.

Forecaster Paul Keller, a meteorologist at the Federal Office of Meteorology, said rain would ease on Thursday.

In 2005, a similar flood killed 6 people. In 2011 the canton built new dams, and in 2019 it widened the river.
"""


def _load(article: Article) -> tuple[int, list[str]]:
    draft = draft_questions(article)
    document = {
        "id": "drafted",
        "title": article.title or "Drafted",
        "source": {"title": article.title or "Drafted", "path": "sources/article.txt"},
        "questions": [dict(q.fields) for q in draft.questions],
    }
    data = yaml_text(document).encode()
    result = load_bank_bytes(data, "drafted.yaml", "drafted", lambda _path: article.text)
    return len(draft.questions), [f"{p.line}: {p.message}" for p in result.problems]


def test_kosovo_drafts_load_without_problems() -> None:
    count, problems = _load(read_article(KOSOVO.read_text(encoding="utf-8")))
    assert count >= 30
    assert problems == []


def test_invented_article_drafts_load_without_problems() -> None:
    count, problems = _load(read_article(INVENTED))
    assert count >= 15
    assert problems == []

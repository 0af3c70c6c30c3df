"""What a teacher found drafting from their own articles (invented sentences here): readable
topic tags that never show an answer, large amounts with their scale in the unit, the wire
dateline never asked nor shown, and gaps written without Markdown escapes."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from quizapp.core.bank_loader import load_bank_bytes
from quizapp.core.drafting import Article, DraftKind, draft_questions, read_article
from quizapp.core.drafting.bank_text import drafted_bank_text
from quizapp.core.drafting.drafts import PER_GROUP, _noun_phrase, paragraph_topics
from quizapp.core.drafting.names import find_names
from quizapp.core.drafting.reading import read
from quizapp.core.drafting.roles import role_head
from quizapp.core.drafting.sentences import sentence_spans

KOSOVO = Path(__file__).parents[3] / "questions" / "sources" / "kosovo-peacekeepers.txt"

HARBOUR = """Harbour Dredging Finished Late

Source: Coastal Wire Service (CWS)

KESTREL BAY, Oct 14 (CWS) - The Kestrel Bay Port Authority finished dredging the harbour on Monday, two years late, after the work cost 312 million dollars.

Lucia Brandt, a captain who has sailed from the port since 1998, said ships still wait for the tide. “We were promised a wider channel and got a deeper bill,” she said.

The Marine Workers Union said 1,400 dockers had lost shifts during the work, which began in 2019.

Mayor Tomas Reyes said the city would ask for a further 2.5 billion dollars to build a new quay by 2030.
"""


def _draft(text: str = HARBOUR) -> list:  # type: ignore[type-arg]
    return list(draft_questions(read_article(text)).questions)


def test_tags_are_readable_topics_never_paragraph_numbers() -> None:
    tags = {tag for q in _draft() for tag in q.fields.get("tags", [])}
    assert tags and not any(tag.startswith("paragraph-") for tag in tags)
    assert "kestrel bay port authority" in tags or "lucia brandt" in tags
    assert all(tag == tag.lower() for tag in tags)


def test_a_tag_never_shows_its_drafts_answer() -> None:
    for article in (HARBOUR, KOSOVO.read_text(encoding="utf-8")):
        for question in _draft(article):
            if question.kind is DraftKind.TRUE_FALSE:
                continue
            for tag in question.fields.get("tags", []):
                for answer in question.answers:
                    words = set(re.findall(r"[a-z0-9]+", answer.lower()))
                    assert not words <= set(tag.split()), (question.id, tag, answer)
                    assert tag not in answer.lower(), (question.id, tag, answer)


def _accepted_bank_warnings(article: Article) -> list[str]:
    """The drafted bank file with every draft accepted (its ``draft: true`` lines removed),
    loaded: its give-away warnings."""
    text = drafted_bank_text(
        article,
        draft_questions(article).questions,
        bank_slug="drafted",
        title="Drafted",
        source_path="sources/article.txt",
        drafted_from="a test",
        drafted_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    accepted = "".join(line for line in text.splitlines(keepends=True) if line.strip() != "draft: true")
    assert accepted != text
    result = load_bank_bytes(accepted.encode(), "drafted.yaml", "drafted", lambda _p: article.text)
    assert result.bank is not None, result.problems
    return [problem.message for problem in result.warnings]


def test_accepted_drafts_give_no_answer_away_by_a_tag() -> None:
    for text in (HARBOUR, KOSOVO.read_text(encoding="utf-8")):
        warnings = _accepted_bank_warnings(read_article(text))
        assert not [w for w in warnings if "tag" in w], warnings


def test_large_amounts_keep_their_scale_in_the_unit() -> None:
    numeric = [q for q in _draft() if q.kind is DraftKind.NUMERIC]
    by_unit = {q.fields.get("unit"): q for q in numeric}
    assert by_unit["million dollars"].fields["answer"] == 312
    assert by_unit["billion dollars"].fields["answer"] == 2.5
    assert "312 million dollars" in by_unit["million dollars"].answers
    for question in numeric:
        assert question.fields["answer"] < 1_000_000


def test_the_wire_dateline_is_never_asked_nor_shown() -> None:
    paragraph = "KESTREL BAY, Oct 14 (CWS) - The port reopened on Monday."
    assert [paragraph[a:b] for a, b in sentence_spans(paragraph, first=True)] == [
        "The port reopened on Monday."
    ]
    assert sentence_spans("PRISTINA, Kosovo (AP) — “We are ready,” she said.", first=True)[0][0] > 0
    assert sentence_spans("NATO - the alliance met.", first=True) == [(0, 24)]
    for question in _draft():
        shown = " ".join(str(v) for k, v in question.fields.items() if k not in {"source", "explanation"})
        assert "KESTREL BAY" not in shown and "CWS" not in shown and "Oct 14" not in shown, question.fields
        assert "CWS" not in " ".join(question.answers)


def test_gaps_need_no_markdown_escape() -> None:
    gapped = [q for q in _draft() if "(blank)" in str(q.fields["prompt"])]
    assert gapped
    for question in _draft():
        assert "\\_" not in str(question.fields["prompt"])


def test_names_with_and_or_ampersand_are_taken_whole() -> None:
    sentence = (
        "Ada Obi, director of the National Commission for Museums and Monuments, met Halvorsen & Price."
    )
    names = [n.text for n in find_names(sentence, frozenset(), [])]
    assert "National Commission for Museums and Monuments" in names
    assert "Halvorsen & Price" in names
    listed = [
        n.text for n in find_names("Observers from Sweden, Finland and Denmark met NATO.", frozenset(), [])
    ]
    assert {"Finland", "Denmark"} <= set(listed)
    joined = [n.text for n in find_names("The Ministry of Trade and Industry and NATO met.", frozenset(), [])]
    assert joined == ["Ministry of Trade and Industry", "NATO"]


def test_she_said_after_a_quote_is_the_person_named_before() -> None:
    quotes = [q for q in _draft() if q.kind is DraftKind.ATTRIBUTION]
    assert [q.fields["answer"] for q in quotes] == ["Lucia Brandt"]
    assert "wider channel" in quotes[0].fields["prompt"]
    assert len(quotes[0].fields["choices"]) >= 3
    # a "she said" in another paragraph than the last person named gets no speaker
    other = read(
        read_article(
            "Headline\n\nAna Lee spoke on Monday in Vesta.\n\n“We will build it all again,” she said."
        )
    )
    assert other.speeches == ()


BENIN = """Bronzes Return Home

By Test Wire

Germany returned 20 bronzes to Nigeria on Tuesday, officials in Abuja said.

The bronzes were taken from Benin City in 1897, said Ada Obi, a curator in Lagos.

The old kingdom of Benin lay in what is now southern Nigeria, not in the modern state of Benin.

The museum in Berlin held 500 objects, the German culture minister Claudia Roth said in Berlin.
"""


def test_a_false_statement_never_swaps_in_a_related_name() -> None:
    reading = read(read_article(BENIN))
    for question in draft_questions(read_article(BENIN)).questions:
        if question.kind is not DraftKind.TRUE_FALSE or question.fields["answer"] is not False:
            continue
        explanation = str(question.fields["explanation"])
        real, swapped = re.search(r"It says (.+), not (.+)\.$", explanation).groups()  # type: ignore[union-attr]
        for name in ("Benin", "Benin City"):
            assert not (swapped == name and real in {"Benin", "Benin City"} - {name}), explanation
        names = [m.display for m in reading.names.values() if m.is_name and m.display != swapped]
        assert not any(swapped in n or n in swapped for n in names), explanation


YEAR = """Bridge Opens

By Test Wire

The Aldmoor Bridge opened in 2019 after the city spent 40 million euros on it, the mayor Ruth Gale said.

Engineers from Norland and Vesta built it, said Omar Haddad, the chief engineer.

The old ferry, which ran from 1950, carried 300 passengers a day, said Lena Fisk of the ferry company.
"""


def test_a_group_keeps_two_drafts_and_those_asking_other_facts() -> None:
    drafts = draft_questions(read_article(YEAR)).questions
    groups: dict[str, list] = {}  # type: ignore[type-arg]
    for question in drafts:
        if "group" in question.fields:
            groups.setdefault(str(question.fields["group"]), []).append(question)
    assert groups
    for members in groups.values():
        assert len(members) >= 2
        answers = [{a.lower() for a in q.answers} for q in members if q.kind is not DraftKind.TRUE_FALSE]
        own = [a - set().union(*(b for b in answers if b is not a)) for a in answers]
        redundant = sum(1 for q in members if q.kind is DraftKind.TRUE_FALSE) + sum(1 for a in own if not a)
        assert redundant <= PER_GROUP, [(q.kind, q.answers) for q in members]
    years = [q for q in drafts if any("2019" in a for a in q.answers) and q.kind is not DraftKind.TRUE_FALSE]
    assert 1 <= len(years) <= PER_GROUP


ROLES = """Bronzes Return

By Test Wire

Germany returned 20 bronzes to Nigeria on Tuesday, said Abba Tijani, director of Nigeria's National Commission for Museums and Monuments.

Lucia Brandt, a captain who has sailed from the port since 1998, said ships still wait for the tide.

Omar Haddad, a director of the Berlin Museum of Asian Art, said the rest would follow in 2026.
"""


def test_a_long_role_also_accepts_its_head_when_no_one_else_has_it() -> None:
    drafts = {q.id: q for q in draft_questions(read_article(ROLES)).questions if q.id.startswith("role-")}
    assert "captain" in drafts["role-lucia-brandt"].fields["blanks"][0]
    assert role_head("captain who has sailed from the port", ["director of the museum"]) == "captain"
    assert role_head("director of the commission", ["a director of the museum"]) == ""
    # two directors: "director" would name either, so the long role is a choice among the roles
    for ident in ("role-abba-tijani", "role-omar-haddad"):
        choice = drafts[ident]
        assert choice.kind is DraftKind.CHOICE and len(choice.fields["choices"]) == 3
        assert choice.fields["answer"] == choice.fields["choices"][0]
        assert choice.fields["answer"].lower().lstrip("a ").startswith("director")


def test_a_draft_asking_the_main_name_gets_the_paragraphs_next_topic() -> None:
    topics = paragraph_topics(read(read_article(HARBOUR)))
    assert topics[0] == ("kestrel bay port authority", "harbour")
    asking = [q for q in _draft() if "Kestrel Bay Port Authority" in q.answers]
    assert asking and all(q.fields.get("tags") == ["harbour"] for q in asking)
    assert _noun_phrase("About 18 emergency shelters were opened in Vesta.") == "emergency shelters"
    assert _noun_phrase("Prime Minister Ana Lee said the dikes held.") == "dikes"  # no "prime"
    assert _noun_phrase("Children aged 5 to 17 months received three doses.") == "children"


def test_a_number_of_more_digits_than_a_count_has_is_not_asked():
    from quizapp.core.drafting import draft_questions, read_article

    text = (
        "Big numbers\n\nThe count was " + "9" * 5000 + " sheep in the valley of Tarn, officials said on"
        " Monday.\n\nThe mayor, Anna Berg, said the town of Tarn had 4,000 people and 300 farms in 2020."
    )
    drafted = draft_questions(read_article(text))
    answers = " ".join(  # (a true/false draft's answer is its statement, a sentence of the article)
        answer
        for question in drafted.questions
        if question.kind != "true_false"
        for answer in question.answers
    )
    assert "99999" not in answers
    assert "4,000" in answers or "4000" in answers  # the other numbers are still asked


def test_a_text_of_numbers_only_is_drafted_to_the_most_drafts_a_bank_takes():
    from quizapp.core.drafting import draft_questions, read_article
    from quizapp.core.drafting.drafts import MOST_DRAFTS

    numbers = " ".join(
        f"In {1900 + n % 120}, {n * 7} soldiers and {n}% of the {n} troops went to the border."
        for n in range(120)
    )
    drafted = draft_questions(read_article(f"Numbers\n\n{numbers}"))
    assert len(drafted.questions) == MOST_DRAFTS
    assert any("more drafts were left out" in note for note in drafted.notes)
    order = [question.paragraphs for question in drafted.questions]
    assert order == sorted(order)  # still in the article's order

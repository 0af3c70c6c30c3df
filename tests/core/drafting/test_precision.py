"""The drafter's precision fixes on invented sentences: whole names, distractors of the answer's
sort, readable ordering items, attribution sources that name the speaker in full."""

from __future__ import annotations

from quizapp.core.drafting import DraftKind, draft_questions, read_article
from quizapp.core.drafting.mentions import find_mentions
from quizapp.core.drafting.names import find_names
from quizapp.core.drafting.ordering import event_clause
from quizapp.core.drafting.sentences import split_sentences


def _names(text: str) -> list[tuple[str, str]]:
    lowercase = frozenset({"prices", "geologist"})  # words the article writes in lower case
    return [(n.text, n.role) for n in find_names(text, lowercase, [])]


def test_a_capitalised_run_is_taken_whole() -> None:
    assert _names("Prices rose, according to the Justice Ministry.") == [("Justice Ministry", "")]
    assert _names("The Dockworkers' Union and the Blue Crescent met.") == [
        ("Dockworkers' Union", ""),
        ("Blue Crescent", ""),
    ]
    assert _names("The drug, known as ZK-7, was made by the University of Oslo.") == [
        ("ZK-7", ""),
        ("University of Oslo", ""),
    ]


def test_of_splits_a_person_from_an_organisation_and_a_party_from_its_leader() -> None:
    assert _names("Geologist Ilse Brandt of the Nordic Institute of Soils said so.")[-2:] == [
        ("Ilse Brandt", ""),
        ("Nordic Institute of Soils", ""),
    ]
    assert _names("The Liberal Union of Prime Minister Paul Rask lost.") == [
        ("Liberal Union", ""),
        ("Paul Rask", "Prime Minister"),
    ]


def test_titles_and_appositions_give_roles_but_honorifics_do_not() -> None:
    assert _names("Trade Minister Ola Vik spoke.") == [("Ola Vik", "Trade Minister")]
    assert _names("She met Dr. Ada Lunde, the study's chief author, on Monday.") == [
        ("Ada Lunde", "the study's chief author")
    ]
    assert _names("Pal Moe, leader of the Green Front, said no.")[0] == (
        "Pal Moe",
        "leader of the Green Front",
    )


def test_a_manufacturer_is_an_organisation() -> None:
    sentences = split_sentences(("The deal went to the Danish manufacturer Holtex Pharma last week.",))
    kinds = {m.text: m.kind for m in find_mentions(sentences)[0]}
    assert kinds["Holtex Pharma"] == "organisation"


PLACES = """Floods Hit Valley

By Test Wire

Floods hit the town of Brisk on Monday, and the town of Lunn was cut off.

The village of Oster lost power, and the water reached the Tava River.

Rescuers from Norway reached Brisk on Tuesday, officials said.

Teams from Poland and Portugal arrived later, and the army sent 200 soldiers to Lunn.

The government of Sweden offered 40 boats to help the town of Kell.
"""


def test_place_distractors_are_of_the_answers_sort() -> None:
    draft = draft_questions(read_article(PLACES))
    cities = {"Brisk", "Lunn", "Oster", "Kell"}
    countries = {"Norway", "Poland", "Portugal", "Sweden"}
    for q in draft.questions:
        if q.kind is DraftKind.CHOICE and q.fields["answer"] in cities | countries:
            group = cities if q.fields["answer"] in cities else countries
            assert set(q.fields["choices"]) <= group, q.fields


def test_ordering_items_are_short_clauses_or_nothing() -> None:
    def clause(text: str) -> str | None:
        mentions = find_mentions(split_sentences((text,)))[0]
        return event_clause(text, next(m for m in mentions if m.kind == "year"))

    assert clause("Norland joined the trade union in 1995.") == "Norland joined the trade union"
    assert clause("The bridge, which opened in 1931, carried 9,000 cars a day.") == "The bridge opened"
    assert clause("The council said a new school would open in 2027.") == "A new school would open"
    assert clause("In 1990, the mine closed.") == "The mine closed"
    assert clause("Sales were 12% higher, the best since the firm listed in 2004.") is None


SPEECH = """Port Strike Ends

By Test Wire

Harbour director Ingrid Solberg met the union on Monday in the port of Vik.

Mayor Lars Dahl said the port had lost money, and Knut Aas, a union official, said the strike was over. Eva Lind, a docker, said she was glad.

"We have agreed on pay and we will go back to work," Solberg said after the talks.
"""


def test_attribution_by_surname_quotes_where_the_full_name_stands() -> None:
    draft = draft_questions(read_article(SPEECH))
    quote = next(q for q in draft.questions if q.kind is DraftKind.ATTRIBUTION)
    assert quote.fields["answer"] == "Ingrid Solberg"
    assert isinstance(quote.fields["source"], list)
    assert any("Ingrid Solberg" in s for s in quote.fields["source"])


def test_numbers_are_asked_as_real_questions() -> None:
    from quizapp.core.drafting.wording import base_form, number_question, year_question

    def asked(text: str) -> str | None:
        mentions = find_mentions(split_sentences((text,)))[0]
        names = frozenset(m.text.split()[0] for m in mentions if m.is_name)
        number = next(m for m in mentions if m.kind in {"number", "year"})
        if number.kind == "year":
            clause = event_clause(text, number)
            return year_question(text, clause, names) if clause else None
        return number_question(text, number, names)

    assert asked(
        "Lifeboat crews had rescued about 300 sailors from the reef by Friday night, officials said."
    ) == ("How many sailors had lifeboat crews rescued from the reef by Friday night?")
    assert (
        asked("About 900 homes were damaged in Olm and nearby farms.")
        == "How many homes were damaged in Olm?"
    )
    assert asked("The Blue Crescent said it opened 12 field hospitals.") == (
        "How many field hospitals did the Blue Crescent open?"
    )
    assert asked("Norland declared independence from Westmark in 1921.") == (
        "In what year did Norland declare independence from Westmark?"
    )
    assert asked("The trial was paid for by a 12 million pound grant.") is None
    assert [base_form(v) for v in ("declared", "opened", "stopped", "carried", "won", "walks")] == [
        "declare",
        "open",
        "stop",
        "carry",
        "win",
        None,
    ]


def test_chief_executive_is_a_title_and_said_it_an_organisation() -> None:
    assert _names("Chief Executive Ana Moll spoke.") == [("Ana Moll", "Chief Executive")]
    sentences = split_sentences(("The Blue Crescent said it had opened 12 field hospitals.",))
    kinds = {m.text: m.kind for m in find_mentions(sentences)[0]}
    assert kinds["Blue Crescent"] == "organisation"


def test_a_title_of_several_words_is_no_part_of_the_name() -> None:
    # A blank that accepts "Chief Operating Officer Eva Nygaard" but not "Eva Nygaard" is wrong.
    assert _names("Chief Operating Officer Eva Nygaard spoke.") == [
        ("Eva Nygaard", "Chief Operating Officer")
    ]


ROLES = """Harbour Vote

By Test Wire

"The harbour needs money," said Ola Strand, a historian at Vesta College.

Harbour Minister Siri Dahl said the port would reopen in May.

Chief Financial Officer Ivar Lunde said the port had lost money.
"""


def test_a_role_accepts_its_title_word_alone_but_not_a_name_in_it() -> None:
    draft = draft_questions(read_article(ROLES))
    roles = {
        q.fields["prompt"]: q.fields["blanks"][0]
        for q in draft.questions
        if str(q.fields["id"]).startswith("role-")
    }
    assert roles["In the article, Ola Strand is {{1}}."] == [
        "a historian at Vesta College",
        "historian at Vesta College",
        "historian",  # the role's head: no one else in the article is a historian
    ]
    assert roles["In the article, Siri Dahl is {{1}}."] == ["Harbour Minister", "Minister"]
    assert roles["In the article, Ivar Lunde is {{1}}."] == ["Chief Financial Officer"]  # no "Officer"


LISTS = """Trade Talks

By Test Wire

The trade pact was signed in 1990 by Norway but not by Peru and Chile, officials said.
"""


def test_a_cloze_never_blanks_two_items_of_one_list() -> None:
    # "... by {{1}} and {{2}}" would take "Chile" and "Peru" the other way round as well.
    draft = draft_questions(read_article(LISTS))
    for q in draft.questions:
        if q.kind is DraftKind.CLOZE and "Peru" in q.answers:
            assert "Chile" not in q.answers, q.fields
            assert "but not by {{3}} and Chile" in q.fields["prompt"]
            break
    else:
        raise AssertionError("no cloze blanks Peru")


COMPANY = """Carmaker Cuts Jobs

By Test Wire

Holmvik Motors will close its plant in Tarby and cut 900 jobs, the carmaker said.

Shares in Holmvik fell 3% in Oslo trading on Monday.

The company said it would help about 200 of the Tarby workers find new jobs.

The plant in Tarby opened in 1971, officials in Tarby said.
"""


def test_a_short_form_of_a_longer_name_is_not_swapped_as_a_place() -> None:
    # "Holmvik" is the carmaker's short name: "200 of the Holmvik workers" would be true.
    draft = draft_questions(read_article(COMPANY))
    for q in draft.questions:
        if q.kind is DraftKind.TRUE_FALSE and not q.fields["answer"]:
            assert "Holmvik workers" not in q.fields["prompt"], q.fields["prompt"]
            assert "Shares in Tarby" not in q.fields["prompt"], q.fields["prompt"]
        if q.kind is DraftKind.CHOICE:
            assert "Holmvik" not in q.fields["choices"], q.fields
    kinds = {
        m.text: m.kind
        for ms in find_mentions(split_sentences(("Holmvik Motors cut jobs.", "Shares in Holmvik fell.")))
        for m in ms
    }
    assert kinds["Holmvik"] == "name"


AGENCY = """Harbour Party Wins

Source: Coastal News Agency (CNA)

VESTA, May 2 (CNA) - The Harbour Party won 40% of the vote, the Election Board said.

The Green League came second with 22%, and the Farmers' Union third.

The Harbour Party will need the Green League to govern, the Election Board said.
"""


def test_the_agency_of_the_credit_line_is_no_wrong_answer() -> None:
    draft = draft_questions(read_article(AGENCY))
    for q in draft.questions:
        assert "CNA" not in q.fields.get("choices", []), q.fields
        if q.kind is DraftKind.TRUE_FALSE:
            assert "CNA" not in q.fields["prompt"].replace("(CNA)", ""), q.fields["prompt"]


DENIED = """Envoys Meet

By Test Wire

No details were given on the talks in Peru, officials in Lima said on Monday.

The pact was signed by Norway in 1990 but not by Chile, officials said.

Envoys from Chile and Peru met in Oslo on Friday, officials said.
"""


def test_no_name_is_swapped_after_a_negation() -> None:
    # "No details were given on the talks in Chile" is as true, by the article, as the real one.
    draft = draft_questions(read_article(DENIED))
    for q in draft.questions:
        if q.kind is DraftKind.TRUE_FALSE and not q.fields["answer"]:
            assert not q.fields["prompt"].startswith("No details"), q.fields["prompt"]
            assert "but not by" not in q.fields["prompt"] or "but not by Chile" in q.fields["prompt"]

"""benchmarks/drafting.py: its matcher, the test articles and their fact lists, and a run."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from quizapp.core.drafting import Draft, DraftedQuestion, DraftKind, read_article
from quizapp.core.passages import locate_quote, paragraphs

ROOT = Path(__file__).resolve().parents[2]


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("drafting_benchmark", ROOT / "benchmarks" / "drafting.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _load_benchmark()
FACT_LISTS = bench.article_fact_lists()


def _question(kind, answers, source, **fields):
    return DraftedQuestion(
        kind,
        {"id": "q", "type": "single", "prompt": "P", **fields, "source": source},
        tuple(answers),
        (0,),
        0.9,
    )


# --- The matcher --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fact", "answer"),
    [
        ("Kuwait", "Kuwait"),
        ("Kuwait", "kuwait."),
        ("army platoon", "an army platoon"),  # a leading article, and containment
        ("An army platoon", "army platoon"),
        ("Central Command", "The U.S. Central Command"),
        ("U.S. Central Command", "US Central Command"),
        ("Vjosa Osmani", "Kosovo's acting President Vjosa Osmani"),  # three words more
        ("Farmers' Party", "Farmers’ Party"),  # typographic apostrophe
        ("“without red lines”", '"without red lines"'),
        ("5,000", "5000"),
        ("5,000 troops", "5000"),  # the unit may be left to the prompt
        ("5,000 troops", "5000 troops"),
        ("5000", "5,000 troops"),
        ("32 soldiers", "32 soldier"),
        ("78 days", "a 78-day campaign"),
        ("62%", "62 percent"),
        ("62%", "62 per cent"),
        ("2.8 million people", "2,800,000 people"),
        ("150 million euros", "150 million euros"),
        ("$3", "3 dollars"),
        ("eight seats", "8 seats"),
        ("Seventy-four percent", "74%"),
        ("4.6 metres", "4.6 meters"),
        ("March 9", "on March 9"),
        ("in 2008", "2008"),
        ("2008", "in 2008"),
        ("Nordvik → chief executive", "Nordvik → Chief Executive"),
    ],
)
def test_the_matcher_accepts(fact, answer):
    assert bench.matches(fact, answer)


@pytest.mark.parametrize(
    ("fact", "answer"),
    [
        ("3,000", "3,400"),
        ("3,000 reservists", "3,400 reservists"),
        ("5,000 troops", "5000 reservists"),  # the same number of something else
        ("5,000 troops", "5000 troops and 3000 reservists"),
        ("March 9", "9"),  # the month is part of the fact
        ("March 9", "March 19"),
        ("October 2022", "2022"),
        ("41.3%", "41.3 million"),
        ("2.8 million people", "2.8 people"),
        ("Vjosa Osmani", "Osmani"),  # a shorter name does not give the fact
        ("Serbia", "Serb forces"),
        ("Kuwait", "Kuwaiti"),
        ("National Union", "Union"),
        ("Kuwait", "Kosovo has sent an army platoon to Kuwait"),  # a sentence is not an answer
        ("2008", "Kosovo declared independence from Serbia in 2008."),
        ("Kuwait", ""),
        ("", "Kuwait"),
    ],
)
def test_the_matcher_refuses(fact, answer):
    assert not bench.matches(fact, answer)


def test_true_false_drafts_recall_nothing_and_matching_pairs_count_by_side():
    draft = Draft(
        (
            _question(DraftKind.TRUE_FALSE, ["Kosovo sent a platoon to Kuwait."], "x"),
            _question(DraftKind.MATCHING, ["Vjosa Osmani → acting President"], "x"),
        )
    )
    facts = [bench.Fact("Kuwait", "a"), bench.Fact("Vjosa Osmani", "b"), bench.Fact("acting President", "c")]
    result = bench.recall(facts, draft)
    assert [fact.answer for fact in result.missed] == ["Kuwait"]
    assert result.line() == "2/3 (67%)"


# --- The facts of the shipped bank --------------------------------------------------------------


def test_the_kosovo_facts_follow_the_documented_rule():
    facts = bench.bank_facts()
    answers = [fact.answer for fact in facts]
    assert "Kuwait" in answers and answers.count("Kuwait") == 1  # asked twice, counted once
    assert "5000 troops" in answers  # numeric: the number with its unit
    assert "Vjosa Osmani" in answers  # short: the first accepted answer
    assert {"Belgrade", "Russia", "China"} <= set(answers)  # multiple: each correct choice
    assert "March 9" in answers  # single: asked again as a matching pair's right side
    assert not {"Date", "Venue", "The war ends"} & set(answers)  # matching, ordering: no answer text
    assert not {"True", "False"} & set(answers)  # true/false: skipped
    assert len(facts) == len({bench.reading(answer).tokens for answer in answers})


def test_a_draft_that_asks_every_fact_recalls_them_all():
    lists = [bench.bank_facts(), *(bench.fact_list(path)[1] for path in FACT_LISTS)]
    for facts in lists:
        # as a drafter writes them: the number and its unit, a choice, one side of a matching pair
        answers = [
            f"{fact.answer} → x" if index % 3 == 0 else fact.answer for index, fact in enumerate(facts)
        ]
        draft = Draft(tuple(_question(DraftKind.CHOICE, [answer], "x") for answer in answers))
        assert bench.recall(facts, draft).missed == []


def test_stated_facts_are_the_ones_the_article_writes():
    text = (ROOT / "questions" / "sources" / "kosovo-peacekeepers.txt").read_text()
    assert bench.stated(bench.Fact("5000 troops", "x"), text)
    assert bench.stated(bench.Fact("78 days", "x"), text)  # "a 78-day NATO air campaign"
    assert bench.stated(bench.Fact("The U.S. Central Command", "x"), text)
    assert not bench.stated(bench.Fact("8000 people", "x"), text)  # a sum the bank worked out
    assert not bench.stated(bench.Fact("As a young country", "x"), text)


# --- The test articles and their fact lists -------------------------------------------------------


def test_there_are_four_articles_each_with_a_fact_list():
    assert len(FACT_LISTS) >= 4
    for path in FACT_LISTS:
        article, _ = bench.fact_list(path)
        assert article.exists()


@pytest.mark.parametrize("path", FACT_LISTS, ids=lambda path: path.stem)
def test_the_article_has_300_to_800_words_in_the_shipped_format(path):
    article_path, _ = bench.fact_list(path)
    text = article_path.read_text(encoding="utf-8")
    article = read_article(text)
    assert 300 <= article.word_count <= 800
    blocks = text.split("\n\n")
    assert blocks[0] == article.title and "\n" not in blocks[0]  # title line, blank line
    assert blocks[1].startswith("Source: ") and article.byline  # credit line, blank line
    assert len(article.paragraphs) >= 8
    assert re.search(r"\d+(?:\.\d+)?%", text)  # a percentage
    assert re.search(
        r'[”"],? (?:[A-Z]\w+ ){0,3}[A-Z]\w+ (?:said|told)|said [A-Z]', text
    )  # a quote with speaker


@pytest.mark.parametrize("path", FACT_LISTS, ids=lambda path: path.stem)
def test_every_fact_is_supported_by_a_verbatim_sentence_that_states_it(path):
    article_path, facts = bench.fact_list(path)
    texts = paragraphs(article_path.read_text(encoding="utf-8"))
    assert 15 <= len(facts) <= 30
    for fact in facts:
        assert locate_quote(texts, fact.sentence) is not None, fact.sentence
        # the answer's numbers and words stand in its sentence
        sentence = bench.reading(fact.sentence)
        wanted = bench.reading(fact.answer)
        assert {value for value, _ in wanted.numbers} <= {value for value, _ in sentence.numbers}, fact
        assert set(wanted.words) <= set(sentence.tokens), fact


@pytest.mark.parametrize("path", FACT_LISTS, ids=lambda path: path.stem)
def test_a_fact_list_asks_each_answer_once(path):
    _, facts = bench.fact_list(path)
    keys = [bench.reading(fact.answer).tokens for fact in facts]
    assert len(keys) == len(set(keys))


# --- The automatic re-check ---------------------------------------------------------------------

ARTICLE = read_article((ROOT / "questions" / "sources" / "kosovo-peacekeepers.txt").read_text()).text


def test_the_recheck_passes_a_sound_draft():
    quote = "Kosovo’s lightly armed military is expected to have 5,000 troops and 3,000 reservists."
    assert bench.recheck(_question(DraftKind.NUMERIC, ["5000 troops"], quote), ARTICLE) == []
    who = "Kosovo's acting President Vjosa Osmani said."
    typographic = "Kosovo’s lightly armed military"
    assert bench.recheck(_question(DraftKind.CLOZE, ["Kosovo's"], typographic), ARTICLE) == []
    assert bench.recheck(_question(DraftKind.ATTRIBUTION, ["Vjosa Osmani"], [who]), ARTICLE) == []
    assert (
        bench.recheck(
            _question(DraftKind.CHOICE, ["The U.S. Central Command"], "the U.S. Central Command"), ARTICLE
        )
        == []
    )


def test_the_recheck_finds_a_quote_not_in_the_article():
    problems = bench.recheck(
        _question(DraftKind.CHOICE, ["Kuwait"], "Kosovo has sent a platoon to Kuwait"), ARTICLE
    )
    assert problems and "not in the article" in problems[0]


def test_the_recheck_finds_a_number_or_a_name_its_quote_does_not_state():
    quote = "Kosovo’s lightly armed military is expected to have 5,000 troops and 3,000 reservists."
    assert bench.recheck(_question(DraftKind.NUMERIC, ["3400 troops"], quote), ARTICLE)
    assert bench.recheck(_question(DraftKind.CHOICE, ["Pristina"], quote), ARTICLE)
    assert bench.recheck(_question(DraftKind.CHOICE, ["Kuwait"], []), ARTICLE)[0] == "no quote"


# --- The script runs ----------------------------------------------------------------------------


def test_the_benchmark_runs_on_a_small_input(capsys):
    text = bench.long_article(300)
    assert read_article(text).word_count >= 300
    seconds, draft = bench.time_drafting(text, repeat=1)
    assert seconds >= 0 and isinstance(draft, Draft)
    run = bench.run_article(
        "kosovo", (ROOT / "questions" / "sources" / "kosovo-peacekeepers.txt").read_text(), bench.bank_facts()
    )
    assert run.recall.total == len(bench.bank_facts())
    assert run.problems == []  # every draft passes the automatic re-check
    picked = bench.sample(run.draft, 3, seed=1)
    assert picked == bench.sample(run.draft, 3, seed=1)  # reproducible
    bench.report_recall([run], show_matches=True)
    bench.report_samples([run], 2, seed=1)
    printed = capsys.readouterr().out
    assert f"kosovo: {run.recall.line()}" in printed


def test_long_article_reuses_paragraphs_to_reach_the_size():
    text = bench.long_article(10_000)
    assert 10_000 <= read_article(text).word_count < 10_400

from quizapp.core import answer_key, answer_text
from quizapp.core.answer_key import also_accepted, answer_lines, full_marks_response
from quizapp.core.checkers import check
from tests.core.yaml_banks import bank_from


def test_answer_text_of_every_type():
    bank = bank_from("""
        title: T
        questions:
          - {id: s, type: single, prompt: P, choices: [Iraq, Kuwait], answer: Kuwait}
          - {id: m, type: multiple, prompt: P, choices: [Russia, USA, China], answers: [Russia, China]}
          - {id: t, type: true_false, prompt: P, answer: false}
          - {id: n, type: numeric, prompt: P, answer: "5,000"}
          - {id: n2, type: numeric, prompt: P, answer: 5000, tolerance: 2%, unit: troops}
          - {id: n3, type: numeric, prompt: P, min: 1990, max: 2000}
          - {id: n4, type: numeric, prompt: P, answer: 0.5, tolerance: 0.05}
          - {id: n5, type: numeric, prompt: P, min: 400, unit: volunteers}
          - {id: n6, type: numeric, prompt: P, max: 10}
          - {id: sh, type: short, prompt: P, accept: [Iowa National Guard, "*Iowa*"]}
          - {id: c, type: cloze, prompt: "{{1}} in {{2}}", blanks: [[Serbia], ["2008"]]}
          - id: o
            type: ordering
            prompt: P
            items: [war ends (1999), independence (2008), first mission abroad]
          - id: ma
            type: matching
            prompt: P
            pairs: [{left: Osmani, right: President}, {left: NATO, right: Air campaign}]
    """)
    texts = {q.id: answer_text(q) for q in bank.questions}
    assert texts == {
        "s": "Kuwait",
        "m": "Russia; China",
        "t": "False",
        "n": "5000",
        "n2": "5000 troops (± 2%)",
        "n3": "between 1990 and 2000",
        "n4": "0.5 (± 0.05)",
        "n5": "at least 400 volunteers",
        "n6": "at most 10",
        "sh": "Iowa National Guard",
        "c": "Serbia; 2008",
        "o": "war ends (1999) → independence (2008) → first mission abroad",
        "ma": "Osmani → President; NATO → Air campaign",
    }
    assert [entry.id for entry in answer_key(bank)] == [q.id for q in bank.questions]


def test_an_answer_key_entry_has_every_quote_of_its_question():
    bank = bank_from("""
        title: T
        source: {title: S, path: source.txt}
        questions:
          - {id: one, type: true_false, prompt: P, answer: true, source: sent an army platoon}
          - {id: two, type: true_false, prompt: P, answer: true, source: [ended in 1999, to Kuwait]}
          - {id: none, type: true_false, prompt: P, answer: true}
    """)
    quotes = {entry.id: entry.source_quotes for entry in answer_key(bank)}
    assert quotes == {"one": ("sent an army platoon",), "two": ("ended in 1999", "to Kuwait"), "none": ()}


def test_a_literal_star_is_shown_without_its_backslash():
    bank = bank_from(r"""
        title: T
        questions:
          - {id: s, type: short, prompt: P, accept: ['\*args', '\*\*kwargs', '\*args *', 'a\\b']}
          - {id: c, type: cloze, prompt: "{{1}} and {{2}}", blanks: [['\*args'], ['\*\*kwargs']]}
          - {id: one, type: cloze, prompt: "{{1}}", blanks: [['\*args', '\*args *']]}
    """)
    short, cloze, one = bank.questions
    assert answer_text(short) == full_marks_response(short) == "*args"
    # the other entries: literal ones as students read them, a pattern as written
    assert also_accepted(short) == ("**kwargs", "\\*args *", "a\\b")
    assert check(short, full_marks_response(short)).correct
    assert answer_text(cloze) == "*args; **kwargs"
    assert answer_lines(cloze) == ["(1) *args", "(2) **kwargs"]
    assert full_marks_response(cloze) == ["*args", "**kwargs"]
    assert check(cloze, full_marks_response(cloze)).correct
    assert not check(cloze, ["args", "kwargs"]).fraction
    assert also_accepted(one) == ("\\*args *",)
    [entry] = [e for e in answer_key(bank) if e.id == "s"]
    assert entry.answer_text == "*args"

from quizapp.core.interchange.aiken import read_aiken
from quizapp.core.model import QuestionType
from tests.core.interchange.samples import bank_of, sample


def test_aiken_questions_import_with_their_answer():
    imported = read_aiken(sample("aiken.txt"))
    bank = bank_of(imported)
    assert [(q.prompt, [c.text for c in q.answer.correct_choices]) for q in bank.questions] == [
        ("Where was the ceremony held?", ["Pristina"]),
        ("How many soldiers were seen lined up during the ceremony?", ["32"]),  # "A)" options too
        ("In which year did Kosovo declare independence?", ["2008"]),  # "ANSWER: b" too
    ]
    assert {q.type for q in bank.questions} == {QuestionType.SINGLE}
    assert [c.text for c in bank.questions[0].answer.choices] == ["Belgrade", "Pristina", "Tirana", "Skopje"]


def test_questions_without_a_usable_answer_are_skipped_by_line():
    imported = read_aiken(sample("aiken.txt"))
    assert [(note.line, note.text) for note in imported.skipped] == [
        (14, "ANSWER: E is not one of the options"),
        (19, "no ANSWER line after the options"),
    ]


def test_broken_aiken():
    imported = read_aiken("ANSWER: A\n\nOnly a question?\nA. one\nANSWER: A\n\nLast question\nA. x\nB. y\n")
    assert imported.questions == []
    assert [(note.line, note.text) for note in imported.skipped] == [
        (1, "a question needs its text and at least two options"),
        (3, "a question needs its text and at least two options"),
        (7, "the last question has no ANSWER line"),
    ]

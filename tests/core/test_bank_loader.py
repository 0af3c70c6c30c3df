from pathlib import Path

from quizapp.core import load_folder
from quizapp.core.bank_loader import MAX_BANK_BYTES

GOOD = "title: Good\nquestions:\n  - {id: q, type: true_false, prompt: P, answer: true}\n"


def test_a_broken_file_does_not_stop_the_others(tmp_path: Path):
    (tmp_path / "a-good.yaml").write_text(GOOD)
    (tmp_path / "b-broken.yaml").write_text("title: [unclosed\n")
    (tmp_path / "c-good.yml").write_text(GOOD.replace("Good", "Also good"))
    (tmp_path / "notes.txt").write_text("not a bank")
    catalog = load_folder(tmp_path, display=tmp_path.parent)
    assert [bank.slug for bank in catalog.banks] == ["a-good", "c-good"]
    assert len(catalog.problems) == 1
    assert str(catalog.problems[0]).startswith(f"{tmp_path.name}/b-broken.yaml:1: YAML syntax error")


def test_duplicate_bank_ids_across_files(tmp_path: Path):
    (tmp_path / "a.yaml").write_text("id: same\n" + GOOD)
    (tmp_path / "b.yaml").write_text("id: same\n" + GOOD)
    catalog = load_folder(tmp_path)
    assert [bank.path for bank in catalog.banks] == [str(tmp_path / "a.yaml")]
    assert (
        str(catalog.problems[0])
        == f"{tmp_path / 'b.yaml'}:1: bank id 'same' is already used by {tmp_path / 'a.yaml'}, which "
        "keeps it: this file is not in service until it has an id of its own"
    )


def test_the_file_that_serves_an_id_keeps_it_against_an_earlier_name():
    from quizapp.core.bank_loader import one_bank_per_slug
    from quizapp.core.model import Bank

    first, second, other = (
        Bank(slug=i, title=p, questions=(), path=p)
        for i, p in [
            (
                "graded",
                "q/dup.yaml",
            ),
            ("graded", "q/graded.yaml"),
            ("other", "q/other.yaml"),
        ]
    )
    assert one_bank_per_slug([first, second, other]).banks == (first, other)  # no one serves it yet
    assert one_bank_per_slug([first, other], keep=lambda: 1 / 0).banks == (first, other)  # not asked
    kept = one_bank_per_slug([first, second, other], keep=lambda: {"graded": "q/graded.yaml"})
    assert kept.banks == (second, other)
    assert [str(p) for p in kept.problems] == [
        "q/dup.yaml:1: bank id 'graded' is already used by q/graded.yaml, which keeps it: "
        "this file is not in service until it has an id of its own"
    ]


def test_oversized_file_is_refused_unread(tmp_path: Path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_BANK_BYTES + 1))
    problems = load_folder(tmp_path).problems
    assert "the limit is" in problems[0].message


def test_missing_folder_is_a_problem_not_a_crash(tmp_path: Path):
    catalog = load_folder(tmp_path / "nope")
    assert catalog.banks == () and "does not exist" in catalog.problems[0].message


def test_unusable_source_paths_are_problems_not_crashes(tmp_path: Path):
    import os

    (tmp_path / "sources").mkdir()
    os.mkfifo(tmp_path / "sources" / "pipe.txt")  # reading it would block forever
    for path, message in [
        ('"sources/\\0x"', "this is not a usable file path"),
        ("sources/pipe.txt", "no such file (the path is relative to the bank file's folder)"),
        ("sources", "no such file (the path is relative to the bank file's folder)"),
        ("../../etc/passwd", "the path must stay inside the questions folder"),
    ]:
        (tmp_path / "b.yaml").write_text(
            f"title: T\nsource: {{title: s, path: {path}}}\nquestions:\n"
            "  - {id: q, type: true_false, prompt: P, answer: true, source: x}\n"
        )
        catalog = load_folder(tmp_path)
        assert [p.message.split(": ", 1)[1] for p in catalog.problems] == [message], path


def test_bank_file_names_are_matched_case_insensitively(tmp_path: Path):
    (tmp_path / "Second.YAML").write_text(GOOD)
    assert [bank.slug for bank in load_folder(tmp_path).banks] == ["Second"]


def test_an_answer_split_at_a_thousands_comma_in_brackets_is_a_problem_at_its_line(tmp_path: Path):
    (tmp_path / "bank.yaml").write_text(
        "title: Reeds\n"
        "questions:\n"
        "  - {id: size, type: short, prompt: How many reeds were planted?, accept: [5,000]}\n"
        "  - id: reservists\n"
        "    type: single\n"
        "    prompt: How many reservists?\n"
        "    choices: [3000 reservists, 5,000 reservists]\n"
        "    answer: 3000 reservists\n"
    )
    catalog = load_folder(tmp_path, display=tmp_path)
    assert catalog.banks == ()
    messages = [str(problem) for problem in catalog.problems]
    assert messages == [
        'bank.yaml:3: inside [ ] a comma separates entries, and 5,000 was split at its comma: write "5,000" '
        'in double quotes, e.g. ["5,000"] (to mean separate entries, put a space after the comma)',
        "bank.yaml:7: inside [ ] a comma separates entries, and 5,000 reservists was split at its comma: "
        'write "5,000 reservists" in double quotes, e.g. ["5,000 reservists"] (to mean separate entries, '
        "put a space after the comma)",
    ]


def test_an_answer_split_in_an_answers_list_is_explained_before_the_missing_choice(tmp_path: Path):
    (tmp_path / "bank.yaml").write_text(
        "title: Reeds\n"
        "questions:\n"
        "  - id: done\n"
        "    type: multiple\n"
        "    prompt: What did the volunteers do?\n"
        '    choices: [Cleared the banks, "Planted 12,000 reeds", Built a dam]\n'
        "    answers: [Cleared the banks, Planted 12,000 reeds]\n"
    )
    [first, *_] = load_folder(tmp_path, display=tmp_path).problems
    assert str(first).startswith(
        "bank.yaml:7: inside [ ] a comma separates entries, and Planted 12,000 reeds was split"
    )

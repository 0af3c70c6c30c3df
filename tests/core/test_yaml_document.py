import pytest

from quizapp.core.yaml_document import Mapping, Scalar, Sequence, YamlError, parse_document


def test_scalars_are_kept_as_written_with_lines():
    doc = parse_document("a: no\nb: 010\nc: 0x1F\nd: 'yes'\ne:\nf: [1, two]\n")
    entries = doc.root.entries
    assert entries["a"] == Scalar("no", 1, True)
    assert entries["b"].text == "010" and entries["c"].text == "0x1F"
    assert entries["d"] == Scalar("yes", 4, False)
    assert entries["e"].is_null
    assert isinstance(entries["f"], Sequence) and entries["f"].items[1].text == "two"
    assert doc.root.key_lines == {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}


def test_quoted_empty_string_is_not_null():
    doc = parse_document("a: ''\n")
    assert not doc.root.entries["a"].is_null


def test_duplicate_keys_are_reported_and_the_first_is_kept():
    doc = parse_document("a: 1\nb:\n  c: 2\n  c: 3\na: 4\n")
    assert doc.root.entries["a"].text == "1"
    assert doc.root.entries["b"].entries["c"].text == "2"
    assert doc.warnings == [
        (4, "duplicate key 'c' (first on line 3); keep one"),
        (5, "duplicate key 'a' (first on line 1); keep one"),
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: &x 1\nb: *x\n", 1, "anchors and aliases"),
        ("a: [1]\nb: *x\n", 2, "anchors and aliases"),  # even an unknown alias
        ("a: !!python/object:os.system x\n", 1, "tags"),
        ("a: !custom x\n", 1, "tags"),
        ("a: !!str 010\n", 1, "tags"),
        ("a: ! x\n", 1, "tags"),
        ("a: !!set {x}\n", 1, "tags"),
        ("a: 1\n---\nb: 2\n", 2, "one bank per file"),
        ("a: [1, 2\nb: 3\n", 1, "never closed"),
        ("a:\n  - x\n - y\n", 3, "syntax error"),
        ("a: \x07\n", 1, "unreadable"),
    ],
)
def test_refused_yaml_names_the_line(text, line, message):
    with pytest.raises(YamlError) as caught:
        parse_document(text)
    assert caught.value.line == line
    assert message in caught.value.message


def test_alias_bomb_is_refused_before_expansion():
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    bomb += "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9))
    with pytest.raises(YamlError, match="anchors and aliases"):
        parse_document(bomb)


def test_complex_keys_are_reported():
    doc = parse_document("? [a, b]\n: 1\nc: 2\n")
    assert doc.warnings and "key" in doc.warnings[0][1]
    assert isinstance(doc.root, Mapping) and doc.root.entries["c"].text == "2"


def test_empty_document_has_no_root():
    assert parse_document("").root is None
    assert parse_document("# only a comment\n").root is None


# --- A comma inside brackets splits a number ------------------------------------------------------


def split_reports(text: str) -> list[tuple[int, str]]:
    return parse_document(text).warnings


def test_a_number_split_at_its_comma_inside_brackets_is_reported_at_its_line():
    assert split_reports("a: x\nb: [5,000]\n") == [
        (
            2,
            'inside [ ] a comma separates entries, and 5,000 was split at its comma: write "5,000" in '
            'double quotes, e.g. ["5,000"] (to mean separate entries, put a space after the comma)',
        )
    ]


def test_the_whole_entry_is_named_once_however_many_commas_split_it():
    [(line, message)] = split_reports("a:\n  - [first, Planted 1,200,000 reeds]\n")
    assert line == 2
    assert 'write "Planted 1,200,000 reeds" in double quotes' in message


def test_a_split_inside_braces_is_reported_too():
    [(line, message)] = split_reports("a: {k: 5,000, m: 2}\n")
    assert line == 1 and message.startswith("inside { } a comma separates entries, and 5,000 was split")


def test_commas_that_separate_entries_or_stand_in_quoted_or_block_text_are_fine():
    fine = (
        "a: [5, 000]\n"  # a space after the comma: two entries, as written
        'b: ["5,000", "Pristina, Kosovo"]\n'
        "c: 5,000\n"  # not inside brackets
        "d:\n  - 5,000 troops\n"
        "e: [Pristina,Kosovo]\n"  # letters: no number split
        "f: ['1,5']\n"
    )
    assert split_reports(fine) == []

"""The YAML an import writes (without PyYAML's emitter) reads back exactly with the app's own loader."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core.interchange.common import yaml_text
from quizapp.core.yaml_document import Mapping, Node, Scalar, Sequence, parse_document


def _read_back(node: Node | None) -> Any:
    if isinstance(node, Mapping):
        return {key: _read_back(value) for key, value in node.entries.items()}
    if isinstance(node, Sequence):
        return [_read_back(item) for item in node.items]
    assert isinstance(node, Scalar)
    return None if node.is_null else node.text


def _as_written(value: Any) -> Any:
    """What the loader should give back: every scalar as its text."""
    if isinstance(value, dict):
        return {key: _as_written(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_written(item) for item in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if value is None else str(value)


# Any character a Python string read from UTF-8 can hold, with YAML's troublemakers made likely.
_CHARACTERS = st.one_of(
    st.characters(blacklist_categories=("Cs",)),
    st.sampled_from(list(" \t\n\r\"'\\#:-?|>!&*%@`,[]{}~\x85\u2028\u2029\ufeff\x00\x7f")),
    st.sampled_from(["null", "~", "true", "no", ": ", " #", "- ", "---", "...", "  ", "\n\n", "0x1F", "010"]),
)
_TEXT = st.lists(_CHARACTERS, max_size=20).map("".join)
# keys are the bank format's words; "null" is none (the loader reads it as no key: yaml_text refuses it)
_KEYS = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True).filter(lambda key: key != "null")
_SCALARS = st.one_of(_TEXT, st.booleans(), st.integers(), st.none())
_TREES = st.recursive(
    _SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(_KEYS, children, max_size=4)),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_KEYS, _TREES, min_size=1, max_size=5))
def test_every_value_reads_back_exactly(document):
    text = yaml_text(document)
    parsed = parse_document(text)
    assert parsed.warnings == []
    assert _read_back(parsed.root) == _as_written(document), text


def test_text_is_written_as_a_teacher_would():
    assert yaml_text({"title": "Kosovo", "questions": [{"id": "q", "accept": ["NATO"], "typos": True}]}) == (
        "title: Kosovo\nquestions:\n- id: q\n  accept:\n  - NATO\n  typos: true\n"
    )
    assert yaml_text({"prompt": "Two\nlines", "note": 'a: "b"', "empty": ""}) == (
        'prompt: |-\n  Two\n  lines\nnote: "a: \\"b\\""\nempty: ""\n'
    )


def test_a_key_the_loader_would_not_read_is_refused_not_written():
    for key in ("null", "Null", "two words", "", "prompt:"):
        with pytest.raises(ValueError, match="not a key of the bank format"):
            yaml_text({key: "x"})


def test_a_questions_quotes_are_written_one_as_text_several_as_a_list_and_load_back():
    from tests.core.yaml_banks import load

    questions = [
        {"id": "one", "type": "true_false", "prompt": "P", "answer": True, "source": "sent an army platoon"},
        {
            "id": "two",
            "type": "true_false",
            "prompt": "P",
            "answer": True,
            "source": ["ended in 1999", "to Kuwait"],
        },
    ]
    text = yaml_text({"title": "T", "source": {"title": "S", "path": "source.txt"}, "questions": questions})
    assert "  source: sent an army platoon\n" in text
    assert "  source:\n  - ended in 1999\n  - to Kuwait\n" in text
    result = load(text)
    assert result.problems == (), [str(p) for p in result.problems]
    assert [q.source_quotes for q in result.bank.questions] == [
        ("sent an army platoon",),
        ("ended in 1999", "to Kuwait"),
    ]

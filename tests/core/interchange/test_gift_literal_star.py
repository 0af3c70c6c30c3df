"""A literal "*" (``\\*`` in the bank) goes to GIFT as Moodle's short answer writes one (``\\*``,
its backslash escaped for GIFT) and comes back the same; a wildcard stays a wildcard (issue 16)."""

from __future__ import annotations

from quizapp.core.interchange.gift import read_gift, write_gift
from tests.core.yaml_banks import bank_from


def test_a_literal_star_and_a_wildcard_survive_a_gift_round_trip():
    bank = bank_from(r"""
        title: T
        questions:
          - {id: s, type: short, prompt: Which parameter?, accept: ['\*args', 'args *'], reject: ['\*\*kwargs']}
    """)
    text, notes = write_gift(bank)
    assert "{=\\\\*args =args * =%0%\\\\*\\\\*kwargs}" in text and not notes
    [question] = read_gift(text).questions
    assert question["accept"] == ["\\*args", "args *"]
    assert question["reject"] == ["\\*\\*kwargs"]

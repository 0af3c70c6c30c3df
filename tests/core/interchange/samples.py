"""The sample exports, and the banks an import of them makes (checked by the real validator)."""

from __future__ import annotations

from pathlib import Path

from quizapp.core.interchange import Imported, bank_yaml
from tests.core.yaml_banks import bank_from

SAMPLES = Path(__file__).parent / "samples"


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def bank_of(imported: Imported):
    """The bank file an import makes, loaded: it must be valid as it comes."""
    return bank_from(bank_yaml(imported, "a test"))


def by_id(bank) -> dict:
    return {question.id: question for question in bank.questions}

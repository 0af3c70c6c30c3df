"""Fixtures of the core tests."""

from __future__ import annotations

import pytest

from quizapp.core import load_bank_file
from tests.helpers.banks import ARTICLE_BANK


@pytest.fixture(scope="module")
def bank():
    loaded = load_bank_file(ARTICLE_BANK)
    assert loaded.problems == ()
    return loaded.bank

"""Fixtures of the interchange tests."""

from __future__ import annotations

import pytest

from tests.helpers.anki_collections import build_collection


@pytest.fixture(scope="module")
def anki(tmp_path_factory):
    folder = tmp_path_factory.mktemp("anki")
    collection, guids = build_collection(folder / "collection.anki2")
    yield collection, guids, folder
    collection.close()

"""bank -> .apkg (our genanki export) -> Anki's own library -> fields: plain text imported into a
bank (escaped for Markdown) reaches Anki as the text itself, whatever its characters."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from quizapp.core.interchange import Imported, bank_yaml
from quizapp.core.markdown_text import markdown_escape
from quizapp.services.bank_exports import export_bank
from tests.core.yaml_banks import bank_from

NOW = datetime(2026, 11, 29, 9, 30, tzinfo=UTC)

_PIECES = st.sampled_from(
    [*"ab1 9.)#*_-+=>~`\\[]()!<>&;:@{}|\n'\"é", "&amp;", "http:", "1999.", "__init__", "{{1}}", "<b>x</b>"]
)
_TEXT = st.lists(_PIECES, min_size=1, max_size=25).map("".join)


def _seen(field: str) -> list[str]:
    """The words Anki shows of a field (its HTML as a reader sees it)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", field)).split()


def _anki_fields(data: bytes, folder) -> list[list[str]]:
    package = folder / "deck.apkg"
    package.write_bytes(data)
    collection = Collection(str(folder / "collection.anki2"))
    try:
        options = ImportAnkiPackageOptions(with_scheduling=False)
        collection.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options))
        problems, ok = collection.fix_integrity()
        assert ok, problems
        return [list(collection.get_note(note_id).fields) for note_id in sorted(collection.find_notes(""))]
    finally:
        collection.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(term=_TEXT, definition=_TEXT, prompt=_TEXT, explanation=_TEXT)
def test_imported_plain_text_reaches_anki_as_written(tmp_path_factory, term, definition, prompt, explanation):
    assume(all(text.split() for text in (term, definition, prompt, explanation)))
    imported = Imported(title="Round trip")
    imported.cards.append(
        {"id": "card-1", "term": markdown_escape(term), "definition": markdown_escape(definition)}
    )
    question = {"type": "short", "prompt": markdown_escape(prompt), "accept": ["Kuwait"]}
    imported.add_question({**question, "explanation": markdown_escape(explanation)}, "question")
    bank = bank_from(bank_yaml(imported, "a test"))
    fields = _anki_fields(export_bank(bank, "apkg", NOW).data, tmp_path_factory.mktemp("anki"))
    assert len(fields) == 2
    [question_front, question_back, question_explanation], [card_front, card_back, _] = fields
    assert _seen(question_front) == prompt.split() and _seen(question_back) == ["Kuwait"]
    assert _seen(question_explanation) == explanation.split()
    assert (_seen(card_front), _seen(card_back)) == (term.split(), definition.split())

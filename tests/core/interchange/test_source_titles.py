"""What an imported file calls itself (issue 17): a GIFT category or first-line heading, an Anki
deck; none for Quizlet and Aiken, whose exports carry no name."""

from __future__ import annotations

import pytest

from quizapp.core.interchange import read
from quizapp.core.interchange.common import shared_name
from tests.core.interchange.samples import SAMPLES

QUESTION = "::q::Capital of Kosovo?{=Pristina}\n"


@pytest.mark.parametrize(
    ("paths", "name"),
    [
        ([], ""),
        ([[]], ""),
        ([["History", "Kosovo"]], "Kosovo"),
        ([["History", "Kosovo"], ["History", "Serbia"]], "History"),
        ([["History", "Kosovo"], ["History"]], "History"),
        ([["History"], ["Civics"]], "History"),
    ],
)
def test_the_shared_name_of_paths(paths, name):
    assert shared_name(paths) == name


@pytest.mark.parametrize(
    ("source", "title"),
    [
        (f"$CATEGORY: $course$/top/History 9/Kosovo\n\n{QUESTION}", "Kosovo"),
        (
            f"$CATEGORY: $course$/top/History 9/Kosovo\n\n{QUESTION}\n$CATEGORY: $course$/top/History 9/Serbia\n\n{QUESTION}",
            "History 9",
        ),
        (f"$CATEGORY: $course$/top/Default for Geography 10A\n\n{QUESTION}", "Geography 10A"),
        (f"$CATEGORY: $course$/top/Default for Geo//Civics\n\n{QUESTION}", "Geo/Civics"),
        (f"$CATEGORY: $course$/top\n\n{QUESTION}", ""),
        (
            f"// Capitals of the Balkans\n// Exported from quizapp: bank capitals\n\n{QUESTION}",
            "Capitals of the Balkans",
        ),
        (f"// question: 12  name: Capital\n{QUESTION}", ""),  # Moodle's comment on a question
        (f"// [tag:geo]\n{QUESTION}", ""),
        (QUESTION, ""),
    ],
)
def test_a_gift_file_is_titled_by_its_category_or_heading(source, title):
    assert read(source, "gift").source_title == title


def test_moodle_s_export_is_titled_by_its_category():
    assert read((SAMPLES / "moodle-export.gift").read_text(), "gift").source_title == "Kosovo peacekeepers"


@pytest.mark.parametrize(
    ("source", "title"),
    [
        ("#separator:tab\n#deck:Geography::Capitals\nKosovo\tPristina\n", "Capitals"),
        (
            "#separator:tab\n#deck column:3\nKosovo\tPristina\tGeo::Capitals\nAlbania\tTirana\tGeo::Rivers\n",
            "Geo",
        ),
        ("#separator:tab\n#deck:Default\nKosovo\tPristina\n", ""),
        ("Kosovo\tPristina\n", ""),
    ],
)
def test_an_anki_export_is_titled_by_its_deck(source, title):
    assert read(source, "anki-text").source_title == title


def test_quizlet_and_aiken_exports_name_nothing():
    assert read((SAMPLES / "quizlet.txt").read_text(), "quizlet").source_title == ""
    assert read((SAMPLES / "aiken.txt").read_text(), "aiken").source_title == ""

"""Names of downloaded files: made of titles and class names that every system and the
Content-Disposition header take, so that two classes' downloads are told apart at a glance."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

FILE_NAME_PART_LENGTH = 40
SEVERAL_CLASSES = "all-classes"


def file_name_part(text: str, length: int = FILE_NAME_PART_LENGTH) -> str:
    """A title as part of a file name: ASCII letters, digits and single dashes, lower case, at
    most ``length`` characters of whole words ("Retake (B)" is "retake-b"; a title with no such
    letter at all gives nothing)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    part = ""
    for word in re.findall(r"[a-z0-9]+", ascii_text.lower()):
        longer = f"{part}-{word}" if part else word
        if len(longer) > length:  # whole words only, but never nothing
            return part or word[:length]
        part = longer
    return part


def class_file_name_part(classes: Sequence[tuple[int, str]]) -> str:
    """The classes of a download, (id, name) each, as part of its file name: one class's name
    ("History 9B" is "history-9b"; a name with no ASCII letter or digit, "class12" by its id),
    ``all-classes`` for several (or none)."""
    if len(classes) != 1:
        return SEVERAL_CLASSES
    class_id, name = classes[0]
    return file_name_part(name) or f"class{class_id}"

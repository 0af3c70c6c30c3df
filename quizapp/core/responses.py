"""What a student's response is and what checking one gives back, whatever the question type.

A response has the JSON shape of its type (each type's ``response_shape`` says which); ``None``
(or an empty string, list or object) is no answer. A response of the wrong shape raises
``ResponseError``, whose message says what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

Response = Any  # JSON-shaped: str | bool | int | float | list | dict | None


class WrittenNumber(Decimal):
    """A JSON number with a fraction or an exponent (the API reads them so, not as floats): the
    exact ``Decimal``, and ``written``, the text it was sent as. A numeric answer is kept as that
    text and read by the rules of a number typed on the page, so the API and the page agree on
    ``1e0001``, ``5.0000000000000000000001e3`` or ``1e40`` (rebuilt from the value, such text
    was not what the student wrote)."""

    written: str

    def __new__(cls, token: str) -> WrittenNumber:
        number = super().__new__(cls, token)
        number.written = token
        return number


class WrittenInteger(int):
    """A JSON integer, and ``written``, the text it was sent as (``-0`` is 0, but was sent as
    ``-0``, which the page keeps too). It is an ``int``: integer fields take it as one."""

    written: str

    def __new__(cls, token: str) -> WrittenInteger:
        number = super().__new__(cls, token)
        number.written = token
        return number


class ResponseError(ValueError):
    """The response is refused: its shape is wrong, or it cannot be read (the message says why).

    ``field`` names the input of the answer form the message belongs to, when one does (the
    page marks that input); ``None`` puts the message above the whole answer.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class Check:
    """The outcome of one response: the share of the points earned, and which parts were right."""

    fraction: Fraction
    parts: tuple[bool, ...] = ()
    answered: bool = True

    @property
    def correct(self) -> bool:
        return self.fraction == 1


UNANSWERED = Check(Fraction(0), answered=False)


def all_or_nothing(ok: bool) -> Check:
    return Check(Fraction(int(ok)), (ok,))


def is_blank(response: Response) -> bool:
    """No answer: nothing, blank text, or a list or object of nothing but blanks."""
    if response is None:
        return True
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, list):
        return all(is_blank(item) for item in response)
    if isinstance(response, dict):
        return all(is_blank(value) for value in response.values())
    return False


def id_list(response: Response, expected: str) -> list[str]:
    """``response`` as a list of ids, or a ``ResponseError`` saying ``expected``."""
    if not isinstance(response, list) or not all(isinstance(x, str) for x in response):
        raise ResponseError(f"expected {expected}")
    return response

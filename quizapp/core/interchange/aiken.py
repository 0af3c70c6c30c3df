"""Aiken: the plain multiple-choice format Moodle also reads.

What is the capital of Kosovo?
A. Tirana
B. Pristina
ANSWER: B
"""

from __future__ import annotations

import re

from quizapp.core.interchange.common import Imported

_OPTION = re.compile(r"^([A-Z])[.)]\s+(.+)$")
_ANSWER = re.compile(r"^ANSWER:\s*([A-Z])\s*$", re.IGNORECASE)


def read_aiken(source: str) -> Imported:
    imported = Imported(title="Imported from Aiken")
    prompt: list[str] = []
    options: dict[str, str] = {}
    start = 0
    for number, raw in enumerate(source.lstrip("\ufeff").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        answer = _ANSWER.match(line)
        option = _OPTION.match(line)
        if answer:
            letter = answer.group(1).upper()
            if not prompt or len(options) < 2:
                imported.skip(start or number, "a question needs its text and at least two options")
            elif letter not in options:
                imported.skip(start, f"ANSWER: {letter} is not one of the options")
            else:
                text = " ".join(prompt)
                imported.add_question(
                    {
                        "type": "single",
                        "prompt": text,
                        "choices": list(options.values()),
                        "answer": options[letter],
                    },
                    text,
                )
            prompt, options, start = [], {}, 0
        elif option and prompt:
            options[option.group(1)] = option.group(2).strip()
        elif options:  # a new question began: the last one never said its answer
            imported.skip(start, "no ANSWER line after the options")
            prompt, options, start = [line], {}, number
        else:
            if not prompt:
                start = number
            prompt.append(line)
    if prompt:
        imported.skip(start, "the last question has no ANSWER line")
    return imported

"""Moodle's GIFT format, read and written.

Read as Moodle reads it: multiple choice (one right, or several with weights), true/false,
short answer (answers that are all '=', weighted or not: 100 % accepted, 0 % or less rejected),
numeric (tolerance, range, several answers: the first 100 % one; '~' starts the feedback for any
other answer), matching, missing word (a blank inside the text), feedback (#) per choice and
per typed answer, on a right or a wrong numeric or true/false answer, general feedback (after
the last ####), comments (//, whose [id:x] and [tag:y] are kept), $CATEGORY (its last name
becomes a tag; '//' is a '/' in a name), text before the first answer (an answer, as in
Moodle), titles (::title::), a format marker at the start of each field ([html] made the
bank's Markdown, [plain] and [moodle] (the default) escaped as plain text with line breaks,
[markdown] kept) and the escapes
\\~ \\= \\# \\{ \\} \\: \\n \\\\ (and quizapp's own \\> \\%). Essays and descriptions have no
place in a bank: they are skipped and reported, as is each thing kept with a change or lost
(partial credit, extra numeric answers, negative weights, HTML media), by line.
Written: everything a bank holds that GIFT can say, each question text marked [markdown];
ordering questions and cloze questions with several blanks cannot be, and are reported, as are
dropped details (units, points).
GIFT is a format of answer shapes, so a question is written by its answer spec's class
(choices, true/false, a number, accepted texts, pairs; choices are GIFT's one-answer form for
``single`` only, its weighted form otherwise). A type this module does not know is written as
the shape it shares with a built-in type or, with an answer of its own shape, left out with a
note ("left out: GIFT has no <type> questions").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from quizapp.core.answer_key import format_number
from quizapp.core.cloze import BLANK, reads_as_blanks
from quizapp.core.interchange.common import Imported, shared_name
from quizapp.core.interchange.html_text import html_to_markdown
from quizapp.core.markdown_text import markdown_escape
from quizapp.core.model import (
    Bank,
    ChoiceAnswer,
    ClozeAnswer,
    MatchingAnswer,
    NumericAnswer,
    QuestionType,
    TextAnswer,
    TrueFalseAnswer,
)

# Escaped characters are swapped for private-use ones while a block is parsed, then put back.
# "\\n" is a line break (a real one is just a space). "\\\\" is a backslash, as in Moodle; "\\>" and
# "\\%" are quizapp's own, written only where "->" or a leading "%50%" would be read as syntax.
_ESCAPED = "~=#{}:n\\>%"
_CODES = {char: chr(0xE000 + index) for index, char in enumerate(_ESCAPED)}
_PLAIN = {code: "\n" if char == "n" else char for char, code in _CODES.items()}
_ESCAPE = re.compile(r"\\([" + re.escape(_ESCAPED) + "])")
_FORMAT = re.compile(r"^\s*\[(html|moodle|markdown|plain)\]\s*")
# Moodle's extract_idnumber_and_tags_from_comment: "[id:x]" (the first one) and every "[tag:y]" on
# the question's comment lines, "\\]" standing for "]"; no control characters (an id or tag never
# spans lines), and no "<" or ">" in a tag. The comments are read raw: GIFT's escapes are not theirs.
# Written so that each character has one reading ("\\]" always the escape, any other "\\" itself),
# with no "[" inside and at most 255 long (Moodle's tag names; its ids are shorter): Moodle's own
# pattern backtracks, and a comment of "[id:" repeated took minutes. They differ only for an id
# or tag holding "[", and a "\\]" with no "]" after it (Moodle: a "\\" and the end).
_COMMENT_ID = re.compile(r"\[id:((?:\\\]|\\(?!\])|[^\\\[\]\x00-\x1f\x7f]){1,255})\]")
_COMMENT_TAG = re.compile(r"\[tag:((?:\\\]|\\(?!\])|[^\\\[\]<>\x00-\x1f\x7f]){1,255})\]")
# a category path's "/" separates names; "//" is a "/" inside a name (Moodle's split_category_path)
_CATEGORY_SPLIT = re.compile(r"(?<!/)/(?!/)")
_TITLE = re.compile(r"^\s*::(.*?)::", re.DOTALL)
_ENTRY = re.compile(r"([=~])")
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
# a hard line break in a [markdown] field: two or more blanks before "\n" (marked while read)
_SPACED_BREAK = re.compile(r"[ \t]{2,}" + _CODES["n"])
_HARD_BREAK = chr(0xE000 + len(_ESCAPED))  # private use, as the escapes' codes


def _protect(text: str) -> str:
    """Each escape, read left to right (so "\\\\:" is a backslash, then a colon), made one code."""
    return _ESCAPE.sub(lambda found: _CODES[found.group(1)], text)


def _restore(text: str, markdown: bool = False) -> str:
    """A field's text: blanks collapsed, each escape its character, "\\n" a line break. In a
    [markdown] field, two or more blanks before a "\\n" are a hard line break (as in Markdown, and
    as quizapp writes one: PHP Markdown, Moodle's, has no backslash breaks); the bank writes it as
    "\\" and a line break."""
    if markdown:
        text = _SPACED_BREAK.sub(_HARD_BREAK, text)
    text = " ".join(text.split())
    for code, char in _PLAIN.items():
        text = text.replace(code, char)
    text = "\n".join(line.strip() for line in text.split("\n")).strip()
    return _hard_breaks(text) if markdown else text


def _hard_breaks(text: str) -> str:
    """Each hard break marked by ``_restore`` as the bank's Markdown writes one: "\\" and a line
    break, where Markdown has a break (between two lines of text; at a paragraph's end it is
    just a line end). A line ending in a lone backslash (a literal one: "\\" then a blank) gets
    it escaped, so that the break's own backslash does not pair with it."""
    parts = text.split(_HARD_BREAK)
    out = parts[0].rstrip()
    for part in parts[1:]:
        part = part.lstrip(" ")
        line = out.rpartition("\n")[2]
        if not line.strip() or not part.split("\n", 1)[0].strip():
            out = out + "\n" + part if part else out
            continue
        lone = (len(line) - len(line.rstrip("\\"))) % 2
        out += "\\" * lone + "\\\n" + part.rstrip()
    return "\n".join(line.strip() for line in out.split("\n")).strip()


def _blocks(source: str) -> Iterator[tuple[int, str, list[str]]]:
    """(first line, text with its escapes protected, raw comment lines) of each question or
    category. As in Moodle, blank lines separate blocks and a block's comments are its own
    comment lines (Moodle's exporter writes "// [id:x] [tag:y]" right above the question): a
    comment with a blank line after it and no question belongs to nothing."""
    lines: list[str] = []
    comments: list[str] = []
    start = 0
    for number, line in enumerate(source.splitlines(), start=1):
        if line.lstrip().startswith("//"):
            comments.append(line)
            continue
        if not line.strip():
            if lines:
                yield start, _protect("\n".join(lines)), comments
                lines = []
            comments = []
            continue
        if not lines:
            start = number
        lines.append(line)
    if lines:
        yield start, _protect("\n".join(lines)), comments


class _Text:
    """Text fields of one question read as Moodle reads them: a leading [html], [plain],
    [markdown] or [moodle] marker says the field's format, else the question text's format does
    (without one: [moodle]). The bank's text is Markdown: [markdown] text is kept as written;
    [moodle] and [plain] text is plain text with line breaks, escaped so it shows as written;
    [html] becomes the Markdown of what the bank can show (what it loses is noted)."""

    def __init__(self, changes: list[str], default: str = "moodle") -> None:
        self.changes = changes
        self.default = default

    def split(self, raw: str) -> tuple[str, str]:
        """(format, text without its marker) of a raw field."""
        found = _FORMAT.match(raw)
        if found:
            return found.group(1), raw[found.end() :]
        return self.default, raw

    def __call__(self, raw: str, where: str) -> str:
        fmt, raw = self.split(raw)
        text = _restore(raw, markdown=fmt == "markdown")
        if fmt == "html":
            converted = html_to_markdown(text)
            if converted.lost:
                lost = " and ".join(converted.lost)
                self.changes.append(f"{where}: {lost} in its HTML is not kept (only the text is)")
            return converted.markdown
        if fmt == "markdown":
            return text
        return markdown_escape(text)

    def right(self, raw: str) -> str:
        """A matching pair's right side: plain text in Moodle, whatever the format (no marker is
        read); Markdown when the question text says [markdown] (as quizapp writes it)."""
        if self.default == "markdown":
            return _restore(raw, markdown=True)
        return markdown_escape(_restore(raw))

    def answer(self, raw: str) -> str:
        """A typed answer: compared, never shown as Markdown, so only its marker goes."""
        return _restore(self.split(raw.strip())[1])


def _weighted(text: str) -> tuple[Decimal | None, str]:
    found = _WEIGHT.match(text)
    return (Decimal(found.group(1)), text[found.end() :]) if found else (None, text)


def read_gift(source: str) -> Imported:
    imported = Imported(title="Imported from GIFT")
    category: str | None = None
    categories: list[list[str]] = []
    for line, block, comments in _blocks(source.lstrip("\ufeff")):
        if block.lstrip().startswith("$CATEGORY:"):
            category = _category_tag(block.split(":", 1)[1])
            categories.append(_category_names(block.split(":", 1)[1]))
            continue
        changes: list[str] = []
        try:
            question, hint = _question(block, changes)
        except ValueError as error:
            imported.skip(line, str(error))
            continue
        comment = "\n".join(comments)
        tags = [category] if category else []
        for raw in _COMMENT_TAG.findall(comment):
            tag = raw.strip().replace("\\]", "]")
            if tag and tag not in tags:
                tags.append(tag)
        if tags:
            question["tags"] = tags
        found_id = _COMMENT_ID.search(comment)
        idnumber = found_id.group(1).strip().replace("\\]", "]") if found_id else ""
        imported.add_question(question, idnumber or hint)
        for change in changes:
            imported.note(line, change)
    imported.source_title = shared_name(categories) or _heading(source)
    return imported


def _category_names(path: str) -> list[str]:
    """The names of a category path, for the bank's title: "$course$/top/Default for History 9"
    is [History 9] (Moodle's default category of that course, as quizapp writes a bank's title)."""
    names = [name.replace("//", "/").strip() for name in _CATEGORY_SPLIT.split(path) if name.strip()]
    names = [name for name in names if name != "top" and not re.fullmatch(r"\$\w+\$", name)]
    return [_restore(name.removeprefix("Default for ")).strip() for name in names if name != "Default"]


_HEADING = re.compile(r"\A\ufeff?[ \t]*//[ \t]*(.+)")


def _heading(source: str) -> str:
    """A comment on the file's first line, as a title ("// Kosovo quiz"); not Moodle's
    "// question: 12  name: ..." nor a comment of ids and tags."""
    found = _HEADING.match(source)
    heading = found.group(1).strip() if found else ""
    if heading.startswith("question:") or _COMMENT_ID.search(heading) or _COMMENT_TAG.search(heading):
        return ""
    return heading[:200]


def _category_tag(path: str) -> str | None:
    """The last named category of "$course$/top/History/Kosovo" ("Kosovo"); none for Moodle's defaults."""
    names = [name.replace("//", "/").strip() for name in _CATEGORY_SPLIT.split(path) if name.strip()]
    names = [name for name in names if name != "top" and not re.fullmatch(r"\$\w+\$", name)]
    if not names or names[-1].startswith("Default for "):
        return None
    return _restore(names[-1])


def _question(block: str, changes: list[str]) -> tuple[dict[str, Any], str]:
    title = ""
    match = _TITLE.match(block)
    if match:
        title, block = _restore(match.group(1)), block[match.end() :]
    opening = block.find("{")
    if opening < 0:
        raise ValueError("a description without a question (no {...})")
    closing = block.find("}", opening)
    if closing < 0:
        raise ValueError("an answer block '{' is never closed")
    texts = _Text(changes)
    texts.default, _ = texts.split(block[:opening].lstrip() or block[closing + 1 :].lstrip())
    before = texts(block[:opening], "the question text")
    after = texts(block[closing + 1 :], "the question text")
    inside = block[opening + 1 : closing]  # general feedback follows the last "####", as in Moodle
    body, _, general = inside.rpartition("####") if "####" in inside else (inside, "", "")
    body = body.strip()
    if not body:
        raise ValueError("an essay question (an empty {}) has no answer to check")
    # a blank keeps the spacing around it: "the U.S. {=Central Command}." has none after it
    glued = (opening > 0 and not block[opening - 1].isspace(), not block[closing + 1 : closing + 2].isspace())
    question = _answer(body, before, after, texts, glued)
    explanation = texts(general, "the general feedback")
    if explanation:
        question["explanation"] = explanation
    return question, title or f"{before} {after}"


def _answer(body: str, before: str, after: str, texts: _Text, glued: tuple[bool, bool]) -> dict[str, Any]:
    # Moodle puts "_____" where the answers were, keeping the spacing around them
    gap_before, gap_after = ("" if glue else " " for glue in glued)
    prompt = f"{before}{gap_before}_____{gap_after}{after}".strip() if after else before
    head = body.split("#", 1)[0].strip()
    if head in ("T", "TRUE", "F", "FALSE"):  # as in Moodle, in capitals only ("{true}" is typed)
        truth = {"type": "true_false", "prompt": prompt, "answer": head.startswith("T")}
        return truth | _true_false_feedback(body, texts)
    if body.startswith("#"):
        return {"type": "numeric", "prompt": prompt, **_numeric(body[1:], texts)}
    # Moodle's order: any '~' makes choices, '=' with '->' a matching question, else a short answer;
    # text before the first '~' or '=' is an answer too ('~' in a choice question, else '=')
    entries = _entries(body, "~" if "~" in body else "=")
    if "~" not in body and "=" in body and "->" in body:
        return _matching(entries, prompt, texts)
    if {sign for sign, _ in entries} != {"="}:
        return _choices(entries, prompt, texts)
    # only '=' answers, weighted or not: a short answer, as Moodle reads it
    accepted, rejected, otherwise = _typed_answers(entries, texts)
    cloze = f"{before}{gap_before}{{{{1}}}}{gap_after}{after}".strip()
    if after and reads_as_blanks(cloze, 1):  # missing word with typed answers: one blank
        if otherwise:
            texts.changes.append(f"the feedback for any other answer is not kept ({otherwise!r})")
        blank: Any = {"accept": accepted, "reject": rejected} if rejected else accepted
        return {"type": "cloze", "prompt": cloze, "blanks": [blank]}
    if after:
        texts.changes.append(
            "its text holds a '{{n}}' or puts the answer inside a link, so it is a short answer "
            "with a gap (_____), not a blank to fill in"
        )
    question: dict[str, Any] = {"type": "short", "prompt": prompt, "accept": accepted}
    if rejected:
        question["reject"] = rejected
    if otherwise:
        question["feedback"] = {"wrong": otherwise}
    return question


def _true_false_feedback(body: str, texts: _Text) -> dict[str, Any]:
    """``{T#wrong#right}``: as in Moodle, the first feedback is shown to a wrong answer, the
    second to a right one (``{F#...#...}`` likewise); the question's ``feedback``."""
    _, _, rest = body.partition("#")
    raw_wrong, _, raw_right = rest.partition("#")
    feedback = {"right": texts(raw_right, "feedback"), "wrong": texts(raw_wrong, "feedback")}
    feedback = {key: text for key, text in feedback.items() if text}
    return {"feedback": feedback} if feedback else {}


def _typed_entry(answer: str, feedback: str) -> Any:
    """An entry of ``accept:`` or ``reject:``: the text, or the text with its feedback."""
    return {"text": answer, "feedback": feedback} if feedback else answer


def _typed_answers(entries: list[tuple[str, str]], texts: _Text) -> tuple[list[Any], list[Any], str]:
    """The accepted (100 %) and rejected (0 % or less: Moodle's way of listing a wrong answer)
    answers of a short answer, each with its feedback, and the feedback for any other answer
    (Moodle's ``=%0%*#...``). The bank format has no partial credit for a typed answer: such
    an answer is left out, with a note."""
    accepted: list[Any] = []
    rejected: list[Any] = []
    otherwise = ""
    for _, entry in entries:
        weight, text = _weighted(entry)
        raw_answer, _, raw_feedback = text.partition("#")
        answer = texts.answer(raw_answer)
        feedback = texts(raw_feedback, "feedback")
        if weight is not None and weight <= 0 and not answer.strip("*"):
            otherwise = otherwise or feedback  # Moodle's "=%0%*#...": feedback, not an answer
            continue
        if weight is None or weight == 100:
            accepted.append(_typed_entry(answer, feedback))
        elif weight <= 0:
            rejected.append(_typed_entry(answer, feedback))
            if weight < 0:
                texts.changes.append(
                    f"the negative weight ({weight}%) of {answer!r} is not kept: it is rejected"
                )
        else:
            also = f", nor its feedback ({feedback!r})" if feedback else ""
            texts.changes.append(
                f"partial credit ({weight}%) for {answer!r} is not kept{also}: a short answer has none, "
                "so it counts as wrong"
            )
    if not accepted:
        raise ValueError("a short answer without a 100% answer")
    return accepted, rejected, otherwise


def _matching(entries: list[tuple[str, str]], prompt: str, texts: _Text) -> dict[str, Any]:
    if len(entries) < 2:  # Moodle's check_answer_count
        raise ValueError("a matching question needs at least two '=left -> right' entries")
    pairs = []
    for sign, text in entries:
        left, arrow, right = text.partition("->")
        if sign != "=" or not arrow:
            raise ValueError("a matching question needs '=left -> right' entries")
        pairs.append({"left": texts(left, "a matching question's left side"), "right": texts.right(right)})
    question: dict[str, Any] = {"type": "matching", "prompt": prompt}
    question["pairs"] = [pair for pair in pairs if pair["left"]]
    extras = [pair["right"] for pair in pairs if not pair["left"]]
    if extras:
        question["distractors"] = extras
    return question


def _entries(body: str, sign: str = "=") -> list[tuple[str, str]]:
    """(sign, text) of each answer; text before the first sign is an answer with ``sign``."""
    parts = _ENTRY.split(body)
    first = [(sign, parts[0].strip())] if parts[0].strip() else []
    return first + [(parts[i], parts[i + 1].strip()) for i in range(1, len(parts) - 1, 2)]


def _choices(entries: list[tuple[str, str]], prompt: str, texts: _Text) -> dict[str, Any]:
    """One '=' answer: single choice (as Moodle reads it); only weighted '~' answers: multiple."""
    changes = texts.changes
    if len(entries) < 2:  # Moodle's check_answer_count
        raise ValueError("a choice question needs at least two answers")
    single = any(sign == "=" for sign, _ in entries)
    choices: list[Any] = []
    correct: list[str] = []
    for sign, entry in entries:
        weight, text = _weighted(entry)
        if weight is None:
            weight = Decimal(100) if sign == "=" else Decimal(0)
        raw_text, _, raw_feedback = text.partition("#")
        choice_text = texts(raw_text, "a choice")
        feedback = texts(raw_feedback, "a choice's feedback")
        choices.append({"text": choice_text, "feedback": feedback} if feedback else choice_text)
        if weight > 0 and (weight == 100 or not single):
            correct.append(choice_text)
        elif weight > 0:
            changes.append(f"partial credit ({weight}%) for {choice_text!r} is not kept: it counts as wrong")
        elif weight < 0 and single:
            changes.append(
                f"the negative weight ({weight}%) of {choice_text!r} is not kept: it counts as wrong"
            )
    if not correct:
        raise ValueError("a choice question without a right answer")
    if single and len(correct) == 1:
        return {"type": "single", "prompt": prompt, "choices": choices, "answer": correct[0]}
    if single:
        changes.append("several '=' answers: a student must now pick all of them")
    else:
        changes.extend(_weights_not_kept(entries))
    return {"type": "multiple", "prompt": prompt, "choices": choices, "answers": correct}


def _weights_not_kept(entries: list[tuple[str, str]]) -> list[str]:
    """Moodle scores a multiple-answer question by its weights; quizapp by its own rule (each
    right choice picked +1/R, each wrong one -1/W, docs/scoring.md). Weights that differ from
    that rule by more than Moodle's rounding (33.33333 %) are a loss, noted once."""
    weights = [_weighted(entry)[0] or Decimal(0) for _, entry in entries]
    right = sum(1 for weight in weights if weight > 0)
    wrong = len(weights) - right
    rule = [Decimal(100) / right if weight > 0 else Decimal(-100) / wrong for weight in weights]
    if all(abs(weight - ours) < Decimal("0.01") for weight, ours in zip(weights, rule, strict=True)):
        return []
    written = ", ".join(f"{weight.normalize():f}%" for weight in weights)
    penalty = f" and each wrong one -1/{wrong}" if wrong else ""
    return [
        f"the weights ({written}) are not kept: quizapp scores each right choice picked "
        f"+1/{right}{penalty} (docs/scoring.md)"
    ]


def _numeric(body: str, texts: _Text) -> dict[str, Any]:
    """Moodle's numeric answers: the first 100 % one is kept, its feedback the question's
    feedback on a right answer; from the first '~' on is the feedback for any other answer
    (``{#3:2~#Completely wrong}``), its feedback on a wrong one. The bank format has no partial
    credit nor other answers: each such answer is noted."""
    changes = texts.changes
    body, tilde, other = body.partition("~")
    feedback = {"right": "", "wrong": texts(other.partition("#")[2], "feedback") if tilde else ""}
    entries = _entries(body)
    best = None
    for _, entry in entries:
        weight, text = _weighted(entry)
        raw_value, _, raw_feedback = text.partition("#")
        value = texts.answer(raw_value)
        answer_feedback = texts(raw_feedback, "feedback")
        if not value:
            raise ValueError("a numeric answer without a number")
        also = f", nor its feedback ({answer_feedback!r})" if answer_feedback else ""
        if (weight is None or weight == 100) and best is None:
            best = value
            feedback["right"] = answer_feedback
        elif weight is None or weight > 0:
            changes.append(f"the partial-credit answer {value!r} ({weight or 100}%) is not kept{also}")
        else:
            changes.append(f"the wrong answer {value!r} ({weight}%) is not kept{also}")
    kept = {key: text for key, text in feedback.items() if text}
    return _numeric_answer(best) | ({"feedback": kept} if kept else {})


def _numeric_answer(best: str | None) -> dict[str, Any]:
    """The number, number:tolerance or low..high range of a numeric question's answer."""
    if best is None:
        raise ValueError("a numeric question without a 100% answer")
    try:
        if ".." in best:
            low, high = (part.strip() for part in best.split("..", 1))
            Decimal(low), Decimal(high)
            return {"min": low, "max": high}
        value, _, tolerance = (part.strip() for part in best.partition(":"))
        Decimal(value)
        if tolerance and Decimal(tolerance) != 0:
            return {"answer": value, "tolerance": tolerance}
        return {"answer": value}
    except InvalidOperation:
        raise ValueError(f"{best!r} is not a number, a number:tolerance or a low..high range") from None


# --- writing ----------------------------------------------------------------------------------

_SPECIAL = re.compile(r"([\\~=#{}:]|(?<=-)>)")


def _escape(text: str, markdown: bool = True) -> str:
    """GIFT text on one line: specials, backslashes and the '>' of '->' escaped, each line
    break "\\n". In Markdown text a hard line break (the bank writes "\\" at the line's end, or
    two blanks) is written as two blanks before the "\\n": a hard break in PHP Markdown too,
    which Moodle renders [markdown] with and which has no backslash breaks."""
    raw = text.strip().splitlines()
    lines = [" ".join(line.split()) for line in raw]
    out = []
    for index, line in enumerate(lines):
        hard = markdown and bool(line) and index + 1 < len(lines) and bool(lines[index + 1])
        if hard and raw[index].endswith("  "):
            end = "  "
        elif hard and (len(line) - len(line.rstrip("\\"))) % 2 and line[-2:-1].strip():
            line, end = line[:-1], "  "  # "\\" ending the line: a break ("a \\" and a lone "\\" stay)
        else:
            end = ""
        out.append(_SPECIAL.sub(r"\\\1", line) + end)
    return "\\n".join(out)


def _entry(text: str, markdown: bool = True) -> str:
    """An answer's text: escaped, and a leading "%50%" too, which would be read as a weight.
    A typed answer is not Markdown (``markdown=False``): compared, never shown as Markdown."""
    escaped = _text_start(text, markdown)
    return "\\" + escaped if _WEIGHT.match(escaped) else escaped


def _text_start(text: str, markdown: bool = True) -> str:
    """A text field after the question text: Markdown, as the question text's [markdown] says;
    one that starts like a format marker ("[html]") is marked as Markdown itself (Moodle, like
    quizapp, reads one marker at the start of each field)."""
    escaped = _escape(text, markdown)
    return "[markdown]" + escaped if _FORMAT.match(escaped) else escaped


def _question_text(text: str) -> str:
    """The question text, marked [markdown]: the bank's text is Markdown, and Moodle (like
    quizapp) reads every other field of the question in the question text's format."""
    return "[markdown]" + _escape(text)


def _weight(share: Decimal) -> str:
    text = format(share.quantize(Decimal("0.00001")).normalize(), "f")
    return f"%{text}%"


def _typed_entries(spec: TextAnswer) -> str:
    """A short answer's entries, each with its feedback: each accepted answer, then each
    rejected one at 0 % (Moodle scores it as wrong; quizapp reads it back into ``reject``)."""
    feedback = dict(reversed(spec.entry_feedback))  # the first of an entry written twice
    entries = [f"={_entry(text, False)}{_feedback(feedback.get(text, ''))}" for text in spec.accepted]
    entries += [
        f"=%0%{_text_start(text, False)}{_feedback(feedback.get(text, ''))}" for text in spec.rejected
    ]
    if spec.feedback.wrong:  # Moodle's "=%0%*#...": the feedback for any other answer
        entries.append(f"=%0%*{_feedback(spec.feedback.wrong)}")
    return " ".join(entries)


def write_gift(bank: Bank) -> tuple[str, list[str]]:
    """The bank as GIFT, and notes on what GIFT cannot hold (questions left out, details dropped).

    A question's first tag becomes its Moodle category (a sub-category of the bank's title);
    untagged questions go to "Default for <title>", which the reader takes for no tag.
    """
    out = [f"// {_one_line(bank.title)}", f"// Exported from quizapp: bank {bank.slug}", ""]
    notes: list[str] = []
    category = None
    for question in bank.questions:
        block = _gift_question(question)
        if block is None:
            what = (
                "questions with several blanks"
                if question.type == QuestionType.CLOZE
                else f"{question.type} questions"
            )
            notes.append(f"{question.id}: left out: GIFT has no {what}")
            continue
        notes += [f"{question.id}: {dropped}" for dropped in _dropped(question)]
        wanted = _category_path(bank, question)
        if wanted != category:
            out += [f"$CATEGORY: {wanted}", ""]
            category = wanted
        out += [block, ""]
    if bank.cards:
        notes.append(f"{len(bank.cards)} term card(s) not exported: GIFT has no flashcards")
    if any(q.source_quotes or q.group or q.allow_giveaway for q in bank.questions):
        notes.append("every question: GIFT has no place for source quotes, groups and allow_giveaway")
    return "\n".join(out), notes


def _one_line(text: str) -> str:
    """A name on a comment or $CATEGORY line: a line break in a title or tag would end the line
    and let the rest be read as GIFT (a question of its own), here and in Moodle."""
    return " ".join(text.split())


def _category_path(bank: Bank, question: Any) -> str:
    title = _one_line(bank.title).replace("/", "//")  # Moodle writes a "/" in a name as "//"
    if not question.tags:
        return f"$course$/top/Default for {title}"
    return f"$course$/top/{title}/{_one_line(question.tags[0]).replace('/', '//')}"


def _dropped(question: Any) -> list[str]:
    spec = question.answer
    dropped = []
    if len(question.tags) > 1:
        dropped.append(f"only the first tag becomes its category (not {', '.join(question.tags[1:])})")
    if question.points != 1:
        dropped.append(f"its points ({format_number(question.points)}) are not kept: set the mark in Moodle")
    if isinstance(spec, NumericAnswer) and spec.unit:
        dropped.append(f"its unit ({spec.unit}) is not kept")
    blanks = spec.blanks if isinstance(spec, ClozeAnswer) else (spec,) if isinstance(spec, TextAnswer) else ()
    if any(blank.typos for blank in blanks):
        dropped.append("forgiving typos is not kept: Moodle accepts only the answers listed")
    if any(blank.feedback.right for blank in blanks):
        dropped.append(
            "its feedback on a right answer is not kept: a GIFT short answer has feedback only on "
            "each answer listed (and on any other answer)"
        )
    return dropped


def _feedback(text: str) -> str:
    return f"#{_text_start(text)}" if text else ""


def _gift_question(question: Any) -> str | None:
    spec = question.answer
    title = f"::{_escape(question.id, markdown=False)}::"
    general = f" ####{_text_start(question.explanation)}" if question.explanation else ""
    prompt = _question_text(question.prompt)
    match spec:
        case ChoiceAnswer() if question.type == QuestionType.SINGLE:
            entries = " ".join(
                f"{'=' if c.correct else '~'}{_entry(c.text)}{_feedback(c.feedback)}" for c in spec.choices
            )
        case ChoiceAnswer():
            right = sum(1 for c in spec.choices if c.correct)
            wrong = len(spec.choices) - right
            entries = " ".join(
                f"~{_weight(Decimal(100) / right if c.correct else Decimal(-100) / wrong)}"
                f"{_text_start(c.text)}{_feedback(c.feedback)}"
                for c in spec.choices
            )
        case TrueFalseAnswer():
            # Moodle's order: the feedback on a wrong answer first, then on a right one
            on_wrong, on_right = _feedback(spec.feedback.wrong), _feedback(spec.feedback.right)
            truth = "T" if spec.value else "F"
            entries = truth + (f"{on_wrong or '#'}{on_right}" if on_right else on_wrong)
        case NumericAnswer():
            entries = _numeric_entries(spec)
        case TextAnswer():
            entries = _typed_entries(spec)
        case ClozeAnswer() if len(spec.blanks) == 1:
            before, _number, after = BLANK.split(question.prompt, maxsplit=1)
            accepted = _typed_entries(spec.blanks[0])
            gap_before = " " if before[-1:].isspace() else ""
            gap_after = " " if after[:1].isspace() else ""
            blank = f"{gap_before}{{{accepted}{general}}}{gap_after}"
            return f"{title}{_question_text(before.rstrip())}{blank}{_text_start(after.lstrip())}".rstrip()
        case MatchingAnswer():
            pairs = [f"={_entry(left.text)} -> {_escape(right.text)}" for left, right in spec.pairs]
            pairs += [f"= -> {_escape(item.text)}" for item in spec.distractors]
            entries = " ".join(pairs)
        case _:  # ordering, and cloze with several blanks
            return None
    return f"{title}{prompt} {{{entries}{general}}}"


def _numeric_entries(spec: NumericAnswer) -> str:
    """The number with its tolerance, or the range; with feedback, in the shape Moodle's
    exporter writes: the answer at 100 % with its feedback, then '~' with the wrong one."""
    if spec.value is not None:
        tolerance = spec.tolerance * abs(spec.value) if spec.relative else spec.tolerance
        answer = f"{format_number(spec.value)}:{format_number(tolerance)}"
    else:
        low = spec.minimum if spec.minimum is not None else Decimal("-1e12")
        high = spec.maximum if spec.maximum is not None else Decimal("1e12")
        answer = f"{format_number(low)}..{format_number(high)}"
    if not spec.feedback:
        return f"#{answer}"
    wrong = f" ~{_feedback(spec.feedback.wrong)}" if spec.feedback.wrong else ""
    return f"#=%100%{answer}{_feedback(spec.feedback.right)}{wrong}"

"""What ``single`` and ``multiple`` share: a list of choices, some of them correct."""

from __future__ import annotations

from typing import Any

from quizapp.core.attempts import seeded_shuffle
from quizapp.core.model import Choice, ChoiceAnswer, Question
from quizapp.core.presentation import Option, StudentQuestion
from quizapp.core.question_types.base import QuestionKind, ShownText
from quizapp.core.responses import Response


class ChoiceKind(QuestionKind[ChoiceAnswer]):
    """A question answered by picking among the teacher's choices (shuffled for each attempt)."""

    markdown_answer = True

    def answer_to_dict(self, spec: ChoiceAnswer) -> dict[str, Any]:
        return {
            "choices": [
                {"id": c.id, "text": c.text, "correct": c.correct, "feedback": c.feedback}
                for c in spec.choices
            ]
        }

    def answer_from_dict(self, data: dict[str, Any]) -> ChoiceAnswer:
        return ChoiceAnswer(tuple(Choice(**choice) for choice in data["choices"]))

    def present(self, question: Question, seed: int, shuffle_choices: bool) -> StudentQuestion:
        choices = [Option(c.id, c.text) for c in self.answer_of(question).choices]
        if shuffle_choices:
            choices = seeded_shuffle(choices, seed, question.id)
        return StudentQuestion(
            question.id, question.type, question.prompt, question.points, choices=tuple(choices)
        )

    def shown_texts(self, question: Question) -> tuple[ShownText, ...]:
        """The prompt and the choices, the wrong ones as decoys."""
        choices = self.answer_of(question).choices
        return (
            ShownText("prompt", question.prompt),
            *(ShownText("choice", choice.text, decoy=not choice.correct) for choice in choices),
        )

    def answer_text(self, spec: ChoiceAnswer) -> str:
        return "; ".join(choice.text for choice in spec.correct_choices)

    def answer_lines(self, spec: ChoiceAnswer) -> list[str]:
        return [choice.text for choice in spec.correct_choices]

    def giveaway_texts(self, spec: ChoiceAnswer) -> tuple[tuple[str, ...], ...]:
        """Each correct choice."""
        return tuple((choice.text,) for choice in spec.correct_choices)

    def response_text(self, spec: ChoiceAnswer, response: Response) -> str:
        texts = {choice.id: choice.text for choice in spec.choices}
        return "; ".join(texts.get(choice_id, "?") for choice_id in self.picked(spec, response))

    def response_lines(self, spec: ChoiceAnswer, response: Response) -> list[str]:
        if isinstance(response, list):
            texts = {choice.id: choice.text for choice in spec.choices}
            return [texts.get(choice_id, "?") for choice_id in response]
        return [self.response_text(spec, response)]

    def response_feedback(self, spec: ChoiceAnswer, response: Response) -> tuple[str, ...]:
        """The feedback of each picked choice that has some (docs/question-format.md)."""
        feedback = {choice.id: choice.feedback for choice in spec.choices}
        return tuple(feedback[pick] for pick in self.picked(spec, response) if feedback.get(pick))

    def tallied_choices(self, spec: ChoiceAnswer) -> tuple[Choice, ...]:
        return spec.choices

    def picked(self, spec: ChoiceAnswer, response: Response) -> tuple[str, ...]:
        """One choice id (``single``) or a list of them (``multiple``)."""
        return (response,) if isinstance(response, str) else tuple(response)

"""The domain core: banks, questions, checking and scoring, free of Flask and SQLAlchemy.

Time and randomness are always passed in, so every result here is exact and repeatable.
"""

from quizapp.core.answer_key import answer_key, answer_text, full_marks_response
from quizapp.core.bank_loader import (
    Catalog,
    LoadResult,
    load_bank_bytes,
    load_bank_file,
    load_files,
    load_folder,
)
from quizapp.core.checkers import Check, ResponseError, check
from quizapp.core.model import AnswerVisibility, Bank, Question, QuestionType, QuizSettings
from quizapp.core.problems import Problem
from quizapp.core.scoring import Score, score_answers

__all__ = [
    "AnswerVisibility",
    "Bank",
    "Catalog",
    "Check",
    "LoadResult",
    "Problem",
    "Question",
    "QuestionType",
    "QuizSettings",
    "ResponseError",
    "Score",
    "answer_key",
    "answer_text",
    "check",
    "full_marks_response",
    "load_bank_bytes",
    "load_bank_file",
    "load_files",
    "load_folder",
    "score_answers",
]

"""The domain core: banks, questions, checking and scoring, free of Flask and SQLAlchemy.

Time and randomness are always passed in, so every result here is exact and repeatable.
"""

from .answer_key import answer_key, answer_text, full_marks_response
from .bank_loader import (
    Catalog,
    LoadResult,
    load_bank_bytes,
    load_bank_file,
    load_files,
    load_folder,
)
from .checkers import CHECKERS, Check, ResponseError, check
from .model import AnswerVisibility, Bank, Question, QuestionType, QuizSettings
from .problems import Problem
from .scoring import Score, score_answers

__all__ = [
    "CHECKERS",
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

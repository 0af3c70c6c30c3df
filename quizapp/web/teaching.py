"""The signed-in teacher's class and student, as the pages that take their ids in the address
look them up (classes, assignments, progress): another teacher's class, or a student not in the
class, is "not found" (404), so an id tells nothing of what it belongs to."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from quizapp.services import accounts
from quizapp.services.accounts import Account, ClassInfo


def my_class(class_id: int) -> ClassInfo:
    """The teacher's class ``class_id``, or 404."""
    classroom = accounts.class_of_teacher(class_id, current_user.id)
    if classroom is None:
        abort(404)
    return classroom


def my_student(class_id: int, student_id: int) -> Account:
    """The student ``student_id`` of the class ``class_id`` (the teacher's: ``my_class``), or 404."""
    student = accounts.student_of_class(class_id, student_id)
    if student is None:
        abort(404)
    return student

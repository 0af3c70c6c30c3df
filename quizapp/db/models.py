"""Database tables (SQLAlchemy 2 style). Only the store modules use them.

Banks and questions mirror the files in ``questions/``; every version of a question that was
ever in service stays in ``question_versions`` under its content hash, so an attempt can
record (and later re-score) exactly the question a student saw.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Float,
    ForeignKey,
    Index,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.db.base import Model

# Row ids are INTEGER columns: 32 bits on PostgreSQL. A larger id in a URL is "not found",
# checked before it reaches the database (which would refuse it as out of range).
MAX_ROW_ID = 2**31 - 1


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in Python on every engine (SQLite drops the zone; we restore it)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass a timezone-aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Bank(Model):
    __tablename__ = "banks"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    source_title: Mapped[str] = mapped_column(Text, default="")
    source_publisher: Mapped[str] = mapped_column(Text, default="")
    file_path: Mapped[str] = mapped_column(String(1000))
    content_hash: Mapped[str] = mapped_column(String(64))
    settings: Mapped[dict[str, Any]] = mapped_column(JSON)
    card_count: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)  # its file is in service (the sync sets it)
    # Set by teachers, never by the sync: a hidden bank is shown to no student (its file stays);
    # an open-practice bank is shown to every student for practice, flashcards and learn mode.
    published: Mapped[bool] = mapped_column(default=True, server_default=true())
    open_practice: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    questions: Mapped[list[Question]] = relationship(back_populates="bank", order_by="Question.position")


class Question(Model):
    """A question of a bank by its stable id (``key``), pointing at its current version."""

    __tablename__ = "questions"
    __table_args__ = (UniqueConstraint("bank_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(80))
    type: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(default=0)
    content_hash: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(default=True)

    bank: Mapped[Bank] = relationship(back_populates="questions")


class QuestionVersion(Model):
    """One version of a question, as JSON (``core.serialization``), named by its content hash."""

    __tablename__ = "question_versions"
    __table_args__ = (UniqueConstraint("question_id", "content_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    content_hash: Mapped[str] = mapped_column(String(64))
    definition: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class User(Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)  # stored lower-case
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(10))  # "student" | "teacher"
    session_version: Mapped[int] = mapped_column(default=1)  # bumped to end every website session
    # bumped when the password changes: ends API tokens too (logging out of the website does not)
    credentials_version: Mapped[int] = mapped_column(default=1, server_default="1")
    must_change_password: Mapped[bool] = mapped_column(default=False)  # set by someone else
    new_cards_per_day: Mapped[int] = mapped_column(default=20)
    time_zone: Mapped[str | None] = mapped_column(String(64))  # an IANA name; None: the school's
    # "browser": taken from it at a login; "chosen": on the account page (a zone or the school's)
    time_zone_source: Mapped[str | None] = mapped_column(String(10))
    # when password_hash was written (a one-time password's age: core.accounts.ONE_TIME_PASSWORD_LIFETIME)
    password_set_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Classroom(Model):
    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    join_code: Mapped[str] = mapped_column(String(16), unique=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # hidden from its students


class Assignment(Model):
    """A bank given to a class as a test: its window and limits (``core.assignments.Window``)."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"), index=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    time_limit_minutes: Mapped[int | None] = mapped_column()  # None: the bank's
    max_attempts: Mapped[int | None] = mapped_column()  # None: unlimited
    counted: Mapped[str] = mapped_column(String(5), default="best")  # core.assignments.Counted
    accept_late: Mapped[bool] = mapped_column(default=False)
    ends_at_close: Mapped[bool] = mapped_column(default=False)
    show_answers: Mapped[str | None] = mapped_column(String(20))  # None: the bank's; else stricter
    study: Mapped[bool] = mapped_column(default=True)  # practice, flashcards, learn for the class
    title: Mapped[str | None] = mapped_column(String(120))  # None: the bank's title
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Accommodation(Model):
    """What one student gets beyond an assignment (``core.assignments.Accommodation``)."""

    __tablename__ = "accommodations"
    __table_args__ = (UniqueConstraint("assignment_id", "student_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    student_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    extra_time_percent: Mapped[int] = mapped_column(default=0)
    extra_time_minutes: Mapped[int] = mapped_column(default=0)
    extra_attempts: Mapped[int] = mapped_column(default=0)
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Enrollment(Model):
    __tablename__ = "enrollments"
    __table_args__ = (UniqueConstraint("class_id", "student_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    student_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A standing accommodation: for every assignment of the class without one of its own.
    extra_time_percent: Mapped[int] = mapped_column(default=0)
    extra_time_minutes: Mapped[int] = mapped_column(default=0)
    extra_attempts: Mapped[int] = mapped_column(default=0)


class Attempt(Model):
    """One sitting of a quiz. ``items`` fixes the questions asked: [[question id, content hash]]."""

    __tablename__ = "attempts"
    __table_args__ = (
        # at most one open attempt per student and quiz
        Index(
            "uq_attempts_open_per_user_bank",
            "user_id",
            "bank_id",
            unique=True,
            sqlite_where=text("status = 'in_progress'"),
            postgresql_where=text("status = 'in_progress'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id"), index=True)
    mode: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(12), default="in_progress")
    closed_by: Mapped[str | None] = mapped_column(String(10))
    seed: Mapped[int] = mapped_column(BigInteger)
    items: Mapped[list[list[str]]] = mapped_column(JSON)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Decided when the attempt starts (services/attempts.py): True for a practice round whose
    # answers enter the flashcard memory as they are given, False for one whose answers do when
    # it closes; kept so that a bank edited mid-round feeds no answer twice and none never.
    feeds_memory_at_once: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The assignment a test was taken under (None: practice, a teacher's try, or from before
    # assignments; also once its assignment is deleted, which keeps the attempt).
    assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("assignments.id", ondelete="SET NULL"), index=True
    )
    late: Mapped[bool] = mapped_column(default=False, server_default=false())  # started after the due time
    # The show_answers of its assignment, kept when the assignment is deleted: a test taken under
    # "never" stays so (while the assignment lives, its own setting counts: a teacher may relax it).
    kept_show_answers: Mapped[str | None] = mapped_column(String(20))


class Answer(Model):
    """The response to one question of an attempt; a re-answer replaces it while the attempt is open."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("attempt_id", "question_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    question_key: Mapped[str] = mapped_column(String(80))
    response: Mapped[Any] = mapped_column(JSON)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CardState(Model):
    """A student's memory of one flashcard (FSRS state as JSON, with the py-fsrs version)."""

    __tablename__ = "card_states"
    __table_args__ = (
        UniqueConstraint("user_id", "bank_id", "card_key"),
        Index("ix_card_states_user_due", "user_id", "due"),
        Index("ix_card_states_user_first_review", "user_id", "first_review"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"))
    card_key: Mapped[str] = mapped_column(String(120))
    fsrs_version: Mapped[str] = mapped_column(String(20))
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    due: Mapped[datetime] = mapped_column(UTCDateTime)
    stability: Mapped[float | None] = mapped_column()
    first_review: Mapped[datetime] = mapped_column(UTCDateTime)
    introduced_by: Mapped[str] = mapped_column(String(12))  # the source of the first review
    last_review: Mapped[datetime] = mapped_column(UTCDateTime)
    reviews: Mapped[int] = mapped_column(default=0)
    lapses: Mapped[int] = mapped_column(default=0)  # times rated Again
    last_rating: Mapped[int] = mapped_column(default=0)


class ReviewLog(Model):
    """Every rating, from a flashcard, a quiz answer or learn mode."""

    __tablename__ = "review_logs"
    __table_args__ = (Index("ix_review_logs_user_time", "user_id", "reviewed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"))
    card_key: Mapped[str] = mapped_column(String(120))
    rating: Mapped[int] = mapped_column()
    source: Mapped[str] = mapped_column(String(12))  # "flashcard" | "quiz" | "learn"
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LearnSessionRow(Model):
    """A learn-mode session: its queue and tries (``core.learn.LearnSession`` as JSON)."""

    __tablename__ = "learn_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"))
    seed: Mapped[int] = mapped_column(BigInteger)
    items: Mapped[list[list[str]]] = mapped_column(JSON)  # [[question id, content hash]]
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ApiToken(Model):
    """A bearer token of the JSON API, stored as its SHA-256: a leaked table opens no account.

    A token lives until it expires or is revoked, and only while the user's credentials version
    is the one it was issued under: a password change ends tokens as it ends sessions.
    """

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    credentials_version: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RateLimitCounter(Model):
    """A rate limit's counter (logins, answers) when the database is the limits' store.

    Written only by ``limits_store.DatabaseStorage``, on connections of its own. On SQLite the
    counters are in a file of their own and this table stays empty; on PostgreSQL it is used.
    """

    __tablename__ = "rate_limit_counters"

    key: Mapped[str] = mapped_column(String(500), primary_key=True)
    count: Mapped[int]
    expires_at: Mapped[float] = mapped_column(Float)  # seconds since the epoch


class BankDraft(Model):
    """A teacher's last unsaved text of one bank file, so a closed tab loses nothing.

    One row per teacher and file, replaced as they type (the editor sends it after a pause) and
    deleted by a successful save, when the teacher discards it, when it is 30 days old or when a
    draft of one more file than the cap (``services.bank_drafts``) crowds it out. ``base_version``
    is the file's version the text started from ("" for a file not saved yet).
    """

    __tablename__ = "bank_drafts"
    __table_args__ = (UniqueConstraint("teacher_id", "file_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    file_name: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    base_version: Mapped[str] = mapped_column(String(64), default="")
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PasswordSlip(Model):
    """A one-time password a teacher made for a student of a class, kept for a few minutes so
    that the class page can print it on a slip or give it as CSV; deleted once expired, or
    before, in every class, once the password is of no use (``account_store.forget_slips_of``).
    """

    __tablename__ = "password_slips"
    __table_args__ = (UniqueConstraint("class_id", "student_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    student_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    password: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class RemovedEnrollment(Model):
    """A student just taken out of a class, with what the removal deleted (``kept``: the date
    they joined, their standing accommodation and those on the class's assignments), so the
    teacher can put them back as they were for a few minutes; deleted once expired."""

    __tablename__ = "removed_enrollments"
    __table_args__ = (UniqueConstraint("class_id", "student_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    student_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kept: Mapped[dict[str, Any]] = mapped_column(JSON)
    removed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class LiveSession(Model):
    """A live classroom quiz (docs/live.md): its host, bank, the questions it asks
    ([[question id, content hash]], in order) and its state (``core.live.session.LiveState``),
    changed only by a conditional UPDATE on ``seq`` (``db/live_store.py``). The PIN is unique
    among active sessions; an ended one frees it."""

    __tablename__ = "live_sessions"
    __table_args__ = (
        Index(
            "uq_live_sessions_active_pin",
            "pin",
            unique=True,
            sqlite_where=text("active"),
            postgresql_where=text("active"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pin: Mapped[str] = mapped_column(String(6))
    active: Mapped[bool] = mapped_column(default=True)  # False once ended: the PIN is dead
    host_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    bank_slug: Mapped[str] = mapped_column(String(80))
    items: Mapped[list[list[str]]] = mapped_column(JSON)
    seed: Mapped[int] = mapped_column(BigInteger)
    seconds_per_question: Mapped[int] = mapped_column()
    allow_guests: Mapped[bool] = mapped_column(default=False)
    phase: Mapped[str] = mapped_column(String(10))
    current_index: Mapped[int] = mapped_column(default=-1)
    seq: Mapped[int] = mapped_column(default=0)
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    paused_remaining_ms: Mapped[int | None] = mapped_column()
    skipped: Mapped[list[int]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    results_kept: Mapped[bool] = mapped_column(default=False)  # the students' attempts are written


class LivePlayer(Model):
    """Who joined a live session: a student (``user_id``) or a guest (a nickname, and a random
    ``token`` kept in the guest's session cookie, cleared when the session ends). Deleted with
    the session; one the host removed stays, marked, so that they cannot join it again."""

    __tablename__ = "live_players"
    __table_args__ = (
        UniqueConstraint("session_id", "user_id"),
        Index(
            "uq_live_players_guest_nickname",
            "session_id",
            "nickname",
            unique=True,
            sqlite_where=text("user_id IS NULL"),
            postgresql_where=text("user_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    nickname: Mapped[str] = mapped_column(String(40))
    token: Mapped[str | None] = mapped_column(String(64), unique=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # by the host: out for good


class LiveAnswer(Model):
    """A player's answer to one question of a live session: one per player and question (a
    double tap counts once), with when it arrived and the points it earned."""

    __tablename__ = "live_answers"
    __table_args__ = (UniqueConstraint("player_id", "question_index"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id", ondelete="CASCADE"), index=True)
    player_id: Mapped[int] = mapped_column(ForeignKey("live_players.id", ondelete="CASCADE"))
    question_index: Mapped[int] = mapped_column()
    response: Mapped[Any] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    points: Mapped[int] = mapped_column()
    correct: Mapped[bool] = mapped_column()

"""Schema migrations (Flask-Migrate/Alembic): models and migrations agree, and every way a database
reaches the newest schema works, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading

from alembic import command
from sqlalchemy import create_engine, inspect, text

from quizapp import create_app
from quizapp.db.base import db
from quizapp.db.database import BASELINE, _alembic_config, schema_revisions, upgrade_schema


def test_the_models_and_the_migrations_agree(app):
    """What `flask --app quizapp db check` does: no difference left to migrate."""
    with app.app_context():
        command.check(_alembic_config())  # raises if autogenerate would write anything
        current, head = schema_revisions()
        assert current == head and head


def test_db_check_and_upgrade_commands(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["db", "check"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0  # at head already: nothing to do


def fresh_app(app, upgrade):
    config = {key: app.config[key] for key in ("SECRET_KEY", "QUESTIONS_DIR", "SQLALCHEMY_DATABASE_URI")}
    return create_app(config | {"TESTING": True, "UPGRADE_SCHEMA_ON_START": upgrade})


def empty_database(app) -> None:
    with app.app_context():
        with db.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            else:
                for table in inspect(connection).get_table_names():
                    connection.execute(text(f'DROP TABLE "{table}"'))
        db.engine.dispose()


def test_flask_db_upgrade_builds_an_empty_database(app):
    empty_database(app)
    deploy = fresh_app(app, upgrade=False)  # as on PostgreSQL: the deploy step does it
    with deploy.app_context():
        assert "users" not in inspect(db.engine).get_table_names()
        assert schema_revisions()[0] is None
    result = deploy.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    with deploy.app_context():
        assert {"users", "attempts", "answers", "api_tokens"} <= set(inspect(db.engine).get_table_names())
        current, head = schema_revisions()
        assert current == head
        db.engine.dispose()


def test_a_database_made_before_migrations_is_stamped_and_kept(app, people):
    """Databases created by create_all (earlier versions) carry on, with their rows."""
    with app.app_context():
        command.downgrade(_alembic_config(), BASELINE)  # the schema create_all made back then
        with db.engine.begin() as connection:
            connection.execute(text("DROP TABLE alembic_version"))
        db.engine.dispose()
    again = fresh_app(app, upgrade=True)
    with again.app_context():
        assert schema_revisions()[0] == schema_revisions()[1]
        assert db.session.execute(text("SELECT count(*) FROM users")).scalar() == 5
        assert db.session.execute(text("SELECT min(credentials_version) FROM users")).scalar() == 1
        db.engine.dispose()


def test_workers_starting_together_upgrade_one_at_a_time(app):
    empty_database(app)
    workers = [fresh_app(app, upgrade=False) for _ in range(4)]
    errors = []

    def start(worker):
        try:
            with worker.app_context():
                upgrade_schema()
                upgrade_schema()  # again, as a restart would: nothing to do
                db.engine.dispose()
        except Exception as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=start, args=(worker,)) for worker in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    engine = create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
        assert "answers" in inspect(connection).get_table_names()
    engine.dispose()


def test_the_upgrade_to_assignments_keeps_serving_every_student_as_before(app, people):
    """Before assignments every student saw every bank and took its test at any time: the
    upgrade assigns every bank to every class (no dates, unlimited attempts, study on) and
    files each earlier test under its student's class's assignment."""
    from tests.helpers.quizzes import start, submit
    from tests.helpers.web import login

    student = app.test_client()
    login(student, "sam")
    submit(student, start(student, "test"))
    with app.app_context():  # back to the database as 0004 left it, with the test taken
        command.downgrade(_alembic_config(), "0004_attempt_feeds_memory")
        assert "assignments" not in inspect(db.engine).get_table_names()
        db.engine.dispose()
    again = fresh_app(app, upgrade=True)
    with again.app_context():
        classes = db.session.execute(text("SELECT count(*) FROM classes")).scalar()
        banks = db.session.execute(text("SELECT count(*) FROM banks WHERE active")).scalar()
        rows = db.session.execute(
            text("SELECT max_attempts, opens_at, due_at, study, time_limit_minutes FROM assignments")
        ).all()
        assert len(rows) == classes * banks == 2
        assert all(row == (None, None, None, True, None) for row in rows)
        filed = (
            db.session.execute(
                text(
                    "SELECT classes.name FROM attempts JOIN assignments ON assignments.id = attempts.assignment_id "
                    "JOIN classes ON classes.id = assignments.class_id WHERE attempts.mode = 'test'"
                )
            )
            .scalars()
            .all()
        )
        assert filed == ["History 9B"]
        db.engine.dispose()
    client = again.test_client()
    login(client, "sam")
    home = client.get("/").get_data(as_text=True)
    assert "Kosovar Peacekeepers Sent On First Mission Abroad" in home and "Submitted" in home
    other = again.test_client()
    login(other, "oleg")  # the other class: the bank assigned there too
    assert other.get("/quizzes/kosovo-peacekeepers").status_code == 200


TEACHER_FLOW_TABLES = {"bank_drafts", "password_slips", "removed_enrollments"}


def test_the_teacher_flow_tables_come_and_go_with_0007_and_keep_one_row_per_pair(app, people):
    """0007 adds the drafts, the slips and the removals to undo; going back drops them and
    nothing else; each keeps one row per teacher and file, or per class and student, and goes
    with its user."""
    from datetime import UTC, datetime

    import pytest
    from sqlalchemy.exc import IntegrityError

    from quizapp.db.database import begin_write
    from quizapp.db.models import BankDraft, PasswordSlip, RemovedEnrollment, User

    now = datetime.now(UTC)
    with app.app_context():
        command.downgrade(_alembic_config(), "0006_titles_standing")
        assert not TEACHER_FLOW_TABLES & set(inspect(db.engine).get_table_names())
        db.engine.dispose()
    again = fresh_app(app, upgrade=True)
    with again.app_context():
        assert set(inspect(db.engine).get_table_names()) >= TEACHER_FLOW_TABLES
        assert db.session.execute(text("SELECT count(*) FROM users")).scalar() == 5
        rows = (
            lambda: BankDraft(
                teacher_id=people.teacher, file_name="a.yaml", text="x", base_version="", saved_at=now
            ),
            lambda: PasswordSlip(
                class_id=people.class_id,
                student_id=people.student,
                password="a-b-c",
                created_at=now,
                expires_at=now,
            ),
            lambda: RemovedEnrollment(
                class_id=people.class_id,
                student_id=people.student,
                kept={"a": 1},
                removed_at=now,
                expires_at=now,
            ),
        )
        for row in rows:
            begin_write()
            db.session.add(row())
            db.session.commit()
            begin_write()
            db.session.add(row())
            with pytest.raises(IntegrityError):
                db.session.commit()
            db.session.rollback()
        begin_write()
        db.session.delete(db.session.get(User, people.student))
        db.session.commit()
        left = {
            table: db.session.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in TEACHER_FLOW_TABLES
        }
        assert left == {"bank_drafts": 1, "password_slips": 0, "removed_enrollments": 0}
        db.session.remove()
        db.engine.dispose()

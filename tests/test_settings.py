import stat

from quizapp import create_app
from quizapp.settings import instance_secret_key


def test_test_config_overrides_defaults(app):
    assert app.testing
    assert app.config["SECRET_KEY"] == "test-secret"
    assert app.config["MAX_CONTENT_LENGTH"] == 2 * 1024 * 1024


def test_environment_variables_override_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("QUIZAPP_QUESTIONS_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("QUIZAPP_BANK_RESCAN_SECONDS", "5")
    monkeypatch.setenv("QUIZAPP_SQLALCHEMY_DATABASE_URI", f"sqlite:///{tmp_path / 'env.sqlite'}")
    app = create_app({"SECRET_KEY": "x"})
    assert app.config["QUESTIONS_DIR"] == str(tmp_path / "elsewhere")
    assert app.config["BANK_RESCAN_SECONDS"] == 5
    assert (tmp_path / "env.sqlite").exists()  # the schema was created on start


def test_secret_key_is_generated_once_and_private(tmp_path):
    first = instance_secret_key(tmp_path)
    second = instance_secret_key(tmp_path)
    assert first == second and len(first) == 64
    mode = (tmp_path / "secret_key").stat().st_mode
    assert stat.S_IMODE(mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]  # no temporary file left


def test_default_database_is_sqlite_in_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("QUIZAPP_SQLALCHEMY_DATABASE_URI", raising=False)
    app = create_app({"SECRET_KEY": "x", "UPGRADE_SCHEMA_ON_START": False})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{app.instance_path}/quizapp.sqlite"
    assert app.config["QUESTIONS_DIR"].endswith("/questions")


def test_a_checkout_uses_its_own_templates_and_questions(app):
    from quizapp import settings

    assert settings.beside_package("templates") == settings.PROJECT_ROOT / "templates"
    assert app.jinja_loader.searchpath == [str(settings.PROJECT_ROOT / "templates")]


def test_an_installed_package_uses_the_copies_inside_it(monkeypatch, tmp_path):
    """Installed, the package sits in site-packages, with no pyproject.toml beside it; a
    `templates` folder of another distribution there must not be taken for ours."""
    from quizapp import settings

    (tmp_path / "templates").mkdir()
    monkeypatch.setattr(settings, "PROJECT_ROOT", tmp_path)
    monkeypatch.setattr(settings, "PACKAGE", tmp_path / "quizapp")
    assert settings.beside_package("templates") == tmp_path / "quizapp" / "_templates"
    assert settings.beside_package("questions") == tmp_path / "quizapp" / "_questions"

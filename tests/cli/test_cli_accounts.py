from quizapp.db import account_store


def test_user_and_class_commands(app, people):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["class", "create", "Biology 7", "--teacher", "tina"])
    assert result.exit_code == 0, result.output
    code = result.output.strip()
    assert len(code) == 9 and code[4] == "-"  # as the pages show it: "K7QM-3XPA"
    result = runner.invoke(
        args=[
            "user",
            "create",
            "Lena",
            "--role",
            "student",
            "--name",
            "Lena L.",
            "--class",
            code,
            "--password-stdin",
        ],
        input="a-long-password\n",
    )
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "created student lena in class Biology 7"
    with app.app_context():
        assert account_store.authenticate("lena", "a-long-password").display_name == "Lena L."


def test_user_create_errors(app, people):
    runner = app.test_cli_runner()
    base = ["user", "create"]
    assert (
        runner.invoke(
            args=[*base, "sam", "--role", "student", "--password-stdin"], input="a-long-password\n"
        ).exit_code
        == 2
    )  # taken
    assert (
        runner.invoke(
            args=[*base, "x y", "--role", "student", "--password-stdin"], input="a-long-password\n"
        ).exit_code
        == 2
    )
    assert (
        runner.invoke(
            args=[*base, "newbie", "--role", "student", "--password-stdin"], input="short\n"
        ).exit_code
        == 2
    )
    assert (
        runner.invoke(
            args=[*base, "newbie", "--role", "student", "--class", "NOPE", "--password-stdin"],
            input="a-long-password\n",
        ).exit_code
        == 2
    )
    assert (
        runner.invoke(
            args=[*base, "newbie", "--role", "admin", "--password-stdin"], input="a-long-password\n"
        ).exit_code
        == 2
    )
    assert runner.invoke(args=["class", "create", "X", "--teacher", "sam"]).exit_code == 2
    # names as the forms take them: not blank, at most 100 characters (the column's length)
    for name in ("", "   ", "x" * 101, "\u200b", "\u3164", "\x1b[31m", "Eve\u202e"):
        refused = runner.invoke(args=["class", "create", name, "--teacher", "tina"])
        assert refused.exit_code == 2 and "a name " in refused.output
        refused = runner.invoke(
            args=[*base, "named", "--role", "student", "--name", name, "--password-stdin"],
            input="a-long-password\n",
        )
        assert refused.exit_code == 2 and "a name " in refused.output
    assert runner.invoke(args=["class", "create", "x" * 100, "--teacher", "tina"]).exit_code == 0

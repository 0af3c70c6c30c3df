from quizapp.core.roster import parse_roster


def test_roster_with_header_and_separators():
    entries, problems = parse_roster("\ufeffusername,name\nAva,Ava A.\n\nben,\n")
    assert [(e.line, e.username, e.display_name) for e in entries] == [
        (2, "ava", "Ava A."),
        (4, "ben", "ben"),
    ]
    assert problems == []
    entries, _ = parse_roster("cai\tCai C.\ndee\tDee D.\n")
    assert [e.display_name for e in entries] == ["Cai C.", "Dee D."]
    entries, _ = parse_roster("eve;Eve E.\nfay;Fay F.\n")
    assert [e.username for e in entries] == ["eve", "fay"]


def test_roster_problems_name_their_line():
    entries, problems = parse_roster("ok1,A\nbad name,B\nok1,C\n" + "x" * 3 + "," + "n" * 101 + "\n")
    assert [e.username for e in entries] == ["ok1"]
    assert problems[0].startswith("line 2: username 'bad name' is not valid")
    assert problems[1] == "line 3: username 'ok1' is listed twice (first on line 1)"
    assert problems[2] == "line 4: a name may be at most 100 characters long"


def test_a_cell_longer_than_the_csv_limit_is_a_problem_with_its_line_not_an_error():
    entries, problems = parse_roster("username,name\nana,Ana\nbo," + "x" * 200_000 + "\n")
    assert [entry.username for entry in entries] == ["ana"]
    assert problems == [problems[0]] and problems[0].startswith("line 3: cannot be read as CSV")


def test_a_roster_name_of_nothing_visible_or_with_an_escape_is_a_problem_of_its_line():
    entries, problems = parse_roster("ana,Ana\nbo,\u3164\ncy,\x1b[31mCy\n")
    assert [entry.username for entry in entries] == ["ana"]
    assert problems == [
        "line 2: a name needs at least one visible letter, digit or sign",
        "line 3: a name may not contain control or formatting characters (a tab, an escape, a direction mark)",
    ]

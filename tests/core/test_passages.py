from quizapp.core.passages import find_passage, paragraphs

SOURCE = "Title\n\nFirst paragraph here.\nIt goes on.\n\n“It’s extremely important,” she said.\n\nLast one."


def test_paragraphs_split_on_blank_lines_and_collapse_spacing():
    assert paragraphs(SOURCE) == [
        "Title",
        "First paragraph here. It goes on.",
        "“It’s extremely important,” she said.",
        "Last one.",
    ]


def test_quote_is_found_across_line_breaks_and_quote_styles():
    passage = find_passage(SOURCE, "here. It goes")
    assert (passage.paragraph, passage.before, passage.quote, passage.after) == (
        1,
        "First paragraph ",
        "here. It goes",
        " on.",
    )
    styled = find_passage(SOURCE, '"It\'s extremely important,"')
    assert styled.paragraph == 2 and styled.quote == "“It’s extremely important,”"


def test_missing_or_empty_quote():
    assert find_passage(SOURCE, "not there") is None
    assert find_passage(SOURCE, "  ") is None

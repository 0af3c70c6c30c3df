from quizapp.core.passages import PassagePart, find_passages, paragraphs

SOURCE = "Title\n\nFirst paragraph here.\nIt goes on.\n\n“It’s extremely important,” she said.\n\nLast one."


def test_paragraphs_split_on_blank_lines_and_collapse_spacing():
    assert paragraphs(SOURCE) == [
        "Title",
        "First paragraph here. It goes on.",
        "“It’s extremely important,” she said.",
        "Last one.",
    ]


def runs(passage) -> list[tuple[str, bool]]:
    return [(part.text, part.quoted) for part in passage.parts]


def test_quote_is_found_across_line_breaks_and_quote_styles():
    [passage] = find_passages(SOURCE, ["here. It goes"])
    assert passage.paragraph == 1
    assert runs(passage) == [("First paragraph ", False), ("here. It goes", True), (" on.", False)]
    [styled] = find_passages(SOURCE, ['"It\'s extremely important,"'])
    assert styled.paragraph == 2 and styled.quotes == ("“It’s extremely important,”",)


def test_quotes_in_several_paragraphs_come_in_the_sources_order_each_paragraph_once():
    passages = find_passages(SOURCE, ["Last one", "she said", "First paragraph"])
    assert [p.paragraph for p in passages] == [1, 2, 3]
    assert [p.quotes for p in passages] == [("First paragraph",), ("she said",), ("Last one",)]


def test_two_quotes_in_one_paragraph_are_both_marked_in_it():
    [passage] = find_passages(SOURCE, ["It goes on.", "First"])
    assert runs(passage) == [("First", True), (" paragraph here. ", False), ("It goes on.", True)]


def test_overlapping_or_touching_quotes_make_one_marked_run():
    [passage] = find_passages(SOURCE, ["paragraph here", "here. It", "It goes on."])
    assert runs(passage) == [("First ", False), ("paragraph here. It goes on.", True)]
    [touching] = find_passages(SOURCE, ["First paragraph", "here."])
    assert touching.parts[0] == PassagePart("First paragraph", quoted=True)  # a space between: two runs
    [joined] = find_passages(SOURCE, ["First paragraph here", "here."])
    assert joined.parts[0] == PassagePart("First paragraph here.", quoted=True)


def test_missing_or_empty_quotes_are_left_out():
    assert find_passages(SOURCE, ["not there"]) == ()
    assert find_passages(SOURCE, ["  "]) == ()
    assert find_passages(SOURCE, []) == ()
    [found] = find_passages(SOURCE, ["not there", "Last one"])
    assert found.paragraph == 3


def test_a_quote_across_a_paragraph_break_is_not_marked():
    """Passages are paragraphs: a quote running into the next one has none to be marked in."""
    assert find_passages(SOURCE, ["It goes on. “It’s"]) == ()

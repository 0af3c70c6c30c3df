from quizapp.core.decks import deck_cards
from quizapp.core.interchange.quizlet import QuizletSeparators, read_quizlet
from quizapp.core.interchange.term_lists import read_anki_text
from quizapp.core.model import QuestionType
from tests.core.interchange.samples import bank_of, sample


def test_a_quizlet_export_becomes_cards_and_short_answer_questions():
    imported = read_quizlet(sample("quizlet.txt"))
    bank = bank_of(imported)
    assert [(c.term, c.definition) for c in bank.cards] == [
        ("platoon", "A small army unit; Kosovo sent one to Kuwait"),
        ("Pristina", "The capital of Kosovo, where the ceremony was held\\\nno separator on this line"),
        ("KFOR?", "A peacekeeping force"),
    ]
    question = bank.questions[1]
    assert question.type is QuestionType.SHORT
    assert question.prompt == f"Which term is meant: {bank.cards[1].definition}"
    assert question.answer.accepted == ("Pristina",) and question.answer.typos
    assert [(note.line, note.text) for note in imported.skipped] == [
        (4, "a line needs both a term and a definition"),
    ]
    assert [(note.line, note.text) for note in imported.notes] == [
        (
            3,
            "no separator (Tab) between term and definition: read as more of the definition of 'Pristina' (line 2)",
        ),
    ]


def test_quizlet_with_commas():
    bank = bank_of(
        read_quizlet(
            "Kuwait,where the platoon goes\nIowa,its National Guard commands\n", QuizletSeparators(",")
        )
    )
    assert [c.term for c in bank.cards] == ["Kuwait", "Iowa"]


def test_an_anki_text_export_reads_its_headers_html_tags_and_quoted_fields():
    imported = read_anki_text(sample("anki-notes.txt"))
    bank = bank_of(imported)
    history = ("kosovo", "history")
    # a back that cannot be typed makes a flashcard only; HTML fields as the bank's Markdown:
    # <br> a line break
    assert [(c.term, c.definition, c.tags) for c in bank.cards] == [
        ("Where did Kosovo send its first peacekeepers?", "Kuwait\\\n(RFE/RL)", ("kosovo", "mission")),
        (
            "How did the war end?",
            "NATO's air campaign ended it after 78 days, and Serbia's forces left",
            history,
        ),
    ]
    # any other note a question only, as Anki asks: the front the prompt (<i> italic), the
    # back's text accepted (not its Markdown)
    assert [(q.prompt, q.answer.accepted, q.tags) for q in bank.questions] == [
        ("Who is *Kosovo's* acting President?", ("Vjosa Osmani",), ("kosovo", "people")),
        ("From what, and when, did Kosovo declare independence?", ("Serbia; 2008",), history),
        ("How long did NATO's air campaign last?", ("78 days & nights",), history),
    ]
    assert all(q.type is QuestionType.SHORT and q.answer.typos for q in bank.questions)
    assert [(note.line, note.text) for note in imported.skipped] == [(9, "a note needs a front and a back")]
    assert [(note.line, note.text) for note in imported.notes] == [
        (5, "the back has several lines, too many to type as an answer: made a flashcard only"),
        (
            11,
            "the back is too long to type as an answer (68 characters, more than 60): made a flashcard only",
        ),
    ]


def test_anki_separators_and_plain_text_fields():
    text = "#separator:Semicolon\n#html:false\n<b>bold</b>;shown as typed\n#not a header;x\n"
    bank = bank_of(read_anki_text(text))
    assert bank.cards == ()
    assert [(q.prompt, q.answer.accepted) for q in bank.questions] == [
        ("<b>bold</b>", ("shown as typed",)),
        ("#not a header", ("x",)),
    ]


def test_anki_markup_is_dropped_never_kept():
    bank = bank_of(read_anki_text('<img src=x onerror="alert(1)">Kuwait<script>alert(1)</script>\tback\n'))
    assert [(q.prompt, q.answer.accepted) for q in bank.questions] == [("Kuwait", ("back",))]


def test_duplicate_terms_get_distinct_ids():
    imported = read_quizlet("Kuwait\tone\nKuwait\ttwo\n")
    assert [c["id"] for c in imported.cards] == ["card-kuwait", "card-kuwait-2"]
    assert [q["id"] for q in imported.questions] == ["kuwait", "kuwait-2"]
    assert len(bank_of(imported).cards) == 2


def test_a_field_longer_than_the_csv_limit_is_skipped_with_its_line_not_an_error():
    text = "Kuwait\tfirst\n" + "x" * 200_000 + "\tback\nLater\tnot read\n"
    imported = read_anki_text(text)
    assert [(q["prompt"], q["accept"]) for q in imported.questions] == [("Kuwait", ["first"])]
    assert imported.cards == []
    [note] = imported.skipped
    assert note.line == 2 and "cannot be read" in note.text


def test_a_tags_column_that_is_no_column_number_is_noted_not_an_error():
    """ "²".isdigit() is true but int() refuses it, as it refuses 5,000 digits: the import page
    and `flask import` failed with a 500. Such a header (or 0) is now ignored, with a note."""
    for value in ("\u00b2", "9" * 5000, "0", "-1", "12345"):
        imported = read_anki_text(f"#tags column:{value}\nKuwait\tfirst\tkosovo\n")
        assert [(q["prompt"], q["accept"]) for q in imported.questions] == [("Kuwait", ["first"])], value
        assert "tags" not in imported.questions[0], value
        [note] = imported.notes
        assert note.line == 1 and "no column number" in note.text
    imported = read_anki_text("#tags column:3\nKuwait\tfirst\tkosovo mission\n")
    assert imported.questions[0]["tags"] == ["kosovo", "mission"] and not imported.notes


def test_anki_html_fields_keep_their_formatting_and_answers_their_text():
    text = (
        "#separator:tab\n#html:true\n"
        "{{c1::<b>Pristina</b>::capital}} is <i>the</i> capital<br>1999. note\t"
        '<a href="https://example.org">source</a> <a href="javascript:x()">run</a>\n'
        "<b>__init__</b>\t# of troops &amp; <script>x()</script>more\n"
    )
    imported = read_anki_text(text)
    cloze, basic = imported.questions
    assert basic["prompt"] == "**\\_\\_init\\_\\_**"
    assert cloze["prompt"] == "{{1}} (capital) is *the* capital\\\n1999\\. note"
    assert cloze["blanks"] == [["Pristina"]]
    assert cloze["explanation"] == "[source](<https://example.org>) run"
    assert basic["accept"] == ["# of troops & more"] and imported.cards == []
    flashcards = deck_cards(bank_of(imported))
    assert [(c.key, c.front, c.back) for c in flashcards[1:]] == [
        (f"q:{basic['id']}", "**\\_\\_init\\_\\_**", "\\# of troops & more")
    ]
    assert [(note.line, note.text) for note in imported.notes] == [
        (3, "a link in its HTML left out: a bank holds only text"),  # javascript: is no address to keep
        (3, "a cloze hint is shown in brackets after its blank"),
    ]


def test_a_cloze_note_a_cloze_question_cannot_ask_is_skipped_by_line():
    """A literal "{{2}}" in the note's text, or a deletion inside a link's address, would make a
    prompt the bank check refuses: the note is skipped with why, the others come in."""
    text = (
        "#separator:tab\n#html:true\n#notetype column:1\n"
        "Cloze\tType &#123;&#123;2}} for {{c1::a blank}}\t\n"
        'Cloze\t<a href="https://e.org/{{c1::x}}">see</a>\t\n'
        "Cloze\tThe capital is {{c1::Pristina}}.\t\n"
    )
    imported = read_anki_text(text)
    assert [(note.line, note.text.split(",")[0]) for note in imported.skipped] == [
        (4, "its text holds a '{{n}}' of its own or a deletion inside a link"),
        (5, "its text holds a '{{n}}' of its own or a deletion inside a link"),
    ]
    assert [question["prompt"] for question in imported.questions] == ["The capital is {{1}}."]
    bank_of(imported)


def test_an_anki_field_holding_a_unicode_line_separator_stays_one_field():
    """Anki ends lines with "\\n"; U+2028, "\\x85" or "\\f" inside a field are text, not line ends."""
    for inside in ("\u2028", "\x85", "\x0c"):
        imported = read_anki_text(
            f"#separator:tab\n#html:false\n#tags column:3\nCapital?\tParis{inside}Rome\tgeo\n"
        )
        assert imported.skipped == [] and imported.cards == []
        [question] = imported.questions  # one line, short: a question; the separator a space
        assert (question["prompt"], question["accept"], question["tags"]) == (
            "Capital?",
            ["Paris Rome"],
            ["geo"],
        )


def test_an_anki_deck_of_n_basic_notes_is_n_flashcards():
    """Each Basic note is one card of the study deck, as in Anki: a note asked as a question is
    not also a term card (a new user found every short note twice)."""
    fronts = [f"Question {n}?" for n in range(1, 8)]
    backs = ["Pristina", "1999", "Serbia; 2008", "two<br>lines", "x " * 40, "Vjosa Osmani", "***"]
    text = "#separator:tab\n#html:true\n" + "".join(f"{f}\t{b}\n" for f, b in zip(fronts, backs, strict=True))
    imported = read_anki_text(text)
    assert (len(imported.questions), len(imported.cards)) == (4, 3)
    flashcards = deck_cards(bank_of(imported))
    assert sorted(card.front for card in flashcards) == sorted(fronts)  # each front once
    assert len({card.key for card in flashcards}) == len(fronts)

    sample_bank = bank_of(read_anki_text(sample("anki-notes.txt")))  # 5 notes, 1 line skipped
    assert sorted(card.front for card in deck_cards(sample_bank)) == sorted(
        [
            "Where did Kosovo send its first peacekeepers?",
            "Who is *Kosovo's* acting President?",
            "From what, and when, did Kosovo declare independence?",
            "How long did NATO's air campaign last?",
            "How did the war end?",
        ]
    )


def test_a_deck_whose_backs_are_all_too_long_to_type_says_a_question_is_needed():
    """Every note a flashcard only: the bank check asks for a question, and the report says why."""
    long_back = "A plan for the status of Kosovo, put forward by the UN envoy in 2007, with supervision"
    imported = read_anki_text(f"#separator:tab\n#html:false\nThe Ahtisaari plan?\t{long_back}\n")
    assert imported.questions == [] and len(imported.cards) == 1
    assert [(note.line, note.text.split(",")[0]) for note in imported.notes] == [
        (3, f"the back is too long to type as an answer ({len(long_back)} characters"),
        (1, "no note has a back short enough to type"),
    ]

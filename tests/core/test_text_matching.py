import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quizapp.core.text_matching import (
    MAX_ANSWER_LENGTH,
    MIN_TYPO_LENGTH,
    SYMBOLS,
    comparable,
    compared_length,
    edit_distance,
    edit_distance_within,
    literal_entry,
    matches,
    matches_any,
    normalize,
    number_answer,
    read_entry,
    typo_budget,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kuwait", "kuwait"),
        ("  KUWAIT.  ", "kuwait"),
        ("Priština", "pristina"),
        ("Prishtinë", "prishtine"),
        ("U.S. Central   Command", "us central command"),
        ("Kosovo’s", "kosovos"),
        ("Kosovo's", "kosovos"),
        ("“armed forces”", "armed forces"),
        ("Al-Jazeera", "al jazeera"),
        ("ＫＵＷＡＩＴ", "kuwait"),  # full-width letters (NFKD)
        ("Straße", "strasse"),  # casefold
        ("", ""),
        ("?!...", ""),
    ],
)
def test_normalize_folds_case_diacritics_punctuation_and_space(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("accepted", "response", "typos", "ok"),
    [
        ("Kuwait", "kuwait", False, True),
        ("Kuwait", " Kuwait! ", False, True),
        ("Kuwait", "Kuwiat", False, False),
        ("Kuwait", "Kuwiat", True, True),  # transposition = 1 edit
        ("Kuwait", "Kuwat", True, True),  # deletion
        ("Kuwait", "Kuvajt", True, False),  # 2 edits on 6 letters
        ("Iowa", "Iowa", True, True),
        ("Iowa", "Iowo", True, False),  # 4 letters: too short for typos ("Iota" is not "Iowa")
        ("Iraq", "Iran", True, False),
        ("Serbia", "Serbai", True, True),  # 6 letters: 1 edit
        ("USA", "USB", True, False),  # under 4 letters: exact only
        ("Central Command", "Centrl Comand", True, True),  # 15 letters: 2 edits
        ("Central Command", "Centl Comnd", True, False),  # 4 edits
        ("Pristina", "Priština", False, True),
        ("*armed forces", "Kosovo Armed Forces", False, True),
        ("*armed forces", "armed forces", False, True),
        ("*armed forces", "armed force", False, False),
        ("*armed forces", "unarmed forces", False, False),  # * stands for whole words
        ("*security force", "no security force", False, True),
        ("Iowa * Guard", "Iowa National Guard", False, True),
        ("Iowa * Guard", "Iowa Guard", False, True),
        ("Iowa*", "Iowan", False, False),
        ("2008", "2009", True, False),  # typos are never forgiven in numbers
        ("Serbia 2008", "Serbai 2008", True, True),
        ("Serbia 2008", "Serbia 2009", True, False),
        ("5,000", "5000", False, True),  # numbers compare as numbers
        ("3,400", "3 400", False, True),
        ("3.5", "35", False, False),
        ("-5", "5", False, False),
        ("3000", "30.00", False, False),
        ("5,000", "5.000", False, True),  # as in numeric: a full stop may group thousands ...
        ("5", "5.000", False, True),  # ... or be a decimal point
        ("1234567", "1.234.567", False, True),
        ("5,000", "5.00", False, False),
        ("Đakovica", "Dakovica", False, True),
        ("Łódź", "Lodz", False, True),
        ("Kuwait", "", False, False),
        ("Kuwait", "   ", True, False),
        ("Kuwait", "...", True, False),
        ("*", "", False, False),
    ],
)
def test_matches(accepted, response, typos, ok):
    assert matches(accepted, response, typos) is ok


def test_huge_response_is_refused_without_comparing():
    huge = "kuwait " * (MAX_ANSWER_LENGTH // 7 + 1)
    assert not matches("Kuwait", huge, typos=True)
    assert not matches("*", huge)


def test_typo_budget_grows_with_length():
    assert [typo_budget(n) for n in (0, 3, 4, 5, 9, 10, 40)] == [0, 0, 0, 1, 1, 2, 2]


@pytest.mark.parametrize(
    ("a", "b", "limit", "ok"),
    [
        ("abc", "abc", 0, True),
        ("abcd", "abdc", 1, True),  # adjacent transposition is one edit
        ("abcd", "dcba", 2, False),
        ("", "ab", 2, True),
        ("", "abc", 2, False),
        ("kitten", "sitting", 3, True),
        ("kitten", "sitting", 2, False),
    ],
)
def test_edit_distance_within(a, b, limit, ok):
    assert edit_distance_within(a, b, limit) is ok


def test_wildcards_match_word_by_word():
    # a backtracking regex took tens of seconds on this; word-by-word matching cannot blow up
    assert not matches("*e*e*e*x", "e " * 499)
    assert matches("*e*e*e*x", "e " * 499 + "x")


# --- Leading articles, rejected answers, distractors, number words (issue 15) -----------------


@pytest.mark.parametrize(
    ("accepted", "response", "ok"),
    [
        ("U.S. Central Command", "the U.S. Central Command", True),
        ("U.S. Central Command", "The U.S. Central Command", True),
        ("the Balkans", "Balkans", True),  # on either side
        ("Balkans", "a Balkans", True),
        ("State of Kuwait", "the State of Kuwait", True),
        ("armed forces", "an armed forces", True),
        ("armed forces", "the the armed forces", True),  # every leading article
        ("Balkans", "Balkans the", False),  # only at the start
        ("Kuwait", "theKuwait", False),  # a whole word
        ("A", "a", True),  # a last word is kept: "A" is an answer
        ("A", "the a", True),
        ("Kuwait", "the", False),
        ("the * Guard", "Iowa Guard", True),  # patterns too
        ("*armed forces", "the armed forces", True),
        ("9", "the nine", True),
    ],
)
def test_leading_articles_are_ignored(accepted, response, ok):
    assert matches(accepted, response) is ok


@pytest.mark.parametrize(
    ("accepted", "response", "ok"),
    [
        ("9", "nine", True),
        ("9", "Nine", True),
        ("22", "twenty-two", True),
        ("22", "Twenty Two", True),
        ("5,000", "five thousand", True),
        ("2008", "two thousand and eight", True),
        ("twenty-two", "22", True),  # an accepted answer in words is a number too
        ("9", "ninth", False),  # ordinals are words, not numbers
        ("9", "nineteen", False),
        ("5,000", "5,000x", False),  # a number answer takes numbers only: no typo in its digits
        ("5,000", "5 thousand", False),
    ],
)
def test_number_words_are_numbers(accepted, response, ok):
    assert matches(accepted, response, typos=True) is ok


def test_a_rejected_answer_never_counts_and_typos_never_reach_it():
    accepted, rejected = ("armed forces",), ("unarmed forces",)
    assert matches_any(accepted, "unarmed forces", typos=True)  # without the reject list: 2 slips
    assert matches_any(accepted, "inarmed forces", typos=True)
    assert not matches_any(accepted, "unarmed forces", typos=True, rejected=rejected)
    assert not matches_any(accepted, "Unarmed Forces.", typos=True, rejected=rejected)
    assert not matches_any(accepted, "the unarmed forces", typos=True, rejected=rejected)
    assert not matches_any(accepted, "inarmed forces", typos=True, rejected=rejected)  # nearer the reject
    assert matches_any(accepted, "armed forcs", typos=True, rejected=rejected)  # nearer the answer
    assert matches_any(accepted, "armed forces", typos=True, rejected=rejected)


def test_an_answer_as_close_to_a_rejected_one_as_to_the_right_one_is_refused():
    # "Eastern Balkans" is 2 slips from "Western Balkans", which 15 letters allow
    assert matches_any(("Western Balkans",), "Eastern Balkans", typos=True)
    assert matches_any(("Western Balkans",), "Westrn Balkans", typos=True, rejected=("Eastern Balkans",))
    assert not matches_any(("Western Balkans",), "Eastern Balkans", typos=True, rejected=("Eastern Balkans",))
    tie = "abcdefghij"  # 1 from each
    assert matches_any(("abcdefghiX",), tie, typos=True)
    assert not matches_any(("abcdefghiX",), tie, typos=True, rejected=("abcdefghiY",))


def test_a_rejected_pattern_refuses_every_answer_it_matches():
    accepted = ("armed forces", "Kosovo armed forces")
    assert not matches_any(accepted, "Kosovo unarmed forces", typos=True, rejected=("*unarmed*",))
    assert matches_any(accepted, "Kosovo unarmed forces", typos=True)  # 2 slips from an accepted answer


def test_distractors_only_stop_typos():
    # in a cloze, the other blanks' answers: a typo must not land nearer them
    assert matches_any(("exporting",), "exportin", typos=True, distractors=("importing",))
    assert not matches_any(("exporting",), "xporting", typos=True, distractors=("importing", "xporting"))
    assert matches_any(("exporting",), "exporting", distractors=("exporting",))  # exact stays right


def test_typos_are_off_below_the_documented_length():
    assert MIN_TYPO_LENGTH == 5
    assert not matches("Iowa", "Iowo", typos=True)
    assert not matches("the Iowa", "Iowo", typos=True)  # the article does not count
    assert matches("Idaho", "Idahoo", typos=True)


@pytest.mark.parametrize(
    ("a", "b", "limit", "distance"),
    [
        ("armed forces", "unarmed forces", 5, 2),
        ("kuwait", "kuwiat", 3, 1),
        ("abc", "xyz", 1, 2),
        ("", "", 0, 0),
    ],
)
def test_edit_distance_stops_past_its_limit(a, b, limit, distance):
    assert edit_distance(a, b, limit) == distance


def test_number_answers():
    assert number_answer(("5,000",)) and number_answer(("22", "twenty-two"))
    assert not number_answer(("9", "ninth")) and not number_answer(("*5",)) and not number_answer(())


# --- Properties (Hypothesis) ----------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "armed",
        "forces",
        "unarmed",
        "the",
        "a",
        "an",
        "kuwait",
        "kuwiat",
        "iowa",
        "balkans",
        "9",
        "nine",
        "22",
        "twenty",
        "two",
        "5,000",
        "central",
        "command",
        "x",
        "*",
    ]
)
_TEXTS = st.lists(_WORDS, min_size=1, max_size=4).map(" ".join)
_NOISY = st.one_of(_TEXTS, st.text(alphabet="abcdeknrstuvw .,'-9", min_size=1, max_size=16))
_ARTICLE = st.sampled_from(["the ", "The ", "a ", "A ", "an ", "AN "])


@settings(max_examples=400, deadline=None)
@given(
    accepted=st.lists(_TEXTS, min_size=1, max_size=3),
    rejected=st.lists(_TEXTS.filter(lambda text: "*" not in text), max_size=2),
    response=_NOISY,
    article=_ARTICLE,
    typos=st.booleans(),
)
def test_a_leading_article_never_changes_a_verdict(accepted, rejected, response, article, typos):
    assume(comparable(response))  # an empty answer stays empty; "the" alone is a word
    before = matches_any(tuple(accepted), response, typos, tuple(rejected))
    assert matches_any(tuple(accepted), article + response, typos, tuple(rejected)) is before


_PLAIN_TEXTS = _TEXTS.filter(lambda text: "*" not in text)


@st.composite
def _slipped(draw, texts):
    """One of ``texts`` with up to 2 slips: a letter dropped, added or changed."""
    text = draw(st.sampled_from(texts))
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(text)))
        letter = draw(st.sampled_from("aeinrstu"))
        text = draw(
            st.sampled_from(
                [
                    text[:at] + text[at + 1 :],
                    text[:at] + letter + text[at:],
                    text[:at] + letter + text[at + 1 :],
                ]
            )
        )
    return text


@settings(max_examples=500, deadline=None)
@given(data=st.data(), accepted=st.lists(_PLAIN_TEXTS, min_size=1, max_size=3))
def test_typos_never_accept_a_rejected_answer_or_anything_at_least_as_close_to_one(data, accepted):
    # wrong answers a slip or two from the right ones, as teachers list them ("unarmed forces")
    rejected = data.draw(st.lists(st.one_of(_slipped(accepted), _PLAIN_TEXTS), min_size=1, max_size=3))
    accepted, rejected = tuple(accepted), tuple(rejected)
    assume(not any(matches_any(accepted, wrong) for wrong in rejected))  # as the bank check demands
    for wrong in rejected:
        assert not matches_any(accepted, wrong, typos=True, rejected=rejected)
    response = data.draw(st.one_of(_slipped(rejected), _slipped(accepted), _NOISY))
    if matches_any(accepted, response, typos=True, rejected=rejected) and not matches_any(accepted, response):
        given_text = comparable(response)
        nearest_right = min(edit_distance(given_text, comparable(option), 100) for option in accepted)
        nearest_wrong = min(edit_distance(given_text, comparable(option), 100) for option in rejected)
        assert nearest_right < nearest_wrong


@settings(max_examples=300, deadline=None)
@given(accepted=_TEXTS.filter(lambda text: "*" not in text), response=_NOISY)
def test_no_typo_is_forgiven_in_an_answer_shorter_than_the_threshold(accepted, response):
    assume(len(comparable(accepted)) < MIN_TYPO_LENGTH)
    assert matches(accepted, response, typos=True) is matches(accepted, response)


# --- A literal "*": written \* in an entry (issue 16) -----------------------------------------------


@pytest.mark.parametrize(
    ("written", "texts", "shown"),
    [
        ("Kuwait", ("Kuwait",), "Kuwait"),
        ("*armed forces", ("", "armed forces"), "armed forces"),  # a pattern
        ("\\*args", ("*args",), "*args"),  # a literal "*"
        ("\\*args *", ("*args ", ""), "*args "),  # a literal "*", then a wildcard
        ("a\\\\b", ("a\\b",), "a\\b"),  # "\\" is one backslash
        ("a\\\\*", ("a\\", ""), "a\\"),  # a backslash, then a wildcard
        ("a\\\\\\*", ("a\\*",), "a\\*"),  # a backslash, then a literal "*"
        ("C:\\new", ("C:\\new",), "C:\\new"),  # any other backslash is itself
        ("end\\", ("end\\",), "end\\"),
    ],
)
def test_an_entry_is_read_once_into_its_literal_texts_and_wildcards(written, texts, shown):
    entry = read_entry(written)
    assert entry.texts == texts
    assert entry.pattern == (len(texts) > 1)
    assert entry.text == shown


@given(st.text(alphabet="ab *\\", max_size=12))
def test_a_literal_entry_reads_back_as_the_text_it_was_made_of(text):
    entry = read_entry(literal_entry(text))
    assert not entry.pattern and entry.text == text


@pytest.mark.parametrize(
    ("accepted", "response", "typos", "ok"),
    [
        ("\\*args", "*args", False, True),
        ("\\*args", "* args", False, True),  # "*" is a word of its own, as punctuation separates words
        ("\\*args", "*ARGS.", False, True),
        ("\\*args", "＊args", False, True),  # a full-width asterisk (NFKD)
        ("\\*args", "args", False, False),  # the "*" is part of the answer
        ("\\*args", "args", True, False),
        ("\\*args", "**args", False, False),
        ("\\*args", "kwargs args", False, False),  # not a pattern
        ("\\*args", "*argz", True, True),  # a slip in its letters is forgiven
        ("\\*\\*keyword_arguments", "** keyword _ arguments", False, True),
        ("\\*\\*keyword_arguments", "**keyword arguments", False, False),  # its "_" counts too
        ("\\*\\*keyword_arguments", "keyword_arguments", True, False),  # two edits, but in its "*"
        ("\\*\\*keyword_arguments", "*keyword_arguments", True, False),
        ("\\*\\*keyword_arguments", "**keyword_argumnts", True, True),
        ("\\*args *", "*args and more", False, True),  # a literal "*" in a pattern
        ("\\*args *", "args and more", False, False),
        ("args", "*args", False, True),  # without \*, a "*" typed is punctuation, as before
    ],
)
def test_a_literal_star_must_be_typed(accepted, response, typos, ok):
    assert matches_any((accepted,), response, typos) is ok


def test_a_literal_star_in_a_rejected_answer_rejects_only_with_the_star():
    accepted, rejected = ("keyword arguments",), ("\\*\\*keyword_arguments",)
    assert not matches_any(accepted, "**keyword_arguments", rejected=rejected)
    assert matches_any(accepted, "keyword arguments", rejected=rejected)
    # a slip is refused when it is as close to the rejected answer as to the right one
    assert not matches_any(accepted, "**keyword_argument", typos=True, rejected=rejected)
    assert matches_any(accepted, "keyword argumnts", typos=True, rejected=rejected)


def test_a_literal_star_makes_no_number():
    assert number_answer(("2008",)) and not number_answer(("\\*2008",))
    assert matches_any(("\\*2008",), "*2008") and not matches_any(("\\*2008",), "2008")


# --- Symbols: when an entry holds one, every symbol counts (the literal "*" is one of them) -------


@pytest.mark.parametrize(
    ("accepted", "response", "typos", "ok"),
    [
        ("__init__", "__init__", False, True),
        ("__init__", "__INIT__.", False, True),  # case and a full stop, as ever
        ("__init__", "__init__()", False, True),  # brackets are prose punctuation: they separate
        ("__init__", "__ init __", False, True),  # each symbol is a word of its own
        ("__init__", "init", False, False),
        ("__init__", "init", True, False),
        ("__init__", "_init_", False, False),
        ("__init__", "_init_", True, False),  # never a typo in a symbol
        ("__init__", "___init__", True, False),
        ("__init__", "__inti__", True, True),  # a slip in its letters is forgiven (8 long)
        ("__init__", "-init-", False, False),  # a hyphen is no underscore
        ("C++", "C++", False, True),
        ("C++", "c ++", False, True),
        ("C++", "C", False, False),
        ("C++", "C+", False, False),
        ("C++", "C+", True, False),
        ("C++", "C#", False, False),
        ("C++", "D++", True, False),  # 3 long as written ("C++"): no typo is forgiven
        ("C#", "C#", False, True),
        ("C#", "C sharp", False, False),
        ("C#", "C", False, False),
        ("C#", "C", True, False),
        ("C#", "＃c", False, False),  # a full-width "#" is "#" (NFKD), but in its place
        ("C#", "c＃", False, True),
        ("AT&T", "AT&T", False, True),
        ("AT&T", "at & t", False, True),
        ("AT&T", "AT and T", False, False),  # "&" is not read as "and": list both
        ("AT&T", "ATT", False, False),
        ("AT and T", "AT&T", False, False),  # an entry without symbols: "&" separates words, as ever
        ("AT and T", "AT and T!", False, True),
        ("x <= y", "x<=y", False, True),
        ("x <= y", "x < y", False, False),
        ("x <= y", "x >= y", True, False),
        ("a|b", "a | b", False, True),
        ("a|b", "a/b", False, False),  # a slash is prose punctuation, no "|"
        ("user@example", "user@example", False, True),
        ("user@example", "user example", False, False),
        ("$HOME", "$home", False, True),
        ("$HOME", "HOME", False, False),
        ("x^2", "x^2", False, True),
        ("x^2", "x2", False, False),
        ("~user", "~user", False, True),
        ("C:\\new", "C:\\new", False, True),  # a backslash is a symbol: "C:" then "\" then "new"
        ("C:\\new", "c: new", False, False),
        ("a=b", "a = b", False, True),
        ("a=b", "a b", False, False),
        ("snake_case", "snake_case", False, True),
        ("snake_case", "snake case", False, False),
        ("snake_case", "snake-case", False, False),
        ("snake_case", "snak_case", True, True),
        ("init", "__init__", False, True),  # an entry without symbols ignores those typed, as before
        ("C", "C++", False, True),
        ("Kuwait", "Kuwait!?", False, True),  # prose punctuation is never a symbol
        ("Al-Jazeera", "al jazeera", False, True),
        ("5%", "5%", False, True),  # "5%" is text with a symbol, not a number
        ("5%", "5 %", False, True),
        ("5%", "5", False, False),
        ("5%", "five %", False, False),  # its number is compared as digits, as in any text
        ("5%", "6%", True, False),
        ("+7", "7", False, True),  # "+7" is read as a number (numeric rules): the "+" is its sign
        ("+7", "seven", False, True),
        ("5_000", "5000", False, True),  # "_" between digits groups thousands: a number
        ("5_000", "five thousand", False, True),
        ("the C++", "C++", False, True),  # a leading article still never matters
        ("C++ *", "C++ language", False, True),  # a pattern with a symbol
        ("C++ *", "C language", False, False),
        ("*_t", "size_t", False, True),  # "_" is a word of its own: "size_t" is "size _ t"
        ("*_t", "size t", False, False),
        ("a_", "a_", False, True),  # an article before a symbol is no article
        ("a_", "_", False, False),
    ],
)
def test_symbols_in_an_entry_must_be_typed(accepted, response, typos, ok):
    assert matches_any((accepted,), response, typos) is ok


@pytest.mark.parametrize(
    ("accepted", "rejected", "response", "typos", "ok"),
    [
        ("__init__", "init", "init", False, False),  # a rejected answer without symbols
        ("__init__", "init", "__init__", False, True),
        ("__init__", "init", "__inti__", True, True),  # nearer the accepted answer than "init"
        ("C++", "C", "C", False, False),
        ("C++", "C", "C++", False, True),
        ("init", "__init__", "__init__", False, False),  # the rejected answer is read first
        ("init", "__init__", "init", False, True),
        ("Python", "\\*", "*", False, False),
    ],
)
def test_symbols_in_rejected_answers(accepted, rejected, response, typos, ok):
    assert matches_any((accepted,), response, typos, rejected=(rejected,)) is ok


@pytest.mark.parametrize(
    ("words", "length"),
    [("c + +", 3), ("_ _ init _ _", 8), ("* args", 5), ("at & t", 4), ("iowa national guard", 19), ("+", 1)],
)
def test_the_typo_allowance_is_measured_without_the_spaces_around_symbols(words, length):
    assert compared_length(words) == length


@given(st.text(alphabet="ab _+#*%-.", max_size=12))
def test_an_entry_with_symbols_accepts_itself_and_never_one_without_them(text):
    entry = literal_entry(text)
    assume(comparable(text))
    assert matches_any((entry,), text, typos=True)
    if read_entry(entry).symbols:
        stripped = "".join(char for char in text if char not in SYMBOLS)
        assert not matches_any((entry,), stripped, typos=True)


def _full_grid_distance(a: str, b: str, limit: int) -> int:
    """The optimal string alignment distance over the whole grid: what the banded one must give."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, previous2[j - 2] + 1)
            current[j] = best
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


@settings(max_examples=500, deadline=None)
@given(st.text("ab c_", max_size=12), st.text("ab c_", max_size=12), st.integers(0, 3))
def test_the_banded_edit_distance_is_the_full_one(a, b, limit):
    """Only cells within ``limit`` of the diagonal are worked out (a 1,800-character answer with
    typos forgiven took seconds per check): the result is the same."""
    assert edit_distance(a, b, limit) == _full_grid_distance(a, b, limit)


@pytest.mark.parametrize(
    ("accepted", "typed", "right"),
    [
        ("$3.50", "$350", False),  # a decimal point between digits stays: not the same amount
        ("$3.50", "$3.50", True),
        ("5.5%", "55%", False),
        ("5.5%", "5.5 %", True),
        ("U.S. Army", "US army", True),  # full stops elsewhere still vanish
    ],
)
def test_a_decimal_point_inside_a_text_answer_counts(accepted, typed, right):
    assert matches_any((accepted,), typed) is right

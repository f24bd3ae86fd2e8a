import re

import pytest

from pipeline.extract.sentences import split_sentences


def texts(text: str, language: str = "en") -> list[str]:
    return [s.text for s in split_sentences(text, language)]


ARTICLE = (
    "  BAKU, Azerbaijan, April 13. Russian Foreign Minister Sergey Lavrov met Mr. Bayramov in Moscow.\n"
    "The U.S. envoy was not present. The talks lasted two hours.\n"
    "\n"
    "1. The sides signed a memorandum. 2. They agreed to meet again.\n"
    "\n"
    '"We discussed the peace process," Lavrov said. “The talks were useful.”   \n'
)


def test_offsets_give_back_each_sentence_and_indexes_count_up():
    sentences = split_sentences(ARTICLE)
    assert len(sentences) >= 7
    for i, sentence in enumerate(sentences):
        assert sentence.index == i
        assert ARTICLE[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))


def test_leading_whitespace_is_not_part_of_the_first_sentence():
    first = split_sentences(ARTICLE)[0]
    assert first.start == 2
    assert first.text.startswith("BAKU")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. envoy met Mr. Lavrov in Baku. The talks lasted two hours.",
            ["The U.S. envoy met Mr. Lavrov in Baku.", "The talks lasted two hours."],
        ),
        (
            "Mr. Bayramov arrived in Moscow. Dr. Smith met him at the airport.",
            ["Mr. Bayramov arrived in Moscow.", "Dr. Smith met him at the airport."],
        ),
    ],
)
def test_abbreviations_do_not_end_a_sentence(text, expected):
    assert texts(text) == expected


def test_numbered_list_marker_merges_into_its_sentence():
    text = "Intro line.\n\n1. The sides signed a memorandum. 2. They agreed to meet again."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Intro line.",
        "1. The sides signed a memorandum.",
        "2. They agreed to meet again.",
    ]
    assert sentences[1].start == text.index("1.")
    assert sentences[2].start == text.index("2.")


def test_lettered_list_marker_merges_into_its_sentence():
    assert texts("The points were listed.\n\n(b) Russian troops withdraw from Lachin.") == [
        "The points were listed.",
        "(b) Russian troops withdraw from Lachin.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Lavrov said so. "We will meet again," he added.',
            ["Lavrov said so.", '"We will meet again," he added.'],
        ),
        (
            "Lavrov said so. “We will meet again,” he added.",
            ["Lavrov said so.", "“We will meet again,” he added."],
        ),
        (
            'The sides met. "The talks were useful," Lavrov said. "We agreed on a lot."',
            ["The sides met.", '"The talks were useful," Lavrov said.', '"We agreed on a lot."'],
        ),
    ],
)
def test_an_opening_quote_starts_the_next_sentence(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_russian_guillemet_opens_the_next_sentence():
    text = "Лавров сказал так. «Мы встретимся снова», — добавил он."
    assert texts(text, "ru") == ["Лавров сказал так.", "«Мы встретимся снова», — добавил он."]


def test_russian_text_is_split_into_sentences():
    text = "Лавров встретился с Байрамовым. Стороны обсудили ситуацию в регионе."
    assert texts(text, "ru") == ["Лавров встретился с Байрамовым.", "Стороны обсудили ситуацию в регионе."]


def test_a_sentence_never_spans_two_paragraphs():
    text = "Aliyev arrived in Moscow\n\nPutin met him at the Kremlin."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Aliyev arrived in Moscow", "Putin met him at the Kremlin."]
    assert all("\n\n" not in s.text for s in sentences)


def test_a_single_line_break_does_not_split_a_paragraph():
    text = "The commission met in Baku\nand discussed trade. It will meet again."
    assert texts(text) == ["The commission met in Baku\nand discussed trade.", "It will meet again."]


def test_empty_and_blank_text_have_no_sentences():
    assert split_sentences("") == []
    assert split_sentences("  \n\n  ") == []


def test_sentences_are_those_of_spacys_sentencizer_on_every_seed():
    from pathlib import Path

    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for path in sorted((Path(__file__).resolve().parents[1] / "seeds").iterdir()):
        text = path.read_text(errors="replace")
        for paragraph in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
            expected = [s.text.strip() for s in nlp(paragraph.group()).sents if s.text.strip()]
            ours = [s.text for s in split_sentences(paragraph.group())]
            if not any(re.fullmatch(r"\(?[\dA-Za-z]{1,3}[.)]", e) or e[-1:] in '"“«' for e in expected):
                assert ours == expected, path.name


def test_a_paragraph_ending_in_quotes_and_brackets_is_one_sentence():
    assert texts('He said the talks were "useful."') == ['He said the talks were "useful."']
    assert texts("The talks were useful (Reuters).") == ["The talks were useful (Reuters)."]
    assert texts("Talks were held in Baku. $") == ["Talks were held in Baku.", "$"]


def test_a_run_on_paragraph_is_cut_into_bounded_pieces_at_spaces():
    from pipeline.extract.sentences import MAX_SENTENCE_CHARS

    text = "Lavrov met Bayramov in Moscow and they discussed the border " * 200  # no full stop anywhere
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS and text[s.start : s.end] == s.text for s in sentences)
    assert all(not s.text[0].isspace() and not s.text[-1].isspace() for s in sentences)
    assert " ".join(s.text for s in sentences) == text.strip()

"""Sentences of the cleaned text with their character offsets (spaCy's tokenizer and the rule of its
sentencizer).

spaCy's tokenizer knows the abbreviations ("U.S.", "Mr.", "Jan.") that fool a plain regex, and a blank
pipeline loads no model; pysbd was measured at four times the cost per article.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
# A fragment like "2." or "(b)" left by a numbered list belongs to the sentence after it.
LIST_MARKER = re.compile(r"^\(?[\dA-Za-z]{1,3}[.)]$")
OPENING_QUOTES = '"“«'
MAX_SENTENCE_CHARS = 2000
# What may follow a sentence's last full stop without starting another sentence: for spaCy's sentencizer these
# are punctuation tokens, so a paragraph whose full stops are all in this tail is one sentence.
SENTENCE_TAIL = "\"'“”‘’«»)]} \t\n\r\u00a0"


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@functools.cache
def _tokenizer(language: str):
    import spacy

    return spacy.blank(language if language in ("en", "ru", "az") else "xx").tokenizer


@functools.cache
def _punct_chars(language: str) -> tuple[str, re.Pattern, frozenset[int]]:
    """The sentencizer's sentence-ending characters: as a strip set (with the tail), as a search pattern,
    and as the tokenizer's ids of the one-character tokens they form."""
    from spacy.pipeline import Sentencizer

    chars = "".join(sorted(Sentencizer.default_punct_chars))
    ids = frozenset(_tokenizer(language).vocab.strings.add(c) for c in chars)
    return chars + SENTENCE_TAIL, re.compile(f"[{re.escape(chars)}]"), ids


def _paragraph_sentences(paragraphs: list[str], language: str) -> list[list[tuple[int, int]]]:
    """Each paragraph's sentences as (start, end) within it, by the rule of spaCy's sentencizer: a sentence
    ends at a full-stop token and the punctuation after it. Most paragraphs of news are one sentence and are
    not tokenized; the rest are read from the tokenizer's arrays, since making a Python object per token was
    most of the cost."""
    from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH

    tail, sentence_end, full_stops = _punct_chars(language)
    several = [i for i, paragraph in enumerate(paragraphs) if _ends_inside(paragraph.rstrip(tail), sentence_end)]
    result = [[(0, len(paragraph))] for paragraph in paragraphs]
    for i, doc in zip(several, _tokenizer(language).pipe(paragraphs[i] for i in several), strict=True):
        tokens = doc.to_array([ORTH, IS_PUNCT, IDX, LENGTH]).tolist()
        starts, seen_full_stop = [0], False
        for n, (orth, is_punct, _idx, _length) in enumerate(tokens):
            if orth in full_stops:
                seen_full_stop = True
            elif seen_full_stop and not is_punct:
                starts.append(n)
                seen_full_stop = False
        ends = [*starts[1:], len(tokens)]
        result[i] = [(tokens[s][2], tokens[e - 1][2] + tokens[e - 1][3]) for s, e in zip(starts, ends, strict=True)]
    return result


def _ends_inside(paragraph: str, sentence_end: re.Pattern) -> bool:
    # The full stop decides most paragraphs at the cost of a substring test; the whole class is a slow search.
    return "." in paragraph or sentence_end.search(paragraph) is not None


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """Sentences in order; `text[s.start:s.end] == s.text`. A sentence never spans two paragraphs."""
    spans: list[tuple[int, int]] = []
    paragraphs = list(PARAGRAPH.finditer(text))
    for paragraph, sentences in zip(
        paragraphs, _paragraph_sentences([m.group() for m in paragraphs], language), strict=True
    ):
        pending = None
        for sent_start, sent_end in sentences:
            start, end = paragraph.start() + sent_start, paragraph.start() + sent_end
            piece = text[start:end]
            start += len(piece) - len(piece.lstrip())
            end -= len(piece) - len(piece.rstrip())
            if start >= end:
                continue
            if pending is not None:
                start, pending = pending, None
            if LIST_MARKER.match(text[start:end]):
                pending = start
                continue
            spans.append((start, end))
        if pending is not None:
            spans.append((pending, paragraph.end()))
    # An opening quotation mark the sentencizer left at the end of a sentence opens the next one.
    for i in range(len(spans) - 1):
        start, end = spans[i]
        if end - start > 1 and text[end - 1] in OPENING_QUOTES and text[end - 2].isspace():
            spans[i] = (start, len(text[: end - 1].rstrip()))
            spans[i + 1] = (end - 1, spans[i + 1][1])
    spans = [piece for span in spans for piece in _bounded(text, *span)]
    return [Sentence(i, s, e, text[s:e]) for i, (s, e) in enumerate(spans)]


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run-on "sentence" (a table, a list without full stops) cut at whitespace into pieces of at most
    MAX_SENTENCE_CHARS: coding a sentence costs more than linear time in its length, and no news sentence is
    this long."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append((start, len(text[:cut].rstrip())))
        start = cut + len(text[cut:end]) - len(text[cut:end].lstrip())
    return [*pieces, (start, end)] if start < end else pieces

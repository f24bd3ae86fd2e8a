"""Clean: decode raw bytes, read the article's metadata, strip page chrome, identify the language.

Everything here is a pure function of the raw bytes, plus one corpus-level step (`learn_boilerplate`) that
learns chrome lines from how often they recur across the corpus and within one outlet.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import functools
import hashlib
import math
import multiprocessing
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from pipeline.extract import places
from pipeline.prefilter import Prefilter

DATA_DIR = Path(__file__).parent / "data"

# Languages the extractor has dictionaries and patterns for; other languages are rejected with the reason.
CODED_LANGUAGES = ("en", "ru", "az")
# Below this much text after cleaning, a file is page chrome, not an article.
MIN_ARTICLE_CHARS = 120
# A line this short (in words) without closing punctuation reads as a heading, menu or sidebar entry.
HEADING_MAX_WORDS = 12
# The language is judged on the text's first this many characters: plenty for lingua, and its cost grows with
# the length.
LANGUAGE_SAMPLE_CHARS = 1500

ARTICLE_COLUMNS = [
    "article_id",
    "source_path",
    "outlet",
    "url",
    "title",
    "byline",
    "dateline",
    "published_date",
    "published_date_basis",
    "language",
    "text",
    "n_chars_raw",
    "n_chars_clean",
    "is_update",
    "status",
    "reject_reason",
]

MONTHS = {
    **{
        m: i
        for i, m in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ],
            1,
        )
    },
    **{
        m: i
        for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)
    },
    "sept": 9,
    # Russian genitive and nominative month names, as printed in datelines ("21 апреля 2022").
    **{
        m: i
        for i, m in enumerate(
            [
                "января",
                "февраля",
                "марта",
                "апреля",
                "мая",
                "июня",
                "июля",
                "августа",
                "сентября",
                "октября",
                "ноября",
                "декабря",
            ],
            1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            [
                "yanvar",
                "fevral",
                "mart",
                "aprel",
                "may",
                "iyun",
                "iyul",
                "avqust",
                "sentyabr",
                "oktyabr",
                "noyabr",
                "dekabr",
            ],
            1,
        )
    },
}


def first_letter_alternation(names: Iterable[str]) -> str:
    """A regex alternation of `names`, the longest first (so "sept" is preferred to "sep"), written as one branch
    per first letter: "s(?:eptember|ept|ep)|f(?:ebruary|eb)|...". It matches exactly what the flat alternation in
    that order matches, since names with different first letters never match at the same position; but instead
    of trying every name at every position of a line, the engine tries one letter per branch: several times
    faster."""
    branches: dict[str, list[str]] = defaultdict(list)
    for name in sorted(names, key=len, reverse=True):
        branches[name[0]].append(name[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in branches.items())


_MONTH = r"(?P<month>" + first_letter_alternation(MONTHS) + r")\.?"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\.?,?"
MONTH_FIRST_DATE = re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)(?!\d)", re.I)
# How every month-first date ends ("...l 6, 2022"). The month names make MONTH_FIRST_DATE the slowest pattern to
# search a line for; this is found far faster, and a line without it is not searched for the names.
MONTH_FIRST_DATE_END = re.compile(r"[^\W\d_]\.?\s+\d{1,2},?\s+(?:19|20)\d\d(?!\d)")
DATE_PATTERNS = [
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)(?!\d)", re.I),
    MONTH_FIRST_DATE,
    re.compile(r"(?<!\d)(?P<day>\d{1,2})[./](?P<mnum>\d{1,2})[./](?P<year>(?:19|20)\d\d)(?!\d)"),
]
PARTIAL_STAMP = re.compile(
    r"^(?:\d{1,2}\s+"
    + _MONTH
    + r"|"
    + _MONTH.replace("?P<month>", "?:")
    + r"\s+\d{1,2}),?\s+\d{1,2}:\d{2}\b[^.!?]{0,30}$",
    re.I,
)
TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?", re.I)
UTC_OFFSET = re.compile(r"\(?\b(?:utc|gmt|msk)\s*[+-]?\s*\d{0,2}(?::?\d{2})?\)?(?:\s*(?:msk|gmt))?\)?", re.I)
DATE_LABEL = re.compile(r"^(?:published|posted|created|press release|date|issued)\s*:?\s*", re.I)
UPDATED_LABEL = re.compile(r"^(?:updated|last updated|modified|edited)\s*:?\s*", re.I)
WEEKDAY_START = re.compile(r"^" + _WEEKDAY + r"\s", re.I)
HEADER_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*)$")
URL = re.compile(r"https?://[^\s\"'<>)]+", re.I)
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|-|$)")
BYLINE = re.compile(
    r"^by\s+(?P<name>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3})\s*(?:[-–—|]\s*(?P<credit>[\w. ]+):?)?$", re.I
)
# "BAKU, Azerbaijan, Aug.25", "MOSCOW, September 21. /TASS/.", "BAKU, Azerbaijan (AP) —", "Baku, Azerbaijan, June 18"
DATELINE = re.compile(
    r"^(?P<place>[A-ZА-ЯƏ][A-ZА-ЯƏa-zа-яə'’ .-]{1,30}?(?:,\s*[A-ZА-ЯƏ][a-zа-яə'’ .-]{2,30})?)"
    r"(?:,\s*(?P<date>[A-Za-z]{3,9}\.?\s?\d{1,2})\.?)?"
    r"\s*(?P<credit>\([A-Za-z]{2,12}\)|/[A-Za-zА-Я]{2,12}/\.?)?"
    r"(?:\s*[—–-]+\s*|\s*$|(?<=[./)])\s+)"
)
SENTENCE_END = re.compile(r"[.!?…\"”»']\s*$")
# Runs of spaces and tabs to collapse to one space (a lone space is one already: leaving it is much faster).
BLANKS = re.compile(r"[ \t]{2,}|\t")
# Every date pattern needs a year and a partial stamp needs a time: a line with neither is no stamp, which this
# finds far faster than the patterns do (they try dozens of month names at every position).
YEAR_OR_TIME = re.compile(r"(?:19|20)\d\d(?!\d)|\d:\d\d")
WEEKDAY = re.compile(_WEEKDAY, re.I)
RESIDUE_WORD = re.compile(r"[^\W\d_]{2,}")
# Language detection needs this many letters; the pattern stops at the last of them instead of counting all.
MIN_LETTERS_FOR_LANGUAGE = 20
ENOUGH_LETTERS = re.compile(rf"(?:[\W\d_]*[^\W\d_]){{{MIN_LETTERS_FOR_LANGUAGE}}}")
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "and",
        "or",
        "but",
        "as",
        "over",
        "after",
        "before",
        "into",
        "about",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "will",
        "says",
        "said",
    ]
)


@dataclass(frozen=True)
class Outlet:
    name: str
    domains: tuple[str, ...]
    lines: tuple[re.Pattern, ...]
    credits: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class Chrome:
    """The hand-written chrome rules (data/boilerplate.yaml) and the outlets' markers (data/outlets.yaml).

    Each list of rules that every line is tested against is compiled into one alternation (`any_of`): one scan
    of a line instead of one per rule."""

    chrome_line: re.Pattern
    end_of_body: re.Pattern
    update_marker: re.Pattern
    outlets: tuple[Outlet, ...]
    any_outlet_line: re.Pattern
    credit_prefilter: Prefilter  # over every outlet's credits in order; credit_owner[i] is the outlet of the i-th
    credit_owner: tuple[int, ...]


def any_of(patterns: Iterable[str]) -> re.Pattern:
    """One case-insensitive pattern matching exactly where one of `patterns` matches (none: matches nothing).
    The patterns must not use numbered backreferences, which the alternation would renumber."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.I)


@functools.cache
def load_chrome() -> Chrome:
    rules = yaml.safe_load((DATA_DIR / "boilerplate.yaml").read_text(encoding="utf-8"))
    outlets = yaml.safe_load((DATA_DIR / "outlets.yaml").read_text(encoding="utf-8"))["outlets"]

    def whole(patterns: Iterable[str]) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(rf"^(?:{p})$", re.I) for p in patterns)

    outlet_markers = tuple(
        Outlet(o["name"], tuple(o["domains"]), whole(o["lines"]), tuple(re.compile(p, re.I) for p in o["credits"]))
        for o in outlets
    )
    return Chrome(
        chrome_line=any_of(rules["line_patterns"]),
        end_of_body=any_of(rules["end_of_body_patterns"]),
        update_marker=any_of(rules["update_markers"]),
        outlets=outlet_markers,
        any_outlet_line=any_of(p.pattern for outlet in outlet_markers for p in outlet.lines),
        credit_prefilter=Prefilter([p for outlet in outlet_markers for p in outlet.credits]),
        credit_owner=tuple(i for i, outlet in enumerate(outlet_markers) for _ in outlet.credits),
    )


# ---------------------------------------------------------------------------------------------- decoding


# Control bytes other than tab, newline, form feed and carriage return: their share tells binary from text.
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
# Every pattern of ftfy's mojibake test (ftfy.badness, 6.3) needs a character that is neither ASCII nor one of
# these everyday typographic marks, so a text without one is never flagged; checking that first skips ftfy's
# much slower scan for most articles.
MAYBE_MOJIBAKE = re.compile(r"[^\x00-\x7f‘’“”–—…«»]")


def decode(raw: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason). UTF-8 first; a legacy encoding is detected; mojibake is repaired."""
    if not raw.strip():
        return None, "empty file"
    head = raw[:8192]
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    if b"\x00" in head or controls > 0.02 * len(head):
        return None, "not text: binary content"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_legacy(raw)
        if text is None:
            return None, "not text: undecodable bytes"
    import ftfy  # imported here: only decoding needs it

    if MAYBE_MOJIBAKE.search(text) and ftfy.is_bad(text):
        text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\u00a0", " ").replace("\u200b", ""), None


def _decode_legacy(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes

    # The legacy encodings this region's sites used: Cyrillic, Turkish/Azerbaijani Latin, Western.
    best = from_bytes(raw, cp_isolation=["cp1251", "koi8_r", "cp1254", "iso8859_9", "cp1252", "latin_1"]).best()
    return None if best is None else str(best)


# ---------------------------------------------------------------------------------------------- lines


def line_key(line: str) -> str:
    """How lines are compared: case, spacing and edge punctuation ignored."""
    return " ".join(line.split()).strip(" \t-–—|•·:;,.!?…\"'“”«»()[]").lower()


def is_prose(line: str) -> bool:
    """A paragraph: a sentence with closing punctuation, or a long run of words (an excerpt cut mid-sentence)."""
    words = line.split()
    return (len(words) > 4 and bool(SENTENCE_END.search(line))) or len(words) >= 30


def is_heading(line: str) -> bool:
    return len(line.split()) <= HEADING_MAX_WORDS and not SENTENCE_END.search(line)


def is_menu(line: str) -> bool:
    """A row of capitalised section names with no function word: a site menu, not a headline."""
    words = line.split()
    return (
        len(words) >= 6
        and all(w[:1].isupper() and w.isalpha() for w in words)
        and not any(w.lower() in FUNCTION_WORDS for w in words)
    )


def is_chrome(line: str, chrome: Chrome) -> bool:
    key = " ".join(line.split())
    return bool(chrome.chrome_line.search(key)) or is_menu(key)


def outlet_line(key: str, chrome: Chrome) -> str | None:
    """The outlet a line names (a masthead or site-name line), given the line's `line_key`."""
    if not chrome.any_outlet_line.match(key):
        return None  # most lines name no outlet: one scan rules them out
    for outlet in chrome.outlets:
        if any(p.match(key) for p in outlet.lines):
            return outlet.name
    return None


# ---------------------------------------------------------------------------------------------- dates


def find_date(line: str) -> tuple[dt.date, re.Match] | None:
    for pattern in DATE_PATTERNS:
        if pattern is MONTH_FIRST_DATE and not MONTH_FIRST_DATE_END.search(line):
            continue
        for match in pattern.finditer(line):
            parts = match.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else MONTHS.get(parts["month"].lower().rstrip("."))
            try:
                return dt.date(int(parts["year"]), month, int(parts["day"])), match
            except (TypeError, ValueError):
                continue
    return None


def date_line(line: str) -> tuple[dt.date | None, str] | None:
    """A line that is a publication stamp: a full date plus at most a label, time, zone and a few words.
    Returns (date, kind) with kind `published`, `updated`, `masthead` (a weekday-headed date with no time,
    the page's own "today" shown above the headline: a crawl date, never the publication date) or `stamp`."""
    if not YEAR_OR_TIME.search(line):
        return None
    found = find_date(line)
    if found is None:
        # "25 Dec. 14:00 (UTC+3 MSK)": a stamp without a year fixes no date, but is still not text.
        return (None, "partial") if PARTIAL_STAMP.match(line.strip()) else None
    date, match = found
    rest = (line[: match.start()] + " " + line[match.end() :]).strip()
    kind = "stamp"
    if UPDATED_LABEL.match(rest) or UPDATED_LABEL.match(line.strip()):
        kind = "updated"
    elif DATE_LABEL.match(rest) or DATE_LABEL.match(line.strip()):
        kind = "published"
    has_time = bool(TIME.search(rest))
    residue = UTC_OFFSET.sub(" ", TIME.sub(" ", rest))
    residue = WEEKDAY.sub(" ", residue)
    residue = DATE_LABEL.sub(" ", UPDATED_LABEL.sub(" ", residue.strip()))
    words = RESIDUE_WORD.findall(residue)
    if len(words) > 3:
        return None
    if kind == "stamp" and WEEKDAY_START.match(line.strip()) and not has_time:
        kind = "masthead"
    return date, kind


def url_date(url: str) -> dt.date | None:
    match = URL_DATE.search(url)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------- article


@dataclass
class Parsed:
    """What one file yields before the corpus-level chrome pass."""

    text_lines: list[str] = field(default_factory=list)
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published_date: dt.date | None = None
    published_date_basis: str = "unknown"
    is_update: bool = False


def parse_article(text: str, chrome: Chrome) -> Parsed:
    """Read metadata off the decoded file and keep the lines that may be body text."""
    parsed = Parsed()
    lines = [ln.strip() for ln in BLANKS.sub(" ", text).split("\n")]
    lines = [ln for ln in lines if ln]
    header_date = None
    if lines and (match := HEADER_LINE.match(lines[0])):
        header_date = dt.date.fromisoformat(match[1])
        rest = match[2].strip()
        lines = ([rest] if rest else []) + lines[1:]

    # The body ends at a horizontal rule in its last part; what follows is site furniture.
    for i in range(len(lines) - 1, len(lines) // 2, -1):
        if chrome.end_of_body.match(lines[i]):
            lines = lines[:i]
            break

    outlets_by_marker, outlets_by_credit, dates = [], [], []
    first_prose = next((i for i, ln in enumerate(lines) if is_prose(ln)), len(lines))
    title_at = None
    body: list[str] = []
    for i, line in enumerate(lines):
        key = line_key(line)
        if chrome.update_marker.search(key) or chrome.update_marker.search(line):
            parsed.is_update = True
        for url in URL.findall(line):
            parsed.url = parsed.url or url.rstrip(".,;")
        if URL.fullmatch(line):
            continue
        if (byline := BYLINE.match(line)) and len(line) < 80:
            parsed.byline = parsed.byline or byline["name"].strip()
            if byline["credit"]:
                outlets_by_credit.append(byline["credit"].strip())
            continue
        if i < 40 and (stamp := date_line(line)):
            dates.append((stamp[0], stamp[1], title_at is not None))
            continue
        if name := outlet_line(key, chrome):
            outlets_by_marker.append(name)
            continue
        if is_chrome(line, chrome):
            continue
        if i < first_prose:
            if parsed.dateline is None and (dl := _dateline(line)) and dl[1] == len(line):
                parsed.dateline = dl[0]
                continue
            if parsed.title is None and len(line.split()) <= 30 and not SENTENCE_END.search(line):
                parsed.title, title_at = line, i
            continue  # before the first paragraph: headings, summaries and page furniture
        if parsed.dateline is None and i == first_prose and (dl := _dateline(line)):
            parsed.dateline = dl[0]
            line = line[dl[1] :].strip()
        body.append(line)

    if header_date is not None:
        parsed.published_date, parsed.published_date_basis = header_date, "header"
    else:
        chosen = _publication_date(dates)
        if chosen is not None:
            parsed.published_date, parsed.published_date_basis = chosen, "body"
        elif parsed.url and (from_url := url_date(parsed.url)):
            parsed.published_date, parsed.published_date_basis = from_url, "url"

    if parsed.title:
        title_key = line_key(parsed.title)
        body = [ln for ln in body if line_key(ln) != title_key]
    parsed.text_lines = _drop_repeats(body)
    parsed.outlet = _outlet(parsed.url, outlets_by_marker, outlets_by_credit, text, chrome)
    return parsed


def _dateline(line: str) -> tuple[str, int] | None:
    """(place, end offset) when the line opens with a dateline whose place is a known city or country."""
    match = DATELINE.match(line)
    if not match or not (match["date"] or match["credit"] or match.end() == len(line)):
        return None
    place = match["place"].strip(" ,.")
    city = place.split(",")[0].strip()
    if not (city.isupper() or match["date"] or match["credit"]) or not is_place(city):
        return None
    return place, match.end()


def is_place(name: str) -> bool:
    """A dateline's place must be one the event gazetteer knows (one gazetteer for the whole pipeline)."""
    return name.lower() in places.gazetteer()


def _publication_date(dates: list[tuple[dt.date, str, bool]]) -> dt.date | None:
    """The publication date among the stamps read near the top: a labelled `Published` stamp first, then the
    first plain stamp; `Updated` stamps and masthead dates (the page's "today") never."""
    for wanted in ("published", "stamp"):
        for date, kind, _after_title in dates:
            if kind == wanted:
                return date
    return None


def _drop_repeats(lines: list[str]) -> list[str]:
    """A short line repeated within one page is a repeated headline or caption: keep its first use only when
    it is prose."""
    seen: set[str] = set()
    kept = []
    for line in lines:
        key = line_key(line)
        if key in seen and (is_heading(line) or len(line) < 200):
            continue
        seen.add(key)
        kept.append(line)
    return kept


def _outlet(url: str | None, markers: list[str], credits: list[str], text: str, chrome: Chrome) -> str | None:
    """The publisher: the URL's domain first, then a masthead line, then a credit in the text."""
    if url:
        host = re.sub(r"^https?://(www\.)?", "", url.lower()).split("/")[0]
        for outlet in chrome.outlets:
            if any(host == d or host.endswith("." + d) for d in outlet.domains):
                return outlet.name
    if markers:
        return markers[0]
    head = text[:3000].lower()
    for credit in credits:
        if name := outlet_line(line_key(credit), chrome):
            return name
    # Most heads hold no credit at all: only the outlets whose credits' words occur are searched.
    possible = {chrome.credit_owner[i] for i in chrome.credit_prefilter.candidates(head)}
    for index in sorted(possible):
        if any(p.search(head) for p in chrome.outlets[index].credits):
            return chrome.outlets[index].name
    return None


# ---------------------------------------------------------------------------------------------- corpus


def content_signature(lines: list[str]) -> str:
    """Identity of an article's content, so reprints of one story count once when learning chrome."""
    longest = max(lines, key=len, default="")
    return hashlib.sha1(line_key(longest).encode()).hexdigest()


def learn_boilerplate(documents: list[tuple[list[str], str | None]]) -> frozenset[str]:
    """Line keys that are chrome because they recur: headings (short lines with no closing punctuation) found
    in many distinct articles of the corpus, or in a good share of one outlet's distinct articles.

    `documents` is (lines, outlet) per article. Prose never qualifies, so a background paragraph an outlet
    repeats in every story on a topic stays text."""
    corpus_docs: dict[str, set[str]] = defaultdict(set)
    outlet_docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    outlet_sizes: Counter = Counter()
    seen_signatures: dict[str | None, set[str]] = defaultdict(set)
    for lines, outlet in documents:
        signature = content_signature(lines)
        if outlet is not None and signature not in seen_signatures[outlet]:
            outlet_sizes[outlet] += 1
        seen_signatures[outlet].add(signature)
        for line in set(lines):
            if not is_heading(line):
                continue
            key = line_key(line)
            corpus_docs[key].add(signature)
            if outlet is not None:
                outlet_docs[(outlet, key)].add(signature)
    distinct = len(set().union(*seen_signatures.values())) if seen_signatures else 0
    corpus_threshold = max(3, math.ceil(0.01 * distinct))
    learned = {key for key, docs in corpus_docs.items() if len(docs) >= corpus_threshold}
    for (outlet, key), docs in outlet_docs.items():
        if outlet_sizes[outlet] >= 3 and len(docs) >= max(2, math.ceil(0.3 * outlet_sizes[outlet])):
            learned.add(key)
    learned.discard("")
    return frozenset(learned)


def trim_edges(lines: list[str]) -> list[str]:
    """Drop the sidebar of other headlines that trails the body: short heading-like lines at the end."""
    end = len(lines)
    while end > 0 and is_heading(lines[end - 1]) and len(lines[end - 1].split()) <= 10:
        end -= 1
    return lines[:end]


@functools.cache
def _language_detector():
    from lingua import Language, LanguageDetectorBuilder

    # The languages this region's news comes in; a closed set keeps detection fast and sharp.
    languages = [
        Language.ENGLISH,
        Language.RUSSIAN,
        Language.AZERBAIJANI,
        Language.TURKISH,
        Language.UKRAINIAN,
        Language.ARMENIAN,
        Language.GEORGIAN,
        Language.PERSIAN,
        Language.KAZAKH,
        Language.FRENCH,
        Language.GERMAN,
        Language.SPANISH,
        Language.ARABIC,
        Language.CHINESE,
        Language.ITALIAN,
    ]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_languages(texts: list[str]) -> list[str]:
    """ISO 639-1 code of each text's language, `und` when undetermined, judged on the text's opening.

    Each distinct opening is detected once (reprints and excerpts often share theirs), and lingua spreads the
    batch over all cores; every text gets the code it would get on its own."""
    samples = [text[:LANGUAGE_SAMPLE_CHARS] for text in texts]
    english = {s for s in set(samples) if plainly_english(s)}
    detectable = sorted({s for s in samples if ENOUGH_LETTERS.match(s)} - english)
    detected = _language_detector().detect_languages_in_parallel_of(detectable)
    codes = {
        s: "und" if lang is None else lang.iso_code_639_1.name.lower()
        for s, lang in zip(detectable, detected, strict=True)
    }
    return ["en" if s in english else codes.get(s, "und") for s in samples]


ENGLISH_FUNCTION_WORDS = frozenset(
    ["the", "and", "of", "to", "in", "a", "is", "was", "on", "for", "with", "that", "by", "said", "as", "at", "has",
     "have", "from", "its", "his", "their", "were", "will"]
)  # fmt: skip
ASCII_WORD = re.compile(r"[a-z]+")
OTHER_WORD_CHAR = re.compile(r"[^\W\d_a-z]")


def plainly_english(sample: str) -> bool:
    """A cheap test that spares the language model most English articles: only ASCII letters, and English
    function words make up a fifth of the words (no other language of this region's news does both)."""
    lowered = sample.lower()
    words = ASCII_WORD.findall(lowered)
    ascii_letters = sum(len(w) for w in words)
    other_letters = sum(c.isalpha() for c in OTHER_WORD_CHAR.findall(lowered))  # few: cheaper than every char
    if len(words) < 30 or ascii_letters < 0.99 * (ascii_letters + other_letters):
        return False
    return sum(w in ENGLISH_FUNCTION_WORDS for w in words) >= 0.2 * len(words)


# Below this many files the worker processes cost more than they save.
PARALLEL_MIN_ARTICLES = 1000


def decode_and_parse(raw: bytes) -> tuple[int, Parsed | None, str | None]:
    """(decoded length, parsed article or None, reason it was rejected); never raises, since one bad file must not
    stop the corpus."""
    try:
        text, reason = decode(raw)
        if text is None:
            return len(raw), None, reason
        return len(text), parse_article(text, load_chrome()), None
    except Exception as error:
        return len(raw), None, f"processing error: {type(error).__name__}: {error}"


def _parse_all(raws: list[bytes]) -> list[tuple[int, Parsed | None, str | None]]:
    """decode_and_parse over every file, on every core for a large corpus (in order, so the result is the same)."""
    workers = min(os.cpu_count() or 1, 4)
    if len(raws) < PARALLEL_MIN_ARTICLES or workers < 2:
        return [decode_and_parse(raw) for raw in raws]
    load_chrome()  # compiled once, inherited by the forked workers
    places.gazetteer()
    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(decode_and_parse, raws, chunksize=64))


def clean_articles(raw_articles: pd.DataFrame) -> pd.DataFrame:
    """One row per raw file: metadata, cleaned text, language, and `rejected` with a reason when unusable."""
    parsed: dict[str, Parsed] = {}
    decoded: dict[str, int] = {}
    rejected: dict[str, str] = {}
    readable = [(a, r) for a, r, e in zip(raw_articles["article_id"], raw_articles["raw"], raw_articles["read_error"],
                                          strict=True) if not isinstance(e, str)]  # fmt: skip
    rejected |= {a: e for a, e in zip(raw_articles["article_id"], raw_articles["read_error"], strict=True)
                 if isinstance(e, str)}  # fmt: skip
    for (article_id, _), (length, result, reason) in zip(readable, _parse_all([r for _, r in readable]), strict=True):
        decoded[article_id] = length
        if result is None:
            rejected[article_id] = reason
        else:
            parsed[article_id] = result

    learned = learn_boilerplate([(p.text_lines, p.outlet) for p in parsed.values()])
    texts = {
        article_id: "\n\n".join(trim_edges([ln for ln in p.text_lines if line_key(ln) not in learned]))
        for article_id, p in parsed.items()
    }
    languages = dict(zip(texts, detect_languages(list(texts.values())), strict=True))
    rows = []
    for article_id, source_path, n_bytes in zip(
        raw_articles["article_id"], raw_articles["source_path"], raw_articles["n_bytes"], strict=True
    ):
        p = parsed.get(article_id) or Parsed()
        text = texts.get(article_id, "")
        language = languages.get(article_id, "und")
        reason = rejected.get(article_id)
        if reason is None and len(text) < MIN_ARTICLE_CHARS:
            reason = "no article text: page chrome only"
        if reason is None and language not in CODED_LANGUAGES:
            reason = f"unsupported language: {language}"
        rows.append(
            {
                "article_id": article_id,
                "source_path": source_path,
                "outlet": p.outlet,
                "url": p.url,
                "title": p.title,
                "byline": p.byline,
                "dateline": p.dateline,
                "published_date": p.published_date,
                "published_date_basis": p.published_date_basis,
                "language": language,
                "text": text,
                "n_chars_raw": decoded.get(article_id, int(n_bytes)),
                "n_chars_clean": len(text),
                "is_update": p.is_update,
                "status": "rejected" if reason else "coded",
                "reject_reason": reason,
            }
        )
    frame = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    frame["published_date"] = pd.to_datetime(frame["published_date"])
    return frame

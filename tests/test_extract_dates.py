import datetime
import subprocess
import sys

import pytest

from pipeline.extract import dates
from pipeline.extract.dates import DateExpression, ResolvedDate, find_date_expressions, resolve_date, tense_of

D = datetime.date
TUESDAY = D(2019, 12, 3)  # a Tuesday
SATURDAY = D(2024, 12, 28)  # a Saturday
UNKNOWN = ResolvedDate(None, "none")


def on_day(year: int, month: int, day: int) -> ResolvedDate:
    return ResolvedDate(D(year, month, day), "day")


def in_month(year: int, month: int) -> ResolvedDate:
    return ResolvedDate(D(year, month, 1), "month")


def week_in_month(year: int, month: int, monday: D) -> ResolvedDate:
    return ResolvedDate(D(year, month, 1), "month", span=(monday, monday + datetime.timedelta(days=6)))


def in_year(year: int) -> ResolvedDate:
    return ResolvedDate(D(year, 1, 1), "year")


def texts(sentence: str, language: str = "en") -> list[str]:
    return [expression.text for expression in find_date_expressions(sentence, language)]


# --- finding


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Bayramov will pay an official visit to Russia on August 26 at the invitation of Lavrov.",
            ["on August 26"],
        ),
        ("The treaty dated July 3, 1997 is the fundamental document.", ["dated July 3, 1997"]),
        ("The commission met on December 9, 2019, in Baku.", ["on December 9, 2019"]),
        ("On November 10, 2020, Russia brokered a ceasefire deal.", ["On November 10, 2020"]),
        ("The leaders signed the statement 10 November 2020 in Moscow.", ["10 November 2020"]),
        ("Troops arrived on 27 December and left 26 August.", ["on 27 December", "26 August"]),
        ("BAKU, Azerbaijan, Aug.25 Trend reports", ["Aug.25"]),
        ("The ministers met on Wednesday, September 20 in New York.", ["on Wednesday, September 20"]),
        ("A forum will be held in October in Baku.", ["in October"]),
        ("Talks resumed in mid-March and ended at the end of May.", ["in mid-March", "at the end of May"]),
        ("A commission is to convene by late April.", ["by late April"]),
        ("The sides met in February 2025 after a pause.", ["in February 2025"]),
        ("Clause 9 of the November 2020 statement was implemented.", ["November 2020"]),
        ("The conflict began in 1988 and a ceasefire was signed in 1994.", ["in 1988", "in 1994"]),
        ("The region was occupied in the war in the early 1990s.", ["in the early 1990s"]),
        ("Both sides honoured the 2020 agreements.", ["the 2020"]),
        ("By the end of 2019, trade turnover grew.", ["By the end of 2019"]),
        ("Lavrov met Aliyev on Monday and Mammadyarov on Tuesday.", ["on Monday", "on Tuesday"]),
        ("Drones struck the depot Monday night.", ["Monday night"]),
        ("Friday's raids were condemned by Baku.", ["Friday's"]),
        ("Police came shortly after midnight on Tuesday.", ["shortly after midnight on Tuesday"]),
        ("The minister said Tuesdsay that talks went well.", ["Tuesdsay"]),
        ("They met on Wendesday and again on Thrusday.", ["on Wendesday", "on Thrusday"]),
        ("Putin phoned Aliyev yesterday and will meet him tomorrow.", ["yesterday", "tomorrow"]),
        ("Earlier today the envoy arrived; tonight he dines with Bayramov.", ["Earlier today", "tonight"]),
        ("The ambassador was summoned this morning.", ["this morning"]),
        ("The strike came last night.", ["last night"]),
        ("He had arrived in Baku the day before.", ["the day before"]),
        ("The envoy had met Lavrov the previous day.", ["the previous day"]),
        ("They met the day before yesterday.", ["the day before yesterday"]),
        ("Lavrov visited Baku last week and will visit Yerevan next week.", ["last week", "next week"]),
        ("Trade fell last year and rose this year.", ["last year", "this year"]),
        ("The embassy reopened three weeks ago.", ["three weeks ago"]),
        ("Wednesday January 22 2025", ["Wednesday January 22 2025"]),
        ("The summit on 5-6 July in Vilnius", ["on 5-6 July"]),
        ("Azerbaijan Materials 18 June 2014 14:16 (UTC+04:00)", ["18 June 2014"]),
        ("2020-08-25 Azerbaijani and Russian ministers to meet", ["2020-08-25"]),
    ],
)
def test_finds_english_expressions(sentence: str, expected: list[str]) -> None:
    assert texts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Clocks were set to 00:00 Moscow time.",
        "The statement was posted at 14:16 (UTC+04:00).",
        "Russia deployed 2,000 military personnel and 1,960 military personnel stayed.",
        "Trade turnover amounted to $3.169 billion.",
        "The mandate runs for five years.",
        "The 44-day war changed the region.",
        "Decisions of the 18th session are being implemented.",
        "Lavrov is in Baku for a two-day visit.",
        "Over 200 representatives of business will attend.",
        "The mission may be extended for the next 5-year periods.",
        "The statement implements clause 9.",
        "For more than two decades Russia has mediated.",
        "Relations have improved in recent months, and recently trade grew.",
        "Bayramov spoke to Izvestia on the same day.",
        "Lavrov has been foreign minister since 2004.",
        "Talks have stalled since October 2020 and since the 1990s.",
        "The ministers met the day before the summit.",
        "Trade grew over the last year.",
        "Sergey Lavrov, Mammadyarov and Friedman met in Sochi, Moscow and Stepanakert.",
        "Sundry officials met on Mondays at the Sturdy hall.",
    ],
)
def test_takes_no_times_counts_or_spans(sentence: str) -> None:
    assert texts(sentence) == []


def test_offsets_point_into_the_sentence() -> None:
    sentence = "Aliyev, who met Putin on August 19, said on Monday that talks in 2019 went well."
    found = find_date_expressions(sentence)
    assert found == [
        DateExpression("on August 19", 22, 34),
        DateExpression("on Monday", 41, 50),
        DateExpression("in 2019", 62, 69),
    ]
    assert all(sentence[item.start : item.end] == item.text for item in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Вчера Лавров встретился с Байрамовым.", ["Вчера"]),
        ("Сегодня министры проведут переговоры.", ["Сегодня"]),
        ("Лавров заявил накануне, что визит состоится.", ["накануне"]),
        ("Встреча прошла в понедельник в Москве.", ["в понедельник"]),
        ("Документ подписан 27 декабря 2024 года в Баку.", ["27 декабря 2024 года"]),
        ("Стороны встретились 27 декабря.", ["27 декабря"]),
        ("Соглашение о прекращении огня подписано в 1994 году.", ["в 1994 году"]),
        ("Форум пройдет в октябре.", ["в октябре"]),
        ("Конфликт начался в начале 1990-х годов.", ["в начале 1990-х годов"]),
        ("Министры говорили на прошлой неделе.", ["на прошлой неделе"]),
        ("Посольство открылось три недели назад.", ["три недели назад"]),
        ("Лавров прибыл в Баку накануне визита Путина.", []),
        ("Миссия работает с 27 декабря.", []),
    ],
)
def test_finds_russian_expressions(sentence: str, expected: list[str]) -> None:
    assert texts(sentence, "ru") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Nazirlər noyabrın 10-da görüşüblər.", ["noyabrın 10-da"]),
        ("Bəyanat 10 noyabr 2020-ci ildə imzalanıb.", ["10 noyabr 2020-ci ildə"]),
        ("Sənəd 2020-ci il noyabrın 10-da imzalanıb.", ["2020-ci il noyabrın 10-da"]),
        ("Atəşkəs 2020-ci ilin noyabrında elan edilib.", ["2020-ci ilin noyabrında"]),
        ("Forum oktyabrda keçiriləcək.", ["oktyabrda"]),
        ("Komissiya dekabrın sonunda toplanacaq.", ["dekabrın sonunda"]),
        ("Saziş 1997-ci ildə imzalanıb.", ["1997-ci ildə"]),
        ("Münaqişə 1990-cı illərin əvvəllərində başlayıb.", ["1990-cı illərin əvvəllərində"]),
        ("Prezidentlər dünən axşam telefonla danışıblar.", ["dünən axşam"]),
        ("Nazir bu gün Bakıya gəlib, sabah isə Moskvaya gedəcək.", ["bu gün", "sabah"]),
        ("Nümayəndə heyəti srağagün Bakıya gəlib.", ["srağagün"]),
        ("Görüş çərşənbə axşamı, görüşün davamı isə çərşənbə günü olub.", ["çərşənbə axşamı", "çərşənbə günü"]),
        ("Nazirlər cümə axşamı və cümə günü danışıqlar aparıblar.", ["cümə axşamı", "cümə günü"]),
        ("Səfər bazar ertəsi başlayıb, bazar günü bitib.", ["bazar ertəsi", "bazar günü"]),
        ("Nazirlər keçən həftə görüşüb, gələn ay yenidən görüşəcəklər.", ["keçən həftə", "gələn ay"]),
        ("Bu il ticarət artıb.", ["Bu il"]),
        ("Səfirlik iki gün əvvəl bağlanıb.", ["iki gün əvvəl"]),
        ("Nümayəndə heyəti 3 həftə öncə Bakıda olub.", ["3 həftə öncə"]),
        ("Sənəd 10.11.2020 tarixində imzalanıb.", ["10.11.2020"]),
        # Spans and the eve of something else are not the date of a happening.
        ("Lavrov 2004-cü ildən bəri nazirdir.", []),
        ("Missiya noyabrın 10-dan fəaliyyət göstərir.", []),
        ("Nazirlər səfərdən iki gün əvvəl görüşüblər.", []),
        ("Bazarda qiymətlər artıb.", []),
    ],
)
def test_finds_azerbaijani_expressions(sentence: str, expected: list[str]) -> None:
    assert texts(sentence, "az") == expected


def test_unsupported_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="language"):
        find_date_expressions("Am 25. August trafen sich die Minister.", "de")


# --- resolving


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    [
        ("July 3, 1997", TUESDAY, "past", on_day(1997, 7, 3)),
        ("dated July 3, 1997", TUESDAY, "past", on_day(1997, 7, 3)),
        ("December 9, 2019", TUESDAY, "past", on_day(2019, 12, 9)),
        ("10 November 2020", TUESDAY, "past", on_day(2020, 11, 10)),
        ("on November 10, 2020", TUESDAY, "past", on_day(2020, 11, 10)),
        ("September 16, 2022", TUESDAY, "future", on_day(2022, 9, 16)),
        ("2020-08-25", None, "past", on_day(2020, 8, 25)),
        ("25.08.2020", None, "past", on_day(2020, 8, 25)),
        ("Aug.25", D(2020, 8, 25), "past", on_day(2020, 8, 25)),
        # Month and day: the year comes from the publication date, seen in the tense.
        ("on August 26", D(2020, 8, 25), "future", on_day(2020, 8, 26)),
        ("August 26", D(2020, 8, 25), "past", on_day(2020, 8, 26)),  # within the slack: not a year back
        ("26 August", D(2020, 8, 1), "past", on_day(2019, 8, 26)),
        ("on 27 December", D(2020, 1, 5), "past", on_day(2019, 12, 27)),
        ("on January 15", D(2019, 12, 20), "future", on_day(2020, 1, 15)),
        ("on Wednesday, September 20", D(2023, 9, 21), "past", on_day(2023, 9, 20)),
        ("on 5-6 July", D(2019, 7, 8), "past", on_day(2019, 7, 5)),  # a span of days: its first day
        ("August 26-27, 2020", None, "past", on_day(2020, 8, 26)),
        ("on February 29", D(2021, 3, 10), "past", UNKNOWN),  # no such day in 2021
        ("February 30, 2020", TUESDAY, "past", None),
    ],
)
def test_resolves_explicit_days(text: str, published: D | None, tense: str, expected: ResolvedDate) -> None:
    assert resolve_date(text, published, tense) == expected


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    [
        ("in October", D(2014, 6, 18), "future", in_month(2014, 10)),
        ("in October", D(2014, 6, 18), "past", in_month(2013, 10)),
        ("in October", D(2019, 11, 20), "future", in_month(2020, 10)),
        ("in October", D(2019, 11, 3), "future", in_month(2019, 10)),
        ("in February 2025", TUESDAY, "past", in_month(2025, 2)),
        ("in November 2020", TUESDAY, "past", in_month(2020, 11)),
        ("November 2020", TUESDAY, "past", in_month(2020, 11)),
        ("in mid-March", D(2022, 4, 21), "past", in_month(2022, 3)),
        ("at the end of May", D(2022, 7, 1), "past", in_month(2022, 5)),
        ("by late April", D(2022, 4, 6), "future", in_month(2022, 4)),
    ],
)
def test_resolves_months(text: str, published: D, tense: str, expected: ResolvedDate) -> None:
    assert resolve_date(text, published, tense) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 1994", in_year(1994)),
        ("in 1988", in_year(1988)),
        ("the 2020", in_year(2020)),
        ("By the end of 2019", in_year(2019)),
        ("by late 2021", in_year(2021)),
        # A decade is dated to the first year the phrase covers.
        ("in the early 1990s", in_year(1990)),
        ("the 1990s", in_year(1990)),
        ("the mid-1990s", in_year(1994)),
        ("in the late 1990s", in_year(1997)),
        ("since 2004", None),
    ],
)
def test_resolves_years(text: str, expected: ResolvedDate | None) -> None:
    assert resolve_date(text, TUESDAY) == expected
    assert resolve_date(text, None) == expected


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("on Tuesday", "past", on_day(2019, 12, 3)),  # the publication day itself
        ("on Tuesday", "future", on_day(2019, 12, 10)),
        ("on Monday", "past", on_day(2019, 12, 2)),
        ("on Monday", "future", on_day(2019, 12, 9)),
        ("on Wednesday", "past", on_day(2019, 11, 27)),
        ("for Wednesday", "future", on_day(2019, 12, 4)),
        ("Monday night", "past", on_day(2019, 12, 2)),
        ("on Saturday", "past", on_day(2019, 11, 30)),
        ("Friday's", "past", on_day(2019, 11, 29)),
        ("shortly after midnight on Tuesday", "past", on_day(2019, 12, 3)),
        ("last Tuesday", "past", on_day(2019, 11, 26)),
        ("next Monday", "past", on_day(2019, 12, 9)),
        ("Tuesdsay", "past", on_day(2019, 12, 3)),
        ("Wendesday", "past", on_day(2019, 11, 27)),
        ("Thrusday", "past", on_day(2019, 11, 28)),
        ("Sundry", "past", None),
    ],
)
def test_resolves_weekdays(text: str, tense: str, expected: ResolvedDate | None) -> None:
    assert resolve_date(text, TUESDAY, tense) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last November", datetime.date(2019, 11, 1)),
        ("last December", datetime.date(2018, 12, 1)),  # the publication month's own name: a year back
        ("last March", datetime.date(2019, 3, 1)),
        ("next May", datetime.date(2020, 5, 1)),
        ("next December", datetime.date(2020, 12, 1)),
    ],
)
def test_last_and_next_month_names_count_from_the_publication_month(text: str, expected) -> None:
    resolved = ResolvedDate(expected, "month")
    assert resolve_date(text, TUESDAY, "past") == resolved
    assert resolve_date(text, TUESDAY, "future") == resolved
    assert resolve_date(text, None) == ResolvedDate(None, "none")


def test_last_month_name_is_found_in_a_sentence() -> None:
    assert [e.text for e in find_date_expressions("Turkish jets shot down a Russian bomber last November.")] == [
        "last November"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", on_day(2019, 12, 3)),
        ("Today", on_day(2019, 12, 3)),
        ("this morning", on_day(2019, 12, 3)),
        ("tonight", on_day(2019, 12, 3)),
        ("earlier today", on_day(2019, 12, 3)),
        ("yesterday", on_day(2019, 12, 2)),
        ("yesterday evening", on_day(2019, 12, 2)),
        ("last night", on_day(2019, 12, 2)),
        ("the previous day", on_day(2019, 12, 2)),
        ("the day before", on_day(2019, 12, 2)),
        ("the day before yesterday", on_day(2019, 12, 1)),
        ("tomorrow", on_day(2019, 12, 4)),
        ("on the same day", None),
        ("recently", None),
        ("in recent months", None),
    ],
)
def test_resolves_days_relative_to_publication(text: str, expected: ResolvedDate | None) -> None:
    assert resolve_date(text, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a week is dated to the month of the day a week away, and spans its Monday to Sunday
        ("last week", TUESDAY, week_in_month(2019, 11, monday=D(2019, 11, 25))),
        ("last week", D(2020, 3, 10), week_in_month(2020, 3, monday=D(2020, 3, 2))),
        ("next week", TUESDAY, week_in_month(2019, 12, monday=D(2019, 12, 9))),
        ("next week", D(2019, 12, 28), week_in_month(2020, 1, monday=D(2019, 12, 30))),
        ("this week", TUESDAY, week_in_month(2019, 12, monday=D(2019, 12, 2))),
        ("last month", TUESDAY, in_month(2019, 11)),
        ("last month", D(2020, 1, 15), in_month(2019, 12)),
        ("next month", TUESDAY, in_month(2020, 1)),
        ("last year", TUESDAY, in_year(2018)),
        ("this year", TUESDAY, in_year(2019)),
        ("next year", TUESDAY, in_year(2020)),
        ("3 days ago", TUESDAY, on_day(2019, 11, 30)),
        ("two weeks ago", TUESDAY, in_month(2019, 11)),
        ("a year ago", TUESDAY, in_year(2018)),
    ],
)
def test_resolves_periods(text: str, published: D, expected: ResolvedDate) -> None:
    assert resolve_date(text, published) == expected


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("вчера", "past", on_day(2024, 12, 27)),
        ("сегодня", "past", on_day(2024, 12, 28)),
        ("накануне", "past", on_day(2024, 12, 27)),
        ("вчера вечером", "past", on_day(2024, 12, 27)),
        ("в понедельник", "past", on_day(2024, 12, 23)),
        ("в понедельник", "future", on_day(2024, 12, 30)),
        ("в прошлую пятницу", "past", on_day(2024, 12, 27)),
        ("27 декабря", "past", on_day(2024, 12, 27)),
        ("27 декабря 2024 года", "past", on_day(2024, 12, 27)),
        ("в понедельник, 27 декабря", "past", on_day(2024, 12, 27)),
        ("в 1994 году", "past", in_year(1994)),
        ("в октябре", "past", in_month(2024, 10)),
        ("в октябре 2020 года", "past", in_month(2020, 10)),
        ("к концу апреля", "future", in_month(2025, 4)),
        ("в начале 1990-х", "past", in_year(1990)),
        ("на прошлой неделе", "past", week_in_month(2024, 12, monday=D(2024, 12, 16))),
        ("в прошлом году", "past", in_year(2023)),
        ("2 дня назад", "past", on_day(2024, 12, 26)),
        ("три недели назад", "past", in_month(2024, 12)),
    ],
)
def test_resolves_russian(text: str, tense: str, expected: ResolvedDate) -> None:
    assert resolve_date(text, SATURDAY, tense, "ru") == expected


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("dünən", "past", on_day(2024, 12, 27)),
        ("Dünən axşam", "past", on_day(2024, 12, 27)),
        ("bu gün", "past", on_day(2024, 12, 28)),
        ("srağagün", "past", on_day(2024, 12, 26)),
        ("sabah", "future", on_day(2024, 12, 29)),
        # Weekday names: the nearest such day on or before publication in the past, after it in the future.
        ("bazar ertəsi", "past", on_day(2024, 12, 23)),
        ("bazar ertəsi", "future", on_day(2024, 12, 30)),
        ("çərşənbə axşamı", "past", on_day(2024, 12, 24)),  # Tuesday
        ("çərşənbə", "past", on_day(2024, 12, 25)),  # Wednesday
        ("çərşənbə günü", "past", on_day(2024, 12, 25)),
        ("cümə axşamı", "past", on_day(2024, 12, 26)),  # Thursday
        ("cümə günü", "past", on_day(2024, 12, 27)),  # Friday
        ("şənbə günü", "past", on_day(2024, 12, 28)),  # the publication day itself
        ("bazar günü", "past", on_day(2024, 12, 22)),
        ("keçən cümə", "past", on_day(2024, 12, 27)),
        ("gələn çərşənbə", "past", on_day(2025, 1, 1)),
        ("noyabrın 10-da", "past", on_day(2024, 11, 10)),
        ("yanvarın 15-də", "future", on_day(2025, 1, 15)),
        ("İyunun 3-də", "past", on_day(2024, 6, 3)),
        ("10 noyabr 2020-ci il", "past", on_day(2020, 11, 10)),
        ("2020-ci il noyabrın 10-da", "past", on_day(2020, 11, 10)),
        ("oktyabrda", "past", in_month(2024, 10)),
        ("fevral ayında", "future", in_month(2025, 2)),
        ("2020-ci ilin noyabrında", "past", in_month(2020, 11)),
        ("dekabrın sonunda", "past", in_month(2024, 12)),
        ("1994-cü ildə", "past", in_year(1994)),
        ("2020-ci ilin sonunda", "past", in_year(2020)),
        ("1990-cı illərin ortalarında", "past", in_year(1994)),
        ("keçən həftə", "past", week_in_month(2024, 12, monday=D(2024, 12, 16))),
        ("ötən ay", "past", in_month(2024, 11)),
        ("gələn il", "future", in_year(2025)),
        ("bu il", "past", in_year(2024)),
        # "... ago", counted here: dateparser reads few Azerbaijani phrases of this kind.
        ("iki gün əvvəl", "past", on_day(2024, 12, 26)),
        ("3 həftə öncə", "past", in_month(2024, 12)),
        ("beş ay əvvəl", "past", in_month(2024, 7)),
        ("30 il əvvəl", "past", in_year(1994)),
    ],
)
def test_resolves_azerbaijani(text: str, tense: str, expected: ResolvedDate) -> None:
    assert resolve_date(text, SATURDAY, tense, "az") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("July 3, 1997", "en", on_day(1997, 7, 3)),
        ("in 1994", "en", in_year(1994)),
        ("in February 2025", "en", in_month(2025, 2)),
        ("on August 19", "en", ResolvedDate(None, "none", month_day=(8, 19))),
        ("on February 29", "en", ResolvedDate(None, "none", month_day=(2, 29))),
        ("27 декабря", "ru", ResolvedDate(None, "none", month_day=(12, 27))),
        ("on Monday", "en", UNKNOWN),
        ("yesterday", "en", UNKNOWN),
        ("last week", "en", UNKNOWN),
        ("in October", "en", UNKNOWN),
        ("3 days ago", "en", UNKNOWN),
        ("вчера", "ru", UNKNOWN),
        ("в октябре", "ru", UNKNOWN),
        ("10 noyabr 2020-ci il", "az", on_day(2020, 11, 10)),
        ("1994-cü ildə", "az", in_year(1994)),
        ("noyabrın 10-da", "az", ResolvedDate(None, "none", month_day=(11, 10))),
        ("dünən", "az", UNKNOWN),
        ("çərşənbə axşamı", "az", UNKNOWN),
        ("keçən həftə", "az", UNKNOWN),
        ("oktyabrda", "az", UNKNOWN),
        ("iki gün əvvəl", "az", UNKNOWN),
    ],
)
def test_never_takes_the_clock_without_a_publication_date(text: str, language: str, expected: ResolvedDate) -> None:
    assert resolve_date(text, None, "past", language) == expected


def test_every_found_expression_resolves() -> None:
    sentence = (
        "On November 10, 2020, after the war of the early 1990s, Lavrov, who visited Baku last week, "
        "said on Tuesday that the commission would meet in October."
    )
    resolved = [resolve_date(item.text, TUESDAY) for item in find_date_expressions(sentence)]
    assert resolved == [
        on_day(2020, 11, 10),
        in_year(1990),
        week_in_month(2019, 11, monday=D(2019, 11, 25)),
        on_day(2019, 12, 3),
        in_month(2019, 10),
    ]


def test_rejects_an_unknown_tense() -> None:
    with pytest.raises(ValueError, match="tense"):
        resolve_date("on Monday", TUESDAY, "present")


# --- tense


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Bayramov will pay an official visit to Russia on August 26.", "visit", "future"),
        ("Bayramov is also scheduled to meet with Overchuk.", "meet", "future"),
        ("Aliyev is to visit Moscow in October.", "visit", "future"),
        ("We consider the upcoming visit in the context of dialogue.", "visit", "future"),
        ("A humanitarian forum will be held in October.", "forum", "future"),
        ("A meeting of the ministers due later this week will help.", "meeting", "future"),
        ("Putin plans to travel to Baku next week.", "travel", "future"),
        ("Лавров будет встречаться с Байрамовым.", "встречаться", "future"),
        ("Встреча министров состоится в понедельник.", "Встреча", "future"),
        ("Lavrov made the remarks on June 18 at a briefing.", "remarks", "past"),
        ("The two countries signed a ceasefire agreement in 1994.", "signed", "past"),
        ("Lavrov met Aliyev and will visit Yerevan later.", "met", "past"),
        ("The session, which will be reviewed, was held on December 9, 2019.", "held", "past"),
        ("The flights were cancelled due to the attack.", "attack", "past"),
    ],
)
def test_tense_of(sentence: str, trigger: str, expected: str) -> None:
    start = sentence.index(trigger)
    assert tense_of(sentence, start, start + len(trigger)) == expected


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Əliyev sabah Putinlə görüşəcək.", "görüşəcək", "future"),
        ("Lavrov gələn həftə Bakıya səfər edəcək.", "səfər", "future"),
        ("Görüş noyabrda keçiriləcək.", "Görüş", "future"),
        ("Keçiriləcək görüşdə iqtisadi məsələlər müzakirə olunacaq.", "görüşdə", "future"),
        ("Qarşıdakı səfər çərçivəsində sənədlər imzalanacaq.", "səfər", "future"),
        ("Görüşün noyabrda keçirilməsi planlaşdırılır.", "Görüşün", "future"),
        ("Əliyev dünən Putinlə görüşüb.", "görüşüb", "past"),
        ("Lavrov Bakıya səfər edib.", "səfər", "past"),
        # The future verb of another clause does not govern the trigger.
        ("Əliyev Putinlə görüşüb və sabah Moskvaya gedəcək.", "görüşüb", "past"),
        ("Səfər başa çatıb və nazir sabah qayıdacaq.", "Səfər", "past"),
    ],
)
def test_tense_of_azerbaijani(sentence: str, trigger: str, expected: str) -> None:
    start = sentence.index(trigger)
    assert tense_of(sentence, start, start + len(trigger), "az") == expected


# --- cost


def test_import_leaves_dateparser_and_rapidfuzz_unloaded() -> None:
    # Both are slow to import and only some sentences need them. The file is loaded on its own, in a fresh
    # interpreter, so that what the rest of the package imports does not count.
    script = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('dates', {dates.__file__!r})\n"
        "spec.loader.exec_module(importlib.util.module_from_spec(spec))\n"
        "print('dateparser' in sys.modules, 'rapidfuzz' in sys.modules)"
    )
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert loaded.split() == ["False", "False"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police searched the office of the Russia Today channel on Monday.", ["on Monday"]),
        ("USA Today reported that the ministers met today.", ["today"]),
        ("Lavrov met Bayramov. Today they signed a memorandum.", ["Today"]),
        ("Today the ministers met in Baku.", ["Today"]),
    ],
)
def test_today_in_a_name_is_not_a_date(sentence, expected):
    assert [e.text for e in find_date_expressions(sentence)] == expected

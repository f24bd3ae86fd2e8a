"""Date expressions in news sentences, resolved against the article's publication date (CODING.md section 6).

Finding uses regexes compiled at import: a cheap scan for the words every date expression contains (a number,
a month or weekday name, "yesterday", "week", ...), then the full grammar, tried only at the few word starts
just before such a word. The arithmetic (which year, which weekday, what precision) is done here; dateparser
is called only for "three weeks ago"-style phrases. Nothing reads the clock: without a publication date,
anything relative resolves to precision "none".
"""

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class DateExpression:
    text: str  # the words as they appear, e.g. "on Monday", "July 3, 1997", "in the early 1990s"
    start: int  # character offsets in the sentence searched
    end: int


@dataclass(frozen=True)
class ResolvedDate:
    date: datetime.date | None  # month precision -> 1st of the month; year precision -> 1 January
    precision: str  # "day" | "month" | "year" | "none"
    # Set when a month and day are known but not the year (no publication date): a later step may supply it.
    month_day: tuple[int, int] | None = None
    # The first and last day the words allow, when narrower than the precision's period: "last week" is dated
    # to a month (CODING.md) but can only be one of seven days.
    span: tuple[datetime.date, datetime.date] | None = None


@dataclass(frozen=True)
class _Reading:
    """What an expression says, before the publication date is applied."""

    kind: str  # "date" | "month" | "year" | "weekday" | "day_offset" | "period" | "ago"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    shift: int = 0  # days for "day_offset"; -1/0/+1 for "period" and for "last"/"next" weekdays and months
    unit: str | None = None  # "week" | "month" | "year" for "period"
    precision: str | None = None  # for "ago": "day" | "month" | "year"
    count: int | None = None  # for "ago" read here rather than by dateparser: how many units back


_UNKNOWN = ResolvedDate(None, "none")

# A past-tense date a little after publication is more likely a misread tense or a late dateline than a date
# a year earlier, so the year only flips when the date lies more than this beyond the publication date.
_YEAR_FLIP_SLACK = datetime.timedelta(days=14)

# Grammar group names are "<field>__<alternative>" (names must be unique); _read looks only at the field.
_YEAR = r"(?<![\d.,$€£])(?:1[89]\d\d|20\d\d)(?!\d|[.,]\d)"
# "5-6 July", "August 26-27": a happening over several days is dated to its first day.
_DAY_RANGE_END = r"(?:\s*[-–]\s*(?:[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th)?\b)?"
_ISO_DATE = (
    r"(?<![\d-])(?P<year__iso>(?:19|20)\d\d)-(?P<month__iso>0[1-9]|1[0-2])"
    r"-(?P<day__iso>0[1-9]|[12]\d|3[01])(?![\d-])"
)
_DOTTED_DATE = (
    r"(?<![\d.])(?P<day__dot>0?[1-9]|[12]\d|3[01])\.(?P<month__dot>0?[1-9]|1[0-2])"
    r"\.(?P<year__dot>(?:19|20)\d\d)(?!\d|\.\d)"
)

_EN_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_EN_MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
_EN_MONTH_WORDS = frozenset(_EN_MONTH_NAMES + _EN_MONTH_ABBREVIATIONS)
# Month names alone ("in May") only in full: "may" the verb is lowercase, abbreviations need a day or year.
_EN_MONTH_FULL = "(?:" + "|".join(_EN_MONTH_NAMES) + ")"
_EN_MONTH = rf"(?:{_EN_MONTH_FULL}|(?:{'|'.join(_EN_MONTH_ABBREVIATIONS)})\b\.?)"
_EN_WEEKDAY_EXACT = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_EN_DAY_PREP = r"(?i:on|dated|from|by|for|at)\s+"
_EN_PERIOD_PREP = r"(?i:in|by|during|from|at|for|throughout|dated)\s+"
_EN_PERIOD_EDGE = (
    r"(?i:(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of\s+"
    r"|(?:early|mid|late)(?:-|\s+))"
)
_EN_PART_OF_DAY = r"(?:\s+(?i:morning|afternoon|evening|night)\b)?"

_EN_ALTERNATIVES = (
    _ISO_DATE,
    _DOTTED_DATE,
    # "on Wednesday, September 20", "July 3, 1997", "Aug.25", "the 26th of August": the weekday is dropped.
    rf"(?:{_EN_DAY_PREP})?(?:{_EN_WEEKDAY_EXACT},?\s+)?(?P<month__md>{_EN_MONTH})\s*"
    rf"(?P<day__md>[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th)?\b{_DAY_RANGE_END}"
    rf"(?:,?\s+(?P<year__md>{_YEAR}))?",
    rf"(?:{_EN_DAY_PREP})?(?:{_EN_WEEKDAY_EXACT},?\s+)?(?:(?i:the)\s+)?(?<![\d.,:$])"
    rf"(?P<day__dm>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?{_DAY_RANGE_END}(?:\s+of)?"
    rf"\s+(?P<month__dm>{_EN_MONTH})"
    rf"(?:,?\s+(?P<year__dm>{_YEAR}))?",
    rf"(?:{_EN_PERIOD_PREP})?(?:(?i:the)\s+)?(?:(?P<edge__dec>(?i:early|mid|late))(?:-|\s+))?(?<!\d)"
    r"(?P<decade__dec>(?:1[89]|20)\d0)['’]?s\b",
    rf"(?:(?:{_EN_PERIOD_PREP})?{_EN_PERIOD_EDGE}|{_EN_PERIOD_PREP})(?P<month__mon>{_EN_MONTH_FULL})\b"
    rf"(?:,?\s+(?P<year__mon>{_YEAR}))?",
    rf"(?P<month__my>{_EN_MONTH}),?\s+(?P<year__my>{_YEAR})",
    # "last November": the latest November before the publication month; "next May": the first one after it.
    rf"(?P<relation__lm>(?i:last|next))\s+(?P<month__lm>{_EN_MONTH_FULL})\b",
    # A bare year needs a preposition or "the" ("the 2020 agreements"): "2000 troops" is a count.
    rf"(?:(?:{_EN_PERIOD_PREP})?{_EN_PERIOD_EDGE}|{_EN_PERIOD_PREP}|(?i:the|of)\s+)(?P<year__yr>{_YEAR})\b",
    r"(?P<dayword__rd>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
    r"|(?:earlier|later)\s+today|today|tonight|this\s+(?:morning|afternoon|evening)|yesterday|last\s+night"
    r"|tomorrow|the\s+previous\s+(?:day|evening|night)"
    # "the day before the summit" counts from the summit, not from the publication date.
    r"|the\s+day\s+before(?!\s+(?:the|a|an|his|her|their|its|this|that|[\w-]+['’]s)\b)))\b" + _EN_PART_OF_DAY,
    # "over the last year" is a span, not a date.
    r"(?<![Tt]he\s)(?i:(?P<shift__rp>last|next|this|earlier\s+this|later\s+this|the\s+previous"
    r"|the\s+coming|the\s+current)\s+(?P<unit__rp>week|month|year))\b",
    r"(?i:(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<agounit__ago>day|week|month|year)s?\s+ago)\b",
    # Any capitalised word may be a misspelt weekday ("Tuesdsay"); _english_weekday decides.
    r"(?:(?i:(?:(?:shortly|just)\s+)?(?:after|before)\s+midnight|early|late)\s+)?"
    r"(?:(?P<relation__wd>(?i:last|next|this))\s+|(?i:on|for|by)\s+)?"
    r"(?P<weekday__wd>[MTWFS][a-z]{4,10})\b(?:['’]s)?" + _EN_PART_OF_DAY,
)

_EN_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The words of the Debian English word lists (wamerican, wbritish) that score >= 80 against a weekday name:
# they are words, not typos, and plural weekdays are habits ("on Mondays"), not dates.
_WEEKDAY_LOOKALIKES = frozenset({
    "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
    "freida", "frieda", "sturdy", "sundae", "sundas", "sundry",
})  # fmt: skip
_WEEKDAY_TYPO_MIN_SCORE = 80

_RU_MONTH_GENITIVE = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_RU_MONTH_PREPOSITIONAL = r"(?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)"
_RU_WEEKDAY = r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
_RU_YEAR_WORD = r"(?:\s*(?:году|года|год|г\.))"
_RU_PERIOD_EDGE = r"(?:начале|середине|конце|концу|первой\s+половине|второй\s+половине)\s+"

_RU_ALTERNATIVES = (
    _ISO_DATE,
    _DOTTED_DATE,
    rf"(?:(?:в|во)\s+{_RU_WEEKDAY},?\s+)?(?<![\d.,:])(?P<day__dm>[12]\d|3[01]|0?[1-9])(?:-?(?:го|е))?"
    rf"{_DAY_RANGE_END}\s+"
    rf"(?P<month__dm>{_RU_MONTH_GENITIVE})\b(?:\s+(?P<year__dm>{_YEAR}){_RU_YEAR_WORD}?)?",
    r"(?:в\s+)?(?:(?P<edge__dec>начале|середине|конце)\s+)?(?<!\d)(?P<decade__dec>(?:1[89]|20)\d0)"
    r"-?(?:х|е|ые|ых)\b(?:\s+(?:годов|годах|годы|гг\.))?",
    rf"(?:(?:в|во|к)\s+)?(?:{_RU_PERIOD_EDGE}(?P<month__mg>{_RU_MONTH_GENITIVE})"
    rf"|(?P<month__mp>{_RU_MONTH_PREPOSITIONAL}))\b(?:\s+(?P<year__mon>{_YEAR}){_RU_YEAR_WORD}?)?",
    rf"(?:(?:в|во|к)\s+)?(?:{_RU_PERIOD_EDGE})?(?P<year__yr>{_YEAR})(?:-?м)?{_RU_YEAR_WORD}",
    r"(?P<dayword__rd>позавчера|послезавтра|вчера|сегодня|завтра"
    # "накануне визита" is the eve of the visit, not the day before publication.
    r"|накануне(?!\s+(?:встречи|визита|переговоров|саммита|заседания|выборов|праздника|дня|годовщины"
    r"|поездки|начала|голосования|референдума|конференции|форума|открытия|приезда|прибытия|подписания)\b))\b"
    r"(?:\s+(?:утром|днём|днем|вечером|ночью)\b)?",
    r"(?:на|в)\s+(?P<shift__rp>прошлой|прошлом|этой|этом|текущей|текущем|следующей|следующем|будущей"
    r"|будущем)\s+(?P<unit__rp>неделе|месяце|году)\b",
    r"(?:(?:\d{1,3}|одну|один|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)\s+)?"
    r"(?P<agounit__ago>дн(?:я|ей)|день|недел[июь]|недель|месяц(?:а|ев)?|год(?:а)?|лет)\s+назад\b",
    r"(?:в|во)\s+(?:(?P<relation__wd>прошл\w+|следующ\w+|ближайш\w+|эт\w+)\s+)?"
    rf"(?P<weekday__wd>{_RU_WEEKDAY})\b",
)

_RU_MONTHS = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "мае": 5, "июн": 6,
    "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}  # fmt: skip
_RU_WEEKDAYS = {"пон": 0, "вто": 1, "сре": 2, "чет": 3, "пят": 4, "суб": 5, "вос": 6}

# Azerbaijani marks case with suffixes: "noyabrın 10-da" (on the 10th of November), "2020-ci ildə" (in 2020),
# "noyabrda" (in November). Ablative and terminative forms ("2004-cü ildən", "10-dək") are spans, so the
# endings each alternative accepts are listed and must end the word.
_AZ_MONTH_STEMS = (
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr",
)  # fmt: skip
_AZ_MONTH = "(?:" + "|".join(_AZ_MONTH_STEMS) + ")"
# Longest first: "çərşənbə axşamı" is Tuesday, "çərşənbə" Wednesday; "bazar" alone is a market, not Sunday.
_AZ_WEEKDAY = (
    r"(?:bazar\s+ertəsi|çərşənbə\s+axşamı|çərşənbə|cümə\s+axşamı|cümə|şənbə|bazar(?=\s+gün))(?:\s+gün(?:ü|ündə))?"
)
_AZ_YEAR_WORD = r"-?c[ıiuü]\s+il"  # after the year's digits: "2020-ci il", "1994-cü il"
# "noyabrın əvvəlində / ortalarında / sonunda": at the beginning, middle or end of a month, year or decade.
_AZ_EDGE_WORD = r"(?:əvvəl|orta|son)"
_AZ_EDGE_TAIL = r"(?:l[əa]r)?(?:[ıiuü]|s[ıi])nd[əa]"
# "-da", "-u", "-unda", "-cı": the endings of a day number ("noyabrın 10-da", "10-cu"); not "-dan", "-dək".
_AZ_DAY_ENDING = r"(?:-(?:(?:[ıiuü]|s[ıiuü])?n?d[aə]|[ıiuü]|s[ıiuü]|c[ıiuü]))?"
_AZ_AGO_COUNT = r"(?:\d{1,3}|bir|iki|üç|dörd|beş|altı|yeddi|səkkiz|doqquz|on)"

_AZ_ALTERNATIVES = (
    _ISO_DATE,
    _DOTTED_DATE,
    # "10 noyabr 2020-ci il", "çərşənbə axşamı, 10 noyabrda", "10 noyabr ayında"
    rf"(?:{_AZ_WEEKDAY},?\s+)?(?<![\d.,:])(?P<day__dm>[12]\d|3[01]|0?[1-9]){_DAY_RANGE_END}\s+"
    rf"(?P<month__dm>{_AZ_MONTH})(?:d[aə]|\s+ay[ıi]nd[aə])?"
    rf"(?:\s+(?P<year__dm>{_YEAR})(?:{_AZ_YEAR_WORD}(?:d[əa])?)?)?(?!\w)",
    # "noyabrın 10-da", "2020-ci il noyabrın 10-da", "2020-ci ilin noyabr ayının 10-u"
    rf"(?:(?P<year__gd>{_YEAR}){_AZ_YEAR_WORD}(?:in)?\s+)?(?P<month__gd>{_AZ_MONTH})(?:[ıiuü]n|\s+ay[ıi]n[ıi]n)\s+"
    rf"(?<![\d.,:])(?P<day__gd>[12]\d|3[01]|0?[1-9]){_AZ_DAY_ENDING}(?![\w-])",
    # "1990-cı illərdə", "1990-cı illərin əvvəllərində": the 1990s
    rf"(?<!\d)(?P<decade__dec>(?:1[89]|20)\d0){_AZ_YEAR_WORD}lər"
    rf"(?:d[əa]|in\s+(?P<edge__dec>{_AZ_EDGE_WORD}){_AZ_EDGE_TAIL})?(?!\w)",
    # "2020-ci ilin noyabrında", "2020-ci ilin noyabr ayının sonunda", "noyabrda", "noyabrın əvvəlində"
    rf"(?:(?P<year__ym>{_YEAR}){_AZ_YEAR_WORD}(?:in)?\s+)?(?P<month__ym>{_AZ_MONTH})"
    rf"(?:[ıiuü]?nd[aə]|d[aə]|\s+ay[ıi]nd[aə]|(?:[ıiuü]n|\s+ay[ıi]n[ıi]n)\s+{_AZ_EDGE_WORD}{_AZ_EDGE_TAIL})(?!\w)",
    # "2020-ci ildə", "2020-ci il", "2020-ci ilin sonunda"
    rf"(?P<year__yr>{_YEAR}){_AZ_YEAR_WORD}(?:d[əa]|in(?:\s+{_AZ_EDGE_WORD}{_AZ_EDGE_TAIL})?|i)?(?!\w)",
    r"(?P<dayword__rd>srağagün|bu\s+gün|bugün|dünən|sabah|birigün|ötən\s+gün)"
    r"(?:\s+(?:səhər|axşam|gecə|günorta)(?!\w))?(?!\w)",
    r"(?P<shift__rp>keçən|ötən|gələn|növbəti|bu|cari)\s+(?P<unit__rp>həftə|ay|il)(?!\w)",
    # "iki gün əvvəl" (two days ago); not "səfərdən iki gün əvvəl" (two days before the visit).
    rf"(?<![dt][aə]n\s)(?P<agocount__ago>{_AZ_AGO_COUNT})\s+(?P<agounit__ago>gün|həftə|ay|il)\s+(?:əvvəl|öncə)(?!\w)",
    rf"(?:(?P<relation__wd>keçən|ötən|gələn|növbəti|bu)\s+)?(?P<weekday__wd>{_AZ_WEEKDAY})(?!\w)",
)

_AZ_MONTHS = {stem: number for number, stem in enumerate(_AZ_MONTH_STEMS, start=1)}
_AZ_WEEKDAYS = {
    "bazar ertəsi": 0, "çərşənbə axşamı": 1, "çərşənbə": 2, "cümə axşamı": 3, "cümə": 4, "şənbə": 5, "bazar": 6,
}  # fmt: skip
_AZ_UNITS = {"gün": "day", "həftə": "week", "ay": "month", "il": "year"}
_AZ_COUNTS = {
    "bir": 1, "iki": 2, "üç": 3, "dörd": 4, "beş": 5, "altı": 6, "yeddi": 7, "səkkiz": 8, "doqquz": 9, "on": 10,
}  # fmt: skip

_GRAMMARS = {
    "en": re.compile("|".join(_EN_ALTERNATIVES)),
    "ru": re.compile("|".join(_RU_ALTERNATIVES), re.IGNORECASE),
    "az": re.compile("|".join(_AZ_ALTERNATIVES), re.IGNORECASE),
}
LANGUAGES = tuple(_GRAMMARS)  # the languages whose dates can be read
# Every alternative of a grammar contains one of these words; "name" is kept only when it is a month or a
# (possibly misspelt) weekday. Case-sensitive on purpose: case-insensitive scanning takes twice the time.
_ANCHORS = {
    "en": re.compile(
        r"\b(?:\d{1,4}(?!\d)|(?:[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|morning|afternoon|evening|night"
        r"|days?|weeks?|months?|years?|(?P<name>"
        + "|".join(_EN_MONTH_NAMES + _EN_MONTH_ABBREVIATIONS)
        + r"|[MTWFS][a-z]{4,10}))\b)"
    ),
    "ru": re.compile(
        rf"(?<![\w.,$€£])\d{{1,4}}(?!\d)|(?<!\w)(?:{_RU_MONTH_GENITIVE}|{_RU_MONTH_PREPOSITIONAL}"
        rf"|{_RU_WEEKDAY}|сегодня|вчера|завтра|накануне|позавчера|послезавтра|неделе|месяце|году"
        r"|назад)(?!\w)",
        re.IGNORECASE,
    ),
    "az": re.compile(
        rf"(?<![\w.,$€£])\d{{1,4}}(?!\d)|(?<!\w)(?:{_AZ_MONTH}|(?:bazar|çərşənbə|cümə|şənbə|srağagün|bugün|birigün"
        r"|dünən|sabah|gün|həftə|ay|il)(?!\w))",
        re.IGNORECASE,
    ),
}
# The words that may stand before the anchor word in an expression, and how far back they may reach
# ("shortly after midnight on ", "в первой половине "). Trying the grammar only from there keeps it cheap.
_LEAD_INS = {
    "en": re.compile(
        r"(?i)(?<!\w)(?:(?:on|dated|from|by|for|at|in|during|throughout|the|of|end|beginning|start|middle"
        r"|first|second|half|early|mid|late|shortly|just|after|before|midnight|last|next|this|earlier|later"
        r"|previous|coming|current|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
        r"(?:\s+|-))*$"
    ),
    "ru": re.compile(
        r"(?i)(?<!\w)(?:(?:в|во|к|на|начале|середине|конце|концу|первой|второй|половине|прошл\w+|эт\w+"
        r"|текущ\w+|следующ\w+|ближайш\w+|будущ\w+|одну|один|два|две|три|четыре|пять|шесть|семь|восемь"
        r"|девять|десять|дн[яей]+|день|недел\w*|месяц\w*|год\w*|лет)\s+)*$"
    ),
    "az": re.compile(
        r"(?i)(?<!\w)(?:(?:keçən|ötən|gələn|növbəti|bu|cari|bir|iki|üç|dörd|beş|altı|yeddi|səkkiz|doqquz|on"
        r"|\d{1,3})\s+)*$"
    ),
}
_LEAD_IN_CHARS = 40
_WORD_START = re.compile(r"(?<!\w)\w")
# "since 2004", "until Friday", "с 27 декабря": the start or end of a span, not the date of a happening.
_SPAN_BOUND_BEFORE = {
    "en": re.compile(r"(?i)\b(?:since|until|till)\s+(?:the\s+)?$"),
    "ru": re.compile(r"(?i)(?<!\w)(?:с|со|до|по)\s+$"),
    # Azerbaijani marks the bounds of a span after the date ("2004-cü ildən bəri", "10-dək"): the grammar's
    # endings leave them out, and no word before a date makes it a bound.
    "az": re.compile(r"(?!)"),
}
_SPAN_BOUND_CHARS = 12

_DAY_OFFSETS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "later today": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
    "the previous day": -1, "the previous evening": -1, "the previous night": -1, "the day before": -1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
    "сегодня": 0, "вчера": -1, "накануне": -1, "позавчера": -2, "завтра": 1, "послезавтра": 2,
    "bu gün": 0, "bugün": 0, "dünən": -1, "ötən gün": -1, "srağagün": -2, "sabah": 1, "birigün": 2,
}  # fmt: skip
_PERIOD_SHIFTS = {
    "last": -1, "the previous": -1, "next": 1, "the coming": 1,
    "this": 0, "earlier this": 0, "later this": 0, "the current": 0,
    "прошлой": -1, "прошлом": -1, "этой": 0, "этом": 0, "текущей": 0, "текущем": 0,
    "следующей": 1, "следующем": 1, "будущей": 1, "будущем": 1,
    "keçən": -1, "ötən": -1, "bu": 0, "cari": 0, "gələn": 1, "növbəti": 1,
}  # fmt: skip
_PERIOD_UNITS = {
    "week": "week", "month": "month", "year": "year", "неделе": "week", "месяце": "month", "году": "year",
    **{unit: name for unit, name in _AZ_UNITS.items() if name != "day"},
}  # fmt: skip
# A decade phrase gets the first year it covers: "early 1990s" -> 1990, "mid-1990s" -> 1994, "late" -> 1997.
_DECADE_EDGE_YEARS = {
    "early": 0, "mid": 4, "late": 7, "начале": 0, "середине": 4, "конце": 7, "əvvəl": 0, "orta": 4, "son": 7,
}  # fmt: skip

_CLAUSE_BREAK = re.compile(r"[.;:!?,\n]")
_WORDS_BEFORE_TRIGGER = 6
_FUTURE_BEFORE = re.compile(
    r"(?i)(?<!\w)(?:will|shall|\w+['’]ll|(?:is|are|am)\s+(?:(?:also|still|now|\w+ly)\s+)?(?:to|set\s+to"
    r"|scheduled\s+to|expected\s+to|due\s+to|going\s+to|planning\s+to|about\s+to)|plans?\s+to|intends?\s+to"
    r"|upcoming|forthcoming"
    r"|next\s+(?:week|month|year)|будет|будут|планиру\w*|намерен\w*|предстоящ\w*|собира\w+ся)(?!\w)"
)
# After the trigger only markers that attach to a noun count: in "met Aliyev and will visit" the "will" is
# not about "met".
_FUTURE_AFTER = re.compile(
    r"(?i)\W*(?:\S+\s+){0,6}?(?:(?:will|is\s+to|are\s+to)\s+(?:be\s+held|take\s+place|begin|start|open)"
    r"|to\s+be\s+held|(?:is|are)\s+(?:scheduled|expected|planned|due|set)|(?:scheduled|planned|set)\s+for"
    r"|due\s+(?:later|next|on|in)|(?:next|later\s+this)\s+(?:week|month|year)|tomorrow"
    r"|состоится|состоятся|пройд[её]т|запланирован\w*)(?!\w)"
)


def find_date_expressions(sentence: str, language: str = "en") -> list[DateExpression]:
    """Cheap regex scan for candidate date expressions, in order of appearance, non-overlapping (longest
    wins)."""
    grammar = _grammar(language)
    found = []
    covered = 0
    for anchor in _ANCHORS[language].finditer(sentence):
        if anchor.start() < covered:
            continue
        if anchor.lastgroup == "name" and not _is_month_or_weekday(anchor.group()):
            continue
        match = _expression_around(grammar, sentence, anchor.start(), covered, language)
        if match is None:
            continue
        covered = match.end()
        if _IN_A_NAME.match(match.group()) and _NAME_BEFORE.search(sentence, 0, match.start()):
            continue  # "Russia Today", "USA Today": a title, not a date
        before = max(0, match.start() - _SPAN_BOUND_CHARS)
        if not _SPAN_BOUND_BEFORE[language].search(sentence, before, match.start()):
            found.append(DateExpression(match.group(), match.start(), match.end()))
    return found


# A capitalised "Today" right after a capitalised word is part of a name (a newspaper, a channel).
_IN_A_NAME = re.compile(r"(?:Today|Tonight|Tomorrow)$")
_NAME_BEFORE = re.compile(r"\b[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*\s+$")


@lru_cache(maxsize=1 << 16)
def resolve_date(
    text: str, published: datetime.date | None, tense: str = "past", language: str = "en"
) -> ResolvedDate | None:
    """Resolve one expression against the publication date. tense: "past" or "future" (weekday names: past ->
    the nearest such day on or before `published`; future -> the nearest after it; a bare 'on Tuesday' in a
    Tuesday article in past tense is that same day). Returns None when the text is not a date after all."""
    if tense not in ("past", "future"):
        raise ValueError(f"tense must be 'past' or 'future', not {tense!r}")
    match = _grammar(language).fullmatch(text.strip())
    reading = None if match is None else _read(match, language)
    if reading is None:
        return None
    if reading.kind == "date":
        return _resolve_day_of_month(reading, published, tense)
    if reading.kind == "month":
        return _resolve_month(reading, published, tense)
    if reading.kind == "year":
        return ResolvedDate(datetime.date(reading.year, 1, 1), "year")
    if published is None:
        return _UNKNOWN
    if reading.kind == "weekday":
        return ResolvedDate(_resolve_weekday(reading, published, tense), "day")
    if reading.kind == "day_offset":
        return ResolvedDate(published + datetime.timedelta(days=reading.shift), "day")
    if reading.kind == "period":
        return _resolve_period(reading, published)
    if reading.count is not None:
        return _resolve_counted_ago(reading, published)
    return _resolve_ago(text.strip(), published, reading.precision, language)


def tense_of(sentence: str, trigger_start: int, trigger_end: int, language: str = "en") -> str:
    """Return "future" when a future marker governs the trigger word ("will visit", "is scheduled to meet",
    "the upcoming visit", "the forum will be held"), else "past". Looks only inside the trigger's clause."""
    if language == "az":
        return _azerbaijani_tense(sentence, trigger_start, trigger_end)
    clause_before = _CLAUSE_BREAK.split(sentence[:trigger_start])[-1]
    if _FUTURE_BEFORE.search(" ".join(clause_before.split()[-_WORDS_BEFORE_TRIGGER:])):
        return "future"
    clause_after = _CLAUSE_BREAK.split(sentence[trigger_end:], maxsplit=1)[0]
    return "future" if _FUTURE_AFTER.match(clause_after) else "past"


# Azerbaijani marks the future on the verb: "-acaq/-əcək" ("görüşəcək", "keçiriləcək"), also as a participle
# ("keçiriləcək görüş", "keçiriləcəyi"); "planlaşdırılır" (is planned), "nəzərdə tutulur" (is envisaged),
# "gözlənilir" (is expected) put the noun before them in the future; "qarşıdakı" is "upcoming".
_AZ_FUTURE_WORD = r"(?:[^\W\d]+[aə]c[aə](?:[kq]|ğ[ıi]|y[ıi])\w*|planlaşdırıl\w*|nəzərdə\s+tutul\w*|gözlənil\w*)"
_AZ_FUTURE_TRIGGER = re.compile(r"[aə]c[aə](?:[kq]|ğ[ıi]|y[ıi])\w*$", re.I)
_AZ_PAST_TRIGGER = re.compile(r"(?:[ıiuü]b|d[ıiuü]|m[ıiuü]ş)(?:l[aə]r)?(?:d[ıiuü]r)?$", re.I)
_AZ_FUTURE_AFTER = re.compile(
    rf"(?:\s+(?!(?:və|ki|amma|lakin|ancaq)\b)[^\W\d]+){{0,2}}?\s+{_AZ_FUTURE_WORD}(?!\w)", re.I
)
_AZ_FUTURE_BEFORE = re.compile(
    rf"(?<!\w)(?:qarşıdakı|planlaşdırılan|gözlənilən|nəzərdə\s+tutulan|{_AZ_FUTURE_WORD})\s+(?:[^\W\d]+\s+){{0,2}}$",
    re.I,
)


def _azerbaijani_tense(sentence: str, trigger_start: int, trigger_end: int) -> str:
    """The tense of the trigger's own verb: the trigger's ending ("görüşəcək", "görüşüb"), else the verb
    that follows a noun trigger in its clause ("səfər edəcək"), else a future participle before it."""
    trigger = sentence[trigger_start:trigger_end]
    if _AZ_FUTURE_TRIGGER.search(trigger):
        return "future"
    if _AZ_PAST_TRIGGER.search(trigger):
        return "past"
    clause_after = _CLAUSE_BREAK.split(sentence[trigger_end:], maxsplit=1)[0]
    clause_before = _CLAUSE_BREAK.split(sentence[:trigger_start])[-1]
    future = _AZ_FUTURE_AFTER.match(clause_after) or _AZ_FUTURE_BEFORE.search(clause_before)
    return "future" if future else "past"


def _grammar(language: str) -> re.Pattern[str]:
    try:
        return _GRAMMARS[language]
    except KeyError:
        raise ValueError(f"no date grammar for language {language!r}") from None


def _is_month_or_weekday(name: str) -> bool:
    return name in _EN_MONTH_WORDS or _english_weekday(name) is not None


def _expression_around(
    grammar: re.Pattern[str], sentence: str, anchor_start: int, earliest: int, language: str
) -> re.Match[str] | None:
    """The earliest-starting (so longest) date expression that takes in the anchor word."""
    lead_in = _LEAD_INS[language].search(sentence, max(earliest, anchor_start - _LEAD_IN_CHARS), anchor_start)
    for word in _WORD_START.finditer(sentence, lead_in.start(), anchor_start + 1):
        match = grammar.match(sentence, word.start())
        # _read rejects what the grammar lets through: a capitalised word that is no weekday, "February 30".
        if match is not None and match.end() > anchor_start and _read(match, language) is not None:
            return match
    return None


def _read(match: re.Match[str], language: str) -> _Reading | None:
    """The match's fields as numbers; None when the words turn out not to be a date."""
    fields = {name.partition("__")[0]: value for name, value in match.groupdict().items() if value}
    if "dayword" in fields:
        return _Reading("day_offset", shift=_DAY_OFFSETS[_folded(fields["dayword"])])
    if "agounit" in fields:
        unit = _folded(fields["agounit"])
        if "agocount" not in fields:
            return _Reading("ago", precision=_ago_precision(unit))
        count = fields["agocount"]
        count = int(count) if count.isdigit() else _AZ_COUNTS[_folded(count)]
        return _Reading("ago", precision=_ago_precision(unit), count=count, unit=_AZ_UNITS[unit])
    if "unit" in fields:
        shift = _PERIOD_SHIFTS[_folded(fields["shift"])]
        return _Reading("period", shift=shift, unit=_PERIOD_UNITS[_folded(fields["unit"])])
    if "weekday" in fields:
        weekday = _weekday_number(fields["weekday"], language)
        return None if weekday is None else _Reading("weekday", weekday=weekday, shift=_relation_shift(fields))
    if "decade" in fields:
        edge = fields.get("edge", "early").lower()
        return _Reading("year", year=int(fields["decade"]) + _DECADE_EDGE_YEARS[edge])
    year = int(fields["year"]) if "year" in fields else None
    if "month" not in fields:
        return _Reading("year", year=year)
    month = _month_number(fields["month"], language)
    if "day" not in fields:
        return _Reading("month", year=year, month=month, shift=_relation_shift(fields))
    day = int(fields["day"])
    if not _is_valid_day(year, month, day):
        return None
    return _Reading("date", year=year, month=month, day=day)


def _folded(words: str) -> str:
    """Lower-cased with single spaces; the Turkic capital "İ" lowers to a plain "i", as in Azerbaijani."""
    return " ".join(words.replace("İ", "i").lower().split())


def _relation_shift(fields: dict[str, str]) -> int:
    relation = fields.get("relation", "").lower()
    if relation.startswith(("last", "прошл", "keçən", "ötən")):
        return -1
    return 1 if relation.startswith(("next", "след", "ближ", "gələn", "növbəti")) else 0


def _ago_precision(unit: str) -> str:
    if unit.startswith(("day", "дн", "ден", "gün")):
        return "day"
    if unit.startswith(("year", "год", "лет")) or unit == "il":
        return "year"
    return "month"  # like "last week", a happening "two weeks ago" is dated to the month


def _month_number(name: str, language: str) -> int:
    if name.isdigit():
        return int(name)
    if language == "az":
        word = _folded(name)
        return next(number for stem, number in _AZ_MONTHS.items() if word.startswith(stem))
    return (_EN_MONTHS if language == "en" else _RU_MONTHS)[name[:3].lower()]


def _weekday_number(token: str, language: str) -> int | None:
    if language == "ru":
        return _RU_WEEKDAYS[token[:3].lower()]
    if language == "az":  # "cümə günü", "çərşənbə axşamı günü": the day's name without "günü"
        return _AZ_WEEKDAYS[re.sub(r" gün(?:ü|ündə)$", "", _folded(token))]
    return _english_weekday(token)


@lru_cache(maxsize=4096)
def _english_weekday(token: str) -> int | None:
    """Monday=0 ... Sunday=6 for a weekday name or a typo of one ("Tuesdsay", "Thrusday"); else None."""
    word = token.lower()
    if word in _EN_WEEKDAYS:
        return _EN_WEEKDAYS.index(word)
    if word in _WEEKDAY_LOOKALIKES:
        return None
    from rapidfuzz import fuzz, process  # imported on first use: it costs ~25 ms

    best = process.extractOne(word, _EN_WEEKDAYS, scorer=fuzz.ratio, score_cutoff=_WEEKDAY_TYPO_MIN_SCORE)
    return None if best is None else best[2]


def _is_valid_day(year: int | None, month: int, day: int) -> bool:
    # Without a year, 29 February is possible.
    return day <= calendar.monthrange(2000 if year is None else year, month)[1]


def _resolve_day_of_month(reading: _Reading, published: datetime.date | None, tense: str) -> ResolvedDate:
    if reading.year is not None:
        return ResolvedDate(datetime.date(reading.year, reading.month, reading.day), "day")
    if published is None:
        return ResolvedDate(None, "none", month_day=(reading.month, reading.day))
    # A stand-in for the month/day in the publication year that exists even for 29 February.
    stand_in = datetime.date(published.year, reading.month, 1) + datetime.timedelta(days=reading.day - 1)
    year = published.year + _year_flip(stand_in, stand_in, published, tense)
    if not _is_valid_day(year, reading.month, reading.day):
        return _UNKNOWN
    return ResolvedDate(datetime.date(year, reading.month, reading.day), "day")


def _resolve_month(reading: _Reading, published: datetime.date | None, tense: str) -> ResolvedDate:
    if reading.year is not None:
        return ResolvedDate(datetime.date(reading.year, reading.month, 1), "month")
    if published is None:
        return _UNKNOWN
    if reading.shift == -1:  # "last November"
        year = published.year - (reading.month >= published.month)
        return ResolvedDate(datetime.date(year, reading.month, 1), "month")
    if reading.shift == 1:  # "next May"
        year = published.year + (reading.month <= published.month)
        return ResolvedDate(datetime.date(year, reading.month, 1), "month")
    first = datetime.date(published.year, reading.month, 1)
    last = first.replace(day=calendar.monthrange(published.year, reading.month)[1])
    year = published.year + _year_flip(first, last, published, tense)
    return ResolvedDate(first.replace(year=year), "month")


def _year_flip(first: datetime.date, last: datetime.date, published: datetime.date, tense: str) -> int:
    """-1, 0 or +1: where a span [first, last] given without a year lies, seen from `published`."""
    if tense == "past" and first > published + _YEAR_FLIP_SLACK:
        return -1
    if tense == "future" and last < published - _YEAR_FLIP_SLACK:
        return 1
    return 0


def _resolve_weekday(reading: _Reading, published: datetime.date, tense: str) -> datetime.date:
    if reading.shift == 1 or (reading.shift == 0 and tense == "future"):
        return published + datetime.timedelta(days=(reading.weekday - published.weekday() - 1) % 7 + 1)
    # "last Tuesday" in a Tuesday article is a week back; "on Tuesday" is that same day.
    days_back = (published.weekday() - reading.weekday) % 7
    if reading.shift == -1 and days_back == 0:
        days_back = 7
    return published - datetime.timedelta(days=days_back)


def _resolve_period(reading: _Reading, published: datetime.date) -> ResolvedDate:
    if reading.unit == "year":
        return ResolvedDate(datetime.date(published.year + reading.shift, 1, 1), "year")
    if reading.unit == "week":
        # CODING.md dates "last week" happenings to the month: the month of the day a week away.
        moved = published + datetime.timedelta(weeks=reading.shift)
        monday = moved - datetime.timedelta(days=moved.weekday())
        return ResolvedDate(moved.replace(day=1), "month", span=(monday, monday + datetime.timedelta(days=6)))
    months = published.year * 12 + published.month - 1 + reading.shift
    return ResolvedDate(datetime.date(months // 12, months % 12 + 1, 1), "month")


def _resolve_counted_ago(reading: _Reading, published: datetime.date) -> ResolvedDate:
    """ "iki gün əvvəl": dateparser reads few Azerbaijani phrases of this kind, so the units are counted here."""
    if reading.unit in ("day", "week"):
        day = published - datetime.timedelta(days=reading.count * (7 if reading.unit == "week" else 1))
    else:
        months = published.year * 12 + published.month - 1 - reading.count * (12 if reading.unit == "year" else 1)
        year, month = months // 12, months % 12 + 1
        day = datetime.date(year, month, min(published.day, calendar.monthrange(year, month)[1]))
    return _at_precision(day, reading.precision)


def _at_precision(day: datetime.date, precision: str) -> ResolvedDate:
    if precision == "day":
        return ResolvedDate(day, "day")
    if precision == "month":
        return ResolvedDate(day.replace(day=1), "month")
    return ResolvedDate(datetime.date(day.year, 1, 1), "year")


def _resolve_ago(text: str, published: datetime.date, precision: str, language: str) -> ResolvedDate | None:
    import dateparser  # imported on first use: it costs ~0.1 s, and only "... ago" phrases need it

    parsed = dateparser.parse(
        text,
        languages=[language],
        settings={
            "RELATIVE_BASE": datetime.datetime.combine(published, datetime.time()),
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return None if parsed is None else _at_precision(parsed.date(), precision)

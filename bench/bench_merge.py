"""Benchmark of the merge stage alone: merge.merge_events on synthetic coded mentions.

Usage (from the repository root):

    .venv/bin/python bench/bench_merge.py [--mentions N] [--seed S] [--json] [--profile]

    --mentions N   coded mentions to merge (default 100000)
    --seed S       seed of the generator (default 0); the same N and S give the same mentions
    --json         print the figures as one JSON object instead of the readable report
    --profile      also run merge_events (first run, no previous events) under cProfile on the N/4 set and print
                   the top 25 lines by cumulative time and the top 15 by own time (after the timed runs)

What it measures: N coded mentions are generated in the exact column layout of pipeline.extract.CODED_COLUMNS
(and the dtypes extract.code_articles gives them), with an articles table (article_id, published_date,
outlet) for the articles they come from. The generator plants "happenings" and reports each of them several
times, in several articles, the way the coder would code them:

* 40 parties: 33 states (ISO3, group null) and the 7 organisations of the contract (group set, country null),
  each as several actors (state, government, ministry, a person); dyads are drawn with a Zipf-like skew
  (weight 1/rank^1.1 over the 780 pairs, Azerbaijan-Russia first), so a few dyads hold most mentions;
* 20 CAMEO codes of the coder's patterns (pipeline/data/cameo_patterns.yaml), each checked against
  pipeline/data/cameo_codes.csv, weighted towards meetings, visits and agreements; a report sometimes uses
  another code of the happening's root (a visit also reported as a meeting);
* happening dates uniform over 2014-2025; mentions per happening Pareto-distributed (mean ~2.7, long tail),
  ~30% of the reports in an article already reporting the same happening, articles shared between
  happenings reported on the same day;
* dates as the coder gives them: mostly explicit days; ~30% with date_text null (dated by the article's
  publication: day, or month for "recently"); some "last week" (a month with the week's days as its span, when
  the happening lies in the week before publication); some explicit months and years; a few month-and-day only
  (event_date null, date_precision "none", month_day "--MM-DD", in articles with no publication date);
* status mostly occurred; ~12% of happenings announced beforehand (planned, in an earlier article), a few only
  announced; ~8% of the reports are background in articles published months or years later.

It times (wall clock) three merges after an untimed warm-up on a few hundred mentions (code table loading):
the first run at N (previous_events=None), a second run at N with previous_events = the first run's events
(event id carry-forward), and a first run at N/4 (same generator, same seed). The ratio of the times at N and
N/4 shows how the time grows (4 = linear, 16 = quadratic); the report calls it sub-quadratic when the exponent
log(ratio)/log(4) is below 1.8. Timings on a busy machine are noisy: the 1-minute load average is shown.
Peak RSS is resource.getrusage ru_maxrss: the high-water mark of the whole process (interpreter, pandas and
pipeline imports, which pull in dagster through pipeline/__init__, the generated tables and the merges),
shown before the first merge and after each run.
Targets: a merge of N mentions in < 10 s and peak RSS < 1 GB (PASS/MISS). The script always exits with
status 0 (2 only for unusable arguments): it is a benchmark, not a test. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import datetime as dt
import io
import itertools
import math
import os
import pstats
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
for _path in (str(ROOT), str(BENCH_DIR)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from bench_foundation import emit, load_average, peak_rss_mb, verdict  # noqa: E402  (bench/ is not a package)

TARGET_SECONDS = 10.0  # one merge of N mentions
TARGET_PEAK_MB = 1024.0  # peak RSS, MB (2**20 bytes)
WARM_UP_MENTIONS = 400
FIRST_DAY, LAST_DAY = dt.date(2014, 1, 1), dt.date(2025, 12, 31)

# ------------------------------------------------------------------------------------------ parties

STATES = {
    "AZE": "Azerbaijan", "RUS": "Russia", "TUR": "Turkey", "ARM": "Armenia", "IRN": "Iran", "GEO": "Georgia",
    "USA": "United States", "FRA": "France", "UKR": "Ukraine", "KAZ": "Kazakhstan", "CHN": "China",
    "DEU": "Germany", "GBR": "United Kingdom", "UZB": "Uzbekistan", "TKM": "Turkmenistan", "BLR": "Belarus",
    "ISR": "Israel", "PAK": "Pakistan", "IND": "India", "HUN": "Hungary", "ITA": "Italy", "KGZ": "Kyrgyzstan",
    "TJK": "Tajikistan", "POL": "Poland", "QAT": "Qatar", "MDA": "Moldova", "JPN": "Japan", "GRC": "Greece",
    "EGY": "Egypt", "SRB": "Serbia", "ROU": "Romania", "BGR": "Bulgaria", "LTU": "Lithuania",
}  # fmt: skip
ORGANISATIONS = {
    "EU": ["European Union", "European Commission", "European Council"],
    "OSCE": ["OSCE", "OSCE Minsk Group"],
    "UN": ["United Nations", "United Nations Security Council"],
    "CIS": ["Commonwealth of Independent States", "CIS Executive Committee"],
    "CSTO": ["Collective Security Treaty Organization"],
    "EAEU": ["Eurasian Economic Union", "Eurasian Economic Commission"],
    "NATO": ["NATO", "NATO Parliamentary Assembly"],
}
# (place, geonames id, latitude, longitude, ISO3) where a party's happenings take place; others "in <state>"
CAPITALS = {
    "AZE": ("Baku", 587084, 40.37767, 49.89201, "AZE"), "RUS": ("Moscow", 524901, 55.75222, 37.61556, "RUS"),
    "TUR": ("Ankara", 323786, 39.91987, 32.85427, "TUR"), "ARM": ("Yerevan", 616052, 40.18111, 44.51361, "ARM"),
    "IRN": ("Tehran", 112931, 35.69439, 51.42151, "IRN"), "GEO": ("Tbilisi", 611717, 41.69411, 44.83368, "GEO"),
    "USA": ("Washington", 4140963, 38.89511, -77.03637, "USA"), "FRA": ("Paris", 2988507, 48.85341, 2.3488, "FRA"),
    "UKR": ("Kyiv", 703448, 50.45466, 30.5238, "UKR"), "KAZ": ("Astana", 1526273, 51.1801, 71.44598, "KAZ"),
    "CHN": ("Beijing", 1816670, 39.9075, 116.39723, "CHN"), "DEU": ("Berlin", 2950159, 52.52437, 13.41053, "DEU"),
    "EU": ("Brussels", 2800866, 50.85045, 4.34878, "BEL"), "NATO": ("Brussels", 2800866, 50.85045, 4.34878, "BEL"),
    "OSCE": ("Vienna", 2761369, 48.20849, 16.37208, "AUT"),
    "UN": ("New York City", 5128581, 40.71427, -74.00597, "USA"),
    "CIS": ("Minsk", 625144, 53.9, 27.56667, "BLR"), "CSTO": ("Moscow", 524901, 55.75222, 37.61556, "RUS"),
    "EAEU": ("Moscow", 524901, 55.75222, 37.61556, "RUS"),
}  # fmt: skip
ZIPF_EXPONENT = 1.1
ACTOR_FIELDS = ["name", "code", "country", "group", "is_person"]  # the order of the tuples in _actors_of

# ------------------------------------------------------------------------------------------ actions

# code: (weight, kind as in cameo_patterns.yaml, trigger words)
CODES = {
    "040": (10, "joint", ["met", "held talks", "discussed"]),
    "041": (4, "joint", ["spoke by phone", "held a phone call"]),
    "042": (8, "visit", ["visited", "arrived in", "paid a visit to"]),
    "043": (4, "joint", ["hosted", "received"]),
    "045": (1, "joint", ["mediated"]),
    "046": (4, "joint", ["negotiated", "held negotiations"]),
    "057": (8, "joint", ["signed", "concluded an agreement"]),
    "055": (1, "directed", ["apologised"]),
    "0871": (1, "joint", ["agreed a ceasefire"]),
    "0874": (1, "directed", ["withdrew troops"]),
    "100": (2, "directed", ["demanded"]),
    "111": (3, "directed", ["criticised", "condemned"]),
    "112": (4, "directed", ["accused"]),
    "120": (2, "directed", ["rejected"]),
    "125": (1, "directed", ["refused to meet"]),
    "161": (1, "directed", ["downgraded relations"]),
    "166": (1, "directed", ["expelled diplomats"]),
    "172": (2, "directed", ["imposed sanctions"]),
    "190": (2, "directed", ["shelled", "fired on"]),
    "192": (1, "directed", ["occupied"]),
}
SIBLING_CODE_SHARE = 0.15  # a report coded with another code of the happening's root

# ------------------------------------------------------------------------------------------ reporting

OUTLETS = [
    "Trend", "AzerNews", "APA", "Report.az", "TASS", "RIA Novosti", "Interfax", "Kommersant", "JAMnews",
    "OC Media", "Eurasianet", "Caspian News",
]  # fmt: skip
PLANNED_FIRST = 0.12  # happenings announced before they happen
PLANNED_ONLY = 0.03  # happenings only ever announced
BACKGROUND = 0.08  # reports in articles published long after
SAME_ARTICLE = 0.30  # a report in an article already reporting the happening
SHARED_ARTICLE = 0.60  # a new report in an existing article of the same publication day
LOCATED = 0.55  # happenings with a place
LOCATION_STATED = 0.70  # reports of a located happening that name the place
# news reports' date fields: (weight, how dated); with planned and background reports, ~30% have date_text null
NEWS_DATING = [
    (48, "day"), (26, "day-inherited"), (7, "month"), (5, "month-inherited"), (4, "last-week"), (7, "year"), (3, "none")
]  # fmt: skip
FILLERS = [
    "according to the press service",
    "the ministry said in a statement on its website",
    "officials told reporters after the talks",
    "as the agency's correspondent reports",
    "in what both sides described as a constructive atmosphere",
    "the report says, citing a diplomatic source",
    "",
]
MB = 2**20


def load_code_table() -> dict[str, str]:
    """code -> root_code, from pipeline/data/cameo_codes.csv."""
    with (ROOT / "pipeline" / "data" / "cameo_codes.csv").open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["root_code"] for row in csv.DictReader(handle)}


# ------------------------------------------------------------------------------------------ generator


class MentionGenerator:
    """Deterministic from its seed: the same (N, seed) give the same tables."""

    def __init__(self, seed: int, columns: list[str]) -> None:
        self.rng = random.Random(seed)
        self.columns = columns  # pipeline.extract.CODED_COLUMNS: the order of each row's fields
        table = load_code_table()
        missing = [c for c in CODES if c not in table]
        if missing:
            raise SystemExit(f"bench_merge: codes {missing} are not in pipeline/data/cameo_codes.csv")
        self.codes = list(CODES)
        self.code_weights = list(itertools.accumulate(CODES[c][0] for c in self.codes))
        self.siblings = {c: [o for o in self.codes if o != c and table[o] == table[c]] for c in self.codes}
        parties = list(STATES) + list(ORGANISATIONS)
        self.actors = {p: self._actors_of(p) for p in parties}
        rank = {p: i for i, p in enumerate(parties)}
        pairs = list(itertools.combinations(parties, 2))
        shuffle = random.Random(seed + 7919)
        # Pairs of prominent parties first (Azerbaijan-Russia on top), ties broken at random, then Zipf weights.
        keyed = sorted(pairs, key=lambda pq: ((rank[pq[0]] + 1) * (rank[pq[1]] + 1), shuffle.random()))
        self.dyads = keyed
        self.dyad_weights = list(itertools.accumulate(1 / (i + 1) ** ZIPF_EXPONENT for i in range(len(keyed))))
        self.articles: list[dict] = []
        self.by_day: dict[dt.date, list[int]] = {}
        self.rows: list[tuple] = []
        self.happenings = 0

    @staticmethod
    def _actors_of(party: str) -> list[tuple[str, str, str | None, str | None, bool]]:
        """(name, code, country, group, is_person) of the actors that stand for a party."""
        if party in STATES:
            name = STATES[party]
            return [
                (name, party, party, None, False),
                (f"Government of {name}", f"{party}GOV", party, None, False),
                (f"Ministry of Foreign Affairs of {name}", f"{party}GOV", party, None, False),
                (f"President of {name}", f"{party}GOV", party, None, True),
                (f"Foreign Minister of {name}", f"{party}GOV", party, None, True),
            ]
        return [(name, f"IGO{party}", None, party, False) for name in ORGANISATIONS[party]] + [
            (f"Secretary General of the {ORGANISATIONS[party][0]}", f"IGO{party}", None, party, True)
        ]

    # ---------------------------------------------------------------------------------- articles

    def new_article(self, published: dt.date | None) -> int:
        r = self.rng
        index = len(self.articles)
        self.articles.append(
            {
                "article_id": f"a{r.getrandbits(64):016x}",
                "published_date": published,
                "outlet": None if r.random() < 0.05 else r.choice(OUTLETS),
                "_sentences": 0,
                "_offset": 0,
            }
        )
        if published is not None:
            self.by_day.setdefault(published, []).append(index)
        return index

    def article_for(self, published: dt.date | None) -> int:
        """An article published that day: an existing one (it reports several happenings) or a new one."""
        same_day = self.by_day.get(published) if published is not None else None
        if same_day and self.rng.random() < SHARED_ARTICLE:
            return self.rng.choice(same_day)
        return self.new_article(published)

    # ---------------------------------------------------------------------------------- happenings

    def generate(self, n_mentions: int) -> None:
        r = self.rng
        span = (LAST_DAY - FIRST_DAY).days
        while len(self.rows) < n_mentions:
            self.happenings += 1
            a, b = r.choices(self.dyads, cum_weights=self.dyad_weights)[0]
            code = r.choices(self.codes, cum_weights=self.code_weights)[0]
            kind = CODES[code][1]
            initiator, target = (a, b) if r.random() < 0.5 else (b, a)
            date = FIRST_DAY + dt.timedelta(days=r.randrange(span + 1))
            place = self._place(initiator, target, kind) if r.random() < LOCATED else None
            planned_only = r.random() < PLANNED_ONLY
            planned_first = planned_only or r.random() < PLANNED_FIRST
            n = min(80, int(r.paretovariate(1.6)))
            reports: list[tuple[int, str]] = []  # (article, mode) already reporting this happening
            for i in range(min(n, n_mentions - len(self.rows))):
                if reports and r.random() < SAME_ARTICLE:
                    article, mode = r.choice(reports)
                else:
                    if planned_only or (planned_first and i == 0):
                        mode, published = "planned", date - dt.timedelta(days=r.randint(1, 10))
                    elif r.random() < BACKGROUND:
                        mode, published = "background", date + dt.timedelta(days=r.randint(31, 700))
                    else:
                        mode, published = "news", date + dt.timedelta(days=r.choice((0, 0, 1, 1, 2, 3)))
                    article = self.article_for(published)
                    reports.append((article, mode))
                self._mention(article, mode, date, code, kind, initiator, target, place)

    def _place(self, initiator: str, target: str, kind: str) -> tuple:
        """(name, geonames id, latitude, longitude, ISO3): the host's capital, or the host state itself."""
        host = target if kind == "visit" else self.rng.choice((initiator, target))
        if host in CAPITALS:
            return CAPITALS[host]
        return STATES[host], None, None, None, host

    def _dating(self, mode: str, date: dt.date, published: dt.date | None):
        """(date_text, event_date, date_precision, month_day, (date_earliest, date_latest) or None) of one report."""
        r = self.rng
        if published is None:  # an article without a publication date: a full date, or month and day only
            how = "day-with-year" if r.random() < 0.5 else "none"
        elif mode == "planned":
            how = "day" if r.random() < 0.9 else "month"
        elif mode == "background":
            how = r.choices(("day-with-year", "month", "year"), weights=(60, 25, 15))[0]
        else:
            how = r.choices([h for _, h in NEWS_DATING], weights=[w for w, _ in NEWS_DATING])[0]
            if how == "none":  # the coder gives month and day only when the article has no date: move it there
                return None
        if how == "last-week":  # the coder's "last week": the month of a week ago, spanning that week's days
            week_ago = published - dt.timedelta(weeks=1)
            monday = week_ago - dt.timedelta(days=week_ago.weekday())
            if monday <= date <= monday + dt.timedelta(days=6):
                return "last week", week_ago.replace(day=1), "month", None, (monday, monday + dt.timedelta(days=6))
            how = "month-inherited"
        if how == "day":
            return f"on {date:%B} {date.day}", date, "day", None, None
        if how == "day-with-year":
            return f"on {date:%B} {date.day}, {date.year}", date, "day", None, None
        if how == "day-inherited":
            return None, published, "day", None, None
        if how == "month":
            return f"in {date:%B %Y}", date.replace(day=1), "month", None, None
        if how == "month-inherited":
            return None, published.replace(day=1), "month", None, None
        if how == "year":
            return f"in {date.year}", dt.date(date.year, 1, 1), "year", None, None
        return f"on {date:%B} {date.day}", None, "none", f"--{date.month:02d}-{date.day:02d}", None

    def _mention(self, article: int, mode, date, code, kind, initiator, target, place) -> None:
        r = self.rng
        dating = self._dating(mode, date, self.articles[article]["published_date"])
        if dating is None:  # month and day only: reported by an article that gives no publication date
            article = self.new_article(None)
            dating = self._dating(mode, date, None)
        date_text, event_date, precision, month_day, span = dating
        if self.siblings[code] and r.random() < SIBLING_CODE_SHARE:
            code = r.choice(self.siblings[code])
            kind = CODES[code][1]
        first, second = (initiator, target) if kind != "joint" or r.random() < 0.5 else (target, initiator)
        actor1, actor2 = r.choice(self.actors[first]), r.choice(self.actors[second])
        trigger = r.choice(CODES[code][2])
        stated = place is not None and r.random() < LOCATION_STATED
        where = f" in {place[0]}" if stated else ""
        when = f" {date_text}" if date_text else ""
        filler = r.choice(FILLERS)
        sentence = f"{actor1[0]} {trigger} {actor2[0]}{where}{when}{', ' + filler if filler else ''}."
        record = self.articles[article]
        start = record["_offset"] + (2 if record["_sentences"] else 0)
        record["_offset"] = start + len(sentence)
        explicit = date_text is not None
        row = {
            "article_id": record["article_id"],
            "sentence_index": record["_sentences"],
            "char_start": start,
            "char_end": start + len(sentence),
            "sentence": sentence,
            "event_code": code,
            "trigger": trigger,
            "date_text": date_text,
            "event_date": event_date,
            "date_precision": precision,
            "month_day": month_day,
            "date_earliest": span[0] if span else None,
            "date_latest": span[1] if span else None,
            "status": "planned" if mode == "planned" else "occurred",
            "confidence": round((0.9 if explicit else 0.6) - r.choice((0.0, 0.0, 0.05, 0.15)), 2),
            "kind": kind,
            **{f"actor1_{f}": v for f, v in zip(ACTOR_FIELDS, actor1, strict=True)},
            **{f"actor2_{f}": v for f, v in zip(ACTOR_FIELDS, actor2, strict=True)},
            "location_name": place[0] if stated else None,
            "location_text": where.strip() or None,
            "location_country": place[4] if stated else None,
            "geonames_id": float(place[1]) if stated and place[1] is not None else None,
            "latitude": place[2] if stated else None,
            "longitude": place[3] if stated else None,
        }
        self.rows.append(tuple(row[c] for c in self.columns))  # tuples: the generator's own memory stays small
        record["_sentences"] += 1


def generate(n_mentions: int, seed: int):
    """(coded_mentions, articles, description) for n_mentions mentions."""
    import pandas as pd

    from pipeline import extract

    if list(extract.ACTOR_FIELDS) != ACTOR_FIELDS:
        raise RuntimeError(f"pipeline.extract.ACTOR_FIELDS is now {extract.ACTOR_FIELDS}: update bench_merge")
    gen = MentionGenerator(seed, list(extract.CODED_COLUMNS))
    gen.generate(n_mentions)
    gen.rows.sort(key=lambda row: (row[0], row[1]))  # by article and sentence, as code_articles emits them
    assert extract.CODED_COLUMNS[:2] == ["article_id", "sentence_index"]
    coded = pd.DataFrame(gen.rows, columns=extract.CODED_COLUMNS)
    del gen.rows
    for column in ("event_date", "date_earliest", "date_latest"):
        coded[column] = pd.to_datetime(coded[column])
    coded["geonames_id"] = coded["geonames_id"].astype("float64")
    coded["latitude"] = coded["latitude"].astype("float64")
    coded["longitude"] = coded["longitude"].astype("float64")
    used = set(coded["article_id"])
    articles = pd.DataFrame(
        [{k: v for k, v in a.items() if not k.startswith("_")} for a in gen.articles if a["article_id"] in used],
        columns=["article_id", "published_date", "outlet"],
    )
    articles["published_date"] = pd.to_datetime(articles["published_date"])
    parties = (
        coded["actor1_country"].fillna(coded["actor1_group"]),
        coded["actor2_country"].fillna(coded["actor2_group"]),
    )
    dyads = Counter(tuple(sorted(p)) for p in zip(*parties, strict=True))
    description = {
        "mentions": len(coded),
        "happenings_planted": gen.happenings,
        "articles": len(articles),
        "articles_without_published_date": int(articles["published_date"].isna().sum()),
        "mentions_per_article": round(len(coded) / max(1, len(articles)), 2),
        "parties": len(set(parties[0]) | set(parties[1])),
        "dyads": len(dyads),
        "top5_dyads_share": round(sum(n for _, n in dyads.most_common(5)) / max(1, len(coded)), 3),
        "top_dyads": {f"{a}-{b}": n for (a, b), n in dyads.most_common(5)},
        "codes": int(coded["event_code"].nunique()),
        "date_precision": dict(Counter(coded["date_precision"]).most_common()),
        "date_text_null_share": round(float(coded["date_text"].isna().mean()), 3),
        "status": dict(Counter(coded["status"]).most_common()),
    }
    return coded, articles, description


# ------------------------------------------------------------------------------------------ timing


def timed_merge(coded, articles, previous=None) -> tuple[float, object, object]:
    from pipeline import merge

    start = time.perf_counter()
    events, mentions = merge.merge_events(coded, articles, previous)
    return time.perf_counter() - start, events, mentions


def profile_merge(coded, articles) -> str:
    from pipeline import merge

    profiler = cProfile.Profile()
    profiler.enable()
    merge.merge_events(coded, articles, None)
    profiler.disable()
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    text.write(f"merge_events on {len(coded):,} mentions under cProfile: top 25 by cumulative time\n")
    stats.sort_stats("cumulative").print_stats(25)
    text.write("top 15 by own time\n")
    stats.sort_stats("tottime").print_stats(15)
    return text.getvalue()


def run_benchmark(args: argparse.Namespace) -> None:
    import pandas as pd  # noqa: F401

    import pipeline  # noqa: F401  (pipeline/__init__ imports dagster: loaded before any figure is taken)

    print(f"warming up on {WARM_UP_MENTIONS} mentions ...", file=sys.stderr)
    coded, articles, _ = generate(WARM_UP_MENTIONS, args.seed + 1)
    timed_merge(coded, articles)

    print(f"generating {args.mentions:,} mentions ...", file=sys.stderr)
    start = time.perf_counter()
    coded, articles, description = generate(args.mentions, args.seed)
    generation_s = time.perf_counter() - start
    rss_before = peak_rss_mb()
    load_start = load_average()

    print("merge, first run ...", file=sys.stderr)
    first_s, events, mentions = timed_merge(coded, articles)
    rss_first = peak_rss_mb()
    first = {
        "seconds": round(first_s, 3),
        "mentions_per_s": round(len(coded) / first_s, 1),
        "events": len(events),
        "event_mentions": len(mentions),
        "multi_article_events": int((events["n_articles"] > 1).sum()),
        "peak_rss_mb": round(rss_first, 1),
    }
    del mentions

    print("merge, second run with previous_events ...", file=sys.stderr)
    second_s, events2, mentions2 = timed_merge(coded, articles, events)
    rss_second = peak_rss_mb()
    second = {
        "seconds": round(second_s, 3),
        "mentions_per_s": round(len(coded) / second_s, 1),
        "events": len(events2),
        "ids_carried_forward": int(events2["event_id"].isin(set(events["event_id"])).sum()),
        "peak_rss_mb": round(rss_second, 1),
    }
    del events, events2, mentions2, coded, articles

    quarter_n = max(1, args.mentions // 4)
    print(f"generating {quarter_n:,} mentions and merging them ...", file=sys.stderr)
    coded_q, articles_q, _ = generate(quarter_n, args.seed)
    quarter_s, events_q, _ = timed_merge(coded_q, articles_q)
    ratio = first_s / quarter_s if quarter_s else float("inf")
    exponent = math.log(ratio) / math.log(args.mentions / quarter_n) if args.mentions > quarter_n else float("nan")
    scaling = {
        "quarter_mentions": quarter_n,
        "quarter_seconds": round(quarter_s, 3),
        "quarter_events": len(events_q),
        "ratio": round(ratio, 2),
        "exponent": round(exponent, 2),
        "sub_quadratic": bool(exponent < 1.8),
    }
    peak = peak_rss_mb()
    load_end = load_average()
    profile = None
    if args.profile:
        print(f"profiling merge_events on {quarter_n:,} mentions ...", file=sys.stderr)
        profile = profile_merge(coded_q, articles_q)

    figures = {
        "generated": {**description, "seed": args.seed, "generation_s": round(generation_s, 2)},
        "first_run": first,
        "second_run": second,
        "scaling": scaling,
        "memory": {
            "peak_rss_mb": round(peak, 1),
            "rss_before_merge_mb": round(rss_before, 1),
            "includes": "ru_maxrss of the whole process: interpreter, imports (pandas, pipeline, dagster via "
            "pipeline/__init__), the generated tables, the three timed merges and the warm-up",
        },
        "machine": {"cpus": os.cpu_count(), "load_average_1min": {"start": load_start, "end": load_end}},
        "targets": {"seconds": f"< {TARGET_SECONDS:.0f}", "peak_rss_mb": f"< {TARGET_PEAK_MB:.0f}"},
        "verdicts": {
            "first_run_time": verdict(first_s < TARGET_SECONDS),
            "second_run_time": verdict(second_s < TARGET_SECONDS),
            "peak_rss": verdict(peak < TARGET_PEAK_MB),
        },
    }
    emit(figures, print_report, args.json, profile)


def print_report(f: dict) -> None:
    g, first, second, s, m = f["generated"], f["first_run"], f["second_run"], f["scaling"], f["memory"]
    print(f"azru-events merge benchmark: merge.merge_events on synthetic coded mentions (seed {g['seed']})")
    print(
        f"mentions    {g['mentions']:,} from {g['happenings_planted']:,} planted happenings in {g['articles']:,} "
        f"articles ({g['mentions_per_article']} per article; {g['articles_without_published_date']:,} without a "
        f"publication date); generated in {g['generation_s']:.1f} s"
    )
    top = ", ".join(f"{k} {v:,}" for k, v in g["top_dyads"].items())
    print(
        f"            {g['parties']} parties, {g['dyads']} dyads; top 5 dyads hold {g['top5_dyads_share']:.1%} ({top})"
    )
    print(
        f"            {g['codes']} CAMEO codes; precision "
        + ", ".join(f"{k} {v:,}" for k, v in g["date_precision"].items())
        + f"; date_text null {g['date_text_null_share']:.1%}; status "
        + ", ".join(f"{k} {v:,}" for k, v in g["status"].items())
    )
    load = f["machine"]["load_average_1min"]
    print(
        f"machine     {f['machine']['cpus']} CPUs; 1-minute load average {load['start']} before the timed merges, "
        f"{load['end']} after (other processes slow the figures)"
    )
    print(
        f"first run   {first['seconds']:8.2f} s  ({first['mentions_per_s']:,.0f} mentions/s)   target < "
        f"{TARGET_SECONDS:.0f} s  {f['verdicts']['first_run_time']}"
    )
    print(
        f"            {first['events']:,} events ({first['multi_article_events']:,} reported by more than one "
        f"article), {first['event_mentions']:,} event_mentions rows; peak RSS after {first['peak_rss_mb']:,.0f} MB"
    )
    print(
        f"second run  {second['seconds']:8.2f} s  ({second['mentions_per_s']:,.0f} mentions/s)   target < "
        f"{TARGET_SECONDS:.0f} s  {f['verdicts']['second_run_time']}"
    )
    print(
        f"            previous_events = the first run's events: {second['ids_carried_forward']:,}/"
        f"{second['events']:,} event ids carried forward; peak RSS after {second['peak_rss_mb']:,.0f} MB"
    )
    print(
        f"scaling     N/4 = {s['quarter_mentions']:,} mentions: {s['quarter_seconds']:.2f} s, {s['quarter_events']:,} "
        f"events; time(N)/time(N/4) = {s['ratio']:.2f} (4 linear, 16 quadratic), exponent {s['exponent']:.2f}: "
        f"{'sub-quadratic' if s['sub_quadratic'] else 'NOT sub-quadratic'}"
    )
    print(
        f"peak RSS    {m['peak_rss_mb']:,.0f} MB                                   target < {TARGET_PEAK_MB:.0f} MB "
        f"{f['verdicts']['peak_rss']}"
    )
    print(f"            ({m['includes']};")
    print(f"            high-water mark before the first timed merge: {m['rss_before_merge_mb']:,.0f} MB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentions", type=int, default=100000, help="coded mentions to merge (default 100000)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--profile", action="store_true", help="profile merge_events on the N/4 set")
    args = parser.parse_args(argv)
    if args.mentions < 4:
        parser.error("--mentions must be at least 4")
    try:
        run_benchmark(args)
    except Exception:  # a benchmark reports, it does not fail
        traceback.print_exc(file=sys.stderr)
        print("bench_merge: the benchmark could not complete (traceback above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

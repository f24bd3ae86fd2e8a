"""Merge: one row per happening across every article, with event ids that stay stable between releases.

Identity is the date at its precision, the unordered pair of parties and the CAMEO root (a formal complaint
is a happening of its own beside its root's statements: OWN_HAPPENING_CODES). Mentions are blocked on
(parties, root), so merging is linear in the number of mentions plus the size of each block; within a block:
- explicit day dates make day events;
- a mention dated only by its article's publication date ("Meanwhile, the ministers spoke by phone") joins
  the one day event of the same month up to a week before it, when exactly one fits;
- a mention of lower precision ("in November 2020", "in 2020") joins the one finer event it fits, when
  exactly one fits; "last week" or "X said on June 28 that" narrow a month to the days the words allow;
- a mention with no year ("on August 19", in an article with no publication date) takes the year of the one
  dated event of the same month and day;
- planned and occurred mentions of one happening are one event, which is occurred once reported so.
An event_id is derived from the identity; an event the previous release already published keeps that
release's id even when a later report refines its date, status or place.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import gc
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from pipeline.extract import actions
from pipeline.extract.actors import Actor

BACKGROUND_DAYS = 30
# How long before its article's publication an undated report may describe a dated happening.
INHERITED_WINDOW_DAYS = 7
# ... and an undated report of a happening itself known only by another article's publication date: the next
# day's coverage of the same news, not a happening of some days before.
NEXT_DAY_WINDOW_DAYS = 1
# CODING 5 makes one event of a day's happenings of one root between two parties. A formal complaint (114: a
# diplomat summoned, a note of protest handed over) is a diplomatic act of its own, not one more sentence of
# the day's statements criticising the same party (111, 112), and reports and analysts count it apart.
OWN_HAPPENING_CODES = frozenset({"114"})
# A plain verb phrase per code (or root) for the one-sentence summary.
SUMMARY_VERBS = {
    "040": "met", "041": "spoke by phone with", "042": "visited", "043": "hosted", "045": "mediated with",
    "046": "negotiated with", "055": "apologised to", "057": "signed an agreement with",
    "074": "deployed peacekeepers in the territory of", "0871": "agreed a ceasefire with",
    "0874": "withdrew forces facing", "0841": "released people to", "0842": "returned territory to",
    "100": "made demands of", "111": "denounced", "112": "accused", "114": "protested to",
    "120": "rejected a proposal of", "125": "refused to meet", "161": "cut back relations with",
    "166": "expelled representatives of", "170": "raided", "172": "imposed sanctions on",
    "173": "arrested nationals of", "174": "deported nationals of",
    "180": "used violence against", "190": "used force against", "192": "occupied territory of",
    "01": "made a statement about", "02": "appealed to", "03": "expressed intent to cooperate with",
    "04": "consulted with", "05": "cooperated diplomatically with", "06": "cooperated materially with",
    "07": "provided aid to", "08": "yielded to", "09": "investigated", "10": "made demands of",
    "11": "criticised", "12": "rejected", "13": "threatened", "14": "protested against",
    "15": "exhibited force towards", "16": "reduced relations with", "17": "coerced", "18": "assaulted",
    "19": "fought", "20": "used mass violence against",
}  # fmt: skip
EVENT_COLUMNS = [
    "event_id", "event_date", "date_precision", "actor1_name", "actor1_code", "actor1_country", "actor1_group",
    "actor2_name", "actor2_code", "actor2_country", "actor2_group", "event_code", "event_root_code",
    "event_label", "quad_class", "goldstein", "status", "is_background", "location_name", "location_text",
    "location_country", "geonames_id", "latitude", "longitude", "n_mentions", "n_articles", "n_sources",
    "first_reported", "confidence", "summary",
]  # fmt: skip
MENTION_COLUMNS = [
    "event_id", "article_id", "sentence_index", "char_start", "char_end", "sentence", "event_code", "trigger",
    "date_text", "confidence",
]  # fmt: skip
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "none": 3}


@dataclass
class Cluster:
    """One happening being assembled: its date at its precision and the mentions it has."""

    date: dt.date | None
    precision: str
    month_day: str | None
    rows: list[dict] = field(default_factory=list)

    def key_date(self) -> str:
        if self.date is None:
            return self.month_day or "none"
        iso = self.date.isoformat()
        return {"day": iso, "month": iso[:7], "year": iso[:4]}[self.precision]

    def contains(self, date: dt.date, precision: str) -> bool:
        """Whether a finer date lies within this cluster's coarser period."""
        if self.date is None or PRECISION_RANK[precision] >= PRECISION_RANK[self.precision]:
            return False
        if self.precision == "year":
            return date.year == self.date.year
        return (date.year, date.month) == (self.date.year, self.date.month)


def party(row: dict, n: int) -> str:
    country = row[f"actor{n}_country"]
    return country if isinstance(country, str) else row[f"actor{n}_group"]


def event_id_of(key: tuple[str, ...]) -> str:
    return "e" + hashlib.sha256("|".join(key).encode()).hexdigest()[:16]


def cluster_block(rows: list[dict]) -> list[Cluster]:
    """The happenings of one (parties, root) block, finest dates first. A report cannot describe a happening
    after it was published: an occurred mention only joins events up to its article's publication date.
    Clusters are indexed by month, year and month-day, so each mention looks only at the ones it may join."""
    days: dict[dt.date, Cluster] = {}
    coarse: dict[str, Cluster] = {}
    by_month: dict[tuple[int, int], list[Cluster]] = defaultdict(list)  # day and month clusters
    by_year: dict[int, list[Cluster]] = defaultdict(list)  # day, month and year clusters
    by_month_day: dict[str, list[Cluster]] = defaultdict(list)  # day clusters

    def add(cluster: Cluster) -> Cluster:
        date = cluster.date
        if cluster.precision in ("day", "month"):
            by_month[(date.year, date.month)].append(cluster)
        if date is not None:
            by_year[date.year].append(cluster)
        if cluster.precision == "day":
            by_month_day[date.strftime("--%m-%d")].append(cluster)
        return cluster

    def day(date: dt.date) -> Cluster:
        return days[date] if date in days else days.setdefault(date, add(Cluster(date, "day", None)))

    def period(key: str, date: dt.date | None, precision: str, month_day: str | None = None) -> Cluster:
        if key not in coarse:
            coarse[key] = Cluster(date, precision, month_day)
            if date is not None:
                add(coarse[key])
        return coarse[key]

    ordered = sorted(
        rows,
        key=lambda r: (
            PRECISION_RANK[r["date_precision"]],
            r["date_text"] is None,
            r["event_date"] or dt.date.min,
            r["sentence_index"],
        ),
    )
    for row in ordered:
        date, precision = row["event_date"], row["date_precision"]
        bound = row["_published"] if row["status"] == "occurred" else None

        def possible(cluster: Cluster, bound=bound) -> bool:
            return bound is None or cluster.date is None or cluster.date <= bound

        if precision == "day" and row["date_text"] is not None:
            day(date).rows.append(row)
        elif precision == "day":
            # Dated only by its article's publication: the same action the article's sources dated a few days
            # before (or reported undated the day before), when exactly one fits (same code, same direction
            # unless the parties act jointly, no other place or people).
            near = [
                c for c in by_month[(date.year, date.month)]
                if c.precision == "day"
                and 0 <= (date - c.date).days <= (INHERITED_WINDOW_DAYS if _dated(c) else NEXT_DAY_WINDOW_DAYS)
                and _same_action(c, row)
            ]  # fmt: skip
            (near[0] if len(near) == 1 else day(date)).rows.append(row)
        elif precision == "month":
            if row["date_earliest"] is not None:  # "last week", "said on June 28 that": only these days
                span = _days(row["date_earliest"], row["date_latest"])
                fits = [days[d] for d in span if d in days] + [
                    c for c in by_month[(date.year, date.month)] if c.precision == "month"
                ]
            else:
                fits = by_month[(date.year, date.month)]
            fits = [c for c in fits if possible(c) and _same_code(c, row)]
            (fits[0] if len(fits) == 1 else period(date.isoformat()[:7], date, "month")).rows.append(row)
        elif precision == "year":
            fits = [c for c in by_year[date.year] if possible(c)]
            (fits[0] if len(fits) == 1 else period(str(date.year), date, "year")).rows.append(row)
        else:  # no year: the one dated event of the same month and day
            fits = by_month_day[row["month_day"]]
            (fits[0] if len(fits) == 1 else period(row["month_day"], None, "none", row["month_day"])).rows.append(row)
    return list(days.values()) + list(coarse.values())


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _dated(cluster: Cluster) -> bool:
    """Some report gives the happening's date in words (not only its article's publication date)."""
    return any(anchor["date_text"] is not None for anchor in cluster.rows)


def _same_code(cluster: Cluster, row: dict) -> bool:
    """A coarse date is a weak identity: it joins a finer event only where some mention names the same action
    ("will return the district" in November is not the ceasefire of 10 November, though both yield, root 08)."""
    return cluster.precision != "day" or any(anchor["event_code"] == row["event_code"] for anchor in cluster.rows)


def _same_action(cluster: Cluster, row: dict) -> bool:
    """The same code, the same direction unless the parties act jointly; not from the same article, not placed
    in another country, and not between other people (the generals who met in Moscow are not the president
    who met the premier)."""
    if any(anchor["article_id"] == row["article_id"] and anchor["date_text"] is not None for anchor in cluster.rows):
        return False  # its own article dated that happening, and left this one undated: another happening
    places = {anchor["location_country"] for anchor in cluster.rows} - {None}
    if row["location_country"] is not None and places and row["location_country"] not in places:
        return False
    for n in (1, 2):
        if row[f"actor{n}_is_person"]:
            named = {a[f"actor{m}_name"] for a in cluster.rows for m in (1, 2)
                     if a[f"actor{m}_is_person"] and a["_parties"][m - 1] == row["_parties"][n - 1]}  # fmt: skip
            if named and row[f"actor{n}_name"] not in named:
                return False
    for anchor in cluster.rows:
        if anchor["event_code"] == row["event_code"] and (
            row["kind"] == "joint" or anchor["_parties"][0] == row["_parties"][0]
        ):
            return True
    return False


def _records(coded: pd.DataFrame, articles: pd.DataFrame) -> list[dict]:
    """The coded mentions as plain records (None for missing values, dates as datetime.date), with their block
    and their article's publication date: plain Python in the loops below is many times faster than pandas per
    row."""
    published = dict(zip(articles["article_id"].tolist(), _plain(articles["published_date"]), strict=True))
    columns = {c: _plain(coded[c]) for c in coded.columns}
    records = [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)]
    own: dict[tuple, str] = {}  # (article, sentence, pair, root) -> the formal complaint that sentence reports
    for row in records:
        row["_parties"] = (party(row, 1), party(row, 2))  # computed once: the loops below read it often
        row["_published"] = published.get(row["article_id"])
        a, b = sorted(row["_parties"])
        row["_block"] = (a, b, row["event_code"][:2])
        if row["event_code"] in OWN_HAPPENING_CODES:
            own[(row["article_id"], row["sentence_index"], *row["_block"])] = row["event_code"]
    if own:  # "summoned the envoy to protest what it called ...": one sentence's criticism is its complaint's
        for row in records:
            complaint = own.get((row["article_id"], row["sentence_index"], *row["_block"]))
            if complaint is not None:
                row["_block"] = (*row["_block"][:2], complaint)
    return records


def happening_class(code: str) -> str:
    """What a code's happening is told apart by: its root, or the code itself for a formal complaint."""
    return code if code in OWN_HAPPENING_CODES else code[:2]


def _plain(column: pd.Series) -> list:
    """A column's values as plain Python: None where missing, datetime.date for dates. Column-wise, since
    testing every value for NaN was a third of the cost of merging."""
    values = column.dt.date.tolist() if pd.api.types.is_datetime64_any_dtype(column.dtype) else column.tolist()
    if not column.hasnans:
        return values
    return [None if missing else value for value, missing in zip(values, column.isna().tolist(), strict=True)]


@contextlib.contextmanager
def _without_cycle_collection():
    """Merging builds a few plain containers per mention, none in a reference cycle; the cycle collector's
    repeated passes over them cost a third of the time of a large merge. Reference counting still frees
    everything."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def merge_events(
    coded: pd.DataFrame, articles: pd.DataFrame, previous_events: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events, event_mentions) from the coded mentions of every article."""
    with _without_cycle_collection():
        return _merge_events(coded, articles, previous_events)


def _merge_events(
    coded: pd.DataFrame, articles: pd.DataFrame, previous_events: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    if coded.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS), pd.DataFrame(columns=MENTION_COLUMNS)
    blocks: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for row in _records(coded, articles):
        blocks[row["_block"]].append(row)
    outlets = dict(zip(articles["article_id"], articles["outlet"], strict=True))
    ids = IdAssigner(previous_events)
    clusters = [
        (cluster, *block)
        for block in sorted(blocks)
        for cluster in sorted(
            cluster_block(blocks[block]), key=lambda c: (c.key_date(), min((r["article_id"], r["sentence_index"])
                                                                           for r in c.rows))
        )
    ]  # fmt: skip
    # Events the previous release published under the same identity claim their ids before any refinement
    # of another event can (a month event must not take the id of the day event it used to be merged into).
    order = sorted(range(len(clusters)), key=lambda i: not ids.published(*clusters[i]))
    assigned = {i: ids.assign((clusters[i][0].key_date(), *clusters[i][1:]), *clusters[i]) for i in order}
    events, mentions = [], []
    for i, (cluster, _a, _b, happening) in enumerate(clusters):
        events.append(_event(assigned[i], cluster, outlets, happening))
        mentions += _mention_rows(assigned[i], cluster.rows)
    events_frame = pd.DataFrame(events, columns=EVENT_COLUMNS).sort_values("event_id", ignore_index=True)
    mentions_frame = pd.DataFrame(mentions, columns=MENTION_COLUMNS).sort_values(
        ["article_id", "sentence_index", "event_id"], ignore_index=True
    )
    return events_frame, mentions_frame


IDENTITY_COLUMNS = [
    "event_id", "event_date", "date_precision", "event_code",
    "actor1_country", "actor1_group", "actor2_country", "actor2_group",
]  # fmt: skip


class IdAssigner:
    """Event ids: the previous release's id for the happening it already published, else one derived from the
    identity. Ids stay unique."""

    def __init__(self, previous_events: pd.DataFrame | None) -> None:
        self.previous: dict[tuple[str, str, str], list[tuple[str, Cluster]]] = defaultdict(list)
        self.by_key: dict[tuple[str, ...], str] = {}
        self.used: set[str] = set()
        if previous_events is not None:
            columns = [_plain(previous_events[c]) for c in IDENTITY_COLUMNS]
            for event_id, date, precision, code, country1, group1, country2, group2 in zip(*columns, strict=True):
                a, b = sorted((country1 or group1, country2 or group2))
                cluster = Cluster(date, precision, None)
                happening = happening_class(code)
                self.previous[(a, b, happening)].append((event_id, cluster))
                self.by_key[(cluster.key_date(), a, b, happening)] = event_id

    def published(self, cluster: Cluster, a: str, b: str, happening: str) -> bool:
        return (cluster.key_date(), a, b, happening) in self.by_key

    def assign(self, key: tuple[str, ...], cluster: Cluster, a: str, b: str, happening: str) -> str:
        candidates = []
        if key in self.by_key:
            candidates = [self.by_key[key]]
        elif cluster.date is not None:
            # The same happening published before at another precision: refined or coarsened since.
            candidates = [
                event_id
                for event_id, old in self.previous[(a, b, happening)]
                if old.date is not None
                and (old.contains(cluster.date, cluster.precision) or cluster.contains(old.date, old.precision))
            ]
        if len(candidates) == 1 and candidates[0] not in self.used:
            event_id = candidates[0]
        else:
            event_id = event_id_of(key)
            salt = 1
            while event_id in self.used:  # a carried-forward id took this identity's own id
                salt += 1
                event_id = event_id_of((*key, str(salt)))
        self.used.add(event_id)
        return event_id


def _actor(row: dict, n: int) -> Actor:
    return Actor(
        code=row[f"actor{n}_code"],
        name=row[f"actor{n}_name"],
        country=row[f"actor{n}_country"],
        group=row[f"actor{n}_group"],
        is_person=bool(row[f"actor{n}_is_person"]),
    )


def _event(event_id: str, cluster: Cluster, outlets: dict, happening: str) -> dict:
    rows = cluster.rows
    codes: dict[str, int] = {}
    for r in rows:
        codes[r["event_code"]] = codes.get(r["event_code"], 0) + 1
    if happening in OWN_HAPPENING_CODES:  # a formal complaint, whatever its sentence also called it
        code = happening
    else:
        code = max(codes, key=lambda c: (actions.specificity(c), codes[c], [-ord(ch) for ch in c]))
    representative = min(
        (r for r in rows if r["event_code"] == code),
        key=lambda r: (-r["confidence"], r["article_id"], r["sentence_index"]),
    )
    actor1, actor2 = _best_actors(rows, representative)
    cameo = actions.code_table()[code]
    article_ids = sorted({r["article_id"] for r in rows})
    published = {r["article_id"]: r["_published"] for r in rows}
    first = min((published[a] for a in article_ids if published[a] is not None), default=None)
    place = next((r for r in rows if r["location_name"] is not None), None)
    status = "occurred" if any(r["status"] == "occurred" for r in rows) else "planned"
    confidence = min(1.0, max(r["confidence"] for r in rows) + 0.05 * (len(article_ids) - 1))
    return {
        "event_id": event_id,
        "event_date": cluster.date,
        "date_precision": cluster.precision if cluster.date else "none",
        "actor1_name": actor1.name,
        "actor1_code": actor1.code,
        "actor1_country": actor1.country,
        "actor1_group": actor1.group if actor1.country is None else None,
        "actor2_name": actor2.name,
        "actor2_code": actor2.code,
        "actor2_country": actor2.country,
        "actor2_group": actor2.group if actor2.country is None else None,
        "event_code": code,
        "event_root_code": code[:2],
        "event_label": cameo.label,
        "quad_class": cameo.quad_class,
        "goldstein": cameo.goldstein,
        "status": status,
        "is_background": _is_background(cluster, first),
        "location_name": place["location_name"] if place else None,
        "location_text": place["location_text"] if place else None,
        "location_country": place["location_country"] if place else None,
        "geonames_id": place["geonames_id"] if place else None,
        "latitude": place["latitude"] if place else None,
        "longitude": place["longitude"] if place else None,
        "n_mentions": len({(r["article_id"], r["sentence_index"]) for r in rows}),
        "n_articles": len(article_ids),
        "n_sources": len({outlets[a] if isinstance(outlets[a], str) else a for a in article_ids}),
        "first_reported": first,
        "confidence": round(confidence, 3),
        "summary": summary(actor1, actor2, code, place, cluster, status),
    }


def _best_actors(rows: list[dict], representative: dict) -> tuple[Actor, Actor]:
    """The representative mention's direction, with the most specific actor any mention names per party."""
    best: dict[str, tuple[dict, int]] = {}
    for row in rows:
        for n in (1, 2):
            key = row["_parties"][n - 1]
            current = best.get(key)
            if current is None or (row[f"actor{n}_is_person"] and not current[0][f"actor{current[1]}_is_person"]):
                best[key] = (row, n)
    first, second = best[representative["_parties"][0]], best[representative["_parties"][1]]
    return _actor(*first), _actor(*second)


def _mention_rows(event_id: str, rows: list[dict]) -> list[dict]:
    """One row per (article, sentence): the most specific code's trigger when a sentence says it twice."""
    out: dict[tuple, dict] = {}
    for row in rows:
        key = (row["article_id"], row["sentence_index"])
        if key not in out or actions.specificity(row["event_code"]) > actions.specificity(out[key]["event_code"]):
            out[key] = {"event_id": event_id} | {c: row[c] for c in MENTION_COLUMNS if c != "event_id"}
    return list(out.values())


def _is_background(cluster: Cluster, first: dt.date | None) -> bool:
    """More than 30 days before the first report. A coarse date counts from the middle of its period, the
    expected day of a happening known only by its month or year ("in May", reported on 29 June: background)."""
    if cluster.date is None or first is None:
        return False
    date = cluster.date
    if cluster.precision == "month":
        middle = date + dt.timedelta(days=calendar.monthrange(date.year, date.month)[1] // 2)
    elif cluster.precision == "year":
        middle = dt.date(date.year, 7, 2)
    else:
        middle = date
    return (first - middle).days > BACKGROUND_DAYS


def summary(actor1: Actor, actor2: Actor, code: str, place, cluster: Cluster, status: str) -> str:
    verb = SUMMARY_VERBS.get(code) or SUMMARY_VERBS[code[:2]]
    when = ""
    if cluster.date is not None:
        date = cluster.date
        when = {"day": f" on {date.isoformat()}", "month": f" in {date:%B %Y}", "year": f" in {date.year}"}[
            cluster.precision
        ]
    where = f" in {place['location_name']}" if place else ""
    planned = " (planned)" if status == "planned" else ""
    return f"{actor1.name} ({actor1.party}) {verb} {actor2.name} ({actor2.party}){where}{when}{planned}."


def reject_failed(articles: pd.DataFrame, coding_errors: pd.DataFrame) -> pd.DataFrame:
    """Articles whose coding failed are `rejected`, with the reason, rather than silently eventless."""
    reasons = dict(zip(coding_errors["article_id"], coding_errors["reason"], strict=True))
    if not reasons:
        return articles
    articles = articles.copy()
    failed = articles["article_id"].isin(reasons)
    articles.loc[failed, "status"] = "rejected"
    articles.loc[failed, "reject_reason"] = articles.loc[failed, "article_id"].map(reasons)
    # A near-duplicate of a rejected article is coded in its place no more: it stands alone, also unread.
    orphans = articles["duplicate_of"].isin(reasons)
    articles.loc[orphans, ["status", "reject_reason"]] = ["rejected", "canonical article's coding failed"]
    articles.loc[orphans, "duplicate_of"] = None
    return articles


def assign_stories(articles: pd.DataFrame, events: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Articles whose main happening is the same event share a story_id: the main happening is the event an
    article mentions most (news before background, then the earliest sentence). An article with no event keeps
    the story of its near-duplicate group; a duplicate shares its canonical article's story."""
    articles = articles.copy()
    background = dict(zip(events["event_id"], events["is_background"], strict=True))
    # Per article and event: how often it is mentioned and its first sentence.
    tally: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for article_id, event_id, sentence in zip(
        mentions["article_id"], mentions["event_id"], mentions["sentence_index"], strict=True
    ):
        count = tally[article_id].setdefault(event_id, [0, sentence])
        count[0] += 1
        count[1] = min(count[1], sentence)
    main = {
        article_id: min(counts, key=lambda e: (bool(background[e]), -counts[e][0], counts[e][1], e))
        for article_id, counts in tally.items()
    }
    canonical = articles["duplicate_of"].fillna(articles["article_id"])
    story = [("s" + main[c][1:]) if c in main else s for c, s in zip(canonical, articles["story_id"], strict=True)]
    articles["story_id"] = story
    return articles

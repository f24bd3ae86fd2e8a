"""Merge: one row per happening across every article, with event ids that stay stable between releases.

Identity is the date at its precision, the unordered pair of parties and the CAMEO root. Mentions are blocked
on (parties, root), so merging is linear in the number of mentions plus the size of each block; within a
block:
- explicit day dates make day events;
- a mention dated only by its article's publication date ("Meanwhile, the ministers spoke by phone") joins
  the one day event of the same month up to a week before it, when exactly one fits;
- a mention of lower precision ("in November 2020", "in 2020") joins the one finer event it fits, when
  exactly one fits;
- a mention with no year ("on August 19", in an article with no publication date) takes the year of the one
  dated event of the same month and day;
- planned and occurred mentions of one happening are one event, which is occurred once reported so.
An event_id is derived from the identity; an event the previous release already published keeps that
release's id even when a later report refines its date, status or place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pandas as pd

from pipeline.extract import actions
from pipeline.extract.actors import Actor

BACKGROUND_DAYS = 30
# How long before its article's publication an undated report may describe a dated happening.
INHERITED_WINDOW_DAYS = 7
# A plain verb phrase per code (or root) for the one-sentence summary.
SUMMARY_VERBS = {
    "040": "met", "041": "spoke by phone with", "042": "visited", "043": "hosted", "045": "mediated with",
    "046": "negotiated with", "055": "apologised to", "057": "signed an agreement with",
    "074": "deployed peacekeepers in the territory of", "0871": "agreed a ceasefire with",
    "0874": "withdrew forces facing", "0841": "released people to", "0842": "returned territory to",
    "100": "made demands of", "111": "protested to", "112": "accused", "120": "rejected a proposal of",
    "125": "refused to meet", "161": "cut back relations with", "166": "expelled representatives of",
    "170": "raided", "172": "imposed sanctions on", "173": "arrested nationals of", "174": "deported nationals of",
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
    """One happening being assembled: its date at its precision and the mentions (row indexes) it has."""

    date: dt.date | None
    precision: str
    month_day: str | None
    rows: list[int] = field(default_factory=list)

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


def party(row, n: int) -> str:
    country = row[f"actor{n}_country"]
    return country if isinstance(country, str) else row[f"actor{n}_group"]


def event_id_of(key: tuple[str, ...]) -> str:
    return "e" + hashlib.sha256("|".join(key).encode()).hexdigest()[:16]


def cluster_block(block: pd.DataFrame) -> list[Cluster]:
    """The happenings of one (parties, root) block, finest dates first. A report cannot describe a happening
    after it was published: an occurred mention only joins events up to its article's publication date."""
    days: dict[dt.date, Cluster] = {}
    coarse: dict[str, Cluster] = {}
    rows = block.assign(_rank=block["date_precision"].map(PRECISION_RANK), _inherited=block["date_text"].isna())
    rows = rows.sort_values(["_rank", "_inherited", "event_date", "sentence_index"], kind="stable")
    for index, row in rows.iterrows():
        date = None if pd.isna(row["event_date"]) else row["event_date"].date()
        precision = row["date_precision"]
        bound = row["_published"].date() if row["status"] == "occurred" and pd.notna(row["_published"]) else None

        def possible(cluster: Cluster, bound=bound) -> bool:
            return bound is None or cluster.date is None or cluster.date <= bound

        if precision == "day" and not row["_inherited"]:
            days.setdefault(date, Cluster(date, "day", None)).rows.append(index)
            continue
        if precision == "day":
            # Dated only by its article's publication: the same action the article's sources dated a few days
            # before, when exactly one fits (same code, and same direction unless the parties act jointly).
            near = [
                c for d, c in days.items()
                if d.replace(day=1) == date.replace(day=1) and 0 <= (date - d).days <= INHERITED_WINDOW_DAYS
                and _same_action(block, c, row)
            ]  # fmt: skip
            target = near[0] if len(near) == 1 else days.setdefault(date, Cluster(date, "day", None))
            target.rows.append(index)
            continue
        if precision in ("month", "year"):
            fits = [c for c in [*days.values(), *coarse.values()] if _fits(c, date, precision) and possible(c)]
            if len(fits) == 1:
                fits[0].rows.append(index)
            else:
                key = date.isoformat()[:7] if precision == "month" else str(date.year)
                coarse.setdefault(key, Cluster(date, precision, None)).rows.append(index)
            continue
        month_day = row["month_day"]  # no year: the one dated event of the same month and day
        fits = [c for c in days.values() if c.date.strftime("--%m-%d") == month_day]
        if len(fits) == 1:
            fits[0].rows.append(index)
        else:
            coarse.setdefault(month_day, Cluster(None, "none", month_day)).rows.append(index)
    return list(days.values()) + list(coarse.values())


def _same_action(block: pd.DataFrame, cluster: Cluster, row) -> bool:
    anchors = block.loc[cluster.rows]
    same_code = anchors["event_code"] == row["event_code"]
    if row["kind"] == "joint":
        return bool(same_code.any())
    return bool((same_code & (anchors["actor1_country"].fillna(anchors["actor1_group"]) == party(row, 1))).any())


def _fits(cluster: Cluster, date: dt.date, precision: str) -> bool:
    """Whether a finer or equal cluster lies within the period of a month- or year-precision date."""
    if cluster.date is None or PRECISION_RANK[cluster.precision] > PRECISION_RANK[precision]:
        return False
    if precision == "month":
        return (cluster.date.year, cluster.date.month) == (date.year, date.month)
    return cluster.date.year == date.year


def merge_events(
    coded: pd.DataFrame, articles: pd.DataFrame, previous_events: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events, event_mentions) from the coded mentions of every article."""
    if coded.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS), pd.DataFrame(columns=MENTION_COLUMNS)
    coded = coded.reset_index(drop=True)
    first_party = coded.apply(lambda r: party(r, 1), axis=1)
    second_party = coded.apply(lambda r: party(r, 2), axis=1)
    coded = coded.assign(
        _a=first_party.where(first_party < second_party, second_party),
        _b=second_party.where(first_party < second_party, first_party),
        _root=coded["event_code"].str[:2],
    )
    published = dict(zip(articles["article_id"], pd.to_datetime(articles["published_date"]), strict=True))
    coded["_published"] = coded["article_id"].map(published)
    outlets = dict(zip(articles["article_id"], articles["outlet"], strict=True))
    ids = IdAssigner(previous_events)

    clusters = [
        (cluster, a, b, root)
        for (a, b, root), block in coded.groupby(["_a", "_b", "_root"], sort=True)
        for cluster in sorted(cluster_block(block), key=lambda c: (c.key_date(), min(c.rows)))
    ]
    # Events the previous release published under the same identity claim their ids before any refinement
    # of another event can (a month event must not take the id of the day event it used to be merged into).
    order = sorted(range(len(clusters)), key=lambda i: not ids.published(clusters[i][0], *clusters[i][1:]))
    assigned = {i: ids.assign((clusters[i][0].key_date(), *clusters[i][1:]), *clusters[i]) for i in order}
    events, mentions = [], []
    for i, (cluster, _a, _b, _root) in enumerate(clusters):
        rows = coded.loc[cluster.rows]
        events.append(_event(assigned[i], cluster, rows, published, outlets))
        mentions += _mention_rows(assigned[i], rows)
    events_frame = pd.DataFrame(events, columns=EVENT_COLUMNS).sort_values("event_id", ignore_index=True)
    mentions_frame = pd.DataFrame(mentions, columns=MENTION_COLUMNS).sort_values(
        ["article_id", "sentence_index", "event_id"], ignore_index=True
    )
    return events_frame, mentions_frame


class IdAssigner:
    """Event ids: the previous release's id for the happening it already published, else one derived from the
    identity. Ids stay unique."""

    def __init__(self, previous_events: pd.DataFrame | None) -> None:
        self.previous: dict[tuple[str, str, str], list[tuple[str, Cluster]]] = defaultdict(list)
        self.by_key: dict[tuple[str, ...], str] = {}
        self.used: set[str] = set()
        if previous_events is not None:
            for row in previous_events.itertuples():
                a, b = sorted((_party(row, 1), _party(row, 2)))
                date = None if pd.isna(row.event_date) else pd.Timestamp(row.event_date).date()
                cluster = Cluster(date, row.date_precision, None)
                self.previous[(a, b, row.event_root_code)].append((row.event_id, cluster))
                self.by_key[(cluster.key_date(), a, b, row.event_root_code)] = row.event_id

    def published(self, cluster: Cluster, a: str, b: str, root: str) -> bool:
        return (cluster.key_date(), a, b, root) in self.by_key

    def assign(self, key: tuple[str, ...], cluster: Cluster, a: str, b: str, root: str) -> str:
        candidates = []
        if key in self.by_key:
            candidates = [self.by_key[key]]
        elif cluster.date is not None:
            # The same happening published before at another precision: refined or coarsened since.
            candidates = [
                event_id
                for event_id, old in self.previous[(a, b, root)]
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


def _party(row, n: int) -> str:
    country = getattr(row, f"actor{n}_country")
    return country if isinstance(country, str) else getattr(row, f"actor{n}_group")


def _actor(row, n: int) -> Actor:
    return Actor(
        code=row[f"actor{n}_code"],
        name=row[f"actor{n}_name"],
        country=row[f"actor{n}_country"] if isinstance(row[f"actor{n}_country"], str) else None,
        group=row[f"actor{n}_group"] if isinstance(row[f"actor{n}_group"], str) else None,
        is_person=bool(row[f"actor{n}_is_person"]),
    )


def _event(event_id: str, cluster: Cluster, rows: pd.DataFrame, published, outlets) -> dict:
    codes = Counter(rows["event_code"])
    code = max(codes, key=lambda c: (actions.specificity(c), codes[c], [-ord(ch) for ch in c]))
    representative = (
        rows[rows["event_code"] == code]
        .sort_values(["confidence", "article_id", "sentence_index"], ascending=[False, True, True])
        .iloc[0]
    )
    actor1, actor2 = _best_actors(rows, representative)
    cameo = actions.code_table()[code]
    article_ids = sorted(set(rows["article_id"]))
    first = min((published[a] for a in article_ids if pd.notna(published[a])), default=None)
    located = rows[rows["location_name"].notna()]
    place = located.iloc[0] if not located.empty else None
    status = "occurred" if (rows["status"] == "occurred").any() else "planned"
    confidence = min(1.0, float(rows["confidence"].max()) + 0.05 * (len(article_ids) - 1))
    mention_count = len(rows.drop_duplicates(["article_id", "sentence_index"]))
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
        "location_name": place["location_name"] if place is not None else None,
        "location_text": place["location_text"] if place is not None else None,
        "location_country": place["location_country"] if place is not None else None,
        "geonames_id": place["geonames_id"] if place is not None and pd.notna(place["geonames_id"]) else None,
        "latitude": place["latitude"] if place is not None else None,
        "longitude": place["longitude"] if place is not None else None,
        "n_mentions": mention_count,
        "n_articles": len(article_ids),
        "n_sources": len({outlets[a] if isinstance(outlets[a], str) else a for a in article_ids}),
        "first_reported": first,
        "confidence": round(confidence, 3),
        "summary": summary(actor1, actor2, code, place, cluster, status),
    }


def _best_actors(rows: pd.DataFrame, representative) -> tuple[Actor, Actor]:
    """The representative mention's direction, with the most specific actor any mention names per party."""
    best: dict[str, Actor] = {}
    for _, row in rows.iterrows():
        for n in (1, 2):
            actor = _actor(row, n)
            current = best.get(actor.party)
            if current is None or (actor.is_person and not current.is_person):
                best[actor.party] = actor
    return best[party(representative, 1)], best[party(representative, 2)]


def _mention_rows(event_id: str, rows: pd.DataFrame) -> list[dict]:
    """One row per (article, sentence): the most specific code's trigger when a sentence says it twice."""
    out = {}
    for _, row in rows.iterrows():
        key = (row["article_id"], row["sentence_index"])
        if key not in out or actions.specificity(row["event_code"]) > actions.specificity(out[key]["event_code"]):
            out[key] = {
                "event_id": event_id,
                "article_id": row["article_id"],
                "sentence_index": row["sentence_index"],
                "char_start": row["char_start"],
                "char_end": row["char_end"],
                "sentence": row["sentence"],
                "event_code": row["event_code"],
                "trigger": row["trigger"],
                "date_text": row["date_text"] if isinstance(row["date_text"], str) else None,
                "confidence": row["confidence"],
            }
    return list(out.values())


def _is_background(cluster: Cluster, first: pd.Timestamp | None) -> bool:
    """More than 30 days before the first report; a coarse date counts from its period's last day."""
    if cluster.date is None or first is None:
        return False
    date = cluster.date
    if cluster.precision == "month":
        end = (pd.Timestamp(date) + pd.offsets.MonthEnd(0)).date()
    elif cluster.precision == "year":
        end = dt.date(date.year, 12, 31)
    else:
        end = date
    return (first.date() - end).days > BACKGROUND_DAYS


def summary(actor1: Actor, actor2: Actor, code: str, place, cluster: Cluster, status: str) -> str:
    verb = SUMMARY_VERBS.get(code) or SUMMARY_VERBS[code[:2]]
    when = ""
    if cluster.date is not None:
        date = cluster.date
        when = {"day": f" on {date.isoformat()}", "month": f" in {date:%B %Y}", "year": f" in {date.year}"}[
            cluster.precision
        ]
    where = f" in {place['location_name']}" if place is not None else ""
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
    main: dict[str, str] = {}
    for article_id, rows in mentions.groupby("article_id", sort=True):
        counts = rows.groupby("event_id").agg(n=("sentence_index", "size"), first=("sentence_index", "min"))
        counts["background"] = counts.index.map(background)
        counts = counts.reset_index().sort_values(
            ["background", "n", "first", "event_id"], ascending=[True, False, True, True]
        )
        main[article_id] = counts.iloc[0]["event_id"]
    canonical = articles["duplicate_of"].fillna(articles["article_id"])
    story = [("s" + main[c][1:]) if c in main else s for c, s in zip(canonical, articles["story_id"], strict=True)]
    articles["story_id"] = story
    return articles

"""Assemble coded mentions into the release's `events` and `event_mentions` tables.

One happening is one event: mentions that agree on the date (at its precision), the unordered pair of
parties and the CAMEO root are one event, whichever sentence or article they come from. The event_id is
derived from that identity, so the same happening gets the same id in every release that codes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict

import pandas as pd

from pipeline.extract import actions
from pipeline.extract.coder import CodedMention

BACKGROUND_DAYS = 30
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


def date_key(mention: CodedMention) -> str:
    """The date at its precision, as identity: 2020-08-26, 2020-08, 2020, or --08-19 when the year is unknown."""
    if mention.event_date is None:
        return f"--{mention.month_day[0]:02d}-{mention.month_day[1]:02d}" if mention.month_day else "none"
    iso = mention.event_date.isoformat()
    return {"day": iso, "month": iso[:7], "year": iso[:4]}[mention.date_precision]


def identity(mention: CodedMention) -> tuple[str, str, str, str]:
    return (date_key(mention), *mention.parties, mention.event_code[:2])


def event_id_of(key: tuple[str, ...]) -> str:
    return "e" + hashlib.sha256("|".join(key).encode()).hexdigest()[:16]


def build_tables(coded: list[tuple[str, CodedMention]], articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events, event_mentions) from (article_id, mention) pairs."""
    published = dict(zip(articles["article_id"], pd.to_datetime(articles["published_date"]), strict=True))
    outlets = dict(zip(articles["article_id"], articles["outlet"], strict=True))
    groups: dict[tuple, list[tuple[str, CodedMention]]] = defaultdict(list)
    for article_id, mention in coded:
        groups[identity(mention)].append((article_id, mention))

    events, mention_rows = [], []
    for key, members in sorted(groups.items()):
        event_id = event_id_of(key)
        rows = {}
        for article_id, mention in members:
            row_key = (article_id, mention.sentence_index)
            if row_key not in rows or actions.specificity(mention.event_code) > actions.specificity(
                rows[row_key].event_code
            ):
                rows[row_key] = mention
        for (article_id, _), mention in sorted(rows.items()):
            mention_rows.append(
                {
                    "event_id": event_id,
                    "article_id": article_id,
                    "sentence_index": mention.sentence_index,
                    "char_start": mention.char_start,
                    "char_end": mention.char_end,
                    "sentence": mention.sentence,
                    "event_code": mention.event_code,
                    "trigger": mention.trigger,
                    "date_text": mention.date_text,
                    "confidence": mention.confidence,
                }
            )
        events.append(_event(event_id, [m for _, m in members], {a for a, _ in members}, published, outlets))
    return (
        pd.DataFrame(events, columns=EVENT_COLUMNS),
        pd.DataFrame(mention_rows, columns=MENTION_COLUMNS),
    )


def _event(event_id, mentions: list[CodedMention], article_ids: set[str], published, outlets) -> dict:
    codes = Counter(m.event_code for m in mentions)
    code = max(codes, key=lambda c: (actions.specificity(c), codes[c], [-ord(ch) for ch in c]))
    representative = max(
        (m for m in mentions if m.event_code == code), key=lambda m: (m.confidence, m.actor1.is_person)
    )
    actor1, actor2 = _best_actors(mentions, representative)
    cameo = actions.code_table()[code]
    first = min((published[a] for a in article_ids if pd.notna(published[a])), default=None)
    date = representative.event_date
    place = next((m.place for m in mentions if m.place is not None), None)
    n_sources = len({outlets[a] if isinstance(outlets[a], str) else a for a in article_ids})
    status = "occurred" if any(m.status == "occurred" for m in mentions) else "planned"
    confidence = min(1.0, max(m.confidence for m in mentions) + 0.05 * (len(article_ids) - 1))
    return {
        "event_id": event_id,
        "event_date": date,
        "date_precision": representative.date_precision if date else "none",
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
        "is_background": _is_background(date, representative.date_precision, first),
        "location_name": place.name if place else None,
        "location_text": place.text if place else None,
        "location_country": place.country if place else None,
        "geonames_id": place.geonames_id if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "n_mentions": len({(id(m), m.sentence_index) for m in mentions}),
        "n_articles": len(article_ids),
        "n_sources": n_sources,
        "first_reported": first,
        "confidence": round(confidence, 3),
        "summary": summary(actor1, actor2, code, place, date, representative.date_precision, status),
    }


def _best_actors(mentions: list[CodedMention], representative: CodedMention):
    """The representative mention's direction, with the most specific actor any mention names per party."""
    best = {}
    for mention in mentions:
        for actor in (mention.actor1, mention.actor2):
            current = best.get(actor.party)
            if current is None or (actor.is_person and not current.is_person):
                best[actor.party] = actor
    return best[representative.actor1.party], best[representative.actor2.party]


def _is_background(date: dt.date | None, precision: str, first: pd.Timestamp | None) -> bool:
    if date is None or first is None:
        return False
    # The period's last day, so a month-precision happening is not called old when it may be recent.
    if precision == "month":
        end = (pd.Timestamp(date) + pd.offsets.MonthEnd(0)).date()
    elif precision == "year":
        end = dt.date(date.year, 12, 31)
    else:
        end = date
    return (first.date() - end).days > BACKGROUND_DAYS


def summary(actor1, actor2, code, place, date, precision, status) -> str:
    verb = SUMMARY_VERBS.get(code) or SUMMARY_VERBS[code[:2]]
    when = ""
    if date is not None:
        when = {"day": f" on {date.isoformat()}", "month": f" in {date:%B %Y}", "year": f" in {date.year}"}[precision]
    where = f" in {place.name}" if place else ""
    planned = " (planned)" if status == "planned" else ""
    return f"{actor1.name} ({actor1.party}) {verb} {actor2.name} ({actor2.party}){where}{when}{planned}."

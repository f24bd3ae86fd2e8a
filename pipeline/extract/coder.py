"""Code one article: every sentence's actions, with their parties, date, status and place, as mentions.

A mention is one action word in one sentence with the two parties it links. Parties are read around the
action word (the subject before it, the target after it, "by ..." agents, "between X and Y", lists joined by
"and"), resolved through the actor dictionary as of the mention's date. Dates come from the date
expression nearest the action word, resolved against the publication date; with none, the mention takes the
publication date unless the tense places it earlier. Negated and hypothetical actions are not coded.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from pipeline.extract import actions, actors, dates, places
from pipeline.extract.sentences import split_sentences

# The words that make an action not a fact: negation right before it, or a hypothetical in its clause.
NEGATION = re.compile(
    r"\b(?:not|n['’]t|never|no longer|neither|nor|without|failed to|refused to|declined to|denied|deny|"
    r"rather than|instead of|не|ни|никогда|отказал\w* от)\s+(?:\w+\s+){0,2}$",
    re.I,
)
HYPOTHETICAL = re.compile(
    r"\b(?:could|would|might|may|if|unless|whether|should|ready to|readiness to|willing(?:ness)? to|"
    r"hope[sd]? (?:to|that)|wants? to|wish(?:es)? to|aims? to|intends? to|proposed|proposal|offer(?:ed|s)? to|"
    r"called for|calls for|urged|possible|possibility|prospects? of|likely|если|может|могут|мог бы|готов\w*)\b",
    re.I,
)
# Where the subject of an action stops being searched for: clause openers and quotation marks.
CLAUSE_BREAK = re.compile(
    r"[;:“”\"«»]|\b(?:that|which|who|whom|whose|where|while|whereas|because|although|"
    r"but|since|после того как|который|которая|которые|что)\b",
    re.I,
)
CONNECTOR = re.compile(r"^\s*(?:,|,?\s*and|&|и|və|,\s*as well as|as well as)\s*(?:the\s+)?$", re.I)
WITH_BEFORE = re.compile(r"\b(?:with|between|and|to|с|со|между)\s+(?:(?:his|her|their|the|its)\s+)?$", re.I)
BY_BEFORE = re.compile(r"\b(?:by|от)\s+(?:the\s+)?$", re.I)
# Tense or context that places an undated action before the publication date (so it is not dated by it).
EARLIER = re.compile(
    r"\b(?:had (?:been )?\w+ed|had \w+en|earlier|previously|in the past|formerly|once|last year|years ago|"
    r"since then|back then|at the time|historically|ago|ранее|прежде)\b",
    re.I,
)
PARTICIPLE_ADJUNCT = re.compile(r",\s*$")
# "more than 150 documents have been signed": a running total, not a happening.
CUMULATIVE = re.compile(
    r"\b(?:more than|over|about|around|nearly|almost|some|at least|dozens of|hundreds of|a number of|numerous|"
    r"several|many|более|свыше|около)\s+(?:\d[\d,.]*\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:documents|agreements|treaties|accords|deals|contracts|visits|meetings|talks|contacts|rounds)\b",
    re.I,
)
# "are currently holding negotiations": an ongoing condition, not a happening, unless a date fixes it.
ONGOING = re.compile(
    r"\b(?:currently|at present|presently|still|continues? to|continuing|ongoing|in the process of|сейчас|"
    r"продолжа\w+)\b|\b(?:is|are|am)\s+(?:\w+ly\s+)?\w+ing\b",
    re.I,
)
# "scheduled for Wednesday": the date expression itself says the action is to come.
FUTURE_DATE = re.compile(r"\b(?:scheduled|set|planned|slated|due|expected|postponed)\s+(?:for|on|to)?\s*$", re.I)
# A date stays within its clause; "when" and "where" clauses share the time of the sentence.
DATE_BREAK = re.compile(
    r";|\b(?:that|(?:during|in|at|after|before) which|who|while|whereas|because|although|but|что|который)\b", re.I
)
PRONOUN_SUBJECT = re.compile(r"^(?:He|She)\b|(?:^|[,;]\s*)(?:he|she) (?=\w+ed\b|also|then|later)", re.M)


@dataclass
class PartyMention:
    start: int
    end: int
    actor: actors.Actor


@dataclass
class CodedMention:
    """One action in one sentence, linking two parties."""

    sentence_index: int
    char_start: int
    char_end: int
    sentence: str
    event_code: str
    trigger: str
    date_text: str | None
    event_date: dt.date | None
    date_precision: str
    month_day: tuple[int, int] | None
    status: str
    actor1: actors.Actor
    actor2: actors.Actor
    place: places.Place | None
    confidence: float
    parties: tuple[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.parties = tuple(sorted((self.actor1.party, self.actor2.party)))


@dataclass
class ArticleContext:
    """What earlier sentences established: the parties last named and the person last spoken of."""

    recent_parties: list[actors.Actor] = field(default_factory=list)
    parties_from_event: bool = False  # once an event names them, "the two sides" are its parties
    last_person: actors.Actor | None = None
    last_date: dates.ResolvedDate | None = None


def code_article(text: str, language: str, published: dt.date | None) -> list[CodedMention]:
    dictionary = actors.load_dictionary()
    context = ArticleContext()
    coded: list[CodedMention] = []
    for sentence in split_sentences(text, language):
        coded += code_sentence(sentence, language, published, dictionary, context)
    return coded


def code_sentence(sentence, language, published, dictionary, context) -> list[CodedMention]:
    text = sentence.text
    mentions = actors.find_mentions(text, dictionary)
    expressions = dates.find_date_expressions(text, language)
    triggers = actions.find_triggers(text, language)
    coded = []
    previous_trigger_end = None
    for trigger in triggers:
        before = text[: trigger.start]
        adjunct = (
            previous_trigger_end is not None
            and PARTICIPLE_ADJUNCT.search(before)
            and re.match(r"\w+ing\b", trigger.text)
        )
        previous_trigger_end = trigger.end
        if adjunct or _negated(before) or _hypothetical(text, trigger) or _cumulative(text, trigger):
            continue
        tense = dates.tense_of(text, trigger.start, trigger.end)
        expression = _expression_of(text, trigger, expressions)
        if expression is not None and FUTURE_DATE.search(text[: expression.start][-40:]):
            tense = "future"
        if expression is None and ONGOING.search(text[_clause_start(text, trigger.start) : trigger.start]):
            continue
        resolved, date_text = _date_of(text, expression, published, tense, language, context)
        reference = resolved.date if resolved and resolved.date else published
        positioned = _resolve_mentions(mentions, reference, dictionary, text)
        place = places.find_place(text, trigger.start)
        pairs = _parties(text, trigger, positioned, context, place, dictionary)
        if not pairs:
            continue
        if resolved is None or (resolved.date is None and resolved.month_day is None):
            continue  # the article does not fix the date: nothing to code (CODING 2, "may")
        confidence = _confidence(date_text is not None, pairs)
        context.recent_parties = list({a.party: a for pair in pairs for a in pair}.values())
        context.parties_from_event = True
        for actor1, actor2 in pairs:
            coded.append(
                CodedMention(
                    sentence_index=sentence.index,
                    char_start=sentence.start,
                    char_end=sentence.end,
                    sentence=text,
                    event_code=trigger.rule.code,
                    trigger=trigger.text,
                    date_text=date_text,
                    event_date=resolved.date,
                    date_precision=resolved.precision if resolved.date else "none",
                    month_day=resolved.month_day,
                    status="planned" if tense == "future" else "occurred",
                    actor1=actor1,
                    actor2=actor2,
                    place=place,
                    confidence=confidence,
                )
            )
    _remember(context, mentions, published, dictionary, text)
    return coded


def _negated(before: str) -> bool:
    return bool(NEGATION.search(before[-40:]))


def _clause_start(text: str, position: int) -> int:
    return max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, position)), default=0)


def _hypothetical(text: str, trigger: actions.Trigger) -> bool:
    return bool(HYPOTHETICAL.search(text[_clause_start(text, trigger.start) : trigger.start]))


def _cumulative(text: str, trigger: actions.Trigger) -> bool:
    return any(m.start() < trigger.end + 60 and m.end() > trigger.start - 60 for m in CUMULATIVE.finditer(text))


def _expression_of(text, trigger, expressions) -> dates.DateExpression | None:
    """The date expression of the trigger's clause nearest to it."""
    start = max((m.end() for m in DATE_BREAK.finditer(text, 0, trigger.start)), default=0)
    end = next((m.start() for m in DATE_BREAK.finditer(text, trigger.end)), len(text))
    inside = [e for e in expressions if e.start >= start and e.end <= end]

    def distance(e: dates.DateExpression) -> int:
        return e.start - trigger.end if e.start >= trigger.end else max(0, trigger.start - e.end)

    return min(inside, key=distance, default=None)


def _date_of(text, expression, published, tense, language, context):
    """The resolved date of a trigger and the words it was read from (None when inherited)."""
    if expression is not None:
        resolved = dates.resolve_date(expression.text, published, tense, language)
        if resolved is not None:
            if resolved.date is not None or resolved.month_day is not None:
                context.last_date = resolved
            return resolved, expression.text
    if re.search(r"\b(?:on the same day|the same day|that day|в тот же день)\b", text, re.I) and context.last_date:
        return context.last_date, None
    if EARLIER.search(text):
        return None, None
    if published is None:
        # No publication date: an undated report continues the story at the last date the article gave.
        return (context.last_date, None) if tense == "past" and context.last_date else (None, None)
    if tense == "future":  # "will visit": soon after publication, but not on the day of it
        return dates.ResolvedDate(published.replace(day=1), "month"), None
    return dates.ResolvedDate(published, "day"), None


LOCATIVE_BEFORE = re.compile(
    r"\b(?i:in|at|near|outside|from|в|во)\s+(?:the\s+)?(?:[A-ZА-Я][\w'’-]*,?\s+(?:and\s+)?){0,3}"
    r"(?:(?i:capital|city|town|village|region|republic|resort|port)\s+(?:of\s+)?)?$"
)


def _resolve_mentions(mentions, date, dictionary, text) -> list[PartyMention]:
    """The parties named in the sentence; a state or capital after "in"/"at" is a place, not a party."""
    mentions = [
        m
        for m in mentions
        if m.entry.kind != "adjective" and not (m.entry.is_place and LOCATIVE_BEFORE.search(text[: m.start][-60:]))
    ]
    resolved: list[PartyMention] = []
    for mention in mentions:
        others = [p.actor for p in resolved]
        actor = actors.resolve(mention, date, dictionary, others)
        if actor.party:
            resolved.append(PartyMention(mention.start, mention.end, actor))
    # A counterpart resolves against the person it is the counterpart of, who may come after it.
    for i, mention in enumerate(mentions):
        if mention.entry.kind == "counterpart" and i < len(resolved):
            others = [p.actor for j, p in enumerate(resolved) if j != i]
            resolved[i].actor = actors.resolve(mention, date, dictionary, others)
    return resolved


def _group(positioned: list[PartyMention], index: int, step: int, text: str) -> list[PartyMention]:
    """The mention at `index` and those joined to it by "and" or commas, walking in direction `step`."""
    group = [positioned[index]]
    j = index + step
    while 0 <= j < len(positioned):
        left, right = (positioned[j], group[-1]) if step < 0 else (group[-1], positioned[j])
        if not CONNECTOR.match(text[left.end : right.start]):
            break
        group.append(positioned[j])
        j += step
    return group


def _parties(text, trigger, positioned, context, place, dictionary) -> list[tuple[actors.Actor, actors.Actor]]:
    kind = trigger.rule.kind
    clause_start = _clause_start(text, trigger.start)
    clause_end = next((m.start() for m in CLAUSE_BREAK.finditer(text, trigger.end)), len(text))
    quote = _quote_span(text, trigger.start)
    if quote is not None:  # reported speech: only the parties the quotation itself names
        positioned = [p for p in positioned if quote[0] <= p.start < quote[1]]
        clause_start, clause_end = max(clause_start, quote[0]), min(clause_end, quote[1])
    inside = [p for p in positioned if not (trigger.start <= p.start < trigger.end)]
    within = [p for p in positioned if trigger.start <= p.start < trigger.end]  # "treaty between X and Y dated"
    before = [i for i, p in enumerate(inside) if p.end <= trigger.start and p.start >= clause_start]
    after = [i for i, p in enumerate(inside) if p.start >= trigger.end and p.start < clause_end]
    subject = _group(inside, before[-1], -1, text) if before else []
    if not subject and PRONOUN_SUBJECT.search(text[: trigger.start]) and context.last_person:
        subject = [PartyMention(0, 0, context.last_person)]
    target = _group(inside, after[0], +1, text) if after else []
    agent = None
    if target and BY_BEFORE.search(text[trigger.end : target[0].start]) and kind != "joint":
        agent, target = target[0], subject
    if kind == "joint":
        members = within + subject + target
        if len({m.actor.party for m in members}) < 2 and _collective(text):
            members = members + [PartyMention(0, 0, a) for a in context.recent_parties]
        return _pairs(members)
    actor1 = agent or (subject[0] if subject else None)
    if actor1 is None:
        return []
    victims = [t for t in (target or within) if t.actor.party != actor1.actor.party]
    if not victims and kind == "visit" and place is not None and place.country != actor1.actor.party:
        # "arrived in Baku", "is in Baku for a visit": the host is the state of the place.
        host = place.country
        name = dictionary.state_names.get(host, host)
        victims = [PartyMention(place.start, place.end, actors.Actor(f"{host}GOV", f"Government of {name}", host))]
    if not victims and kind != "visit":
        # The target named elsewhere in the sentence ("X said ... Y opened fire"): another state's actor.
        victims = [p for p in positioned if p.actor.party != actor1.actor.party]
    if not victims:
        return []
    return [(actor1.actor, victims[0].actor)]


QUOTE_OPEN = '“"«'
QUOTE_CLOSE = '”"»'


def _quote_span(text: str, position: int) -> tuple[int, int] | None:
    """The quotation the position lies in, if any (straight quotes alternate open and close)."""
    depth_start = None
    for i, char in enumerate(text[:position]):
        if char == '"':
            depth_start = None if depth_start is not None else i
        elif char in "“«":
            depth_start = i
        elif char in "”»":
            depth_start = None
    if depth_start is None:
        return None
    close = next((i for i in range(position, len(text)) if text[i] in QUOTE_CLOSE), len(text))
    return depth_start, close


def _collective(text: str) -> bool:
    return bool(actors.collective_spans(text)) or bool(re.search(r"\bbilateral\b|\bдвусторонн", text, re.I))


def _pairs(members: list[PartyMention]) -> list[tuple[actors.Actor, actors.Actor]]:
    """Every pair of distinct parties among the members, each party once (its first, most specific actor)."""
    by_party: dict[str, actors.Actor] = {}
    for member in members:
        party = member.actor.party
        if party not in by_party or (member.actor.is_person and not by_party[party].is_person):
            by_party[party] = member.actor
    return list(itertools.combinations(by_party.values(), 2))


def _remember(context: ArticleContext, mentions, published, dictionary, text) -> None:
    positioned = _resolve_mentions(mentions, published, dictionary, text)
    parties = {}
    for p in positioned:
        parties.setdefault(p.actor.party, p.actor)
        if p.actor.is_person:
            context.last_person = p.actor
    if len(parties) >= 2 and not context.parties_from_event:
        context.recent_parties = list(parties.values())


def _confidence(explicit_date: bool, pairs) -> float:
    named = all(a.is_person or len(a.code) > 3 for pair in pairs for a in pair)
    return round(0.55 + (0.2 if explicit_date else 0.0) + (0.15 if named else 0.0), 2)

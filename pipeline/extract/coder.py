"""Code one article: every sentence's actions, with their parties, date, status and place, as mentions.

A mention is one action word in one sentence with the two parties it links. Parties are read around the
action word (the subject before it, the target after it, passive "by ..." agents, "between X and Y", lists
joined by "and"), resolved through the actor dictionary as of the mention's date. The date comes from the
date expression of the action's clause, resolved against the publication date; with none, the mention takes
the publication date unless the tense or context places it earlier. Negated, hypothetical, cancelled and
merely referred-to actions are not coded.

Azerbaijani puts the verb last and marks case and negation with suffixes: its parties are read from the
case endings of the names in the action's clause (see _az_parties), and a noun trigger's negation, modality
or cancellation from the verb that follows it ("görüş keçirilməyib", the meeting was not held).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from pipeline.extract import actions, actors, dates, places
from pipeline.extract.sentences import split_sentences

# An action right after a negation did not happen.
NEGATION = re.compile(
    r"\b(?:not|n['’]t|never|no|no longer|neither|nor|without|failed to|denied|deny|rather than|instead of|"
    r"не|ни|никогда|heç vaxt)\s+(?:\w+\s+){0,2}$",
    re.I,
)
# An action whose clause makes it possible, wished, required or called off is not a fact.
HYPOTHETICAL = re.compile(
    r"\b(?:could|would|might|may|if|unless|whether|should|must|has to|have to|needs? to|ready to|readiness to|"
    r"willing(?:ness)? to|hope[sd]? (?:to|that)|wants? to|wish(?:es)? to|aims? to|intends? to|proposed|"
    r"proposal|offer(?:ed|s)? to|called for|calls for|called on|calls on|urged?|urging|demand(?:ed|s|ing)?|"
    r"asked|possible|possibility|prospects? of|likely|если|может|могут|мог бы|должна|должен|должны|готов\w*|"
    r"əgər|ehtimal\w*|mümkün\w*|bəlkə|güman|potensial|təklif (?:olunan|edilən))\b",
    re.I,
)
CALLED_OFF = re.compile(
    r"\b(?:cancel\w*|called off|call off|refus\w*|declin\w*|withdr[ea]w\w* from|pulled out of|postpon\w*|"
    r"boycott\w*|skipp\w*|not to \w+|отмен\w+|отказал\w*|ləğv|təxirə|imtina|boykot\w*)\b",
    re.I,
)
# Where the subject of an action stops being searched for: clause openers and quotation marks.
CLAUSE_BREAK = re.compile(
    r"[;:“”\"«»]|\b(?:that|which|who|whom|whose|where|while|whereas|because|although|"
    r"but|since|после того как|который|которая|которые|что|çünki|lakin|ki(?=,))\b",
    re.I,
)
CONNECTOR = re.compile(
    r"^\s*(?:,|,?\s*and|&|и|və|ilə|,?\s*as well as|,?\s*along with|,?\s*together with)\s*"
    r"(?:(?:the|his|her|their|its)\s+)?$",
    re.I,
)
# A passive agent: "a raid carried out by Russian authorities", "was shot down by".
PASSIVE_AGENT = re.compile(
    r"^\s*(?:(?:carried out|conducted|committed|organi[sz]ed|launched|ordered|perpetrated|led|fired|"
    r"initiated|made|staged|done)\s+)?(?:by|от)\s+(?:the\s+)?$",
    re.I,
)
PASSIVE_VOICE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?$", re.I)
# A passive participle has no object: a preposition, punctuation or the end follows it. Right after a noun
# ("citizens accused of crimes") only a few prepositions do, since "Baku summoned on Monday the envoy" is active.
PARTICIPLE = re.compile(r"[^\W\d_]+ed")
OBJECTLESS_AFTER = re.compile(
    r"\s*(?:[,.;:)]|$|(?:of|for|over|to|in|on|at|after|amid|with|as|from|by|last|yesterday)\b)", re.I
)
REDUCED_RELATIVE_AFTER = re.compile(r"\s+(?:of|for|over|by)\b", re.I)
# Context that places an undated action long before the report: it has no date of its own here.
LONG_BEFORE = re.compile(
    r"\b(?:had (?:been )?\w+ed|had \w+en|in the past|formerly|once|last year|years ago|decades ago|since then|"
    r"back then|at the time|historically|in recent (?:years|months)|прежде|əvvəllər|keçmişdə|vaxtilə|o vaxt|"
    r"illər əvvəl|onilliklər əvvəl)\b",
    re.I,
)
PLUPERFECT = re.compile(r"had (?:been )?\w+ed|had \w+en", re.I)
# Context that places it shortly before: the publication month, not its day.
SHORTLY_BEFORE = re.compile(
    r"\b(?:earlier(?! in the day| today| this (?:morning|afternoon|evening))|previously|recently|lately|ранее|недавно|"
    r"bu yaxınlarda|son vaxtlar|daha əvvəl|daha öncə|"
    r"bundan əvvəl|bundan öncə)\b",
    re.I,
)
SAME_TIME = re.compile(
    r"\b(?:on the same day|the same day|that day|at the same time|simultaneously|в тот же день|одновременно|"
    r"həmin gün|eyni gündə|eyni zamanda|eyni vaxtda)\b",
    re.I,
)
# "in protest over the deaths ... after police raids", "since Russia's downing": a happening named as the cause
# or background of another, dated only by words attached to it.
REFERENCE = re.compile(
    r"\b(?:over(?=\s+(?:the|a|an|his|her|their|its|this|these|what)\s)|amid|since|due to|because of|"
    r"on account of|in connection with|in response to|in protest|in retaliation for|for|about|regarding|concerning|"
    r"attribut(?:ed|ing|es?) (?:it|this|that|the \w+) to|"
    r"in addition to|besides|apart from|из-за|в связи с)\s+(?:[\w’'-]+\s+){0,8}$",
    re.I,
)
REFERENCE_AHEAD = re.compile(
    r"\b(?:over (?=the |a |an |his |her |their |its |this |these |what )|amid|since|due to|because of|on account of|"
    r"in connection with|in response to|in protest|in retaliation for|for the|regarding|concerning|из-за|"
    r"в связи с)\b",
    re.I,
)
# "more than 150 documents have been signed": a running total, not a happening.
CUMULATIVE = re.compile(
    r"\b(?:more than|over|about|around|nearly|almost|some|at least|dozens of|hundreds of|a number of|numerous|"
    r"several|many|более|свыше|около)\s+(?:\d[\d,.]*\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:documents|agreements|treaties|accords|deals|contracts|visits|meetings|talks|contacts|rounds)\b|"
    # "150-dən çox sənəd", "onlarla görüş": Azerbaijani counts stand before the noun too.
    r"(?:\d[\d,.]*-?d[əa]n\s+(?:çox|artıq)|onlarla|yüzlərlə|bir sıra|çoxsaylı|bir neçə)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:sənəd|saziş|müqavilə|səfər|görüş|danışıq)\w*",
    re.I,
)
# "are currently holding negotiations": an ongoing condition, not a happening, unless a date fixes it.
ONGOING = re.compile(
    r"\b(?:currently|at present|presently|still|continues? to|continuing|ongoing|in the process of|сейчас|"
    r"продолжа\w+|hazırda|hal-hazırda|hələ də)\b|\b(?:is|are|am)\s+(?:\w+ly\s+)?\w+ing\b",
    re.I,
)
# Rejections and reductions of relations (refusing, cancelling): their object is often a future happening.
REFUSALS = ("12", "16")
# "scheduled for Wednesday": the date expression itself says the action is to come.
FUTURE_DATE = re.compile(r"\b(?:scheduled|set|planned|slated|due|expected|postponed)\s+(?:for|on|to)?\s*$", re.I)
# A verb coordinated with the sentence's first ("..., and demanded"), whose subject opens the sentence.
# A sentence opened by a participle phrase ("Speaking at talks with X, ...", "After meeting X in Baku, ...").
OPENING_PARTICIPLE = re.compile(r"\W*(?:(?:after|before|while|when|upon|on)\s+)?[A-Za-z]+ing\b[^;:“”\"]*?,\s", re.I)
BETWEEN_END = re.compile(r"\b(?:between|among|между|arasında)$", re.I)
COORDINATED_VERB = re.compile(r",\s*and\s+(?:\w+ly\s+)?$", re.I)
OPENING_CHARS = 80
PUNCTUATION = re.compile(r"[,;:()\"“”]")
# How far after a named happening its date may stand: six words, or ten with no punctuation between.
ATTACHED_WORDS = 6
ATTACHED_CLAUSE_WORDS = 10
REPORTED_WOULD = re.compile(r"\bwould\s+(?:\w+\s+){0,1}$", re.I)
# "In May 1994 it was Russian mediation that produced ...": a cleft's "that" does not open another clause.
CLEFT = re.compile(r"\bit (?:was|is) [^,;]{1,60}? that\b", re.I)
# A date stays within its clause; "when", "where" and "at which" clauses share the time of the sentence.
DATE_BREAK = re.compile(
    r";|\b(?:that|(?:after|before) which|who|while|whereas|because|although|but|after|before|"
    r"following|since|until|as (?=a |an |the )|что|который|после|çünki|lakin|ki(?=,))\b",
    re.I,
)
SPEECH = re.compile(
    r"\b(?:said|says|say|stated|states|told|reported|reports|announced|claimed|claims|alleged|added|noted|"
    r"stressed|wrote|posted|declared|заявил\w*|сообщил\w*|отметил\w*|bildir\w*|deyib|qeyd ed\w*|vurğula\w*|"
    r"açıqla\w*)\b",
    re.I,
)
# The pronoun opening a reported clause, standing for its speaker ("X said (that) it had summoned ..."); "he"
# and "she" are the person last named (PRONOUN_BEFORE).
SPEAKER_PRONOUN = re.compile(r"\s*(?:that\s+)?(?:it|they)\b", re.I)
# "He also rejected", "During his comments, he expressed": the person last named acts.
PRONOUN_SUBJECT = re.compile(r"(?:^|[,;]\s*|\b(?:and|but)\s+)(?:he|she)\s+(?:\w+\s+){0,2}$", re.I)
# "on Tuesday he will host", "his meeting with": a pronoun just before the action stands for a person.
PRONOUN_BEFORE = re.compile(r"\b(?:he|she|his|her)\s+(?:\w+\s+){0,2}$", re.I)
FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|я|мы|наш\w*|mən|Mən|bizim|Bizim)\b")
TRANSCRIPT_SPEAKER = re.compile(r"^[^:“\"]{3,80}:\s")
LOCATIVE_BEFORE = re.compile(
    r"\b(?i:in|at|near|outside|from|over|across|into|through|в|во)\s+(?:the\s+)?"
    r"(?:[A-ZА-Я][\w'’-]*,?\s+(?:and\s+)?){0,3}"
    r"(?:(?i:capital|city|town|village|region|republic|resort|port)\s+(?:of\s+)?)?$"
)
# "a summit of the CIS", "on the sidelines of the SCO": an organisation named as the venue.
VENUE_BEFORE = re.compile(
    r"\b(?:summit|summits|sidelines|session|forum|conference|margins)\s+of\s+(?:the\s+|an?\s+)?(?:\w+\s+){0,2}$", re.I
)
QUOTE_OPEN = "“«"
QUOTE_CLOSE = "”»"
MATERIAL_CONFLICT = ("17", "18", "19", "20")
# Verbal acts (statements, appeals, apologies, demands, criticism, threats) address the party just discussed.
VERBAL = ("01", "02", "03", "05", "10", "11", "12", "13")
# Acts on a territory: without a named target, the state the place belongs to is the other party.
MATERIAL_ACTS = ("06", "07", "08", "15", *MATERIAL_CONFLICT)


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
    kind: str = "joint"  # how the parties were read: joint, directed or visit (see cameo_patterns.yaml)
    date_span: tuple[dt.date, dt.date] | None = None  # the days a coarse date can be (dates.ResolvedDate.span)
    parties: tuple[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.parties = tuple(sorted((self.actor1.party, self.actor2.party)))


@dataclass
class ArticleContext:
    """What earlier sentences established: the parties of the last event, the person last named, the speaker of
    a transcript, and the last date the article gave."""

    recent_parties: list[actors.Actor] = field(default_factory=list)
    parties_from_event: bool = False  # once an event names them, "the two sides" are its parties
    last_person: actors.Actor | None = None
    speaker: actors.Actor | None = None
    last_date: dates.ResolvedDate | None = None
    # "the peacekeepers", "the police" after "Russian peacekeepers": whose forces a bare sector noun means.
    sector_owner: dict[str, actors.Actor] = field(default_factory=dict)


@dataclass
class SentenceView:
    """One sentence with what was found in it."""

    text: str
    language: str
    published: dt.date | None
    mentions: list[actors.Mention]
    expressions: list[dates.DateExpression]
    triggers: list[actions.Trigger] = field(default_factory=list)


def code_article(text: str, language: str, published: dt.date | None) -> list[CodedMention]:
    dictionary = actors.load_dictionary()
    context = ArticleContext()
    coded: list[CodedMention] = []
    for sentence in split_sentences(text, language):
        coded += code_sentence(sentence, language, published, dictionary, context)
    return _date_from_explicit_mentions(coded)


def _date_from_explicit_mentions(coded: list[CodedMention]) -> list[CodedMention]:
    """A mention dated only by the publication date ("after he was summoned") that shares its parties, root
    and status with a mention the article dates explicitly ("summoned ... on Saturday"; "he will host Erdogan
    on Tuesday. It will be their first meeting since ...") is that happening: it takes the explicit date of
    the nearest such mention."""
    explicit: dict[tuple, list[CodedMention]] = {}
    for mention in coded:
        if mention.date_text is not None and mention.event_date is not None:
            explicit.setdefault((mention.parties, mention.event_code[:2], mention.status), []).append(mention)
    for mention in coded:
        # Only a happening the article dated before this mention: a date given later is often its backstory.
        anchors = [a for a in explicit.get((mention.parties, mention.event_code[:2], mention.status), [])
                   if a.sentence_index <= mention.sentence_index]  # fmt: skip
        if mention.date_text is None and anchors:
            anchor = max(anchors, key=lambda a: a.sentence_index)
            mention.event_date, mention.date_precision = anchor.event_date, anchor.date_precision
            mention.month_day, mention.date_span = anchor.month_day, anchor.date_span
    return coded


def code_sentence(sentence, language, published, dictionary, context) -> list[CodedMention]:
    text = sentence.text
    mentions = actors.find_mentions(text, dictionary, language)
    if language == "az":
        mentions = [m for m in mentions if not _az_place_named(m, dictionary)]
    view = SentenceView(
        text,
        language,
        published,
        mentions,
        dates.find_date_expressions(text, language),
        actions.find_triggers(text, language),
    )
    _note_speaker(view, published, dictionary, context)
    coded: list[CodedMention] = []
    previous_end = None
    for trigger in view.triggers:
        # ", demanding ...": a participle that describes the action before it, not an action of its own.
        adjunct = previous_end is not None and re.search(r",\s*$", text[: trigger.start])
        adjunct = adjunct and re.match(r"\w+ing\b", trigger.text)
        previous_end = trigger.end
        referred = REFERENCE.search(text[: trigger.start][-80:]) is not None
        if language == "az":
            referred = AZ_REFERENCE_AFTER.match(text, trigger.end) is not None
        expression = _expression_of(text, trigger, view.expressions, view.triggers)
        presupposed = referred and expression is not None and _attached(expression, trigger, text)
        if adjunct or (referred and not presupposed) or not _asserted(text, trigger, presupposed):
            continue
        if language == "az" and not _az_asserted(text, trigger, presupposed):
            continue
        # A happening named as the cause or background of another ("over the deaths", "since Russia's
        # downing") is coded only when a date is attached to it ("during Friday's raids").
        coded += _code_trigger(sentence, view, trigger, expression, dictionary, context)
    _remember(context, view, dictionary)
    return coded


def _code_trigger(sentence, view, trigger, expression, dictionary, context) -> list[CodedMention]:
    text = view.text
    # "cancelled the meeting planned for May 3": what follows a refusal describes what was refused.
    refusal = trigger.rule.code[:2] in REFUSALS
    tense = dates.tense_of(text[: trigger.end] if refusal else text, trigger.start, trigger.end, view.language)
    if _reported_future(text, trigger):
        tense = "future"
    if expression is not None and FUTURE_DATE.search(text[: expression.start][-40:]):
        tense = "future"
    if expression is None and ONGOING.search(text[_clause_start(text, trigger.start) : trigger.start]):
        return []
    if expression is None and view.language == "az" and any(map(AZ_ONGOING_VERB.match, _az_predicate(text, trigger))):
        return []
    resolved, date_text = _date_of(view, trigger, expression, tense, context)
    if resolved is None or (resolved.date is None and resolved.month_day is None):
        return []  # the article does not fix the date: nothing to code (CODING 2, "may")
    reference = resolved.date or view.published
    # "protests from Baku", "a raid by Moscow": the capital right after the trigger's own "from"/"by" acts.
    agent_at = trigger.end if re.search(r"\b(?:from|by)$", trigger.text, re.I) else None
    positioned = _resolve_mentions(view.mentions, reference, dictionary, text, context, agent_at)
    place = places.find_place(text, trigger.start, *_clause_span(text, trigger, view.expressions))
    if view.language == "az":
        pairs = _az_parties(view, trigger, positioned, context, dictionary)
    else:
        pairs = _parties(text, trigger, positioned, context, place, dictionary)
    if not pairs:
        return []
    context.recent_parties = list({a.party: a for pair in pairs for a in pair}.values())
    context.parties_from_event = True
    status = "planned" if tense == "future" else "occurred"
    coded = [
        _mention(sentence, trigger.rule.code, trigger.text, date_text, resolved, status, a1, a2, place, context)
        for a1, a2 in pairs
    ]
    for mention in coded:
        mention.kind = trigger.rule.kind
    # "Armenia's defence ministry said Azerbaijani troops opened fire": the speaker accuses the attacker.
    if trigger.rule.code[:2] in MATERIAL_CONFLICT and status == "occurred":
        speaker = _speaker_of(text, trigger, positioned)
        attacker = pairs[0][0]
        if speaker is not None and speaker.party not in (attacker.party, None):
            speech = _speech_expression(view, trigger)
            speech_date = dates.resolve_date(speech.text, view.published, "past", view.language) if speech else None
            coded.append(
                _mention(
                    sentence,
                    "112",
                    trigger.text,
                    speech.text if speech_date else date_text,
                    speech_date or resolved,
                    status,
                    speaker,
                    attacker,
                    place,
                    context,
                )
            )
            coded[-1].kind = "directed"
    return coded


def _mention(sentence, code, trigger, date_text, resolved, status, actor1, actor2, place, context) -> CodedMention:
    return CodedMention(
        sentence_index=sentence.index,
        char_start=sentence.start,
        char_end=sentence.end,
        sentence=sentence.text,
        event_code=code,
        trigger=trigger,
        date_text=date_text,
        event_date=resolved.date,
        date_precision=resolved.precision if resolved.date else "none",
        month_day=resolved.month_day,
        date_span=resolved.span,
        status=status,
        actor1=actor1,
        actor2=actor2,
        place=place,
        confidence=_confidence(date_text is not None, actor1, actor2),
    )


def _reported_future(text: str, trigger: actions.Trigger) -> bool:
    """ "the CSTO said a mission would arrive": "would" after a reporting verb is the future of that report."""
    would = REPORTED_WOULD.search(text, 0, trigger.start)
    return would is not None and SPEECH.search(text, 0, would.start()) is not None


def _asserted(text: str, trigger: actions.Trigger, presupposed: bool = False) -> bool:
    """Not negated, hypothetical, called off, or a running total. A presupposed happening ("compensate for
    the downing last week") is a fact whatever the clause around it wishes."""
    before = text[: trigger.start]
    clause = text[_clause_start(text, trigger.start) : trigger.start]
    hypothetical = HYPOTHETICAL.search(clause)
    if hypothetical and hypothetical.group().lower() == "would" and _reported_future(text, trigger):
        hypothetical = None
    if NEGATION.search(before[-40:]) or (hypothetical and not presupposed):
        return False
    if CALLED_OFF.search(clause) and trigger.rule.code[:2] not in REFUSALS:
        return False
    return not any(m.start() < trigger.end + 60 and m.end() > trigger.start - 60 for m in CUMULATIVE.finditer(text))


# --- Azerbaijani: the verb after a noun trigger, and parties read from case endings

# "görüşlə bağlı" (regarding the meeting), "hücuma cavab olaraq" (in response to the attack): a happening named
# as the cause or topic of another; Azerbaijani postpositions follow the noun.
AZ_REFERENCE_AFTER = re.compile(
    r"\s+(?:ilə\s+)?(?:bağlı|əlaqədar|görə|səbəbindən|cavab olaraq|etiraz olaraq|haqqında|barədə|ərəfəsində)\b",
    re.I,
)
# Where the words that complete a noun trigger stop: punctuation, a conjunction, a postposition.
AZ_PREDICATE_END = re.compile(
    r"[,;:.!?“”\"«»()]|\b(?:və|ki|amma|lakin|ancaq|çünki|zamanı|ərzində|çərçivəsində|nəticəsində|sonra|üçün|"
    r"haqqında|barədə|ilə|arasında)\b",
    re.I,
)
AZ_PREDICATE_WORDS = 3
# Negated verb forms: "-madı", "-mayıb", "-mayacaq", "-mayan", "-mamış", "-maz", "-madan"; present "-mır".
AZ_NEGATED_VERB = re.compile(
    r"(?<=\w\w)m[aə](?:d[ıiuü]|y[ıiuü]b|y[aə]c[aə][kqğy]|y[aə]n|m[ıi]ş|z\b|d[aə]n)"
    r"|(?:(?<=[^\Waeıioöuüə])|(?<=l[aə]))m[ıiuü]r(?:l[aə]r|d[ıi]r)?$"
)
# The verbs that complete a noun trigger ("görüş keçirilib", "səfər edəcək", "telefon danışığı aparıb").
AZ_LIGHT_VERB = r"(?:ed|et|edil|olun|ol|apar|aparıl|keçir|keçiril|imzala|imzalan|bağla|bağlan|tut|tutul|gəl|ver|veril)"
# Not a fact: the infinitive ("keçirmək"), necessity ("keçirilməli"), a condition ("keçirilərsə"), or a
# word of possibility, intent or cancellation after the trigger ("keçirilə bilər", "ləğv edilib").
AZ_UNREAL_VERB = re.compile(
    rf"^{AZ_LIGHT_VERB}(?:m[aə](?:[qkğ]|y[əa]|l[ıi])|(?:[aə]r)?s[aə](?:l[aə]r)?$)"
    r"|^(?:deyil|bil(?:ər|məz|mir)|mümkün|lazım|hazır|niyyət|ehtimal|ləğv|təxirə|imtina|boykot)"
)
AZ_CALLED_OFF_WORD = re.compile(r"^(?:ləğv|təxirə|imtina|boykot)")
# "danışıqlar aparılır", "danışıqlar davam edir": under way, not a dated happening.
AZ_ONGOING_VERB = re.compile(rf"^(?:{AZ_LIGHT_VERB}[ıiuü]r(?:l[aə]r)?|davam)$")
# A finite verb ends its clause: "Əliyev Putinlə görüşüb və ...": the names after it are another clause's.
AZ_FINITE_VERB = re.compile(r"(?:[ıiuü]b|d[ıiuü]|[aə]c[aə][kq]|[ıiuü]r)(?:l[aə]r)?(?:d[ıiuü]r)?$", re.I)
# A passive verb: "-ıl-"/"-il-" or "-n-" before the tense ("çağırılıb", "həbs edilib", "ittiham olunub").
AZ_PASSIVE_VERB = re.compile(
    r"(?:[ıiuü]l|[aəıiuü]n)(?:[ıiuü]b(?:l[aə]r)?(?:d[ıiuü]r)?|d[ıiuü](?:l[aə]r)?|[aə]c[aə][kq](?:l[aə]r)?"
    r"|[ıiuü]r(?:l[aə]r)?|m[ıiuü]ş(?:d[ıiuü]r)?)$",
    re.I,
)
AZ_AGENT_AFTER = re.compile(r"\s+tərəfindən\b", re.I)
AZ_TARGET_AFTER = re.compile(r"\s+(?:qarşı|ünvanına)\b", re.I)
AZ_WITH_AFTER = re.compile(r"\s+ilə\b", re.I)


def _az_place_named(mention: actors.Mention, dictionary) -> bool:
    """ "Moskvada" (in Moscow): a state or capital in the locative is where something happened, not a party
    (the Azerbaijani of "in Moscow")."""
    return mention.entry.is_place and actors.az_case(mention.text, dictionary) == "locative"


def _az_predicate(text: str, trigger: actions.Trigger) -> list[str]:
    """The lower-case words after a trigger up to its clause's verb: at most three, names left out
    ("görüş Bakıda keçirilməyib" -> ["keçirilməyib"])."""
    rest = text[trigger.end :]
    stop = AZ_PREDICATE_END.search(rest)
    words = rest[: stop.start() if stop else len(rest)].split()[:AZ_PREDICATE_WORDS]
    return [actors.lowered(w) for w in words if w[:1].islower()]


def _az_asserted(text: str, trigger: actions.Trigger, presupposed: bool) -> bool:
    """The verb after a noun trigger is not negated, unreal or a cancellation ("səfər ləğv edilib"); a
    presupposed happening is a fact whatever follows. The trigger's own suffixes are the patterns' matter."""
    predicate = _az_predicate(text, trigger)
    if any(AZ_NEGATED_VERB.search(word) for word in predicate):
        return False
    called_off = any(AZ_CALLED_OFF_WORD.match(word) for word in predicate)
    if called_off and trigger.rule.code[:2] not in REFUSALS:
        return False
    return presupposed or called_off or not any(AZ_UNREAL_VERB.match(word) for word in predicate)


def _az_parties(view, trigger, positioned, context, dictionary) -> list[tuple[actors.Actor, actors.Actor]]:
    """Parties of an Azerbaijani action. The verb comes last, so its parties stand before it in its clause
    (from the action before it); a noun trigger's also in the names joined to the first one after it. Joint
    actions pair every party. Directed ones read case: the agent of "X tərəfindən" or else the first bare
    (nominative) name acts; a name in the dative or accusative, or before "qarşı" (against), is the target;
    a visit goes to the state or capital in the dative ("Bakıya"). A passive verb with no agent names only
    the target: nothing is coded rather than a guess."""
    text = view.text
    earlier = [t.end for t in view.triggers if t.end <= trigger.start]
    start = max([_clause_start(text, trigger.start), *earlier])
    end = next((m.start() for m in CLAUSE_BREAK.finditer(text, trigger.end)), len(text))
    end = min([end, *(t.start for t in view.triggers if t.start >= trigger.end)])
    before = [p for p in positioned if start <= p.start < trigger.end]
    after = [i for i, p in enumerate(positioned) if trigger.end <= p.start < end]
    if after and not AZ_FINITE_VERB.search(trigger.text):
        before += _group(positioned, after[0], +1, text)
    if trigger.rule.kind == "joint":
        if len({p.actor.party for p in before}) < 2 and _collective_near(text, trigger, before, start):
            before += [PartyMention(0, 0, a) for a in context.recent_parties]
        return _pairs(before)
    roles = {id(p): _az_role(text, p, dictionary) for p in before}
    agent = next((p for p in before if roles[id(p)] == "agent"), None)
    targets = [p for p in before if roles[id(p)] in ("dative", "accusative", "target")]
    subjects = [p for p in before if roles[id(p)] in ("nominative", "genitive") and p not in targets]
    if trigger.rule.kind == "visit":
        targets = [p for p in before if roles[id(p)] == "dative"]
    passive = AZ_PASSIVE_VERB.search(trigger.text) or any(map(AZ_PASSIVE_VERB.search, _az_predicate(text, trigger)))
    if agent is not None:
        actor1, targets = agent, targets or subjects
    elif passive and trigger.rule.code[:2] != "08":  # "sülhməramlılar çıxarılıb": the forces still withdraw
        return []
    else:
        actor1 = subjects[0] if subjects else None
    if actor1 is None:
        return []
    victims = {t.actor.party: t.actor for t in targets if t.actor.party != actor1.actor.party}
    if not victims and trigger.rule.kind != "visit":  # "Rusiyanın bəyanatını pisləyib": the owner of the object
        others = [p for p in before if p.actor.party != actor1.actor.party]
        victims = {p.actor.party: p.actor for p in others[:1]}
    return [(actor1.actor, actor) for actor in victims.values()]


def _az_role(text: str, mention: PartyMention, dictionary) -> str:
    """What a name does in its Azerbaijani clause: its case, or the postposition after it."""
    if AZ_AGENT_AFTER.match(text, mention.end) or text[: mention.end].endswith("tərəfindən"):
        return "agent"
    if AZ_TARGET_AFTER.match(text, mention.end):
        return "target"
    if AZ_WITH_AFTER.match(text, mention.end):
        return "comitative"
    return actors.az_case(text[mention.start : mention.end], dictionary)


# "Lavrov, who arrived in Baku on Monday, met ...": a relative clause set off by commas.
RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which)\b[^,;:“”\"]*,", re.I)


def _relative_clauses(text: str, before: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in RELATIVE_CLAUSE.finditer(text, 0, before) if m.end() <= before]


def _clause_start(text: str, position: int) -> int:
    """Where the clause of `position` starts; a closed relative clause before it does not end its clause."""
    skipped = _relative_clauses(text, position)
    return max(
        (m.end() for m in CLAUSE_BREAK.finditer(text, 0, position) if not any(s <= m.start() < e for s, e in skipped)),
        default=0,
    )


def _date_clause(text, trigger, expressions) -> tuple[int, int]:
    """The trigger's clause for dates: between the breaks around it (not those inside a date expression)."""
    spans = [(e.start, e.end) for e in expressions] + [(m.end() - 4, m.end()) for m in CLEFT.finditer(text)]
    breaks = [m for m in DATE_BREAK.finditer(text) if not any(s <= m.start() < e for s, e in spans)]
    start = max((m.end() for m in breaks if m.end() <= trigger.start), default=0)
    end = min((m.start() for m in breaks if m.start() >= trigger.end), default=len(text))
    return start, end


def _clause_span(text, trigger, expressions) -> tuple[int, int]:
    """Where the trigger's place may be named: its date clause, up to a happening named after it."""
    start, end = _date_clause(text, trigger, expressions)
    ahead = REFERENCE_AHEAD.search(text, trigger.end, end)  # "... over the deaths in Karabakh": not where
    return start, ahead.start() if ahead else end


def _expression_of(text, trigger, expressions, triggers=()) -> dates.DateExpression | None:
    """The date expression of the trigger's clause nearest to it."""
    start, end = _date_clause(text, trigger, expressions)
    inside = [e for e in expressions if e.start >= start and e.end <= end]
    # "refused to attend the meeting scheduled for May 3", "cancelled talks planned for June 30": the date is
    # the meeting's, not the refusal's.
    refusal = trigger.rule.code[:2] in REFUSALS
    inside = [
        e
        for e in inside
        if not (
            e.start >= trigger.end
            and FUTURE_DATE.search(text[: e.start][-40:])
            and (refusal or any(trigger.end <= other.start and other.end <= e.start for other in triggers))
        )
    ]

    # A date behind "over", "for", "since" after the action belongs to the happening named there.
    inside = [
        e
        for e in inside
        if e.start < trigger.end
        or not (
            REFERENCE_AHEAD.search(text[trigger.end : e.start])
            or (e.text.lower().startswith("for ") and not FUTURE_DATE.search(text[: e.start][-40:] + "for "))
        )
    ]

    def distance(e: dates.DateExpression) -> int:
        return e.start - trigger.end if e.start >= trigger.end else max(0, trigger.start - e.end)

    return min(inside, key=distance, default=None)


def _attached(expression: dates.DateExpression, trigger: actions.Trigger, text: str) -> bool:
    """ "Friday's raids", "a raid last week", "since jets shot down a bomber near the border last November":
    the date belongs to the named happening itself (after it, within its clause)."""
    if expression.end <= trigger.start:
        return len(text[expression.end : trigger.start].split()) <= 1
    gap = text[trigger.end : expression.start]
    return len(gap.split()) <= ATTACHED_WORDS or (
        len(gap.split()) <= ATTACHED_CLAUSE_WORDS and not PUNCTUATION.search(gap)
    )


def _date_of(view, trigger, expression, tense, context):
    """The resolved date of a trigger and the words it was read from (None when inherited)."""
    text, published = view.text, view.published
    if expression is not None:
        resolved = dates.resolve_date(expression.text, published, tense, view.language)
        if resolved is not None:
            if resolved.date is not None or resolved.month_day is not None:
                context.last_date = resolved
            return resolved, expression.text
    # The words around the action, not into a clause it introduces ("apologised that it had occurred").
    ahead = CLAUSE_BREAK.search(text, trigger.end, trigger.end + 40)
    clause = text[_clause_start(text, trigger.start) : ahead.start() if ahead else trigger.end + 40]
    if SAME_TIME.search(text) and context.last_date and context.last_date.precision == "day":
        return context.last_date, None
    long_before = LONG_BEFORE.search(clause)
    # "X said that Moscow had brokered ...": reported speech shifts the past back; shortly before, not long.
    backshifted = bool(
        long_before and PLUPERFECT.fullmatch(long_before.group()) and SPEECH.search(text, 0, trigger.start)
    )
    if long_before and not backshifted:
        return None, None
    if published is None:
        # No publication date: an undated report continues the story at the last date the article gave.
        return (context.last_date, None) if tense == "past" and context.last_date else (None, None)
    speech = _speech_date(view, trigger, context)
    if speech is not None and speech.date is not None:  # "X said on June 28 that ...": by then
        by_then = (speech.date.replace(day=1), speech.date) if speech.precision == "day" else None
        return dates.ResolvedDate(speech.date.replace(day=1), "month", span=by_then), None
    if tense == "future" or backshifted or SHORTLY_BEFORE.search(clause):
        # "will visit": soon after publication; "earlier": shortly before it. The month, not the day.
        return dates.ResolvedDate(published.replace(day=1), "month"), None
    last = context.last_date
    if tense == "past" and last is not None and last.precision == "day" and 0 <= (published - last.date).days <= 7:
        return last, None
    return dates.ResolvedDate(published, "day"), None


def _speech_expression(view, trigger) -> dates.DateExpression | None:
    """The date expression of the reporting verb that introduces the trigger's clause ("said on June 28 that")."""
    speech = list(SPEECH.finditer(view.text, 0, trigger.start))
    if not speech:
        return None
    verb = speech[-1]
    return next((e for e in view.expressions if e.end <= trigger.start and abs(e.start - verb.end()) <= 3), None)


def _speech_date(view, trigger, context) -> dates.ResolvedDate | None:
    expression = _speech_expression(view, trigger)
    return dates.resolve_date(expression.text, view.published, "past", view.language) if expression else None


def _speaker_of(text, trigger, positioned) -> actors.Actor | None:
    """The party a speech verb attributes the sentence to: "X said ...", "..., X said"."""
    for verb in SPEECH.finditer(text):
        before = [p for p in positioned if p.end <= verb.start() and verb.start() - p.end <= 40]
        if before and (before[-1].end <= trigger.start or verb.start() > trigger.end):
            return before[-1].actor
    return None


COREFERENT_SECTORS = ("MIL", "COP")
# A number or an indefinite quantifier before a sector noun: some of a kind, not the ones already named.
COUNTED_BEFORE = re.compile(
    r"(?:\b\d[\d,.]*|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|several"
    r"|some|many|few|other|more|fewer)\b)\s+(?:[a-z-]+\s+)?$",
    re.I,
)


def _resolve_mentions(mentions, date, dictionary, text, context=None, agent_at=None) -> list[PartyMention]:
    """The parties named in the sentence; a state or capital after "in"/"at" is a place, not a party (unless
    it starts at `agent_at`, right after an action's "from"/"by"); a bare "the peacekeepers" is the forces
    last named with their state."""
    kept = []
    for m in mentions:
        organisation = m.entry.kind == "actor" and m.entry.actors and m.entry.actors[0].group
        if organisation and VENUE_BEFORE.search(text[: m.start]):
            continue  # "on the sidelines of a CIS summit": where, not who
        agent = agent_at is not None and re.fullmatch(r"\s*(?:the\s+)?", text[agent_at : m.start], re.I)
        if m.entry.is_place and not agent and LOCATIVE_BEFORE.search(text[: m.start][-60:]):
            continue
        if m.entry.kind == "sector":
            owner = context.sector_owner.get(m.entry.sector) if context else None
            if owner is None or COUNTED_BEFORE.search(text, 0, m.start):
                continue  # "more than 60 soldiers were killed": some soldiers, not the forces last named
            m = actors.Mention(m.start, m.end, m.text, actors.Entry("actor", (owner,), country=owner.country))
        kept.append(m)
    resolved = [PartyMention(m.start, m.end, actors.resolve(m, date, dictionary)) for m in kept]
    # A counterpart resolves against the person it is the counterpart of, who may come after it.
    for item, mention in zip(resolved, kept, strict=True):
        if mention.entry.kind == "counterpart":
            item.actor = actors.resolve(mention, date, dictionary, [p.actor for p in resolved if p is not item])
    return [p for p in resolved if p.actor.party]


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
    speaker_parties: list[PartyMention] = []
    if quote is not None:  # reported speech: the parties the quotation names, and its speaker for "we"
        speaker = _quote_speaker(text, quote, positioned) or context.speaker or context.last_person
        positioned = [p for p in positioned if quote[0] <= p.start < quote[1]]
        clause_start, clause_end = max(clause_start, quote[0]), min(clause_end, quote[1])
        if speaker is not None and FIRST_PERSON.search(text[clause_start : trigger.start]):
            speaker_parties = [PartyMention(clause_start, clause_start, speaker)]
    elif context.speaker is not None and FIRST_PERSON.search(text[clause_start : trigger.start]):
        speaker_parties = [PartyMention(clause_start, clause_start, context.speaker)]
    inside = [p for p in positioned if not (trigger.start <= p.start < trigger.end)]
    modifiers = _state_adjectives_before(text, trigger, dictionary, word_only=True)  # "an Azerbaijani attack"
    within = [p for p in positioned if trigger.start <= p.start < trigger.end]  # "treaty between X and Y dated"
    skipped = _relative_clauses(text, trigger.start)
    before = [
        i
        for i, p in enumerate(inside)
        if clause_start <= p.start < trigger.start and not any(s <= p.start < e for s, e in skipped)
    ]
    # A directed action's target follows it closely: not past ", as ...", ", while ...".
    bound = TARGET_BOUND.search(text, trigger.end)
    target_limit = bound.start() if bound else len(text)
    if kind != "joint":
        clause_end = min(clause_end, target_limit, trigger.end + TARGET_REACH)
    after = [i for i, p in enumerate(inside) if p.start >= trigger.end and p.start < clause_end]
    if not before and kind == "directed" and SPEAKER_PRONOUN.match(text, clause_start):
        # "the ministry said that it had summoned ...": the pronoun is the speaker just named
        speakers = [i for i, p in enumerate(inside) if p.end <= clause_start]
        before = speakers[-1:] if speakers and SPEECH.search(text, inside[speakers[-1]].end, clause_start) else []
    if before and trigger.rule.subject == "first":
        subject = _group(inside, before[0], +1, text)
    else:
        subject = _group(inside, before[-1], -1, text) if before else speaker_parties
    relative = re.search(r",\s*(?:who|which)\s+(?:\w+\s+){0,3}$", text[: trigger.start], re.I)
    if not subject and relative:  # "Lavrov, who arrived in Baku": the relative clause's antecedent
        antecedent = [i for i, p in enumerate(inside) if p.end <= relative.start()]
        subject = [inside[antecedent[-1]]] if antecedent else []
    if not subject and PRONOUN_SUBJECT.search(text[clause_start : trigger.start]) and context.last_person:
        subject = [PartyMention(0, 0, context.last_person)]
    if not subject and PRONOUN_BEFORE.search(text[clause_start : trigger.start]):
        # the person named last before it in the sentence, else in the article
        people = [p for p in positioned if p.end <= clause_start and p.actor.is_person]
        person = people[-1].actor if people else context.last_person
        subject = [PartyMention(0, 0, person)] if person is not None else []
    if not subject and COORDINATED_VERB.search(text[: trigger.start]) and inside and inside[0].start < OPENING_CHARS:
        # "Aliyev said the jet had been hit ..., and demanded ...": the sentence's subject does both
        subject = _group(inside, 0, +1, text)
    opening = OPENING_PARTICIPLE.match(text)
    if not subject and opening and trigger.end <= opening.end():
        # "Speaking at talks with Aliyev on October 9, Putin said ...": the main clause's subject speaks
        main = [i for i, p in enumerate(inside) if p.start >= opening.end()]
        subject = _group(inside, main[0], +1, text) if main and inside[main[0]].start - opening.end() <= 80 else []
    # "an Azerbaijani attack" (the word before a noun action), or an actor not named ("Turkish jets shot down")
    if not modifiers and not subject:
        modifiers = _state_adjectives_before(text, trigger, dictionary, word_only=False)
    from_adjective = bool(modifiers)
    if from_adjective:
        subject = modifiers
    # The target follows the action in its phrase: "..., Russia's minister said" after a comma is another clause.
    target = []
    if after and not re.fullmatch(r"\s*,\s*(?:the\s+)?", text[trigger.end : inside[after[0]].start]):
        target = _group(inside, after[0], +1, text)
    if not target and kind == "directed":  # "condemned the Armenian shelling", "what it called an Azerbaijani attack"
        target = _state_adjectives_after(text, trigger, dictionary)
    agent = None
    if (
        target
        and kind != "joint"
        and (_passive_agent(text, trigger, target[0]) or re.search(r"\b(?:from|by)$", trigger.text, re.I))
    ):
        agent, target = target[0], subject
    if agent is None and kind == "directed" and trigger.rule.code[:2] in VERBAL and _passive(text, trigger, subject):
        # "the envoy was summoned to X's ministry": X acts; "citizens accused of crimes": no accuser is named
        summoner = target and re.fullmatch(r"\s*to\s+(?:the\s+)?", text[trigger.end : target[0].start], re.I)
        if not summoner:
            return []
        agent, target = target[0], subject
    if kind == "joint":
        if trigger.rule.pairs == "each_target" and subject and len({t.actor.party for t in target}) > 1:
            # "X spoke by phone with A and B": one call with each, not a call between A and B
            return [pair for t in target for pair in _pairs([*subject, t])]
        members = within + subject + target
        if BETWEEN_END.search(trigger.text) and len({t.actor.party for t in target}) >= 2:
            members = target  # "talks between A and B": the sentence's subject is not a third participant
        if len({m.actor.party for m in members}) < 2 and _collective_near(text, trigger, inside, clause_start):
            members = members + [PartyMention(0, 0, a) for a in context.recent_parties]
        return _pairs(members)
    parties = list({p.actor.party: p.actor for p in sorted(subject, key=lambda p: p.start)}.values())
    if len(parties) >= 2 and _reciprocal(text, trigger):  # "X and Y accused each other": both ways
        return [(a, b) for a in parties for b in parties if a.party != b.party]
    if len(parties) >= 2 and not target and not agent and trigger.rule.code[:2] in MATERIAL_CONFLICT:
        return list(itertools.combinations(parties, 2))  # "X and Y exchanged fire", "shelling by X and Y"
    # "Azerbaijan and Russia condemned ...": each party of the subject acts, one dyad each.
    initiators = [agent] if agent else list({p.actor.party: p for p in sorted(subject, key=lambda p: p.start)}.values())
    # "Turkey condemned the Armenian shelling": the shelling's victim is not whoever else the sentence names.
    others = [] if from_adjective else [p for p in positioned if p.start < target_limit]
    pairs = [
        pair
        for actor1 in initiators
        for pair in _directed_pairs(actor1, target, within, others, place, kind, trigger, dictionary)
    ]
    if not pairs and len(initiators) == 1 and trigger.rule.code[:2] in VERBAL:
        # "Putin apologised that ..." after "Putin spoke with Aliyev": the other party of the last event
        actor1 = initiators[0].actor
        recent = {a.party: a for a in context.recent_parties}
        if actor1.party in recent and len(recent) == 2:
            pairs = [(actor1, next(a for p, a in recent.items() if p != actor1.party))]
    return pairs


TARGET_BOUND = re.compile(r",\s*(?:as|while|when|whereas|after|before|amid|despite|and)\b", re.I)
TARGET_REACH = 90  # characters


RECIPROCAL_AFTER = re.compile(r"^\s+(?:\w+\s+){0,2}?(?:each other|one another)\b", re.I)
EACH_BEFORE = re.compile(r"\beach\s+$", re.I)
THE_OTHER_AFTER = re.compile(r"^\s+the other\b", re.I)


def _reciprocal(text: str, trigger: actions.Trigger) -> bool:
    """ "accused each other", "each accusing the other side": the subject's parties act on one another."""
    after = text[trigger.end :]
    return bool(
        RECIPROCAL_AFTER.match(after) or (EACH_BEFORE.search(text[: trigger.start]) and THE_OTHER_AFTER.match(after))
    )


def _directed_pairs(actor1, target, within, positioned, place, kind, trigger, dictionary):
    victims = [t for t in (target or within) if t.actor.party != actor1.actor.party]
    if (
        not victims
        and place is not None
        and place.country != actor1.actor.party
        and (kind == "visit" or trigger.rule.code[:2] in MATERIAL_ACTS)
    ):
        # "arrived in Baku", "withdrew from Karabakh", "opened fire on villages in Armenia": the place's state.
        name = dictionary.state_names.get(place.country, place.country)
        host = actors.Actor(f"{place.country}GOV", f"Government of {name}", place.country)
        victims = [PartyMention(place.start, place.end, host)]
    if not victims and kind != "visit":
        # The target named elsewhere in the sentence ("X said ... Y opened fire"), not past ", as ...".
        victims = [p for p in positioned if p.actor.party != actor1.actor.party]
    if not victims:
        return []
    # "visited Baku and Yerevan": one dyad per party of the target list.
    targets = {v.actor.party: v.actor for v in reversed(victims[: len(target) or 1])}
    return [(actor1.actor, actor) for actor in reversed(targets.values())]


def _state_adjectives_before(text: str, trigger: actions.Trigger, dictionary, word_only: bool) -> list[PartyMention]:
    """The states whose adjectives stand before a trigger, as its actors: the word right before a noun trigger
    ("a large-scale Azerbaijani attack": Azerbaijan attacked; "Russian-Turkish talks": both), or else
    (`word_only` False) the adjective opening the noun phrase before it ("Turkish F-16 jets shot down")."""
    if word_only:
        word = re.search(r"([\w’'-]+)\s+$", text[: trigger.start]) if trigger.text[:1].islower() else None
    else:
        word = re.search(r"(?:^|[\s(])([A-Z][\w’'-]*)\s+(?:[\w’'-]+\s+){1,2}$", text[: trigger.start])
        word = None if word is None or PUNCTUATION.search(text, word.start(1), trigger.start) else word
    states = [_state_of_adjective(part, dictionary) for part in word.group(1).split("-")] if word else []
    return [PartyMention(word.start(1), word.end(1), state) for state in states if state is not None]


def _state_adjectives_after(text: str, trigger: actions.Trigger, dictionary) -> list[PartyMention]:
    """The state whose adjective opens the noun phrase right after a trigger, after an article and at most one
    more word ("the Armenian shelling", "a large-scale Azerbaijani attack")."""
    phrase = re.match(r"\s+(?:(?:the|a|an|its|their)\s+)?([\w’'-]+)(?:\s+([\w’'-]+))?", text[trigger.end :])
    for group in (1, 2):
        state = _state_of_adjective(phrase.group(group), dictionary) if phrase and phrase.group(group) else None
        if state is not None:
            start = trigger.end + phrase.start(group)
            return [PartyMention(start, trigger.end + phrase.end(group), state)]
    return []


def _state_of_adjective(word: str, dictionary) -> actors.Actor | None:
    """The state a word is the adjective of ("Azerbaijani", "Azeri"), or None."""
    entry = dictionary.entries.get(actors.lowered(word))
    if entry is None or entry.kind != "adjective" or not entry.country:
        return None
    return actors.Actor(entry.country, dictionary.state_names.get(entry.country, entry.country), entry.country)


def _passive(text: str, trigger: actions.Trigger, subject: list[PartyMention]) -> bool:
    """A participle with no object after it, after "was" ("Russia's envoy was summoned on Monday") or right
    after the party it describes ("Russian citizens accused of past crimes")."""
    if not PARTICIPLE.fullmatch(trigger.text):
        return False
    after = text[trigger.end :]
    if PASSIVE_VOICE.search(text[: trigger.start]):
        return bool(OBJECTLESS_AFTER.match(after))
    described = subject and subject[-1].end and not text[subject[-1].end : trigger.start].strip()
    return bool(described and REDUCED_RELATIVE_AFTER.match(after))


def _passive_agent(text: str, trigger: actions.Trigger, first_after: PartyMention) -> bool:
    gap = text[trigger.end : first_after.start]
    if not PASSIVE_AGENT.match(gap):
        return False
    # "canceled a visit by X": the agent of the noun, not of the verb, unless the verb is passive.
    return bool(PASSIVE_VOICE.search(text[: trigger.start])) or len(gap.split()) > 1 or not trigger.text[:1].islower()


def _quote_span(text: str, position: int) -> tuple[int, int] | None:
    """The quotation the position lies in, if any (straight quotes alternate open and close)."""
    start = None
    for i, char in enumerate(text[:position]):
        if char == '"':
            start = None if start is not None else i
        elif char in QUOTE_OPEN:
            start = i
        elif char in QUOTE_CLOSE:
            start = None
    if start is None:
        return None
    close = next((i for i in range(position, len(text)) if text[i] in QUOTE_CLOSE + '"'), len(text))
    return start, close


def _quote_speaker(text: str, quote: tuple[int, int], positioned: list[PartyMention]) -> actors.Actor | None:
    """Who says the quotation: "..., Lavrov said" after it, or "Lavrov said: ..." before it."""
    after = [p for p in positioned if quote[1] < p.start <= quote[1] + 40]
    if after and SPEECH.search(text[quote[1] : after[0].end + 30]):
        return after[0].actor
    before = [p for p in positioned if p.end <= quote[0] and quote[0] - p.end <= 40]
    if before and SPEECH.search(text[before[-1].end : quote[0]]):
        return before[-1].actor
    return None


def _collective_near(text, trigger, positioned, clause_start) -> bool:
    """ "The two leaders signed", "talks between the sides", "bilateral talks": the parties just named act,
    when the collective phrase is the action's own subject or object."""
    spans = actors.collective_spans(text) + [
        (m.start(), m.end()) for m in re.finditer(r"\bbilateral\b|\bдвусторонн\w*|\bikitərəfli\b", text, re.I)
    ]
    for start, end in spans:
        if start < clause_start:
            continue
        if end <= trigger.start:
            between = [p for p in positioned if end <= p.start < trigger.start]
            if not between and trigger.start - end <= 60:
                return True
        elif start >= trigger.end and start - trigger.end <= 30 or start < trigger.end and end > trigger.start:
            return True
    return False


def _pairs(members: list[PartyMention]) -> list[tuple[actors.Actor, actors.Actor]]:
    """Every pair of distinct parties among the members, each party once (its most specific actor)."""
    by_party: dict[str, actors.Actor] = {}
    for member in members:
        party = member.actor.party
        if party not in by_party or (member.actor.is_person and not by_party[party].is_person):
            by_party[party] = member.actor
    return list(itertools.combinations(by_party.values(), 2))


def _note_speaker(view: SentenceView, published, dictionary, context: ArticleContext) -> None:
    """A transcript line ("President of Russia Vladimir Putin: ...") sets who "I" and "we" are."""
    head = TRANSCRIPT_SPEAKER.match(view.text)
    if not head:
        return
    people = [m for m in view.mentions if m.end <= head.end() and m.entry.kind in ("person", "office")]
    if people:
        context.speaker = actors.resolve(people[0], published, dictionary)


def _remember(context: ArticleContext, view: SentenceView, dictionary) -> None:
    positioned = _resolve_mentions(view.mentions, view.published, dictionary, view.text, context)
    parties = {}
    for p in positioned:
        parties.setdefault(p.actor.party, p.actor)
        if p.actor.country and p.actor.code[3:] in COREFERENT_SECTORS:
            context.sector_owner[p.actor.code[3:]] = p.actor
        if p.actor.is_person:
            context.last_person = p.actor
    if len(parties) >= 2 and not context.parties_from_event:
        context.recent_parties = list(parties.values())


def _confidence(explicit_date: bool, actor1: actors.Actor, actor2: actors.Actor) -> float:
    named = all(a.is_person or len(a.code) > 3 for a in (actor1, actor2))
    return round(0.55 + (0.2 if explicit_date else 0.0) + (0.15 if named else 0.0), 2)

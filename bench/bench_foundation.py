"""Benchmark of the pipeline's foundation: ingest + clean + dedup on a generated corpus of raw article files.

Usage (from the repository root):

    .venv/bin/python bench/bench_foundation.py [--articles N] [--seed S] [--workdir DIR] [--keep] [--json] [--profile]

    --articles N   files in the corpus, everything included (default 10000)
    --seed S       seed of the generator (default 0); the same N and S give the same corpus, byte for byte
    --workdir DIR  write the corpus to DIR/raw (which must not hold files yet) instead of a temporary folder
    --keep         keep the corpus, plus DIR/ground_truth.json (which files are relatives of which)
    --json         print the figures as one JSON object instead of the readable report
    --profile      also run the three stages under cProfile and print the top 25 lines by cumulative time
                   (the profiled run is a second run, after the timed one, so it does not inflate the figures)

The corpus is generated at run time from the paragraphs of the seed articles in seeds/ (nothing of them is
embedded here):

* base articles: 4-9 seed paragraphs, each mutated (sentences shuffled, one dropped, a sentence from a small
  template grammar inserted, numbers, dates and proper names substituted, common words swapped for synonyms) so
  that distinct base articles share few 5-word shingles, as real distinct articles do; each gets page chrome in
  one of several invented outlet styles (header line, stamp, title, byline, dateline, sharing and subscription
  furniture, sidebars of other headlines);
* planted near-duplicates (~20% of the files) of a base article: reprints (other chrome, maybe another title,
  a word or two edited), updates (one paragraph added, title ending " (UPDATE)", later date) and excerpts (the
  first 60-80% of the body);
* bad files (~1%): empty, binary, chrome only (all expected to be rejected) and cp1251-encoded Russian articles
  (expected to be decoded and coded as Russian: the pipeline codes ru).

The report gives corpus size, wall time per stage, articles/s, the process's peak RSS, near-duplicate recall,
false merges, canonical choice for updates and rejections, each beside its target (PASS/MISS). It always exits
with status 0 (2 only for unusable arguments): it is a benchmark, not a test. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import math
import os
import pstats
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = ROOT / "seeds"

TARGET_RATE = 500.0  # articles per second, overall
TARGET_PEAK_MB = 1024.0  # peak RSS, MB (2**20 bytes)
TARGET_RECALL = 0.95
MB = 2**20

SHARE_DUPLICATES = 0.20
SHARE_BAD = 0.01
DUPLICATE_KINDS = {"reprint": 0.4, "update": 0.3, "excerpt": 0.3}
BAD_KINDS = ("empty", "binary", "cp1251-russian", "chrome-only")
HEADER_SHARE = 0.4

# ------------------------------------------------------------------------------------------ word lists
# Invented or generic; substituted into the seed paragraphs and used by the template grammar.

COUNTRIES = [
    "Georgia", "Turkey", "Kazakhstan", "Uzbekistan", "Turkmenistan", "Iran", "Ukraine", "Belarus", "Moldova",
    "Kyrgyzstan", "Tajikistan", "Hungary", "Serbia", "Pakistan", "Egypt", "Bulgaria", "Romania", "Lithuania",
    "Latvia", "Estonia", "Poland", "Slovakia", "Austria", "Italy", "France", "Germany", "China", "India", "Japan",
    "Qatar", "Oman", "Jordan", "Mongolia", "Armenia", "Russia", "Azerbaijan", "Greece", "Croatia", "Slovenia",
    "Finland",
]  # fmt: skip
CITIES = [
    "Tbilisi", "Ankara", "Astana", "Tashkent", "Ashgabat", "Tehran", "Kyiv", "Minsk", "Chisinau", "Bishkek",
    "Dushanbe", "Budapest", "Belgrade", "Islamabad", "Cairo", "Sofia", "Bucharest", "Vilnius", "Riga", "Tallinn",
    "Warsaw", "Vienna", "Rome", "Paris", "Berlin", "Beijing", "Delhi", "Tokyo", "Doha", "Ganja", "Shusha",
    "Lankaran", "Sheki", "Nakhchivan", "Kazan", "Samara", "Derbent", "Makhachkala", "Astrakhan", "Sochi",
]  # fmt: skip
DEMONYMS = [
    "Georgian", "Turkish", "Kazakh", "Uzbek", "Turkmen", "Iranian", "Ukrainian", "Belarusian", "Moldovan",
    "Kyrgyz", "Tajik", "Hungarian", "Serbian", "Pakistani", "Egyptian", "Bulgarian", "Romanian", "Lithuanian",
    "Latvian", "Estonian", "Polish", "Slovak", "Austrian", "Italian", "French", "German", "Chinese", "Indian",
    "Japanese", "Qatari", "Omani", "Mongolian", "Greek", "Croatian", "Finnish",
]  # fmt: skip
FIRST_NAMES = [
    "Anar", "Leyla", "Elchin", "Nigar", "Rashad", "Sevinj", "Orkhan", "Aysel", "Farid", "Gunel", "Ilgar", "Kamala",
    "Murad", "Narmin", "Ramil", "Samira", "Tural", "Ulviyya", "Vugar", "Zaur", "Dmitry", "Elena", "Igor", "Olga",
    "Pavel", "Svetlana", "Andrei", "Natalia", "Oleg", "Irina", "Giorgi", "Nino", "Emre", "Selin", "Aibek",
    "Dana", "Timur", "Maria", "Peter", "Anna",
]  # fmt: skip
SURNAMES = [
    "Mammadov", "Aliyeva", "Huseynov", "Hasanova", "Karimov", "Guliyev", "Rzayeva", "Ismayilov", "Babayev",
    "Jafarova", "Abbasov", "Nasirova", "Gasimov", "Valiyeva", "Suleymanov", "Petrov", "Ivanova", "Sokolov",
    "Kuznetsova", "Volkov", "Morozova", "Lebedev", "Novikova", "Orlov", "Belova", "Beridze", "Kapanadze",
    "Yilmaz", "Demir", "Nurlanov", "Sadykova", "Tokayev", "Rahimov", "Usmanova", "Hartmann", "Moreau", "Rossi",
    "Novak", "Horvath", "Lindqvist",
]  # fmt: skip
ACRONYMS = ["CIS", "BSEC", "SCO", "OTS", "ECO", "GUAM", "CICA", "EAEU", "OIC", "TRACECA", "BRICS", "OPEC", "CAREC"]
MONTHS_EN = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]  # fmt: skip
MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# (city, country) pairs for datelines: real places, so the cleaner's gazetteer can recognise them.
DATELINE_PLACES = [
    ("Baku", "Azerbaijan"), ("Moscow", "Russia"), ("Tbilisi", "Georgia"), ("Ankara", "Turkey"),
    ("Astana", "Kazakhstan"), ("Tashkent", "Uzbekistan"), ("Minsk", "Belarus"), ("Tehran", "Iran"),
    ("Yerevan", "Armenia"), ("Ganja", "Azerbaijan"), ("Kazan", "Russia"), ("Sochi", "Russia"),
    ("Istanbul", "Turkey"), ("Almaty", "Kazakhstan"), ("Bishkek", "Kyrgyzstan"), ("Lankaran", "Azerbaijan"),
]  # fmt: skip

# Capitalised words that are titles or institution words, not names: never substituted.
KEEP_CAPS = {
    "President", "Presidential", "Minister", "Prime", "Foreign", "Deputy", "Chairman", "Government", "Council",
    "Assembly", "Ministry", "Affairs", "Republic", "Federation", "Treaty", "Declaration", "Group", "Commission",
    "Joint", "Border", "Security", "Sea", "Residence", "State", "University", "Union", "Charter", "Final", "Act",
    "Friendship", "Cooperation", "Mutual", "Strategic", "Partnership", "Allied", "Interaction", "Mr", "Mrs", "Dr",
    "I", "Materials", "Press", "Service", "Economic", "Economics", "Eurasian", "United", "Nations", "Federal",
    "Summit", "Agreement", "Office", "Development", "Potential", "Countries", "Head", "Heads", "Ambassador",
}  # fmt: skip

# Synonym groups for common news words; each occurrence is swapped for a random member of its group.
SYNONYM_GROUPS = [
    ["said", "stated", "noted", "stressed", "emphasized", "remarked", "underlined", "pointed out"],
    ["says", "states", "notes", "stresses", "believes", "argues"],
    ["discuss", "address", "consider", "review", "examine", "go over"],
    ["discussed", "addressed", "considered", "reviewed", "examined", "went over"],
    ["cooperation", "collaboration", "partnership", "engagement", "cooperative ties"],
    ["relations", "ties", "links", "contacts"],
    ["countries", "states", "nations", "sides"],
    ["country", "state", "nation"],
    ["meeting", "session", "consultation", "encounter", "gathering"],
    ["important", "key", "significant", "major", "essential", "crucial"],
    ["agreement", "accord", "deal", "arrangement", "pact"],
    ["agreements", "accords", "deals", "arrangements", "pacts"],
    ["development", "progress", "advancement", "growth", "expansion"],
    ["issues", "matters", "questions", "topics", "subjects"],
    ["issue", "matter", "question", "topic", "subject"],
    ["visit", "trip", "tour", "mission"],
    ["also", "further", "additionally", "likewise", "moreover"],
    ["ready", "prepared", "willing", "open"],
    ["support", "back", "endorse", "assist"],
    ["new", "fresh", "novel", "recent"],
    ["current", "present", "existing", "ongoing"],
    ["currently", "now", "at present", "at the moment", "today"],
    ["bilateral", "two-way", "mutual", "joint", "interstate"],
    ["regional", "local", "area-wide", "neighbourhood"],
    ["international", "global", "world", "multilateral"],
    ["economic", "commercial", "business", "financial"],
    ["trade", "commerce", "business", "trading"],
    ["signed", "concluded", "inked", "endorsed", "approved"],
    ["held", "conducted", "organized", "staged", "convened"],
    ["leaders", "heads of state", "presidents", "chiefs"],
    ["talks", "negotiations", "discussions", "consultations", "deliberations"],
    ["negotiations", "talks", "discussions", "consultations", "deliberations"],
    ["statement", "declaration", "communique", "document"],
    ["situation", "state of affairs", "circumstances", "conditions"],
    ["region", "area", "neighbourhood", "zone"],
    ["expressed", "voiced", "conveyed", "signalled"],
    ["hope", "confidence", "expectation", "optimism"],
    ["including", "among them", "notably", "in particular"],
    ["will", "shall", "would", "will likely", "will soon"],
    ["great", "considerable", "substantial", "strong", "keen"],
    ["further", "additional", "continued", "more"],
    ["strengthen", "reinforce", "deepen", "bolster", "enhance"],
    ["strengthening", "reinforcing", "deepening", "bolstering", "enhancing"],
    ["expand", "broaden", "widen", "extend", "grow"],
    ["promote", "advance", "foster", "encourage"],
    ["level", "stage", "degree", "tier"],
    ["parties", "sides", "participants", "delegations"],
    ["sides", "parties", "counterparts", "delegations"],
    ["conflict", "dispute", "confrontation", "standoff"],
    ["ministry", "department", "agency", "office"],
    ["documents", "papers", "instruments", "texts"],
    ["areas", "spheres", "fields", "domains", "sectors"],
    ["spheres", "areas", "fields", "domains", "sectors"],
    ["prospects", "outlook", "opportunities", "potential"],
    ["work", "efforts", "activity", "action"],
    ["ensure", "guarantee", "secure", "provide"],
    ["security", "safety", "stability"],
    ["mutual", "shared", "common", "reciprocal"],
    ["friendly", "cordial", "warm", "amicable"],
    ["very", "highly", "extremely", "quite", "really"],
    ["many", "numerous", "multiple", "various"],
    ["large-scale", "ambitious", "major", "extensive"],
    ["meet", "hold talks", "get together", "confer"],
    ["scheduled", "expected", "due", "set", "planned"],
    ["announced", "declared", "revealed", "reported", "confirmed"],
    ["highlighted", "underscored", "stressed", "noted"],
    ["priority", "focus", "objective", "goal"],
    ["agenda", "plan", "programme", "docket"],
    ["amounted", "came", "rose", "grew"],
    ["totaled", "reached", "stood at", "came to"],
    ["billion", "million"],
    ["percent", "per cent"],
    ["aims", "seeks", "intends", "is designed"],
    ["direct", "face-to-face", "immediate"],
    ["implementation", "execution", "realization", "fulfilment"],
    ["implemented", "carried out", "fulfilled", "executed"],
    ["reached", "achieved", "secured", "attained"],
    ["decided", "agreed", "resolved", "determined"],
    ["efforts", "endeavours", "initiatives", "steps"],
    ["forum", "conference", "summit", "gathering"],
    ["humanitarian", "social", "cultural", "people-to-people"],
    ["satisfied", "pleased", "content", "happy"],
    ["useful", "productive", "fruitful", "constructive"],
    ["progress", "headway", "advances", "movement"],
    ["key", "main", "central", "principal", "core"],
    ["signing", "conclusion", "adoption"],
    ["briefing", "press conference", "news conference", "press event"],
    ["remarks", "comments", "statements"],
    ["several", "a number of", "some", "a few"],
    ["top", "senior", "leading", "chief"],
    ["capital", "main city"],
    ["stage", "phase", "step", "period"],
    ["role", "part", "function"],
    ["deal", "agreement", "accord", "bargain"],
    ["leader", "head", "chief"],
    ["government", "cabinet", "administration", "authorities"],
    ["officials", "authorities", "representatives", "diplomats"],
    ["plans", "intends", "aims", "hopes"],
    ["began", "started", "commenced", "broke out"],
    ["adopted", "approved", "passed", "endorsed"],
    ["aspects", "facets", "dimensions", "elements"],
    ["interaction", "contact", "dialogue", "engagement"],
    ["dialogue", "conversation", "exchange", "contact"],
    ["stability", "calm", "security", "order"],
    ["positive", "constructive", "favourable", "good"],
    ["continue", "keep going", "carry on", "persist"],
    ["ministers", "secretaries", "envoys", "officials"],
    ["added", "continued", "went on", "remarked"],
    ["agreed", "consented", "settled", "concurred"],
    ["settlement", "resolution", "solution", "settling"],
    ["made", "produced", "delivered", "issued"],
    ["counterpart", "colleague", "opposite number", "peer"],
    ["peace", "peaceful", "lasting peace", "durable peace"],
    ["cultural", "artistic", "heritage", "educational"],
    ["political", "diplomatic", "policy", "governmental"],
    ["following", "after", "in the wake of", "subsequent to"],
    ["related", "linked", "connected", "relevant"],
    ["war", "fighting", "hostilities", "armed conflict"],
    ["economy", "economic sphere", "national economy", "business sector"],
    ["communications", "connections", "links", "networks"],
    ["investments", "investment", "capital inflows", "funds"],
    ["during", "in the course of", "throughout", "at"],
    ["strategic", "long-term", "fundamental", "principal"],
    ["partnership", "alliance", "cooperation", "union"],
    ["develop", "advance", "build", "grow"],
    ["developing", "advancing", "growing", "evolving"],
    ["turnover", "volume", "exchange", "flows"],
    ["implement", "carry out", "execute", "put into practice"],
    ["common", "shared", "joint", "collective"],
    ["organizations", "bodies", "institutions", "structures"],
    ["regions", "provinces", "territories", "districts"],
    ["holding", "conducting", "running", "hosting"],
    ["importance", "significance", "value", "weight"],
    ["consider", "regard", "view", "see"],
    ["future", "coming period", "years ahead", "time to come"],
    ["initiatives", "proposals", "ideas", "plans"],
    ["within", "inside", "in", "as part of"],
    ["armed", "military", "army"],
    ["forces", "troops", "units", "formations"],
    ["surrounding", "adjacent", "neighbouring", "nearby"],
    ["districts", "areas", "regions", "localities"],
    ["ceasefire", "truce", "armistice", "cessation of hostilities"],
    ["tasks", "objectives", "challenges", "goals"],
    ["sector", "industry", "segment", "branch"],
    ["invested", "spent", "placed", "allocated"],
    ["set", "established", "fixed", "laid down"],
    ["transport", "transportation", "logistics", "transit"],
    ["news", "media", "press", "information"],
    ["agency", "service", "bureau", "outlet"],
    ["must", "should", "have to", "need to"],
    ["conference", "briefing", "meeting", "event"],
    ["full", "complete", "total", "entire"],
    ["measures", "steps", "actions", "moves"],
    ["later", "subsequently", "afterwards", "thereafter"],
    ["official", "formal", "state", "government"],
    ["invitation", "request", "call", "initiative"],
    ["status", "state", "condition", "position"],
    ["linked", "connected", "bound", "tied"],
    ["built", "founded", "grounded", "constructed"],
    ["respect", "regard", "esteem", "consideration"],
    ["interests", "concerns", "priorities", "needs"],
    ["fundamental", "basic", "core", "essential"],
    ["document", "paper", "text", "instrument"],
    ["provisions", "clauses", "terms", "stipulations"],
    ["developed", "elaborated", "expanded", "advanced"],
    ["legal", "juridical", "statutory", "lawful"],
    ["successfully", "effectively", "steadily", "fruitfully"],
    ["exports", "shipments abroad", "outbound sales", "deliveries"],
    ["imports", "purchases", "inbound goods", "inflows"],
    ["equal", "equivalent", "comparable", "identical"],
    ["active", "intensive", "vigorous", "energetic"],
    ["decisions", "resolutions", "rulings", "choices"],
    ["session", "sitting", "round", "meeting"],
    ["commission", "committee", "board", "panel"],
    ["sphere", "area", "field", "domain"],
    ["remains", "stays", "continues to be", "is still"],
    ["consistent", "constant", "steady", "lasting"],
    ["component", "element", "part", "ingredient"],
    ["enterprises", "companies", "firms", "businesses"],
    ["operating", "working", "functioning", "active"],
    ["involved", "engaged", "participating", "taking part"],
    ["activities", "operations", "work", "dealings"],
    ["intend", "plan", "mean", "aim"],
    ["practice", "tradition", "custom", "habit"],
    ["decades", "generations", "many years", "long years"],
    ["mediator", "broker", "facilitator", "intermediary"],
    ["history", "past", "heritage", "legacy"],
    ["peoples", "nations", "communities", "populations"],
    ["resolving", "settling", "solving", "ending"],
    ["policy", "strategy", "course", "line"],
    ["priorities", "goals", "objectives", "aims"],
    ["upcoming", "forthcoming", "coming", "planned"],
    ["context", "framework", "light", "setting"],
    ["continuation", "extension", "prolongation", "follow-up"],
    ["expansion", "growth", "widening", "enlargement"],
    ["beneficial", "advantageous", "profitable", "rewarding"],
    ["intensively", "actively", "rapidly", "vigorously"],
    ["basis", "foundation", "grounds", "footing"],
    ["exchange", "swap", "flow", "interchange"],
    ["delegations", "missions", "teams", "groups"],
    ["past", "previous", "preceding", "last"],
    ["period", "time", "span", "interval"],
    ["participation", "involvement", "presence", "attendance"],
    ["representatives", "delegates", "envoys", "members"],
    ["business", "commerce", "industry", "enterprise"],
    ["promoting", "advancing", "pushing", "furthering"],
    ["previously", "earlier", "before", "formerly"],
    ["signal", "sign", "indication", "message"],
    ["needed", "necessary", "required", "essential"],
    ["threat", "danger", "risk", "menace"],
    ["neighboring", "adjacent", "nearby", "bordering"],
    ["outcome", "result", "conclusion", "upshot"],
    ["claims", "demands", "pretensions", "assertions"],
    ["result", "outcome", "consequence", "effect"],
    ["occupied", "seized", "captured", "held"],
    ["resolutions", "decisions", "rulings", "acts"],
    ["seminar", "workshop", "panel", "symposium"],
    ["adoption", "approval", "passage", "acceptance"],
    ["interest", "attention", "curiosity", "concern"],
    ["information", "data", "details", "reports"],
    ["results", "outcomes", "findings", "achievements"],
    ["variety", "range", "number", "host"],
    ["fields", "areas", "spheres", "sectors"],
    ["exceeded", "surpassed", "topped", "passed"],
    ["majority", "bulk", "most", "larger part"],
    ["raise", "lift", "elevate", "bring"],
    ["traditions", "customs", "heritage", "legacy"],
    ["deep", "profound", "strong", "lasting"],
    ["brokered", "mediated", "arranged", "negotiated"],
    ["ended", "concluded", "finished", "closed"],
    ["number", "series", "set", "range"],
    ["corridors", "routes", "passages", "lanes"],
    ["commitment", "dedication", "pledge", "resolve"],
    ["establish", "create", "set up", "form"],
    ["temporary", "interim", "provisional", "transitional"],
    ["quickly", "rapidly", "swiftly", "promptly"],
    ["begin", "start", "launch", "initiate"],
    ["drafting", "preparing", "writing", "composing"],
    ["treaty", "pact", "accord", "convention"],
    ["convene", "assemble", "gather", "call together"],
    ["mandate", "task", "remit", "mission"],
    ["stable", "steady", "secure", "calm"],
    ["range", "variety", "series", "spectrum"],
    ["focusing", "concentrating", "centring", "zeroing in"],
    ["expanding", "widening", "broadening", "extending"],
    ["covered", "addressed", "touched on", "included"],
    ["satisfaction", "contentment", "approval", "pleasure"],
    ["determination", "resolve", "intention", "will"],
    ["believes", "thinks", "considers", "feels"],
    ["benefits", "advantages", "gains", "rewards"],
    ["witnessed", "observed", "attended", "saw"],
    ["especially", "particularly", "notably", "above all"],
    ["nature", "character", "essence", "spirit"],
    ["wants", "wishes", "seeks", "aims"],
    ["completely", "fully", "entirely", "totally"],
    ["resolve", "settle", "solve", "end"],
    ["speaking", "talking", "giving an interview"],
    ["actively", "energetically", "busily", "vigorously"],
    ["seeking", "pursuing", "looking for", "searching for"],
    ["solutions", "answers", "remedies", "ways"],
    ["demands", "requests", "conditions", "claims"],
    ["clearly", "plainly", "firmly", "unambiguously"],
    ["rejected", "dismissed", "refused", "turned down"],
    ["emphasize", "stress", "underline", "highlight"],
    ["compliance", "accordance", "conformity", "line"],
    ["balance", "equilibrium", "parity", "proportion"],
    ["maintaining", "preserving", "keeping", "sustaining"],
    ["interested", "keen", "engaged", "invested"],
    ["trust", "confidence", "faith", "credibility"],
    ["gradually", "slowly", "progressively", "step by step"],
    ["help", "assist", "aid", "serve to"],
    ["consolidate", "cement", "secure", "reinforce"],
    ["processes", "efforts", "tracks", "procedures"],
    ["view", "opinion", "position", "perspective"],
    ["refrain", "abstain", "desist", "hold back"],
    ["rhetoric", "language", "statements", "talk"],
    ["principles", "tenets", "norms", "rules"],
    ["undertaken", "assumed", "accepted", "taken on"],
    ["committed", "put", "set down", "written"],
    ["lasting", "durable", "enduring", "permanent"],
    ["anticipated", "expected", "predicted", "foresaw"],
    ["announcement", "statement", "declaration", "notice"],
    ["signatures", "endorsements", "autographs", "sign-offs"],
    ["position", "stance", "view", "line"],
    ["probably", "likely", "presumably", "possibly"],
    ["impossible", "unfeasible", "unworkable", "out of reach"],
    ["reported", "said", "stated", "noted"],
    ["told", "informed", "assured", "advised"],
]
SYNONYMS = {group[0]: group for group in SYNONYM_GROUPS}
SYNONYM_SHARE = 0.85
CONNECTORS = ["Meanwhile,", "In addition,", "At the same time,", "Separately,", "Notably,", "Earlier,", "In turn,"]
CONNECTOR_SHARE = 0.2

# Template grammar for inserted sentences, titles and sidebar headlines.
ROLES = [
    "Deputy Foreign Minister", "Economy Minister", "presidential aide", "Ambassador", "spokesperson",
    "parliamentary speaker", "Energy Minister", "Deputy Prime Minister", "Transport Minister", "trade envoy",
]  # fmt: skip
SAY = ["said", "told reporters", "noted", "stressed", "announced", "confirmed", "added", "argued"]
AUX = ["will", "plans to", "is expected to", "intends to", "hopes to", "is ready to", "has agreed to", "aims to"]
ACTIONS = ["expand", "review", "finalize", "strengthen", "launch", "resume", "deepen", "accelerate", "revise"]
ADJECTIVES = [
    "joint", "long-term", "bilateral", "regional", "cross-border", "new", "large-scale", "pilot", "strategic",
    "multilateral", "green", "digital",
]  # fmt: skip
NOUNS = [
    "energy projects", "transit arrangements", "customs procedures", "rail links", "gas supplies", "grain exports",
    "visa rules", "investment programmes", "border talks", "trade commission", "ferry services", "power grid links",
    "education exchanges", "tourism flows", "corridor plans", "water management", "fisheries quotas",
    "satellite launches", "pipeline maintenance", "port expansion",
]  # fmt: skip
EVENTS = [
    "upcoming summit", "next round of talks", "intergovernmental commission meeting", "spring session of parliament",
    "regional economic forum", "ministerial conference", "investment roundtable", "border commission session",
]  # fmt: skip
GROUPS = ["officials", "analysts", "economists", "diplomats", "industry sources", "customs officers"]
BODIES = ["foreign ministry", "economy ministry", "presidential administration", "customs committee", "state agency"]
BENEFITS = ["employ", "benefit", "involve", "serve", "connect"]
PEOPLE = ["workers", "farmers", "students", "households", "companies", "travellers"]
HEADLINE_VERBS = ["discuss", "agree on", "review", "sign deal on", "plan", "debate", "expand", "boost"]
VISIT_VERBS = ["visits", "arrives in", "holds talks in", "tours", "wraps up visit to"]

# Russian grammar for the cp1251 files (written for this benchmark).
RU_COUNTRIES_GEN = ["Азербайджана", "России", "Грузии", "Турции", "Казахстана", "Узбекистана", "Ирана", "Беларуси"]
RU_COUNTRIES = ["Азербайджан", "Россия", "Грузия", "Турция", "Казахстан", "Узбекистан", "Иран", "Беларусь"]
RU_NAMES = ["Алиев", "Петров", "Мамедов", "Иванова", "Гусейнов", "Соколов", "Керимова", "Волков", "Орлова"]
RU_ROLES = ["Министр иностранных дел", "Посол", "Вице-премьер", "Глава Минэкономики", "Пресс-секретарь МИД"]
RU_SAY = ["заявил", "сообщил", "отметил", "подчеркнул", "рассказал журналистам"]
RU_WHO = ["стороны", "делегации", "правительства двух стран", "министерства", "эксперты"]
RU_PLAN = ["планируют", "намерены", "готовы", "договорились", "рассчитывают"]
RU_ACTION = ["расширить", "обсудить", "укрепить", "пересмотреть", "ускорить", "продолжить"]
RU_OBJECT = [
    "сотрудничество в сфере энергетики", "торговые связи", "транспортные проекты", "таможенное взаимодействие",
    "гуманитарные контакты", "поставки зерна", "работу межправкомиссии", "инвестиционные программы",
]  # fmt: skip
RU_MONTHS_GEN = [
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
    "декабря",
]  # fmt: skip
RU_CITIES_LOC = ["Баку", "Москве", "Тбилиси", "Анкаре", "Астане", "Ташкенте", "Минске", "Казани", "Сочи"]


# ------------------------------------------------------------------------------------------ outlet styles


@dataclass(frozen=True)
class Style:
    slug: str
    name: str
    handle: str
    newline: str = "\n"
    bom: bool = False


STYLES = [
    Style("caspian-wire", "Caspian Wire", "CaspianWire"),
    Style("baku-daily", "Baku Daily", "BakuDailyNews"),
    Style("eurasia-monitor", "Eurasia Monitor", "EurasiaMonitor"),
    Style("regional-review", "Regional Review", "RegReview", bom=True),
    Style("south-caucasus-times", "South Caucasus Times", "SCTimes"),
    Style("kura-post", "Kura Post", "KuraPost", newline="\r\n"),
]


@dataclass
class Story:
    """What a file says; `render` wraps it in one outlet's page chrome."""

    title: str
    when: dt.datetime
    paragraphs: list[str]
    author: str
    city: str
    country: str
    category: str
    is_update: bool = False
    first_version_at: str | None = None
    ellipsis: bool = False


@dataclass
class FileTruth:
    path: str
    kind: str  # base, reprint, update, excerpt, or bad
    family: int | None = None  # the base article's number, for a base and its planted relatives
    style: str | None = None
    bad_kind: str | None = None
    seed_paragraphs: list[int] = field(default_factory=list)
    probe: str | None = None  # for cp1251 files: a sentence the decoded text must contain


# ------------------------------------------------------------------------------------------ seeds


SENTENCE_CLOSE = re.compile(r"[.!?…]['\"”’»]?$")
RULE = re.compile(r"^(-{3,}|_{3,}|\*{3,}|={3,})$")
HEADER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\b")
TOKEN_PARTS = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)
POSSESSIVE = re.compile(r"^(.*\w)(['’]s)$")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
YEAR = re.compile(r"(?:19|20)\d\d")
ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)")
ABBREVIATIONS = {"Mr.", "Mrs.", "Dr.", "U.N.", "U.S.", "St.", "Gen.", "Lt.", "No.", "Jan.", "Feb.", "Aug.", "Sept."}
DEMONYM_SUFFIXES = ("ian", "ani", "ese", "ish", "ean", "eri")
TITLE_WORDS = {"President", "Minister", "Mr.", "Mr", "Ambassador", "counterpart", "Chairman", "FM", "Secretary"}
SURNAME_SUFFIXES = ("ov", "ova", "ev", "eva", "yan", "in", "ko", "dze", "shvili", "uk", "sky", "ski")
COUNTRY_SUFFIXES = ("ia", "stan", "an", "ey", "ine", "us", "nd")


@dataclass
class SeedCorpus:
    paragraphs: list[str]
    lowercase_vocabulary: frozenset[str]  # words seen in lower case: not proper names when capitalised
    capitalised_inside: frozenset[str]  # words seen capitalised inside a sentence: names even at its start
    files: int


def load_seeds(seeds_dir: Path) -> SeedCorpus:
    """The seed articles' body paragraphs: lines of 12 or more words ending a sentence, without the header line,
    page chrome (by the cleaner's own rules) or anything after a horizontal rule."""
    from pipeline import clean

    chrome = clean.load_chrome()
    paragraphs: list[str] = []
    vocabulary: set[str] = set()
    inside: set[str] = set()
    files = sorted(seeds_dir.glob("*.txt"))
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace").replace("\r", "\n")
        for raw_line in text.split("\n"):
            line = " ".join(raw_line.split())
            if RULE.match(line):
                break
            if not line or HEADER.match(line) or clean.is_chrome(line, chrome):
                continue
            vocabulary.update(w for w in re.findall(r"[^\W\d_]+", line) if w.islower())
            for sentence in split_sentences(line):
                inside.update(w for w in re.findall(r"[^\W\d_]+", sentence.split(" ", 1)[-1]) if w[0].isupper())
            if len(line.split()) >= 12 and SENTENCE_CLOSE.search(line) and line not in paragraphs:
                paragraphs.append(line)
    if len(paragraphs) < 10:
        sys.exit(f"bench_foundation: only {len(paragraphs)} usable paragraphs in {seeds_dir}; need 10 or more")
    return SeedCorpus(paragraphs, frozenset(vocabulary), frozenset(inside), len(files))


def split_sentences(paragraph: str) -> list[str]:
    tokens = paragraph.split()
    sentences, current = [], []
    for i, token in enumerate(tokens):
        current.append(token)
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (
            SENTENCE_CLOSE.search(token)
            and token not in ABBREVIATIONS
            and (not following or following[:1].isupper() or following[:1] in '"“‘«')
        ):
            sentences.append(" ".join(current))
            current = []
    if current:
        sentences.append(" ".join(current))
    return sentences


# ------------------------------------------------------------------------------------------ generator


class Generator:
    """Deterministic from its seed: the same arguments give the same corpus."""

    def __init__(self, seeds: SeedCorpus, seed: int):
        self.seeds = seeds
        self.rng = random.Random(seed)

    # ---- template grammar

    def _year(self) -> str:
        return str(self.rng.randint(1995, 2024))

    def _time_phrase(self) -> str:
        r = self.rng
        return r.choice(
            [
                f"by the end of {self._year()}",
                f"in {r.choice(MONTHS_EN)}",
                "next month",
                f"within {r.randint(2, 18)} months",
                f"before the {r.choice(EVENTS)}",
                "later this year",
                f"in the first half of {self._year()}",
                f"after the {r.choice(EVENTS)}",
            ]
        )

    def _place(self) -> str:
        return self.rng.choice(COUNTRIES + CITIES)

    def template_sentence(self) -> str:
        r = self.rng
        person = f"{r.choice(FIRST_NAMES)} {r.choice(SURNAMES)}"
        forms = [
            lambda: (
                f"{r.choice(ROLES)} {person} {r.choice(SAY)} that {self._place()} {r.choice(AUX)} "
                f"{r.choice(ACTIONS)} {r.choice(ADJECTIVES)} {r.choice(NOUNS)} {self._time_phrase()}."
            ),
            lambda: (
                f"Trade turnover between {r.choice(COUNTRIES)} and {r.choice(COUNTRIES)} reached "
                f"${r.randint(11, 980)} million in the first {r.randint(2, 11)} months of {self._year()}, "
                f"{r.choice(GROUPS)} {r.choice(SAY)}."
            ),
            lambda: (
                f"The {r.choice(EVENTS)} in {r.choice(CITIES)} on {r.choice(MONTHS_EN)} {r.randint(1, 28)} "
                f"brought together {r.randint(3, 60)} delegations and {r.randint(10, 400)} companies."
            ),
            lambda: (
                f"{r.choice(DEMONYMS)} {r.choice(GROUPS)} expect the {r.choice(ADJECTIVES)} {r.choice(NOUNS)} "
                f"to {r.choice(BENEFITS)} {r.randint(2, 90) * 100} {r.choice(PEOPLE)} {self._time_phrase()}."
            ),
            lambda: (
                f"According to {person}, a {r.choice(ROLES).lower()} at the {r.choice(DEMONYMS)} "
                f"{r.choice(BODIES)}, the {r.choice(ADJECTIVES)} {r.choice(NOUNS)} will be "
                f"{r.choice(['approved', 'completed', 'signed', 'presented', 'debated'])} {self._time_phrase()}."
            ),
            lambda: (
                f"{r.choice(COUNTRIES)} and {r.choice(COUNTRIES)} {r.choice(['plan to', 'agreed to', 'want to'])} "
                f"{r.choice(ACTIONS)} {r.choice(ADJECTIVES)} {r.choice(NOUNS)}, the {r.choice(DEMONYMS)} "
                f"{r.choice(BODIES)} said in a statement on {r.choice(WEEKDAYS)}."
            ),
        ]
        sentence = r.choice(forms)()
        return sentence[0].upper() + sentence[1:]

    def headline(self, max_words: int = 10) -> str:
        r = self.rng
        while True:
            text = r.choice(
                [
                    lambda: f"{self._place()} and {self._place()} {r.choice(HEADLINE_VERBS)} {r.choice(NOUNS)}",
                    lambda: (
                        f"{r.choice(DEMONYMS)} {r.choice(ROLES).split()[-1].lower()} {r.choice(SURNAMES)} "
                        f"{r.choice(VISIT_VERBS)} {r.choice(CITIES)}"
                    ),
                    lambda: (
                        f"{r.choice(SURNAMES)}: {self._place()} {r.choice(AUX)} {r.choice(ACTIONS)} {r.choice(NOUNS)}"
                    ),
                    lambda: f"{r.choice(CITIES)} to host {r.choice(EVENTS).replace('upcoming ', '')}",
                    lambda: f"{r.choice(ADJECTIVES).capitalize()} {r.choice(NOUNS)} top agenda in {r.choice(CITIES)}",
                ]
            )()
            if len(text.split()) <= max_words:
                return text

    def author(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"

    # ---- mutation of seed paragraphs

    def _is_name(self, word: str, initial: bool = False) -> bool:
        return (
            len(word) > 1
            and (not initial or word in self.seeds.capitalised_inside)
            and word[0].isupper()
            and word.replace("'", "").replace("’", "").isalpha()
            and not word.isupper()
            and word.lower() not in self.seeds.lowercase_vocabulary
            and word not in KEEP_CAPS
            and word not in MONTHS_EN
            and word not in WEEKDAYS
        )

    def _name_for(self, word: str, names: dict[str, str], before: str, after: str, compound: bool) -> str:
        if word in names:
            return names[word]
        r = self.rng
        if word.endswith(DEMONYM_SUFFIXES):
            pool = DEMONYMS
        elif not compound and (word.endswith(SURNAME_SUFFIXES) or before in TITLE_WORDS):
            pool = SURNAMES
        elif not compound and self._is_name(after) and after.endswith(SURNAME_SUFFIXES):
            pool = FIRST_NAMES
        elif word.endswith(COUNTRY_SUFFIXES):
            pool = COUNTRIES
        else:
            pool = CITIES
        names[word] = r.choice(pool)
        return names[word]

    def _number(self, digits: str, previous: str) -> str:
        r = self.rng
        if YEAR.fullmatch(digits):
            return str(r.randint(1992, 2024))
        if previous in MONTHS_EN and digits.isdigit() and len(digits) <= 2:
            return str(r.randint(1, 28))
        out, first = [], True
        for ch in digits:
            if ch.isdigit():
                out.append(str(r.randint(1 if first else 0, 9)))
                first = False
            else:
                out.append(ch)
        return "".join(out)

    def _word(
        self, part: str, names: dict[str, str], previous: str, before: str, after: str, compound: bool, initial: bool
    ) -> str:
        r = self.rng
        if not part:
            return part
        if NUMBER.fullmatch(part):
            return self._number(part, previous)
        if ORDINAL.fullmatch(part):
            n = r.randint(2, 30)
            return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
        if part in MONTHS_EN:
            return r.choice(MONTHS_EN)
        if part in WEEKDAYS:
            return r.choice(WEEKDAYS)
        if part.isupper() and part.isalpha() and len(part) >= 2:
            return names.setdefault(part, r.choice(ACRONYMS))
        if self._is_name(part, initial):
            return self._name_for(part, names, before, after, compound)
        group = SYNONYMS.get(part.lower())
        if group and not compound and r.random() < SYNONYM_SHARE:
            alt = r.choice(group)
            return alt[0].upper() + alt[1:] if part[0].isupper() else alt
        return part

    def mutate_sentence(self, sentence: str, names: dict[str, str]) -> str:
        tokens = sentence.split()
        cores = [TOKEN_PARTS.match(t).group(2) for t in tokens]
        out = []
        for i, token in enumerate(tokens):
            prefix, core, suffix = TOKEN_PARTS.match(token).groups()
            possessive = ""
            if match := POSSESSIVE.match(core):
                core, possessive = match.groups()
            parts = core.split("-")
            new_parts = []
            for j, part in enumerate(parts):
                before = parts[j - 1] if j > 0 else (cores[i - 1] if i > 0 else "")
                after = parts[j + 1] if j + 1 < len(parts) else (cores[i + 1] if i + 1 < len(cores) else "")
                previous = cores[i - 1] if i > 0 else ""
                new_parts.append(
                    self._word(part, names, previous, before, after, compound=len(parts) > 1, initial=i == j == 0)
                )
            out.append(prefix + "-".join(new_parts) + possessive + suffix)
        text = " ".join(out)
        if self.rng.random() < CONNECTOR_SHARE and text[:1].isalpha():
            first = cores[0] if cores else ""
            if not first.isupper() and not self._is_name(first, initial=True) and first not in MONTHS_EN + WEEKDAYS:
                text = text[0].lower() + text[1:]
            text = f"{self.rng.choice(CONNECTORS)} {text}"
        return text

    def mutate_paragraph(self, paragraph: str, names: dict[str, str]) -> str:
        r = self.rng
        sentences = split_sentences(paragraph)
        if len(sentences) > 1:
            r.shuffle(sentences)
            if r.random() < 0.5:
                sentences.pop(r.randrange(len(sentences)))
        sentences = [self.mutate_sentence(s, names) for s in sentences]
        if r.random() < 0.6:
            sentences.insert(r.randint(0, len(sentences)), self.template_sentence())
        return " ".join(sentences)

    # ---- stories

    def base_story(self) -> tuple[Story, list[int], dict[str, str]]:
        r = self.rng
        pool = self.seeds.paragraphs
        chosen = r.sample(range(len(pool)), r.randint(4, min(9, len(pool))))
        names: dict[str, str] = {}
        paragraphs = [self.mutate_paragraph(pool[i], names) for i in chosen]
        city, country = r.choice(DATELINE_PLACES)
        when = dt.datetime(2014, 1, 1, 8) + dt.timedelta(days=r.randint(0, 11 * 365), minutes=r.randint(0, 13 * 60))
        story = Story(
            title=self.headline(max_words=12),
            when=when,
            paragraphs=paragraphs,
            author=self.author(),
            city=city,
            country=country,
            category=r.choice(["Politics", "Economy", "Business", "Region", "Society"]),
        )
        return story, chosen, names

    def reprint(self, story: Story) -> Story:
        r = self.rng
        paragraphs = list(story.paragraphs)
        for _ in range(r.randint(1, 2)):
            i = r.randrange(len(paragraphs))
            words = paragraphs[i].split()
            candidates = [k for k, w in enumerate(words) if w.isalpha() and w.islower() and len(w) >= 4]
            candidates = [k for k in candidates if words[k] in SYNONYMS] or candidates
            if not candidates:
                continue
            k = r.choice(candidates)
            group = [w for w in SYNONYMS.get(words[k], []) if w != words[k]]
            if group:
                words[k] = r.choice(group)
            else:
                del words[k]
            paragraphs[i] = " ".join(words)
        title = story.title if r.random() < 0.5 else self.headline(max_words=12)
        return replace(
            story,
            title=title,
            paragraphs=paragraphs,
            author=self.author(),
            when=story.when + dt.timedelta(hours=r.randint(0, 72)),
        )

    def update(self, story: Story, used: list[int], names: dict[str, str]) -> Story:
        r = self.rng
        pool = self.seeds.paragraphs
        fresh = [i for i in range(len(pool)) if i not in used]
        added = self.mutate_paragraph(pool[r.choice(fresh)], names)
        paragraphs = list(story.paragraphs)
        at = len(paragraphs) if r.random() < 0.6 else r.randint(1, len(paragraphs))
        paragraphs.insert(at, added)
        return replace(
            story,
            title=f"{story.title} (UPDATE)",
            paragraphs=paragraphs,
            is_update=True,
            when=story.when + dt.timedelta(minutes=r.randint(20, 36 * 60)),
            first_version_at=f"{story.when:%H:%M}" if r.random() < 0.5 else None,
        )

    def excerpt(self, story: Story) -> Story:
        r = self.rng
        words_per = [len(p.split()) for p in story.paragraphs]
        keep = math.ceil(sum(words_per) * r.uniform(0.6, 0.8))
        paragraphs = []
        for paragraph, n in zip(story.paragraphs, words_per, strict=True):
            if keep <= 0:
                break
            paragraphs.append(paragraph if n <= keep else " ".join(paragraph.split()[:keep]))
            keep -= n
        return replace(
            story,
            paragraphs=paragraphs,
            ellipsis=r.random() < 0.5,
            when=story.when + dt.timedelta(hours=r.randint(0, 30)),
        )

    # ---- page chrome

    def sidebar(self) -> list[str]:
        return [self.headline() for _ in range(self.rng.randint(3, 6))]

    def render(self, story: Story, style: Style, header: bool) -> bytes:
        r = self.rng
        d = story.when
        month, abbr = MONTHS_EN[d.month - 1], MONTH_ABBR[d.month - 1]
        body = list(story.paragraphs)
        if body and story.ellipsis:
            body[-1] = body[-1] + " ..."
        lines: list[str] = [f" date {d:%Y-%m-%d} {story.title}", ""] if header else []
        tail: list[str] = []
        if style.slug == "caspian-wire":
            lines += [] if header else [story.title, ""]
            lines += [f"{d.day} {month} {d.year}", ""]
            if story.first_version_at:
                lines += [f"Details added: first version posted on {story.first_version_at}", ""]
            lines += [f"{story.city.upper()}, {story.country}, {abbr}.{d.day}", ""]
            lines += [r.choice([f"{style.name}:", f"By {story.author} - {style.name}:"]), ""]
            lines += _blank_separated(body)
            if r.random() < 0.5:
                lines += ["", f"Edited by {story.author[0]}{story.author.split()[-1][0]}"]
            tail = ["Tags:", "Latest", *self.sidebar(), "Latest"]
        elif style.slug == "baku-daily":
            crawl = d + dt.timedelta(days=r.randint(30, 900))
            lines += [
                style.name,
                "",
                f"{WEEKDAYS[crawl.weekday()]} {MONTHS_EN[crawl.month - 1]} {crawl.day} {crawl.year}",
                "",
            ]
            lines += [story.title, "", f"{d.day} {month} {d.year} {d:%H:%M} (UTC+04:00)", story.title, ""]
            lines += [f"By {story.author}", ""]
            lines += _blank_separated(body)
            tail = [
                "---",
                f"Follow us on Twitter @{style.handle}",
                "Subscribe",
                "Loading...",
                "Latest",
                *self.sidebar(),
            ]
        elif style.slug == "eurasia-monitor":
            lines += [story.title, ""]
            lines += [f"{story.category} Materials {d.day} {month} {d.year} {d:%H:%M} (UTC +04:00)"]
            lines += [story.title, "", f"{story.city}, {story.country}, {month} {d.day}", ""]
            lines += [f"By {story.author} - {style.name}:", ""]
            lines += _blank_separated(body)
            tail = ["Tags:", "Latest", *self.sidebar(), "Latest"]
        elif style.slug == "regional-review":
            lines += [story.title]
            if r.random() < 0.5:
                lines += [f"Posted on {month} {d.day}, {d.year}"]
            lines += body
            tail = [*self.sidebar(), "Comment (0)"]
        elif style.slug == "south-caucasus-times":
            lines += [style.name, "", story.title, "", f"Published: {d:%d.%m.%Y %H:%M}", f"By {story.author}", ""]
            lines += _blank_separated(body)
            tail = [
                "Share",
                "Subscribe to our newsletter",
                f"Comments ({r.randint(0, 40)})",
                "Related news",
                *self.sidebar(),
            ]
        else:  # kura-post
            lines += [
                f"{month} {d.day}, {d.year}, {d:%H:%M}",
                "",
                story.title,
                "",
                f"{story.city.upper()}, {story.country}",
                "",
            ]
            lines += _blank_separated(body)
            if story.ellipsis:
                lines += ["", "Read more"]
            tail = [f"Follow {style.name} on Telegram", "Loading...", "More news", *self.sidebar()]
        lines += [""] + tail + [""]
        text = style.newline.join(lines)
        return (b"\xef\xbb\xbf" if style.bom else b"") + text.encode("utf-8")

    # ---- bad files

    def bad_file(self, kind: str) -> tuple[bytes, str | None]:
        r = self.rng
        if kind == "empty":
            return r.choice([b"", b"\n", b"  \n\n\t\n"]), None
        if kind == "binary":
            return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + r.randbytes(r.randint(200, 4000)), None
        if kind == "chrome-only":
            story = Story(
                self.headline(12),
                dt.datetime(2020, 1, 1) + dt.timedelta(days=r.randint(0, 1500)),
                [],
                self.author(),
                "Baku",
                "Azerbaijan",
                "Politics",
            )
            return self.render(story, r.choice(STYLES), header=r.random() < HEADER_SHARE), None
        # cp1251 Russian article
        sentences = []
        for _ in range(r.randint(5, 9)):
            form = r.randrange(3)
            if form == 0:
                sentences.append(
                    f"{r.choice(RU_ROLES)} {r.choice(RU_COUNTRIES_GEN)} {r.choice(RU_NAMES)} {r.choice(RU_SAY)}, что "
                    f"{r.choice(RU_WHO)} {r.choice(RU_PLAN)} {r.choice(RU_ACTION)} {r.choice(RU_OBJECT)} "
                    f"до конца {r.randint(2015, 2025)} года."
                )
            elif form == 1:
                sentences.append(
                    f"По его словам, товарооборот между странами за {r.randint(2, 11)} месяцев "
                    f"{r.randint(2015, 2025)} года составил {r.randint(12, 990)} млн долларов."
                )
            else:
                sentences.append(
                    f"Встреча прошла в {r.choice(RU_CITIES_LOC)} {r.randint(1, 28)} {r.choice(RU_MONTHS_GEN)}, в ней "
                    f"приняли участие {r.randint(3, 70)} делегаций и {r.randint(10, 300)} компаний."
                )
        title = f"{r.choice(RU_COUNTRIES)} и {r.choice(RU_COUNTRIES)} обсудили {r.choice(RU_OBJECT)}"
        day, month, year = r.randint(1, 28), r.choice(RU_MONTHS_GEN), r.randint(2015, 2024)
        stamp = f"{day} {month} {year}, {r.randint(8, 22)}:{r.randint(10, 59)}"
        half = len(sentences) // 2
        text = "\n\n".join([title, stamp, " ".join(sentences[:half]), " ".join(sentences[half:]), "Подписаться"])
        return text.encode("cp1251"), sentences[0]


def _blank_separated(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for paragraph in paragraphs:
        out += [paragraph, ""]
    return out[:-1]


def generate_corpus(raw_dir: Path, n_files: int, seed: int, seeds: SeedCorpus) -> list[FileTruth]:
    """Write n_files files under raw_dir; return the ground truth. Bases and their relatives are written as they
    are made, so only the ground truth is kept in memory."""
    gen = Generator(seeds, seed)
    r = gen.rng
    n_bad = round(n_files * SHARE_BAD) if n_files >= 100 else min(len(BAD_KINDS), n_files // 10)
    n_dup = round(n_files * SHARE_DUPLICATES)
    n_base = n_files - n_bad - n_dup
    if n_base < 1:
        sys.exit("bench_foundation: --articles is too small")
    kinds = list(DUPLICATE_KINDS)
    relatives: dict[int, list[str]] = defaultdict(list)
    for _ in range(n_dup):
        kind = r.choices(kinds, weights=list(DUPLICATE_KINDS.values()))[0]
        base = r.randrange(n_base)
        while kind == "update" and "update" in relatives[base]:  # at most one update per story: it is canonical
            base = r.randrange(n_base)
        relatives[base].append(kind)
    serials = list(range(n_files))
    r.shuffle(serials)
    truth: list[FileTruth] = []

    def write(data: bytes, style: Style, record: FileTruth) -> None:
        serial = serials[len(truth)]
        path = f"{style.slug}/{serial:06d}_{r.getrandbits(32):08x}.txt"
        (raw_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (raw_dir / path).write_bytes(data)
        record.path = path
        truth.append(record)

    for family in range(n_base):
        story, used, names = gen.base_story()
        style = r.choice(STYLES)
        write(
            gen.render(story, style, r.random() < HEADER_SHARE),
            style,
            FileTruth("", "base", family, style.slug, seed_paragraphs=sorted(used)),
        )
        for kind in relatives.get(family, []):
            if kind == "reprint":
                derived, derived_style = gen.reprint(story), r.choice([s for s in STYLES if s != style])
            elif kind == "update":
                derived, derived_style = gen.update(story, used, names), style
            else:
                derived, derived_style = gen.excerpt(story), r.choice(STYLES)
            data = gen.render(derived, derived_style, r.random() < HEADER_SHARE)
            write(data, derived_style, FileTruth("", kind, family, derived_style.slug))
    for i in range(n_bad):
        kind = BAD_KINDS[i % len(BAD_KINDS)]
        data, probe = gen.bad_file(kind)
        write(data, r.choice(STYLES), FileTruth("", "bad", None, None, bad_kind=kind, probe=probe))
    return truth


# ------------------------------------------------------------------------------------------ pipeline run


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def load_average() -> float:
    """The 1-minute load average: other processes slow the figures, and the reports say so."""
    return round(os.getloadavg()[0], 2)


def peak_worker_rss_mb() -> float:
    """The largest peak of the worker processes clean forks for a large corpus (0 when there were none)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run_pipeline(raw_dir: Path) -> tuple[object, dict[str, float]]:
    from pipeline import clean, dedup, ingest

    timings = {}
    start = time.perf_counter()
    raw = ingest.read_raw_articles(raw_dir)
    timings["ingest"] = time.perf_counter() - start
    start = time.perf_counter()
    cleaned = clean.clean_articles(raw)
    timings["clean"] = time.perf_counter() - start
    del raw
    start = time.perf_counter()
    marked = dedup.mark_duplicates(cleaned)
    timings["dedup"] = time.perf_counter() - start
    timings["total"] = sum(timings.values())
    return marked, timings


def profile_pipeline(raw_dir: Path) -> str:
    from pipeline import clean, dedup, ingest

    profiler = cProfile.Profile()
    profiler.enable()
    dedup.mark_duplicates(clean.clean_articles(ingest.read_raw_articles(raw_dir)))
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    return out.getvalue()


# ------------------------------------------------------------------------------------------ evaluation


def evaluate(marked, truth: list[FileTruth], rng: random.Random) -> dict:
    from pipeline import dedup

    rows = marked.set_index("source_path")
    root = (marked["duplicate_of"].fillna(marked["article_id"])).set_axis(marked["source_path"])
    by_path = {t.path: t for t in truth}
    shingle_cache: dict[str, np.ndarray] = {}

    def shingles(path: str) -> np.ndarray:
        if path not in shingle_cache:
            shingle_cache[path] = dedup.shingles(rows.at[path, "text"] or "")
        return shingle_cache[path]

    def status(path: str) -> str:
        row = rows.loc[path]
        return f"rejected ({row['reject_reason']})" if row["status"] == "rejected" else str(row["status"])

    def describe(a: str, b: str) -> dict:
        sa, sb = shingles(a), shingles(b)
        jaccard, containment = dedup.overlap(sa, sb)
        return {
            "a": a,
            "a_kind": by_path[a].kind,
            "a_status": status(a),
            "a_shingles": len(sa),
            "b": b,
            "b_kind": by_path[b].kind,
            "b_status": status(b),
            "b_shingles": len(sb),
            "jaccard": round(jaccard, 3),
            "containment": round(containment, 3),
            "is_near_duplicate": dedup.is_near_duplicate(sa, sb),
        }

    families: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for t in truth:
        if t.family is not None:
            families[t.family][t.kind].append(t.path)

    # recall over (base, relative) pairs; relatives of one base are then one group by transitivity
    found, total = Counter(), Counter()
    missed = []
    for members in families.values():
        base = members["base"][0]
        for kind in ("reprint", "update", "excerpt"):
            for path in members.get(kind, []):
                total[kind] += 1
                usable = rows.at[base, "status"] != "rejected" and rows.at[path, "status"] != "rejected"
                if usable and root[base] == root[path]:
                    found[kind] += 1
                else:
                    missed.append((base, path))

    # false merges: members of a group holding articles of more than one planted family
    family_of = {t.path: (t.family if t.family is not None else f"bad:{t.path}") for t in truth}
    groups: dict[str, list[str]] = defaultdict(list)
    for path, r in root.items():
        if rows.at[path, "status"] != "rejected":
            groups[r].append(path)
    groups = {r: m for r, m in groups.items() if len(m) > 1}
    mixed = {r: m for r, m in groups.items() if len({family_of[p] for p in m}) > 1}
    falsely_merged = sum(len(m) for m in mixed.values())
    merge_examples = []
    for members in list(mixed.values())[:8]:
        pairs = [
            describe(a, b) for i, a in enumerate(members) for b in members[i + 1 :] if family_of[a] != family_of[b]
        ]
        pairs.sort(key=lambda p: -max(p["jaccard"], p["containment"]))
        merge_examples.append(
            {"members": [f"{p} ({by_path[p].kind}, family {family_of[p]})" for p in members], "closest": pairs[:3]}
        )

    # canonical choice: an update is the canonical article of its story's group
    canonical = Counter()
    canonical_wrong = []
    for members in families.values():
        if not members.get("update"):
            continue
        update, base = members["update"][0], members["base"][0]
        if root[update] != root[base] or rows.at[update, "status"] == "rejected":
            canonical["update not grouped with its base"] += 1
        elif root[update] == rows.at[update, "article_id"]:
            canonical["right"] += 1
        else:
            chosen = rows.index[rows["article_id"] == root[update]][0]
            canonical["wrong"] += 1
            canonical_wrong.append(
                {
                    "update": update,
                    "update_is_update_flag": bool(rows.at[update, "is_update"]),
                    "chosen": chosen,
                    "chosen_kind": by_path[chosen].kind,
                }
            )

    # rejections
    rejected = marked[marked["status"] == "rejected"]
    reasons = Counter(rejected["reject_reason"])
    bad = [t for t in truth if t.kind == "bad"]
    bad_outcome: dict[str, Counter] = defaultdict(Counter)
    cp1251_ok = 0
    for t in bad:
        row = rows.loc[t.path]
        outcome = f"rejected: {row['reject_reason']}" if row["status"] == "rejected" else f"{row['status']}"
        if t.bad_kind == "cp1251-russian":
            outcome += f", language {row['language']}"
            if row["status"] != "rejected" and row["language"] == "ru" and t.probe and t.probe in row["text"]:
                cp1251_ok += 1
        bad_outcome[t.bad_kind][outcome] += 1
    expected_rejects = [t for t in bad if t.bad_kind != "cp1251-russian"]
    good_rejected = Counter(
        rows.at[t.path, "reject_reason"] for t in truth if t.kind != "bad" and rows.at[t.path, "status"] == "rejected"
    )

    # how distinct the distinct base articles are: pairs of bases built on the same seed paragraphs
    bases = [t for t in truth if t.kind == "base" and rows.at[t.path, "status"] != "rejected"]
    by_paragraph: dict[int, list[str]] = defaultdict(list)
    for t in bases:
        for i in t.seed_paragraphs:
            by_paragraph[i].append(t.path)
    background = []
    for t in rng.sample(bases, min(200, len(bases))):
        shared = Counter(p for i in t.seed_paragraphs for p in by_paragraph[i] if p != t.path)
        if shared:
            other, n_shared = max(shared.items(), key=lambda kv: (kv[1], kv[0]))
            jaccard, containment = dedup.overlap(shingles(t.path), shingles(other))
            background.append((n_shared, jaccard, containment, t.path, other))

    n_pairs = sum(total.values())
    return {
        "dedup_thresholds": {"jaccard": dedup.JACCARD_DUPLICATE, "containment": dedup.CONTAINMENT_DUPLICATE},
        "recall": sum(found.values()) / n_pairs if n_pairs else 1.0,
        "pairs_found": sum(found.values()),
        "pairs_planted": n_pairs,
        "recall_by_kind": {k: {"found": found[k], "planted": total[k]} for k in total},
        "missed_pairs": len(missed),
        "missed_examples": [describe(a, b) for a, b in missed[:10]],
        "groups": len(groups),
        "articles_marked_duplicate": int((marked["status"] == "duplicate").sum()),
        "false_merge_articles": falsely_merged,
        "false_merge_groups": len(mixed),
        "false_merge_examples": merge_examples,
        "update_canonical": dict(canonical),
        "update_canonical_wrong_examples": canonical_wrong[:10],
        "rejected_total": int(len(rejected)),
        "rejected_reasons": dict(reasons.most_common()),
        "bad_files": {k: dict(v) for k, v in bad_outcome.items()},
        "bad_expected_rejected": len(expected_rejects),
        "bad_rejected": sum(rows.at[t.path, "status"] == "rejected" for t in expected_rejects),
        "cp1251_files": sum(t.bad_kind == "cp1251-russian" for t in bad),
        "cp1251_decoded_and_coded_ru": cp1251_ok,
        "good_files_rejected": dict(good_rejected),
        "distinct_base_overlap": {
            "pairs": len(background),
            "mean_shared_seed_paragraphs": round(statistics.mean(b[0] for b in background), 2) if background else 0,
            "max_jaccard": round(max((b[1] for b in background), default=0), 3),
            "max_containment": round(max((b[2] for b in background), default=0), 3),
            "mean_containment": round(statistics.mean(b[2] for b in background), 3) if background else 0,
        },
    }


# ------------------------------------------------------------------------------------------ report


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def emit(figures: dict, print_report, as_json: bool, profile: str | None = None) -> None:
    """The figures as one JSON object or as the report; a profile after them (on stderr beside JSON)."""
    if as_json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        print_report(figures)
    if profile:
        print(profile, file=sys.stderr if as_json else sys.stdout)


def print_report(f: dict) -> None:
    q, c, t = f["quality"], f["corpus"], f["timings_s"]
    kinds = ", ".join(f"{n:,} {k}" for k, n in c["files_by_kind"].items())
    print(f"azru-events foundation benchmark: ingest + clean + dedup (seed {c['seed']})")
    print(f"corpus      {c['files']:,} files, {c['mb']:.1f} MB ({kinds}); from {c['seed_paragraphs']} paragraphs of")
    print(f"            {c['seed_files']} seed files; generated in {c['generation_s']:.1f} s; {c['where']}")
    print("stage       wall s")
    for stage in ("ingest", "clean", "dedup", "total"):
        print(f"  {stage:<9} {t[stage]:8.2f}")
    rate = f["articles_per_s"]
    print(
        f"throughput  {rate:,.0f} articles/s overall          target >= {TARGET_RATE:.0f}   "
        f"{verdict(rate >= TARGET_RATE)}"
    )
    m = f["memory"]
    print(
        f"peak RSS    {m['peak_rss_mb']:,.0f} MB                          target < {TARGET_PEAK_MB:.0f} MB "
        f"{verdict(m['peak_rss_mb'] < TARGET_PEAK_MB)}"
    )
    print(f"            ({m['includes']};")
    print(f"            high-water mark before the pipeline started: {m['rss_before_pipeline_mb']:,.0f} MB;")
    print(
        f"            largest worker process of clean's parsing: {peak_worker_rss_mb():,.0f} MB, mostly pages shared"
        " with this process)"
    )
    print("near-duplicates (planted pairs = each reprint/update/excerpt with its base article)")
    print(
        f"  recall    {q['recall']:.3f} ({q['pairs_found']:,}/{q['pairs_planted']:,} pairs)      "
        f"target >= {TARGET_RECALL}  {verdict(q['recall'] >= TARGET_RECALL)}"
    )
    print("            " + ", ".join(f"{k} {v['found']:,}/{v['planted']:,}" for k, v in q["recall_by_kind"].items()))
    print(
        f"  false merges {q['false_merge_articles']:,} articles in {q['false_merge_groups']:,} groups    target 0     "
        f"{verdict(q['false_merge_articles'] == 0)}"
    )
    uc = q["update_canonical"]
    n_updates = sum(uc.values())
    print(
        f"  update is canonical {uc.get('right', 0):,}/{n_updates:,} (wrong {uc.get('wrong', 0):,}, not grouped "
        f"{uc.get('update not grouped with its base', 0):,})"
    )
    print(f"  groups {q['groups']:,}; articles marked duplicate {q['articles_marked_duplicate']:,}")
    bo, th = q["distinct_base_overlap"], q["dedup_thresholds"]
    print(
        f"  generator check, distinct bases: {bo['pairs']} sampled bases vs the base sharing most seed paragraphs "
        f"({bo['mean_shared_seed_paragraphs']} on average):"
    )
    print(
        f"            max Jaccard {bo['max_jaccard']}, max containment {bo['max_containment']}, "
        f"mean containment {bo['mean_containment']} (dedup merges at Jaccard >= {th['jaccard']} or "
        f"containment >= {th['containment']})"
    )
    print(f"rejected    {q['rejected_total']:,} files")
    for reason, n in q["rejected_reasons"].items():
        print(f"  {n:6,}  {reason}")
    print(
        f"  planted bad files expected rejected: {q['bad_rejected']}/{q['bad_expected_rejected']} rejected  "
        f"{verdict(q['bad_rejected'] == q['bad_expected_rejected'])}"
    )
    for kind, outcomes in q["bad_files"].items():
        print(f"    {kind:<15} " + "; ".join(f"{n} {o}" for o, n in outcomes.items()))
    print(
        f"  cp1251 Russian articles decoded to the right Cyrillic and coded ru: "
        f"{q['cp1251_decoded_and_coded_ru']}/{q['cp1251_files']}"
    )
    good = q["good_files_rejected"]
    print(f"  generated articles rejected: {sum(good.values())}" + (f" {good}" if good else ""))
    for title, key in (("missed pairs", "missed_examples"), ("wrong canonical", "update_canonical_wrong_examples")):
        if q[key]:
            print(f"{title} (first {len(q[key])}):")
            for example in q[key]:
                print("  " + json.dumps(example, ensure_ascii=False))
    if q["false_merge_examples"]:
        print(f"false merges (first {len(q['false_merge_examples'])} groups):")
        for example in q["false_merge_examples"]:
            print("  group: " + "; ".join(example["members"]))
            for pair in example["closest"]:
                print("    " + json.dumps(pair, ensure_ascii=False))


# ------------------------------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000, help="files in the corpus (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument("--workdir", type=Path, help="write the corpus to DIR/raw instead of a temporary folder")
    parser.add_argument("--keep", action="store_true", help="keep the corpus and DIR/ground_truth.json")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--profile", action="store_true", help="profile a second run; top 25 by cumulative time")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench_foundation_"))
    raw_dir = workdir / "raw"
    if raw_dir.exists() and any(raw_dir.iterdir()):
        print(f"bench_foundation: {raw_dir} already holds files; give an empty --workdir", file=sys.stderr)
        return 2
    raw_dir.mkdir(parents=True, exist_ok=True)

    try:
        print(f"generating {args.articles:,} files in {raw_dir} ...", file=sys.stderr)
        start = time.perf_counter()
        seeds = load_seeds(SEEDS_DIR)
        truth = generate_corpus(raw_dir, args.articles, args.seed, seeds)
        generation_s = time.perf_counter() - start
        n_bytes = sum((raw_dir / t.path).stat().st_size for t in truth)

        print("running ingest + clean + dedup ...", file=sys.stderr)
        rss_before = peak_rss_mb()
        marked, timings = run_pipeline(raw_dir)
        peak = peak_rss_mb()

        print("evaluating ...", file=sys.stderr)
        quality = evaluate(marked, truth, random.Random(args.seed))
        profile = None
        if args.profile:
            print("profiling a second run ...", file=sys.stderr)
            profile = profile_pipeline(raw_dir)

        if args.keep:
            ground_truth = {
                "seed": args.seed,
                "articles": args.articles,
                "files": [t.__dict__ for t in truth],
                "article_ids": dict(zip(marked["source_path"], marked["article_id"], strict=True)),
            }
            (workdir / "ground_truth.json").write_text(json.dumps(ground_truth, ensure_ascii=False, indent=1))
        figures = {
            "corpus": {
                "files": len(truth),
                "mb": round(n_bytes / MB, 2),
                "files_by_kind": dict(Counter(t.bad_kind and "bad" or t.kind for t in truth)),
                "seed": args.seed,
                "seed_files": seeds.files,
                "seed_paragraphs": len(seeds.paragraphs),
                "generation_s": round(generation_s, 2),
                "where": f"kept in {workdir}" if args.keep else "temporary, removed",
            },
            "timings_s": {k: round(v, 3) for k, v in timings.items()},
            "articles_per_s": round(len(truth) / timings["total"], 1),
            "memory": {
                "peak_rss_mb": round(peak, 1),
                "rss_before_pipeline_mb": round(rss_before, 1),
                "includes": "whole process: interpreter, imports (dagster via pipeline/__init__), generator, "
                "ingest + clean + dedup",
            },
            "targets": {
                "articles_per_s": f">= {TARGET_RATE:.0f}",
                "peak_rss_mb": f"< {TARGET_PEAK_MB:.0f}",
                "recall": f">= {TARGET_RECALL}",
                "false_merge_articles": "0",
            },
            "verdicts": {},
            "quality": quality,
        }
        figures["verdicts"] = {
            "throughput": verdict(figures["articles_per_s"] >= TARGET_RATE),
            "peak_rss": verdict(peak < TARGET_PEAK_MB),
            "recall": verdict(quality["recall"] >= TARGET_RECALL),
            "false_merges": verdict(quality["false_merge_articles"] == 0),
        }
        emit(figures, print_report, args.json, profile)
    finally:
        if not args.keep:
            shutil.rmtree(raw_dir, ignore_errors=True)
            if args.workdir is None:
                shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

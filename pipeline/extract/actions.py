"""Actions: find the words that carry a CAMEO event (data/cameo_patterns.yaml), and the code table
(data/cameo_codes.csv) that gives each code its label, QuadClass and Goldstein value."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
import yaml

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
GAP = re.compile(r"\s*\{(\d+)\}\s*")


@dataclass(frozen=True)
class Rule:
    code: str
    kind: str  # joint | directed | visit
    pattern: re.Pattern


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    text: str
    rule: Rule


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    quad_class: int
    goldstein: float


def _compile(pattern: str) -> re.Pattern:
    # "{N}" is a gap of up to N words between the parts of a phrase.
    expanded = GAP.sub(lambda m: rf"(?:\s+[^\s;:()]+){{0,{m[1]}}}\s+", pattern)
    # Whole words: no word character may continue the match on either side (a closing quote may be followed).
    return re.compile(rf"(?<![\w-])(?:{expanded})(?:(?<![\w-])|(?![\w-]))", re.I)


@functools.cache
def rules(language: str) -> tuple[Rule, ...]:
    data = yaml.safe_load((DATA_DIR / "cameo_patterns.yaml").read_text(encoding="utf-8"))
    return tuple(
        Rule(str(rule["code"]), rule["kind"], _compile(pattern))
        for rule in data["rules"]
        for pattern in rule.get(language, [])
    )


@functools.cache
def code_table() -> dict[str, CameoCode]:
    with (DATA_DIR / "cameo_codes.csv").open(encoding="utf-8", newline="") as handle:
        return {
            row["code"]: CameoCode(row["code"], row["label"], int(row["quad_class"]), float(row["goldstein"]))
            for row in csv.DictReader(handle)
        }


def find_triggers(sentence: str, language: str = "en") -> list[Trigger]:
    """Every rule match; where matches overlap, the most specific code wins, then the longest match."""
    found = []
    for order in _candidate_rules(sentence, language):
        rule = rules(language)[order]
        for match in rule.pattern.finditer(sentence):
            found.append((match.start(), match.end(), order, rule))
    found.sort(key=lambda f: (tuple(-x for x in specificity(f[3].code)), -(f[1] - f[0]), f[2]))
    kept: list[Trigger] = []
    for start, end, _order, rule in found:
        if all(end <= t.start or start >= t.end for t in kept):
            kept.append(Trigger(start, end, sentence[start:end], rule))
    return sorted(kept, key=lambda t: t.start)


def _candidate_rules(sentence: str, language: str) -> list[int]:
    """Indexes of the rules that can match the sentence: those whose required words occur in it (one
    Aho-Corasick pass), and those with no required word. Running ~85 regexes over every sentence was half
    of extraction's time; most sentences hold the required words of two or three rules."""
    automaton, always = _gate(language)
    possible = set(always)
    if automaton is not None:
        for _end, indexes in automaton.iter(sentence.lower()):
            possible.update(indexes)
    return sorted(possible)


@functools.cache
def _gate(language: str) -> tuple[ahocorasick.Automaton | None, tuple[int, ...]]:
    by_factor: dict[str, set[int]] = {}
    always = []
    for index, rule in enumerate(rules(language)):
        factors = _required_strings(re._parser.parse(rule.pattern.pattern, rule.pattern.flags).data)
        if not factors:
            always.append(index)
        for factor in factors or ():
            by_factor.setdefault(factor, set()).add(index)
    if not by_factor:
        return None, tuple(always)
    automaton = ahocorasick.Automaton()
    for factor, indexes in by_factor.items():
        automaton.add_word(factor, tuple(sorted(indexes)))
    automaton.make_automaton()
    return automaton, tuple(always)


def _required_strings(items: list) -> frozenset[str] | None:
    """Lower-cased strings of which every match of the parsed regex contains at least one, or None when no
    such set is found. A run of parts with finitely many spellings (literals, small classes, alternations,
    optional parts) gives the set of its spellings; any other part may give its own set (a group; an
    alternation whose every branch has one; a repeat of at least once). The set whose shortest string is
    longest is kept, since it lets the fewest sentences through."""
    best: frozenset[str] | None = None
    spellings = frozenset({""})

    def consider(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if candidate and all(candidate):
            candidate = frozenset(s for s in candidate if not any(o != s and o in s for o in candidate))
            if best is None or _selectivity(candidate) > _selectivity(best):
                best = candidate

    for op, value in items:
        exact = _spellings([(op, value)])
        if exact is not None and len(spellings) * len(exact) <= _MAX_SPELLINGS:
            spellings = frozenset(a + b for a in spellings for b in exact)
            continue
        consider(spellings)
        spellings = exact if exact is not None else frozenset({""})
        if op is _SUBPATTERN:
            consider(_required_strings(value[-1]))
        elif op is _BRANCH:
            branches = [_required_strings(branch) for branch in value[1]]
            if all(branches):
                consider(frozenset().union(*branches))
        elif op in _REPEATS and value[0] >= 1:
            consider(_required_strings(value[2]))
    consider(spellings)
    return best


def _spellings(items: list) -> frozenset[str] | None:
    """Every lower-cased string the parsed regex can match, or None if they are many or unbounded."""
    result = frozenset({""})
    for op, value in items:
        if op is _LITERAL:
            options = frozenset({chr(value).lower()})
        elif op is _IN and all(kind is _LITERAL for kind, _ in value):
            options = frozenset(chr(char).lower() for _, char in value)
        elif op is _SUBPATTERN:
            options = _spellings(value[-1])
        elif op is _BRANCH:
            branches = [_spellings(branch) for branch in value[1]]
            options = None if None in branches else frozenset().union(*branches)
        elif op in _REPEATS and value[1] <= 1:
            inner = _spellings(value[2])
            options = None if inner is None else inner | ({""} if value[0] == 0 else set())
        elif op in _ZERO_WIDTH:
            options = frozenset({""})
        else:
            return None
        if options is None or len(result) * len(options) > _MAX_SPELLINGS:
            return None
        result = frozenset(a + b for a in result for b in options)
    return result


def _selectivity(strings: frozenset[str]) -> tuple[int, int]:
    return min(len(s) for s in strings), -len(strings)


_MAX_SPELLINGS = 256
_LITERAL, _IN, _SUBPATTERN, _BRANCH = (
    re._constants.LITERAL,
    re._constants.IN,
    re._constants.SUBPATTERN,
    re._constants.BRANCH,
)
_ZERO_WIDTH = (re._constants.AT, re._constants.ASSERT, re._constants.ASSERT_NOT)
_REPEATS = (re._constants.MAX_REPEAT, re._constants.MIN_REPEAT, re._constants.POSSESSIVE_REPEAT)


def specificity(code: str) -> tuple[int, int]:
    """How informative a code is: four digits over three, a specific three-digit code over "x0"."""
    return (len(code), 0 if code.endswith("0") else 1)

"""Actions: find the words that carry a CAMEO event (data/cameo_patterns.yaml), and the code table
(data/cameo_codes.csv) that gives each code its label, QuadClass and Goldstein value."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline.prefilter import Prefilter

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
GAP = re.compile(r"\s*\{(\d+)\}\s*")


@dataclass(frozen=True)
class Rule:
    code: str
    kind: str  # joint | directed | visit
    pattern: re.Pattern
    subject: str = "nearest"  # nearest | first: which party before the trigger is actor 1
    pairs: str = "all"  # all | each_target: joint parties paired with each other, or the subject with each target


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
        Rule(
            str(rule["code"]), rule["kind"], _compile(pattern), rule.get("subject", "nearest"), rule.get("pairs", "all")
        )
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
    """Indexes of the rules that can match the sentence. Running ~85 regexes over every sentence was half of
    extraction's time; most sentences hold the required words of two or three rules."""
    return _prefilter(language).candidates(sentence)


@functools.cache
def _prefilter(language: str) -> Prefilter:
    return Prefilter([rule.pattern for rule in rules(language)])


def specificity(code: str) -> tuple[int, int]:
    """How informative a code is: four digits over three, a specific three-digit code over "x0"."""
    return (len(code), 0 if code.endswith("0") else 1)

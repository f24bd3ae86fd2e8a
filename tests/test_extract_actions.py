import pytest

from pipeline.extract import actions
from pipeline.prefilter import required_strings


def found(sentence: str, language: str = "en") -> list[tuple[str, str]]:
    return [(t.text, t.rule.code) for t in actions.find_triggers(sentence, language)]


def matching_codes(sentence: str, language: str = "en") -> set[str]:
    """The codes of every rule that matches somewhere in the sentence, before overlaps are resolved."""
    return {rule.code for rule in actions.rules(language) if rule.pattern.search(sentence)}


# --- the most specific overlapping rule wins


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Putin and Aliyev held a telephone conversation.", [("telephone conversation", "041")]),
        ("Lavrov spoke with Bayramov by phone.", [("spoke with Bayramov by phone", "041")]),
        ("Лавров и Байрамов провели телефонный разговор.", [("телефонный разговор", "041")]),
    ],
)
def test_telephone_wins_over_the_general_consult_rule(sentence, expected):
    language = "ru" if sentence[0] == "Л" else "en"
    if language == "en":
        assert "040" in matching_codes(sentence, language)  # the overlap really exists
    assert found(sentence, language) == expected


def test_four_digit_ceasefire_code_wins_over_the_overlapping_mediation_word():
    sentence = "Russia brokered a ceasefire agreement."
    assert {"045", "0871"} <= matching_codes(sentence)
    assert found(sentence) == [("brokered a ceasefire", "0871")]


def test_specificity_orders_codes():
    assert actions.specificity("0871") > actions.specificity("087")
    assert actions.specificity("041") > actions.specificity("040")
    assert actions.specificity("040") > actions.specificity("04")


def test_separate_actions_in_one_sentence_are_all_found_in_order():
    sentence = "Lavrov arrived in Baku on Monday and met Bayramov, and the sides signed a memorandum."
    triggers = actions.find_triggers(sentence)
    assert [(t.text, t.rule.code) for t in triggers] == [
        ("arrived in", "042"),
        ("met", "040"),
        ("signed a memorandum", "057"),
    ]
    assert all(sentence[t.start : t.end] == t.text for t in triggers)
    assert [t.rule.kind for t in triggers] == ["visit", "joint", "joint"]


def test_triggers_never_overlap():
    sentence = "Putin held talks with Aliyev and the two presidents held a telephone conversation with Pashinyan."
    triggers = actions.find_triggers(sentence)
    assert len(triggers) >= 2
    for left, right in zip(triggers, triggers[1:], strict=False):
        assert left.end <= right.start


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Baku accused Moscow of interference.", [("accused", "112")]),
        ("Baku summoned the Russian ambassador.", [("summoned", "111")]),
        ("Police arrested Azerbaijani citizens.", [("arrested", "173")]),
        ("Lavrov visited Baku.", [("visited", "042")]),
        ("Путин и Алиев провели переговоры.", [("переговоры", "040")]),
        ("Лавров встретился с Байрамовым.", [("встретился", "040")]),
    ],
)
def test_common_actions_get_their_codes(sentence, expected):
    language = "ru" if sentence[0] in "ЛП" else "en"
    assert found(sentence, language) == expected


# --- Azerbaijani: affirmative forms fire, negated and unreal ones do not


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Əliyev Putinlə görüşüb.", [("görüşüb", "040")]),
        ("Nazirlər sabah görüşəcəklər.", [("görüşəcəklər", "040")]),
        ("Görüşdə iqtisadi əlaqələrdən söhbət gedib.", [("Görüşdə", "040")]),
        ("Tərəflər danışıqlar aparıblar.", [("danışıqlar", "040")]),
        ("Prezidentlər telefon danışığı aparıblar.", [("telefon danışığı", "041")]),
        ("Bayramov Lavrovla telefonla danışıb.", [("telefonla danışıb", "041")]),
        ("Lavrov Bakıya səfər edib.", [("səfər", "042")]),
        ("Bayramov Lavrovu qəbul edib.", [("Lavrovu qəbul edib", "043")]),
        ("Tərəflər saziş imzalayıblar.", [("saziş imzalayıblar", "057")]),
        ("Memorandum imzalanıb.", [("Memorandum imzalanıb", "057")]),
        ("İmzalanmış bəyanat qüvvəyə minib.", [("İmzalanmış bəyanat", "057")]),
        ("Tərəflər atəşkəs barədə razılaşıblar.", [("atəşkəs barədə razılaşıblar", "0871")]),
        ("Sülhməramlılar bölgədən çıxarılıb.", [("Sülhməramlılar bölgədən çıxarılıb", "0874")]),
        ("Bakı izahat tələb edib.", [("tələb edib", "100")]),
        ("Azərbaycan Rusiyanı ittiham edib.", [("ittiham", "112")]),
        ("Nazirlik bu addımı pisləyib.", [("pisləyib", "111")]),
        ("Səfir nazirliyə çağırılıb.", [("Səfir nazirliyə çağırılıb", "111")]),
        ("Bakı təklifi rədd edib.", [("rədd edib", "120")]),
        ("Tədbirlər ləğv edilib.", [("Tədbirlər ləğv edilib", "161")]),
        ("Polis ofisdə axtarış aparıb.", [("axtarış aparıb", "170")]),
        ("Jurnalistlər həbs edilib.", [("həbs", "173")]),
        ("İki nəfər öldürülüb.", [("öldürülüb", "180")]),
        ("Hərbçilər atəş açıblar.", [("atəş açıblar", "190")]),
        ("Ərazi işğal edilib.", [("işğal", "192")]),
    ],
)
def test_azerbaijani_affirmative_forms_fire(sentence, expected):
    assert found(sentence, "az") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Əliyev Putinlə görüşməyib.",  # negated: -mə-
        "Nazirlər görüşmədilər.",
        "Nazirlər görüşməyəcəklər.",
        "Nazirlər görüşmür.",  # negated present: -mür
        "Bayramov Lavrovla telefonla danışmayıb.",
        "Tərəflər saziş imzalamayıblar.",
        "Sənəd hələ imzalanmayıb.",  # negated passive: imzala-n-ma-
        "Rusiya üzr istəməyib.",
        "Atəşkəs elan edilməyib.",
        "Bakı izahat tələb etməyib.",
        "Nazirlik bu addımı pisləməyib.",
        "Polis heç kimi öldürməyib.",
        # not facts: the infinitive, necessity, a condition
        "Nazirlər görüşmək istəyirlər.",
        "Tərəflər saziş imzalamalıdır.",
        "Əgər nazirlər görüşsələr, bu yaxşı olar.",
        # words that only look like triggers
        "Səfərbərlik elan edilib.",
        "Nazir bunu vurğulayıb.",
        "Tələbələr toplaşıb.",
        "Həbsxanada şərait yoxlanılıb.",
    ],
)
def test_azerbaijani_negated_and_unreal_forms_do_not_fire(sentence):
    assert found(sentence, "az") == []


# --- whole words


@pytest.mark.parametrize(
    "sentence",
    [
        "The revisited plan was published.",
        "The metropolitan area grew.",
        "A visit-free regime applies.",
        "The unsigned document circulated.",
    ],
)
def test_triggers_match_whole_words_only(sentence):
    assert actions.find_triggers(sentence) == []


def test_trigger_matching_ignores_case():
    assert found("LAVROV MET BAYRAMOV.") == [("MET", "040")]


# --- the code table


def test_every_rule_code_exists_in_the_code_table():
    table = actions.code_table()
    codes = {rule.code for language in ("en", "ru", "az") for rule in actions.rules(language)}
    assert codes, "no rules loaded"
    assert codes <= set(table), sorted(codes - set(table))


def test_every_rule_has_a_known_kind():
    kinds = {rule.kind for language in ("en", "ru", "az") for rule in actions.rules(language)}
    assert kinds <= {"joint", "directed", "visit"}


def test_code_table_entries_are_consistent():
    table = actions.code_table()
    assert table["041"].label == "Discuss by telephone"
    assert table["057"].quad_class == 1
    for code, entry in table.items():
        assert entry.code == code
        assert entry.quad_class in (1, 2, 3, 4)
        assert -10.0 <= entry.goldstein <= 10.0
    # verbal and material conflict roots carry negative Goldstein values
    assert table["112"].goldstein < 0 < table["057"].goldstein
    assert table["190"].quad_class == 4


# --- the required-word gate: a rule is skipped only where it cannot match


def seed_sentences() -> list[str]:
    from pathlib import Path

    from pipeline.extract.sentences import split_sentences

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    return [s.text for path in sorted(seeds.iterdir()) for s in split_sentences(path.read_text(errors="replace"))]


def test_the_gate_lets_through_every_rule_that_matches_a_seed_sentence():
    sentences = seed_sentences()
    assert len(sentences) > 100
    for sentence in sentences:
        matching = [i for i, rule in enumerate(actions.rules("en")) if rule.pattern.search(sentence)]
        assert set(matching) <= set(actions._candidate_rules(sentence, "en")), sentence


@pytest.mark.parametrize("language", ["en", "ru", "az"])
def test_every_rule_has_required_words_of_three_letters_or_more(language):
    for rule in actions.rules(language):
        required = required_strings(rule.pattern)
        assert required, f"{rule.code} {rule.pattern.pattern} runs on every sentence"
        assert min(map(len, required)) >= 3, (rule.code, sorted(required))

"""Table tests: every rule of PRODUCT.md, one row each, with the tree that encodes it."""

from __future__ import annotations

import pytest

from tests.domain.trees_support import decide

HRV = {"hrv_ln_normal_low": 4.0, "hrv_ln_normal_high": 4.4}
SP, XT = "see_professional", "cross_train"

# (rule, facts, tree, tree verdict, final verdict)
RULES = [
    # Red flags: stop, see_professional; nothing softens it.
    ("chest pain on exertion", {"red_flags": ["chest_pain"]}, "red-flags", SP, SP),
    ("fainting", {"red_flags": ["fainting"]}, "red-flags", SP, SP),
    ("palpitations", {"red_flags": ["palpitations"]}, "red-flags", SP, SP),
    ("unusual breathlessness", {"red_flags": ["breathlessness"]}, "red-flags", SP, SP),
    ("red flag on an otherwise perfect day",
     {"red_flags": ["palpitations"], "symptoms": [], "pain": 0, "soreness": 1, "mood": 5,
      "motivation": 5, "stress": 1, "acwr": 1.0, "planned": "easy"},
     "red-flags", SP, SP),
    ("no red flags", {"red_flags": []}, "red-flags", "train", "train"),
    # Illness neck check.
    ("runny nose only", {"symptoms": ["runny_nose"]}, "illness", "modify", "modify"),
    ("sneezing and a sore throat", {"symptoms": ["sneezing", "sore_throat"]}, "illness", "modify", "modify"),
    ("stuffy nose only", {"symptoms": ["stuffy_nose"]}, "illness", "modify", "modify"),
    ("cough", {"symptoms": ["cough"]}, "illness", "rest", "rest"),
    ("chest congestion", {"symptoms": ["chest_congestion"]}, "illness", "rest", "rest"),
    ("body aches", {"symptoms": ["body_aches"]}, "illness", "rest", "rest"),
    ("upset stomach", {"symptoms": ["stomach_upset"]}, "illness", "rest", "rest"),
    ("above and below the neck", {"symptoms": ["runny_nose", "cough"]}, "illness", "rest", "rest"),
    ("fever ticked", {"symptoms": ["fever"]}, "illness", "rest", "rest"),
    ("temperature 38.0", {"symptoms": [], "temperature_c": 38.0}, "illness", "rest", "rest"),
    ("temperature 39.2 with a runny nose", {"symptoms": ["runny_nose"], "temperature_c": 39.2},
     "illness", "rest", "rest"),
    ("temperature 37.9", {"symptoms": [], "temperature_c": 37.9}, "illness", "train", "train"),
    ("one symptom-free day after illness", {"symptoms": [], "symptom_free_days": 1},
     "illness", "modify", "modify"),
    ("two symptom-free days", {"symptoms": [], "symptom_free_days": 2}, "illness", "modify", "modify"),
    ("three symptom-free days", {"symptoms": [], "symptom_free_days": 3}, "illness", "train", "train"),
    ("unusual tiredness", {"symptoms": ["fatigue"]}, "illness", "modify", "modify"),
    # Pain-monitoring model and bone-stress warning signs.
    ("no pain", {"pain": 0}, "pain", "train", "train"),
    ("pain 2 and steady", {"pain": 2, "pain_trend_in_run": "same"}, "pain", "train", "train"),
    ("pain 1, better in the run", {"pain": 1, "pain_trend_in_run": "better"}, "pain", "train", "train"),
    ("pain 2, worse next morning", {"pain": 2, "pain_next_morning": "worse"}, "pain", "modify", "modify"),
    ("pain 3 that settles", {"pain": 3, "pain_next_morning": "settled"}, "pain", "modify", "modify"),
    ("pain 5 that settles", {"pain": 5, "pain_next_morning": "settled", "pain_kind": "dull"},
     "pain", "modify", "modify"),
    ("pain 4, next morning not asked", {"pain": 4}, "pain", "modify", "modify"),
    ("pain 4 that does not settle", {"pain": 4, "pain_next_morning": "same"}, "pain", XT, XT),
    ("pain 4, sharp", {"pain": 4, "pain_kind": "sharp", "pain_next_morning": "settled"},
     "pain", SP, SP),
    ("pain above 5", {"pain": 6}, "pain", SP, SP),
    ("pain 10", {"pain": 10, "pain_next_morning": "settled"}, "pain", SP, SP),
    ("pain worsening during the run", {"pain": 3, "pain_trend_in_run": "worse"},
     "pain", SP, SP),
    ("pain changing the gait", {"pain": 2, "pain_changes_gait": True}, "pain", SP, SP),
    ("pain at rest", {"pain": 4, "pain_at_rest": True}, "pain", SP, SP),
    ("pain at night", {"pain": 3, "pain_at_night": True}, "pain", SP, SP),
    ("pinpoint pain on hopping", {"pain": 3, "pain_kind": "sharp", "pain_on_hop": True},
     "pain", SP, SP),
    ("pain on hopping, score skipped", {"pain_on_hop": True}, "pain", SP, SP),
    ("warning signs all answered no", {"pain": 2, "pain_changes_gait": False, "pain_at_rest": False,
                                       "pain_at_night": False, "pain_on_hop": False,
                                       "pain_trend_in_run": "same"}, "pain", "train", "train"),
    # Readiness.
    ("resting HR +5 with HRV below range", {"resting_hr_delta": 5, "hrv_ln_mean_7d": 3.9, **HRV},
     "readiness", "modify", "modify"),
    ("resting HR +8 with HRV in range", {"resting_hr_delta": 8, "hrv_ln_mean_7d": 4.2, **HRV},
     "readiness", "train", "train"),
    ("resting HR +4 with HRV below range", {"resting_hr_delta": 4, "hrv_ln_mean_7d": 3.9, **HRV},
     "readiness", "modify", "modify"),
    ("resting HR +6, HRV not measured", {"resting_hr_delta": 6}, "readiness", "modify", "modify"),
    ("HRV below range, resting HR not measured", {"hrv_ln_mean_7d": 3.8, **HRV},
     "readiness", "modify", "modify"),
    ("two short nights of three", {"short_sleep_nights_3d": 2}, "readiness", "modify", "modify"),
    ("three short nights of three", {"short_sleep_nights_3d": 3}, "readiness", "modify", "modify"),
    ("one short night of three", {"short_sleep_nights_3d": 1}, "readiness", "train", "train"),
    ("very sore", {"soreness": 7}, "readiness", "modify", "modify"),
    ("low mood and low motivation", {"mood": 2, "motivation": 2}, "readiness", "modify", "modify"),
    ("low mood and high stress", {"mood": 2, "stress": 4}, "readiness", "modify", "modify"),
    ("very low motivation alone", {"motivation": 1}, "readiness", "modify", "modify"),
    ("mood 2 alone", {"mood": 2, "motivation": 4, "stress": 2}, "readiness", "train", "train"),
    # Overreaching (Meeusen 2013).
    ("declining, low mood, sore three days",
     {"performance_trend": "declining", "mood": 2, "soreness_days": 3}, "overreaching", "rest", "rest"),
    ("declining, low motivation, sore five days",
     {"performance_trend": "declining", "motivation": 2, "soreness_days": 5, "mood": 3},
     "overreaching", "rest", "rest"),
    ("declining and sore, mood fine",
     {"performance_trend": "declining", "mood": 4, "motivation": 4, "soreness_days": 4},
     "overreaching", "modify", "modify"),
    ("low mood and lasting soreness, performance stable",
     {"performance_trend": "stable", "mood": 2, "motivation": 3, "soreness_days": 3},
     "overreaching", "modify", "modify"),
    ("declining only", {"performance_trend": "declining", "mood": 4, "motivation": 4,
                        "soreness_days": 0}, "overreaching", "train", "train"),
    # Load.
    ("ACWR 1.6", {"acwr": 1.6}, "load", "modify", "modify"),
    ("ACWR exactly 1.5", {"acwr": 1.5}, "load", "train", "train"),
    ("monotony 2.1 with high strain", {"monotony": 2.1, "strain": 6500}, "load", "rest", "rest"),
    ("monotony 2.1 with low strain", {"monotony": 2.1, "strain": 5900}, "load", "train", "train"),
    ("monotony 1.5 with high strain", {"monotony": 1.5, "strain": 8000}, "load", "train", "train"),
    ("14 days without rest", {"days_since_rest": 14}, "load", "rest", "rest"),
    ("10 days without rest", {"days_since_rest": 10}, "load", XT, XT),
    ("9 days without rest", {"days_since_rest": 9}, "load", "train", "train"),
    # Today's planned session: goes ahead, moved or swapped.
    ("tempo when fresh", {"planned": "tempo", "soreness": 2, "short_sleep_nights_3d": 0,
                          "sleep_quality": 4, "resting_hr_delta": 0}, "planned-session", "train", "train"),
    ("tempo when sore", {"planned": "tempo", "soreness": 5}, "planned-session", "modify", "modify"),
    ("speed after a short night", {"planned": "speed", "sleep_hours": 5.0},
     "readiness", "modify", "modify"),
    ("long run on very sore legs", {"planned": "long", "soreness": 6}, "planned-session", "modify", "modify"),
    ("long run when fresh", {"planned": "long", "soreness": 2, "short_sleep_nights_3d": 0},
     "planned-session", "train", "train"),
    ("strength on very sore legs", {"planned": "strength", "soreness": 7},
     "planned-session", "modify", "modify"),
    ("planned rest day", {"planned": "rest"}, "planned-session", "train", "train"),
    ("race day", {"planned": "race"}, "planned-session", "train", "train"),
    ("easy day", {"planned": "easy"}, "planned-session", "train", "train"),
]


@pytest.mark.parametrize(("rule", "facts", "tree", "tree_verdict", "final"), RULES,
                         ids=[r[0] for r in RULES])
def test_rule(rule: str, facts: dict, tree: str, tree_verdict: str, final: str) -> None:
    decision = decide(**facts)
    assert decision.tree(tree).verdict.value == tree_verdict
    assert decision.verdict.value == final


def test_most_conservative_wins_and_every_path_is_kept() -> None:
    decision = decide(symptoms=["runny_nose"], pain=6, acwr=1.7, red_flags=[])
    assert decision.verdict.value == "see_professional"
    verdicts = {t.tree: t.verdict.value for t in decision.trees}
    assert verdicts["illness"] == "modify" and verdicts["load"] == "modify"
    assert verdicts["pain"] == "see_professional" and verdicts["red-flags"] == "train"
    assert all(t.path for t in decision.trees)
    assert decision.trees[0].tree == "red-flags"
    assert decision.advice == (decision.tree("pain").advice,)


def test_bone_stress_advice_allows_cross_training_only_pain_free() -> None:
    advice = decide(pain=3, pain_on_hop=True).tree("pain").advice
    assert "cross-train only if" in advice and "pain-free" in advice


def test_acwr_advice_says_it_is_contested_and_cites_the_critics() -> None:
    decision = decide(acwr=1.8)
    load = decision.tree("load")
    assert "contested" in load.advice and "one signal among several" in load.advice
    assert {"lolli-2019", "impellizzeri-2020", "williams-2017"} <= set(load.evidence)
    assert {"lolli-2019", "impellizzeri-2020"} <= set(decision.evidence)


def test_rest_verdicts_suggest_the_recovery_routine() -> None:
    assert "full-body-recovery" in decide(days_since_rest=15).routines
    assert "after-the-long-run" in decide(planned="long", soreness=1,
                                          short_sleep_nights_3d=0).routines


def test_missing_facts_name_what_the_paths_could_not_read() -> None:
    decision = decide(pain=4)
    assert "pain_next_morning" in decision.missing_facts
    assert "red_flags" in decision.missing_facts
    assert "pain" not in decision.missing_facts
    everything = decide(red_flags=[], symptoms=[], temperature_c=36.6, symptom_free_days=30)
    assert "temperature_c" not in everything.missing_facts
    assert "symptoms" not in everything.missing_facts


def test_unknown_is_not_zero() -> None:
    unknown = decide()
    zero = decide(pain=0)
    assert unknown.tree("pain").leaf == "not-rated"
    assert zero.tree("pain").leaf == "no-pain"
    assert unknown.tree("pain").path[-1].result == "unknown"

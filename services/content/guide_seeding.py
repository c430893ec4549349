"""Seeding the guide: each question's answers, their weights and their safety rules, nested
under the questions in `guide.yaml`. A mixin of the Seeder (`seeder.py`), which gives
`apply` and `seeded_keys`."""

from ..languages import field_in
from ..models import Answer, AnswerRule, AnswerWeight
from .kinds import ANSWERS, LANGUAGES, RULE_KINDS


class GuideSeeding:
    def seed_answers(self, questions, objects):
        interventions = objects["interventions"]
        for question_record in questions:
            question = objects["questions"].get(question_record["key"])
            if question is None:
                continue  # an editor deleted the question
            for record in question_record.get("answers") or []:
                key = f"{question.key}:{record['key']}"
                lookup = {"question": question, "key": record["key"]}
                answer = self.apply(Answer, key, ANSWERS.values(record), lookup)
                if answer is None:
                    continue
                for intervention_key, weight in (record.get("weights") or {}).items():
                    if intervention_key not in self.seeded_keys["interventions"]:
                        raise ValueError(f"answer {key}: unknown intervention {intervention_key!r}")
                    intervention = interventions.get(intervention_key)
                    if intervention is not None:
                        self.apply(
                            AnswerWeight,
                            f"{key}:{intervention_key}",
                            {"weight": int(weight)},
                            {"answer": answer, "intervention": intervention},
                        )
                self.seed_rules(answer, key, record.get("rules") or [], objects)

    def seed_rules(self, answer, answer_key, rules, objects):
        """One `AnswerRule` per entry such as `{never: couple-family}`, `{show_first:
        sos-violence-conjugale}` or `{always: psychotherapy, explanation: {fr, en}}`."""
        for order, rule in enumerate(rules, 1):
            (kind,) = [name for name in rule if name in RULE_KINDS] or [None]
            if kind is None:
                raise ValueError(f"answer {answer_key}: a rule needs one of {sorted(RULE_KINDS)}")
            target_key = rule[kind]
            section, field_name = (
                ("resources", "resource")
                if kind == AnswerRule.Kind.SHOW_FIRST
                else ("interventions", "intervention")
            )
            if target_key not in self.seeded_keys[section]:
                raise ValueError(f"answer {answer_key}: unknown {field_name} {target_key!r}")
            target = objects[section].get(target_key)
            if target is None:
                continue  # an editor deleted it
            texts = rule.get("explanation") or {}
            wanted = {"order": order * 10}
            for language in LANGUAGES:
                wanted[field_in("explanation", language)] = (texts.get(language) or "").strip()
            self.apply(
                AnswerRule,
                f"{answer_key}:{kind}:{target_key}",
                wanted,
                {"answer": answer, "kind": kind, field_name: target},
            )

"""The guide's vocabulary follows the site's (issue 12): `Choice` → `Answer`, `ChoiceWeight` →
`AnswerWeight`, `Trait` → `ComparisonCell`, their history tables too, and the `choice` links
of weights and rules become `answer`. Plain renames: no row is copied, the content types are
renamed in place by Django (so pending changes, outdated-translation marks and history keep
pointing to their objects); the permissions and bookkeeping that name the old models follow
in the next migration."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("services", "0017_pending_change_contributors")]

    operations = [
        # Constraints name the old words (and a field being renamed): replaced around the renames.
        migrations.RemoveConstraint(model_name="choice", name="one_choice_key_per_question"),
        migrations.RemoveConstraint(model_name="choiceweight", name="one_weight_per_pair"),
        migrations.RemoveConstraint(model_name="answerrule", name="one_rule_per_target"),
        migrations.RemoveConstraint(model_name="trait", name="one_trait_per_cell"),
        migrations.RenameModel("Choice", "Answer"),
        migrations.RenameModel("ChoiceWeight", "AnswerWeight"),
        migrations.RenameModel("Trait", "ComparisonCell"),
        migrations.RenameModel("HistoricalChoice", "HistoricalAnswer"),
        migrations.RenameModel("HistoricalChoiceWeight", "HistoricalAnswerWeight"),
        migrations.RenameModel("HistoricalTrait", "HistoricalComparisonCell"),
        migrations.RenameField("answerweight", "choice", "answer"),
        migrations.RenameField("answerrule", "choice", "answer"),
        migrations.RenameField("historicalanswerweight", "choice", "answer"),
        migrations.RenameField("historicalanswerrule", "choice", "answer"),
        migrations.AddConstraint(
            model_name="answer",
            constraint=models.UniqueConstraint(
                fields=("question", "key"), name="one_answer_key_per_question"
            ),
        ),
        migrations.AddConstraint(
            model_name="answerweight",
            constraint=models.UniqueConstraint(
                fields=("answer", "intervention"), name="one_weight_per_pair"
            ),
        ),
        migrations.AddConstraint(
            model_name="answerrule",
            constraint=models.UniqueConstraint(
                fields=("answer", "kind", "intervention", "resource"), name="one_rule_per_target"
            ),
        ),
        migrations.AddConstraint(
            model_name="comparisoncell",
            constraint=models.UniqueConstraint(
                fields=("criterion", "intervention"), name="one_cell_per_pair"
            ),
        ),
        migrations.AlterModelOptions(
            name="answerrule",
            options={
                "ordering": ["answer", "order", "pk"],
                "verbose_name": "safety rule",
                "verbose_name_plural": "safety rules",
            },
        ),
        migrations.AlterField(
            model_name="answer",
            name="question",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="answers",
                to="services.question",
                verbose_name="question",
            ),
        ),
        migrations.AlterField(
            model_name="comparisoncell",
            name="criterion",
            field=models.ForeignKey(
                help_text="The row of the comparison table.",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="cells",
                to="services.criterion",
                verbose_name="criterion",
            ),
        ),
        migrations.AlterField(
            model_name="comparisoncell",
            name="intervention",
            field=models.ForeignKey(
                help_text="The column of the comparison table.",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="cells",
                to="services.intervention",
                verbose_name="intervention",
            ),
        ),
    ]

"""Bookkeeping for `seed_content`: never shown to visitors."""

from django.db import models


class SeedRecord(models.Model):
    """What `seed_content` last wrote for one object, to tell an editor's change from ours."""

    model = models.CharField(max_length=60)
    key = models.CharField(max_length=100)
    values = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model", "key"], name="one_seed_record_per_object")
        ]

    def __str__(self):
        return f"{self.model}:{self.key}"

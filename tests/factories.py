"""Making more content than the seed has, for scale tests."""

from services.models import (
    AccessPoint,
    ComparisonCell,
    Criterion,
    GlossaryTerm,
    Intervention,
    Resource,
)


def multiply_content(times):
    """Add (times - 1) copies of every intervention (with cells), resource, term and place to go."""
    originals = list(Intervention.objects.all())
    criteria = list(Criterion.objects.all())
    for copy in range(1, times):
        for original in originals:
            clone = Intervention.objects.get(pk=original.pk)
            clone.pk = None
            clone.key = f"{original.key}-{copy}"
            clone.slug_fr = f"{original.slug_fr}-{copy}"
            clone.slug_en = f"{original.slug_en}-{copy}"
            clone.save()
            clone.sources.set(original.sources.all())
            ComparisonCell.objects.bulk_create(
                ComparisonCell(criterion=c, intervention=clone, text_fr="x", text_en="x")
                for c in criteria
            )
    for model in (Resource, GlossaryTerm):
        for original in list(model.objects.all()):
            for copy in range(1, times):
                clone = model.objects.get(pk=original.pk)
                clone.pk = None
                clone.key = f"{original.key}-{copy}"
                if model is Resource:
                    clone.in_header = False
                clone.save()
    for original in list(AccessPoint.objects.all()):
        for copy in range(1, times):
            clone = AccessPoint.objects.get(pk=original.pk)
            clone.pk = None
            clone.key = f"{original.key}-{copy}"
            clone.save()
            clone.sources.set(original.sources.all())

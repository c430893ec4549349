"""The questionnaire (GET) and its result (POST). Nothing a visitor answers is stored, logged,
put in the address or left in the browser's caches (docs/decisions/0003, 0006)."""

from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from orientation_site.page_cache import public_page
from orientation_site.quick_exit import just_left
from services.catalogue import selectors

from .forms import GuideForm
from .scoring import score


def keep_out_of_the_browser(response):
    """No browser, proxy or back-forward cache may keep this page: it holds, or may be
    restored with, a visitor's answers."""
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True, private=True)
    return response


@public_page(browsers_may_keep=False)
def guide_form(request):
    """The questionnaire. Our page cache may keep it (it holds no answer), browsers may not:
    after the quick exit, Back must not bring back a form the browser filled in again."""
    # Built only if the questions' memo misses (templates/services/guide.html).
    form = SimpleLazyObject(lambda: GuideForm(selectors.guide_questions(request)))
    return TemplateResponse(request, "services/guide.html", {"form": form, "bound": False})


def explained(result, chosen, guide):
    """[(intervention, reason)] in the result's order; each reason a sentence for visitors:
    the *always* rule's explanation, or the answer that weighed most towards it."""
    by_id = {answer.pk: answer for answer in chosen}
    rows = []
    for recommendation in result.recommendations:
        reason = ""
        if recommendation.included_by is not None:
            reason = guide.explanations.get(
                (recommendation.included_by, recommendation.intervention_id), ""
            )
        if not reason and recommendation.reason_answer_id in by_id:
            reason = by_id[recommendation.reason_answer_id].reason
        rows.append((guide.interventions[recommendation.intervention_id], reason))
    return rows


def result_page(request, guide, form):
    """The ranked, explained result for the valid answers in `form` (some may be missing)."""
    chosen = form.chosen()
    result = score([answer.pk for answer in chosen], guide.answers_by_id, guide.kinds)
    first_lines, crisis_lines = selectors.guide_help_lines(request, result)
    recommendations = explained(result, chosen, guide)
    unanswered = form.unanswered()
    context = {
        "result": result,
        "chosen": chosen,
        "risk_answers": [answer for answer in chosen if answer.risk_signal],
        "recommendations": recommendations,
        # Parts rendered once per content version for every answer, line and intervention.
        "cards": selectors.guide_cards(request),
        "lines_html": selectors.crisis_lines_html(request),
        "answer_rows": selectors.guide_answer_rows(request),
        "first_lines": first_lines,
        "crisis_lines": crisis_lines,
        # The questions still open, offered gently after the crisis block.
        "unanswered": list(GuideForm(unanswered)) if unanswered and result.risk else [],
        # Re-posted by the language toggle and the "more answers" form: never in the URL.
        "answers": [(answer.question.key, answer.key) for answer in chosen],
    }
    return TemplateResponse(request, "services/guide_result.html", context)


# No CSRF protection, on purpose: the guide's POST changes nothing on the server (nothing is
# stored, nothing is sent anywhere), so a forged submission can do no harm — and a CSRF token
# would need a cookie, which public pages must never set (docs/decisions/0003).
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def guide_view(request):
    """GET: the questionnaire. POST: the result — at once whenever a risk answer is among the
    valid answers, whatever else is missing or tampered; otherwise the form with its errors.
    A POST just after the quick exit (the browser re-sending answers on Back) gets the empty
    questionnaire."""
    if request.method != "POST":
        return guide_form(request)
    if just_left(request):  # answers re-sent by Back just after the quick exit
        return keep_out_of_the_browser(guide_form(request))
    guide = selectors.guide(request)  # kept per content version (render_memo)
    if not guide.questions:  # nothing is asked: nothing to suggest
        return keep_out_of_the_browser(guide_form(request))
    form = GuideForm(guide.questions, request.POST, choices=selectors.guide_choices(request))
    complete = form.is_valid()
    if complete or any(answer.risk_signal for answer in form.chosen()):
        response = result_page(request, guide, form)
    else:
        response = TemplateResponse(request, "services/guide.html", {"form": form, "bound": True})
    return keep_out_of_the_browser(response)

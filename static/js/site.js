// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Quick exit: leave without adding this site to the back button's history.
  function leave(url) {
    window.location.replace(url);
  }

  var exitLink = document.querySelector("[data-quick-exit]");
  if (!exitLink) {
    return;
  }
  // Straight to the neutral site; without JavaScript the link goes through our /exit/.
  var exitTo = exitLink.getAttribute("data-exit-to") || exitLink.href;
  // The keyboard shortcut exists only with this script: only now is it announced.
  var hint = exitLink.querySelector("[data-exit-hint]");
  if (hint) {
    hint.hidden = false;
  }
  exitLink.addEventListener("click", function (event) {
    event.preventDefault();
    leave(exitTo);
  });

  // Escape pressed three times within two seconds also leaves.
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < 2000; });
    presses.push(now);
    if (presses.length >= 3) {
      leave(exitTo);
    }
  });
})();

// The guide: when answers are missing, move focus to the summary so it is read out first.
// It is already on the first screen: focus without scrolling, so the quick exit and the help
// lines above it stay in view. Focus again once the page has loaded, in case the browser
// moved it meanwhile.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (!summary) {
    return;
  }
  summary.focus({ preventScroll: true });
  window.addEventListener("load", function () {
    window.requestAnimationFrame(function () {
      summary.focus({ preventScroll: true });
    });
  });
})();

// The guide: after the quick exit, Back must show no answer. The server already forbids every
// cache (no-store) and the forms say autocomplete="off"; here, a page the browser brings back
// from its back-forward cache is emptied, and the questionnaire is reset to what the server sent.
(function () {
  "use strict";
  window.addEventListener("pageshow", function (event) {
    var backForward = false;
    if (window.performance && performance.getEntriesByType) {
      var navigation = performance.getEntriesByType("navigation")[0];
      backForward = Boolean(navigation && navigation.type === "back_forward");
    }
    if (!event.persisted && !backForward) {
      return;
    }
    var answers = document.querySelector("[data-answers]");
    if (answers) {
      // A result: never show it again. Go to the empty questionnaire instead.
      answers.innerHTML = "";
      window.location.replace(answers.getAttribute("data-answers"));
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("form[data-guide]"), function (form) {
      form.reset();
    });
  });
})();

// The menu: on a wide screen whose browser cannot show a closed <details>' content (site.css),
// open it, so its links show in full as elsewhere. Phones keep the button.
(function () {
  "use strict";
  var menu = document.querySelector("[data-menu]");
  if (!menu || !window.matchMedia || !window.CSS || !CSS.supports) {
    return;
  }
  if (!CSS.supports("selector(::details-content)") && matchMedia("(min-width: 56rem)").matches) {
    menu.open = true;
  }
})();

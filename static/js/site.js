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
  exitLink.addEventListener("click", function (event) {
    event.preventDefault();
    leave(exitLink.href);
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
      leave(exitLink.href);
    }
  });
})();

// The guide: when answers are missing, move focus to the summary so it is read out first.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();

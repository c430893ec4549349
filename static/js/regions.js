// « Près de chez toi / Near you »: shorten the list of regions as the visitor types.
// Progressive enhancement only: without this file the full list of links is there. Nothing
// typed leaves the page: no request, no storage, no address change.
(function () {
  "use strict";
  var box = document.querySelector("[data-region-filter]");
  var list = document.querySelector("[data-region-list]");
  if (!box || !list) {
    return;
  }
  var input = box.querySelector("input");
  var count = box.querySelector("[aria-live]");
  var items = Array.prototype.slice.call(list.querySelectorAll("li"));

  // Accents, case and dashes do not matter: "cote nord" finds "Côte-Nord".
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\u2010-\u2015'’-]/g, " ").replace(/\s+/g, " ").trim();
  }

  var names = items.map(function (item) { return fold(item.textContent); });

  function update() {
    var wanted = fold(input.value);
    var shown = 0;
    items.forEach(function (item, index) {
      var match = names[index].indexOf(wanted) !== -1;
      item.hidden = !match;
      if (match) {
        shown += 1;
      }
    });
    var words = shown === 1 ? count.dataset.one : count.dataset.many;
    count.textContent = wanted ? shown + " " + words : "";
  }

  box.hidden = false;
  input.addEventListener("input", update);
  // Enter in the box opens the only region left.
  input.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") {
      return;
    }
    var visible = items.filter(function (item) { return !item.hidden; });
    if (visible.length === 1) {
      event.preventDefault();
      window.location.assign(visible[0].querySelector("a").href);
    }
  });
})();

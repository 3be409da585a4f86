// Entity pages: replace the pictures' placeholder (links to /network and /timeline around the entity)
// by the inline SVG the app draws at /pictures?around=IRI; an empty answer (nothing to draw) removes
// it; on an error the links stay.
(function () {
  "use strict";
  document.querySelectorAll("[data-pictures]").forEach(function (el) {
    el.setAttribute("aria-busy", "true");
    fetch(el.getAttribute("data-pictures"), { headers: { Accept: "text/html" } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        if (html.trim()) {
          el.innerHTML = html;
          el.removeAttribute("aria-busy");
          el.classList.add("loaded");
        } else {
          el.remove();
        }
      })
      .catch(function () { el.removeAttribute("aria-busy"); });
  });
})();

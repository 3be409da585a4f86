// The editor page: YASGUI on the app's /sparql endpoint, with the project prefixes and the
// query library as examples (the configuration is in the page's #editor-config element).
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("editor-config").textContent);
  Yasgui.Yasqe.defaults.autocompleters = ["variables"]; // the others call services on the internet
  // Keyboard users can leave the editor: Tab and Shift-Tab move the focus (CodeMirror leaves keys bound
  // to false to the browser) instead of indenting, and the page does not start with the focus inside it.
  Yasgui.Yasqe.defaults.extraKeys = Object.assign({}, Yasgui.Yasqe.defaults.extraKeys, { Tab: false, "Shift-Tab": false });
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: cfg.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: cfg.endpoint }]; } },
    persistenceId: null,
    autofocus: false,
  });
  function withPrologue(text) {
    return /^\s*PREFIX\s/im.test(text) ? text : cfg.prologue + "\n" + text;
  }
  var tab = yasgui.getTab();
  tab.setEndpoint(cfg.endpoint);
  if (cfg.query) {
    tab.setQuery(withPrologue(cfg.query));
  } else if (!tab.getQuery() || /SELECT \* WHERE \{\s*\?sub \?pred \?obj/.test(tab.getQuery())) {
    tab.setQuery(cfg.prologue + "\nSELECT ?org ?label WHERE {\n  ?org a igkg:Organization ; rdfs:label ?label .\n}\nORDER BY ?label\nLIMIT 20\n");
  }
  // YASGUI's own markup, made accessible (axe-core's findings): its unlabelled fields get names,
  // the editor's scrolling area is reachable with Tab. Links in the results to the graph's IRIs open
  // the app's pages (cfg.local: [namespace, path] pairs). Re-applied whenever YASGUI redraws.
  var NAMES = [[".autocomplete", "SPARQL endpoint"], [".CodeMirror textarea", "SPARQL query"],
               [".yasr select", "Results view option"], [".yasr input:not([aria-label])", "Filter the results"]];
  function accessible() {
    NAMES.forEach(function (pair) {
      document.querySelectorAll("#yasgui " + pair[0]).forEach(function (el) {
        if (!el.getAttribute("aria-label") && !el.labels?.length) el.setAttribute("aria-label", pair[1]);
      });
    });
    document.querySelectorAll("#yasgui .CodeMirror-scroll").forEach(function (el) {
      if (el.getAttribute("tabindex") !== "0") el.setAttribute("tabindex", "0");
    });
    document.querySelectorAll("#yasgui .yasr th .dt-column-title:empty").forEach(function (el) {
      var name = document.createElement("span");
      name.className = "visually-hidden";
      name.textContent = "Row";
      el.appendChild(name); // the row-number column's header, otherwise empty
    });
    document.querySelectorAll("#yasgui .yasr a[href]").forEach(function (a) {
      var iri = a.getAttribute("href");
      cfg.local.forEach(function (pair) {
        if (iri.indexOf(pair[0]) === 0) {
          a.setAttribute("href", pair[1] + iri.slice(pair[0].length));
          a.removeAttribute("target");
        }
      });
    });
  }
  accessible();
  new MutationObserver(accessible).observe(document.getElementById("yasgui"), { childList: true, subtree: true });
  document.getElementById("examples").addEventListener("change", function (ev) {
    if (ev.target.value === "") return;
    var ex = cfg.examples[+ev.target.value];
    var t = yasgui.getTab();
    t.setQuery(withPrologue(ex.query));
    t.setName && t.setName(ex.name);
  });
})();

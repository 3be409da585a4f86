// The editor page: YASGUI on the app's /sparql endpoint, with the project prefixes and the
// query library as examples (the configuration is in the page's #editor-config element).
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("editor-config").textContent);
  Yasgui.Yasqe.defaults.autocompleters = ["variables"]; // the others call services on the internet
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: cfg.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: cfg.endpoint }]; } },
    persistenceId: null,
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
  document.getElementById("examples").addEventListener("change", function (ev) {
    if (ev.target.value === "") return;
    var ex = cfg.examples[+ev.target.value];
    var t = yasgui.getTab();
    t.setQuery(withPrologue(ex.query));
    t.setName && t.setName(ex.name);
  });
})();

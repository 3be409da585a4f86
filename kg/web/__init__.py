"""The web app of `kg serve`: entity pages, browsing, the query library as forms, a SPARQL 1.1
Protocol endpoint with an editor, and the ontology's documentation, over one read-only store.

Modules: `kg.web.app` (the Starlette application and its routes), `kg.web.serve` (running it with
uvicorn), `kg.web.entity`, `kg.web.pages`, `kg.web.library_pages`, `kg.web.ontology` (pages),
`kg.web.endpoint` and `kg.web.workers` (the SPARQL endpoint and its stoppable query processes),
`kg.web.negotiation` (media types), `kg.web.links` (IRIs to paths), `kg.web.render` (templates).
Nothing is imported until used.
"""

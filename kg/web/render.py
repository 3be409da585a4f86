"""Rendering the app's pages: the Jinja2 environment (templates in kg/web/templates) and HTML responses."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from kg.namespaces import shorten
from kg.web.links import href

HERE = Path(__file__).parent
STATIC = HERE / "static"


def templates() -> Environment:
    """The Jinja2 environment of the app's pages (HTML autoescaped; filters `href`, `short`)."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["href"] = href
    env.filters["short"] = shorten
    return env


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    """The template `name` rendered with `context` as an HTML response; `request` is a Request or
    the app itself (for pages rendered ahead of any request)."""
    env = getattr(request, "app", request).state.templates
    html = env.get_template(name).render(**context)
    return HTMLResponse(html, status_code=status)


async def not_found(request: Request, exc) -> HTMLResponse:
    return render(request, "error.html", status=404, title="Not found",
                  message=getattr(exc, "detail", None) or f"Nothing is served at {request.url.path}.")



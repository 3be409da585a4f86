"""The shape of the package: one reader of RDF files, small modules, no import cycle, a thin CLI,
namespaces spelled once, and blank nodes scoped to their file through every entry point."""

from __future__ import annotations

import ast
import json
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KG = ROOT / "kg"
MODULES = sorted(KG.rglob("*.py"))
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {module_name(p): p for p in MODULES}


def kg_imports(path: Path) -> set[str]:
    """The kg modules `path` imports anywhere (top level or inside functions)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("kg")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg") and node.level == 0:
            for a in node.names:  # `from kg import queries` imports the module kg.queries
                sub = f"{node.module}.{a.name}"
                out.add(sub if sub in NAMES else node.module)
    return {m for m in out if m in NAMES}


def test_one_function_reads_rdf_files():
    pattern = re.compile(r"^\s*def (load_store|read_quads|iter_quads|read_sources)\b", re.MULTILINE)
    found = [(module_name(p), m.group(1)) for p in MODULES for m in pattern.finditer(p.read_text(encoding="utf-8"))]
    assert found == [("kg.dataset", "read_quads")]


def test_only_kg_dataset_calls_the_parsers():
    calls = re.compile(r"\bparse\(path=|\.load\(path=|\.bulk_load\(|\.parse\(source=|\.parse\(ONTOLOGY")
    users = sorted(module_name(p) for p in MODULES if calls.search(p.read_text(encoding="utf-8")))
    assert users == ["kg.dataset"]


def test_no_module_is_over_400_lines():
    sizes = {module_name(p): len(p.read_text(encoding="utf-8").splitlines()) for p in MODULES}
    assert {m: n for m, n in sizes.items() if n > MAX_LINES} == {}


def test_no_import_cycle():
    graph = {name: kg_imports(path) - {name} for name, path in NAMES.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert cycles == []


def test_commands_import_no_private_name_and_no_other_command():
    from kg.cli import COMMANDS

    commands = {module for module, _ in COMMANDS.values()}
    offences = []
    for name, path in NAMES.items():
        if not name.startswith("kg.commands."):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                private = [a.name for a in node.names if a.name.startswith("_")]
                if private:
                    offences.append(f"{name} imports {private} from {node.module}")
                if node.module in commands and node.module != name:
                    offences.append(f"{name} imports the command {node.module}")
            elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                if isinstance(node.value, ast.Name) and node.value.id not in ("self", "cls"):
                    offences.append(f"{name} uses {node.value.id}.{node.attr}")
    assert offences == []


NAMESPACE_IRI = re.compile(r"^https?://(www\.w3\.org/|w3id\.org/igkg|purl\.org/|xmlns\.com/|schema\.org/)")


def test_namespace_iris_are_spelled_only_in_kg_namespaces():
    found = []
    for name, path in NAMES.items():
        if name == "kg.namespaces":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                      and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                if NAMESPACE_IRI.match(node.value):
                    found.append(f"{name}:{node.lineno}: {node.value}")
    assert found == []


def test_comments_cite_no_issue_and_no_file_outside_the_repository():
    pattern = re.compile(r"\bissue \d+|(?<!&)#\d{1,4}\b|\.\./shared|FINDINGS\.md", re.IGNORECASE)
    found = [f"{module_name(p)}:{i}" for p in MODULES
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert found == []


def test_one_term_to_text_helper_one_values_binder_one_label_lookup():
    text = {name: path.read_text(encoding="utf-8") for name, path in NAMES.items()}
    defs = lambda pattern: sorted(n for n, t in text.items() if re.search(pattern, t, re.MULTILINE))  # noqa: E731
    assert defs(r"^def (values_binding|bind_values)\b") == ["kg.sparqltext"]
    assert defs(r"^def (resolve_label|find_labelled)\b") == ["kg.labels"]
    assert defs(r"^def (show|show_term|cell_text|term_str|value_str|short|text)\(") == ["kg.terms"]
    assert defs(r"PR_SET_PDEATHSIG|\.prctl\(") == ["kg.locks"]


# ------------------------------------------------------------------------ blank nodes per file

BLANK = "@prefix ex: <http://example.org/> .\nex:a ex:knows _:b0 .\n_:b0 ex:name \"someone\" .\n"
COUNT = "SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { ?a <http://example.org/knows> ?b }"


@pytest.fixture(scope="module")
def two_files_project(tmp_path_factory) -> Path:
    """A copy of the project whose data is two files that each use the blank-node label `_:b0`."""
    home = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "ontology", home / "ontology")
    (home / "data").mkdir()
    (home / "queries").mkdir()
    for name in ("first", "second"):
        (home / "data" / f"{name}.ttl").write_text(BLANK, encoding="utf-8")
    (home / "queries" / "known-blank-nodes.rq").write_text(
        "#+ summary: How many distinct blank nodes does ex:a know?\n#+ columns: [n]\n" + COUNT + "\n",
        encoding="utf-8")
    return home


def test_two_files_using_b0_give_two_blank_nodes_in_every_entry_point(kg, two_files_project, tmp_path):
    env = {"KG_HOME": str(two_files_project)}
    files = [str(two_files_project / "data" / f) for f in ("first.ttl", "second.ttl")]

    query = kg("query", "known-blank-nodes", "--format", "csv", env=env)  # the in-memory build
    assert (query.returncode, query.stdout) == (0, "n\r\n2\r\n"), query.stderr

    export = kg("export", "--format", "nq", env=env)
    assert export.returncode == 0, export.stderr
    blanks = {w for line in export.stdout.splitlines() if "example.org/knows" in line
              for w in line.split() if w.startswith("_:")}
    assert len(blanks) == 2

    one = json.loads(kg("validate", "--format", "json", files[0], env=env).stdout)["triples"]
    both = json.loads(kg("validate", "--format", "json", *files, env=env).stdout)["triples"]
    assert both - one == 2  # one node would make the two files' triples the same two

    store = tmp_path / "store"
    load = kg("load", "--store", str(store), "--no-validate", env=env)
    assert load.returncode == 0, load.stderr
    loaded = kg("sparql", COUNT, "--store", str(store), "--format", "csv", env=env)
    assert loaded.stdout == "n\r\n2\r\n"

    check = kg("check", "--format", "json", env=env)
    only_first = kg("check", "--format", "json", files[0], env=env)
    seen = json.loads(check.stdout)["consistency"]["triples"] - json.loads(only_first.stdout)["consistency"]["triples"]
    assert seen == 2

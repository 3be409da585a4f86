"""Hostile input: entity expansion in RDF/XML, malformed values and damaged stores, terminal control
characters, broken pipes. Each test names the attack and pins the one-line answer and exit code."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, invoke_kg

EX = "http://example.org/"
ADVICE = ("DTD entity declarations are refused (they can expand to gigabytes); write the entities' "
          "text in place, or convert the file to Turtle")


def billion_laughs(levels: int = 3, fan: int = 10) -> str:
    """The "billion laughs" RDF/XML document: entity lolN holds `fan` references to lol(N-1); the
    literal would be fan**levels * 3 characters (the attack uses 9-10 levels; 3 keeps this fast)."""
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * fan}">' for i in range(1, levels + 1)]
    return ('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n' + "\n".join(entities) + "\n]>\n"
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">\n'
            f'  <rdf:Description rdf:about="http://example.org/a"><ex:p>&lol{levels};</ex:p></rdf:Description>\n'
            "</rdf:RDF>\n")


PLAIN_RDFXML = ('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF>\n'
                '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">\n'
                '  <rdf:Description rdf:about="http://example.org/a"><ex:p>a &amp; b &#233;</ex:p></rdf:Description>\n'
                "</rdf:RDF>\n")


@pytest.fixture()
def laughs(tmp_path) -> Path:
    path = tmp_path / "laughs.rdf"
    path.write_text(billion_laughs(), encoding="utf-8")
    return path


# ------------------------------------------------------------------ entity expansion in RDF/XML


@pytest.mark.parametrize("args", [
    ["load", "--no-validate", "--store", "{store}", "{file}"],
    ["load", "--store", "{store}", "{file}"],
    ["validate", "--engine", "pyshacl", "{file}"],
    ["validate", "--engine", "fast", "{file}"],
    ["validate", "--shapes", "{file}", "data/reference"],
    ["export", "{file}"],
    ["check", "--no-consistency", "{file}"],
    ["check", "{file}"],
    ["reason", "{file}"],
], ids=["load", "load-validated", "validate-pyshacl", "validate-fast", "validate-shapes", "export",
        "check", "check-hermit", "reason"])
def test_billion_laughs_rdfxml_is_refused_naming_file_and_line_by_every_path(kg, laughs, tmp_path, args):
    store = tmp_path / "store"
    r = kg(*[a.format(store=store, file=laughs) for a in args])
    assert (r.returncode, r.stdout, r.stderr) == (2, "", f"error: {laughs}:3: <!ENTITY lol0 …>: {ADVICE}\n")
    assert not (store / "current.json").exists()


def test_the_ten_level_attack_file_is_refused_before_any_expansion(kg, tmp_path):
    path = tmp_path / "ten.rdf"
    path.write_text(billion_laughs(levels=10), encoding="utf-8")  # 10**10 * 3 bytes if expanded
    r = kg("export", "--format", "nt", str(path))
    assert (r.returncode, r.stderr) == (2, f"error: {path}:3: <!ENTITY lol0 …>: {ADVICE}\n")


@pytest.mark.parametrize("declaration, shown", [
    ('<!ENTITY % p "x">', "<!ENTITY % p …>"),
    ('<!ENTITY ext SYSTEM "file:///etc/hostname">', "<!ENTITY ext …>"),
    ('<!ENTITY owl "http://www.w3.org/2002/07/owl#">', "<!ENTITY owl …>"),
])
def test_every_kind_of_entity_declaration_is_refused(kg, tmp_path, declaration, shown):
    path = tmp_path / "decl.owl"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n{declaration}\n]>\n'
                    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n', encoding="utf-8")
    r = kg("export", str(path))
    assert (r.returncode, r.stderr) == (2, f"error: {path}:3: {shown}: {ADVICE}\n")


def test_rdfxml_without_entity_declarations_still_loads(kg, tmp_path):
    path = tmp_path / "plain.rdf"
    path.write_text(PLAIN_RDFXML, encoding="utf-8")
    r = kg("export", "--format", "nt", str(path))
    assert (r.returncode, r.stdout) == (0, '<http://example.org/a> <http://example.org/p> "a & b é" .\n')


def test_xml_that_breaks_before_its_root_element_is_one_line(kg, tmp_path):
    path = tmp_path / "broken.rdf"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n<!ELEMENT\n', encoding="utf-8")
    r = kg("export", str(path))
    assert (r.returncode, r.stderr) == (2, f"error: {path}:4:1: not well-formed XML: no element found\n")


def test_an_rdfxml_answer_of_a_server_with_entities_is_refused():
    from kg.errors import InputError
    from kg.rdfxml import check_prolog

    with pytest.raises(InputError) as e:
        check_prolog(billion_laughs().encode("utf-8"), where="POST http://127.0.0.1:1/query")
    assert str(e.value) == f"POST http://127.0.0.1:1/query:3: <!ENTITY lol0 …>: {ADVICE}"


# ------------------------------------------------------------------ malformed values: one line, exit 2


@pytest.mark.parametrize("args, message", [
    (["query", "organisation-timeline", "-p", "org=igorg:x%"],
     "parameter 'org': 'https://w3id.org/igkg/id/org/x%' is not a valid IRI (Invalid IRI percent encoding '%'); "
     "write %XX for a reserved or non-ASCII character (%25 for %, %20 for a space)"),
    (["query", "organisation-timeline", "-p", "org=<http://a%zz>"],
     "parameter 'org': 'http://a%zz' is not a valid IRI (Invalid IRI percent encoding '%zz'); "
     "write %XX for a reserved or non-ASCII character (%25 for %, %20 for a space)"),
    (["describe", "http://a b"],
     "'http://a b' is not a valid IRI (Invalid IRI code point ' '); "
     "write %XX for a reserved or non-ASCII character (%25 for %, %20 for a space)"),
    (["describe", "<http://a%>"],
     "'http://a%' is not a valid IRI (Invalid IRI percent encoding '%'); "
     "write %XX for a reserved or non-ASCII character (%25 for %, %20 for a space)"),
])
def test_issue_malformed_iris_answer_one_line_exit_2(kg, args, message):
    r = kg(*args)
    assert (r.returncode, r.stdout, r.stderr) == (2, "", f"error: {message}\n")


def test_a_literal_over_16_mib_is_one_line_exit_2(kg, tmp_path):
    path = tmp_path / "big.ttl"
    path.write_text(f'<{EX}a> <{EX}p> "' + "a" * (17 * 1024 * 1024) + '" .\n', encoding="utf-8")
    store = tmp_path / "store"
    r = kg("load", "--no-validate", "--store", str(store), str(path))
    assert (r.returncode, r.stderr) == (
        2, f"error: {path}: a term too long to parse (Reached the buffer maximal size of 16777216); split or "
           "shorten it\n")
    assert not (store / "current.json").exists()


def test_a_query_the_engine_cannot_evaluate_is_a_usage_error():
    import pyoxigraph as ox

    from kg.backend import OxigraphBackend
    from kg.errors import UsageError

    with pytest.raises(UsageError) as e:
        OxigraphBackend(ox.Store()).query("SELECT ?s WHERE { ?s ?p ?o }",
                                          substitutions={ox.Variable("z"): ox.Literal("x")})
    assert str(e.value) == ("the query cannot be evaluated: The SPARQL query does not contains variable ?z "
                            "in its SELECT projection")


# ------------------------------------------------------------------ damaged and unwritable stores

TTL = f"<{EX}a> <{EX}p> \"one\" .\n"


@pytest.fixture()
def store(tmp_path) -> Path:
    data = tmp_path / "a.ttl"
    data.write_text(TTL, encoding="utf-8")
    path = tmp_path / "store"
    assert invoke_kg("load", "--no-validate", "--store", str(path), str(data)).returncode == 0
    return path


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.mark.parametrize("content, why", [
    ("[]", "a JSON object was expected, not list"),
    ("{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
    ('{"db": 3}', "field 'db' is missing or not a str"),
])
def test_issue_a_damaged_pointer_file_is_one_line_and_load_replaces_it(kg, store, tmp_path, content, why):
    (store / "current.json").write_text(content, encoding="utf-8")
    r = kg("sparql", COUNT, "--store", str(store), "--format", "csv")
    assert (r.returncode, r.stdout, r.stderr) == (
        2, "", f"error: {store / 'current.json'}: unreadable store metadata ({why}); "
               f"`kg load --store {store}` replaces it\n")
    data = tmp_path / "a.ttl"
    assert kg("load", "--no-validate", "--store", str(store), str(data)).returncode == 0
    assert kg("sparql", COUNT, "--store", str(store), "--format", "csv").stdout == "n\r\n1\r\n"


def test_a_database_path_outside_the_store_folder_is_refused(kg, store, tmp_path):
    meta = json.loads((store / "current.json").read_text(encoding="utf-8"))
    outside = tmp_path / "db-elsewhere"
    shutil.copytree(store / meta["db"], outside)
    for db in ("../db-elsewhere", str(outside), "db-x/../../db-elsewhere"):
        (store / "current.json").write_text(json.dumps({**meta, "db": db}), encoding="utf-8")
        r = kg("sparql", COUNT, "--store", str(store))
        assert (r.returncode, r.stderr) == (
            2, f"error: {store / 'current.json'}: unreadable store metadata (field 'db' ({db!r}) must name a "
               f"db-… folder inside the store folder); `kg load --store {store}` replaces it\n")


def _without_write_permission() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Make the child unable to write where the mode bits forbid it, root included: root drops
    CAP_DAC_OVERRIDE from its bounding set, so the program it executes lacks it."""
    if os.geteuid() == 0:
        import ctypes

        pr_capbset_drop, cap_dac_override = 24, 1
        if ctypes.CDLL(None, use_errno=True).prctl(pr_capbset_drop, cap_dac_override, 0, 0, 0) != 0:
            os._exit(99)


def _kg_process(*args: str, preexec=None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300, preexec_fn=preexec)


def test_issue_a_store_on_a_read_only_folder_answers_and_refuses_a_load_in_one_line(store, tmp_path):
    data = tmp_path / "a.ttl"
    mode = store.stat().st_mode
    store.chmod(0o555)
    try:
        read = _kg_process("sparql", COUNT, "--store", str(store), "--format", "csv",
                           preexec=_without_write_permission)
        assert (read.returncode, read.stdout) == (0, "n\n1\n")  # text mode reads CR LF as LF
        assert read.stderr.startswith(f"note: answered by the on-disk store {store}, loaded without --reason")
        load = _kg_process("load", "--no-validate", "--rebuild", "--store", str(store), str(data),
                           preexec=_without_write_permission)
        assert (load.returncode, load.stdout, load.stderr) == (
            2, "", f"error: {store}: cannot write the store folder (Permission denied); pick a writable --store\n")
    finally:
        store.chmod(mode)


def _small_files() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Files of at most 64 KiB: a write beyond fails with EFBIG as on a full disk (Python ignores SIGXFSZ)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))


def test_issue_a_full_disk_during_a_load_is_one_line_and_keeps_the_store(store, tmp_path):
    before = (store / "current.json").read_text(encoding="utf-8")
    r = _kg_process("load", "--no-validate", "--rebuild", "--store", str(store), str(tmp_path / "a.ttl"),
                    preexec=_small_files)
    assert r.returncode == 2 and r.stdout == ""
    assert len(r.stderr.splitlines()) == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith("error: IO error: ") and r.stderr.endswith(
        ": File too large (check free space, permissions and the path, then run the command again)\n")
    assert (store / "current.json").read_text(encoding="utf-8") == before
    assert invoke_kg("sparql", COUNT, "--store", str(store), "--format", "csv").stdout == "n\r\n1\r\n"


def test_an_export_to_a_full_disk_is_one_line(tmp_path):
    out = tmp_path / "all.nq"
    r = _kg_process("export", "--format", "nq", "-o", str(out), preexec=_small_files)
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == ("error: File too large (os error 27) (check free space, permissions and the path, then run the "
                        "command again)\n")


# ------------------------------------------------------------------ control characters

EVIL = "Evil\x1b]0;pwned\x07 Corp\x1b[2J\x9b31m\r\nX"


@pytest.fixture(scope="module")
def evil_home(tmp_path_factory) -> Path:
    """A copy of the project whose data holds one organisation labelled with ESC, OSC, BEL, CSI, CR."""
    home = tmp_path_factory.mktemp("evil")
    shutil.copytree(ROOT / "ontology", home / "ontology")
    shutil.copytree(ROOT / "queries", home / "queries")
    (home / "data").mkdir()
    label = EVIL.replace("\x1b", "\\u001B").replace("\x07", "\\u0007").replace("\x9b", "\\u009B")
    label = label.replace("\r", "\\r").replace("\n", "\\n")
    (home / "data" / "evil.ttl").write_text(
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        f'<https://w3id.org/igkg/id/org/evil> a <https://w3id.org/igkg/ontology#Organization> ; rdfs:label "{label}" .\n',
        encoding="utf-8")
    return home


LABEL_QUERY = "SELECT ?o ?l WHERE { ?o a igkg:Organization ; rdfs:label ?l }"
ESCAPED = "Evil\\x1b]0;pwned\\x07 Corp\\x1b[2J\\x9b31m"


def test_issue_the_table_escapes_control_characters(kg, evil_home):
    r = kg("sparql", LABEL_QUERY, env={"KG_HOME": str(evil_home)})
    assert r.returncode == 0
    assert r.stdout.splitlines()[2] == f"igorg:evil  {ESCAPED} X"  # CR LF is white space: one space
    assert not any(c in r.stdout for c in "\x1b\x07\x9b\r")


def test_issue_describe_escapes_control_characters(kg, evil_home):
    r = kg("describe", "igorg:evil", env={"KG_HOME": str(evil_home)})
    assert r.returncode == 0
    assert r.stdout.splitlines()[0] == f"{ESCAPED}\\x0d"
    assert r.stdout.splitlines()[1] == "X  (igorg:evil)"
    assert not any(c in r.stdout for c in "\x1b\x07\x9b\r")


def test_csv_and_json_to_a_pipe_stay_exact(kg, evil_home):
    csv = kg("sparql", "SELECT ?l WHERE { igorg:evil rdfs:label ?l }", "--format", "csv", env={"KG_HOME": str(evil_home)})
    assert csv.stdout == f'l\r\n"{EVIL}"\r\n'
    js = kg("sparql", "SELECT ?l WHERE { igorg:evil rdfs:label ?l }", "--format", "json", env={"KG_HOME": str(evil_home)})
    assert json.loads(js.stdout)["results"]["bindings"] == [{"l": {"type": "literal", "value": EVIL}}]


def test_data_formats_on_a_terminal_are_escaped(evil_home):
    import pty

    env = {**os.environ, "KG_HOME": str(evil_home)}
    env.pop("KG_STORE", None)
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "kg", "sparql", "SELECT ?l WHERE { igorg:evil rdfs:label ?l }",
                               "--format", "csv"], cwd=ROOT, env=env, stdout=follower, stderr=subprocess.PIPE,
                              timeout=120)
        os.close(follower)
        follower = -1
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the writer closed its side
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)
    assert proc.returncode == 0, proc.stderr
    # CSV ends lines with CR LF, which the terminal shows as CR CR LF (onlcr); the value's own CR LF
    # is kept as a line end, its ESC, BEL and CSI are escaped
    assert seen == f'l\r\r\n"{ESCAPED}\r\r\nX"\r\r\n'.encode("utf-8")


def test_issue_xml_results_refuse_a_character_xml_cannot_carry(kg, evil_home):
    r = kg("sparql", LABEL_QUERY, "--format", "xml", env={"KG_HOME": str(evil_home)})
    assert (r.returncode, r.stdout, r.stderr) == (
        2, "", "error: row 1, column ?l: the value holds U+001B, which XML 1.0 cannot carry; "
               "use --format json (or csv, tsv)\n")


def test_construct_as_rdfxml_refuses_a_character_xml_cannot_carry(kg, evil_home):
    r = kg("sparql", "CONSTRUCT WHERE { ?o rdfs:label ?l }", "--format", "rdfxml", env={"KG_HOME": str(evil_home)})
    assert (r.returncode, r.stderr) == (
        2, "error: a literal holds U+001B, which XML 1.0 cannot carry; use --format turtle (or ntriples, jsonld)\n")


@pytest.mark.parametrize("value", ["a\r\nb", "tab\tand\rcr", "x\u0085y\u2028z", "<&>\"'"])
def test_issue_xml_results_round_trip_through_a_standard_xml_parser(value):
    """Carriage returns come back as written (`&#xD;`), and so does every character XML 1.0 carries."""
    import xml.etree.ElementTree as ET

    import pyoxigraph as ox

    from kg.results import serialize

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal(value)))
    data = serialize(store.query("SELECT ?o WHERE { ?s ?p ?o }"), "xml")
    ns = "{http://www.w3.org/2005/sparql-results#}"
    literal = ET.fromstring(data).find(f"{ns}results/{ns}result/{ns}binding/{ns}literal")
    assert literal.text == value


# ------------------------------------------------------------------ broken pipes


@pytest.mark.parametrize("args", [
    ["load", "--no-validate", "--rebuild", "--store", "{store}", "{data}"],
    ["query", "people"],
    ["export", "--format", "nq"],
    ["sparql", "SELECT * WHERE {{ ?s ?p ?o }}", "--format", "csv"],
    ["validate", "{data}"],
], ids=["load", "query", "export", "sparql", "validate"])
def test_issue_a_reader_that_stops_early_gives_exit_0_and_no_traceback(store, tmp_path, args):
    """`kg … | head -1` where head has gone before kg writes: standard output is a pipe whose
    reading end is closed, so every write fails with EPIPE (deterministically, unlike a race with head)."""
    argv = [a.format(store=store, data=tmp_path / "a.ttl") for a in args]
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run([sys.executable, "-m", "kg", *argv], cwd=ROOT, env=env, stdout=write_end,
                              stderr=subprocess.PIPE, text=True, timeout=300)
    finally:
        os.close(write_end)
    assert (proc.returncode, proc.stderr) == (0, "")


@pytest.mark.parametrize("url, message", [
    ("http://[::1", "'http://[::1': not a valid URL (Invalid IPv6 URL)"),
    ("http://x:99999/q", "'http://x:99999/q': not a valid URL (Port out of range 0-65535)"),
    ("http://x:abc/q", "'http://x:abc/q': not a valid URL (Port could not be cast to integer value as 'abc')"),
    ("ftp://x/q", "ftp://x/q: not an http(s) URL"),
])
@pytest.mark.parametrize("command", [["query", "people"], ["load", "--no-validate"]])
def test_malformed_endpoint_urls_are_one_line(kg, url, message, command):
    r = kg(*command, "--endpoint", url)
    assert (r.returncode, r.stdout, r.stderr) == (2, "", f"error: {message}\n")

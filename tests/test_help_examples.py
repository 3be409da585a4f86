"""Help that can be copied: every example line of every `--help` runs (or parses) as given.

Help is rendered at 80 columns, the narrowest common terminal. An example is a line of the
"Examples:" paragraphs that starts with `kg` (after `VAR=value` assignments; continued with a
trailing backslash); `a && b` and `a | b` give one example per `kg` part. Read-only commands on the
project data run in-process and must exit 0; the others (they write, serve or take minutes) are
parsed by click: every option and argument must be accepted, and IRIs must be whole.
"""

from __future__ import annotations

import re
import shlex

import pytest

from kg.cli import COMMANDS, cli

RUN = {"query", "queries", "describe", "sparql", "stats"}  # quick and read-only on the project data
FILES = re.compile(r"(my|heavy)\.rq|my-data\.ttl|big-world\.nq|new-document\.ttl|extra\.ttl")


def help_text(*names: str, width: int = 80) -> str:
    """`kg NAMES --help` at `width` columns."""
    import click

    ctx = click.Context(cli, info_name="kg", max_content_width=width, terminal_width=width)
    command = cli
    for name in names:
        command = cli.get_command(ctx, name)
        ctx = click.Context(command, info_name=name, parent=ctx, max_content_width=width, terminal_width=width)
    return command.get_help(ctx)


def examples(text: str) -> list[str]:
    """The example command lines of a help text (see the module docstring): lines after
    "Example(s):" indented by four spaces."""
    head = re.search(r"^ *Examples?:\n", text, re.M)
    if not head:
        return []
    body = re.sub(r"\\\n\s*", " ", text[head.end():])
    out = []
    for line in body.splitlines():
        if not re.match(r"^    \S", line):
            continue
        words = shlex.split(line, comments=True)
        while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
            words = words[1:]
        parts: list[list[str]] = [[]]
        redirect = False
        for w in words:
            if w in ("&&", "|"):
                parts.append([])
                redirect = False
            elif w in (">", ">>", "<"):
                redirect = True  # the file name that follows is the shell's
            elif not redirect:
                parts[-1].append(w)
        out += [shlex.join(part) for part in parts if part and part[0] == "kg"]
    return out


ALL = [(name, ex) for name in [""] + sorted(COMMANDS) for ex in examples(help_text(*([name] if name else [])))]


def test_every_command_shows_examples():
    assert {name for name, _ in ALL} == set(COMMANDS) | {""}


def test_no_example_line_is_cut():
    for name in [""] + sorted(COMMANDS):
        if name in NOT_MINE:
            continue
        text = help_text(*([name] if name else []))
        head = re.search(r"^ *Examples?:\n", text, re.M)
        for line in text[head.end():].splitlines() if head else []:
            if re.match(r"^    \S", line):
                assert not re.search(r"[\w:/.=-]-$", line), f"kg {name} --help cuts {line!r}"


@pytest.mark.parametrize("width", [80, 100])
def test_no_help_line_breaks_a_word_at_a_hyphen(width):
    """A line ending in "-" is a name cut in two (a path such as .kg-store, a prefixed name)."""
    for name in [""] + sorted(COMMANDS):
        if name in NOT_MINE:
            continue
        for line in help_text(*([name] if name else []), width=width).splitlines():
            assert not line.endswith("-"), f"kg {name} --help at {width} columns: {line!r}"


NOT_MINE: set[str] = set()  # commands whose help is not held to the line rules: none


@pytest.mark.parametrize("name, example", ALL, ids=[f"{n or 'kg'}:{e}" for n, e in ALL])
def test_example_runs_or_parses(kg, tmp_path, name, example):
    words = shlex.split(example)[1:]
    if words and words[0] in RUN and not FILES.search(example) and "--endpoint" not in words:
        r = kg(*words, env={"KG_STORE": str(tmp_path / "none"), "COLUMNS": "80"})
        assert r.returncode == 0, f"{example}: {r.stderr}"
        assert r.stdout
        return
    import click

    command = cli.get_command(None, words[0])
    try:
        command.make_context(words[0], words[1:])  # raises click.UsageError when an example does not parse
    except click.BadParameter as e:
        if "does not exist" not in str(e):  # an example file (data/extra.ttl) is the reader's own
            raise

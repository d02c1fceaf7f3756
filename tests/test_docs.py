"""The guides cannot rot: their Python blocks run, their sample output is current, links resolve.

- Every ```python block of the guides in RUNNABLE is exec()'d in a fresh namespace (with
  ``__name__ == "__main__"``), from a temporary directory. A block containing one of SKIP_MARKERS
  is not run (e.g. it needs a trained spaCy pipeline that is not installed here). A top-level
  line ``print(...)  # OUTPUT`` promises OUTPUT as a line of what the block prints; it must.
- docs/getting-started.md shows a sample article (its first ```text block) and what
  ``newsfacts extract`` prints for it (its first ```json block): they must agree.
- Every relative Markdown link in docs/*.md and README.md points to an existing file, and a
  ``#fragment`` to a heading of that file.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest

from newsfacts import extract

from .conftest import ROOT

DOCS = ROOT / "docs"
RUNNABLE = ["getting-started.md", "spacy-pipelines.md"]
SKIP_MARKERS = ("# needs en_core_web_sm", "# not run")

FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", re.DOTALL | re.MULTILINE)
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
INLINE_CODE = re.compile(r"`[^`\n]*`")
PROMISE = re.compile(r"^print\(.*\)\s+#\s(.+)$", re.MULTILINE)
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)


def blocks(path: Path, language: str) -> list[tuple[int, str]]:
    """(line number, code) of each fenced block whose info string starts with ``language``."""
    text = path.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        info = match.group(1).strip().split()
        if info and info[0] == language:
            found.append((text.count("\n", 0, match.start()) + 1, match.group(2)))
    return found


def python_blocks() -> list:
    params = []
    for name in RUNNABLE:
        for line, code in blocks(DOCS / name, "python"):
            marks = [pytest.mark.skip(reason="marked as not runnable here")] if any(
                marker in code for marker in SKIP_MARKERS) else []
            params.append(pytest.param(code, id=f"{name}:{line}", marks=marks))
    return params


@pytest.mark.parametrize("code", python_blocks())
def test_python_block_runs(code, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<docs block>", "exec"), {"__name__": "__main__"})  # noqa: S102 -- our own docs
    printed = [line.rstrip() for line in out.getvalue().splitlines()]
    for promised in PROMISE.findall(code):
        assert promised.rstrip() in printed, f"the block promises {promised!r}, printed {printed}"


def test_guides_have_python_blocks():
    for name in RUNNABLE:
        assert blocks(DOCS / name, "python"), f"{name} has no ```python block"


def test_getting_started_sample_output_is_current():
    path = DOCS / "getting-started.md"
    (_, article), *_ = blocks(path, "text")
    (_, shown), *_ = blocks(path, "json")
    assert json.loads(shown) == extract(article).model_dump(mode="json"), (
        "docs/getting-started.md shows stale output: save its sample article as lumio.txt, run "
        "`newsfacts extract lumio.txt --indent 2` and paste the output into its ```json block"
    )


def slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    heading = re.sub(r"[`*_]|\[([^\]]*)\]\([^)]*\)", r"\1", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", heading).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    return {slug(h) for h in HEADING.findall(FENCE.sub("", path.read_text(encoding="utf-8")))}


def relative_links(path: Path) -> list[str]:
    prose = INLINE_CODE.sub("", FENCE.sub("", path.read_text(encoding="utf-8")))
    return [t for t in LINK.findall(prose) if not re.match(r"[a-z][a-z0-9+.-]*:", t, re.IGNORECASE)]


MARKDOWN = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_resolve(path):
    for target in relative_links(path):
        file_part, _, fragment = target.partition("#")
        linked = (path.parent / file_part).resolve() if file_part else path
        assert linked.exists(), f"{path.name}: link to missing {target}"
        if fragment and linked.suffix == ".md":
            assert fragment in anchors(linked), f"{path.name}: no heading for {target}"


def test_link_checker_sees_links():
    assert relative_links(DOCS / "getting-started.md"), "expected relative links in the guide"
    assert slug("Scoring: `newsfacts eval`") == "scoring-newsfacts-eval"

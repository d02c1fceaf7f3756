"""Shared fixtures: the default extractor (built once), and where the articles are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"
#: Real news pages with gold: the yardstick (absent on a fresh clone; tests then skip).
REALNEWS = ROOT.parent / "shared" / "realnews"
#: The judge's scorer beside them.
JUDGE = ROOT.parent / "shared" / "tools" / "score.py"


def corpus_texts() -> list[str]:
    """The text of every corpus/ article, in file-name order."""
    return [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]


def article_paths() -> list[Path]:
    """Every gold article we can read: corpus/ and, when present, ../shared/seeds."""
    paths = sorted(CORPUS.glob("*.txt"))
    if SEEDS.is_dir():
        paths += sorted(SEEDS.glob("*.txt"))
    return paths


@pytest.fixture(scope="session")
def extractor():
    from newsfacts.extractor import default_extractor

    return default_extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp

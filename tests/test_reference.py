"""docs/records.md is the records reference generated from the JSON Schema, and stays current."""

import re

import pytest

from newsfacts.models import article_json_schema
from newsfacts.reference import records_markdown, type_text

from .conftest import ROOT

REGENERATE = "python -m newsfacts.reference > docs/records.md"


def sections(markdown: str) -> dict[str, str]:
    """``## Name`` heading -> the text of its section."""
    parts = re.split(r"^## (.+)$", markdown, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2]))


def test_committed_reference_matches_code():
    committed = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
    assert committed == records_markdown(), (
        f"docs/records.md is stale: run `{REGENERATE}` and commit it"
    )


def test_every_record_and_field_is_documented():
    schema = article_json_schema()
    records = {schema["title"]: schema, **schema["$defs"]}
    found = sections(records_markdown())
    assert set(found) == set(records)
    for name, record in records.items():
        for field, prop in record["properties"].items():
            pattern = rf"^\| `{field}` \| (.*) \| (.*) \|$"
            row = re.search(pattern, found[name], flags=re.MULTILINE)
            assert row, f"{name}.{field} has no row"
            if "description" in prop:
                assert " ".join(prop["description"].split()).split("``")[0] in row.group(2)
            else:
                assert row.group(2) == ""


def test_records_follow_the_order_article_uses_them():
    names = list(sections(records_markdown()))
    assert names[:2] == ["Article", "Product"]
    assert names.index("Sale") < names.index("TimeSpan")


@pytest.mark.parametrize("prop, text", [
    ({"type": "integer"}, "integer"),
    ({"type": "integer", "minimum": 0}, "integer (≥ 0)"),
    ({"anyOf": [{"type": "string"}, {"type": "null"}]}, "string or null"),
    ({"anyOf": [{"type": "null"}, {"type": "string"}]}, "string or null"),
    ({"type": ["string", "null"]}, "string or null"),
    ({"type": "array", "items": {"$ref": "#/$defs/Spec"}}, "list of [Spec](#spec)"),
    ({"anyOf": [{"format": "date", "type": "string"}, {"type": "null"}]},
     "date string (YYYY-MM-DD) or null"),
    ({"const": "sale", "type": "string"}, 'always `"sale"`'),
    ({"enum": ["sold", "shipped"], "type": "string"}, 'one of `"sold"`, `"shipped"`'),
    ({}, "any value"),
])
def test_readable_types(prop, text):
    assert type_text(prop) == text


def test_enums_are_listed_and_cells_stay_one_line():
    """E.g. if spec names become an enum in the schema, the reference lists them."""
    schema = {
        "title": "Article",
        "properties": {"specs": {"type": "array", "items": {"$ref": "#/$defs/Spec"}}},
        "$defs": {"Spec": {
            "description": "A spec.",
            "properties": {"name": {"enum": ["ram", "battery"], "description": "a | b\nc"}},
        }},
    }
    markdown = records_markdown(schema)
    assert '| `name` | one of `"ram"`, `"battery"` | a \\| b c |' in markdown
    assert list(sections(markdown)) == ["Article", "Spec"]

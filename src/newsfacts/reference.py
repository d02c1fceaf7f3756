"""A Markdown reference of the records, generated from their JSON Schema.

:func:`records_markdown` renders :func:`newsfacts.models.article_json_schema` as one section
per record (``Article`` first, then the records it uses, in the order it uses them), each with
a table of its fields: name, a readable type and the description the schema gives. Nothing is
written by hand, so the reference cannot drift from the code; ``docs/records.md`` is its output::

    python -m newsfacts.reference > docs/records.md

>>> md = records_markdown()
>>> md.splitlines()[0]
'# Records'
>>> "| `units` | integer |  |" in md
True
>>> print(type_text({"anyOf": [{"$ref": "#/$defs/TimeSpan"}, {"type": "null"}]}))
[TimeSpan](#timespan) or null
>>> print(type_text({"type": "array", "items": {"$ref": "#/$defs/Spec"}}))
list of [Spec](#spec)
>>> print(type_text({"enum": ["exact", "at_least"], "type": "string"}))
one of `"exact"`, `"at_least"`
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from .models import article_json_schema

__all__ = ["records_markdown", "type_text"]

_REF_PREFIX = "#/$defs/"
_RST_LITERAL = re.compile(r"``(.+?)``")
_FORMATS = {
    "date": "date string (YYYY-MM-DD)",
    "date-time": "date-time string (ISO 8601)",
    "time": "time string (ISO 8601)",
    "duration": "duration string (ISO 8601)",
}


def _ref_name(ref: str) -> str:
    return ref.removeprefix(_REF_PREFIX)


def _anchor(name: str) -> str:
    """The GitHub-style anchor of a ``## name`` heading."""
    return re.sub(r"[^a-z0-9_ -]", "", name.lower()).replace(" ", "-")


def _literal(value: Any) -> str:
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def type_text(prop: dict) -> str:
    """A readable type for one property of a JSON Schema ("integer", "string or null"...)."""
    if "$ref" in prop:
        name = _ref_name(prop["$ref"])
        return f"[{name}](#{_anchor(name)})"
    if "const" in prop:
        return f"always {_literal(prop['const'])}"
    if "enum" in prop:
        return "one of " + ", ".join(_literal(value) for value in prop["enum"])
    for combinator in ("anyOf", "oneOf"):
        if combinator in prop:
            options = [type_text(option) for option in prop[combinator]]
            if "null" in options:  # "X or null" reads best with null last
                options = [o for o in options if o != "null"] + ["null"]
            return " or ".join(options)
    if "allOf" in prop and len(prop["allOf"]) == 1:
        return type_text(prop["allOf"][0])
    kind = prop.get("type")
    if isinstance(kind, list):
        return " or ".join(type_text({**prop, "type": k}) for k in kind)
    if kind == "array":
        items = prop.get("items")
        return f"list of {type_text(items)}" if items else "list"
    if kind == "object" and "additionalProperties" in prop and isinstance(
        prop["additionalProperties"], dict
    ):
        return f"object of {type_text(prop['additionalProperties'])}"
    text = kind or "any value"
    if "format" in prop:
        text = _FORMATS.get(prop["format"], f"{text} ({prop['format']})")
    bounds = []
    if "minimum" in prop:
        bounds.append(f"≥ {prop['minimum']}")
    if "exclusiveMinimum" in prop:
        bounds.append(f"> {prop['exclusiveMinimum']}")
    if "maximum" in prop:
        bounds.append(f"≤ {prop['maximum']}")
    if "exclusiveMaximum" in prop:
        bounds.append(f"< {prop['exclusiveMaximum']}")
    if bounds:
        text += " (" + ", ".join(bounds) + ")"
    return text


def _cell(text: str) -> str:
    """Text fit for a Markdown table cell: one line, pipes escaped, RST literals as code."""
    text = _RST_LITERAL.sub(r"`\1`", " ".join(text.split()))
    return text.replace("|", "\\|")


def _record_order(schema: dict) -> list[str]:
    """The root record, then every $defs record in the order they are first used."""
    defs = schema.get("$defs", {})
    root = schema.get("title", "Article")
    order = [root]
    queue = [schema]
    seen = {root}

    def refs(node: Any) -> list[str]:
        if isinstance(node, dict):
            found = [_ref_name(node["$ref"])] if "$ref" in node else []
            for value in node.values():
                found += refs(value)
            return found
        if isinstance(node, list):
            return [name for value in node for name in refs(value)]
        return []

    while queue:
        record = queue.pop(0)
        for name in refs(record.get("properties", {})):
            if name not in seen and name in defs:
                seen.add(name)
                order.append(name)
                queue.append(defs[name])
    return order + sorted(name for name in defs if name not in seen)


def _section(name: str, record: dict) -> list[str]:
    lines = [f"## {name}", ""]
    if record.get("description"):
        lines += [_cell(record["description"]), ""]
    properties = record.get("properties", {})
    if not properties:
        return lines + ["No fields.", ""]
    lines += ["| field | type | description |", "|---|---|---|"]
    for field, prop in properties.items():
        description = _cell(prop.get("description", ""))
        lines.append(f"| `{field}` | {_cell(type_text(prop))} | {description} |")
    return lines + [""]


def records_markdown(schema: dict | None = None) -> str:
    """The records reference as Markdown, from ``schema`` (default: the Article's schema)."""
    schema = article_json_schema() if schema is None else schema
    defs = schema.get("$defs", {})
    generated = (
        "<!-- Generated from the JSON Schema by `python -m newsfacts.reference > docs/records.md`;"
        " do not edit by hand. -->"
    )
    intro = (
        "What `extract` returns and `newsfacts extract` prints, generated from the JSON Schema "
        "of the wire format (`Article.model_dump(mode=\"json\")`, printed by `newsfacts schema`, "
        "committed as [schema.json](schema.json)). Every field is present in the output; "
        "a field whose type allows null is null when the article does not say."
    )
    lines = ["# Records", "", generated, "", intro, ""]
    contents = [f"- [{name}](#{_anchor(name)})" for name in _record_order(schema)]
    lines += contents + [""]
    for name in _record_order(schema):
        record = schema if name == schema.get("title", "Article") else defs[name]
        lines += _section(name, record)
    return "\n".join(lines)


def main() -> None:
    """Print the reference (``python -m newsfacts.reference > docs/records.md``)."""
    sys.stdout.buffer.write(records_markdown().encode("utf-8"))  # UTF-8 whatever the locale
    sys.stdout.flush()


if __name__ == "__main__":
    main()

"""The API reference as a web page, rendered on the server from the OpenAPI document itself.

No script and nothing from the internet: the page is plain HTML in the site's layout, so it
reads with a screen reader, prints, and always says what the code does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, current_app, render_template

blueprint = Blueprint("api_docs", __name__)
METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True, slots=True)
class FieldDoc:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True, slots=True)
class OperationDoc:
    method: str
    path: str
    summary: str
    anchor: str
    needs_token: bool
    parameters: list[FieldDoc]
    body: str | None
    responses: list[tuple[str, str, str | None]]  # status, description, schema name


@dataclass(slots=True)
class SectionDoc:
    name: str
    description: str
    operations: list[OperationDoc] = field(default_factory=list)


def _schema_name(schema: dict[str, Any] | None) -> str | None:
    ref = (schema or {}).get("$ref", "")
    return ref.rsplit("/", 1)[-1] if ref else None


def type_text(schema: dict[str, Any]) -> str:
    """A schema in a few words: "string", "list of Option", "integer or null"."""
    if "$ref" in schema:
        return _schema_name(schema) or "object"
    if "oneOf" in schema:
        return " or ".join(type_text(choice) for choice in schema["oneOf"])
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind] if kind else []
    words = []
    for name in kinds:
        if name == "array":
            words.append("list of " + type_text(schema.get("items", {})))
        elif name == "object" and "additionalProperties" in schema:
            words.append("object of " + type_text(schema["additionalProperties"] or {}))
        else:
            words.append(name)
    text = " or ".join(words) or "any JSON value"
    if "format" in schema:
        text += f" ({schema['format']})"
    if "enum" in schema:
        text += ": " + " | ".join(str(value) for value in schema["enum"] if value is not None)
    if "minimum" in schema or "maximum" in schema:
        text += f", {schema.get('minimum', '…')} to {schema.get('maximum', '…')}"
    if "minLength" in schema or "maxLength" in schema:
        text += f", {schema.get('minLength', 0)} to {schema.get('maxLength', '…')} characters"
    if "default" in schema:
        text += f"; default {schema['default']}"
    return text


def schema_fields(schema: dict[str, Any]) -> list[FieldDoc]:
    required = set(schema.get("required", []))
    return [
        FieldDoc(name, type_text(prop), name in required, prop.get("description", ""))
        for name, prop in schema.get("properties", {}).items()
    ]


def reference(spec: dict[str, Any]) -> tuple[list[SectionDoc], dict[str, list[FieldDoc]]]:
    """The document's operations grouped by tag, and its named schemas with their fields."""
    sections = {
        tag["name"]: SectionDoc(tag["name"], tag.get("description", "")) for tag in spec.get("tags", [])
    }
    global_security = spec.get("security", [])
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            parameters = [
                FieldDoc(
                    f"{p['name']} ({p['in']})",
                    type_text(p.get("schema", {})),
                    p.get("required", False),
                    p.get("description", ""),
                )
                for p in item.get("parameters", []) + operation.get("parameters", [])
            ]
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
            responses = []
            for status, response in sorted(operation.get("responses", {}).items()):
                response = _resolve(spec, response)
                content = response.get("content", {})
                schema = next(iter(content.values())).get("schema") if content else None
                responses.append((status, response.get("description", ""), _schema_name(schema)))
            tag = (operation.get("tags") or ["Other"])[0]
            section = sections.setdefault(tag, SectionDoc(tag, ""))
            section.operations.append(
                OperationDoc(
                    method.upper(),
                    path,
                    operation.get("summary", ""),
                    f"{method}-{path.strip('/').replace('/', '-').replace('{', '').replace('}', '')}",
                    bool(operation.get("security", global_security)),
                    parameters,
                    _schema_name(body.get("schema")),
                    responses,
                )
            )
    text = json.dumps(spec)
    schemas = {
        name: schema_fields(schema)
        for name, schema in spec.get("components", {}).get("schemas", {}).items()
        if f'"#/components/schemas/{name}"' in text  # flask-smorest also adds schemas nothing uses
    }
    return [section for section in sections.values() if section.operations], schemas


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if not ref:
        return node
    kind, name = ref.split("/")[-2:]
    return spec["components"][kind][name]


@blueprint.get("/api/v1/docs")
def reference_page() -> str:
    from quizapp.api import spec_of

    spec = spec_of(current_app)
    sections, schemas = reference(spec)
    return render_template("api/docs.html", spec=spec, sections=sections, schemas=schemas)

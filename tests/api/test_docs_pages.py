"""The OpenAPI document and the reference page drawn from it."""

from __future__ import annotations

import re

ISSUE_CONTRACT = {
    ("post", "/api/v1/auth/token"),
    ("delete", "/api/v1/auth/token"),
    ("get", "/api/v1/quizzes"),
    ("get", "/api/v1/quizzes/{quiz_id}/answer-key"),
    ("post", "/api/v1/quizzes/{quiz_id}/attempts"),
    ("put", "/api/v1/attempts/{attempt_id}/answers/{question_id}"),
    ("post", "/api/v1/attempts/{attempt_id}/submit"),
    ("get", "/api/v1/attempts/{attempt_id}"),
    ("get", "/api/v1/me/progress"),
    ("get", "/api/v1/flashcards/due"),
    ("post", "/api/v1/flashcards/{card_id}/reviews"),
    ("get", "/api/v1/exports/scores"),
    # issue 14: classes and assignments
    ("get", "/api/v1/classes"),
    ("get", "/api/v1/assignments"),
    ("post", "/api/v1/classes/{class_id}/assignments"),
    ("patch", "/api/v1/assignments/{assignment_id}"),
    ("delete", "/api/v1/assignments/{assignment_id}"),
    ("put", "/api/v1/assignments/{assignment_id}/accommodations/{username}"),
    ("delete", "/api/v1/assignments/{assignment_id}/accommodations/{username}"),
    # accommodations on every test of a class
    ("put", "/api/v1/classes/{class_id}/students/{username}/accommodation"),
    ("delete", "/api/v1/classes/{class_id}/students/{username}/accommodation"),
}


def operations(spec):
    return {
        (method, path) for path, item in spec["paths"].items() for method in item if method != "parameters"
    }


def test_the_document_describes_every_endpoint_with_bearer_auth(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.get_json()
    assert spec["openapi"] == "3.1.0"
    assert operations(spec) == ISSUE_CONTRACT
    assert spec["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "A token from POST /api/v1/auth/token",
    }
    assert spec["security"] == [{"bearerAuth": []}]
    assert spec["paths"]["/api/v1/auth/token"]["post"]["security"] == []  # logging in needs no token
    error = spec["components"]["schemas"]["Error"]
    assert error["required"] == ["error"]


def test_every_operation_documents_its_errors_with_the_one_error_shape(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    for method, path in ISSUE_CONTRACT:
        responses = spec["paths"][path][method]["responses"]
        if (method, path) != ("post", "/api/v1/auth/token"):
            assert "401" in responses, (method, path)
        for status, response in responses.items():
            if status.startswith("4") and "content" in response:
                assert response["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/Error"
                }


def test_the_reference_page_lists_every_operation_without_scripts(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for method, path in ISSUE_CONTRACT:
        assert f"<code>{method.upper()} {path}</code>" in html
    assert "<script" not in html and " style=" not in html
    assert 'id="schema-Attempt"' in html and 'id="schema-Error"' in html
    assert "list of StudentAssignment or Assignment" in html  # a list whose items differ by role
    assert "PaginationMetadata" not in html  # only schemas the document uses
    assert "integer, 1 to 200; default 20" in html  # ranges and defaults of parameters
    anchors = set(re.findall(r'href="#([^"]+)"', html))
    ids = set(re.findall(r'id="([^"]+)"', html))
    assert anchors <= ids  # every link on the page goes somewhere

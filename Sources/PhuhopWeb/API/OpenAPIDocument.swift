/// The OpenAPI 3.1 description of the JSON API, served at `/openapi.json`.
///
/// Written by hand beside the routes (`APIRoutes`); `OpenAPITests` checks that every API route
/// is described and every described path answers.
enum OpenAPIDocument {
    static let paths = ["/api/session", "/api/criteria", "/api/criteria/{id}", "/api/score", "/api/units", "/api/units/{id}/decisions"]

    static let text = """
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Phuhop API",
        "version": "1",
        "description": "Scores evidence against Vietnam's child-friendly standards (Decision 06/QĐ-TTg of 2019) and the safe-school, safe-home and safe-community checklists, and reads stored decisions. Texts are Vietnamese by default; add ?lang=en for English. A decision that rests on a provisional value has \\"provisional\\": true."
      },
      "servers": [{"url": "/"}],
      "security": [{"bearer": []}, {"cookie": []}],
      "components": {
        "securitySchemes": {
          "bearer": {"type": "http", "scheme": "bearer", "description": "The token from POST /api/session."},
          "cookie": {"type": "apiKey", "in": "cookie", "name": "phuhop_session", "description": "A browser's session; POSTs must then be application/json."}
        },
        "parameters": {
          "lang": {"name": "lang", "in": "query", "required": false, "schema": {"type": "string", "enum": ["vi", "en"]}, "description": "Language of texts (default vi)."}
        },
        "schemas": {
          "Error": {"type": "object", "required": ["error", "status"], "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}},
          "Problems": {"type": "object", "required": ["error", "status", "problems"], "properties": {
            "error": {"type": "string"}, "status": {"type": "integer"},
            "problems": {"type": "array", "items": {"type": "object", "required": ["line", "column", "field", "message"], "properties": {
              "line": {"type": "integer"}, "column": {"type": "integer"}, "field": {"type": "string"}, "message": {"type": "string"}}}}}},
          "Headline": {"type": "object", "required": ["id", "standard", "period", "outcome", "provisional", "maximum"], "properties": {
            "id": {"type": "integer"}, "standard": {"type": "string"}, "period": {"type": "string", "description": "FROM/TO as ISO dates"},
            "outcome": {"type": "string", "enum": ["recognized", "notRecognized", "undetermined"]}, "provisional": {"type": "boolean"},
            "total": {"type": ["integer", "null"]}, "maximum": {"type": "integer"}, "threshold": {"type": ["integer", "null"]},
            "class": {"type": ["string", "null"]}, "decidedAt": {"type": "string"}, "decidedBy": {"type": "string"}}},
          "Decision": {"type": "object", "description": "The decision as phuhop score --format json writes it: unit, period, standard, outcome, provisional, total, class, criteria with points, reasons and citations.",
            "required": ["unit", "period", "standard", "outcome", "provisional"], "properties": {
              "outcome": {"type": "string", "enum": ["recognized", "notRecognized", "undetermined", "pass", "notYetPassed"]},
              "provisional": {"type": "boolean"}, "total": {"type": ["integer", "null"]}}},
          "Evidence": {"type": "object", "description": "An evidence document, as the YAML/JSON files phuhop score reads (see Docs/user-guide.md).",
            "required": ["unit", "period"], "properties": {
              "standard": {"type": "string"}, "unit": {"type": "object"}, "period": {"type": "object", "properties": {"from": {"type": "string"}, "to": {"type": "string"}}},
              "facts": {"type": "object"}, "items": {"type": "object"}, "vetoEvents": {"type": "array"}, "assessment": {"type": "string", "enum": ["selfAssessment", "inspection"]}}},
          "Standard": {"type": "object", "required": ["id", "version", "kind", "title", "maximum", "criteria"], "properties": {
            "id": {"type": "string"}, "version": {"type": "string"}, "kind": {"type": "string", "enum": ["points", "checklist"]},
            "title": {"type": "string"}, "citation": {"type": "string"}, "maximum": {"type": "integer"},
            "unitTypes": {"type": "array", "items": {"type": "string"}},
            "criteria": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "number": {"type": "integer"}, "name": {"type": "string"}, "maximum": {"type": "integer"}, "provenance": {"type": "string"}}}},
            "attributes": {"type": "array", "items": {"type": "object"}}, "facts": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "type": {"type": "string"}, "name": {"type": "string"}}}}}}
        }
      },
      "paths": {
        "/api/session": {"post": {"summary": "Sign in; returns a bearer token", "security": [],
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["name", "password"], "properties": {"name": {"type": "string"}, "password": {"type": "string"}}}}}},
          "responses": {"200": {"description": "Signed in", "content": {"application/json": {"schema": {"type": "object", "required": ["token", "role", "expires"], "properties": {"token": {"type": "string"}, "role": {"type": "string"}, "expires": {"type": "string"}}}}}},
            "401": {"description": "Wrong name or password", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "429": {"description": "Too many failed sign-ins; see Retry-After", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
        "/api/criteria": {"get": {"summary": "List the standards", "parameters": [{"$ref": "#/components/parameters/lang"}],
          "responses": {"200": {"description": "The standards", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Standard"}}}}},
            "401": {"description": "Not signed in", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
        "/api/criteria/{id}": {"get": {"summary": "One standard, with its attributes and facts", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}, {"$ref": "#/components/parameters/lang"}],
          "responses": {"200": {"description": "The standard", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Standard"}}}},
            "401": {"description": "Not signed in", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "404": {"description": "No such standard", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
        "/api/score": {"post": {"summary": "Score an evidence payload (nothing is stored)",
          "parameters": [{"name": "standard", "in": "query", "required": false, "schema": {"type": "string"}, "description": "The standard; else the payload's standard key."}, {"$ref": "#/components/parameters/lang"}],
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Evidence"}}}},
          "responses": {"200": {"description": "The decision", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Decision"}}}},
            "400": {"description": "Not JSON, or no standard named", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "401": {"description": "Not signed in", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "404": {"description": "No such standard", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "422": {"description": "Invalid evidence, every problem with its line and field", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problems"}}}}}}},
        "/api/units": {"get": {"summary": "The units the caller may read, with their current decisions", "parameters": [{"$ref": "#/components/parameters/lang"}],
          "responses": {"200": {"description": "Units", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object", "required": ["id", "name", "unitType", "province", "decisions"], "properties": {
              "id": {"type": "string"}, "name": {"type": "string"}, "unitType": {"type": "string"}, "province": {"type": "string"}, "commune": {"type": ["string", "null"]},
              "decisions": {"type": "array", "items": {"$ref": "#/components/schemas/Headline"}}}}}}}},
            "401": {"description": "Not signed in", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
        "/api/units/{id}/decisions": {"get": {"summary": "A unit's current decisions, in full", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}, {"$ref": "#/components/parameters/lang"}],
          "responses": {"200": {"description": "Decisions", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object", "required": ["id", "decidedAt", "decidedBy", "decisionHash", "decision"], "properties": {
              "id": {"type": "integer"}, "decidedAt": {"type": "string"}, "decidedBy": {"type": "string"}, "decisionHash": {"type": "string"}, "decision": {"$ref": "#/components/schemas/Decision"}}}}}}},
            "401": {"description": "Not signed in", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "403": {"description": "Outside the caller's scope (logged)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "404": {"description": "No such unit", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}}
      }
    }
    """
}

//! Emitted code for small specs that each exercise one construct.

use super::{file, generate_from_text};

fn spec(definitions: &str, body_ref: &str, response_ref: &str) -> String {
    format!(
        r##"{{
  "swagger": "2.0",
  "info": {{ "title": "Focused", "version": "2020-01-01" }},
  "host": "management.azure.com",
  "schemes": ["https"],
  "paths": {{
    "/things/{{thingName}}": {{
      "put": {{
        "operationId": "Things_Put",
        "description": "Puts a thing.",
        "parameters": [
          {{ "name": "thingName", "in": "path", "required": true, "type": "string", "description": "The thing." }},
          {{ "name": "body", "in": "body", "required": true, "schema": {{ "$ref": "#/definitions/{body_ref}" }} }},
          {{ "name": "api-version", "in": "query", "required": true, "type": "string" }}
        ],
        "responses": {{
          "200": {{ "description": "OK", "schema": {{ "$ref": "#/definitions/{response_ref}" }} }}
        }}
      }}
    }}
  }},
  "definitions": {definitions}
}}"##
    )
}

#[test]
fn test_enum_fixed_and_extensible() {
    let defs = r##"{
      "Thing": { "type": "object", "description": "A thing.", "properties": {
        "color": { "type": "string", "enum": ["red", "dark-blue"], "x-ms-enum": { "name": "Color", "modelAsString": false, "values": [ { "value": "red", "description": "Warm." } ] } },
        "size": { "type": "string", "enum": ["S", "M"], "x-ms-enum": { "name": "Size", "modelAsString": true } }
      } }
    }"##;
    let generated = generate_from_text("enum", &spec(defs, "Thing", "Thing"), &[]);
    insta::assert_snapshot!("focused_enum", file(&generated, "src/models/enums.rs"));
}

#[test]
fn test_nested_model_with_inline_object_and_read_only() {
    let defs = r##"{
      "Outer": { "type": "object", "description": "Outer.", "required": ["name"], "properties": {
        "name": { "type": "string", "description": "Its name." },
        "id": { "type": "string", "readOnly": true, "description": "Set by the service." },
        "created": { "type": "string", "format": "date-time" },
        "inner": { "type": "object", "description": "Inline.", "properties": { "count": { "type": "integer", "format": "int64" } } },
        "tags": { "type": "object", "additionalProperties": { "type": "string" } },
        "items": { "type": "array", "items": { "$ref": "#/definitions/Outer" } }
      } }
    }"##;
    let generated = generate_from_text("nested", &spec(defs, "Outer", "Outer"), &[]);
    insta::assert_snapshot!("focused_nested", file(&generated, "src/models/models.rs"));
}

#[test]
fn test_keyword_and_colliding_property_names() {
    let defs = r##"{
      "Odd": { "type": "object", "properties": {
        "type": { "type": "string" }, "self": { "type": "string" }, "match": { "type": "boolean" },
        "async": { "type": "string" }, "crate": { "type": "string" }, "Self": { "type": "string" },
        "_": { "type": "string" }, "1st": { "type": "string" }, "a-b": { "type": "string" },
        "a b": { "type": "string" }, "": { "type": "string" }, "Name": { "type": "string" }, "name": { "type": "string" }
      } }
    }"##;
    let generated = generate_from_text("keywords", &spec(defs, "Odd", "Odd"), &[]);
    insta::assert_snapshot!("focused_keywords", file(&generated, "src/models/models.rs"));
}

/// OASIS repeatable requests: a POST that declares `Repeatability-Request-ID` and
/// `Repeatability-First-Sent` gets them filled by the client (not asked of the caller) and is
/// retried like an idempotent request; a POST without them is marked not idempotent; a PATCH
/// that declares only the first-sent time stays not idempotent.
#[test]
fn test_repeatability_headers_are_filled_by_the_client() {
    let text = r##"{
  "swagger": "2.0",
  "info": { "title": "Focused", "version": "2020-01-01" },
  "host": "management.azure.com",
  "schemes": ["https"],
  "paths": {
    "/jobs/{jobName}/start": {
      "post": {
        "operationId": "Jobs_Start",
        "description": "Starts a job.",
        "parameters": [
          { "name": "jobName", "in": "path", "required": true, "type": "string" },
          { "name": "Repeatability-Request-ID", "in": "header", "required": false, "type": "string", "description": "A unique id for the request." },
          { "name": "repeatability-first-sent", "in": "header", "required": true, "type": "string", "format": "date-time-rfc1123", "description": "When the request was first sent." },
          { "name": "api-version", "in": "query", "required": true, "type": "string" }
        ],
        "responses": { "202": { "description": "Accepted" } }
      }
    },
    "/jobs/{jobName}/stop": {
      "post": {
        "operationId": "Jobs_Stop",
        "description": "Stops a job.",
        "parameters": [
          { "name": "jobName", "in": "path", "required": true, "type": "string" },
          { "name": "api-version", "in": "query", "required": true, "type": "string" }
        ],
        "responses": { "202": { "description": "Accepted" } }
      }
    },
    "/jobs/{jobName}": {
      "patch": {
        "operationId": "Jobs_Touch",
        "description": "Touches a job.",
        "parameters": [
          { "name": "jobName", "in": "path", "required": true, "type": "string" },
          { "name": "Repeatability-First-Sent", "in": "header", "required": false, "type": "string" },
          { "name": "api-version", "in": "query", "required": true, "type": "string" }
        ],
        "responses": { "204": { "description": "No content" } }
      },
      "delete": {
        "operationId": "Jobs_Delete",
        "description": "Deletes a job.",
        "parameters": [
          { "name": "jobName", "in": "path", "required": true, "type": "string" },
          { "name": "api-version", "in": "query", "required": true, "type": "string" }
        ],
        "responses": { "204": { "description": "No content" } }
      }
    }
  },
  "definitions": {}
}"##;
    let generated = generate_from_text("repeatability", text, &[]);
    insta::assert_snapshot!(
        "focused_repeatability",
        file(&generated, "src/clients/jobs_client.rs")
    );
}

/// `x-ms-paths`: a path key with a query part sits beside the same path in `paths`; its
/// pairs are constant query parameters (no argument). `x-ms-client-name` renames a parameter
/// and a property in Rust; their wire names stay.
#[test]
fn test_x_ms_paths_and_client_names() {
    let text = r##"{
  "swagger": "2.0",
  "info": { "title": "Focused", "version": "2020-01-01" },
  "host": "management.azure.com",
  "schemes": ["https"],
  "paths": {
    "/jobs/{jobName}": {
      "get": {
        "operationId": "Jobs_Get",
        "description": "Gets a job.",
        "parameters": [
          { "name": "jobName", "in": "path", "required": true, "type": "string", "x-ms-client-name": "JobId" },
          { "name": "$expand", "in": "query", "required": false, "type": "string", "x-ms-client-name": "expandWhat" },
          { "name": "api-version", "in": "query", "required": true, "type": "string" }
        ],
        "responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/Job" } } }
      }
    }
  },
  "x-ms-paths": {
    "/jobs/{jobName}?op=restart&mode=soft": {
      "post": {
        "operationId": "Jobs_Restart",
        "description": "Restarts a job.",
        "parameters": [
          { "name": "jobName", "in": "path", "required": true, "type": "string" },
          { "name": "api-version", "in": "query", "required": true, "type": "string" }
        ],
        "responses": { "202": { "description": "Accepted" } }
      }
    }
  },
  "definitions": {
    "Job": { "type": "object", "description": "A job.", "properties": {
      "state": { "type": "string", "x-ms-client-name": "currentState", "description": "Where it is." },
      "type": { "type": "string", "x-ms-client-name": "Kind" }
    } }
  }
}"##;
    let generated = generate_from_text("x_ms_paths", text, &[]);
    insta::assert_snapshot!(
        "focused_x_ms_paths_client",
        file(&generated, "src/clients/jobs_client.rs")
    );
    insta::assert_snapshot!(
        "focused_x_ms_paths_models",
        file(&generated, "src/models/models.rs")
    );
}

/// `readOnly` and `x-ms-mutability`: a property neither created nor updated is read-only
/// (left out of request bodies); create-only and update-only properties say so in their docs.
#[test]
fn test_mutability() {
    let defs = r##"{
      "Thing": { "type": "object", "description": "A thing.", "properties": {
        "id": { "type": "string", "readOnly": true, "description": "Its id." },
        "etag": { "type": "string", "x-ms-mutability": ["read"], "description": "Its version." },
        "location": { "type": "string", "x-ms-mutability": ["create", "read"], "description": "Where it lives." },
        "secret": { "type": "string", "x-ms-mutability": ["update"], "description": "A new secret." },
        "tags": { "type": "string", "x-ms-mutability": ["create", "read", "update"], "description": "Its tags." }
      } }
    }"##;
    let generated = generate_from_text("mutability", &spec(defs, "Thing", "Thing"), &[]);
    insta::assert_snapshot!(
        "focused_mutability",
        file(&generated, "src/models/models.rs")
    );
}

/// Entity tags are typed: the `If-Match` / `If-None-Match` request headers (any case) and a
/// string `etag` property are `azure_core::http::Etag`; other headers stay strings.
#[test]
fn test_etags_are_typed() {
    let text = r##"{
  "swagger": "2.0",
  "info": { "title": "Focused", "version": "2020-01-01" },
  "host": "management.azure.com",
  "schemes": ["https"],
  "paths": {
    "/jobs/{jobName}": {
      "put": {
        "operationId": "Jobs_Put",
        "description": "Puts a job.",
        "parameters": [
          { "name": "jobName", "in": "path", "required": true, "type": "string" },
          { "name": "If-Match", "in": "header", "required": true, "type": "string", "description": "Only if it is this version." },
          { "name": "if-none-match", "in": "header", "required": false, "type": "string", "description": "Only if it is not this version." },
          { "name": "x-ms-client-tag", "in": "header", "required": false, "type": "string" },
          { "name": "body", "in": "body", "required": true, "schema": { "$ref": "#/definitions/Job" } },
          { "name": "api-version", "in": "query", "required": true, "type": "string" }
        ],
        "responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/Job" } } }
      }
    }
  },
  "definitions": {
    "Job": { "type": "object", "description": "A job.", "properties": {
      "eTag": { "type": "string", "readOnly": true, "description": "Its version." },
      "name": { "type": "string" }
    } }
  }
}"##;
    let generated = generate_from_text("etags", text, &[]);
    insta::assert_snapshot!(
        "focused_etags_client",
        file(&generated, "src/clients/jobs_client.rs")
    );
    insta::assert_snapshot!(
        "focused_etags_models",
        file(&generated, "src/models/models.rs")
    );
    insta::assert_snapshot!(
        "focused_etags_options",
        file(&generated, "src/models/method_options.rs")
    );
}

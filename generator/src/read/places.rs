//! What a JSON pointer into an OpenAPI 3 document names, told from the pointer alone by
//! walking the document's grammar: a schema (`…/responses/200/content/application~1json/schema`,
//! `#/components/schemas/A/definitions/b`), a parameter, a response, a request body, a
//! header, or something else. `$ref`s to any of the first five are followed wherever they
//! point; the steps that carry a name (a component, a property, an operation, a status
//! code) are kept, for the lower stage to name what it finds there.

/// The kind of node a pointer names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A schema (or a `$ref` to one).
    Schema,
    /// A parameter.
    Parameter,
    /// A response.
    Response,
    /// A request body.
    RequestBody,
    /// A header (of a response, or of an encoding).
    Header,
    /// Anything else (an operation, a property's `description`, ...).
    Other,
}

/// A step of the pointer that says something about what the node is called.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A name the document's author chose: a component, a property, a `definitions` or
    /// `$defs` entry, a header.
    Name(String),
    /// An operation: its path template and method.
    Operation(String, String),
    /// A path item's or an operation's parameter, by position.
    Parameter(usize),
    /// The response of a status code (or `default`).
    Status(String),
    /// An operation's request body.
    Request,
    /// An array's items.
    Item,
    /// A map's values (`additionalProperties`).
    Value,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum At {
    Doc,
    Paths,
    PathItem,
    Operation,
    Parameters,
    Parameter,
    Body,
    Responses,
    Response,
    Headers,
    Header,
    Content,
    Media,
    Components,
    ParameterMap,
    BodyMap,
    Schema,
    SchemaMap,
    SchemaList,
    Other,
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "patch", "delete", "head", "options", "trace",
];

/// The kind of node `tokens` (decoded pointer tokens) name in an OpenAPI 3 document, and the
/// steps on the way that carry names.
pub fn walk(tokens: &[String]) -> (Kind, Vec<Step>) {
    let mut at = At::Doc;
    let mut steps = Vec::new();
    let mut path = "";
    for token in tokens {
        let t = token.as_str();
        at = match at {
            At::Doc => match t {
                "paths" => At::Paths,
                "components" => At::Components,
                _ => At::Other,
            },
            At::Paths => {
                path = t;
                At::PathItem
            }
            At::PathItem => match t {
                "parameters" => At::Parameters,
                _ if METHODS.contains(&t) => {
                    steps.push(Step::Operation(path.to_string(), t.to_string()));
                    At::Operation
                }
                _ => At::Other,
            },
            At::Operation => match t {
                "parameters" => At::Parameters,
                "requestBody" => {
                    steps.push(Step::Request);
                    At::Body
                }
                "responses" => At::Responses,
                _ => At::Other,
            },
            At::Parameters => match t.parse::<usize>() {
                Ok(i) => {
                    steps.push(Step::Parameter(i));
                    At::Parameter
                }
                Err(_) => At::Other,
            },
            At::ParameterMap => {
                steps.push(Step::Name(t.to_string()));
                At::Parameter
            }
            At::Parameter | At::Header => match t {
                "schema" => At::Schema,
                "content" => At::Content,
                _ => At::Other,
            },
            At::Body => match t {
                "content" => At::Content,
                _ => At::Other,
            },
            At::BodyMap => {
                steps.push(Step::Name(t.to_string()));
                At::Body
            }
            At::Responses => {
                steps.push(Step::Status(t.to_string()));
                At::Response
            }
            At::Response => match t {
                "headers" => At::Headers,
                "content" => At::Content,
                _ => At::Other,
            },
            At::Headers => {
                steps.push(Step::Name(t.to_string()));
                At::Header
            }
            At::Content => At::Media,
            At::Media => match t {
                "schema" => At::Schema,
                _ => At::Other,
            },
            At::Components => match t {
                "schemas" => At::SchemaMap,
                "parameters" => At::ParameterMap,
                "requestBodies" => At::BodyMap,
                "responses" => At::Responses,
                "headers" => At::Headers,
                _ => At::Other,
            },
            At::Schema => match t {
                "properties" | "definitions" | "$defs" | "patternProperties" => At::SchemaMap,
                "items" => {
                    steps.push(Step::Item);
                    At::Schema
                }
                "additionalProperties" => {
                    steps.push(Step::Value);
                    At::Schema
                }
                "not" => At::Schema,
                "allOf" | "anyOf" | "oneOf" => At::SchemaList,
                _ => At::Other,
            },
            At::SchemaMap => {
                steps.push(Step::Name(t.to_string()));
                At::Schema
            }
            At::SchemaList => match t.parse::<usize>() {
                Ok(_) => At::Schema,
                Err(_) => At::Other,
            },
            At::Other => At::Other,
        };
        if at == At::Other {
            break;
        }
    }
    // Components' responses are named by their key, not a status code.
    if tokens.first().map(String::as_str) == Some("components") {
        for step in &mut steps {
            if let Step::Status(name) = step {
                *step = Step::Name(std::mem::take(name));
            }
        }
    }
    let kind = match at {
        At::Schema => Kind::Schema,
        At::Parameter => Kind::Parameter,
        At::Response => Kind::Response,
        At::Body => Kind::RequestBody,
        At::Header => Kind::Header,
        _ => Kind::Other,
    };
    (kind, steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(pointer: &str) -> (Kind, Vec<Step>) {
        walk(&crate::diagnostics::pointer_tokens(pointer).unwrap_or_default())
    }

    #[test]
    fn test_schemas_anywhere_are_told_from_other_nodes() {
        let (kind, steps) =
            of("#/paths/~1v2~1clicks/get/responses/401/content/application~1json/schema");
        assert_eq!(kind, Kind::Schema);
        assert_eq!(
            steps,
            [
                Step::Operation("/v2/clicks".into(), "get".into()),
                Step::Status("401".into())
            ]
        );
        let (kind, steps) = of("#/components/schemas/Balance/definitions/amounts/items");
        assert_eq!(kind, Kind::Schema);
        assert_eq!(
            steps,
            [
                Step::Name("Balance".into()),
                Step::Name("amounts".into()),
                Step::Item
            ]
        );
        let (kind, steps) = of(
            "#/components/responses/Invalid/content/application~1json/schema/properties/instance",
        );
        assert_eq!(kind, Kind::Schema);
        assert_eq!(
            steps,
            [Step::Name("Invalid".into()), Step::Name("instance".into())]
        );
        assert_eq!(of("#/components/schemas/A/$defs/B").0, Kind::Schema);
        assert_eq!(of("#/components/schemas/A/allOf/0/not").0, Kind::Schema);
        // A property called `properties` is a schema; the `properties` map itself is not.
        assert_eq!(
            of("#/components/schemas/A/properties/properties").0,
            Kind::Schema
        );
        assert_eq!(of("#/components/schemas/A/properties").0, Kind::Other);
        assert_eq!(of("#/components/schemas/A/description").0, Kind::Other);
        assert_eq!(of("#/paths/~1a/get").0, Kind::Other);
        assert_eq!(of("#/info/title").0, Kind::Other);
    }

    #[test]
    fn test_parameters_bodies_responses_and_headers_anywhere() {
        assert_eq!(of("#/paths/~1a~1{b}/parameters/0").0, Kind::Parameter);
        assert_eq!(of("#/paths/~1a/post/parameters/2").0, Kind::Parameter);
        assert_eq!(of("#/paths/~1a/post/parameters/x").0, Kind::Other);
        assert_eq!(of("#/paths/~1a/post/requestBody").0, Kind::RequestBody);
        assert_eq!(of("#/paths/~1a/post/responses/default").0, Kind::Response);
        assert_eq!(
            of("#/paths/~1a/post/responses/200/headers/ETag").0,
            Kind::Header
        );
        assert_eq!(
            of("#/components/responses/NotFound/headers/x").0,
            Kind::Header
        );
        assert_eq!(of("#/components/requestBodies/Thing").0, Kind::RequestBody);
        assert_eq!(of("#/components/parameters/top").0, Kind::Parameter);
    }
}

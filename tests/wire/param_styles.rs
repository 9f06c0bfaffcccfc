//! Arrays and objects in paths, queries and headers, sent as OpenAPI 3's `style` and `explode`
//! say (`specs/openapi/param-styles.json`): the exact request target and header values.

use param_styles_client::models::{Filter, Point, StylesClientQueryObjectsOptions};
use param_styles_client::{StylesClient, StylesClientOptions};
use tests::{client_options, ScriptedResponse, WireServer};

async fn client() -> (WireServer, StylesClient) {
    let server = WireServer::start(|_| ScriptedResponse::new(204)).await;
    let options = StylesClientOptions {
        client_options: client_options(),
        endpoint: Some(server.base_url().parse().unwrap()),
        ..Default::default()
    };
    let client = StylesClient::new(Some(options)).unwrap();
    (server, client)
}

fn point(x: i32, y: i32) -> Point {
    Point {
        x: Some(x),
        y: Some(y),
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[tokio::test]
async fn simple_path_values_are_one_encoded_segment() {
    let (server, client) = client().await;
    client
        .path_simple(strings(&["a", "b c"]), point(1, 2), point(3, -4), None)
        .await
        .unwrap();
    // `a,b c`, `x,1,y,2` and (exploded) `x=3,y=-4`, each percent-encoded as one segment.
    assert_eq!(
        server.single_request().target,
        "/simple/a%2Cb%20c/x%2C1%2Cy%2C2/x%3D3%2Cy%3D-4"
    );
}

#[tokio::test]
async fn label_and_matrix_path_values_keep_their_separators_and_encode_their_items() {
    let (server, client) = client().await;
    client
        .path_label(
            strings(&["a", "b/c"]),
            strings(&["a", "b"]),
            point(1, 2),
            point(3, 4),
            None,
        )
        .await
        .unwrap();
    client
        .path_matrix(
            strings(&["a", "b"]),
            strings(&["a", "b;c"]),
            point(1, 2),
            point(3, 4),
            None,
        )
        .await
        .unwrap();
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(
        targets,
        [
            "/label/.a,b%2Fc.a.b.x,1,y,2.x=3.y=4",
            "/matrix/;ids=a,b;idsx=a;idsx=b%3Bc;point=x,1,y,2;x=3;y=4",
        ]
    );
}

#[tokio::test]
async fn query_arrays_are_joined_or_repeated_as_their_style_says() {
    let (server, client) = client().await;
    client
        .query_arrays(
            strings(&["a", "b"]),
            strings(&["c", "d"]),
            strings(&["e", "f"]),
            strings(&["g", "h"]),
            strings(&["i", "j"]),
            None,
        )
        .await
        .unwrap();
    let request = server.single_request();
    assert_eq!(
        request.query(),
        Some("form=a%2Cb&space=e+f&pipe=g%7Ch&formx=c&formx=d&plain=i&plain=j")
    );
}

#[tokio::test]
async fn query_objects_are_joined_paired_or_deep_as_their_style_says() {
    let (server, client) = client().await;
    let options = StylesClientQueryObjectsOptions {
        filter: Some(Filter {
            name: Some("n 1".into()),
            since: Some(time::macros::date!(2024 - 01 - 02)),
            active: None,
        }),
        ..Default::default()
    };
    client
        .query_objects(point(1, 2), point(3, 4), point(5, 6), Some(options))
        .await
        .unwrap();
    client
        .query_objects(point(1, 2), point(3, 4), point(5, 6), None)
        .await
        .unwrap();
    let requests = server.requests();
    // The pairs as a form decoder reads them.
    let pairs = |i: usize| -> Vec<(String, String)> {
        let target = format!("http://localhost{}", requests[i].target);
        let url = azure_core::http::Url::parse(&target).unwrap();
        url.query_pairs().into_owned().collect()
    };
    let expected = |extra: &[(&str, &str)]| -> Vec<(String, String)> {
        [
            ("form", "x,1,y,2"),
            ("x", "3"),
            ("y", "4"),
            ("deep[x]", "5"),
            ("deep[y]", "6"),
        ]
        .iter()
        .chain(extra)
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
    };
    // An absent field (`active`) is left out; a date is its text.
    assert_eq!(
        pairs(0),
        expected(&[("filter[name]", "n 1"), ("filter[since]", "2024-01-02")])
    );
    assert_eq!(pairs(1), expected(&[]));
    assert_eq!(
        requests[1].query(),
        Some("form=x%2C1%2Cy%2C2&x=3&y=4&deep%5Bx%5D=5&deep%5By%5D=6")
    );
}

#[tokio::test]
async fn header_arrays_and_objects_are_simple_values() {
    let (server, client) = client().await;
    client
        .headers(strings(&["a", "b"]), point(1, 2), point(3, 4), None)
        .await
        .unwrap();
    let request = server.single_request();
    assert_eq!(request.header("x-ids"), Some("a,b"));
    assert_eq!(request.header("x-point"), Some("x,1,y,2"));
    assert_eq!(request.header("x-point-exploded"), Some("x=3,y=4"));
}

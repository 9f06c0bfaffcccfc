//! `media_types.json`: one body in several media types (the caller's choice decides the
//! `content-type`), text bodies both ways, and a `content-type` with parameters.

use crate::support::{Env, Outcome, Scenario};
use autorest_media_types::models::*;
use autorest_media_types::*;
use azure_core::http::{RequestContent, StatusCode};
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    crate::scenarios![
        analyze_json => ["MediaTypeJson"],
        analyze_pdf => ["MediaTypePdf"],
        analyze_no_accept => ["MediaTypesAnalyzeBodyNoAcceptHeader"],
        content_type_with_encoding => ["MediaTypeWithEncoding"],
        two_content_types => ["MediaTypesTwoContentTypes"],
        three_content_types => ["MediaTypesThreeContentTypes"],
        three_body_types => ["MediaTypesThreeBodyTypes"],
    ]
}

fn client(env: &Env) -> azure_core::Result<MediaTypesClientClient> {
    MediaTypesClientClient::new(Some(MediaTypesClientClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
}

fn source() -> azure_core::Result<RequestContent<SourcePath>> {
    SourcePath {
        source: Some("https://example.com/doc.pdf".into()),
    }
    .try_into()
}

/// The model as `application/json`; the server answers a JSON string.
async fn analyze_json(env: Arc<Env>) -> Outcome {
    let options = MediaTypesClientClientAnalyzeBodyOptions {
        input: Some(AnalyzeBodyContent::Json(source()?)),
        ..Default::default()
    };
    let answer = client(&env)?.analyze_body(Some(options)).await?;
    assert_eq!(answer.into_model()?, "Nice job with JSON");
    Ok(())
}

/// Raw bytes as `application/pdf`.
async fn analyze_pdf(env: Arc<Env>) -> Outcome {
    let options = MediaTypesClientClientAnalyzeBodyOptions {
        input: Some(AnalyzeBodyContent::Pdf(RequestContent::from_static(b"PDF"))),
        ..Default::default()
    };
    let answer = client(&env)?.analyze_body(Some(options)).await?;
    assert_eq!(answer.into_model()?, "Nice job with PDF");
    Ok(())
}

/// Both media types, answered 202 with no body.
async fn analyze_no_accept(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    for input in [
        AnalyzeBodyNoAcceptHeaderContent::Json(source()?),
        AnalyzeBodyNoAcceptHeaderContent::Pdf(RequestContent::from_static(b"PDF")),
    ] {
        let options = MediaTypesClientClientAnalyzeBodyNoAcceptHeaderOptions {
            input: Some(input),
            ..Default::default()
        };
        let answer = client.analyze_body_no_accept_header(Some(options)).await?;
        assert_eq!(answer.status(), StatusCode::Accepted);
    }
    Ok(())
}

/// Text sent with the declared `text/plain; charset=UTF-8`, parameters and case kept.
async fn content_type_with_encoding(env: Arc<Env>) -> Outcome {
    let options = MediaTypesClientClientContentTypeWithEncodingOptions {
        input: Some("hello".to_string()),
        ..Default::default()
    };
    let answer = client(&env)?
        .content_type_with_encoding(Some(options))
        .await?;
    assert_eq!(
        answer.into_model()?,
        "Nice job sending content type with encoding"
    );
    Ok(())
}

/// A binary body sent as JSON bytes or as `application/octet-stream`; the `text/plain`
/// answer is read as text (here empty).
async fn two_content_types(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    for message in [
        BinaryBodyWithTwoContentTypesContent::Json(RequestContent::from_static(
            br#"{"hello":"world"}"#,
        )),
        BinaryBodyWithTwoContentTypesContent::OctetStream(RequestContent::from(vec![1, 2, 3])),
    ] {
        let answer = client
            .binary_body_with_two_content_types(message, None)
            .await?;
        assert_eq!(answer.status(), StatusCode::Ok);
        assert_eq!(answer.into_model()?, "");
    }
    Ok(())
}

async fn three_content_types(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    for message in [
        BinaryBodyWithThreeContentTypesContent::Json(RequestContent::from_static(
            br#"{"hello":"world"}"#,
        )),
        BinaryBodyWithThreeContentTypesContent::OctetStream(RequestContent::from(vec![1, 2, 3])),
        BinaryBodyWithThreeContentTypesContent::TextPlain(RequestContent::from_static(
            b"hello, world",
        )),
    ] {
        let answer = client
            .binary_body_with_three_content_types(message, None)
            .await?;
        assert_eq!(answer.status(), StatusCode::Ok);
    }
    Ok(())
}

/// One body as a JSON value, raw bytes or text.
async fn three_body_types(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    for message in [
        BodyThreeTypesContent::Json(serde_json::json!({ "hello": "world" }).try_into()?),
        BodyThreeTypesContent::OctetStream(RequestContent::from(vec![1, 2, 3])),
        BodyThreeTypesContent::TextPlain("hello, world".to_string()),
    ] {
        let answer = client.body_three_types(message, None).await?;
        assert_eq!(answer.status(), StatusCode::Ok);
    }
    Ok(())
}

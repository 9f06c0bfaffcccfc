//! `body-formdata.json`: a file uploaded as a `multipart/form-data` field and as the raw body,
//! echoed back as a stream.

use crate::support::{Env, Outcome, Scenario};
use autorest_body_formdata::*;
use azure_core::http::RequestContent;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    // `StreamUploadFile` and `FormdataStreamUploadFile` are counted under `/report/optional`,
    // not `/report`.
    crate::scenarios![upload_file_via_body => [], upload_file_via_form => []]
}

fn client(env: &Env) -> azure_core::Result<FormdataClient> {
    FormdataClient::new(Some(FormdataClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
}

async fn upload_file_via_form(env: Arc<Env>) -> Outcome {
    // The server reads the multipart body and echoes the file part's bytes.
    let content = azure_core::Bytes::from_static(b"Test file content in a form");
    let response = client(&env)?
        .formdata_upload_file(content, "UploadFile.txt", None)
        .await?;
    let echoed = response.into_body().collect().await?;
    assert_eq!(&echoed[..], b"Test file content in a form");
    Ok(())
}

async fn upload_file_via_body(env: Arc<Env>) -> Outcome {
    let body = RequestContent::from_static(b"Test file content");
    let response = client(&env)?
        .formdata_upload_file_via_body(body, None)
        .await?;
    let echoed = response.into_body().collect().await?;
    assert_eq!(&echoed[..], b"Test file content");
    Ok(())
}

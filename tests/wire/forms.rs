//! Wire tests for form bodies (`formData` parameters): the exact
//! `application/x-www-form-urlencoded` text and `multipart/form-data` parts sent.

use tests::{client_options, ScriptedResponse, WireServer};

#[tokio::test]
async fn urlencoded_fields_are_encoded_in_order_with_constants_and_without_absent_options() {
    use autorest_body_formdata_urlencoded::{models::*, *};
    let server = WireServer::with_responses([ScriptedResponse::new(200)]).await;
    let client = FormsdataurlencodedClient::new(Some(FormsdataurlencodedClientOptions {
        endpoint: Some(server.base_url().parse().unwrap()),
        client_options: client_options(),
        ..Default::default()
    }))
    .unwrap();
    let options = FormsdataurlencodedClientFormdataurlencodedUpdatePetWithFormOptions {
        name: Some("Fido & co/ü ok".into()),
        ..Default::default()
    };
    client
        .formdataurlencoded_update_pet_with_form(7, PetType::Dog, PetFood::Meat, 42, Some(options))
        .await
        .unwrap();
    let request = server.single_request();
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/formsdataurlencoded/pet/add/7");
    assert_eq!(
        request.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    // Spaces are `+`, reserved and non-ASCII bytes percent-encoded; `status` was not given.
    assert_eq!(
        String::from_utf8(request.body.clone()).unwrap(),
        "pet_type=dog&pet_food=meat&pet_age=42&name=Fido+%26+co%2F%C3%BC+ok"
    );
}

#[tokio::test]
async fn a_constant_form_field_is_sent_without_being_asked_for() {
    use autorest_body_formdata_urlencoded::*;
    let server = WireServer::with_responses([ScriptedResponse::new(200)]).await;
    let client = BodyFormsDataUrlEncodedClient::new(Some(BodyFormsDataUrlEncodedClientOptions {
        endpoint: Some(server.base_url().parse().unwrap()),
        client_options: client_options(),
        ..Default::default()
    }))
    .unwrap();
    client
        .formdataurlencoded_partial_constant_body("registry", "token", None)
        .await
        .unwrap();
    let request = server.single_request();
    assert_eq!(
        String::from_utf8(request.body.clone()).unwrap(),
        "grant_type=access_token&service=registry&access_token=token"
    );
}

#[tokio::test]
async fn multipart_parts_carry_each_field_and_the_file_bytes_as_given() {
    use autorest_body_formdata::*;
    let server = WireServer::with_responses([ScriptedResponse::new(200)]).await;
    let client = FormdataClient::new(Some(FormdataClientOptions {
        endpoint: Some(server.base_url().parse().unwrap()),
        client_options: client_options(),
        ..Default::default()
    }))
    .unwrap();
    let bytes = azure_core::Bytes::from_static(b"\x00\xffbinary\r\n--not a boundary");
    client
        .formdata_upload_file(bytes.clone(), "a.txt", None)
        .await
        .unwrap();
    let request = server.single_request();
    let content_type = request.header("content-type").unwrap();
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap_or_else(|| panic!("{content_type}"));
    let mut expected = Vec::new();
    expected.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"fileContent\"; filename=\"fileContent\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
    );
    expected.extend_from_slice(&bytes);
    expected.extend_from_slice(
        format!("\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"fileName\"\r\n\r\na.txt\r\n--{boundary}--\r\n").as_bytes(),
    );
    assert_eq!(request.body, expected);
    // Each request has a boundary of its own, found nowhere in the parts.
    assert!(!bytes
        .windows(boundary.len())
        .any(|w| w == boundary.as_bytes()));
}

#[tokio::test]
async fn a_list_of_files_is_one_part_per_file() {
    use autorest_body_formdata::*;
    let server = WireServer::with_responses([ScriptedResponse::new(200)]).await;
    let client = FormdataClient::new(Some(FormdataClientOptions {
        endpoint: Some(server.base_url().parse().unwrap()),
        client_options: client_options(),
        ..Default::default()
    }))
    .unwrap();
    let files = vec![
        azure_core::Bytes::from_static(b"one"),
        azure_core::Bytes::from_static(b"two"),
    ];
    client.formdata_upload_files(files, None).await.unwrap();
    let body = String::from_utf8(server.single_request().body).unwrap();
    assert_eq!(
        body.matches("name=\"fileContent\"; filename=\"fileContent\"")
            .count(),
        2
    );
    assert!(
        body.contains("\r\n\r\none\r\n") && body.contains("\r\n\r\ntwo\r\n"),
        "{body}"
    );
}

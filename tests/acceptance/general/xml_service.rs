//! `xml-service.json`: XML bodies both ways through azure_core's `xml` feature: element and
//! attribute names, text content, wrapped and unwrapped arrays, arrays at the root, empty
//! elements, and the Storage service's shapes.

use crate::support::{Env, Outcome, Scenario};
use autorest_xml_service::models::*;
use autorest_xml_service::*;
use azure_core::http::StatusCode;
use azure_core::time::{parse_rfc3339, OffsetDateTime};
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    crate::scenarios![
        xml_simple => ["GetSimpleXML", "PutSimpleXML"],
        xml_wrapped_lists => ["GetWrappedXMLList", "PutWrappedXMLList"],
        xml_empty_list => ["GetEmptyXMLList", "PutEmptyXMLList"],
        xml_empty_wrapped_lists => ["GetEmptyWrappedXMLList", "PutEmptyWrappedXMLList"],
        xml_root_list => ["GetXMLListAtRoot", "PutXMLListAtRoot"],
        xml_root_list_single => ["GetXMLListAtRootSingle", "PutXMLListAtRootSingle"],
        xml_empty_root_list => ["GetEmptyXMLListAtRoot", "PutEmptyXMLListAtRoot"],
        xml_empty_child_element => ["GetXMLEmptyNode", "PutXMLEmptyNode"],
        xml_ref_no_meta => ["GetRootWithRefAndNoMetaXML", "PutRootWithRefAndNoMetaXML"],
        xml_ref_with_meta => ["GetRootWithRefAndMetaXML", "PutRootWithRefAndMetaXML"],
        xml_json_in_xml_service => ["jsonInputInXMLSwagger", "jsonOutputInXMLSwagger"],
        xml_text_content => ["GetWithXMsText"],
        xml_bytes => ["XmlGetBytes", "XmlPutBytes"],
        xml_url => ["XmlGetUrl", "XmlPutUrl"],
        storage_list_containers => ["StorageListContainersXML"],
        storage_service_properties => ["StorageGetServicePropertiesXML", "StoragePutServicePropertiesXML"],
        storage_container_acl => ["StorageGetContainerACLXML", "StoragePutContainerACLXML"],
        storage_list_blobs => ["StorageListBlobsXML"],
    ]
}

fn client(env: &Env) -> azure_core::Result<XmlOperationsClient> {
    XmlOperationsClient::new(Some(XmlOperationsClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
}

fn slide(title: &str, items: Option<&[&str]>) -> Slide {
    Slide {
        type_: Some("all".into()),
        title: Some(title.into()),
        items: items.map(|i| i.iter().map(|s| s.to_string()).collect()),
    }
}

/// Attributes, repeated `<slide>` and `<item>` elements (no wrapper), an empty `<item>`.
async fn xml_simple(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    let show = client.xml_get_simple(None).await?.into_model()?;
    assert_eq!(show.title.as_deref(), Some("Sample Slide Show"));
    assert_eq!(show.date.as_deref(), Some("Date of publication"));
    assert_eq!(show.author.as_deref(), Some("Yours Truly"));
    let slides = show.slides.as_deref().unwrap_or_default();
    assert_eq!(slides.len(), 2);
    assert_eq!(slides[0].type_.as_deref(), Some("all"));
    assert_eq!(
        slides[0].title.as_deref(),
        Some("Wake up to WonderWidgets!")
    );
    assert_eq!(slides[0].items, None);
    assert_eq!(
        slides[1].items.as_deref(),
        Some(
            &[
                "Why WonderWidgets are great".to_string(),
                String::new(),
                "Who buys WonderWidgets".to_string()
            ][..]
        )
    );
    let sent = Slideshow {
        title: Some("Sample Slide Show".into()),
        date: Some("Date of publication".into()),
        author: Some("Yours Truly".into()),
        slides: Some(vec![
            slide("Wake up to WonderWidgets!", None),
            slide(
                "Overview",
                Some(&["Why WonderWidgets are great", "", "Who buys WonderWidgets"]),
            ),
        ]),
    };
    let answer = client.xml_put_simple(sent.try_into()?, None).await?;
    assert_eq!(answer.status(), StatusCode::Created);
    Ok(())
}

/// Arrays inside a wrapper element, each item an `<Apple>`.
async fn xml_wrapped_lists(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    let barrel = client.xml_get_wrapped_lists(None).await?.into_model()?;
    assert_eq!(
        barrel.good_apples,
        Some(vec!["Fuji".to_string(), "Gala".to_string()])
    );
    assert_eq!(barrel.bad_apples, Some(vec!["Red Delicious".to_string()]));
    let answer = client
        .xml_put_wrapped_lists(barrel.try_into()?, None)
        .await?;
    assert_eq!(answer.status(), StatusCode::Created);
    Ok(())
}

/// An element with no children: no slides.
async fn xml_empty_list(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    let show = client.xml_get_empty_list(None).await?.into_model()?;
    assert_eq!(show.slides.as_deref().unwrap_or_default().len(), 0);
    assert_eq!(show.title, None);
    let answer = client
        .xml_put_empty_list(Slideshow::default().try_into()?, None)
        .await?;
    assert_eq!(answer.status(), StatusCode::Created);
    Ok(())
}

/// Wrapper elements present and empty (`<GoodApples></GoodApples>`, `<BadApples/>`).
async fn xml_empty_wrapped_lists(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    let barrel = client
        .xml_get_empty_wrapped_lists(None)
        .await?
        .into_model()?;
    assert_eq!(barrel.good_apples, Some(Vec::new()));
    assert_eq!(barrel.bad_apples, Some(Vec::new()));
    let sent = AppleBarrel {
        good_apples: Some(Vec::new()),
        bad_apples: Some(Vec::new()),
    };
    let answer = client
        .xml_put_empty_wrapped_lists(sent.try_into()?, None)
        .await?;
    assert_eq!(answer.status(), StatusCode::Created);
    Ok(())
}

fn banana(name: &str, flavor: &str, expiration: &str) -> azure_core::Result<Banana> {
    Ok(Banana {
        name: Some(name.into()),
        flavor: Some(flavor.into()),
        expiration: Some(parse_rfc3339(expiration)?),
    })
}

fn expiration() -> OffsetDateTime {
    parse_rfc3339("2018-02-28T00:40:00.123Z").unwrap()
}

/// An array at the root: `<bananas>` holding `<banana>` elements.
async fn xml_root_list(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    let bananas = client.xml_get_root_list(None).await?.into_model()?;
    let items = bananas.banana.as_deref().unwrap_or_default();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].name.as_deref(), Some("Cavendish"));
    assert_eq!(items[0].flavor.as_deref(), Some("Sweet"));
    assert_eq!(items[0].expiration, Some(expiration()));
    assert_eq!(items[1].name.as_deref(), Some("Plantain"));
    assert_eq!(items[1].flavor.as_deref(), Some("Savory"));
    let sent = Bananas {
        banana: Some(vec![
            banana("Cavendish", "Sweet", "2018-02-28T00:40:00.123Z")?,
            banana("Plantain", "Savory", "2018-02-28T00:40:00.123Z")?,
        ]),
    };
    let answer = client.xml_put_root_list(sent.try_into()?, None).await?;
    assert_eq!(answer.status(), StatusCode::Created);
    Ok(())
}

async fn xml_root_list_single(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    let bananas = client
        .xml_get_root_list_single_item(None)
        .await?
        .into_model()?;
    let items = bananas.banana.as_deref().unwrap_or_default();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].name.as_deref(), Some("Cavendish"));
    let sent = Bananas {
        banana: Some(vec![banana(
            "Cavendish",
            "Sweet",
            "2018-02-28T00:40:00.123Z",
        )?]),
    };
    let answer = client
        .xml_put_root_list_single_item(sent.try_into()?, None)
        .await?;
    assert_eq!(answer.status(), StatusCode::Created);
    Ok(())
}

async fn xml_empty_root_list(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    let bananas = client.xml_get_empty_root_list(None).await?.into_model()?;
    assert_eq!(bananas.banana.as_deref().unwrap_or_default().len(), 0);
    let answer = client
        .xml_put_empty_root_list(Bananas::default().try_into()?, None)
        .await?;
    assert_eq!(answer.status(), StatusCode::Created);
    Ok(())
}

/// `<flavor></flavor>`: an empty string, not a missing value.
async fn xml_empty_child_element(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    let banana_got = client
        .xml_get_empty_child_element(None)
        .await?
        .into_model()?;
    assert_eq!(banana_got.name.as_deref(), Some("Unknown Banana"));
    assert_eq!(banana_got.flavor.as_deref(), Some(""));
    assert_eq!(
        banana_got.expiration,
        Some(parse_rfc3339("2012-02-24T00:53:52.789Z")?)
    );
    let sent = banana("Unknown Banana", "", "2012-02-24T00:53:52.789Z")?;
    let answer = client
        .xml_put_empty_child_element(sent.try_into()?, None)
        .await?;
    assert_eq!(answer.status(), StatusCode::Created);
    Ok(())
}

/// A property referring to a model with no XML name: the element is the property's name.
async fn xml_ref_no_meta(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    let root = client
        .xml_get_complex_type_ref_no_meta(None)
        .await?
        .into_model()?;
    assert_eq!(
        root.ref_to_model.as_ref().and_then(|m| m.id.as_deref()),
        Some("myid")
    );
    assert_eq!(root.something.as_deref(), Some("else"));
    let answer = client
        .xml_put_complex_type_ref_no_meta(root.try_into()?, None)
        .await?;
    assert_eq!(answer.status(), StatusCode::Created);
    Ok(())
}

/// A property referring to a model with an XML name: the element is the model's name
/// (`<XMLComplexTypeWithMeta>`).
async fn xml_ref_with_meta(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    let root = client
        .xml_get_complex_type_ref_with_meta(None)
        .await?
        .into_model()?;
    assert_eq!(
        root.ref_to_model.as_ref().and_then(|m| m.id.as_deref()),
        Some("myid")
    );
    assert_eq!(root.something.as_deref(), Some("else"));
    let answer = client
        .xml_put_complex_type_ref_with_meta(root.try_into()?, None)
        .await?;
    assert_eq!(answer.status(), StatusCode::Created);
    Ok(())
}

/// JSON operations in an XML service stay JSON.
async fn xml_json_in_xml_service(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    let answer = client
        .xml_json_input(JsonInput { id: Some(42) }.try_into()?, None)
        .await?;
    assert_eq!(answer.status(), StatusCode::Ok);
    let output = client.xml_json_output(None).await?.into_model()?;
    assert_eq!(output.id, Some(42));
    Ok(())
}

/// An attribute next to the element's text (`x-ms-text`).
async fn xml_text_content(env: Arc<Env>) -> Outcome {
    let client =
        AutoRestSwaggerBatXmlServiceClient::new(Some(AutoRestSwaggerBatXmlServiceClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        }))?;
    let data = client.xml_get_x_ms_text(None).await?.into_model()?;
    assert_eq!(data.language.as_deref(), Some("english"));
    assert_eq!(data.content.as_deref(), Some("I am text"));
    Ok(())
}

async fn xml_bytes(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    let model = client.xml_get_bytes(None).await?.into_model()?;
    // `SGVsbG8gd29ybGQ=` on the wire.
    assert_eq!(model.bytes.as_deref(), Some(&b"Hello world"[..]));
    let answer = client.xml_put_binary(model.try_into()?, None).await?;
    assert_eq!(answer.status(), StatusCode::Created);
    Ok(())
}

async fn xml_url(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    let model = client.xml_get_uri(None).await?.into_model()?;
    assert_eq!(
        model.url.as_deref(),
        Some("https://myaccount.blob.core.windows.net/")
    );
    let answer = client.xml_put_uri(model.try_into()?, None).await?;
    assert_eq!(answer.status(), StatusCode::Created);
    Ok(())
}

/// `GET /xml/?comp=list`: the query part of the path key is sent as it is declared.
async fn storage_list_containers(env: Arc<Env>) -> Outcome {
    let list = client(&env)?
        .xml_list_containers(None)
        .await?
        .into_model()?;
    assert_eq!(
        list.service_endpoint.as_deref(),
        Some("https://myaccount.blob.core.windows.net/")
    );
    assert_eq!(list.max_results, Some(3));
    assert_eq!(list.next_marker.as_deref(), Some("video"));
    let containers = list.containers.as_deref().unwrap_or_default();
    let names: Vec<&str> = containers
        .iter()
        .filter_map(|c| c.name.as_deref())
        .collect();
    assert_eq!(names, ["audio", "images", "textfiles"]);
    let first = containers[0].properties.as_ref().expect("properties");
    assert_eq!(
        first.etag.as_ref().map(ToString::to_string).as_deref(),
        Some("0x8CACB9BD7C6B1B2")
    );
    assert_eq!(first.public_access, Some(PublicAccessType::Container));
    assert_eq!(
        containers[1]
            .properties
            .as_ref()
            .and_then(|p| p.public_access.as_ref()),
        None
    );
    Ok(())
}

fn retention() -> RetentionPolicy {
    RetentionPolicy {
        enabled: Some(true),
        days: Some(7),
    }
}

fn metrics(include_apis: bool) -> Metrics {
    Metrics {
        version: Some("1.0".into()),
        enabled: Some(true),
        include_ap_is: Some(include_apis),
        retention_policy: Some(retention()),
    }
}

async fn storage_service_properties(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    let properties = client
        .xml_get_service_properties(None)
        .await?
        .into_model()?;
    let logging = properties.logging.as_ref().expect("logging");
    assert_eq!(logging.version.as_deref(), Some("1.0"));
    assert_eq!(
        (logging.delete, logging.read, logging.write),
        (Some(true), Some(false), Some(true))
    );
    assert_eq!(
        logging.retention_policy.as_ref().and_then(|r| r.days),
        Some(7)
    );
    assert_eq!(
        properties
            .hour_metrics
            .as_ref()
            .and_then(|m| m.include_ap_is),
        Some(false)
    );
    assert_eq!(
        properties
            .minute_metrics
            .as_ref()
            .and_then(|m| m.include_ap_is),
        Some(true)
    );
    let sent = StorageServiceProperties {
        logging: Some(Logging {
            version: Some("1.0".into()),
            delete: Some(true),
            read: Some(false),
            write: Some(true),
            retention_policy: Some(retention()),
        }),
        hour_metrics: Some(metrics(false)),
        minute_metrics: Some(metrics(true)),
        ..Default::default()
    };
    let answer = client
        .xml_put_service_properties(sent.try_into()?, None)
        .await?;
    assert_eq!(answer.status(), StatusCode::Created);
    Ok(())
}

/// A wrapped array at the root (`<SignedIdentifiers>`), with dates.
async fn storage_container_acl(env: Arc<Env>) -> Outcome {
    let client = client(&env)?;
    let acl = client.xml_get_acls(None).await?.into_model()?;
    let ids = acl.signed_identifier.as_deref().unwrap_or_default();
    assert_eq!(ids.len(), 1);
    assert_eq!(
        ids[0].id.as_deref(),
        Some("MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=")
    );
    let policy = ids[0].access_policy.as_ref().expect("access policy");
    assert_eq!(
        policy.start,
        Some(parse_rfc3339("2009-09-28T08:49:37.123Z")?)
    );
    assert_eq!(
        policy.expiry,
        Some(parse_rfc3339("2009-09-29T08:49:37.123Z")?)
    );
    assert_eq!(policy.permission.as_deref(), Some("rwd"));
    let answer = client.xml_put_acls(acl.try_into()?, None).await?;
    assert_eq!(answer.status(), StatusCode::Created);
    Ok(())
}

/// Blobs with their properties and free-form metadata elements.
async fn storage_list_blobs(env: Arc<Env>) -> Outcome {
    let list = client(&env)?.xml_list_blobs(None).await?.into_model()?;
    assert_eq!(
        list.container_name.as_deref(),
        Some("https://myaccount.blob.core.windows.net/mycontainer")
    );
    let blobs = list
        .blobs
        .as_ref()
        .and_then(|b| b.blob.as_deref())
        .unwrap_or_default();
    assert_eq!(blobs.len(), 5);
    assert_eq!(blobs[0].name.as_deref(), Some("blob1.txt"));
    let properties = blobs[0].properties.as_ref().expect("properties");
    assert_eq!(properties.content_length, Some(100));
    assert_eq!(properties.blob_type, Some(BlobType::BlockBlob));
    assert_eq!(properties.lease_status, Some(LeaseStatus::Unlocked));
    let metadata = &blobs[0]
        .metadata
        .as_ref()
        .expect("metadata")
        .additional_properties;
    assert_eq!(metadata.get("Color").map(String::as_str), Some("blue"));
    assert_eq!(metadata.get("BlobNumber").map(String::as_str), Some("01"));
    assert_eq!(
        blobs[1].snapshot.as_deref(),
        Some("2009-09-09T09:20:03.0427659Z")
    );
    assert_eq!(
        blobs[1]
            .metadata
            .as_ref()
            .and_then(|m| m.additional_properties.get("x-ms-invalid-name"))
            .map(String::as_str),
        Some("nasdf$@#$$")
    );
    assert_eq!(
        blobs[4]
            .properties
            .as_ref()
            .and_then(|p| p.blob_sequence_number),
        Some(3)
    );
    assert_eq!(
        blobs[4].properties.as_ref().and_then(|p| p.lease_status),
        Some(LeaseStatus::Locked)
    );
    assert_eq!(list.next_marker.as_deref(), Some(""));
    Ok(())
}

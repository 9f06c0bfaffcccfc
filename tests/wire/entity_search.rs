//! The Bing Entity Search client (`tests/azure/entitysearch`, generated from the real
//! Cognitive Services spec): the API key header, and a response whose entities and places are
//! decoded through the `_type`-discriminated unions of its deep `Thing` hierarchy.

use azure_cognitiveservices_entitysearch::models::{
    ContractualRulesContractualRuleUnion, EntitiesClientSearchOptions, EntityScenario, EntityType,
    ErrorCode, ErrorResponse, SafeSearch, SearchResponse, ThingUnion, XBingApisSdk,
};
use azure_cognitiveservices_entitysearch::{EntitiesClient, EntitiesClientOptions};
use azure_core::credentials::Secret;
use azure_core::http::Url;
use serde_json::json;
use tests::{client_options, ScriptedResponse, WireServer};

const KEY: &str = "bing-key-3e9f";

fn client(server: &WireServer) -> EntitiesClient {
    let options = EntitiesClientOptions {
        endpoint: Some(Url::parse(&format!("{}/bing/v7.0", server.base_url())).unwrap()),
        client_options: client_options(),
        ..Default::default()
    };
    EntitiesClient::new(Secret::new(KEY), Some(options)).unwrap()
}

/// A search answer as Bing sends it: every object names its kind in `_type`.
fn answer() -> serde_json::Value {
    json!({
        "_type": "SearchResponse",
        "queryContext": { "_type": "QueryContext", "originalQuery": "pizza near pike place" },
        "entities": {
            "_type": "Entities",
            "queryScenario": "DominantEntity",
            "value": [{
                "_type": "Place",
                "id": "https://api.cognitive.microsoft.com/api/v7/#Entities.0",
                "name": "Pike Place Market",
                "bingId": "b1",
                "image": {
                    "_type": "ImageObject",
                    "contentUrl": "https://example.test/market.jpg",
                    "width": 640,
                    "thumbnail": { "_type": "ImageObject", "width": 50 }
                },
                "entityPresentationInfo": {
                    "entityScenario": "DominantEntity",
                    "entityTypeHints": ["Attraction", "Market"]
                },
                "contractualRules": [{
                    "_type": "ContractualRules/LicenseAttribution",
                    "targetPropertyName": "description",
                    "licenseNotice": "Text under CC-BY-SA license",
                    "license": { "_type": "License", "name": "CC-BY-SA", "url": "https://example.test/l" }
                }, {
                    "_type": "ContractualRules/LinkAttribution",
                    "text": "Wikipedia",
                    "url": "https://example.test/w"
                }]
            }]
        },
        "places": {
            "_type": "Places",
            "value": [{
                "_type": "Restaurant",
                "name": "Pizzeria on Pike",
                "telephone": "(206) 555-0100",
                "address": { "_type": "PostalAddress", "addressLocality": "Seattle", "addressCountry": "US" },
                "acceptsReservations": true,
                "servesCuisine": ["Pizza", "Italian"]
            }, {
                "_type": "Hotel",
                "name": "Market Inn",
                "hotelClass": "3",
                "amenities": ["Wifi"]
            }, {
                "_type": "MovieTheater",
                "name": "Pike Cinema",
                "screenCount": 6
            }, {
                "_type": "Stadium",
                "name": "A kind this version does not know"
            }]
        }
    })
}

#[tokio::test]
async fn a_search_sends_the_key_and_decodes_each_entity_and_place_as_its_own_kind() {
    let server = WireServer::with_responses([ScriptedResponse::json(200, &answer())]).await;
    let options = EntitiesClientSearchOptions {
        safe_search: Some(SafeSearch::Strict),
        market: Some("en-US".to_string()),
        ..Default::default()
    };
    let response: SearchResponse = client(&server)
        .search(XBingApisSdk::True, "pizza near pike place", Some(options))
        .await
        .unwrap()
        .into_model()
        .unwrap();

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "GET");
    assert_eq!(request.path(), "/bing/v7.0/entities");
    assert_eq!(
        request.query_pairs(),
        [
            ("mkt".to_string(), "en-US".to_string()),
            ("q".to_string(), "pizza+near+pike+place".to_string()),
            ("SafeSearch".to_string(), "Strict".to_string()),
        ]
    );
    assert_eq!(request.header("ocp-apim-subscription-key"), Some(KEY));
    assert_eq!(request.header("x-bingapis-sdk"), Some("true"));
    assert_eq!(request.header("authorization"), None);

    assert_eq!(
        response.query_context.unwrap().original_query.as_deref(),
        Some("pizza near pike place")
    );
    let entities = response.entities.unwrap();
    let entities: [ThingUnion; 1] = entities.value.unwrap().try_into().unwrap();
    let [ThingUnion::Place(place)] = entities else {
        panic!("the entity is a `Place`");
    };
    assert_eq!(place.name.as_deref(), Some("Pike Place Market"));
    // `Thing.image` reaches a descendant of `Thing` (ImageObject -> MediaObject ->
    // CreativeWork -> Thing), boxed, and so does the image's own `thumbnail`.
    let image = place.image.unwrap();
    assert_eq!(image.width, Some(640));
    assert_eq!(image.thumbnail.unwrap().width, Some(50));
    let info = place.entity_presentation_info.unwrap();
    assert_eq!(info.entity_scenario, Some(EntityScenario::DominantEntity));
    assert_eq!(
        info.entity_type_hints.unwrap(),
        [
            EntityType::Attraction,
            EntityType::UnknownValue("Market".to_string())
        ]
    );
    use ContractualRulesContractualRuleUnion as Rule;
    let rules: [Rule; 2] = place.contractual_rules.unwrap().try_into().unwrap();
    let [Rule::ContractualRulesLicenseAttribution(license), Rule::ContractualRulesLinkAttribution(link)] =
        rules
    else {
        panic!("a license attribution, then a link attribution");
    };
    assert_eq!(license.target_property_name.as_deref(), Some("description"));
    assert_eq!(license.license.unwrap().name.as_deref(), Some("CC-BY-SA"));
    assert_eq!(link.text.as_deref(), Some("Wikipedia"));

    let places: [ThingUnion; 4] = response.places.unwrap().value.unwrap().try_into().unwrap();
    let [ThingUnion::Restaurant(restaurant), ThingUnion::Hotel(hotel), ThingUnion::MovieTheater(cinema), ThingUnion::Unknown(other)] =
        places
    else {
        panic!("a restaurant, a hotel, a movie theater and an unknown kind, in order");
    };
    assert_eq!(restaurant.name.as_deref(), Some("Pizzeria on Pike"));
    assert_eq!(restaurant.accepts_reservations, Some(true));
    assert_eq!(
        restaurant.serves_cuisine.as_deref(),
        Some(&["Pizza".to_string(), "Italian".to_string()][..])
    );
    let address = restaurant.address.unwrap();
    assert_eq!(address.address_locality.as_deref(), Some("Seattle"));
    assert_eq!(hotel.hotel_class.as_deref(), Some("3"));
    assert_eq!(cinema.screen_count, Some(6));
    assert_eq!(other.get("_type"), Some(&json!("Stadium")));
    assert_eq!(
        other.get("name"),
        Some(&json!("A kind this version does not know"))
    );
}

#[tokio::test]
async fn a_refused_key_is_an_error_response_with_its_codes() {
    let server = WireServer::with_responses([ScriptedResponse::json(
        401,
        &json!({
            "_type": "ErrorResponse",
            "errors": [{
                "code": "InvalidAuthorization",
                "subCode": "AuthorizationMissing",
                "message": "Authorization is required."
            }]
        }),
    )])
    .await;
    let error = client(&server)
        .search(XBingApisSdk::True, "pizza", None)
        .await
        .unwrap_err();
    let body = ErrorResponse::try_from(error).unwrap();
    let errors = body.errors.unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code, Some(ErrorCode::InvalidAuthorization));
    assert_eq!(
        errors[0].message.as_deref(),
        Some("Authorization is required.")
    );
}

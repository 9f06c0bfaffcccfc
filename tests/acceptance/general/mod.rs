//! The general half of the test server (`/report`): one module per Swagger file, as in
//! `azure/`, each with a `scenarios()` list that this module joins.

mod body_array;
mod body_binary;
mod body_boolean;
mod body_byte;
mod body_date;
mod body_datetime;
mod body_datetime_rfc1123;
mod body_dictionary;
mod body_duration;
mod body_file;
mod body_formdata;
mod body_formdata_urlencoded;
mod body_integer;
mod body_number;
mod body_string;
mod body_time;
mod custom_base_url;
mod error_with_secrets;
mod head_exceptions;
mod header;
mod http_infrastructure;
mod media_types;
mod merge_patch;
mod primitives;
mod security_aad;
mod security_key;
mod url;
mod url_multi_collection_format;
mod xml_service;
mod xms_error_responses;

use crate::support::Scenario;

mod additional_properties;
mod any_type;
mod body_complex;
mod constants;
mod extensible_enums;
mod model_flattening;
mod multiple_inheritance;
mod non_string_enum;
mod required_optional;
mod reserved_words;

/// Every general scenario this suite drives, with the counters each must raise.
pub fn scenarios() -> Vec<Scenario> {
    let mut all = Vec::new();
    all.extend(additional_properties::scenarios());
    all.extend(any_type::scenarios());
    all.extend(body_complex::scenarios());
    all.extend(extensible_enums::scenarios());
    all.extend(multiple_inheritance::scenarios());
    all.extend(constants::scenarios());
    all.extend(model_flattening::scenarios());
    all.extend(non_string_enum::scenarios());
    all.extend(required_optional::scenarios());
    all.extend(reserved_words::scenarios());
    all.extend(body_binary::scenarios());
    all.extend(body_file::scenarios());
    all.extend(body_formdata::scenarios());
    all.extend(body_formdata_urlencoded::scenarios());
    all.extend(media_types::scenarios());
    all.extend(merge_patch::scenarios());
    all.extend(error_with_secrets::scenarios());
    all.extend(xml_service::scenarios());
    all.extend(http_infrastructure::scenarios());
    all.extend(header::scenarios());
    all.extend(xms_error_responses::scenarios());
    all.extend(head_exceptions::scenarios());
    all.extend(body_boolean::scenarios());
    all.extend(body_byte::scenarios());
    all.extend(body_date::scenarios());
    all.extend(body_datetime::scenarios());
    all.extend(body_datetime_rfc1123::scenarios());
    all.extend(body_duration::scenarios());
    all.extend(body_integer::scenarios());
    all.extend(body_number::scenarios());
    all.extend(body_string::scenarios());
    all.extend(body_time::scenarios());
    all.extend(body_array::scenarios());
    all.extend(body_dictionary::scenarios());
    all.extend(url::scenarios());
    all.extend(url_multi_collection_format::scenarios());
    all.extend(security_key::scenarios());
    all.extend(security_aad::scenarios());
    all.extend(custom_base_url::scenarios());
    all
}

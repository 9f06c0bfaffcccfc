//! The general half of the test server (`/report`): one module per Swagger file, as in
//! `azure/`, each with a `scenarios()` list that this module joins.

mod body_binary;
mod body_file;
mod body_formdata;
mod custom_base_url;
mod head_exceptions;
mod http_infrastructure;
mod media_types;
mod xml_service;
mod xms_error_responses;

use crate::support::Scenario;

/// Every general scenario this suite drives, with the counters each must raise.
pub fn scenarios() -> Vec<Scenario> {
    let mut all = Vec::new();
    all.extend(body_binary::scenarios());
    all.extend(body_file::scenarios());
    all.extend(body_formdata::scenarios());
    all.extend(media_types::scenarios());
    all.extend(xml_service::scenarios());
    all.extend(http_infrastructure::scenarios());
    all.extend(xms_error_responses::scenarios());
    all.extend(head_exceptions::scenarios());
    all.extend(custom_base_url::scenarios());
    all
}

//! `src/formats.rs` of a generated crate whose types have wire formats of their own (dates,
//! times, durations, bytes): one type per format with the serde functions, the text of URL and
//! header values and the response format of bodies that are such values. The fixed part of the
//! module is Rust source kept beside this file; the impls each format repeats are made here.

use proc_macro2::TokenStream;
use quote::quote;

/// The fixed part of the module.
const TEMPLATE: &str = include_str!("formats_template.rs.txt");

/// Each format of the module: its type, the Rust type of its values, and whether a value is a
/// JSON string of its text (all but Unix time, a number).
fn formats() -> [(&'static str, TokenStream, bool); 8] {
    [
        ("Rfc3339", quote!(OffsetDateTime), true),
        ("Rfc1123", quote!(OffsetDateTime), true),
        ("UnixTime", quote!(OffsetDateTime), false),
        ("Date", quote!(time::Date), true),
        ("Time", quote!(time::Time), true),
        ("Duration", quote!(azure_core::time::Duration), true),
        ("Base64", quote!(Vec<u8>), true),
        ("Base64Url", quote!(Vec<u8>), true),
    ]
}

/// The `formats` module.
pub fn module() -> TokenStream {
    // The template is fixed text that every generated crate with formats compiles; should it
    // ever fail to parse, the module has only the per-format items and the build says what is
    // missing.
    let fixed: TokenStream = TEMPLATE.parse().unwrap_or_default();
    let items = formats().into_iter().map(|(name, scalar, string)| {
        let format = super::tokens::ident(name);
        let functions = quote! {
            impl #format {
                /// Writes `value` (for `#[serde(with = "...")]`).
                pub fn serialize<T: Encoded<Self>, S: Serializer>(value: &T, serializer: S) -> std::result::Result<S::Ok, S::Error> {
                    value.encode(serializer)
                }

                /// Reads a value (for `#[serde(with = "...")]`).
                pub fn deserialize<'de, T: Encoded<Self>, D: Deserializer<'de>>(deserializer: D) -> std::result::Result<T, D::Error> {
                    T::decode(deserializer)
                }

                /// `value` as text, for a path, query or header.
                pub fn text<T: Text<Self>>(value: &T) -> String {
                    value.to_text()
                }

                /// Reads a value from its text (e.g. a response header).
                pub fn parse<T: Text<Self>>(text: &str) -> Result<T> {
                    T::from_text(text)
                }

                /// `value` as a JSON request body.
                pub fn json<T: Encoded<Self>>(value: &T) -> Result<azure_core::Bytes> {
                    to_json::<Self, T>(value)
                }
            }
        };
        let bodies = quote! {
            impl DeserializeWith<JsonAs<#format>> for #scalar {
                fn deserialize_with(body: ResponseBody) -> Result<Self> {
                    from_body::<#format, Self>(&body)
                }
            }

            impl<T: Encoded<#format>> DeserializeWith<JsonAs<#format>> for Option<T> {
                fn deserialize_with(body: ResponseBody) -> Result<Self> {
                    from_body::<#format, Self>(&body)
                }
            }

            impl<T: Encoded<#format>> DeserializeWith<JsonAs<#format>> for Vec<T> {
                fn deserialize_with(body: ResponseBody) -> Result<Self> {
                    from_body::<#format, Self>(&body)
                }
            }

            impl<T: Encoded<#format>> DeserializeWith<JsonAs<#format>> for HashMap<String, T> {
                fn deserialize_with(body: ResponseBody) -> Result<Self> {
                    from_body::<#format, Self>(&body)
                }
            }
        };
        let text = string.then(|| {
            quote! {
                impl Encoded<#format> for #scalar {
                    fn encode<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
                        serializer.serialize_str(&Text::<#format>::to_text(self))
                    }

                    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
                        let text = String::deserialize(deserializer)?;
                        <Self as Text<#format>>::from_text(&text).map_err(serde::de::Error::custom)
                    }
                }
            }
        });
        quote!(#functions #bodies #text)
    });
    quote! {
        #fixed
        #(#items)*
    }
}

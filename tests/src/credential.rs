//! A fixed-token [`TokenCredential`] that records the scopes it was asked for.

use azure_core::{
    credentials::{AccessToken, TokenCredential, TokenRequestOptions},
    time::{Duration, OffsetDateTime},
};
use std::{fmt, sync::Mutex};

/// The token [`RecordingCredential::new`] hands out.
pub const TEST_TOKEN: &str = "wire-test-secret-token-0c6f1e";

/// A [`TokenCredential`] returning a fixed secret token that expires in one
/// hour, recording every scopes slice it is asked for. Its `Debug` output
/// never contains the token.
pub struct RecordingCredential {
    token: String,
    scopes: Mutex<Vec<Vec<String>>>,
}

impl RecordingCredential {
    /// A credential handing out [`TEST_TOKEN`].
    pub fn new() -> Self {
        Self::with_token(TEST_TOKEN)
    }

    /// A credential handing out `token`.
    pub fn with_token(token: impl Into<String>) -> Self {
        Self {
            token: token.into(),
            scopes: Mutex::new(Vec::new()),
        }
    }

    /// The secret token this credential hands out.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// The scopes of every `get_token` call, in call order.
    pub fn requested_scopes(&self) -> Vec<Vec<String>> {
        self.scopes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// How many times `get_token` was called.
    pub fn call_count(&self) -> usize {
        self.requested_scopes().len()
    }
}

impl Default for RecordingCredential {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for RecordingCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecordingCredential")
            .field("token", &"<redacted>")
            .field("calls", &self.call_count())
            .finish()
    }
}

#[async_trait::async_trait]
impl TokenCredential for RecordingCredential {
    async fn get_token(
        &self,
        scopes: &[&str],
        _options: Option<TokenRequestOptions<'_>>,
    ) -> azure_core::Result<AccessToken> {
        self.scopes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(scopes.iter().map(|scope| scope.to_string()).collect());
        Ok(AccessToken::new(
            self.token.clone(),
            OffsetDateTime::now_utc() + Duration::hours(1),
        ))
    }
}

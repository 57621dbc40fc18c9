//! Requests per client address. The counters live in each node's memory, as DESIGN.md
//! says: they keep one address from flooding a node. What must hold across nodes — guessing
//! passwords — is counted in the database (`accounts::throttle`).
//!
//! The limit is generous on purpose: a whole police academy or NGO office may share one
//! address behind its router.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::response::IntoResponse;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};

use super::{forwarded_for, AppError, Message};
use crate::config::Config;

/// The client's address, as [`super::ClientIp`] decides it.
#[derive(Clone, Copy, Debug)]
pub struct ClientKey {
    trust_proxy: bool,
}

impl KeyExtractor for ClientKey {
    type Key = IpAddr;

    fn extract<T>(&self, req: &Request<T>) -> Result<IpAddr, GovernorError> {
        if self.trust_proxy {
            if let Some(ip) = forwarded_for(req.headers()) {
                return Ok(ip);
            }
        }
        req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip()).ok_or(GovernorError::UnableToExtractKey)
    }
}

pub type Layer = GovernorLayer<ClientKey, governor::middleware::NoOpMiddleware<governor::clock::QuantaInstant>, Body>;

/// The limiting layer for `config`: `rate_limit_burst` requests at once, refilled at
/// `rate_limit_per_minute`. Its answer is our own 429 page (in the viewer's language, with
/// `Retry-After`), so it sits inside the error-rendering middleware.
pub fn layer(config: &Config) -> Layer {
    let per_request = Duration::from_secs(60) / config.rate_limit_per_minute.max(1);
    let governor = GovernorConfigBuilder::default()
        .key_extractor(ClientKey { trust_proxy: config.trust_proxy })
        .period(per_request)
        .burst_size(config.rate_limit_burst.max(1))
        .finish()
        .expect("period and burst are positive");
    let limiter = governor.limiter().clone();
    // Forget addresses that have been quiet, so the table does not grow without end.
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        runtime.spawn(async move {
            let mut interval = tokio::time::interval(Duration::from_secs(60));
            loop {
                interval.tick().await;
                limiter.retain_recent();
            }
        });
    }
    GovernorLayer::new(governor).error_handler(|error| match error {
        GovernorError::TooManyRequests { wait_time, .. } => {
            let mut response = AppError::TooMany(Message::new("error-rate-limited")).into_response();
            if let Ok(value) = wait_time.max(1).to_string().parse() {
                response.headers_mut().insert(axum::http::header::RETRY_AFTER, value);
            }
            response
        }
        _ => AppError::Internal(anyhow::anyhow!("no client address for rate limiting")).into_response(),
    })
}

//! Static assets, embedded in the binary and served from our own origin with a content
//! hash in the URL, so they can be cached for a year.

use std::sync::OnceLock;

use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::AppError;
use crate::web::Routes;

/// Each asset: the stem of its name, its extension, its content type and its bytes.
const ASSETS: &[(&str, &str, &str, &str)] = &[
    ("app", "css", "text/css; charset=utf-8", include_str!("../../static/app.css")),
    // Pan and zoom for the network map.
    ("map", "js", JS, include_str!("../../static/map.js")),
    // Escape twice for the quick exit.
    ("exit", "js", JS, include_str!("../../static/exit.js")),
    // Asks the browser for a passkey on the pages that use one.
    ("passkey", "js", JS, include_str!("../../static/passkey.js")),
    // A conversation's live delivery.
    ("chat", "js", JS, include_str!("../../static/chat.js")),
];
const JS: &str = "text/javascript; charset=utf-8";
const ICON: &str = include_str!("../../static/icon.svg");

fn short_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// The hashed names of the assets, in the order of [`ASSETS`].
fn names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        ASSETS
            .iter()
            .map(|(stem, ext, _, body)| format!("/static/{stem}.{}.{ext}", short_hash(body.as_bytes())))
            .collect()
    })
}

fn url_of(stem: &str) -> &'static str {
    let at = ASSETS.iter().position(|(s, ..)| *s == stem).expect("a known asset");
    &names()[at]
}

/// `/static/app.<hash>.css`
pub fn css_url() -> &'static str {
    url_of("app")
}

pub fn map_js_url() -> &'static str {
    url_of("map")
}

pub fn exit_js_url() -> &'static str {
    url_of("exit")
}

pub fn passkey_js_url() -> &'static str {
    url_of("passkey")
}

pub fn chat_js_url() -> &'static str {
    url_of("chat")
}

async fn asset(Path(name): Path<String>) -> Result<Response, AppError> {
    let (body, content_type) = match names().iter().position(|n| n.strip_prefix("/static/") == Some(name.as_str())) {
        Some(at) => (ASSETS[at].3, ASSETS[at].2),
        None if name == "icon.svg" => (ICON, "image/svg+xml; charset=utf-8"),
        None => return Err(AppError::NotFound),
    };
    Ok(([(CONTENT_TYPE, content_type), (CACHE_CONTROL, "public, max-age=31536000, immutable")], body).into_response())
}

pub fn routes() -> Routes {
    vec![("/static/{name}", get(asset))]
}

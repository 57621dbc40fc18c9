//! Static assets, embedded in the binary and served from our own origin with a content
//! hash in the URL, so they can be cached for a year.

use std::sync::OnceLock;

use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::AppError;
use crate::web::Routes;

const CSS: &str = include_str!("../../static/app.css");
const ICON: &str = include_str!("../../static/icon.svg");
const MAP_JS: &str = include_str!("../../static/map.js");
const EXIT_JS: &str = include_str!("../../static/exit.js");
const PASSKEY_JS: &str = include_str!("../../static/passkey.js");

fn short_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// `/static/app.<hash>.css`
pub fn css_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| format!("/static/app.{}.css", short_hash(CSS.as_bytes())))
}

/// `/static/map.<hash>.js`: pan and zoom for the network map.
pub fn map_js_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| format!("/static/map.{}.js", short_hash(MAP_JS.as_bytes())))
}

/// `/static/exit.<hash>.js`: Escape twice for the quick exit.
pub fn exit_js_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| format!("/static/exit.{}.js", short_hash(EXIT_JS.as_bytes())))
}

/// `/static/passkey.<hash>.js`: asks the browser for a passkey on the pages that use one.
pub fn passkey_js_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| format!("/static/passkey.{}.js", short_hash(PASSKEY_JS.as_bytes())))
}

async fn asset(Path(name): Path<String>) -> Result<Response, AppError> {
    let (body, content_type) = if css_url().ends_with(&format!("/{name}")) {
        (CSS, "text/css; charset=utf-8")
    } else if map_js_url().ends_with(&format!("/{name}")) {
        (MAP_JS, "text/javascript; charset=utf-8")
    } else if exit_js_url().ends_with(&format!("/{name}")) {
        (EXIT_JS, "text/javascript; charset=utf-8")
    } else if passkey_js_url().ends_with(&format!("/{name}")) {
        (PASSKEY_JS, "text/javascript; charset=utf-8")
    } else if name == "icon.svg" {
        (ICON, "image/svg+xml; charset=utf-8")
    } else {
        return Err(AppError::NotFound);
    };
    Ok(([(CONTENT_TYPE, content_type), (CACHE_CONTROL, "public, max-age=31536000, immutable")], body).into_response())
}

pub fn routes() -> Routes {
    vec![("/static/{name}", get(asset))]
}

//! The language and time-zone switches, the quick exit, search discovery and the health
//! endpoints.

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Json;
use serde::Deserialize;

use crate::on_db;
use crate::web::session::{cookie_header, LANG_COOKIE};
use crate::web::zone::ZONE_COOKIE;
use crate::web::Routes;
use crate::web::{safe_next, AppResult, AppState, Form, Locale, Page};

pub const TEMPLATES: &[(&str, &str)] = &[];

pub fn routes() -> Routes {
    vec![
        ("/language", post(set_language)),
        ("/timezone", post(set_zone)),
        ("/exit", get(exit_page).post(quick_exit)),
        ("/opensearch.xml", get(opensearch)),
        ("/healthz", get(healthz)),
        ("/readyz", get(readyz)),
    ]
}

/// The OpenSearch description, so that browsers can search the network from the address bar.
async fn opensearch(State(state): State<AppState>) -> Response {
    let base = state.config.base_url.as_str();
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('"', "&quot;");
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n\
         <ShortName>Roundtable</ShortName>\n\
         <Description>Roundtable</Description>\n\
         <InputEncoding>UTF-8</InputEncoding>\n\
         <Image width=\"64\" height=\"64\" type=\"image/svg+xml\">{}static/icon.svg</Image>\n\
         <Url type=\"text/html\" method=\"get\" template=\"{}search?q={{searchTerms}}\"/>\n\
         </OpenSearchDescription>\n",
        escape(base),
        escape(base)
    );
    ([(axum::http::header::CONTENT_TYPE, "application/opensearchdescription+xml; charset=utf-8")], body).into_response()
}

#[derive(Deserialize)]
struct LanguageForm {
    #[serde(default)]
    lang: String,
    next: Option<String>,
}

async fn set_language(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<LanguageForm>,
) -> AppResult<Response> {
    let locale = Locale::parse(&form.lang).ok_or(crate::web::AppError::invalid("error-unknown-language"))?;
    if let Some(id) = page.viewer.id() {
        // Remembered on the account too, for e-mails in the member's language.
        on_db!(&state.db, pool => sqlx::query("UPDATE users SET locale = $1 WHERE id = $2").bind(locale.tag()).bind(id).execute(pool).await.map(crate::db::affected))?;
    }
    let cookie = cookie_header(&state, LANG_COOKIE, locale.tag(), Some(365 * 86400));
    Ok(([(SET_COOKIE, cookie)], Redirect::to(&safe_next(form.next.as_deref()))).into_response())
}

#[derive(Deserialize)]
struct ZoneForm {
    #[serde(default)]
    zone: String,
    next: Option<String>,
}

/// Remember the zone a viewer wants times shown in (a cookie; nothing is stored). An empty
/// choice goes back to the network's zone.
async fn set_zone(State(state): State<AppState>, Form(form): Form<ZoneForm>) -> AppResult<Response> {
    let next = safe_next(form.next.as_deref());
    let cookie = if form.zone.trim().is_empty() {
        cookie_header(&state, ZONE_COOKIE, "", Some(0))
    } else {
        let zone: chrono_tz::Tz =
            form.zone.trim().parse().map_err(|_| crate::web::AppError::invalid("error-event-time-zone"))?;
        cookie_header(&state, ZONE_COOKIE, zone.name(), Some(365 * 86_400))
    };
    Ok(([(SET_COOKIE, cookie)], Redirect::to(&next)).into_response())
}

/// The quick exit: ends this browser's session at once, asks the browser to forget what it
/// kept of this site, and leaves for a page that says nothing of the network.
async fn quick_exit(State(state): State<AppState>, page: Page, Form(_): Form<Empty>) -> AppResult<Response> {
    if let Some(user) = page.viewer.user() {
        crate::web::session::end(&state.db, user.session_id).await?;
    }
    let clear = cookie_header(&state, crate::web::session::SESSION_COOKIE, "", Some(0));
    let forget = axum::http::HeaderValue::from_static("\"cache\", \"cookies\", \"storage\"");
    let headers = [(SET_COOKIE, clear), (axum::http::HeaderName::from_static("clear-site-data"), forget)];
    Ok((headers, Redirect::to("/exit")).into_response())
}

/// A blank page (titled like a browser's new tab), or a redirect to the page the operator
/// chose (`ROUNDTABLE_QUICK_EXIT_URL`): by `<meta>` refresh, since the policy lets forms
/// lead nowhere but here.
async fn exit_page(State(state): State<AppState>) -> Html<String> {
    let refresh = state.config.quick_exit_url.as_ref().map(|url| {
        let url = url.as_str().replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
        format!("<meta http-equiv=\"refresh\" content=\"0;url={url}\">")
    });
    Html(format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>New Tab</title>{}</head><body></body></html>",
        refresh.unwrap_or_default()
    ))
}

#[derive(Deserialize)]
struct Empty {}

async fn healthz() -> &'static str {
    "ok"
}

async fn readyz(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => Json(serde_json::json!({ "status": "ready", "database": state.db.backend() })).into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "database not reachable");
            (StatusCode::SERVICE_UNAVAILABLE, Json(serde_json::json!({ "status": "unavailable" }))).into_response()
        }
    }
}

//! The API's description: an OpenAPI 3.1 document made from the handlers' own annotations
//! (so it cannot drift from them), served at `/api/openapi.json`, and the reference page
//! rendered from that document on the server. Above the features: it names their handlers.

use std::sync::LazyLock;

use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use minijinja::context;
use serde::Serialize;
use serde_json::Value;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::web::{AppResult, AppState, Page, Routes};

pub const TEMPLATES: &[(&str, &str)] = &[("api/reference.html", include_str!("templates/reference.html"))];

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Roundtable API",
        version = "1",
        description = "Everything under /api/v1 obeys the access rules of the pages. A request carries \
            either a session cookie (the site's own pages; writes then need the X-CSRF-Token header) or \
            a personal access token as `Authorization: Bearer rt_pat_…`, made on the account page with \
            scopes per area. A token's answers leave Roundtable's protection, so they never hold a \
            member at risk or anything of a secret group. Lists take `after` (the `next` of the page \
            before) and `limit` (1 to 100). Errors are `{\"error\": {\"code\", \"message\", \"detail\"}}` \
            with a stable `code`."
    ),
    paths(
        crate::members::api_directory,
        crate::members::api_show,
        crate::network::champions::api_list,
        crate::network::api::ties,
        crate::orgs::api::list,
        crate::orgs::api::show,
        crate::groups::api::list,
        crate::groups::api::show,
        crate::events::api::list,
        crate::events::api::show,
        crate::events::api::register,
        crate::events::api::cancel,
        crate::library::api::list,
        crate::library::api::show,
    ),
    modifiers(&Schemes),
    tags(
        (name = "members", description = "The directory and profiles"),
        (name = "network", description = "Ties between members, and the champion ranking (coordinators)"),
        (name = "organisations", description = "Organisations of the network"),
        (name = "groups", description = "Communities of practice, country and working groups"),
        (name = "events", description = "Events, and one's own registration"),
        (name = "library", description = "The resource library"),
    )
)]
pub struct ApiDoc;

struct Schemes;

impl Modify for Schemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("rt_pat_…")
                    .description(Some(
                        "A personal access token, with scopes per area (`events:read`, `events:write`, …)",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "rt_session",
                "The site's own session (`__Host-rt_session` over HTTPS); writes need `X-CSRF-Token`",
            ))),
        );
    }
}

/// The document, made once.
static DOCUMENT: LazyLock<String> =
    LazyLock::new(|| ApiDoc::openapi().to_pretty_json().expect("the API document serialises"));

pub fn routes() -> Routes {
    vec![("/api/openapi.json", get(document)), ("/api/reference", get(reference))]
}

async fn document() -> Response {
    ([(CONTENT_TYPE, "application/json")], DOCUMENT.as_str()).into_response()
}

#[derive(Serialize)]
struct Operation {
    method: String,
    path: String,
    anchor: String,
    summary: String,
    tag: String,
    scopes: Vec<String>,
    public: bool,
    parameters: Vec<Parameter>,
    body: Option<String>,
    responses: Vec<(String, String, Option<String>)>,
}

#[derive(Serialize)]
struct Parameter {
    name: String,
    place: String,
    required: bool,
    description: String,
}

#[derive(Serialize)]
struct Schema {
    name: String,
    description: String,
    fields: Vec<(String, String, String)>,
}

/// The last segment of a `$ref`, or the type of an inline schema.
fn type_of(schema: &Value) -> String {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        return r.rsplit('/').next().unwrap_or(r).to_string();
    }
    if let Some(items) = schema.get("items") {
        return format!("[{}]", type_of(items));
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(list) = schema.get(key).and_then(Value::as_array) {
            let kinds: Vec<String> = list.iter().map(type_of).filter(|t| t != "null").collect();
            return kinds.join(" | ");
        }
    }
    match schema.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => {
            ts.iter().filter_map(Value::as_str).filter(|t| *t != "null").collect::<Vec<_>>().join(" | ")
        }
        _ => "object".into(),
    }
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or_default().to_string()
}

fn operations(doc: &Value) -> Vec<Operation> {
    let mut out = Vec::new();
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else { return out };
    for (path, item) in paths {
        for method in ["get", "post", "put", "patch", "delete"] {
            let Some(op) = item.get(method) else { continue };
            let security = op.get("security").and_then(Value::as_array).cloned().unwrap_or_default();
            let scopes = security
                .iter()
                .filter_map(|s| s.get("token").and_then(Value::as_array))
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect();
            let public = security.iter().any(|s| s.as_object().is_some_and(|o| o.is_empty()));
            let parameters = op
                .get("parameters")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|p| Parameter {
                    name: text(p, "name"),
                    place: text(p, "in"),
                    required: p.get("required").and_then(Value::as_bool).unwrap_or(false),
                    description: text(p, "description"),
                })
                .collect();
            let body = op.pointer("/requestBody/content/application~1json/schema").map(type_of);
            let responses = op
                .get("responses")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .map(|(status, r)| {
                    (
                        status.clone(),
                        text(r, "description"),
                        r.pointer("/content/application~1json/schema").map(type_of),
                    )
                })
                .collect();
            let summary = [text(op, "summary"), text(op, "description")]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            out.push(Operation {
                anchor: format!("{method}-{}", path.replace(['/', '{', '}'], "-")),
                method: method.to_uppercase(),
                path: path.clone(),
                summary,
                tag: op.pointer("/tags/0").and_then(Value::as_str).unwrap_or_default().to_string(),
                scopes,
                public,
                parameters,
                body,
                responses,
            });
        }
    }
    out
}

fn schemas(doc: &Value) -> Vec<Schema> {
    let Some(all) = doc.pointer("/components/schemas").and_then(Value::as_object) else { return Vec::new() };
    all.iter()
        .map(|(name, s)| Schema {
            name: name.clone(),
            description: text(s, "description"),
            fields: s
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .map(|(field, f)| (field.clone(), type_of(f), text(f, "description")))
                .collect(),
        })
        .collect()
}

/// The reference, from the very document `/api/openapi.json` serves.
async fn reference(State(state): State<AppState>, page: Page) -> AppResult<Html<String>> {
    let doc: Value = serde_json::from_str(&DOCUMENT).map_err(|e| crate::web::AppError::Internal(e.into()))?;
    let intro = doc.pointer("/info/description").and_then(Value::as_str).unwrap_or_default().to_string();
    page.render(
        &state,
        "api/reference.html",
        context! { operations => operations(&doc), schemas => schemas(&doc), intro },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `/api/v1` route the application serves is in the document, and the document
    /// describes no route that is not served.
    #[test]
    fn the_document_describes_every_api_route_and_no_other() {
        let config = crate::config::Config::defaults(std::path::Path::new("/tmp"));
        let mut served: Vec<String> = crate::app::route_table(&config)
            .paths()
            .into_iter()
            .filter(|p| p.starts_with("/api/v1/"))
            .map(str::to_string)
            .collect();
        served.sort();
        let doc: Value = serde_json::from_str(&DOCUMENT).unwrap();
        assert_eq!(doc["openapi"].as_str().map(|v| &v[..3]), Some("3.1"));
        let mut described: Vec<String> = doc["paths"].as_object().unwrap().keys().cloned().collect();
        described.sort();
        assert_eq!(served, described);
        let ops = operations(&doc);
        assert!(ops.iter().all(|o| !o.summary.is_empty()), "every operation says what it does");
        assert!(ops.iter().filter(|o| o.method != "GET").all(|o| o.scopes.iter().all(|s| s.ends_with(":write"))));
    }
}

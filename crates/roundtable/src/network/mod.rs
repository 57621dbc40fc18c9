//! The network: ties between members (recorded and derived from shared activity), their
//! analysis with `sna`, and the pages built on it.

pub mod analyze;
pub mod api;
pub mod champions;
pub mod export;
pub mod health;
pub mod introductions;
pub mod map;
pub mod model;
pub mod sources;
pub mod suggest;
pub mod ties;

use axum::extract::State;
use axum::response::Html;
use axum::routing::{get, post};
use minijinja::context;

use crate::web::Routes;
use crate::web::{AppResult, AppState, Page, SignedIn};

pub use model::{NetworkCache, Scope};

/// The application's cache of the network analysis.
pub fn cache(state: &AppState) -> &std::sync::Arc<NetworkCache> {
    state.part::<std::sync::Arc<NetworkCache>>()
}

pub const TEMPLATES: &[(&str, &str)] = &[
    ("network/hub.html", include_str!("templates/hub.html")),
    ("network/ties.html", include_str!("templates/ties.html")),
    ("network/tie_form.html", include_str!("templates/tie_form.html")),
    ("network/tie_list.html", include_str!("templates/tie_list.html")),
    ("network/champions.html", include_str!("templates/champions.html")),
    ("network/champion.html", include_str!("templates/champion.html")),
    ("network/introductions.html", include_str!("templates/introductions.html")),
    ("network/introduce_form.html", include_str!("templates/introduce_form.html")),
    ("network/health.html", include_str!("templates/health.html")),
    ("network/health_group.html", include_str!("templates/health_group.html")),
    ("network/map.html", include_str!("templates/map.html")),
];

pub fn routes() -> Routes {
    vec![
        ("/network", get(hub)),
        ("/network/ties", get(ties::mine).post(ties::record)),
        ("/network/ties/{id}/delete", post(ties::remove)),
        ("/network/champions", get(champions::list)),
        ("/network/champions/{id}", get(champions::path)),
        ("/network/champions/{id}/stage", post(champions::move_stage)),
        ("/network/champions/{id}/notes", post(champions::note)),
        ("/api/v1/network/champions", get(champions::api_list)),
        ("/api/v1/ties", get(api::ties)),
        ("/network/introductions", get(introductions::page).post(introductions::send)),
        ("/network/introductions/{id}/answer", post(introductions::answer)),
        ("/network/health", get(health::page)),
        ("/network/health/snapshots", post(health::take)),
        ("/network/health/isolated", get(health::isolated)),
        ("/network/health/{kind}/{key}", get(health::group)),
        ("/network/map", get(map::page)),
        ("/network/export", get(export::ties)),
    ]
}

/// The network's front page: where the viewer stands, and the ways in.
async fn hub(State(state): State<AppState>, page: Page, SignedIn(user): SignedIn) -> AppResult<Html<String>> {
    let views = crate::network::cache(&state).get(&state.db).await?;
    let net = views.for_viewer(&page.viewer).expect("signed in");
    let me = net.node(user.user_id).map(|i| {
        let m = &net.nodes[i];
        context! { ties => m.degree, cross_sector => m.cross_sector, cross_country => m.cross_country }
    });
    page.render(&state, "network/hub.html", context! { me, figures => net.figures.clone() })
}

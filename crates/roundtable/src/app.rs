//! Building the application: database, routes, layers, listener. Used by `main` and by the tests.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::MatchedPath;
use axum::http::{Request, StatusCode};
use axum::Router;
use tokio::net::TcpListener;
use tower_http::classify::ServerErrorsFailureClass;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::config::Config;
use crate::db::Db;
use crate::web::templates::Templates;
use crate::web::{self, AppState, Routes};

/// Upper bound of any request body but the library's uploads (which have their own, see
/// [`crate::library::upload_router`]); the photo upload is the largest.
const BODY_LIMIT: usize = 6 * 1024 * 1024;

const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// A large file over a slow link takes a while.
const UPLOAD_TIMEOUT: Duration = Duration::from_secs(15 * 60);

fn timeout(after: Duration) -> TimeoutLayer {
    TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, after)
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    port: u16,
    state: AppState,
}

pub fn templates() -> Templates {
    Templates::new(&[
        web::TEMPLATES,
        crate::site::TEMPLATES,
        crate::home::TEMPLATES,
        crate::announcements::TEMPLATES,
        crate::chat::TEMPLATES,
        crate::accounts::TEMPLATES,
        crate::members::TEMPLATES,
        crate::orgs::TEMPLATES,
        crate::admin::TEMPLATES,
        crate::audit::TEMPLATES,
        crate::network::TEMPLATES,
        crate::groups::TEMPLATES,
        crate::forums::TEMPLATES,
        crate::notify::TEMPLATES,
        crate::experts::TEMPLATES,
        crate::search::TEMPLATES,
        crate::events::TEMPLATES,
        crate::library::TEMPLATES,
        crate::initiatives::TEMPLATES,
        crate::impact::TEMPLATES,
        crate::imports::TEMPLATES,
        crate::api::TEMPLATES,
        crate::webhooks::TEMPLATES,
    ])
}

/// Every route of the application, in one table, grouped by the limits they share.
pub struct RouteTable {
    /// Pages, forms and feeds: the small body limit and the request timeout.
    pub pages: Routes,
    /// Routes that take files: their own body limit and a longer timeout.
    pub uploads: Routes,
    /// Static files.
    pub assets: Routes,
}

impl RouteTable {
    /// Every path the application answers, for tests that must try them all.
    pub fn paths(&self) -> Vec<&'static str> {
        let mut paths: Vec<&'static str> =
            self.pages.iter().chain(&self.uploads).chain(&self.assets).map(|(path, _)| *path).collect();
        paths.sort_unstable();
        paths.dedup();
        paths
    }
}

/// The one list of routes, from every feature.
pub fn route_table(config: &Config) -> RouteTable {
    let pages = [
        crate::site::routes(),
        crate::home::routes(),
        crate::announcements::routes(),
        crate::chat::routes(),
        crate::accounts::routes(),
        crate::imports::routes(),
        crate::members::routes(),
        crate::orgs::routes(),
        crate::admin::routes(),
        crate::audit::routes(),
        crate::network::routes(),
        crate::groups::routes(),
        crate::forums::routes(),
        crate::search::routes(),
        crate::events::routes(),
        crate::notify::routes(),
        crate::experts::routes(),
        crate::library::routes(),
        crate::initiatives::routes(),
        crate::impact::routes(),
        crate::metrics::routes(),
        crate::api::routes(),
        crate::webhooks::routes(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let uploads = crate::library::upload_routes(config)
        .into_iter()
        .chain(crate::imports::upload_routes())
        .chain(crate::imports::ties_page::upload_routes())
        .collect();
    RouteTable { pages, uploads, assets: web::assets::routes() }
}

fn build(routes: Routes) -> Router<AppState> {
    routes.into_iter().fold(Router::new(), |router, (path, handlers)| router.route(path, handlers))
}

pub fn router(state: AppState) -> Router {
    let table = route_table(&state.config);
    let gate = state.part::<Arc<web::shed::Gate>>().clone();
    let metrics = state.part::<crate::metrics::Metrics>().clone();
    let pages = build(table.pages)
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(timeout(REQUEST_TIMEOUT))
        .merge(build(table.uploads).layer(timeout(UPLOAD_TIMEOUT)))
        .fallback(|| async { web::AppError::NotFound })
        .layer(web::rate_limit::layer(&state.config))
        .layer(axum::middleware::from_fn_with_state(state.clone(), web::render_errors))
        .layer(axum::middleware::from_fn_with_state(state.clone(), web::session::load_session))
        .layer(axum::middleware::from_fn_with_state((state.clone(), gate), web::shed::gate))
        .layer(axum::middleware::from_fn_with_state(state.clone(), web::csrf::check_origin))
        .layer(axum::middleware::from_fn(web::no_store));

    let mut app = Router::new().merge(build(table.assets).layer(timeout(REQUEST_TIMEOUT))).merge(pages);
    let mut headers = web::security_headers();
    if state.config.secure_cookies() {
        headers.push((
            axum::http::header::STRICT_TRANSPORT_SECURITY,
            axum::http::HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        ));
    }
    for (name, value) in headers {
        app = app.layer(SetResponseHeaderLayer::if_not_present(name, value));
    }
    app.layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn_with_state(metrics, crate::metrics::record))
        // Spans name the route pattern, never the path: invitation and reset links carry
        // secrets in their path.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    let route =
                        req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_string()).unwrap_or_default();
                    tracing::info_span!("request", method = %req.method(), route)
                })
                .on_failure(|class: ServerErrorsFailureClass, latency: Duration, _: &tracing::Span| match class {
                    // A node shedding load says so itself, once in a while (`web::shed`): one line
                    // per refusal would flood the log just when the node is short of time.
                    ServerErrorsFailureClass::StatusCode(StatusCode::SERVICE_UNAVAILABLE) => {}
                    class => tracing::error!(classification = %class, latency = ?latency, "response failed"),
                }),
        )
        .with_state(state)
}

impl Application {
    /// Connect to the database, apply migrations and bind the listener.
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        if config.database_url.starts_with("sqlite:") {
            std::fs::create_dir_all(&config.data_dir)?;
        }
        let db = Db::connect(&config.database_url).await?;
        db.migrate().await?;
        crate::search::maintain_ranges(&db, crate::search::partitions::AHEAD).await;
        crate::search::rebuild_if_empty(&db, &crate::rules::search_indexers()).await?;
        Application::with_db(config, db).await
    }

    pub async fn with_db(mut config: Config, db: Db) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(config.addr).await?;
        let port = listener.local_addr()?.port();
        if config.base_url.port() == Some(0) {
            let _ = config.base_url.set_port(Some(port));
        }
        let mut parts = axum::http::Extensions::new();
        parts.insert(Arc::new(crate::network::NetworkCache::default()));
        parts.insert(crate::notify::Visible(crate::rules::notice_filter().into()));
        parts.insert(crate::search::Reach(Arc::new(crate::rules::search_reach)));
        parts.insert(crate::notify::ActorSight(crate::members::access::sees_person));
        let uploads = route_table(&config).uploads.into_iter().map(|(path, _)| path);
        // Probes and scrapes must get through when the node is busiest: that is when they matter.
        let exempt = ["/healthz", "/readyz", "/metrics"].into_iter().chain(uploads);
        parts.insert(web::shed::Gate::new(config.max_in_flight, BODY_LIMIT, REQUEST_TIMEOUT, exempt));
        parts.insert(web::session::UnreadMessages(crate::chat::unread_sql("s.user_id").into()));
        let metrics = crate::metrics::Metrics::default();
        parts.insert(Arc::new(crate::chat::live::Fanout::new(metrics.sockets())));
        parts.insert(metrics);
        parts.insert(web::api::TokenLimiter::new(config.api_token_per_minute));
        let state = AppState {
            db,
            config: Arc::new(config),
            templates: Arc::new(templates()),
            parts: Arc::new(parts),
            clock: Default::default(),
        };
        Ok(Application { listener, router: router(state.clone()), port, state })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serve until Ctrl-C or SIGTERM, then finish the requests in flight.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let metrics = self.state.part::<crate::metrics::Metrics>().clone();
        crate::maintenance::spawn(
            self.state.db.clone(),
            self.state.config.clone(),
            self.state.part::<crate::notify::Visible>().clone(),
            metrics.clone(),
        );
        crate::chat::expiry::spawn(
            self.state.db.clone(),
            self.state.clock.clone(),
            self.state.config.data_dir.clone(),
            metrics.clone(),
        );
        crate::chat::live::spawn(&self.state.db, self.state.part::<Arc<crate::chat::live::Fanout>>().clone());
        crate::webhooks::spawn(
            self.state.db.clone(),
            self.state.clock.clone(),
            self.state.config.webhooks_allow_private,
            crate::webhooks::Named(crate::rules::webhook_named().into()),
        );
        if let Some(mailer) = crate::outbox::Mailer::from_config(&self.state.config)? {
            crate::outbox::spawn(self.state.db.clone(), mailer, metrics);
        }
        let service = self.router.into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, service).with_graceful_shutdown(shutdown_signal()).await?;
        self.state.db.close().await;
        Ok(())
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}

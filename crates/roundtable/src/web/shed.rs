//! Load shedding. A node can do only so much at once; past that, every request waits behind
//! the others, all answers come late, and the work of a client that gave up is done anyway.
//! So a node keeps a bound on the requests it works on, lets a few more wait a short while
//! for a turn, and refuses the rest at once with `503` and `Retry-After`, before they read
//! a session or touch the database. A refused request changed nothing.
//!
//! A turn is taken only once the request's body is in: a client that sends slowly, over a
//! poor link or on purpose, must not hold a turn that others wait for. Health checks are
//! never refused (a busy node is alive and ready), nor are uploads, which stream their
//! bodies and spend their time on the network.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::header::{CONTENT_LENGTH, RETRY_AFTER};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use minijinja::context;
use tokio::sync::{Semaphore, SemaphorePermit};

use super::session::{read_cookie, LANG_COOKIE};
use super::{AppState, Locale, Page};

/// How many may wait for a turn, for each request in flight (at the default of four per
/// CPU, a request waits behind at most about eight others per CPU).
const WAITING_PER_TURN: usize = 2;
/// The longest a request waits for a turn before it is refused.
const LONGEST_WAIT: Duration = Duration::from_secs(1);
/// What a refused client is told to wait, in seconds.
const RETRY_AFTER_SECONDS: &str = "2";
/// Refusals are logged as a count at most this often, not one line each.
const LOG_EVERY: Duration = Duration::from_secs(10);

pub struct Gate {
    turns: Semaphore,
    in_flight: usize,
    waiting: AtomicUsize,
    max_waiting: usize,
    body_limit: usize,
    body_wait: Duration,
    exempt: HashSet<&'static str>,
    /// Refusals since the last log line, and when that was (ms since `started`).
    refused: AtomicU64,
    logged_at: AtomicU64,
    started: Instant,
}

/// What the gate says to a request.
pub enum Entry<'a> {
    /// An exempt route: on without a turn.
    Free,
    Turn(SemaphorePermit<'a>),
    /// Too many in flight and waiting: refused.
    Refused,
}

impl Gate {
    /// A gate for `in_flight` requests at once, whose bodies (at most `body_limit` bytes)
    /// must arrive within `body_wait`; the routes in `exempt` pass as they are.
    pub fn new(
        in_flight: usize,
        body_limit: usize,
        body_wait: Duration,
        exempt: impl IntoIterator<Item = &'static str>,
    ) -> Arc<Gate> {
        let in_flight = in_flight.max(1);
        Arc::new(Gate {
            turns: Semaphore::new(in_flight),
            in_flight,
            waiting: AtomicUsize::new(0),
            max_waiting: in_flight * WAITING_PER_TURN,
            body_limit,
            body_wait,
            exempt: exempt.into_iter().collect(),
            refused: AtomicU64::new(0),
            logged_at: AtomicU64::new(0),
            started: Instant::now(),
        })
    }

    /// Count a refusal; say how many there were, at most once per [`LOG_EVERY`].
    fn count_refusal(&self) {
        self.refused.fetch_add(1, Ordering::Relaxed);
        let now = self.started.elapsed().as_millis() as u64;
        let last = self.logged_at.load(Ordering::Relaxed);
        let due = now.saturating_sub(last) >= LOG_EVERY.as_millis() as u64;
        if due && self.logged_at.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_ok() {
            let refused = self.refused.swap(0, Ordering::Relaxed);
            tracing::warn!(
                refused,
                in_flight = self.in_flight,
                "busy: requests refused with 503 since the last report"
            );
        }
    }

    /// Requests holding a turn now.
    pub fn busy(&self) -> usize {
        self.in_flight - self.turns.available_permits()
    }

    /// Requests waiting for a turn now.
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::Relaxed)
    }

    /// A turn for a request to `route`: at once if one is free; after a wait of at most
    /// [`LONGEST_WAIT`] if few are waiting; otherwise none.
    pub async fn enter(&self, route: Option<&str>) -> Entry<'_> {
        if route.is_some_and(|r| self.exempt.contains(r)) {
            return Entry::Free;
        }
        if let Ok(turn) = self.turns.try_acquire() {
            return Entry::Turn(turn);
        }
        if self.waiting.fetch_add(1, Ordering::Relaxed) >= self.max_waiting {
            self.waiting.fetch_sub(1, Ordering::Relaxed);
            return Entry::Refused;
        }
        let _waiting = Waiting(&self.waiting);
        match tokio::time::timeout(LONGEST_WAIT, self.turns.acquire()).await {
            Ok(Ok(turn)) => Entry::Turn(turn),
            _ => Entry::Refused,
        }
    }
}

/// Counts a waiting request for as long as it waits, however the wait ends.
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

pub async fn gate(State((state, gate)): State<(AppState, Arc<Gate>)>, req: Request, next: Next) -> Response {
    let route = req.extensions().get::<MatchedPath>().cloned();
    let route = route.as_ref().map(MatchedPath::as_str);
    if route.is_some_and(|r| gate.exempt.contains(r)) {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let declared = parts.headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > gate.body_limit as u64) {
        return refusal(&state, &parts, StatusCode::PAYLOAD_TOO_LARGE, "error-too-large");
    }
    let body = match tokio::time::timeout(gate.body_wait, axum::body::to_bytes(body, gate.body_limit)).await {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(e)) if is_too_long(&e) => {
            return refusal(&state, &parts, StatusCode::PAYLOAD_TOO_LARGE, "error-too-large");
        }
        Ok(Err(_)) => return refusal(&state, &parts, StatusCode::BAD_REQUEST, "error-body-unreadable"),
        Err(_) => return refusal(&state, &parts, StatusCode::REQUEST_TIMEOUT, "error-body-unreadable"),
    };
    match gate.enter(route).await {
        Entry::Free | Entry::Turn(_) => next.run(Request::from_parts(parts, Body::from(body))).await,
        Entry::Refused => {
            gate.count_refusal();
            let mut response = refusal(&state, &parts, StatusCode::SERVICE_UNAVAILABLE, "error-busy");
            response.headers_mut().insert(RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_SECONDS));
            response
        }
    }
}

fn is_too_long(e: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if s.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = s.source();
    }
    false
}

/// The error page in the language the request asks for. No session is read: that is work
/// a refusing node has no time for, so the page is the one a visitor sees.
fn refusal(state: &AppState, parts: &Parts, status: StatusCode, message: &'static str) -> Response {
    let headers = &parts.headers;
    let locale = read_cookie(state, headers, LANG_COOKIE)
        .and_then(|l| Locale::parse(&l))
        .or_else(|| {
            headers.get(axum::http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Locale::negotiate)
        })
        .unwrap_or(Locale::En);
    let text = locale.t(message);
    if parts.uri.path().starts_with("/api/") {
        let info = super::error::ErrorInfo { status, message: super::Message::new(message) };
        return super::api::error_response(status, super::api::code(&info), locale, message);
    }
    let path = parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_default();
    let page = Page { viewer: Default::default(), locale, csrf: String::new(), path, zone: state.config.time_zone };
    match page.render(state, "error.html", context! { status => status.as_u16(), message => text.clone() }) {
        Ok(html) => (status, html).into_response(),
        Err(_) => (status, text).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate(in_flight: usize) -> Arc<Gate> {
        Gate::new(in_flight, 1024, Duration::from_secs(30), ["/readyz"])
    }

    #[tokio::test(start_paused = true)]
    async fn a_full_gate_lets_a_few_wait_and_refuses_the_rest_at_once() {
        let gate = gate(1);
        let Entry::Turn(held) = gate.enter(Some("/")).await else { panic!("a free turn") };
        assert_eq!(gate.busy(), 1);
        // Two may wait (two per turn); they wait in the order they came.
        let first = tokio::spawn({
            let gate = gate.clone();
            async move { matches!(gate.enter(Some("/")).await, Entry::Turn(_)) }
        });
        let second = tokio::spawn({
            let gate = gate.clone();
            async move { matches!(gate.enter(Some("/")).await, Entry::Turn(_)) }
        });
        while gate.waiting() < 2 {
            tokio::task::yield_now().await;
        }
        // The third is refused without waiting: the clock has not moved.
        let before = tokio::time::Instant::now();
        assert!(matches!(gate.enter(Some("/members")).await, Entry::Refused));
        assert_eq!(tokio::time::Instant::now(), before);
        // Health checks pass whatever the load.
        assert!(matches!(gate.enter(Some("/readyz")).await, Entry::Free));
        drop(held);
        assert!(first.await.unwrap(), "the first waiting gets the turn given back");
        assert!(second.await.unwrap(), "and the second after it");
        assert_eq!((gate.busy(), gate.waiting()), (0, 0));
    }

    #[tokio::test(start_paused = true)]
    async fn a_request_waits_at_most_a_second_for_a_turn() {
        let gate = gate(1);
        let Entry::Turn(_held) = gate.enter(None).await else { panic!("a free turn") };
        let before = tokio::time::Instant::now();
        assert!(matches!(gate.enter(None).await, Entry::Refused));
        assert_eq!(tokio::time::Instant::now() - before, LONGEST_WAIT);
        assert_eq!(gate.waiting(), 0, "a request that gave up waiting no longer counts");
    }
}

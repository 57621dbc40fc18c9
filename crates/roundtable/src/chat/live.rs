//! Live delivery: the newest page of a conversation opens a WebSocket, and what is written,
//! edited or deleted there reaches it as it happens.
//!
//! What travels between nodes is only a conversation's id ("something changed here"). Each
//! socket then reads what is new with the page's own query ([`messages_in`]), as its member,
//! so a block, an expiry or leaving applies to the socket exactly as to the page. A socket
//! reads from the last message it sent, and the page tells a reconnecting socket where it
//! stopped, so a dropped connection loses nothing and shows nothing twice.
//!
//! On SQLite one node sends the id to its own sockets once the write has committed. On
//! PostgreSQL the write's transaction carries a `NOTIFY` (sent at commit, never for a write
//! that rolled back) and every node `LISTEN`s. There is no typing indicator and no presence:
//! who is online and when is metadata that puts people at risk.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message as Frame, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use minijinja::context;
use prometheus::IntGauge;
use serde::Deserialize;
use tokio::sync::broadcast;

use super::conversation::{self, messages_in, present, Span, PAGE};
use crate::db::{Db, Tx};
use crate::web::session::SessionUser;
use crate::web::{AppError, AppResult, AppState, Page, Routes, SignedIn};

/// PostgreSQL's channel for changed conversations.
const CHANNEL: &str = "roundtable_chat";
/// Sent to every socket when changes may have been missed (the listening connection was
/// lost): each looks again.
const EVERYONE: i64 = 0;
/// How often an idle socket is pinged (proxies close silent connections) and checks that
/// its session is still open.
const PING: Duration = Duration::from_secs(30);
/// Live pages one member may hold open at once (tabs, devices).
const SOCKETS_PER_MEMBER: usize = 8;
/// What a page may send: only "read N".
const MAX_FRAME: usize = 64;
/// What a socket reads into at a time: a few of the page's frames.
const READ_BUFFER: usize = 1024;

/// Close codes the page's script reads as "stop trying".
const CLOSE_SIGNED_OUT: u16 = 4401;
const CLOSE_GONE: u16 = 4404;

pub fn routes() -> Routes {
    vec![("/messages/{id}/live", get(open))]
}

/// Which conversations changed, for this node's sockets, and how many sockets each member
/// holds.
pub struct Fanout {
    changed: broadcast::Sender<i64>,
    open: Mutex<HashMap<i64, usize>>,
    /// Sockets open on this node, for the operators' metrics.
    sockets: IntGauge,
}

impl Fanout {
    pub fn new(sockets: IntGauge) -> Fanout {
        Fanout { changed: broadcast::channel(1024).0, open: Mutex::new(HashMap::new()), sockets }
    }

    fn wake(&self, conversation: i64) {
        // No socket listening is not an error.
        let _ = self.changed.send(conversation);
    }

    /// A place for one more socket of `member`, if they have fewer than the most.
    fn admit(self: &Arc<Self>, member: i64) -> Option<Seat> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let count = open.entry(member).or_default();
        if *count >= SOCKETS_PER_MEMBER {
            return None;
        }
        *count += 1;
        self.sockets.inc();
        Some(Seat { fanout: self.clone(), member })
    }
}

/// One socket's place; given back when the socket ends.
struct Seat {
    fanout: Arc<Fanout>,
    member: i64,
}

impl Drop for Seat {
    fn drop(&mut self) {
        self.fanout.sockets.dec();
        let mut open = self.fanout.open.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = open.get_mut(&self.member) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.member);
            }
        }
    }
}

/// Commit `tx`, a change to conversation `id`, and tell the live pages of every node.
pub async fn commit(state: &AppState, mut tx: Tx, id: i64) -> Result<(), sqlx::Error> {
    match &mut tx {
        Tx::Postgres(c) => {
            sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(id.to_string()).execute(&mut **c).await?;
            tx.commit().await
        }
        Tx::Sqlite(_) => {
            tx.commit().await?;
            state.part::<Arc<Fanout>>().wake(id);
            Ok(())
        }
    }
}

/// On PostgreSQL, hear every node's changes for this node's sockets.
pub fn spawn(db: &Db, fanout: Arc<Fanout>) {
    if let Db::Postgres(pool) = db {
        tokio::spawn(listen(pool.clone(), fanout));
    }
}

async fn listen(pool: sqlx::PgPool, fanout: Arc<Fanout>) {
    loop {
        match sqlx::postgres::PgListener::connect_with(&pool).await {
            Ok(mut listener) => match listener.listen(CHANNEL).await {
                Ok(()) => {
                    // What changed while this node was not listening, every page looks for.
                    fanout.wake(EVERYONE);
                    loop {
                        match listener.try_recv().await {
                            Ok(Some(note)) => {
                                if let Ok(id) = note.payload().parse() {
                                    fanout.wake(id);
                                }
                            }
                            // The connection was lost: listen afresh, then everyone looks.
                            Ok(None) => break,
                            Err(e) => {
                                tracing::warn!(error = %e, "listening for live messages failed");
                                break;
                            }
                        }
                    }
                }
                Err(e) => tracing::warn!(error = %e, "listening for live messages failed"),
            },
            Err(e) => tracing::warn!(error = %e, "connecting to listen for live messages failed"),
        }
        // The database is away: try again shortly, as the pool does.
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

#[derive(Deserialize)]
struct LiveQuery {
    /// The last message the page shows.
    #[serde(default)]
    after: i64,
    /// When the page last heard (the server's time it was sent): edits and deletions since
    /// then are sent again.
    #[serde(default)]
    since: i64,
}

/// Open a conversation's live socket. An upgrade is a GET, which the CSRF defence lets pass,
/// and browsers send cookies with it from any site: so the `Origin` must be this site's.
async fn open(
    ws: WebSocketUpgrade,
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Query(q): Query<LiveQuery>,
    headers: HeaderMap,
) -> AppResult<Response> {
    if !crate::web::csrf::from_our_site(&state, &headers) {
        return Err(AppError::Csrf);
    }
    let (c, _) = conversation::readable(&state.db, id, user.user_id).await?;
    let fanout = state.part::<Arc<Fanout>>().clone();
    let seat =
        fanout.admit(user.user_id).ok_or_else(|| AppError::TooMany(crate::web::Message::new("chat-live-too-many")))?;
    let changed = fanout.changed.subscribe();
    let live = Live { state, page, user, id, kind: c.kind, after: q.after.max(0), since: q.since.max(0), _seat: seat };
    // A page sends only tiny frames, and each batch it is sent is written out at once: the
    // 128 KiB read and write buffers tungstenite starts every socket with would make an idle
    // page cost the server that much.
    Ok(ws
        .read_buffer_size(READ_BUFFER)
        .write_buffer_size(0)
        .max_message_size(MAX_FRAME)
        .max_frame_size(MAX_FRAME)
        .on_upgrade(move |socket| live.run(socket, changed)))
}

/// One open live page.
struct Live {
    state: AppState,
    page: Page,
    user: SessionUser,
    id: i64,
    kind: String,
    /// The newest message sent to the page.
    after: i64,
    /// The server's time when the page last looked for changes.
    since: i64,
    _seat: Seat,
}

enum End {
    /// The page should stop trying (signed out, or no longer in the conversation).
    Close(u16),
    /// The connection went away.
    Gone,
}

impl Live {
    async fn run(mut self, mut socket: WebSocket, mut changed: broadcast::Receiver<i64>) {
        let mut ping = tokio::time::interval(PING);
        ping.reset();
        let mut look = true;
        let end = loop {
            if look {
                look = false;
                match self.catch_up(&mut socket).await {
                    Ok(()) => {}
                    Err(end) => break end,
                }
            }
            tokio::select! {
                heard = changed.recv() => match heard {
                    Ok(id) => {
                        look = id == self.id || id == EVERYONE;
                        // What else was heard meanwhile is caught up with in the same look:
                        // a busy conversation costs a page one look per batch, not per message.
                        loop {
                            match changed.try_recv() {
                                Ok(id) => look |= id == self.id || id == EVERYONE,
                                Err(broadcast::error::TryRecvError::Lagged(_)) => look = true,
                                Err(_) => break,
                            }
                        }
                    }
                    Err(broadcast::error::RecvError::Lagged(_)) => look = true,
                    Err(broadcast::error::RecvError::Closed) => break End::Gone,
                },
                // A quiet page looks too: its session may have ended, or it may have left.
                _ = ping.tick() => {
                    if socket.send(Frame::Ping(Default::default())).await.is_err() {
                        break End::Gone;
                    }
                    look = true;
                }
                frame = socket.recv() => match frame {
                    Some(Ok(Frame::Text(text))) => self.read_up_to(&text).await,
                    Some(Ok(Frame::Close(_))) | Some(Err(_)) | None => break End::Gone,
                    Some(Ok(_)) => {}
                },
            }
        };
        if let End::Close(code) = end {
            let _ = socket.send(Frame::Close(Some(CloseFrame { code, reason: Utf8Bytes::from_static("") }))).await;
        }
    }

    /// Send the page what it has not seen: new messages from the last one sent, and those
    /// edited or deleted since it last looked. Checks first that the session is still open
    /// and that the member still reads the conversation.
    async fn catch_up(&mut self, socket: &mut WebSocket) -> Result<(), End> {
        let me = self.user.user_id;
        match crate::web::session::still_open(&self.state, self.user.session_id).await {
            Ok(true) => {}
            Ok(false) => return Err(End::Close(CLOSE_SIGNED_OUT)),
            Err(e) => {
                tracing::warn!(error = %e, "checking a live page's session failed");
                return Ok(());
            }
        }
        // What the page is sent is read under the conversation's rule (`messages_in`), so
        // nothing reaches someone who is no longer in it; whether they still are is asked
        // only when there was nothing to send, to close the page then.
        if self.send_changes(socket).await? {
            return Ok(());
        }
        match conversation::readable(&self.state.db, self.id, me).await {
            Ok(_) => Ok(()),
            Err(AppError::NotFound) => Err(End::Close(CLOSE_GONE)),
            Err(e) => {
                tracing::warn!(error = %e, "a live page could not read its conversation");
                Ok(())
            }
        }
    }

    /// Send what changed; whether there was anything.
    async fn send_changes(&mut self, socket: &mut WebSocket) -> Result<bool, End> {
        let state = &self.state;
        let mut sent = false;
        loop {
            let now = state.clock.now_ms();
            let mut shown = match self.changes(now).await {
                Ok(shown) => shown,
                Err(e) => {
                    tracing::warn!(error = %e, "a live page could not read its messages");
                    return Ok(true);
                }
            };
            let more = shown.len() as i64 > PAGE;
            shown.truncate(PAGE as usize);
            let rendered = match self.render(&shown).await {
                Ok(rendered) => rendered,
                Err(e) => {
                    tracing::warn!(error = %e, "a live page could not render its messages");
                    return Ok(true);
                }
            };
            if !rendered.is_empty() {
                let frame = serde_json::json!({ "messages": rendered, "at": now });
                socket.send(Frame::Text(frame.to_string().into())).await.map_err(|_| End::Gone)?;
                sent = true;
            }
            self.after = shown.iter().map(|m| m.id).max().unwrap_or(self.after).max(self.after);
            if !more {
                self.since = now;
                return Ok(sent);
            }
        }
    }

    /// Up to `PAGE + 1` messages the page has not seen as they are now: new ones first
    /// found, then changed ones.
    async fn changes(&self, now: i64) -> Result<Vec<conversation::Shown>, sqlx::Error> {
        let db = &self.state.db;
        let me = self.user.user_id;
        let span = if self.since > 0 { Span::Fresh(self.after, self.since) } else { Span::After(self.after) };
        messages_in(db, me, self.id, span, now).await
    }

    async fn render(&self, shown: &[conversation::Shown]) -> AppResult<Vec<serde_json::Value>> {
        if shown.is_empty() {
            return Ok(Vec::new());
        }
        // Only the authors (and those quoted) are named here, a live page shows no read
        // markers: a room of a thousand need not be read whole for each message.
        let mut authors: Vec<i64> = shown.iter().flat_map(|m| [Some(m.author_id), m.quote_author]).flatten().collect();
        authors.sort_unstable();
        authors.dedup();
        let others: Vec<_> = super::pages::people_among(&self.state.db, &self.page.viewer, &[self.id], Some(&authors))
            .await?
            .into_iter()
            .map(|(_, p)| p)
            .collect();
        let messages = present(&self.state.db, &self.user, shown, &others, &[]).await?;
        let keys = conversation::reaction_keys();
        shown
            .iter()
            .zip(messages)
            .map(|(m, value)| {
                let html = self.page.render(
                    &self.state,
                    "chat/live.html",
                    context! { m => value, id => self.id, kind => &self.kind, reaction_keys => &keys },
                )?;
                Ok(serde_json::json!({ "id": m.id, "html": html.0 }))
            })
            .collect()
    }

    /// "read N": the page showed messages up to N while in view. Never past what it was sent.
    async fn read_up_to(&self, text: &str) {
        let Some(n) = text.strip_prefix("read ").and_then(|n| n.trim().parse::<i64>().ok()) else { return };
        let up_to = n.min(self.after);
        if up_to > 0 {
            if let Err(e) = conversation::mark_read(&self.state.db, self.id, self.user.user_id, up_to).await {
                tracing::warn!(error = %e, "marking live messages read failed");
            }
        }
    }
}

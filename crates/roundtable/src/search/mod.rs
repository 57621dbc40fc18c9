//! Search across members, organisations, forum posts, library resources and events: one box,
//! results grouped by kind.
//!
//! Text is split into words in Rust ([`segment`]) and indexed by the database: SQLite FTS5
//! or PostgreSQL `tsvector('simple')`, prefix matching, ranked by relevance then recency.
//!
//! Privacy is decided when documents are written, not when results are shown: a member is
//! indexed once per audience (public, members, coordinators) with only the fields that
//! audience may see, and not at all for audiences that may not see them (at-risk members are
//! indexed for coordinators only). Posts carry their group, and a query only ever reaches
//! documents of groups the viewer may read. Counts come from the same conditions, so they
//! never reveal what the viewer may not see.
//!
//! This module stores and queries documents; it knows no feature. Each feature writes its
//! own documents ([`Doc`]) with [`replace`] inside the transaction of the change they follow,
//! so that a change and what search finds of it are one; for a rebuild each feature gives an
//! [`Indexer`]. What a viewer may reach is a condition the application composes from the
//! features' own rules and hands over as a [`Reach`].

pub mod partitions;
pub mod segment;

use axum::extract::{Query, State};
use axum::response::Html;
use axum::routing::get;
use minijinja::context;
use serde::{Deserialize, Serialize};

use crate::db::{affected, Arg, Args, Db, Tx};
use crate::vocab::{Country, Expertise, Language};
use crate::web::Routes;
use crate::web::{AppError, AppResult, AppState, Page, Viewer};
use crate::{bind_args, on_db, on_tx};

pub const TEMPLATES: &[(&str, &str)] = &[("search/results.html", include_str!("templates/results.html"))];

const MAX_QUERY: usize = 200;
const MAX_WORDS: usize = 8;
const RESULTS: i64 = 30;
/// How many of the most recent matches are counted and ranked; beyond, "more than 500".
const CANDIDATES: i64 = 500;
/// How many of the newest documents are looked through for the candidates, in turn, before
/// all of them: each step reads about ten times more of the index than the one before.
/// PostgreSQL walks the first window, then reads its index range by range instead.
const WINDOWS: [i64; 2] = [20_000, 200_000];

pub fn routes() -> Routes {
    vec![("/search", get(search))]
}

/// What a result is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Member,
    Organisation,
    Group,
    Post,
    Resource,
    Event,
}

impl Kind {
    const ALL: [Kind; 6] = [Kind::Member, Kind::Organisation, Kind::Group, Kind::Post, Kind::Resource, Kind::Event];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Member => "member",
            Kind::Organisation => "organisation",
            Kind::Group => "group",
            Kind::Post => "post",
            Kind::Resource => "resource",
            Kind::Event => "event",
        }
    }

    fn parse(s: &str) -> AppResult<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == s).ok_or(AppError::invalid("error-search-kind"))
    }
}

/// One document to index.
pub struct Doc {
    pub kind: Kind,
    pub ref_id: i64,
    /// Who may find it: `public`, `members` or `coordinators` (members: one document per
    /// audience, each with what that audience may see).
    pub audience: &'static str,
    /// Only the group's readers find it.
    pub group_id: Option<i64>,
    pub thread_id: Option<i64>,
    pub country: Option<String>,
    pub title: String,
    /// Plain text.
    pub body: String,
    pub updated_at: i64,
    /// Filter tokens: languages and topics (see [`tag`]); the kind is added by [`words_of`].
    pub tags: Vec<String>,
}

/// A token that filters rather than matches: a kind, a language or a topic, written so that
/// no word of any language is spelt like it and both databases keep it whole (letters
/// only), e.g. `qqlth`, `qqtdetentionmonitoring`, `qqkpost`.
pub fn tag(prefix: char, key: &str) -> String {
    let key: String = key.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    format!("qq{prefix}{}", key.to_ascii_lowercase())
}

/// What the full-text index holds for a document: its words, then its filter tokens.
fn words_of(doc: &Doc) -> String {
    let mut words = segment::index_text(&format!("{} {}", doc.title, doc.body));
    for t in std::iter::once(tag('k', doc.kind.key())).chain(doc.tags.iter().cloned()) {
        words.push(' ');
        words.push_str(&t);
    }
    words
}

/// Language tokens of a text in the languages the network writes: Thai by its script, the
/// others by `whatlang` when it is sure. Malay and Indonesian are too close to tell apart,
/// so either finds both.
pub fn language_tags(text: &str) -> Vec<String> {
    use whatlang::Lang;
    static DETECTOR: std::sync::LazyLock<whatlang::Detector> = std::sync::LazyLock::new(|| {
        whatlang::Detector::with_allowlist(vec![
            Lang::Eng,
            Lang::Tha,
            Lang::Tgl,
            Lang::Ind,
            Lang::Khm,
            Lang::Vie,
            Lang::Mya,
            Lang::Cmn,
            Lang::Tam,
            Lang::Fra,
            Lang::Spa,
            Lang::Ara,
            Lang::Jpn,
            Lang::Kor,
            Lang::Hin,
            Lang::Deu,
            Lang::Por,
        ])
    });
    let Some(info) = DETECTOR.detect(text) else { return Vec::new() };
    if !info.is_reliable() && info.lang() != Lang::Tha {
        return Vec::new();
    }
    let keys: &[&str] = match info.lang() {
        Lang::Eng => &["en"],
        Lang::Tha => &["th"],
        Lang::Tgl => &["fil"],
        Lang::Ind => &["ms", "id"],
        Lang::Khm => &["km"],
        Lang::Vie => &["vi"],
        Lang::Mya => &["my"],
        Lang::Cmn => &["zh"],
        Lang::Tam => &["ta"],
        Lang::Fra => &["fr"],
        Lang::Spa => &["es"],
        Lang::Ara => &["ar"],
        Lang::Jpn => &["ja"],
        Lang::Kor => &["ko"],
        Lang::Hin => &["hi"],
        Lang::Deu => &["de"],
        Lang::Por => &["pt"],
        _ => &[],
    };
    keys.iter().map(|k| tag('l', k)).collect()
}

async fn insert(tx: &mut Tx, doc: &Doc) -> Result<(), sqlx::Error> {
    let words = words_of(doc);
    match tx {
        Tx::Sqlite(c) => {
            let sql = "INSERT INTO search_docs (kind, ref_id, audience, group_id, thread_id, country, title, body, updated_at) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
            let id: i64 = sqlx::query_scalar(sql)
                .bind(doc.kind.key())
                .bind(doc.ref_id)
                .bind(doc.audience)
                .bind(doc.group_id)
                .bind(doc.thread_id)
                .bind(&doc.country)
                .bind(&doc.title)
                .bind(&doc.body)
                .bind(doc.updated_at)
                .fetch_one(&mut **c)
                .await?;
            sqlx::query("INSERT INTO search_fts (rowid, words) VALUES ($1, $2)")
                .bind(id)
                .bind(words)
                .execute(&mut **c)
                .await?;
        }
        Tx::Postgres(c) => {
            let sql = "INSERT INTO search_docs (kind, ref_id, audience, group_id, thread_id, country, title, body, updated_at, words) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, to_tsvector('simple', $10))";
            sqlx::query(sql)
                .bind(doc.kind.key())
                .bind(doc.ref_id)
                .bind(doc.audience)
                .bind(doc.group_id)
                .bind(doc.thread_id)
                .bind(&doc.country)
                .bind(&doc.title)
                .bind(&doc.body)
                .bind(doc.updated_at)
                .bind(words)
                .execute(&mut **c)
                .await?;
        }
    }
    Ok(())
}

/// Removes the documents matching `condition` (over `search_docs`, with `$1` bound to `id`).
async fn delete_where(tx: &mut Tx, condition: &str, id: i64) -> Result<(), sqlx::Error> {
    if let Tx::Sqlite(c) = tx {
        let sql = format!("DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE {condition})");
        sqlx::query(&sql).bind(id).execute(&mut **c).await?;
    }
    let sql = format!("DELETE FROM search_docs WHERE {condition}");
    on_tx!(tx, c => sqlx::query(&sql).bind(id).execute(&mut **c).await.map(affected))?;
    Ok(())
}

/// Key of the advisory lock a rebuild holds alone and every re-indexing of one item shares
/// (PostgreSQL).
const REBUILD_LOCK: i64 = 0x005E_A2C4_0002;

/// Key of the advisory lock under which a starting node decides whether the index must be
/// built, so that nodes starting together build it once.
const STARTUP_LOCK: i64 = 0x005E_A2C4_0003;

/// Serialises re-indexing of one item (`what` names its kind) until the transaction ends:
/// re-indexing deletes an item's documents and writes them again, and two at once would
/// both write. PostgreSQL's partitioned index cannot hold a unique key to refuse the second
/// (see migration 0036); SQLite runs one writer at a time anyway. A rebuild writes every
/// item under one lock of its own instead (one per item would fill the server's lock
/// table), which this waits for.
/// Features take it with [`lock`] before they read what they index: under READ COMMITTED a
/// writer that waited then reads the data as the change before it left it.
async fn lock_item(tx: &mut Tx, what: Kind, id: i64) -> Result<(), sqlx::Error> {
    if let Tx::Postgres(c) = tx {
        sqlx::query("SELECT pg_advisory_xact_lock_shared($1)").bind(REBUILD_LOCK).execute(&mut **c).await?;
        let what = Kind::ALL.iter().position(|k| *k == what).unwrap_or_default() as i32;
        sqlx::query("SELECT pg_advisory_xact_lock($1, hashint8($2))").bind(what).bind(id).execute(&mut **c).await?;
    }
    Ok(())
}

// ---- what goes into the index -------------------------------------------------------------

/// Take the lock under which an item's documents are rewritten (posts: their thread's),
/// for the rest of the caller's transaction. Features take it before reading what they
/// index, so that two changes at once index one after the other, each from the data as the
/// other left it; [`replace`] and its kin take it too (taking it again costs nothing).
pub async fn lock(tx: &mut Tx, kind: Kind, id: i64) -> Result<(), sqlx::Error> {
    lock_item(tx, kind, id).await
}

/// Replaces the documents of one item (`kind` and `ref_id`) by `docs`, inside the caller's
/// transaction: none removes them.
pub async fn replace(tx: &mut Tx, kind: Kind, ref_id: i64, docs: &[Doc]) -> Result<(), sqlx::Error> {
    lock_item(tx, kind, ref_id).await?;
    delete_where(tx, &format!("kind = '{}' AND ref_id = $1", kind.key()), ref_id).await?;
    for doc in docs {
        insert(tx, doc).await?;
    }
    Ok(())
}

/// Replaces the documents of every post of `thread` by `docs` (posts are locked by their
/// thread).
pub async fn replace_thread(tx: &mut Tx, thread: i64, docs: &[Doc]) -> Result<(), sqlx::Error> {
    lock_item(tx, Kind::Post, thread).await?;
    delete_where(tx, "kind = 'post' AND thread_id = $1", thread).await?;
    for doc in docs {
        insert(tx, doc).await?;
    }
    Ok(())
}

/// Replaces the document of one post of `thread` (`None` if the post is gone).
pub async fn replace_post(tx: &mut Tx, post: i64, thread: Option<i64>, doc: Option<&Doc>) -> Result<(), sqlx::Error> {
    if let Some(thread) = thread {
        lock_item(tx, Kind::Post, thread).await?;
    }
    delete_where(tx, "kind = 'post' AND ref_id = $1", post).await?;
    if let Some(doc) = doc {
        insert(tx, doc).await?;
    }
    Ok(())
}

/// Writes all of a feature's documents into the emptied index, in the rebuild's
/// transaction (which holds the index alone: no locks of their own); returns how many items.
pub type WriteAll =
    for<'a> fn(
        &'a mut Tx,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<usize, sqlx::Error>> + Send + 'a>>;

/// What a feature puts in the index, for a rebuild.
pub struct Indexer {
    /// The kind of documents it writes.
    pub kind: Kind,
    /// An SQL count of the documents to expect, so that their ranges exist beforehand.
    pub expected: &'static str,
    pub write_all: WriteAll,
}

/// Inserts many documents into the emptied index at once (a rebuild): words split on every
/// core, many rows per statement.
pub async fn insert_bulk(tx: &mut Tx, mut docs: Vec<Doc>) -> Result<(), sqlx::Error> {
    use rayon::prelude::*;
    // Words and languages are most of a rebuild's work.
    let words: Vec<String> = docs
        .par_iter_mut()
        .map(|d| {
            if d.kind == Kind::Post && d.tags.is_empty() {
                d.tags = language_tags(&d.body);
            }
            words_of(d)
        })
        .collect();
    let mut next_id: i64 = on_tx!(tx, c => sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM search_docs").fetch_one(&mut **c).await)?;
    insert_many(tx, &docs, &words, &mut next_id).await
}

/// Rebuilds the whole index from every feature's [`Indexer`]: at start when it is empty but
/// there is content (a database from before search existed), after the demo is seeded, and
/// by `roundtable reindex`.
pub async fn rebuild(db: &Db, indexers: &[Indexer]) -> Result<usize, sqlx::Error> {
    // Ranges for every document about to be written, so that they go straight to their place.
    let mut expected = 0;
    for indexer in indexers {
        let n: i64 = on_db!(db, pool => sqlx::query_scalar(indexer.expected).fetch_one(pool).await)?;
        expected += n;
    }
    maintain_ranges(db, expected + partitions::AHEAD).await;
    let mut tx = db.begin().await?;
    match &mut tx {
        Tx::Sqlite(c) => {
            sqlx::query("DELETE FROM search_fts").execute(&mut **c).await?;
        }
        // Alone: every re-indexing of an item waits until the rebuild is done.
        Tx::Postgres(c) => {
            sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(REBUILD_LOCK).execute(&mut **c).await?;
        }
    }
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM search_docs").execute(&mut **c).await.map(affected))?;
    let mut items = 0;
    for indexer in indexers {
        items += (indexer.write_all)(&mut tx).await?;
    }
    tx.commit().await?;
    // The ranges of the documents just replaced are empty now.
    maintain_ranges(db, partitions::AHEAD).await;
    Ok(items)
}

/// Inserts documents with their words, many per statement. On SQLite the ids are given
/// (from `next_id` on), so that the full-text rows can name them.
async fn insert_many(tx: &mut Tx, docs: &[Doc], words: &[String], next_id: &mut i64) -> Result<(), sqlx::Error> {
    // Ten values a row: well under either database's limit on bound values per statement.
    const ROWS: usize = 500;
    for (docs, words) in docs.chunks(ROWS).zip(words.chunks(ROWS)) {
        match tx {
            Tx::Sqlite(c) => {
                let first = *next_id;
                let mut q = sqlx::QueryBuilder::<sqlx::Sqlite>::new(
                    "INSERT INTO search_docs (id, kind, ref_id, audience, group_id, thread_id, country, title, body, updated_at) ",
                );
                q.push_values(docs.iter().enumerate(), |mut b, (i, d)| {
                    b.push_bind(first + i as i64)
                        .push_bind(d.kind.key())
                        .push_bind(d.ref_id)
                        .push_bind(d.audience)
                        .push_bind(d.group_id)
                        .push_bind(d.thread_id)
                        .push_bind(d.country.clone())
                        .push_bind(d.title.clone())
                        .push_bind(d.body.clone())
                        .push_bind(d.updated_at);
                });
                q.build().execute(&mut **c).await?;
                let mut q = sqlx::QueryBuilder::<sqlx::Sqlite>::new("INSERT INTO search_fts (rowid, words) ");
                q.push_values(words.iter().enumerate(), |mut b, (i, w)| {
                    b.push_bind(first + i as i64).push_bind(w.clone());
                });
                q.build().execute(&mut **c).await?;
                *next_id += docs.len() as i64;
            }
            Tx::Postgres(c) => {
                let mut q = sqlx::QueryBuilder::<sqlx::Postgres>::new(
                    "INSERT INTO search_docs (kind, ref_id, audience, group_id, thread_id, country, title, body, updated_at, words) ",
                );
                q.push_values(docs.iter().zip(words), |mut b, (d, w)| {
                    b.push_bind(d.kind.key())
                        .push_bind(d.ref_id)
                        .push_bind(d.audience)
                        .push_bind(d.group_id)
                        .push_bind(d.thread_id)
                        .push_bind(d.country.clone())
                        .push_bind(d.title.clone())
                        .push_bind(d.body.clone())
                        .push_bind(d.updated_at)
                        .push_unseparated(", to_tsvector('simple', ")
                        .push_bind_unseparated(w.clone())
                        .push_unseparated(")");
                });
                q.build().execute(&mut **c).await?;
            }
        }
    }
    Ok(())
}

/// [`partitions::maintain`], whose failure costs only speed (documents outside their range
/// are still found), so it is logged rather than passed on.
pub async fn maintain_ranges(db: &Db, ahead: i64) {
    if let Err(e) = partitions::maintain(db, ahead).await {
        tracing::warn!(error = %e, "search index ranges not maintained");
    }
}

/// [`rebuild`] if the index holds nothing of a kind while there is something of it to find:
/// a database from before search existed, or from before that kind was searchable.
pub async fn rebuild_if_empty(db: &Db, indexers: &[Indexer]) -> Result<(), sqlx::Error> {
    // On PostgreSQL, several nodes may start at once: a lock held in a transaction of its
    // own until the decision is carried out lets one of them build, and the others then
    // find the index full.
    let decision = match db {
        Db::Postgres(pool) => {
            let mut tx = pool.begin().await?;
            sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(STARTUP_LOCK).execute(&mut *tx).await?;
            Some(tx)
        }
        Db::Sqlite(_) => None,
    };
    let mut missing = false;
    for indexer in indexers {
        let n: i64 = on_db!(db, pool => sqlx::query_scalar(indexer.expected).fetch_one(pool).await)?;
        let sql = "SELECT EXISTS (SELECT 1 FROM search_docs WHERE kind = $1)";
        let any: bool = on_db!(db, pool => sqlx::query_scalar(sql).bind(indexer.kind.key()).fetch_one(pool).await)?;
        missing |= n > 0 && !any;
    }
    if missing {
        let n = rebuild(db, indexers).await?;
        tracing::info!(items = n, "search index rebuilt");
    }
    if let Some(tx) = decision {
        tx.commit().await?;
    }
    Ok(())
}

// ---- asking -------------------------------------------------------------------------------

/// The search form, as the query string brings it.
#[derive(Deserialize, Default)]
pub struct SearchQuery {
    q: Option<String>,
    kind: Option<String>,
    country: Option<String>,
    lang: Option<String>,
    topic: Option<String>,
}

/// A search as asked, checked: its text, its words and its filters.
pub struct Asked {
    pub text: String,
    /// At most [`MAX_WORDS`] of them; none when there is nothing to look for.
    pub words: Vec<String>,
    pub kind: Option<Kind>,
    pub country: Option<Country>,
    pub lang: Option<Language>,
    pub topic: Option<Expertise>,
}

impl SearchQuery {
    /// Checks the filters against their vocabularies and splits the text into words.
    pub fn parse(self) -> AppResult<Asked> {
        let text = self.q.unwrap_or_default();
        if text.chars().count() > MAX_QUERY {
            return Err(AppError::Invalid(crate::web::Message::new("error-too-long").arg("max", MAX_QUERY)));
        }
        let kind = self.kind.as_deref().filter(|k| !k.is_empty()).map(Kind::parse).transpose()?;
        let country = self.country.as_deref().filter(|c| !c.is_empty()).map(str::parse).transpose()?;
        let lang = self.lang.as_deref().filter(|l| !l.is_empty()).map(str::parse).transpose()?;
        let topic = self.topic.as_deref().filter(|t| !t.is_empty()).map(str::parse).transpose()?;
        let mut words = segment::words(&text);
        words.truncate(MAX_WORDS);
        Ok(Asked { text, words, kind, country, lang, topic })
    }
}

/// The full-text expression matching documents that hold every one of `words` (the last as
/// a prefix: it may still be being typed) and every filter token of `tags`: FTS5's syntax on
/// SQLite, a `tsquery` on PostgreSQL. `words` must not be empty.
pub fn match_expression(words: &[String], tags: &[String], sqlite: bool) -> String {
    let last = words.len() - 1;
    if sqlite {
        let words = words.iter().enumerate().map(|(i, w)| {
            let star = if i == last { "*" } else { "" };
            format!("\"{}\"{star}", w.replace('"', "\"\""))
        });
        words.chain(tags.iter().map(|t| format!("\"{t}\""))).collect::<Vec<_>>().join(" ")
    } else {
        let words = words.iter().enumerate().map(|(i, w)| {
            let star = if i == last { ":*" } else { "" };
            format!("'{}'{star}", w.replace(['\'', '\\'], ""))
        });
        words.chain(tags.iter().map(|t| format!("'{t}'"))).collect::<Vec<_>>().join(" & ")
    }
}

#[derive(sqlx::FromRow)]
struct Hit {
    id: i64,
    kind: String,
    ref_id: i64,
    thread_id: Option<i64>,
    title: String,
    body: String,
    updated_at: i64,
}

/// How well a document answers the words: for each word, its occurrences (a word in the
/// title counts three times), saturated and normalised by length as BM25 does. Every
/// candidate holds every word, so the words' rarity, which BM25 adds, would weigh all alike.
fn relevance(hit: &Hit, words: &[String]) -> f64 {
    const K1: f64 = 1.2;
    const B: f64 = 0.75;
    const AVERAGE_CHARS: f64 = 400.0;
    let title = hit.title.to_lowercase();
    let body = hit.body.to_lowercase();
    let length = (title.chars().count() + body.chars().count()) as f64;
    let norm = K1 * (1.0 - B + B * length / AVERAGE_CHARS);
    words
        .iter()
        .map(|w| {
            let tf = (3 * title.matches(w.as_str()).count() + body.matches(w.as_str()).count()) as f64;
            tf * (K1 + 1.0) / (tf + norm)
        })
        .sum()
}

#[derive(Serialize)]
struct HitView {
    href: String,
    title: String,
    snippet: String,
}

/// The condition that keeps a viewer to the documents `d` they may reach, shared by results
/// and counts; composed by the application from the features' rules (see the module
/// documentation), with the viewer's values pushed onto the arguments.
#[derive(Clone)]
pub struct Reach(pub std::sync::Arc<ReachFn>);

/// The composed condition: the viewer, and the arguments to push their values onto.
pub type ReachFn = dyn Fn(&Viewer, &mut Args) -> String + Send + Sync;

/// Which of a member's documents (one per audience) this viewer reads: `coordinators`,
/// `members` or `public`.
pub fn member_level(viewer: &Viewer) -> &'static str {
    if viewer.is_coordinator() {
        "coordinators"
    } else if viewer.is_member() {
        "members"
    } else {
        "public"
    }
}

/// A piece of `text` around the first of `words`, as HTML with the words marked.
pub fn snippet(text: &str, words: &[String]) -> String {
    const SPAN: usize = 90;
    let lower = text.to_lowercase();
    // Lower-casing can change byte lengths; only use positions when it did not.
    let position =
        (lower.len() == text.len()).then(|| words.iter().filter_map(|w| lower.find(w.as_str())).min()).flatten();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let centre = position.map(|p| chars.iter().position(|(i, _)| *i >= p).unwrap_or(0)).unwrap_or(0);
    let from = centre.saturating_sub(SPAN / 3);
    let to = (from + SPAN).min(chars.len());
    let byte = |k: usize| chars.get(k).map_or(text.len(), |(i, _)| *i);
    // Cut where words end, never inside one nor inside a character cluster (a Thai vowel
    // or tone mark without its consonant): back to the last boundary before the start, and
    // to the last boundary before the end (or the first after it, for a single long word).
    let bounds = segment::boundaries(text);
    let (want_from, want_to) = (byte(from), byte(to));
    let start = bounds.iter().rev().copied().find(|&b| b <= want_from).unwrap_or(0);
    let end = match bounds.iter().rev().copied().find(|&b| b <= want_to && b > start) {
        Some(b) => b,
        None => bounds.iter().copied().find(|&b| b >= want_to).unwrap_or(text.len()),
    };
    let piece = &text[start..end];
    let mut html = escape(piece.trim());
    for w in words.iter().filter(|w| w.chars().count() > 1) {
        let escaped = escape(w);
        html = mark(&html, &escaped);
    }
    let (open, close) = (if start > 0 { "…" } else { "" }, if end < text.len() { "…" } else { "" });
    format!("{open}{html}{close}")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A character as matching compares it: lower-cased, final sigma as any other.
fn folded(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase().map(|l| if l == 'ς' { 'σ' } else { l })
}

/// Where an occurrence of `word` (folded) that begins at byte `at` of `text` ends, if one does.
fn match_at(text: &str, at: usize, word: &[char]) -> Option<usize> {
    let mut want = word.iter();
    let mut next = want.next();
    for (k, c) in text[at..].char_indices() {
        if next.is_none() {
            return Some(at + k);
        }
        for l in folded(c) {
            if next != Some(&l) {
                return None;
            }
            next = want.next();
        }
    }
    next.is_none().then_some(text.len())
}

/// Wraps case-insensitive occurrences of `word` in `<mark>`, outside of entities and of the
/// `<mark>` tags already put in for other words. Characters are compared one by one: the
/// lower case of a whole text can move characters (the Kelvin sign `K` is shorter than `k`,
/// `Ⱥ` longer than `ⱥ`), so positions found in it are not positions in the text.
fn mark(html: &str, word: &str) -> String {
    let word: Vec<char> = word.chars().flat_map(folded).collect();
    if word.is_empty() {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 16);
    let mut last = 0;
    let (mut in_tag, mut in_entity) = (false, false);
    for (i, c) in html.char_indices() {
        if i < last {
            continue;
        }
        // The text is escaped: a `<` opens a tag put in for an earlier word, a `&` an entity.
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            '&' => in_entity = true,
            ';' => in_entity = false,
            _ if !in_tag && !in_entity => {
                if let Some(end) = match_at(html, i, &word) {
                    out.push_str(&html[last..i]);
                    out.push_str("<mark>");
                    out.push_str(&html[i..end]);
                    out.push_str("</mark>");
                    last = end;
                }
            }
            _ => {}
        }
    }
    out.push_str(&html[last..]);
    out
}

async fn search(State(state): State<AppState>, page: Page, Query(q): Query<SearchQuery>) -> AppResult<Html<String>> {
    let Asked { text, words, kind, country, lang, topic } = q.parse()?;
    let choices = context! {
        kinds => Kind::ALL.map(Kind::key), countries => Country::keys(), languages => Language::keys(),
        topics => Expertise::keys(),
    };
    let selected = context! {
        q => text, kind => kind.map(Kind::key), country => country.map(Country::key),
        lang => lang.map(Language::key), topic => topic.map(Expertise::key),
    };
    if words.is_empty() {
        return page.render(&state, "search/results.html", context! { choices, selected, searched => false });
    }
    // Filters are tokens of the index, matched with the words: the database intersects them
    // instead of reading every match.
    let mut filter_tags: Vec<String> = Vec::new();
    filter_tags.extend(lang.map(|l| tag('l', l.key())));
    filter_tags.extend(topic.map(|t| tag('t', t.key())));
    let sqlite = matches!(state.db, Db::Sqlite(_));
    let expression = |kind: Option<Kind>| -> String {
        let tags: Vec<String> = filter_tags.iter().cloned().chain(kind.map(|k| tag('k', k.key()))).collect();
        match_expression(&words, &tags, sqlite)
    };
    let (matches, rowid) =
        if sqlite { ("search_fts MATCH", "f.rowid") } else { ("d.words @@ to_tsquery('simple', ", "d.id") };
    let condition = |p: &str| if sqlite { format!("{matches} {p}") } else { format!("{matches}{p})") };
    let country_filter = |args: &mut Args| match country {
        Some(c) => format!(" AND d.country = {}", args.push(Arg::Text(c.key().into()))),
        None => String::new(),
    };

    // One pass over the most recent CANDIDATES matches the viewer may see: they are counted
    // by kind (exactly, unless there are more) and ranked here by relevance, then recency.
    // Ranking every match of a common word would cost as much as reading the whole index.
    let mut args = Args::default();
    let p = args.push(Arg::Text(expression(kind)));
    let visible = (state.part::<Reach>().0)(&page.viewer, &mut args);
    let filters = country_filter(&mut args);
    let select = |from: &str, range: &str| {
        format!(
            "SELECT d.id, d.kind, d.ref_id, d.thread_id, d.title, d.body, d.updated_at FROM {from} \
             WHERE {} AND {range} AND {visible}{filters} ORDER BY {rowid} DESC LIMIT {}",
            condition(&p),
            CANDIDATES + 1
        )
    };
    let mut hits = match &state.db {
        Db::Sqlite(pool) => sqlite_candidates(pool, &select, &args).await?,
        Db::Postgres(pool) => postgres_candidates(pool, &select, &args).await?,
    };
    let more = hits.len() as i64 > CANDIDATES;
    hits.truncate(CANDIDATES as usize);
    // Ranked here rather than by the database: every candidate holds every word, and the
    // databases' relevance functions read each word's whole index to weigh it, which costs
    // more than the search.
    let mut scored: Vec<(f64, Hit)> = hits.into_iter().map(|h| (relevance(&h, &words), h)).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.updated_at.cmp(&a.1.updated_at)));
    // A thread is one result however many of its posts match: its best post, with that
    // post's snippet; and it is counted once.
    let mut threads_seen = std::collections::HashSet::new();
    scored.retain(|(_, h)| h.thread_id.is_none_or(|t| threads_seen.insert(t)));
    let counts: Vec<(Kind, i64)> =
        Kind::ALL.iter().map(|k| (*k, scored.iter().filter(|(_, h)| h.kind == k.key()).count() as i64)).collect();
    let hits: Vec<Hit> = scored.into_iter().take(RESULTS as usize).map(|(_, h)| h).collect();

    // Thread titles for the posts found, in one query (ids from the index, never input).
    let mut thread_ids: Vec<i64> = hits.iter().filter_map(|h| h.thread_id).collect();
    thread_ids.sort_unstable();
    thread_ids.dedup();
    let thread_titles: std::collections::HashMap<i64, String> = if thread_ids.is_empty() {
        Default::default()
    } else {
        let ids = thread_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
        let sql = format!("SELECT id, title FROM threads WHERE id IN ({ids})");
        let rows: Vec<(i64, String)> = on_db!(&state.db, pool => sqlx::query_as(&sql).fetch_all(pool).await)?;
        rows.into_iter().collect()
    };
    let mut groups: Vec<(Kind, Vec<HitView>)> = Kind::ALL.iter().map(|k| (*k, Vec::new())).collect();
    for hit in hits {
        let kind = Kind::parse(&hit.kind)?;
        let (href, title) = match kind {
            Kind::Member => (format!("/members/{}", hit.ref_id), hit.title.clone()),
            Kind::Organisation => (format!("/organisations/{}", hit.ref_id), hit.title.clone()),
            Kind::Group => (format!("/groups/{}", hit.ref_id), hit.title.clone()),
            Kind::Post => {
                let thread = hit.thread_id.unwrap_or_default();
                let title = thread_titles.get(&thread).cloned().unwrap_or_default();
                (format!("/forum/threads/{thread}#post-{}", hit.ref_id), title)
            }
            Kind::Resource => (format!("/library/{}", hit.ref_id), hit.title.clone()),
            Kind::Event => (format!("/events/{}", hit.ref_id), hit.title.clone()),
        };
        let source = if hit.body.is_empty() { &hit.title } else { &hit.body };
        let view = HitView { href, title, snippet: snippet(source, &words) };
        groups.iter_mut().find(|(k, _)| *k == kind).expect("every kind has a group").1.push(view);
    }
    let count_of = |k: Kind| counts.iter().find(|(key, _)| *key == k).map_or(0, |(_, n)| *n);
    let sections: Vec<minijinja::Value> = groups
        .into_iter()
        .map(|(k, hits)| {
            context! { kind => k.key(), count => count_of(k), more, hits }
        })
        .collect();
    let total: i64 = counts.iter().map(|(_, n)| n).sum();
    page.render(&state, "search/results.html", context! { choices, selected, searched => true, sections, total, more })
}

/// What a search statement is built from: the tables to read (aliased `d`) and a condition
/// on the range of documents.
type Select<'a> = &'a (dyn Fn(&str, &str) -> String + Sync);

/// Runs one search statement. Statements are planned for their words each time: a plan
/// made once for any words (what a prepared statement gets after a few runs) reads the
/// whole index of a common word where walking the newest documents would stop after a few
/// hundred (on PostgreSQL, 78 ms instead of 3 for `detention` over a million posts). The
/// text changes with every new document anyway, so caching it would only fill the
/// statement cache.
macro_rules! fetch_hits {
    ($executor:expr, $sql:expr, $args:expr) => {{
        let sql: String = $sql;
        let args: Args = $args.clone();
        bind_args!(sqlx::query_as::<_, Hit>(&sql).persistent(false), args).fetch_all($executor).await
    }};
}

/// SQLite: the candidates among the newest documents, then farther, then among all, until
/// there are enough: FTS5 reads a word's entries in document order, so a window limits what
/// it reads.
async fn sqlite_candidates(pool: &sqlx::SqlitePool, select: Select<'_>, args: &Args) -> Result<Vec<Hit>, sqlx::Error> {
    let from = "search_fts f JOIN search_docs d ON d.id = f.rowid";
    let newest: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM search_docs").fetch_one(pool).await?;
    let mut hits = Vec::new();
    for floor in WINDOWS.iter().map(|w| newest - w).filter(|&f| f > 0).chain([0]) {
        hits = fetch_hits!(pool, select(from, &format!("f.rowid > {floor}")), args)?;
        if hits.len() as i64 > CANDIDATES {
            break;
        }
    }
    Ok(hits)
}

/// PostgreSQL: the candidates among the newest documents, walked newest first; then from
/// the ranges of the index ([`partitions`]) below them, newest first, one range, then two,
/// then four, then all the rest, until there are enough. A range is read through its own
/// index, which holds only its documents: when matches are common overall but not among
/// the newest, the next range has enough of them; when they are rare, few statements read
/// every range.
async fn postgres_candidates(pool: &sqlx::PgPool, select: Select<'_>, args: &Args) -> Result<Vec<Hit>, sqlx::Error> {
    let sql = format!(
        "SELECT COALESCE((SELECT MAX(id) FROM search_docs), 0), EXISTS (SELECT 1 FROM search_docs_default), {}",
        partitions::TABLES
    );
    let mut tx = pool.begin().await?;
    // One snapshot for all the statements of a search, so that documents moved between
    // ranges meanwhile are seen once.
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute(&mut *tx).await?;
    // A statement that PostgreSQL expects to cost much (walking a window can look so) is
    // compiled to machine code first, which took 100 ms, five times the statement itself.
    sqlx::query("SET LOCAL jit = off").execute(&mut *tx).await?;
    let (newest, strays, tables): (i64, bool, Vec<String>) = sqlx::query_as(&sql).fetch_one(&mut *tx).await?;
    let floor = newest - WINDOWS[0];
    // PostgreSQL is told to walk the newest documents, checking each: it guesses how many
    // documents hold all the words as if words were independent (90 where 23,000 do), then
    // reads every match from the index and the table (170 ms) instead of stopping after a
    // few hundred (20 ms at most).
    sqlx::query("SET LOCAL enable_bitmapscan = off").execute(&mut *tx).await?;
    let mut hits = fetch_hits!(&mut *tx, select("search_docs d", &format!("d.id > {floor}")), args)?;
    if floor <= 0 || hits.len() as i64 > CANDIDATES {
        tx.commit().await?;
        return Ok(hits);
    }
    sqlx::query("SET LOCAL enable_bitmapscan = on").execute(&mut *tx).await?;
    let older: Vec<i64> =
        partitions::parse_ranges(&tables).into_iter().rev().filter(|k| k * partitions::SPAN <= floor).collect();
    let mut taken = 0;
    let mut group = 1;
    while taken < older.len() && hits.len() as i64 <= CANDIDATES {
        let end = if group > 4 { older.len() } else { (taken + group).min(older.len()) };
        let (newest_range, oldest_range) = (older[taken], older[end - 1]);
        // Bounds inside the ranges, which are contiguous, so that the default partition is
        // left out when the statement is planned.
        let (from, to) = (oldest_range * partitions::SPAN, ((newest_range + 1) * partitions::SPAN - 1).min(floor));
        let range = format!("d.id BETWEEN {from} AND {to}");
        hits.extend(fetch_hits!(&mut *tx, select("search_docs d", &range), args)?);
        taken = end;
        group *= 2;
    }
    // Documents written beyond the ranges wait in the default partition until housekeeping
    // moves them: rarely any, and whichever are newest count.
    if strays {
        let older = format!("d.id <= {floor}");
        hits.extend(fetch_hits!(&mut *tx, select("search_docs_default d", &older), args)?);
        hits.sort_unstable_by_key(|h| std::cmp::Reverse(h.id));
        hits.truncate(CANDIDATES as usize + 1);
    }
    tx.commit().await?;
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relevance_favours_titles_repetition_and_short_texts() {
        let hit = |title: &str, body: &str| Hit {
            id: 1,
            kind: "post".into(),
            ref_id: 1,
            thread_id: None,
            title: title.into(),
            body: body.into(),
            updated_at: 0,
        };
        let words = vec!["custody".to_string()];
        let in_title = relevance(&hit("Custody registers", "How to keep them."), &words);
        let in_body = relevance(&hit("Registers", "How to keep custody registers."), &words);
        let twice = relevance(&hit("Registers", "Custody registers and custody logs."), &words);
        let long = relevance(&hit("Registers", &format!("{} custody", "words ".repeat(300))), &words);
        assert!(in_title > twice && twice > in_body && in_body > long, "{in_title} {twice} {in_body} {long}");
        assert_eq!(relevance(&hit("Registers", "none here"), &words), 0.0);
        // Thai words are found inside running text.
        let thai = relevance(&hit("", "การป้องกันการทรมานในสถานีตำรวจ"), &["ทรมาน".to_string()]);
        assert!(thai > 0.0);
    }

    #[test]
    fn snippets_escape_and_mark_words() {
        let words = vec!["lock".to_string(), "visit".to_string()];
        let s = snippet("Checklist for <b>unannounced</b> visits to police lock-ups & cells", &words);
        assert!(s.contains("&lt;b&gt;unannounced&lt;/b&gt;"));
        assert!(s.contains("<mark>visit</mark>s") && s.contains("<mark>lock</mark>-ups"));
        assert!(s.contains("&amp; cells"));
        // A word inside an entity is never marked.
        assert_eq!(mark("a &amp; b", "amp"), "a &amp; b");
        // Characters whose lower case has another length, in a text of unchanged total length.
        let tricky = "Notes on torture prevention \u{212A}torture \u{23A}\u{23A}";
        let _ = snippet(tricky, &["torture".to_string()]);
        let _ = mark(tricky, "torture");
        let thai = snippet("ฝ่ายคุ้มครองสิทธิมนุษยชนของเรา", &["สิทธิ".to_string()]);
        assert!(thai.contains("<mark>สิทธิ</mark>"), "{thai}");
    }

    /// Found by fuzzing: a word spelt inside `mark` was marked inside the tags put in for an
    /// earlier word, which broke the snippet's HTML (`<ma<mark>rk</mark>>`).
    #[test]
    fn words_are_not_marked_inside_earlier_marks() {
        assert_eq!(mark("<mark>custody</mark> mark", "rk"), "<mark>custody</mark> ma<mark>rk</mark>");
        let words = ["custody", "register", "rk"].map(String::from);
        assert_eq!(snippet("custody mark", &words), "<mark>custody</mark> ma<mark>rk</mark>");
        let words = ["custody", "mark"].map(String::from);
        assert_eq!(snippet("custody mark", &words), "<mark>custody</mark> <mark>mark</mark>");
    }

    /// Found by fuzzing: in a text whose lower case is as long but with characters moved
    /// (the Kelvin sign shrinks, `Ⱥ` grows), marks landed beside the word, across the tags of
    /// earlier marks too.
    #[test]
    fn marks_land_on_the_word_when_lower_case_moves_characters() {
        assert_eq!(
            mark("\u{212A}xx torture \u{23A}\u{23A}", "torture"),
            "\u{212A}xx <mark>torture</mark> \u{23A}\u{23A}"
        );
        let words = ["torture", "mark"].map(String::from);
        assert_eq!(
            snippet("\u{212A} torture mark \u{23A}\u{23A}", &words),
            "\u{212A} <mark>torture</mark> <mark>mark</mark> \u{23A}\u{23A}"
        );
        assert_eq!(mark("ΟΔΟΣ", "οδος"), "<mark>ΟΔΟΣ</mark>");
        assert_eq!(mark("Kelvin", "kelvin"), "<mark>Kelvin</mark>");
    }

    #[test]
    fn long_texts_are_cut_around_the_first_match() {
        let text = format!("{} needle {}", "a ".repeat(200), "b ".repeat(200));
        let s = snippet(&text, &["needle".to_string()]);
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains("<mark>needle</mark>"));
        assert!(s.chars().count() < 120);
    }

    /// A Thai text cut at 30 characters before the match would begin with a lone vowel
    /// mark: the cut moves to where a word begins.
    #[test]
    fn thai_snippets_are_cut_between_words() {
        let text = "เจ้าหน้าที่ตำรวจและเจ้าหน้าที่สิทธิมนุษยชนร่วมกันตรวจเยี่ยมสถานที่ควบคุมตัวเพื่อป้องกันการทรมานและการปฏิบัติที่โหดร้าย \
                    ไร้มนุษยธรรมหรือย่ำยีศักดิ์ศรีในทุกจังหวัดของประเทศไทยตลอดปีนี้และปีหน้า";
        let bounds = super::segment::boundaries(text);
        for word in ["ทรมาน", "ศักดิ์ศรี", "จังหวัด", "ตรวจเยี่ยม"]
        {
            let s = snippet(text, &[word.to_string()]);
            assert!(s.contains(&format!("<mark>{word}</mark>")), "{word}: {s}");
            let piece = s.trim_start_matches('…').trim_end_matches('…').replace("<mark>", "").replace("</mark>", "");
            assert!(!super::segment::is_mark(piece.chars().next().unwrap()), "{word}: {s}");
            let at = text.find(&piece).expect("the snippet is a piece of the text");
            assert!(bounds.contains(&at) && bounds.contains(&(at + piece.len())), "{word}: cut inside a word: {s}");
        }
    }
}

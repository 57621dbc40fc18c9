//! What search holds of the forums: every visible post of every visible thread, carrying its
//! group so that only the group's readers reach it, and for the public where the group opens
//! its threads to the public (never a secret one). Written in the transaction that posts,
//! edits, hides or moves, so that a hidden post leaves search with the hiding.

use std::future::Future;
use std::pin::Pin;

use crate::db::Tx;
use crate::on_tx;
use crate::search::{self, language_tags, Doc, Indexer, Kind};
use crate::vocab::GroupAccess;
use crate::web::markdown::plain;

#[derive(sqlx::FromRow)]
struct ThreadPlace {
    id: i64,
    title: String,
    hidden: bool,
    group_id: Option<i64>,
    access: Option<String>,
    public_threads: Option<bool>,
}

impl ThreadPlace {
    /// Whether anonymous readers may read it (see [`super::access::Access::of`]).
    fn audience(&self) -> &'static str {
        let public = self.public_threads.unwrap_or(false) && self.access.as_deref() != Some(GroupAccess::Secret.key());
        if public {
            "public"
        } else {
            "members"
        }
    }

    fn doc(&self, post: i64, body: &str, at: i64, first: bool) -> Doc {
        Doc {
            kind: Kind::Post,
            ref_id: post,
            audience: self.audience(),
            group_id: self.group_id,
            thread_id: Some(self.id),
            country: None,
            // The thread's title is searchable once, through its first post.
            title: if first { self.title.clone() } else { String::new() },
            tags: Vec::new(),
            body: plain(body),
            updated_at: at,
        }
    }
}

const PLACE: &str = "SELECT t.id, t.title, t.hidden, t.group_id, g.access, g.public_threads FROM threads t \
                     LEFT JOIN network_groups g ON g.id = t.group_id";

async fn place(tx: &mut Tx, thread: i64) -> Result<Option<ThreadPlace>, sqlx::Error> {
    let sql = format!("{PLACE} WHERE t.id = $1");
    on_tx!(tx, c => sqlx::query_as(&sql).bind(thread).fetch_optional(&mut **c).await)
}

/// Re-indexes every visible post of a thread, inside the caller's transaction.
pub async fn index_thread(tx: &mut Tx, thread: i64) -> Result<(), sqlx::Error> {
    search::lock(tx, Kind::Post, thread).await?;
    let mut docs = Vec::new();
    if let Some(place) = place(tx, thread).await?.filter(|p| !p.hidden) {
        let sql = "SELECT id, body, COALESCE(edited_at, created_at) FROM posts WHERE thread_id = $1 AND NOT hidden ORDER BY id";
        let posts: Vec<(i64, String, i64)> =
            on_tx!(tx, c => sqlx::query_as(sql).bind(thread).fetch_all(&mut **c).await)?;
        for (i, (id, body, at)) in posts.iter().enumerate() {
            let mut doc = place.doc(*id, body, *at, i == 0);
            doc.tags = language_tags(body);
            docs.push(doc);
        }
    }
    search::replace_thread(tx, thread, &docs).await
}

/// Re-indexes one post (a reply, an edit, a post hidden or shown again), inside the caller's
/// transaction; changes to the whole thread go through [`index_thread`].
pub async fn index_post(tx: &mut Tx, post: i64) -> Result<(), sqlx::Error> {
    // Posts are locked by their thread: find it, lock, then read the post as it is now.
    let sql = "SELECT thread_id FROM posts WHERE id = $1";
    let thread: Option<i64> = on_tx!(tx, c => sqlx::query_scalar(sql).bind(post).fetch_optional(&mut **c).await)?;
    if let Some(thread) = thread {
        search::lock(tx, Kind::Post, thread).await?;
    }
    let sql = "SELECT p.thread_id, p.body, COALESCE(p.edited_at, p.created_at), p.hidden, \
               (SELECT MIN(f.id) FROM posts f WHERE f.thread_id = p.thread_id) = p.id FROM posts p WHERE p.id = $1";
    let row: Option<(i64, String, i64, bool, bool)> =
        on_tx!(tx, c => sqlx::query_as(sql).bind(post).fetch_optional(&mut **c).await)?;
    let Some((thread, body, at, hidden, first)) = row else {
        return search::replace_post(tx, post, None, None).await;
    };
    let place = place(tx, thread).await?.filter(|p| !p.hidden && !hidden);
    let doc = place.map(|p| {
        let mut doc = p.doc(post, &body, at, first);
        doc.tags = language_tags(&body);
        doc
    });
    search::replace_post(tx, post, Some(thread), doc.as_ref()).await
}

/// Re-indexes every thread of a group (its access or public reading changed), inside the
/// caller's transaction.
pub async fn index_group(tx: &mut Tx, group: i64) -> Result<(), sqlx::Error> {
    let threads: Vec<i64> = on_tx!(tx, c => sqlx::query_scalar("SELECT id FROM threads WHERE group_id = $1 ORDER BY id")
        .bind(group).fetch_all(&mut **c).await)?;
    for t in threads {
        index_thread(tx, t).await?;
    }
    Ok(())
}

/// Every visible post of every visible thread into the emptied index, as [`index_thread`]
/// would one by one, but in bulk: one query per batch of threads.
async fn write_all(tx: &mut Tx) -> Result<usize, sqlx::Error> {
    const THREADS_PER_BATCH: usize = 2000;
    let sql = format!("{PLACE} WHERE NOT t.hidden ORDER BY t.id");
    let threads: Vec<ThreadPlace> = on_tx!(tx, c => sqlx::query_as(&sql).fetch_all(&mut **c).await)?;
    for batch in threads.chunks(THREADS_PER_BATCH) {
        let (first, last) = (batch[0].id, batch[batch.len() - 1].id);
        let sql = "SELECT id, thread_id, body, COALESCE(edited_at, created_at) FROM posts \
                   WHERE thread_id BETWEEN $1 AND $2 AND NOT hidden ORDER BY thread_id, id";
        let posts: Vec<(i64, i64, String, i64)> =
            on_tx!(tx, c => sqlx::query_as(sql).bind(first).bind(last).fetch_all(&mut **c).await)?;
        let places: std::collections::HashMap<i64, &ThreadPlace> = batch.iter().map(|t| (t.id, t)).collect();
        let mut previous_thread = None;
        let mut docs = Vec::with_capacity(posts.len());
        for (id, thread, body, at) in posts {
            // Posts of hidden threads are not in `places`.
            let Some(place) = places.get(&thread) else { continue };
            let first_of_thread = previous_thread != Some(thread);
            previous_thread = Some(thread);
            docs.push(place.doc(id, &body, at, first_of_thread));
        }
        // Their languages are found with their words, on every core.
        search::insert_bulk(tx, docs).await?;
    }
    Ok(threads.len())
}

fn write_all_boxed(tx: &mut Tx) -> Pin<Box<dyn Future<Output = Result<usize, sqlx::Error>> + Send + '_>> {
    Box::pin(write_all(tx))
}

/// Forum posts, for a rebuild.
pub const INDEXER: Indexer =
    Indexer { kind: Kind::Post, expected: "SELECT COUNT(*) FROM posts", write_all: write_all_boxed };

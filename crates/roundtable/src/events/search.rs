//! What search holds of an event: its title and description, with its languages and topics,
//! for the audience its visibility names: public events for anyone, members' events for
//! members, a group's for that group's active members, and invitation-only ones for
//! coordinators alone (the invited find them through their invitations and calendar): a
//! search never shows more than the event page would (see [`super::access`]). The venue
//! and address are indexed as the page shows them (not for online events); people are not.

use std::future::Future;
use std::pin::Pin;

use crate::db::Tx;
use crate::on_tx;
use crate::search::{self, tag, Doc, Indexer, Kind};
use crate::web::markdown::plain;

#[derive(sqlx::FromRow)]
struct EventRow {
    title: String,
    description: String,
    mode: String,
    venue: String,
    address: String,
    visibility: String,
    group_id: Option<i64>,
    country: String,
    updated_at: i64,
}

async fn doc(tx: &mut Tx, id: i64) -> Result<Option<Doc>, sqlx::Error> {
    let sql = "SELECT title, description, mode, venue, address, visibility, group_id, country, updated_at \
               FROM events WHERE id = $1";
    let row: Option<EventRow> = on_tx!(tx, c => sqlx::query_as(sql).bind(id).fetch_optional(&mut **c).await)?;
    let Some(e) = row else { return Ok(None) };
    let languages = "SELECT lang FROM event_languages WHERE event_id = $1";
    let languages: Vec<String> = on_tx!(tx, c => sqlx::query_scalar(languages).bind(id).fetch_all(&mut **c).await)?;
    let topics = "SELECT area FROM event_topics WHERE event_id = $1";
    let topics: Vec<String> = on_tx!(tx, c => sqlx::query_scalar(topics).bind(id).fetch_all(&mut **c).await)?;
    let tags = languages.iter().map(|l| tag('l', l)).chain(topics.iter().map(|t| tag('t', t))).collect();
    let (audience, group_id) = match (e.visibility.as_str(), e.group_id) {
        ("public", _) => ("public", None),
        ("members", _) => ("members", None),
        ("group", Some(group)) => ("members", Some(group)),
        ("invitation_only", _) => ("coordinators", None),
        // A visibility this code does not know is indexed for nobody.
        _ => return Ok(None),
    };
    Ok(Some(Doc {
        kind: Kind::Event,
        ref_id: id,
        audience,
        group_id,
        thread_id: None,
        country: Some(e.country),
        title: e.title,
        body: if e.mode == "online" {
            plain(&e.description)
        } else {
            format!("{}\n{}\n{}", e.venue, e.address, plain(&e.description)).trim().to_string()
        },
        updated_at: e.updated_at,
        tags,
    }))
}

/// Re-indexes event `id` inside the caller's transaction.
pub async fn index(tx: &mut Tx, id: i64) -> Result<(), sqlx::Error> {
    search::lock(tx, Kind::Event, id).await?;
    let docs: Vec<Doc> = doc(tx, id).await?.into_iter().collect();
    search::replace(tx, Kind::Event, id, &docs).await
}

async fn write_all(tx: &mut Tx) -> Result<usize, sqlx::Error> {
    let ids: Vec<i64> = on_tx!(tx, c => sqlx::query_scalar("SELECT id FROM events").fetch_all(&mut **c).await)?;
    let mut all = Vec::new();
    for id in &ids {
        all.extend(doc(tx, *id).await?);
    }
    search::insert_bulk(tx, all).await?;
    Ok(ids.len())
}

fn write_all_boxed(tx: &mut Tx) -> Pin<Box<dyn Future<Output = Result<usize, sqlx::Error>> + Send + '_>> {
    Box::pin(write_all(tx))
}

/// Events, for a rebuild.
pub const INDEXER: Indexer =
    Indexer { kind: Kind::Event, expected: "SELECT COUNT(*) FROM events", write_all: write_all_boxed };

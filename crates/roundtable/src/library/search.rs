//! What search holds of a library resource: its title and summary, with its languages and
//! topics, for the audience its access names: public resources for anyone, the others for
//! members, and a group's only for that group's members. Written in the transaction that
//! changes the resource, so that a change of access or a deletion changes who finds it at
//! once.

use std::future::Future;
use std::pin::Pin;

use crate::db::Tx;
use crate::on_tx;
use crate::search::{self, tag, Doc, Indexer, Kind};
use crate::web::markdown::plain;

#[derive(sqlx::FromRow)]
struct ResourceRow {
    title: String,
    summary: String,
    access: String,
    group_id: Option<i64>,
    updated_at: i64,
    country: Option<String>,
}

async fn doc(tx: &mut Tx, id: i64) -> Result<Option<Doc>, sqlx::Error> {
    let sql = "SELECT r.title, r.summary, r.access, r.group_id, r.updated_at, \
               (SELECT MIN(t.key) FROM resource_tags t WHERE t.resource_id = r.id AND t.vocab = 'country') AS country \
               FROM resources r WHERE r.id = $1";
    let row: Option<ResourceRow> = on_tx!(tx, c => sqlx::query_as(sql).bind(id).fetch_optional(&mut **c).await)?;
    let Some(r) = row else { return Ok(None) };
    let sql = "SELECT vocab, key FROM resource_tags WHERE resource_id = $1 AND vocab IN ('language', 'topic') ORDER BY vocab, key";
    let keys: Vec<(String, String)> = on_tx!(tx, c => sqlx::query_as(sql).bind(id).fetch_all(&mut **c).await)?;
    let tags = keys.iter().map(|(vocab, key)| tag(if vocab == "language" { 'l' } else { 't' }, key)).collect();
    let audience = match r.access.as_str() {
        "public" => "public",
        "members" => "members",
        "group" if r.group_id.is_some() => "members",
        // An access level this code does not know is indexed for nobody.
        _ => return Ok(None),
    };
    Ok(Some(Doc {
        kind: Kind::Resource,
        ref_id: id,
        audience,
        group_id: if r.access == "group" { r.group_id } else { None },
        thread_id: None,
        country: r.country,
        title: r.title,
        body: plain(&r.summary),
        updated_at: r.updated_at,
        tags,
    }))
}

/// Re-indexes resource `id` inside the caller's transaction (a deleted one leaves).
pub async fn index(tx: &mut Tx, id: i64) -> Result<(), sqlx::Error> {
    search::lock(tx, Kind::Resource, id).await?;
    let docs: Vec<Doc> = doc(tx, id).await?.into_iter().collect();
    search::replace(tx, Kind::Resource, id, &docs).await
}

async fn write_all(tx: &mut Tx) -> Result<usize, sqlx::Error> {
    let ids: Vec<i64> = on_tx!(tx, c => sqlx::query_scalar("SELECT id FROM resources").fetch_all(&mut **c).await)?;
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

/// Library resources, for a rebuild.
pub const INDEXER: Indexer =
    Indexer { kind: Kind::Resource, expected: "SELECT COUNT(*) FROM resources", write_all: write_all_boxed };

//! What search holds of a member: their profile once per audience that may see it, with only
//! the fields that audience may see, and nothing at all where they are hidden from it (at
//! risk: coordinators only). Written in the transaction of the change it follows, so that a
//! member who turns at-risk, or hides a field, leaves search with that very change.

use std::future::Future;
use std::pin::Pin;

use super::access::Audience;
use crate::db::{now_ms, Reader, Tx};
use crate::on_tx;
use crate::search::{self, tag, Doc, Indexer, Kind};

async fn docs(tx: &mut Tx, id: i64) -> Result<Vec<Doc>, sqlx::Error> {
    let Some(profile) = super::load_profile_from(&mut Reader::Tx(tx), id).await? else { return Ok(Vec::new()) };
    let mut docs = Vec::new();
    for (audience, key) in
        [(Audience::Public, "public"), (Audience::Member, "members"), (Audience::Coordinator, "coordinators")]
    {
        let Some(view) = profile.view(audience) else { continue };
        let orgs: Vec<&str> = view.organisations.iter().map(|o| o.name.as_str()).collect();
        let body = [view.region.as_deref().unwrap_or(""), &orgs.join(" · "), view.bio.as_deref().unwrap_or("")]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · ");
        // Only what this audience may see: the languages spoken and the areas of expertise.
        let tags =
            view.languages.iter().map(|l| tag('l', l)).chain(view.expertise.iter().map(|e| tag('t', e))).collect();
        docs.push(Doc {
            kind: Kind::Member,
            ref_id: id,
            audience: key,
            group_id: None,
            thread_id: None,
            country: view.country.clone(),
            title: view.name.clone(),
            body,
            updated_at: now_ms(),
            tags,
        });
    }
    Ok(docs)
}

/// Re-indexes member `id` inside the caller's transaction (a deactivated member leaves).
pub async fn index(tx: &mut Tx, id: i64) -> Result<(), sqlx::Error> {
    search::lock(tx, Kind::Member, id).await?;
    let docs = docs(tx, id).await?;
    search::replace(tx, Kind::Member, id, &docs).await
}

async fn write_all(tx: &mut Tx) -> Result<usize, sqlx::Error> {
    let users: Vec<i64> =
        on_tx!(tx, c => sqlx::query_scalar("SELECT id FROM users WHERE active").fetch_all(&mut **c).await)?;
    let mut all = Vec::new();
    for user in &users {
        all.extend(docs(tx, *user).await?);
    }
    search::insert_bulk(tx, all).await?;
    Ok(users.len())
}

fn write_all_boxed(tx: &mut Tx) -> Pin<Box<dyn Future<Output = Result<usize, sqlx::Error>> + Send + '_>> {
    Box::pin(write_all(tx))
}

/// Members, for a rebuild: three documents each at most.
pub const INDEXER: Indexer =
    Indexer { kind: Kind::Member, expected: "SELECT 3 * COUNT(*) FROM users", write_all: write_all_boxed };

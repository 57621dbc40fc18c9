//! What search holds of a group: its name and purpose, which is what a viewer who knows of
//! the group sees from outside. Listed groups are written for everyone, the others for
//! members; who of them reaches a secret group is decided as results are read, by the one
//! rule of [`super::access::known_sql`] (see `rules::search_reach`).

use std::future::Future;
use std::pin::Pin;

use crate::db::Tx;
use crate::on_tx;
use crate::search::{self, Doc, Indexer, Kind};

type Row = (i64, String, String, String, bool, i64);

fn doc((id, name, purpose, access, listed_publicly, updated_at): Row) -> Doc {
    Doc {
        kind: Kind::Group,
        ref_id: id,
        audience: if listed_publicly && access != "secret" { "public" } else { "members" },
        group_id: None,
        thread_id: None,
        country: None,
        title: name,
        body: purpose,
        updated_at,
        tags: Vec::new(),
    }
}

const COLUMNS: &str = "SELECT id, name, purpose, access, listed_publicly, updated_at FROM network_groups";

/// Re-indexes group `id` inside the caller's transaction.
pub async fn index(tx: &mut Tx, id: i64) -> Result<(), sqlx::Error> {
    search::lock(tx, Kind::Group, id).await?;
    let sql = format!("{COLUMNS} WHERE id = $1");
    let row: Option<Row> = on_tx!(tx, c => sqlx::query_as(&sql).bind(id).fetch_optional(&mut **c).await)?;
    let docs: Vec<Doc> = row.into_iter().map(doc).collect();
    search::replace(tx, Kind::Group, id, &docs).await
}

async fn write_all(tx: &mut Tx) -> Result<usize, sqlx::Error> {
    let rows: Vec<Row> = on_tx!(tx, c => sqlx::query_as(COLUMNS).fetch_all(&mut **c).await)?;
    let n = rows.len();
    search::insert_bulk(tx, rows.into_iter().map(doc).collect()).await?;
    Ok(n)
}

fn write_all_boxed(tx: &mut Tx) -> Pin<Box<dyn Future<Output = Result<usize, sqlx::Error>> + Send + '_>> {
    Box::pin(write_all(tx))
}

/// Groups, for a rebuild.
pub const INDEXER: Indexer =
    Indexer { kind: Kind::Group, expected: "SELECT COUNT(*) FROM network_groups", write_all: write_all_boxed };

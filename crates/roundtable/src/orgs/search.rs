//! What search holds of an organisation: its name and description, for everyone if it is
//! public and for members otherwise (the rule of [`super::can_view`]).

use std::future::Future;
use std::pin::Pin;

use crate::db::Tx;
use crate::on_tx;
use crate::search::{self, Doc, Indexer, Kind};

type Row = (i64, String, String, String, bool, i64);

fn doc((id, name, description, country, public, updated_at): Row) -> Doc {
    Doc {
        kind: Kind::Organisation,
        ref_id: id,
        audience: if public { "public" } else { "members" },
        group_id: None,
        thread_id: None,
        country: Some(country),
        title: name,
        body: description,
        updated_at,
        tags: Vec::new(),
    }
}

const COLUMNS: &str = "SELECT id, name, description, country, public, updated_at FROM organisations";

/// Re-indexes organisation `id` inside the caller's transaction.
pub async fn index(tx: &mut Tx, id: i64) -> Result<(), sqlx::Error> {
    search::lock(tx, Kind::Organisation, id).await?;
    let sql = format!("{COLUMNS} WHERE id = $1");
    let row: Option<Row> = on_tx!(tx, c => sqlx::query_as(&sql).bind(id).fetch_optional(&mut **c).await)?;
    let docs: Vec<Doc> = row.into_iter().map(doc).collect();
    search::replace(tx, Kind::Organisation, id, &docs).await
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

/// Organisations, for a rebuild.
pub const INDEXER: Indexer =
    Indexer { kind: Kind::Organisation, expected: "SELECT COUNT(*) FROM organisations", write_all: write_all_boxed };

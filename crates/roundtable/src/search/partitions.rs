//! PostgreSQL's search index, split by ranges of document ids.
//!
//! A GIN index answers a word with every document that holds it, in no order, and cannot be
//! told to stop at the newest: over a million documents, a search for two common Thai words
//! read tens of thousands of entries and rows to keep the newest 500. Each range of
//! [`SPAN`] ids is a partition with its own GIN index, so a search reads the ranges newest
//! first and stops when it has enough (see `search::postgres_candidates`).
//!
//! Ranges are created ahead of the ids the sequence hands out ([`maintain`]: at start, by
//! housekeeping, and before a rebuild for as many documents as it will write). A document
//! whose range does not exist yet lands in the default partition and is still found; the
//! next [`maintain`] moves it into its range. Ranges below the oldest document are empty for
//! good (ids only grow) and are dropped, so that rebuilds do not leave a trail of them.
//! Ranges between the lowest and the highest are never missing, which is what lets a search
//! name each one.
//!
//! SQLite's full-text index is one B-tree per word, ordered by document, and needs none of
//! this.

use sqlx::{PgPool, Postgres, Transaction};

use crate::db::Db;

/// Ids per range: a search that must look past the newest documents reads one range's
/// matches at a time.
pub const SPAN: i64 = 50_000;

/// How far past the last id handed out ranges are kept ready, in ids: far more than a
/// network writes between two housekeeping runs.
pub const AHEAD: i64 = 2 * SPAN;

/// Key of the advisory lock under which ranges change, so that several nodes running
/// housekeeping at once do not race.
const LOCK: i64 = 0x005E_A2C4_0001;

/// The table holding the range that starts at `k * SPAN`.
fn range_table(k: i64) -> String {
    format!("search_docs_p{k}")
}

/// The names of the tables of the search index, as an SQL expression (an array).
pub const TABLES: &str = "ARRAY(SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid \
                          WHERE i.inhparent = 'search_docs'::regclass)";

/// The ranges among the tables of the index, by number (`k` for ids
/// `k * SPAN .. (k + 1) * SPAN`), ascending.
pub fn parse_ranges(tables: &[String]) -> Vec<i64> {
    let mut ranges: Vec<i64> =
        tables.iter().filter_map(|n| n.strip_prefix("search_docs_p").and_then(|k| k.parse().ok())).collect();
    ranges.sort_unstable();
    ranges
}

/// The ranges that exist, ascending.
pub async fn ranges<'c, E: sqlx::PgExecutor<'c>>(executor: E) -> Result<Vec<i64>, sqlx::Error> {
    let tables: Vec<String> = sqlx::query_scalar(&format!("SELECT {TABLES}")).fetch_one(executor).await?;
    Ok(parse_ranges(&tables))
}

/// The last id the sequence handed out (0 before the first).
async fn last_id(tx: &mut Transaction<'_, Postgres>) -> Result<i64, sqlx::Error> {
    let (last, called): (i64, bool) =
        sqlx::query_as("SELECT last_value, is_called FROM search_docs_id_seq").fetch_one(&mut **tx).await?;
    Ok(if called { last } else { 0 })
}

/// Makes ranges exist for every id up to `ahead` past the last one handed out, without gaps
/// from the lowest range, moves documents out of the default partition into their ranges,
/// and drops the ranges below the oldest document. Does nothing on SQLite.
pub async fn maintain(db: &Db, ahead: i64) -> Result<(), sqlx::Error> {
    let Db::Postgres(pool) = db else { return Ok(()) };
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(LOCK).execute(&mut *tx).await?;
    patient(&mut tx).await?;
    let existing = ranges(&mut *tx).await?;
    let last = last_id(&mut tx).await?;
    let strays: Vec<i64> =
        sqlx::query_scalar("SELECT DISTINCT id / $1 FROM search_docs_default").bind(SPAN).fetch_all(&mut *tx).await?;
    let wanted_top = (last + ahead) / SPAN;
    let lowest = existing.iter().chain(&strays).copied().chain([last / SPAN]).min().unwrap_or(0);
    let highest = existing.iter().chain(&strays).copied().chain([wanted_top]).max().unwrap_or(0);
    let missing: Vec<i64> = (lowest..=highest).filter(|k| existing.binary_search(k).is_err()).collect();
    if !missing.is_empty() {
        // Writers wait until the ranges exist: one that had already planned to delete a
        // document from the default partition would otherwise miss it once moved, and one
        // about to write there would break the new range's bounds. Searches go on.
        sqlx::query("LOCK TABLE search_docs IN SHARE ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
    }
    for k in missing {
        create_range(&mut tx, k).await?;
    }
    tx.commit().await?;
    drop_empty_ranges(pool).await?;
    merge_pending_entries(pool).await
}

/// Merges the entries waiting in each range's pending list into its index: a search reads
/// the pending list whole, in every range it looks at (a rebuild left 2 MB in each range,
/// which tripled the cost of a search through all of them).
async fn merge_pending_entries(pool: &PgPool) -> Result<(), sqlx::Error> {
    let sql = "SELECT gin_clean_pending_list(x.indexrelid) FROM pg_index x \
               JOIN pg_inherits i ON i.inhrelid = x.indrelid \
               JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_am a ON a.oid = c.relam \
               WHERE i.inhparent = 'search_docs'::regclass AND a.amname = 'gin'";
    sqlx::query(sql).execute(pool).await?;
    Ok(())
}

/// Changing ranges takes locks that searches and writers then queue behind; a writer in a
/// long transaction (a rebuild) would stall them all until it commits. Rather than wait
/// more than half a second, the change gives up and is tried again by the next
/// housekeeping run: documents stay findable in the default partition meanwhile.
async fn patient(tx: &mut Transaction<'_, Postgres>) -> Result<(), sqlx::Error> {
    sqlx::query("SET LOCAL lock_timeout = '500ms'").execute(&mut **tx).await?;
    Ok(())
}

/// Creates range `k` as a table of its own, moves into it the default partition's
/// documents that belong there, and attaches it (which builds its indexes).
async fn create_range(tx: &mut Transaction<'_, Postgres>, k: i64) -> Result<(), sqlx::Error> {
    let table = range_table(k);
    let (lo, hi) = (k * SPAN, (k + 1) * SPAN);
    sqlx::query(&format!("CREATE TABLE {table} (LIKE search_docs INCLUDING DEFAULTS)")).execute(&mut **tx).await?;
    let moved = format!(
        "WITH moved AS (DELETE FROM search_docs_default WHERE id >= $1 AND id < $2 RETURNING *) \
         INSERT INTO {table} SELECT * FROM moved"
    );
    sqlx::query(&moved).bind(lo).bind(hi).execute(&mut **tx).await?;
    let attach = format!("ALTER TABLE search_docs ATTACH PARTITION {table} FOR VALUES FROM ({lo}) TO ({hi})");
    sqlx::query(&attach).execute(&mut **tx).await?;
    Ok(())
}

/// Drops the ranges that end at or below the oldest document (or the last id handed out,
/// when there are none): no document can ever be written there again.
async fn drop_empty_ranges(pool: &PgPool) -> Result<(), sqlx::Error> {
    let below = |existing: &[i64], floor: i64| -> Vec<i64> {
        existing.iter().copied().filter(|k| (k + 1) * SPAN <= floor).collect()
    };
    let floor_sql = "SELECT MIN(id) FROM search_docs";
    let oldest: Option<i64> = sqlx::query_scalar(floor_sql).fetch_one(pool).await?;
    let mut tx = pool.begin().await?;
    let floor = match oldest {
        Some(id) => id,
        None => last_id(&mut tx).await? + 1,
    };
    if below(&ranges(&mut *tx).await?, floor).is_empty() {
        return Ok(());
    }
    // Writers that hold an id below the floor but have not committed would lose their
    // document with the range: the table lock waits for them, then the floor is read again.
    sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(LOCK).execute(&mut *tx).await?;
    patient(&mut tx).await?;
    sqlx::query("LOCK TABLE search_docs IN ACCESS EXCLUSIVE MODE").execute(&mut *tx).await?;
    let oldest: Option<i64> = sqlx::query_scalar(floor_sql).fetch_one(&mut *tx).await?;
    let floor = match oldest {
        Some(id) => id,
        None => last_id(&mut tx).await? + 1,
    };
    for k in below(&ranges(&mut *tx).await?, floor) {
        sqlx::query(&format!("DROP TABLE {}", range_table(k))).execute(&mut *tx).await?;
    }
    tx.commit().await
}

//! One handle over SQLite or PostgreSQL.
//!
//! SQL is written once, in the portable subset both engines accept (`$1` placeholders,
//! `BIGINT` unix milliseconds, `BOOLEAN`, `RETURNING`, `ON CONFLICT`). The [`on_db!`] and
//! [`on_tx!`] macros expand a query expression once per backend, so each expansion is
//! type-checked against its own driver and rows decode with one `#[derive(FromRow)]`.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, Postgres, Sqlite, SqlitePool, Transaction};

static SQLITE_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// The newest migration this version of Roundtable knows, for SQLite or PostgreSQL.
pub fn known_migration(sqlite: bool) -> i64 {
    let migrator = if sqlite { &SQLITE_MIGRATOR } else { &POSTGRES_MIGRATOR };
    migrator.iter().map(|m| m.version).max().unwrap_or(0)
}

/// A pool on one of the two supported backends. Cheap to clone.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// An open transaction on either backend; dropped without `commit` it rolls back.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// Run `$body` with `$pool` bound to the concrete pool of `$db`.
#[macro_export]
macro_rules! on_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

/// Run `$body` with `$conn` bound to the concrete connection of the transaction `$tx`
/// (use it as `&mut **$conn`).
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, $conn:ident => $body:expr) => {
        match $tx {
            $crate::db::Tx::Sqlite($conn) => $body,
            $crate::db::Tx::Postgres($conn) => $body,
        }
    };
}

/// Something to read from: the pool, or an open transaction (whose own writes the reads
/// then see). For queries that serve both a page and a write, such as a profile read to show
/// it and to index it in the transaction that changed it.
pub enum Reader<'a> {
    Db(&'a Db),
    Tx(&'a mut Tx),
}

/// Run `$body` with `$e` bound to an executor of the [`Reader`] `$reader` (a `&mut Reader`).
#[macro_export]
macro_rules! on_reader {
    ($reader:expr, $e:ident => $body:expr) => {
        match $reader {
            $crate::db::Reader::Db($crate::db::Db::Sqlite($e)) => $body,
            $crate::db::Reader::Db($crate::db::Db::Postgres($e)) => $body,
            $crate::db::Reader::Tx(tx) => match &mut **tx {
                $crate::db::Tx::Sqlite(c) => {
                    let $e = &mut **c;
                    $body
                }
                $crate::db::Tx::Postgres(c) => {
                    let $e = &mut **c;
                    $body
                }
            },
        }
    };
}

impl Db {
    /// Connect to `sqlite://FILE` (created if missing; WAL, foreign keys on) or `postgres://...`.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                // Deleted rows (expired messages above all) are overwritten, not left in free pages.
                .pragma("secure_delete", "ON")
                .busy_timeout(Duration::from_secs(10));
            let pool = SqlitePoolOptions::new().max_connections(8).connect_with(options).await?;
            Ok(Db::Sqlite(pool))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let options = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            Ok(Db::Postgres(pool))
        } else {
            anyhow::bail!("unsupported database URL: use sqlite://FILE or postgres://...")
        }
    }

    /// The newest migration applied to this database.
    pub async fn applied_migration(&self) -> Result<i64, sqlx::Error> {
        let sql = "SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations";
        on_db!(self, pool => sqlx::query_scalar(sql).fetch_one(pool).await)
    }

    /// Apply the embedded migrations of this backend that are not applied yet.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        match self {
            Db::Sqlite(pool) => SQLITE_MIGRATOR.run(pool).await?,
            Db::Postgres(pool) => POSTGRES_MIGRATOR.run(pool).await?,
        }
        Ok(())
    }

    /// Begin a transaction. On SQLite it takes the write lock at once, waiting up to the busy
    /// timeout for it. A deferred transaction that has read cannot become a writer once
    /// another connection has written, and SQLite says "database is locked" at once rather
    /// than wait. Many transactions here read before they write (a count before an insert),
    /// and so, unseen, does the first use of the full-text index on a connection (FTS5
    /// reads its settings). PostgreSQL waits on row locks instead and keeps its `BEGIN`.
    ///
    /// While a transaction is open, its task must not wait for another connection of the
    /// pool: every connection may be held by a transaction waiting for this one's lock.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// The database answers a trivial query.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        on_db!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    pub async fn close(&self) {
        on_db!(self, pool => pool.close().await)
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        on_tx!(self, tx => tx.commit().await)
    }
}

/// A value bound into a query whose SQL is assembled at run time (filters, search).
#[derive(Clone, Debug)]
pub enum Arg {
    Int(i64),
    Text(String),
    Bool(bool),
}

/// Collects the arguments of a dynamically assembled query and numbers their placeholders.
#[derive(Default, Debug, Clone)]
pub struct Args {
    pub values: Vec<Arg>,
}

impl Args {
    /// The arguments `$1`, `$2`, … of a query written out in full.
    pub fn of(values: &[Arg]) -> Args {
        Args { values: values.to_vec() }
    }

    /// Add a value; returns its placeholder (`$N`).
    pub fn push(&mut self, value: Arg) -> String {
        self.values.push(value);
        format!("${}", self.values.len())
    }
}

/// Every row of a dynamically assembled query with its collected arguments.
pub async fn rows<T>(db: &Db, sql: &str, args: &Args) -> Result<Vec<T>, sqlx::Error>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
        + Send
        + Unpin,
{
    on_db!(db, pool => crate::bind_args!(sqlx::query_as(sql), args).fetch_all(pool).await)
}

/// Bind every collected [`Arg`] onto a `sqlx::query*` builder, in order.
#[macro_export]
macro_rules! bind_args {
    ($query:expr, $args:expr) => {{
        let mut q = $query;
        for value in &$args.values {
            q = match value {
                $crate::db::Arg::Int(v) => q.bind(*v),
                $crate::db::Arg::Text(v) => q.bind(v.as_str()),
                $crate::db::Arg::Bool(v) => q.bind(*v),
            };
        }
        q
    }};
}

/// A `LIKE ... ESCAPE '\'` pattern matching `text` anywhere, case-folded, with the
/// wildcards in `text` taken literally (a search for `100%` means what it says).
pub fn like_contains(text: &str) -> String {
    let escaped = text.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

/// A new id for a row whose existence may be secret: members, groups, events, threads,
/// resources and questions. Drawn at random, so that the ids in pages, links and the API
/// say nothing about how many others there are or where a hidden one lies. Below 2^53, so
/// that JavaScript reads them exactly; from 2^40, so that they all have the same look. Among
/// a million rows of one kind, a new id collides with an old one with odds of about one in
/// nine billion; the insert then fails on the primary key and changes nothing.
pub fn secret_id() -> i64 {
    rand::random_range((1_i64 << 40)..(1_i64 << 53))
}

/// Milliseconds since the Unix epoch, the unit of every timestamp column.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// The application's clock: the system's, moved on by tests that need time to pass (a
/// confirmation growing stale, a recovery link's delay) without sleeping or rewriting rows.
#[derive(Clone, Debug, Default)]
pub struct Clock(std::sync::Arc<std::sync::atomic::AtomicI64>);

impl Clock {
    /// Milliseconds since the Unix epoch, as this clock reads them.
    pub fn now_ms(&self) -> i64 {
        now_ms() + self.0.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Move this clock on by `ms` (tests).
    pub fn advance(&self, ms: i64) {
        self.0.fetch_add(ms, std::sync::atomic::Ordering::Relaxed);
    }
}

/// True when the error is a unique-constraint violation on either backend.
pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    matches!(err, sqlx::Error::Database(e) if e.is_unique_violation())
}

/// The number of rows a statement changed, whichever backend ran it; lets both arms of
/// [`on_db!`] around an `execute` have one type.
pub fn affected<R: RowsAffected>(result: R) -> u64 {
    result.rows()
}

pub trait RowsAffected {
    fn rows(&self) -> u64;
}

impl RowsAffected for sqlx::sqlite::SqliteQueryResult {
    fn rows(&self) -> u64 {
        self.rows_affected()
    }
}

impl RowsAffected for sqlx::postgres::PgQueryResult {
    fn rows(&self) -> u64 {
        self.rows_affected()
    }
}

impl Db {
    /// Run one statement given as text (used by tests and operations, never with user input).
    pub async fn exec_raw(&self, sql: &str) -> Result<u64, sqlx::Error> {
        on_db!(self, pool => sqlx::raw_sql(sql).execute(pool).await.map(affected))
    }
}

//! Backups: `roundtable backup DIR`, `roundtable backup --verify DIR`, `roundtable restore DIR`.
//!
//! A backup is one consistent copy of the database (SQLite's `VACUUM INTO` and `pg_dump` each
//! read a single snapshot, so a busy network is copied as it was at one instant) with the
//! file stores that live beside it in the data folder (the library's files and the message
//! attachments), and a manifest naming every file with its size and SHA-256.
//!
//! Encrypted to one or more `age` recipients, the whole backup is one stream, a tar archive
//! encrypted as it is written: nothing in clear touches the backup's disk, so a seized backup
//! shows only its size and date. Its outer manifest holds the archive's checksum alone, which
//! `--verify` checks without the key; with the identity it checks every file inside as well.
//!
//! Everything a backup writes is readable by its owner alone: it holds the personal data of
//! the whole network.

use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

use anyhow::{bail, ensure, Context};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::db::Db;
use crate::on_db;

pub const MANIFEST: &str = "manifest.json";
const ARCHIVE: &str = "backup.tar.age";
const FORMAT: u32 = 1;
/// The folders of the data folder that a backup carries, named alike in the backup.
const STORES: [&str; 2] = ["files", "messages"];

/// What a backup holds.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Manifest {
    pub format: u32,
    pub created_at: String,
    /// The version of Roundtable that wrote it.
    pub version: String,
    pub backend: Backend,
    /// The newest database migration the backup holds: a version of Roundtable that does
    /// not know it cannot restore it.
    pub migration: i64,
    pub encrypted: bool,
    /// Every file, with the database first. For an encrypted backup, the outer manifest
    /// names the archive alone; the manifest inside it names the files.
    pub entries: Vec<Entry>,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    fn of(url: &str) -> anyhow::Result<Backend> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            bail!("unsupported database URL: use sqlite://FILE or postgres://...")
        }
    }

    /// The database's name inside a backup.
    fn entry(self) -> &'static str {
        match self {
            Backend::Sqlite => "database.sqlite",
            Backend::Postgres => "database.pgdump",
        }
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

/// What a check of a backup found.
#[derive(Debug)]
pub struct Checked {
    pub manifest: Manifest,
    /// Files checked against their checksums.
    pub files: usize,
    pub bytes: u64,
    /// False when the backup is encrypted and no identity was given: only the archive was checked.
    pub contents: bool,
}

/// Write a backup of the network that `config` names into `dir`, a new or empty folder;
/// encrypted when `recipients` (age public keys, `age1…`) are given.
pub async fn backup(config: &Config, dir: &Path, recipients: &[String]) -> anyhow::Result<Manifest> {
    let recipients = recipients.iter().map(|r| recipient(r)).collect::<anyhow::Result<Vec<_>>>()?;
    let backend = Backend::of(&config.database_url)?;
    ensure_empty_folder(dir)?;
    private_dir(dir)?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;

    // The snapshot waits in the data folder, under the same protection as the database, and
    // is overwritten before it is deleted.
    fs::create_dir_all(&config.data_dir)?;
    remove_stale_scratch(&config.data_dir);
    let scratch = tempfile::Builder::new().prefix(SCRATCH_BACKUP).tempdir_in(&config.data_dir)?;
    let snapshot = scratch.path().join(backend.entry());
    let _shred = Shred(snapshot.clone());
    let db = Db::connect(&config.database_url).await?;
    let migration = db.applied_migration().await.context("reading the database's migrations")?;
    match &db {
        Db::Sqlite(pool) => {
            let path = snapshot.to_str().context("the data folder's path is not UTF-8")?;
            sqlx::query("VACUUM INTO $1").bind(path).execute(pool).await.context("copying the database")?;
        }
        Db::Postgres(_) => pg_tool("pg_dump", &config.database_url)?
            .args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
            .arg(&snapshot)
            .run("pg_dump")?,
    }
    db.close().await;

    let mut sources = vec![(backend.entry().to_string(), snapshot.clone())];
    for store in STORES {
        for path in files_under(&config.data_dir.join(store))? {
            let name = path.strip_prefix(&config.data_dir)?.to_str().context("a stored file's name is not UTF-8")?;
            sources.push((name.replace(std::path::MAIN_SEPARATOR, "/"), path));
        }
    }

    let mut manifest = Manifest {
        format: FORMAT,
        created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        version: env!("CARGO_PKG_VERSION").into(),
        backend,
        migration,
        encrypted: !recipients.is_empty(),
        entries: Vec::with_capacity(sources.len()),
    };
    let dir = dir.to_path_buf();
    tokio::task::spawn_blocking(move || {
        if recipients.is_empty() {
            for (name, source) in &sources {
                if let Some(entry) = copy_into(&dir, name, source)? {
                    manifest.entries.push(entry);
                }
            }
            write_private(&dir.join(MANIFEST), &serde_json::to_vec_pretty(&manifest)?)?;
            return Ok(manifest);
        }
        let out = create_private(&dir.join(ARCHIVE))?;
        let encryptor = age::Encryptor::with_recipients(recipients.iter().map(|r| r.as_ref() as &dyn age::Recipient))?;
        let mut tar = tar::Builder::new(encryptor.wrap_output(BufWriter::new(out))?);
        for (name, source) in &sources {
            let Some(file) = open_unless_gone(source)? else { continue };
            let size = file.metadata()?.len();
            let mut reader = Hashing::new(file);
            tar.append_data(&mut header(size), name, &mut reader)?;
            manifest.entries.push(reader.entry(name, size)?);
        }
        let inner = serde_json::to_vec_pretty(&manifest)?;
        tar.append_data(&mut header(inner.len() as u64), MANIFEST, inner.as_slice())?;
        tar.into_inner()?.finish()?.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        let archive = hash_file(&dir.join(ARCHIVE))?;
        let outer = Manifest { entries: vec![Entry { path: ARCHIVE.into(), ..archive }], ..manifest.clone() };
        write_private(&dir.join(MANIFEST), &serde_json::to_vec_pretty(&outer)?)?;
        Ok(manifest)
    })
    .await?
}

/// An age public key: post-quantum (`age1pq1…`, `age-keygen -pq`) or classic X25519
/// (`age1…`), which operators already hold and keep using for what they back up now.
#[allow(deprecated)]
fn recipient(text: &str) -> anyhow::Result<Box<dyn age::Recipient + Send>> {
    let text = text.trim();
    let parsed: Result<Box<dyn age::Recipient + Send>, String> = if text.starts_with("age1pq1") {
        age::pq::Recipient::from_str(text).map(|r| Box::new(r) as _).map_err(|e| e.to_string())
    } else {
        age::x25519::Recipient::from_str(text).map(|r| Box::new(r) as _).map_err(|e| e.to_string())
    };
    parsed.map_err(|e| anyhow::anyhow!("`{text}` is not an age recipient: {e}"))
}

/// Check every file of the backup in `dir` against its manifest; with `identity` (an age
/// identity file), the files inside an encrypted backup too.
pub fn verify(dir: &Path, identity: Option<&Path>) -> anyhow::Result<Checked> {
    let manifest = read_manifest(dir)?;
    if manifest.encrypted {
        ensure!(
            manifest.entries.len() == 1 && manifest.entries[0].path == ARCHIVE,
            "the manifest of an encrypted backup names its archive alone"
        );
    } else {
        holds_one_database(&manifest)?;
    }
    let mut bytes = 0;
    for entry in &manifest.entries {
        let found = hash_file(&dir.join(&entry.path)).with_context(|| format!("{} is missing", entry.path))?;
        ensure!(
            found.size == entry.size && found.sha256 == entry.sha256,
            "{} is damaged: it does not match the manifest's checksum",
            entry.path
        );
        bytes += entry.size;
    }
    if !manifest.encrypted {
        return Ok(Checked { files: manifest.entries.len(), bytes, contents: true, manifest });
    }
    let Some(identity) = identity else {
        return Ok(Checked { files: 1, bytes, contents: false, manifest });
    };
    let inner = unseal(dir, identity, &manifest, |_, _| Ok(()))?;
    Ok(Checked {
        files: inner.entries.len(),
        bytes: inner.entries.iter().map(|e| e.size).sum(),
        contents: true,
        manifest: inner,
    })
}

/// Restore the backup in `dir` into the empty database and data folder that `config` names.
///
/// Everything is read and checked into a scratch folder first; the database is put in place
/// next, then the file stores, so that a damaged backup, or one the database refuses,
/// changes nothing.
pub async fn restore(config: &Config, dir: &Path, identity: Option<&Path>) -> anyhow::Result<Manifest> {
    let backend = Backend::of(&config.database_url)?;
    let manifest = read_manifest(dir)?;
    ensure!(
        manifest.backend == backend,
        "this backup holds a {:?} database and the settings name a {:?} one: restore into the same kind",
        manifest.backend,
        backend
    );
    ensure!(
        !manifest.encrypted || identity.is_some(),
        "this backup is encrypted: give the identity with --identity FILE"
    );
    for store in STORES {
        ensure_empty_folder(&config.data_dir.join(store))
            .with_context(|| format!("the data folder already holds {store}: restore into an empty one"))?;
    }
    let sqlite_file = match backend {
        Backend::Sqlite => {
            let options = sqlx::sqlite::SqliteConnectOptions::from_str(&config.database_url)?;
            let file = options.get_filename().to_path_buf();
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let path = PathBuf::from(format!("{}{suffix}", file.display()));
                ensure!(!path.exists(), "{} already exists: restore into a new database", path.display());
            }
            Some(file)
        }
        Backend::Postgres => {
            let db = Db::connect(&config.database_url).await?;
            let tables: i64 = on_db!(&db, pool => sqlx::query_scalar(
                "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
                .fetch_one(pool).await)?;
            db.close().await;
            ensure!(tables == 0, "the database already holds {tables} tables: restore into an empty database");
            None
        }
    };
    ensure_known(&manifest, crate::db::known_migration(backend == Backend::Sqlite))?;

    fs::create_dir_all(&config.data_dir)?;
    remove_stale_scratch(&config.data_dir);
    let scratch = tempfile::Builder::new().prefix(SCRATCH_RESTORE).tempdir_in(&config.data_dir)?;
    let database = scratch.path().join(backend.entry());
    let _shred = Shred(database.clone());
    let (from, into, identity, outer) =
        (dir.to_path_buf(), scratch.path().to_path_buf(), identity.map(Path::to_path_buf), manifest.clone());
    let manifest = tokio::task::spawn_blocking(move || -> anyhow::Result<Manifest> {
        let write = |name: &str, reader: &mut dyn Read| -> anyhow::Result<()> {
            let mut out = create_private(&into.join(name))?;
            io::copy(reader, &mut out)?;
            out.sync_all()?;
            Ok(())
        };
        match identity {
            Some(identity) if outer.encrypted => unseal(&from, &identity, &outer, write),
            _ => {
                for e in &outer.entries {
                    let mut reader =
                        Hashing::new(File::open(from.join(&e.path)).with_context(|| format!("{} is missing", e.path))?);
                    write(&e.path, &mut reader)?;
                    ensure!(
                        (reader.count, reader.hex()) == (e.size, e.sha256.clone()),
                        "{} is damaged: it does not match the manifest's checksum",
                        e.path
                    );
                }
                Ok(outer)
            }
        }
    })
    .await??;

    match sqlite_file {
        Some(file) => place_new(&database, &file)?,
        None => {
            let mut command = pg_tool("pg_restore", &config.database_url)?;
            // pg_restore takes its database by name (never one with credentials).
            let name = command
                .get_envs()
                .find(|(k, _)| *k == "PGDATABASE")
                .and_then(|(_, v)| v.map(|v| v.to_os_string()))
                .context("the database URL names no database")?;
            command
                .args(["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname"])
                .arg(name)
                .arg(&database)
                .run("pg_restore")?
        }
    }
    for store in STORES {
        let restored = scratch.path().join(store);
        if restored.exists() {
            // An empty folder of the same name is replaced; a full one was refused above.
            fs::rename(&restored, config.data_dir.join(store))
                .with_context(|| format!("moving the restored {store} into the data folder"))?;
        }
    }
    // A backup taken by an older version is brought up to this one's schema.
    let db = Db::connect(&config.database_url).await?;
    db.migrate().await?;
    db.close().await;
    Ok(manifest)
}

/// A backup holds one database, of the kind its manifest names.
fn holds_one_database(manifest: &Manifest) -> anyhow::Result<()> {
    let databases: Vec<&Entry> = manifest
        .entries
        .iter()
        .filter(|e| e.path == Backend::Sqlite.entry() || e.path == Backend::Postgres.entry())
        .collect();
    ensure!(
        databases.len() == 1 && databases[0].path == manifest.backend.entry(),
        "the manifest does not name exactly one {:?} database",
        manifest.backend
    );
    Ok(())
}

/// This version knows every migration the backup holds.
fn ensure_known(manifest: &Manifest, known: i64) -> anyhow::Result<()> {
    ensure!(
        manifest.migration <= known,
        "this backup was taken by a newer version of Roundtable ({}): restore it with that version or a later one",
        manifest.version
    );
    Ok(())
}

/// Put the file `from` at `to`, which must not exist: never over a database that appeared
/// since it was checked.
fn place_new(from: &Path, to: &Path) -> anyhow::Result<()> {
    let parent = to.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(parent)?;
    let mut temp = tempfile::NamedTempFile::new_in(parent)?;
    io::copy(&mut File::open(from)?, temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    temp.persist_noclobber(to)
        .map_err(|e| e.error)
        .with_context(|| format!("placing the database at {}", to.display()))?;
    Ok(())
}

fn read_manifest(dir: &Path) -> anyhow::Result<Manifest> {
    let text =
        fs::read(dir.join(MANIFEST)).with_context(|| format!("{} holds no backup (no {MANIFEST})", dir.display()))?;
    let manifest: Manifest =
        serde_json::from_slice(&text).with_context(|| format!("{MANIFEST} is not a backup manifest"))?;
    ensure!(manifest.format == FORMAT, "this backup's format ({}) is not one this version reads", manifest.format);
    for entry in &manifest.entries {
        ensure!(safe_name(&entry.path), "the manifest names a file outside the backup: {}", entry.path);
    }
    Ok(manifest)
}

/// Decrypt the archive in `dir` and hand each file to `each` as it streams by, checking it
/// against the manifest inside; returns that manifest.
fn unseal(
    dir: &Path,
    identity: &Path,
    outer: &Manifest,
    mut each: impl FnMut(&str, &mut dyn Read) -> anyhow::Result<()>,
) -> anyhow::Result<Manifest> {
    let identities = age::IdentityFile::from_file(identity.to_string_lossy().into_owned())
        .with_context(|| format!("reading the identity {}", identity.display()))?
        .into_identities()?;
    let archive = BufReader::new(File::open(dir.join(ARCHIVE))?);
    let decryptor = age::Decryptor::new_buffered(archive)?;
    let reader = decryptor
        .decrypt(identities.iter().map(|i| i.as_ref() as &dyn age::Identity))
        .context("the identity does not open this backup")?;
    let mut tar = tar::Archive::new(reader);
    let mut found = Vec::new();
    let mut inner = None;
    for file in tar.entries()? {
        let mut file = file?;
        let name = file.path()?.to_str().context("a name in the archive is not UTF-8")?.to_string();
        if name == MANIFEST {
            let mut text = Vec::new();
            file.read_to_end(&mut text)?;
            inner = Some(serde_json::from_slice::<Manifest>(&text)?);
            continue;
        }
        ensure!(
            safe_name(&name) && name != ARCHIVE && !found.iter().any(|f: &Entry| f.path == name),
            "the archive holds a file outside the backup, or one twice: {name}"
        );
        let size = file.header().size()?;
        let mut reader = Hashing::new(&mut file);
        each(&name, &mut reader)?;
        io::copy(&mut reader, &mut io::sink())?;
        found.push(reader.entry(&name, size)?);
    }
    let inner = inner.context("the archive holds no manifest")?;
    ensure!(found == inner.entries, "the archive's files do not match its manifest");
    ensure!(
        inner.format == outer.format && inner.backend == outer.backend && inner.migration == outer.migration,
        "the archive's manifest does not match the one beside it"
    );
    holds_one_database(&inner)?;
    Ok(inner)
}

/// A relative path of plain names: nothing a manifest or an archive says may write elsewhere.
fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && Path::new(name).components().all(|c| matches!(c, std::path::Component::Normal(_)))
        && (name == Backend::Sqlite.entry()
            || name == Backend::Postgres.entry()
            || name == ARCHIVE
            || STORES.iter().any(|s| name.starts_with(&format!("{s}/"))))
}

fn header(size: u64) -> tar::Header {
    let mut header = tar::Header::new_gnu();
    header.set_size(size);
    header.set_mode(0o600);
    header.set_entry_type(tar::EntryType::Regular);
    header
}

/// Files under `folder`, sorted, leaving out the stores' unfinished uploads (`.tmp…`).
fn files_under(folder: &Path) -> io::Result<Vec<PathBuf>> {
    walk(folder, false)
}

/// Every file under `folder`, hidden ones too.
fn files_under_all(folder: &Path) -> io::Result<Vec<PathBuf>> {
    walk(folder, true)
}

fn walk(folder: &Path, hidden: bool) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            let kind = entry.file_type()?;
            if !hidden && entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if kind.is_dir() {
                pending.push(entry.path());
            } else if kind.is_file() {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    Ok(found)
}

fn ensure_empty_folder(dir: &Path) -> anyhow::Result<()> {
    match fs::read_dir(dir) {
        Ok(mut entries) => ensure!(entries.next().is_none(), "{} is not empty", dir.display()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("reading {}", dir.display())),
    }
    Ok(())
}

/// `program` (pg_dump, pg_restore) for the database at `url`. Every setting goes through
/// libpq's environment variables, none on the command line, where any user of the machine
/// could read a password; settings of the URL that only the application reads stay out.
fn pg_tool(program: &str, url: &str) -> anyhow::Result<Command> {
    let url = url::Url::parse(url).context("the database URL")?;
    let mut command = Command::new(program);
    for name in ["PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGSSLMODE", "PGSSLROOTCERT", "PGSERVICE"] {
        command.env_remove(name);
    }
    if let Some(host) = url.host_str() {
        command.env("PGHOST", host.trim_start_matches('[').trim_end_matches(']'));
    }
    if let Some(port) = url.port() {
        command.env("PGPORT", port.to_string());
    }
    if !url.username().is_empty() {
        command.env("PGUSER", percent_decode(url.username()));
    }
    if let Some(password) = url.password() {
        command.env("PGPASSWORD", percent_decode(password));
    }
    let database = url.path().trim_start_matches('/');
    if !database.is_empty() {
        command.env("PGDATABASE", percent_decode(database));
    }
    for (key, value) in url.query_pairs() {
        let variable = match key.as_ref() {
            "host" => "PGHOST",
            "port" => "PGPORT",
            "user" => "PGUSER",
            "password" => "PGPASSWORD",
            "dbname" => "PGDATABASE",
            "sslmode" => "PGSSLMODE",
            "sslrootcert" => "PGSSLROOTCERT",
            "sslcert" => "PGSSLCERT",
            "sslkey" => "PGSSLKEY",
            _ => continue,
        };
        command.env(variable, value.as_ref());
    }
    Ok(command)
}

/// `%40` as `@`; a `+` stays a `+` (URLs' user and password parts are not form data).
fn percent_decode(text: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", text.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

trait Run {
    fn run(&mut self, name: &str) -> anyhow::Result<()>;
}

impl Run for Command {
    fn run(&mut self, name: &str) -> anyhow::Result<()> {
        let output = self.output().with_context(|| format!("{name} could not be started: is it installed?"))?;
        ensure!(output.status.success(), "{name} failed: {}", String::from_utf8_lossy(&output.stderr).trim());
        Ok(())
    }
}

fn private_dir(dir: &Path) -> io::Result<()> {
    fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

fn create_private(path: &Path) -> anyhow::Result<File> {
    if let Some(parent) = path.parent() {
        private_dir(parent)?;
    }
    File::options()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))
}

fn write_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut file = create_private(path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(())
}

/// Copy `source` into the backup as `name`; `None` when it was deleted since the stores were
/// listed (a message's file swept, a resource deleted), as the database copy no longer needs it.
fn copy_into(dir: &Path, name: &str, source: &Path) -> anyhow::Result<Option<Entry>> {
    let Some(file) = open_unless_gone(source)? else { return Ok(None) };
    let size = file.metadata()?.len();
    let mut reader = Hashing::new(file);
    let mut out = create_private(&dir.join(name))?;
    io::copy(&mut reader, &mut out)?;
    out.sync_all()?;
    reader.entry(name, size).map(Some)
}

fn open_unless_gone(path: &Path) -> anyhow::Result<Option<File>> {
    match File::open(path) {
        Ok(file) => Ok(Some(file)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            tracing::info!(file = %path.display(), "a stored file went while the backup ran; left out");
            Ok(None)
        }
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

/// Scratch folders in the data folder, holding a plaintext copy of the database while a
/// backup or a restore runs.
const SCRATCH_BACKUP: &str = ".backup-";
const SCRATCH_RESTORE: &str = ".restore-";

/// A file overwritten with zeros, then deleted, when this goes out of scope: the copy of the
/// database a backup or restore works on, so that its pages are not left to read on the
/// disk (as far as the filesystem writes in place; the database runs with `secure_delete`
/// for the same reason).
struct Shred(PathBuf);

impl Drop for Shred {
    fn drop(&mut self) {
        shred(&self.0);
    }
}

fn shred(path: &Path) {
    if let Ok(file) = File::options().write(true).open(path) {
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        let mut out = BufWriter::new(&file);
        let zeros = [0u8; 64 * 1024];
        let mut left = len;
        while left > 0 {
            let n = left.min(zeros.len() as u64) as usize;
            if out.write_all(&zeros[..n]).is_err() {
                break;
            }
            left -= n as u64;
        }
        let _ = out.flush();
        let _ = file.sync_all();
    }
    let _ = fs::remove_file(path);
}

/// Scratch folders left by a backup or restore that was killed, older than a day (a younger
/// one may belong to a run still going), shredded.
fn remove_stale_scratch(data_dir: &Path) {
    let Ok(entries) = fs::read_dir(data_dir) else { return };
    let day_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(86_400);
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let old = entry.metadata().and_then(|m| m.modified()).is_ok_and(|t| t < day_ago);
        if (name.starts_with(SCRATCH_BACKUP) || name.starts_with(SCRATCH_RESTORE)) && old {
            if let Ok(files) = files_under_all(&entry.path()) {
                files.iter().for_each(|f| shred(f));
            }
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

fn hash_file(path: &Path) -> anyhow::Result<Entry> {
    let mut reader = Hashing::new(File::open(path)?);
    io::copy(&mut reader, &mut io::sink())?;
    Ok(Entry { path: path.display().to_string(), size: reader.count, sha256: reader.hex() })
}

/// A reader that hashes and counts what passes through it.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    count: u64,
}

impl<R: Read> Hashing<R> {
    fn new(inner: R) -> Self {
        Hashing { inner, hasher: Sha256::new(), count: 0 }
    }

    fn hex(&self) -> String {
        self.hasher.clone().finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The entry for what was read, which must be all of the `size` bytes announced.
    fn entry(&self, name: &str, size: u64) -> anyhow::Result<Entry> {
        ensure!(self.count == size, "{name} changed while it was read");
        Ok(Entry { path: name.into(), size, sha256: self.hex() })
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outside_the_backup_are_refused() {
        assert!(safe_name("database.sqlite"));
        assert!(safe_name("files/ab/cdef"));
        assert!(safe_name("messages/0123abcd"));
        for bad in ["../etc/passwd", "/etc/passwd", "files/../../x", "roundtable.db", "", "files"] {
            assert!(!safe_name(bad), "{bad}");
        }
    }

    #[test]
    fn database_settings_go_through_the_environment_only() {
        let url = "postgres://rt%40x:p%40ss+w@db.example.org:5433/network?password=other&sslmode=require&statement-cache-capacity=0";
        let command = pg_tool("pg_dump", url).unwrap();
        assert_eq!(command.get_args().count(), 0, "nothing on the command line");
        let env: std::collections::HashMap<String, String> = command
            .get_envs()
            .filter_map(|(k, v)| Some((k.to_string_lossy().into_owned(), v?.to_string_lossy().into_owned())))
            .collect();
        assert_eq!(env["PGHOST"], "db.example.org");
        assert_eq!(env["PGPORT"], "5433");
        assert_eq!(env["PGUSER"], "rt@x");
        assert_eq!(env["PGPASSWORD"], "other", "the query's password wins, as it does for the application");
        assert_eq!(env["PGDATABASE"], "network");
        assert_eq!(env["PGSSLMODE"], "require");
        assert!(!env.values().any(|v| v.contains("statement")));
    }

    #[test]
    fn passwords_are_decoded_for_the_environment() {
        assert_eq!(percent_decode("p%40ss%2Fw+rd"), "p@ss/w+rd");
    }
}

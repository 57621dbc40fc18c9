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
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

use anyhow::{bail, ensure, Context};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::db::Db;

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

    // The snapshot waits in the data folder, under the same protection as the database.
    fs::create_dir_all(&config.data_dir)?;
    let scratch = tempfile::Builder::new().prefix(".backup-").tempdir_in(&config.data_dir)?;
    let snapshot = scratch.path().join(backend.entry());
    match backend {
        Backend::Sqlite => {
            let db = Db::connect(&config.database_url).await?;
            let Db::Sqlite(pool) = &db else { unreachable!("a sqlite URL") };
            let path = snapshot.to_str().context("the data folder's path is not UTF-8")?;
            sqlx::query("VACUUM INTO $1").bind(path).execute(pool).await.context("copying the database")?;
            db.close().await;
        }
        Backend::Postgres => pg_tool("pg_dump", &config.database_url)?
            .args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
            .arg(&snapshot)
            .run("pg_dump")?,
    }

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
        encrypted: !recipients.is_empty(),
        entries: Vec::with_capacity(sources.len()),
    };
    let dir = dir.to_path_buf();
    tokio::task::spawn_blocking(move || {
        if recipients.is_empty() {
            for (name, source) in &sources {
                manifest.entries.push(copy_into(&dir, name, source)?);
            }
            write_private(&dir.join(MANIFEST), &serde_json::to_vec_pretty(&manifest)?)?;
            return Ok(manifest);
        }
        let out = create_private(&dir.join(ARCHIVE))?;
        let encryptor = age::Encryptor::with_recipients(recipients.iter().map(|r| r.as_ref() as &dyn age::Recipient))?;
        let mut tar = tar::Builder::new(encryptor.wrap_output(BufWriter::new(out))?);
        for (name, source) in &sources {
            let file = File::open(source).with_context(|| format!("reading {}", source.display()))?;
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
    let inner = unseal(dir, identity, |_, _| Ok(()))?;
    Ok(Checked {
        files: inner.entries.len(),
        bytes: inner.entries.iter().map(|e| e.size).sum(),
        contents: true,
        manifest: inner,
    })
}

/// Restore the backup in `dir` into the empty database and data folder that `config` names.
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
            ensure!(
                fs::metadata(&file).map_or(true, |m| m.len() == 0),
                "{} already exists: restore into a new database",
                file.display()
            );
            Some(file)
        }
        Backend::Postgres => {
            ensure_empty_postgres(&config.database_url).await?;
            None
        }
    };

    // Checked whole before anything is written, so that a damaged backup changes nothing.
    let checked = verify(dir, identity)?;
    fs::create_dir_all(&config.data_dir)?;
    let scratch = tempfile::Builder::new().prefix(".restore-").tempdir_in(&config.data_dir)?;
    let database = scratch.path().join(backend.entry());
    let data_dir = config.data_dir.clone();
    let (dir2, identity2, database2) = (dir.to_path_buf(), identity.map(Path::to_path_buf), database.clone());
    let entry = backend.entry();
    let entries = checked.manifest.entries.clone();
    let encrypted = checked.manifest.encrypted;
    tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        let place = |name: &str| if name == entry { database2.clone() } else { data_dir.join(name) };
        match identity2 {
            Some(identity) if encrypted => {
                unseal(&dir2, &identity, |name, reader| {
                    let mut out = create_private(&place(name))?;
                    io::copy(reader, &mut out)?;
                    out.sync_all()?;
                    Ok(())
                })?;
            }
            _ => {
                for e in &entries {
                    let copied = copy_file(&dir2.join(&e.path), &place(&e.path))?;
                    ensure!(copied == (e.size, e.sha256.clone()), "{} changed during the restore", e.path);
                }
            }
        }
        Ok(())
    })
    .await??;

    match sqlite_file {
        Some(file) => {
            if let Some(parent) = file.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::rename(&database, &file).or_else(|_| fs::copy(&database, &file).map(|_| ()))?;
        }
        None => pg_tool("pg_restore", &config.database_url)?
            .args(["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"])
            .arg(&database)
            .run("pg_restore")?,
    }
    // A backup taken by an older version is brought up to this one's schema.
    let db = Db::connect(&config.database_url).await?;
    db.migrate().await?;
    db.close().await;
    Ok(checked.manifest)
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
        ensure!(safe_name(&name), "the archive holds a file outside the backup: {name}");
        let size = file.header().size()?;
        let mut reader = Hashing::new(&mut file);
        each(&name, &mut reader)?;
        io::copy(&mut reader, &mut io::sink())?;
        found.push(reader.entry(&name, size)?);
    }
    let inner = inner.context("the archive holds no manifest")?;
    ensure!(found == inner.entries, "the archive's files do not match its manifest");
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
            if entry.file_name().to_string_lossy().starts_with('.') {
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

async fn ensure_empty_postgres(url: &str) -> anyhow::Result<()> {
    let db = Db::connect(url).await?;
    let Db::Postgres(pool) = &db else { unreachable!("a postgres URL") };
    let tables: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    )
    .fetch_one(pool)
    .await?;
    db.close().await;
    ensure!(tables == 0, "the database already holds {tables} tables: restore into an empty database");
    Ok(())
}

/// `program` (pg_dump, pg_restore) for the database at `url`; the password goes through the
/// environment, not the command line, where any user of the machine could read it.
fn pg_tool(program: &str, url: &str) -> anyhow::Result<Command> {
    let mut url = url::Url::parse(url).context("the database URL")?;
    let mut command = Command::new(program);
    if let Some(password) = url.password() {
        let password = percent_decode(password);
        command.env("PGPASSWORD", password);
        let _ = url.set_password(None);
    }
    command.arg(format!("--dbname={url}"));
    Ok(command)
}

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

/// Copy `source` to `target`, a new file; returns its size and SHA-256.
fn copy_file(source: &Path, target: &Path) -> anyhow::Result<(u64, String)> {
    let mut reader = Hashing::new(File::open(source).with_context(|| format!("reading {}", source.display()))?);
    let mut out = create_private(target)?;
    io::copy(&mut reader, &mut out)?;
    out.sync_all()?;
    Ok((reader.count, reader.hex()))
}

fn copy_into(dir: &Path, name: &str, source: &Path) -> anyhow::Result<Entry> {
    let size = fs::metadata(source)?.len();
    let (copied, sha256) = copy_file(source, &dir.join(name))?;
    ensure!(copied == size, "{name} changed while it was copied");
    Ok(Entry { path: name.into(), size, sha256 })
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
    fn passwords_are_decoded_for_the_environment() {
        assert_eq!(percent_decode("p%40ss%2Fw+rd"), "p@ss/w+rd");
    }
}

//! The command line: `serve`, `demo`, `migrate`, `reindex`, `analyze`, `backup`, `restore`, `import`, `admin`.

use std::io::Read;

use anyhow::Context;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::app::Application;
use crate::config::{sqlite_url, Config};
use crate::db::Db;
use crate::vocab::Role;

#[derive(Parser)]
#[command(
    name = "roundtable",
    version,
    about = "A self-hosted platform where torture-prevention networks live and grow"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve Roundtable (settings from roundtable.toml and ROUNDTABLE_* variables).
    Serve,
    /// Create a fresh demo network in a new SQLite database and serve it.
    Demo {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Folder for the demo database (default: a new temporary folder).
        #[arg(long)]
        data: Option<PathBuf>,
        /// Seed of the generated network; the same seed gives the same network.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Grow the network to this many members (to try Roundtable at a large network's size).
        #[arg(long, default_value_t = 0)]
        members: usize,
        /// An empty PostgreSQL database to write the demo into, instead of a new SQLite file.
        #[arg(long, value_name = "URL")]
        database_url: Option<String>,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Rebuild the search index from the database (after a restore, or to repair it).
    Reindex,
    /// Network metrics of an edge list (CSV with source,target[,weight]), as JSON or CSV.
    Analyze {
        /// Edge list: a header with `source` and `target` (and `weight`), one tie per line.
        #[arg(long)]
        edges: PathBuf,
        /// Node attributes: a header with `id` and attribute columns; adds isolated nodes.
        #[arg(long)]
        nodes: Option<PathBuf>,
        /// Node attribute (a column of --nodes) that defines groups, e.g. sector or country.
        #[arg(long)]
        group_by: Option<String>,
        /// Read the weight column: as a distance for paths, as a strength for PageRank.
        #[arg(long)]
        weighted: bool,
        #[arg(long, value_enum, default_value = "json")]
        format: crate::network::analyze::Format,
    },
    /// Copy the database and the data folder's files into DIR, a new or empty folder, with
    /// a manifest of checksums; or, with --verify, check a backup.
    Backup {
        dir: PathBuf,
        /// Check the backup in DIR against its manifest instead of writing one.
        #[arg(long)]
        verify: bool,
        /// Encrypt the backup to this age recipient (age1…); may be given several times.
        #[arg(long = "encrypt-to", value_name = "RECIPIENT")]
        recipients: Vec<String>,
        /// With --verify: the age identity file that opens an encrypted backup, to check its contents too.
        #[arg(long, value_name = "FILE")]
        identity: Option<PathBuf>,
    },
    /// Restore the backup in DIR into an empty database and data folder (from the settings).
    Restore {
        dir: PathBuf,
        /// The age identity file that opens an encrypted backup.
        #[arg(long, value_name = "FILE")]
        identity: Option<PathBuf>,
    },
    /// Bring people in from a spreadsheet (CSV, XLSX, XLS or ODS).
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Administration from the shell.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// People to invite: a header row naming the columns (e-mail; optionally name,
    /// organisation, sector, country, language, in any of the four languages), one person a
    /// row. Every row is checked first; with any problem nothing is imported. Those imported
    /// wait under Invitations until a coordinator sends their invitations.
    People {
        file: PathBuf,
        /// Check the file and say what it would do, without importing anything.
        #[arg(long)]
        dry_run: bool,
    },
    /// Organisations: a header row naming the columns (name, sector and country required;
    /// website and description), one organisation a row, checked as the organisation form
    /// checks them. With any problem nothing is imported; imported ones are not public.
    Organisations {
        file: PathBuf,
        /// Check the file and say what it would do, without importing anything.
        #[arg(long)]
        dry_run: bool,
    },
    /// Ties between members: an edge list (CSV or workbook with source and target by
    /// e-mail, member id or name; optionally kind, strength 1-5 and since), Kumu's
    /// connections (From, To, Type) or a Gephi GEXF file. A name two members share is
    /// refused: use their e-mail. With any problem nothing is recorded.
    Ties {
        file: PathBuf,
        /// Check the file and say what it would do, without recording anything.
        #[arg(long)]
        dry_run: bool,
    },
}

/// The table in `file`.
fn read_table(file: &Path) -> anyhow::Result<crate::imports::table::Table> {
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    crate::imports::table::read(&bytes, &name).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))
}

/// Whether an import goes ahead: not with problems (an error), not on a dry run.
fn goes_ahead(problems: usize, dry_run: bool) -> anyhow::Result<bool> {
    anyhow::ensure!(problems == 0, "nothing was imported: correct the rows above and import the file again");
    if dry_run {
        println!("dry run: nothing was imported");
    }
    Ok(!dry_run)
}

fn print_problems(problems: &[crate::imports::people::Problem]) {
    for p in problems {
        match &p.column {
            Some(column) => println!("row {}, {column}: {}", p.row, p.message),
            None => println!("row {}: {}", p.row, p.message),
        }
    }
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an account, e.g. the first admin. Reads the password from standard input
    /// with --password-stdin; otherwise prints a generated one.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = ["admin", "coordinator", "member"])]
        role: String,
        /// Display name (default: the part of the e-mail before the @).
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        password_stdin: bool,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    use std::io::IsTerminal;
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("ROUNDTABLE_LOG").unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    // Colours only on a terminal: a log file or journal gets plain text.
    let ansi = std::io::stderr().is_terminal();
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(ansi).init();
}

/// What `serve` says at start when no mail server is set.
const MAIL_OFF: &str = "Mail is not being sent: ROUNDTABLE_SMTP_URL is not set, so invitations, password resets, \
event confirmations and reminders wait in the outbox. Set it to your mail server and start again, e.g. \
ROUNDTABLE_SMTP_URL=smtps://user:password@mail.example.org:465 (or smtp://127.0.0.1:25 for a relay on this machine).";

async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Serve => {
            let config = Config::load()?;
            let app = Application::build(config).await?;
            let state = app.state();
            if state.config.smtp_url.is_none() {
                eprintln!("{MAIL_OFF}");
                tracing::warn!("mail is not being sent: ROUNDTABLE_SMTP_URL is not set");
            }
            tracing::info!(port = app.port(), database = state.db.backend(), "serving {}", state.config.base_url);
            app.run_until_stopped().await
        }
        Command::Demo { addr, data, seed, members, database_url } => {
            demo(Demo { addr, data, seed, members, database_url }).await
        }
        Command::Analyze { edges, nodes, group_by, weighted, format } => {
            let options = crate::network::analyze::Options {
                edges: &edges,
                nodes: nodes.as_deref(),
                group_by: group_by.as_deref(),
                weighted,
                format,
            };
            let output = tokio::task::block_in_place(|| crate::network::analyze::run(&options))?;
            print!("{output}");
            Ok(())
        }
        Command::Migrate => {
            let config = Config::load()?;
            if config.database_url.starts_with("sqlite:") {
                std::fs::create_dir_all(&config.data_dir)?;
            }
            let db = Db::connect(&config.database_url).await?;
            db.migrate().await?;
            println!("migrations applied ({})", db.backend());
            Ok(())
        }
        Command::Reindex => {
            let config = Config::load()?;
            let db = Db::connect(&config.database_url).await?;
            db.migrate().await?;
            let items = crate::search::rebuild(&db, &crate::rules::search_indexers()).await?;
            println!("search index rebuilt: {items} members, organisations and threads");
            Ok(())
        }
        Command::Backup { dir, verify: true, recipients, identity } => {
            anyhow::ensure!(recipients.is_empty(), "--encrypt-to writes a backup; --verify checks one");
            let checked = tokio::task::block_in_place(|| crate::backup::verify(&dir, identity.as_deref()))?;
            let m = &checked.manifest;
            println!("backup of {} ({:?}, Roundtable {}): sound", m.created_at, m.backend, m.version);
            if checked.contents {
                println!("{} files, {} bytes, each matches its checksum", checked.files, checked.bytes);
            } else {
                println!("the encrypted archive matches its checksum; give --identity FILE to check the files inside");
            }
            Ok(())
        }
        Command::Backup { dir, verify: false, recipients, identity } => {
            anyhow::ensure!(
                identity.is_none(),
                "--identity opens a backup (with --verify or restore); to encrypt, use --encrypt-to"
            );
            let config = Config::load()?;
            let manifest = crate::backup::backup(&config, &dir, &recipients).await?;
            let bytes: u64 = manifest.entries.iter().map(|e| e.size).sum();
            println!(
                "backup written to {}: {} files, {bytes} bytes{}",
                dir.display(),
                manifest.entries.len(),
                if manifest.encrypted { ", encrypted" } else { "" }
            );
            println!("check it with: roundtable backup --verify {}", dir.display());
            Ok(())
        }
        Command::Restore { dir, identity } => {
            let config = Config::load()?;
            let manifest = crate::backup::restore(&config, &dir, identity.as_deref()).await?;
            println!(
                "restored the backup of {} ({} files) into {}",
                manifest.created_at,
                manifest.entries.len(),
                config.data_dir.display()
            );
            Ok(())
        }
        Command::Import { what: ImportCommand::People { file, dry_run } } => {
            let config = Config::load()?;
            let db = Db::connect(&config.database_url).await?;
            db.migrate().await?;
            let table = read_table(&file)?;
            let mapping = crate::imports::guess(&table.header);
            let en = crate::web::i18n::Locale::En;
            for field in crate::imports::people::Field::ALL {
                match mapping.get(&field) {
                    Some(&i) => println!("{}: column \"{}\"", en.t(field.label()), table.header[i]),
                    None => println!("{}: no column", en.t(field.label())),
                }
            }
            let known = crate::imports::known(&db).await?;
            let checked = crate::imports::check(&table, &mapping, &known, en);
            print_problems(&checked.problems);
            println!(
                "{} rows: {} people to invite, {} members already (left as they are), {} problems",
                table.rows.len(),
                checked.people.len(),
                checked.members.len(),
                checked.problems.len()
            );
            if !goes_ahead(checked.problems.len(), dry_run)? {
                return Ok(());
            }
            let bar = crate::imports::progress_bar(checked.people.len());
            let kept =
                crate::imports::keep(&db, &checked, None, Some(&bar)).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            bar.finish_and_clear();
            println!("{kept} people imported; a coordinator sends their invitations from Invitations (/invitations)");
            Ok(())
        }
        Command::Import { what: ImportCommand::Organisations { file, dry_run } } => {
            use crate::imports::organisations::{self, Column};
            let config = Config::load()?;
            let db = Db::connect(&config.database_url).await?;
            db.migrate().await?;
            let table = read_table(&file)?;
            let mapping = organisations::guess(&table.header);
            let en = crate::web::i18n::Locale::En;
            for column in Column::ALL {
                match mapping.get(&column) {
                    Some(&i) => println!("{}: column \"{}\"", en.t(column.label()), table.header[i]),
                    None => println!("{}: no column", en.t(column.label())),
                }
            }
            let existing: Vec<(String, String)> = crate::on_db!(&db, pool =>
                sqlx::query_as("SELECT name, country FROM organisations").fetch_all(pool).await)?;
            let checked =
                organisations::check(&db, &table, &mapping, &existing, en).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            print_problems(&checked.problems);
            println!(
                "{} rows: {} organisations to add, {} problems",
                table.rows.len(),
                checked.organisations.len(),
                checked.problems.len()
            );
            if !goes_ahead(checked.problems.len(), dry_run)? {
                return Ok(());
            }
            let bar = crate::imports::progress_bar(checked.organisations.len());
            let kept = organisations::keep(&db, &checked, Some(&bar)).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            bar.finish_and_clear();
            println!("{kept} organisations imported (not public until a coordinator makes them so)");
            Ok(())
        }
        Command::Import { what: ImportCommand::Ties { file, dry_run } } => {
            use crate::imports::ties::{self, Column, Members};
            let config = Config::load()?;
            let db = Db::connect(&config.database_url).await?;
            db.migrate().await?;
            let members = Members::load(&db).await?;
            let en = crate::web::i18n::Locale::En;
            let gexf = file.extension().is_some_and(|e| e.eq_ignore_ascii_case("gexf"));
            let checked = if gexf {
                let text = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
                ties::read_gexf(&text, &members, en).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?
            } else {
                let table = read_table(&file)?;
                let mapping = ties::guess(&table.header);
                for column in Column::ALL {
                    match mapping.get(&column) {
                        Some(&i) => println!("{}: column \"{}\"", en.t(column.label()), table.header[i]),
                        None => println!("{}: no column", en.t(column.label())),
                    }
                }
                ties::check(&table, &mapping, &members, en)
            };
            print_problems(&checked.problems);
            println!("{} ties to record, {} problems", checked.edges.len(), checked.problems.len());
            if !goes_ahead(checked.problems.len(), dry_run)? {
                return Ok(());
            }
            let bar = crate::imports::progress_bar(checked.edges.len());
            let kept = ties::keep(&db, &checked, None, Some(&bar)).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            bar.finish_and_clear();
            println!("{kept} ties recorded");
            Ok(())
        }
        Command::Admin { command: AdminCommand::CreateUser { email, role, name, password_stdin } } => {
            let config = Config::load()?;
            if config.database_url.starts_with("sqlite:") {
                std::fs::create_dir_all(&config.data_dir)?;
            }
            let db = Db::connect(&config.database_url).await?;
            db.migrate().await?;
            let role: Role = role.parse().map_err(|_| anyhow::anyhow!("unknown role"))?;
            let name = name.unwrap_or_else(|| email.split('@').next().unwrap_or_default().to_string());
            let (password, generated) = if password_stdin {
                let mut input = String::new();
                std::io::stdin().read_to_string(&mut input)?;
                (input.trim_end_matches(['\n', '\r']).to_string(), false)
            } else {
                (generate_password(), true)
            };
            let id = crate::accounts::create_account(&db, &email, role, &name, &password).await?;
            println!("created {} account #{id} for {email}", role.key());
            if generated {
                println!("password: {password}");
                // Named as the English pages name them, so the words stay true if the pages change.
                let en = crate::web::i18n::Locale::En;
                // The path only: `serve` may listen elsewhere than this command's settings say.
                println!(
                    "(change it after signing in: {} → {}, /account/password)",
                    en.t("nav-security"),
                    en.t("sessions-change-password"),
                );
            }
            Ok(())
        }
    }
}

/// A password of five random words from a list of distinct, easy-to-type words plus digits.
pub fn generate_password() -> String {
    use rand::seq::IndexedRandom;
    const WORDS: &[&str] = &[
        "amber", "anchor", "basil", "beacon", "bamboo", "canyon", "cedar", "cobalt", "coral", "delta", "ember",
        "falcon", "fern", "garnet", "harbor", "indigo", "jasmine", "juniper", "kestrel", "lagoon", "lantern", "lotus",
        "mango", "maple", "meadow", "monsoon", "nectar", "orchid", "otter", "pebble", "pepper", "quartz", "rattan",
        "river", "saffron", "sapphire", "tamarind", "teak", "thistle", "tundra", "umber", "velvet", "willow", "yarrow",
        "zephyr", "ginger", "heron", "island", "jade", "kelp",
    ];
    let mut rng = rand::rng();
    let words: Vec<&str> = (0..5).map(|_| *WORDS.choose(&mut rng).expect("non-empty")).collect();
    format!("{}-{}", words.join("-"), rand::random_range(10..100))
}

struct Demo {
    addr: SocketAddr,
    data: Option<PathBuf>,
    seed: u64,
    members: usize,
    database_url: Option<String>,
}

async fn demo(Demo { addr, data, seed, members, database_url }: Demo) -> anyhow::Result<()> {
    // A temporary folder unless one is named; it is removed when the demo stops.
    let temp = match &data {
        Some(_) => None,
        None => Some(tempfile::Builder::new().prefix("roundtable-demo-").tempdir()?),
    };
    let kept = data.is_some();
    let dir = data.unwrap_or_else(|| temp.as_ref().expect("set above").path().to_path_buf());
    let file = dir.join("demo.db");
    if database_url.is_none() && file.exists() {
        anyhow::bail!(
            "{} exists already; the demo always starts from a fresh database. To open this one:\n  {}",
            file.display(),
            reopen_command(&std::fs::canonicalize(&dir)?)
        );
    }
    if database_url.as_deref().is_some_and(|url| !url.starts_with("postgres")) {
        anyhow::bail!(
            "--database-url takes a PostgreSQL database (postgres://...); without it the demo makes a SQLite file"
        );
    }
    let mut config = Config::defaults(&dir);
    config.database_url = database_url.clone().unwrap_or_else(|| sqlite_url(&file));
    config.addr = addr;
    config.base_url = crate::config::default_base_url(addr);
    // The demo takes no roundtable.toml (that file holds a real network's settings), but
    // mail can be watched through a local server.
    config.smtp_url = crate::config::env("SMTP_URL");
    config.mail_from = crate::config::env("MAIL_FROM");
    // Refused now, as `serve` refuses them at start, rather than after seeding.
    let sends_mail = crate::outbox::Mailer::from_config(&config)?.is_some();
    std::fs::create_dir_all(&dir)?;
    // Absolute, so that the command printed to reopen a kept demo works from anywhere.
    let dir = std::fs::canonicalize(&dir)?;
    let password =
        std::env::var("ROUNDTABLE_DEMO_PASSWORD").ok().filter(|p| !p.is_empty()).unwrap_or_else(generate_password);
    let db = Db::connect(&config.database_url).await?;
    db.migrate().await?;
    let accounts: i64 =
        crate::on_db!(&db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(pool).await)?;
    if accounts > 0 {
        anyhow::bail!("the database holds {accounts} accounts already; the demo always starts from an empty database");
    }
    let summary = crate::demo::seed_sized(&db, seed, members, &password, &dir).await?;
    let app = Application::with_db(config, db).await?;
    let url = app.state().config.base_url.clone();
    println!();
    println!("Roundtable demo: {} members, {} organisations (seed {seed})", summary.members, summary.organisations);
    println!("Open {url}");
    println!();
    println!("Sign in as:");
    for email in ["admin@example.org", "coordinator@example.org", "member@example.org"] {
        println!("  {email}");
    }
    println!("Password: {password}");
    println!();
    if database_url.is_some() {
        println!("Data: in the PostgreSQL database; files in {}", dir.display());
    } else if kept {
        println!("Data: {} (kept); reopen it later with", dir.display());
        println!("  {}", reopen_command(&dir));
    } else {
        println!("Data: {} (removed when the demo stops; --data DIR keeps it)", dir.display());
    }
    if sends_mail {
        println!("Mail: sent through the server in ROUNDTABLE_SMTP_URL");
    } else {
        println!("Mail: waits in the outbox (set ROUNDTABLE_SMTP_URL to send it)");
    }
    println!();
    println!("Press Ctrl-C to stop.");
    app.run_until_stopped().await
}

/// How to serve a kept demo again: its database has a name of its own, and the library's
/// files are in the same folder.
fn reopen_command(dir: &Path) -> String {
    let database = sqlite_url(&dir.join("demo.db"));
    format!("ROUNDTABLE_DATA_DIR={} ROUNDTABLE_DATABASE_URL={database} roundtable serve", dir.display())
}

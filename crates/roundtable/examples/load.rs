//! The load driver of `bench/load/run`: a realistic mix of what members do (reading pages,
//! searching, posting replies, registering for events, signing in) sent at a fixed rate to
//! one or more nodes, whatever their answers take (an open loop: a slow answer does not slow
//! the next request, as real members do not wait for each other). Each request's latency
//! counts from the moment it was due, so a stalled server shows in the figures.
//!
//!   load run --nodes URL,URL --rate R --seconds S --accounts FILE --password P --log FILE --acked FILE
//!   load check --database-url URL --acked FILE
//!
//! `run` writes one JSON line per operation to `--log` and one per write the server
//! acknowledged to `--acked`; `check` then looks each acknowledged write up in the database.
//! A node that refuses connections (killed, restarting) is skipped for the other, as a load
//! balancer's health check would; such a retry is logged.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand};
use rand::seq::IndexedRandom;
use rand::Rng;
use reqwest::redirect::Policy;
use reqwest::{Client, StatusCode};
use serde_json::json;

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct RunArgs {
    /// Base URLs of the nodes, comma-separated; requests go round the nodes in turn.
    #[arg(long, value_delimiter = ',')]
    nodes: Vec<String>,
    /// Operations per second (a sign-in is one operation of two requests).
    #[arg(long)]
    rate: f64,
    #[arg(long)]
    seconds: f64,
    /// Addresses of the accounts to act as, one per line.
    #[arg(long)]
    accounts: std::path::PathBuf,
    #[arg(long)]
    password: String,
    /// How many of the accounts keep a session open and act (each signs in first).
    #[arg(long, default_value_t = 400)]
    sessions: usize,
    #[arg(long)]
    log: std::path::PathBuf,
    #[arg(long)]
    acked: std::path::PathBuf,
    /// Seconds after which a request counts as timed out.
    #[arg(long, default_value_t = 10.0)]
    timeout: f64,
}

#[derive(Subcommand)]
enum Command {
    /// Send the mix at a fixed rate.
    Run(RunArgs),
    /// Look up every acknowledged write in the database.
    Check {
        #[arg(long)]
        database_url: String,
        #[arg(long)]
        acked: std::path::PathBuf,
    },
}

/// What a member does, and how often of every 1000 operations.
const MIX: [(Op, u32); 12] = [
    (Op::Page("/"), 200),
    (Op::Page("/members"), 70),
    (Op::Page("/events"), 90),
    (Op::Page("/forum"), 80),
    (Op::Page("/library"), 60),
    (Op::Page("/groups"), 40),
    (Op::Thread, 130),
    (Op::Event, 80),
    (Op::Search, 150),
    (Op::Reply, 60),
    (Op::Register, 30),
    (Op::SignIn, 10),
];

#[derive(Clone, Copy, Debug)]
enum Op {
    Page(&'static str),
    Thread,
    Event,
    Search,
    Reply,
    Register,
    SignIn,
}

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::Page(_) => "page",
            Op::Thread => "thread",
            Op::Event => "event",
            Op::Search => "search",
            Op::Reply => "reply",
            Op::Register => "register",
            Op::SignIn => "signin",
        }
    }
}

const WORDS: [&str; 12] = [
    "interview",
    "detention",
    "custody",
    "torture",
    "monitoring",
    "training",
    "NPM",
    "ตำรวจ",
    "การทรมาน",
    "tahanan",
    "pemantauan",
    "Istanbul Protocol",
];

struct Session {
    email: String,
    client: Client,
    csrf: String,
}

struct World {
    nodes: Vec<String>,
    sessions: Vec<Session>,
    accounts: Vec<String>,
    password: String,
    threads: Vec<i64>,
    events: Vec<i64>,
    timeout: Duration,
    next_node: AtomicUsize,
    log: Mutex<std::io::BufWriter<std::fs::File>>,
    acked: Mutex<std::io::BufWriter<std::fs::File>>,
}

fn client(timeout: Duration) -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .timeout(timeout)
        .pool_max_idle_per_host(4)
        .build()
        .expect("client")
}

fn csrf_of(html: &str) -> Option<String> {
    let start = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    Some(html[start..].split('"').next()?.to_string())
}

fn ids_after(html: &str, prefix: &str) -> Vec<i64> {
    let mut ids: Vec<i64> = html
        .split(prefix)
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Sign in with a fresh client: the sign-in page (for its token), then the form.
async fn sign_in(base: &str, email: &str, password: &str, timeout: Duration) -> anyhow::Result<(Client, StatusCode)> {
    let client = client(timeout);
    let page = client.get(format!("{base}/signin")).send().await?.text().await?;
    let csrf = csrf_of(&page).ok_or_else(|| anyhow::anyhow!("no token on the sign-in page"))?;
    let status = client
        .post(format!("{base}/signin"))
        .header("Origin", base)
        .form(&[("csrf", csrf.as_str()), ("email", email), ("password", password)])
        .send()
        .await?
        .status();
    Ok((client, status))
}

/// Where a failed request says nothing about the server: it never reached one.
fn unreachable(e: &reqwest::Error) -> bool {
    e.is_connect()
}

impl World {
    fn node(&self) -> usize {
        self.next_node.fetch_add(1, Ordering::Relaxed) % self.nodes.len()
    }

    fn log(&self, line: serde_json::Value) {
        let mut log = self.log.lock().expect("log");
        let _ = writeln!(log, "{line}");
    }

    fn ack(&self, line: serde_json::Value) {
        let mut acked = self.acked.lock().expect("acked");
        let _ = writeln!(acked, "{line}");
    }

    /// One operation on `node`: its status and, for a write, what to look up afterwards.
    async fn perform(
        &self,
        op: Op,
        node: usize,
        serial: u64,
    ) -> Result<(StatusCode, Option<serde_json::Value>), reqwest::Error> {
        let base = &self.nodes[node];
        // Every choice made before the first await: the thread's generator stays on its thread.
        let (session, thread, event, word, account) = {
            let mut rng = rand::rng();
            (
                self.sessions.choose(&mut rng).expect("sessions"),
                self.threads.choose(&mut rng).copied().unwrap_or(1),
                self.events.choose(&mut rng).copied().unwrap_or(1),
                WORDS.choose(&mut rng).copied().unwrap_or("interview"),
                self.accounts.choose(&mut rng).cloned().unwrap_or_default(),
            )
        };
        let get = |path: String| session.client.get(format!("{base}{path}")).send();
        let post = |path: String, form: Vec<(&'static str, String)>| {
            session.client.post(format!("{base}{path}")).header("Origin", base.as_str()).form(&form).send()
        };
        let response = match op {
            Op::Page(path) => get(path.to_string()).await?,
            Op::Thread => get(format!("/forum/threads/{thread}")).await?,
            Op::Event => get(format!("/events/{event}")).await?,
            Op::Search => session.client.get(format!("{base}/search")).query(&[("q", word)]).send().await?,
            Op::Reply => {
                let body = format!("Load test reply {serial}: what we learnt from the last visit.");
                let r = post(
                    format!("/forum/threads/{thread}/replies"),
                    vec![("csrf", session.csrf.clone()), ("body", body)],
                )
                .await?;
                let post_id = r
                    .headers()
                    .get("location")
                    .and_then(|l| l.to_str().ok())
                    .and_then(|l| l.rsplit_once("#post-").and_then(|(_, id)| id.parse::<i64>().ok()));
                let status = r.status();
                return Ok((status, post_id.map(|id| json!({ "kind": "post", "id": id, "thread": thread }))));
            }
            Op::Register => {
                let r = post(format!("/events/{event}/rsvp"), vec![("csrf", session.csrf.clone())]).await?;
                let status = r.status();
                let ack = (status == StatusCode::SEE_OTHER)
                    .then(|| json!({ "kind": "registration", "event": event, "email": session.email }));
                return Ok((status, ack));
            }
            Op::SignIn => {
                let email = account;
                let (_, status) = match sign_in(base, &email, &self.password, self.timeout).await {
                    Ok(done) => done,
                    Err(e) => match e.downcast::<reqwest::Error>() {
                        Ok(e) => return Err(e),
                        Err(_) => return Ok((StatusCode::BAD_GATEWAY, None)),
                    },
                };
                let ack = (status == StatusCode::SEE_OTHER).then(|| json!({ "kind": "session", "email": email }));
                return Ok((status, ack));
            }
        };
        let status = response.status();
        // Read the whole answer: the latency is until its last byte.
        response.bytes().await?;
        Ok((status, None))
    }
}

async fn run(args: RunArgs) -> anyhow::Result<()> {
    let RunArgs { nodes, rate, seconds, accounts, password, sessions, log, acked, timeout } = args;
    let timeout = Duration::from_secs_f64(timeout);
    let accounts: Vec<String> = std::fs::read_to_string(&accounts)?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    anyhow::ensure!(!accounts.is_empty() && !nodes.is_empty(), "no accounts or no nodes");
    // Sessions first, a few at a time, as members who are signed in already.
    let mut signed_in = Vec::new();
    for (n, chunk) in accounts.iter().take(sessions).collect::<Vec<_>>().chunks(8).enumerate() {
        let mut tasks = tokio::task::JoinSet::new();
        for (i, email) in chunk.iter().enumerate() {
            let (base, password, email) = (nodes[(n + i) % nodes.len()].clone(), password.clone(), (*email).clone());
            tasks.spawn(async move {
                let (client, status) = sign_in(&base, &email, &password, timeout).await?;
                anyhow::ensure!(status == StatusCode::SEE_OTHER, "{email} could not sign in: {status}");
                let forum = client.get(format!("{base}/forum")).send().await?.text().await?;
                let csrf = csrf_of(&forum).ok_or_else(|| anyhow::anyhow!("no token on /forum for {email}"))?;
                Ok::<_, anyhow::Error>(Session { email, client, csrf })
            });
        }
        while let Some(session) = tasks.join_next().await {
            signed_in.push(session??);
        }
    }
    let first = &signed_in[0];
    let forum = first.client.get(format!("{}/forum", nodes[0])).send().await?.text().await?;
    let events = first.client.get(format!("{}/events", nodes[0])).send().await?.text().await?;
    let world = Arc::new(World {
        threads: ids_after(&forum, "/forum/threads/"),
        events: ids_after(&events, "/events/"),
        nodes,
        sessions: signed_in,
        accounts,
        password,
        timeout,
        next_node: AtomicUsize::new(0),
        log: Mutex::new(std::io::BufWriter::new(std::fs::File::create(log)?)),
        acked: Mutex::new(std::io::BufWriter::new(std::fs::File::create(acked)?)),
    });
    anyhow::ensure!(!world.threads.is_empty() && !world.events.is_empty(), "no threads or events to act on");
    eprintln!(
        "load: {} sessions, {} threads, {} events; {rate} operations/s for {seconds} s",
        world.sessions.len(),
        world.threads.len(),
        world.events.len()
    );

    let total: u32 = MIX.iter().map(|m| m.1).sum();
    let count = (rate * seconds).round() as u64;
    let start = Instant::now();
    let wall = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_millis() as u64;
    world.log(json!({ "start_unix_ms": wall, "rate": rate, "seconds": seconds }));
    // Written at once: the script times its faults from this line.
    world.log.lock().expect("log").flush()?;
    let mut tasks = tokio::task::JoinSet::new();
    for serial in 0..count {
        let due = start + Duration::from_secs_f64(serial as f64 / rate);
        tokio::time::sleep_until(due.into()).await;
        let mut roll = rand::rng().random_range(0..total);
        let op = MIX
            .iter()
            .find_map(|&(op, w)| {
                if roll < w {
                    Some(op)
                } else {
                    roll -= w;
                    None
                }
            })
            .unwrap_or(Op::Search);
        let world = world.clone();
        tasks.spawn(async move {
            let node = world.node();
            let mut outcome = world.perform(op, node, serial).await;
            let mut served_by = node;
            let mut failover = false;
            if world.nodes.len() > 1 && outcome.as_ref().is_err_and(unreachable) {
                served_by = (node + 1) % world.nodes.len();
                failover = true;
                outcome = world.perform(op, served_by, serial).await;
            }
            let at = due.duration_since(start).as_secs_f64() * 1000.0;
            let ms = due.elapsed().as_secs_f64() * 1000.0;
            let (status, error) = match outcome {
                Ok((status, ack)) => {
                    if let Some(ack) = ack {
                        world.ack(ack);
                    }
                    (status.as_u16(), None)
                }
                Err(e) if e.is_timeout() => (0, Some("timeout")),
                Err(e) if unreachable(&e) => (0, Some("unreachable")),
                Err(_) => (0, Some("broken")),
            };
            world.log(json!({
                "at": at.round(), "op": op.name(), "node": served_by, "failover": failover,
                "status": status, "error": error, "ms": (ms * 10.0).round() / 10.0,
            }));
        });
        // Collect finished tasks as we go, so that their memory does not pile up.
        while tasks.try_join_next().is_some() {}
    }
    while tasks.join_next().await.is_some() {}
    world.log.lock().expect("log").flush()?;
    world.acked.lock().expect("acked").flush()?;
    Ok(())
}

async fn check(database_url: String, acked: std::path::PathBuf) -> anyhow::Result<()> {
    use roundtable::db::{rows, Arg, Args, Db};
    let db = Db::connect(&database_url).await?;
    let (mut seen, mut missing) = (std::collections::BTreeMap::<String, usize>::new(), Vec::new());
    for line in std::fs::read_to_string(&acked)?.lines() {
        let ack: serde_json::Value = serde_json::from_str(line)?;
        let kind = ack["kind"].as_str().unwrap_or_default().to_string();
        let mut args = Args::default();
        let sql = match kind.as_str() {
            "post" => {
                let (id, thread) = (
                    args.push(Arg::Int(ack["id"].as_i64().unwrap_or(-1))),
                    args.push(Arg::Int(ack["thread"].as_i64().unwrap_or(-1))),
                );
                format!("SELECT COUNT(*) FROM posts WHERE id = {id} AND thread_id = {thread}")
            }
            "registration" => {
                let event = args.push(Arg::Int(ack["event"].as_i64().unwrap_or(-1)));
                let email = args.push(Arg::Text(ack["email"].as_str().unwrap_or_default().to_string()));
                format!(
                    "SELECT COUNT(*) FROM event_registrations r JOIN users u ON u.id = r.user_id \
                     WHERE r.event_id = {event} AND u.email = {email} AND r.status IN ('registered', 'pending', 'waitlisted')"
                )
            }
            "session" => {
                let email = args.push(Arg::Text(ack["email"].as_str().unwrap_or_default().to_string()));
                format!("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = {email}")
            }
            other => anyhow::bail!("unknown acknowledged write {other}"),
        };
        let found: Vec<(i64,)> = rows(&db, &sql, &args).await?;
        *seen.entry(kind).or_default() += 1;
        if found.first().is_none_or(|(n,)| *n == 0) {
            missing.push(line.to_string());
        }
    }
    let summary: Vec<String> = seen.iter().map(|(k, n)| format!("{n} {k}s")).collect();
    println!("acknowledged writes: {}; missing: {}", summary.join(", "), missing.len());
    for line in &missing {
        println!("  missing: {line}");
    }
    anyhow::ensure!(missing.is_empty(), "{} acknowledged writes are missing", missing.len());
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Run(args) => run(args).await,
        Command::Check { database_url, acked } => check(database_url, acked).await,
    }
}

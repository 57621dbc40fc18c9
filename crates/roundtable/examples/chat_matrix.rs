//! The peer side of `bench/chat/run`: the same workloads as `examples/chat.rs`, through a
//! Matrix homeserver's client-server API (Synapse, for the comparison). Each client keeps a
//! `/sync` long-poll open, as Matrix clients do; messages are sent with `PUT .../send`.
//!
//!   chat_matrix run --homeserver URL --workload room|pairs|idle --rate R --seconds S
//!                   [--members 1000] [--pairs 1000] [--devices-each K] [--server-pid PID]
//!
//! Setup (registering the users, making and joining the rooms) is not measured. Prints one
//! JSON line of results, with the same fields as the Roundtable driver.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod common;

use clap::Parser;
use common::{now_ms, rss_kb};
use reqwest::Client;
use serde_json::{json, Value};

#[derive(Parser)]
struct Cli {
    #[arg(long)]
    homeserver: String,
    #[arg(long)]
    workload: String,
    #[arg(long, default_value_t = 0.0)]
    rate: f64,
    #[arg(long, default_value_t = 30.0)]
    seconds: f64,
    #[arg(long, default_value_t = 1000)]
    members: usize,
    #[arg(long, default_value_t = 1000)]
    pairs: usize,
    #[arg(long, default_value_t = 1)]
    devices_each: usize,
    #[arg(long)]
    server_pid: Option<u32>,
}

const PASSWORD: &str = "bench-chat-password";

#[derive(Clone)]
struct Account {
    index: usize,
    token: String,
}

struct Api {
    client: Client,
    base: String,
}

impl Api {
    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> anyhow::Result<Value> {
        for _ in 0..20 {
            let mut r = self.client.request(method.clone(), format!("{}{path}", self.base));
            if let Some(t) = token {
                r = r.bearer_auth(t);
            }
            if let Some(b) = &body {
                r = r.json(b);
            }
            let response = r.send().await?;
            let status = response.status();
            let value: Value = response.json().await.unwrap_or(Value::Null);
            if status.as_u16() == 429 {
                let wait = value["retry_after_ms"].as_u64().unwrap_or(500);
                tokio::time::sleep(Duration::from_millis(wait)).await;
                continue;
            }
            if status.as_u16() == 401 && path.ends_with("/register") {
                return Ok(value);
            }
            anyhow::ensure!(status.is_success(), "{method} {path}: {status} {value}");
            return Ok(value);
        }
        anyhow::bail!("{method} {path}: still limited")
    }

    async fn register(&self, index: usize) -> anyhow::Result<Account> {
        let username = format!("bench{index}");
        let first = self
            .call(
                reqwest::Method::POST,
                "/_matrix/client/v3/register",
                None,
                Some(json!({"username": username, "password": PASSWORD})),
            )
            .await?;
        let session = first["session"].as_str().unwrap_or_default().to_string();
        let done = self.call(reqwest::Method::POST, "/_matrix/client/v3/register", None,
            Some(json!({"username": username, "password": PASSWORD, "auth": {"type": "m.login.dummy", "session": session}}))).await?;
        let token = done["access_token"].as_str().ok_or_else(|| anyhow::anyhow!("no token: {done}"))?.to_string();
        Ok(Account { index, token })
    }

    async fn login(&self, index: usize) -> anyhow::Result<Account> {
        let body = json!({"type": "m.login.password", "identifier": {"type": "m.id.user", "user": format!("bench{index}")}, "password": PASSWORD});
        let done = self.call(reqwest::Method::POST, "/_matrix/client/v3/login", None, Some(body)).await?;
        Ok(Account { index, token: done["access_token"].as_str().unwrap_or_default().to_string() })
    }
}

#[derive(Default)]
struct Tally {
    latencies: Mutex<Vec<u32>>,
    delivered: AtomicU64,
    open: AtomicUsize,
}

/// A client's sync loop: an initial sync, then long-polls, counting each message another
/// member sent while counting is on.
fn sync_loop(api: Arc<Api>, account: Account, tally: Arc<Tally>, counting: Arc<AtomicBool>, stop: Arc<AtomicBool>) {
    tokio::spawn(async move {
        let filter = r#"{"presence":{"types":[]},"account_data":{"types":[]},"room":{"ephemeral":{"types":[]},"state":{"lazy_load_members":true},"timeline":{"limit":100}}}"#;
        let filter: String = url_escape(filter);
        let mut since: Option<String> = None;
        tally.open.fetch_add(1, Ordering::Relaxed);
        while !stop.load(Ordering::Relaxed) {
            let path = match &since {
                Some(s) => format!("/_matrix/client/v3/sync?timeout=30000&filter={filter}&since={s}"),
                None => format!("/_matrix/client/v3/sync?timeout=0&filter={filter}"),
            };
            let Ok(value) = api.call(reqwest::Method::GET, &path, Some(&account.token), None).await else {
                tokio::time::sleep(Duration::from_millis(200)).await;
                continue;
            };
            let received = now_ms();
            if since.is_some() && counting.load(Ordering::Relaxed) {
                if let Some(rooms) = value["rooms"]["join"].as_object() {
                    for room in rooms.values() {
                        for event in room["timeline"]["events"].as_array().into_iter().flatten() {
                            let body = event["content"]["body"].as_str().unwrap_or_default();
                            let mut words = body.strip_prefix("bench ").unwrap_or_default().split_whitespace();
                            let (Some(sender), Some(sent)) = (words.next(), words.next()) else { continue };
                            let (Ok(sender), Ok(sent)) = (sender.parse::<usize>(), sent.parse::<u64>()) else {
                                continue;
                            };
                            if sender == account.index {
                                continue;
                            }
                            tally.delivered.fetch_add(1, Ordering::Relaxed);
                            tally.latencies.lock().unwrap().push(received.saturating_sub(sent) as u32);
                        }
                    }
                }
            }
            since = value["next_batch"].as_str().map(String::from);
        }
        tally.open.fetch_sub(1, Ordering::Relaxed);
    });
}

fn url_escape(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Run `f` over `items`, `n` at a time.
async fn in_batches<T, R, F, Fut>(items: Vec<T>, n: usize, f: F) -> anyhow::Result<Vec<R>>
where
    T: Send + 'static,
    R: Send + 'static,
    F: Fn(T) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = anyhow::Result<R>> + Send + 'static,
{
    let mut out = Vec::with_capacity(items.len());
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        let batch: Vec<_> = items.by_ref().take(n).map(|item| tokio::spawn(f.clone()(item))).collect();
        for task in batch {
            out.push(task.await??);
        }
    }
    Ok(out)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let client = Client::builder().timeout(Duration::from_secs(60)).pool_max_idle_per_host(20_000).build()?;
    let api = Arc::new(Api { client, base: cli.homeserver.trim_end_matches('/').to_string() });
    let started = Instant::now();
    let people = if cli.workload == "pairs" { 2 * cli.pairs } else { cli.members };
    let a = api.clone();
    let accounts = in_batches((0..people).collect(), 8, move |i| {
        let a = a.clone();
        async move { a.register(i).await }
    })
    .await?;
    // Rooms: one of all the members, or one per pair.
    let mut rooms: Vec<(String, Vec<usize>)> = Vec::new();
    if cli.workload == "pairs" {
        for p in 0..cli.pairs {
            let (x, y) = (&accounts[p], &accounts[p + cli.pairs]);
            let made = api.call(reqwest::Method::POST, "/_matrix/client/v3/createRoom", Some(&x.token),
                Some(json!({"preset": "trusted_private_chat", "is_direct": true, "invite": [format!("@bench{}:bench.local", y.index)]}))).await?;
            let room = made["room_id"].as_str().unwrap_or_default().to_string();
            api.call(
                reqwest::Method::POST,
                &format!("/_matrix/client/v3/join/{}", url_escape(&room)),
                Some(&y.token),
                Some(json!({})),
            )
            .await?;
            rooms.push((room, vec![x.index, y.index]));
        }
    } else {
        let made = api
            .call(
                reqwest::Method::POST,
                "/_matrix/client/v3/createRoom",
                Some(&accounts[0].token),
                Some(json!({"preset": "public_chat"})),
            )
            .await?;
        let room = made["room_id"].as_str().unwrap_or_default().to_string();
        let (a, r) = (api.clone(), room.clone());
        in_batches(accounts[1..].to_vec(), 4, move |acc: Account| {
            let (a, r) = (a.clone(), r.clone());
            async move {
                a.call(
                    reqwest::Method::POST,
                    &format!("/_matrix/client/v3/join/{}", url_escape(&r)),
                    Some(&acc.token),
                    Some(json!({})),
                )
                .await
            }
        })
        .await?;
        rooms.push((room, (0..cli.members).collect()));
    }
    // Extra devices for the idle workload: each member signs in again.
    let mut clients: Vec<Account> = accounts.clone();
    if cli.workload == "idle" && cli.devices_each > 1 {
        for _ in 1..cli.devices_each {
            let a = api.clone();
            clients.extend(
                in_batches((0..people).collect(), 8, move |i| {
                    let a = a.clone();
                    async move { a.login(i).await }
                })
                .await?,
            );
        }
    }
    eprintln!(
        "chat_matrix: {} users, {} rooms, {} clients set up in {:.0} s",
        accounts.len(),
        rooms.len(),
        clients.len(),
        started.elapsed().as_secs_f64()
    );

    let memory_before = cli.server_pid.map_or(0, rss_kb);
    let tally = Arc::new(Tally::default());
    let counting = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    for account in &clients {
        sync_loop(api.clone(), account.clone(), tally.clone(), counting.clone(), stop.clone());
    }
    // Every client past its initial sync and into a long-poll.
    tokio::time::sleep(Duration::from_secs(10)).await;
    let memory_after = cli.server_pid.map_or(0, rss_kb);

    let (mut sent, mut expected) = (0u64, 0u64);
    let failures = Arc::new(AtomicU64::new(0));
    if cli.rate > 0.0 {
        counting.store(true, Ordering::Relaxed);
        let every = Duration::from_secs_f64(1.0 / cli.rate);
        let total = (cli.rate * cli.seconds) as u64;
        let begin = tokio::time::Instant::now();
        let mut turn = 0usize;
        for seq in 0..total {
            tokio::time::sleep_until(begin + every * seq as u32).await;
            let (room, members) = &rooms[seq as usize % rooms.len()];
            let sender = accounts[members[turn % members.len()]].clone();
            turn = turn.wrapping_add(1);
            expected += members.len() as u64 - 1;
            let (api, room, failures) = (api.clone(), room.clone(), failures.clone());
            tokio::spawn(async move {
                let body = json!({"msgtype": "m.text", "body": format!("bench {} {} {seq}", sender.index, now_ms())});
                let path = format!("/_matrix/client/v3/rooms/{}/send/m.room.message/t{seq}", url_escape(&room));
                if api.call(reqwest::Method::PUT, &path, Some(&sender.token), Some(body)).await.is_err() {
                    failures.fetch_add(1, Ordering::Relaxed);
                }
            });
            sent += 1;
        }
        tokio::time::sleep(Duration::from_secs(5)).await;
        counting.store(false, Ordering::Relaxed);
    }
    stop.store(true, Ordering::Relaxed);
    let mut latencies = tally.latencies.lock().unwrap().clone();
    latencies.sort_unstable();
    let delivered = tally.delivered.load(Ordering::Relaxed);
    let clients_n = clients.len();
    common::Results {
        workload: cli.workload,
        nodes: 1,
        sockets: clients_n,
        open_at_end: tally.open.load(Ordering::Relaxed),
        sent,
        send_failures: failures.load(Ordering::Relaxed),
        expected,
        delivered,
        seconds: cli.seconds,
        latencies,
        memory_before_kb: memory_before,
        memory_after_kb: memory_after,
    }
    .print();
    std::process::exit(0)
}

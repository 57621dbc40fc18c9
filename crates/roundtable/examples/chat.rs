//! The driver of `bench/chat/run`: members with conversations open over the live socket,
//! messages sent at a fixed rate through the page's own form, and the time from sending to
//! each other member's socket receiving it.
//!
//!   chat run --nodes URL[,URL] --accounts FILE --password P --workload room|pairs|idle
//!            --conversations FILE --rate R --seconds S [--sockets-each K] [--server-pids PID,PID]
//!
//! `--accounts` has one address per line; `--conversations` one line per conversation: its
//! id, then the line numbers (from 0) of the accounts in it. Each account signs in once,
//! on the nodes in turn, and opens one socket per conversation it is in (`idle`: K of them)
//! on the node it signed in to. `room` and `pairs` send `rate` messages a second in all,
//! each by a member of a conversation taken in turn; `idle` sends nothing and reports the
//! servers' memory per open socket. Prints one JSON line of results.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod common;

use clap::Parser;
use common::{now_ms, rss_kb};
use futures_util::StreamExt;
use reqwest::redirect::Policy;
use reqwest::Client;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

#[derive(Parser)]
struct Cli {
    #[arg(long, value_delimiter = ',')]
    nodes: Vec<String>,
    #[arg(long)]
    accounts: std::path::PathBuf,
    #[arg(long)]
    password: String,
    #[arg(long)]
    workload: String,
    #[arg(long)]
    conversations: std::path::PathBuf,
    #[arg(long, default_value_t = 0.0)]
    rate: f64,
    #[arg(long, default_value_t = 30.0)]
    seconds: f64,
    /// Sockets each account opens in the idle workload.
    #[arg(long, default_value_t = 1)]
    sockets_each: usize,
    /// The servers' process ids, to read their memory.
    #[arg(long, value_delimiter = ',')]
    server_pids: Vec<u32>,
}

struct Session {
    node: String,
    client: Client,
    cookies: Arc<reqwest::cookie::Jar>,
    csrf: String,
}

fn csrf_of(html: &str) -> Option<String> {
    let start = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    Some(html[start..].split('"').next()?.to_string())
}

async fn sign_in(node: &str, email: &str, password: &str) -> anyhow::Result<Session> {
    let cookies = Arc::new(reqwest::cookie::Jar::default());
    let client = Client::builder()
        .cookie_provider(cookies.clone())
        .redirect(Policy::none())
        .timeout(Duration::from_secs(30))
        .build()?;
    let page = client.get(format!("{node}/signin")).send().await?.text().await?;
    let token = csrf_of(&page).ok_or_else(|| anyhow::anyhow!("no token on the sign-in page"))?;
    let r = client
        .post(format!("{node}/signin"))
        .header("Origin", node)
        .form(&[("csrf", token.as_str()), ("email", email), ("password", password)])
        .send()
        .await?;
    anyhow::ensure!(r.status().is_redirection(), "sign-in of {email}: {}", r.status());
    let page = client.get(format!("{node}/messages")).send().await?.text().await?;
    let csrf = csrf_of(&page).ok_or_else(|| anyhow::anyhow!("no token for {email}"))?;
    Ok(Session { node: node.to_string(), client, cookies, csrf })
}

#[derive(Default)]
struct Tally {
    latencies: Mutex<Vec<u32>>,
    delivered: AtomicU64,
    open: AtomicUsize,
}

/// Open a live socket on conversation `id`; each message it brings that another member sent
/// counts, with its latency from the moment it was sent.
async fn open_socket(
    session: &Session,
    id: i64,
    me: usize,
    tally: Arc<Tally>,
    counting: Arc<std::sync::atomic::AtomicBool>,
) -> anyhow::Result<()> {
    let ws = session.node.replacen("http", "ws", 1);
    let mut request = format!("{ws}/messages/{id}/live?after=0&since={}", now_ms()).into_client_request()?;
    let url = session.node.parse()?;
    let cookie = reqwest::cookie::CookieStore::cookies(&*session.cookies, &url)
        .ok_or_else(|| anyhow::anyhow!("no session cookie"))?;
    request.headers_mut().insert("Cookie", cookie);
    request.headers_mut().insert("Origin", session.node.parse()?);
    let (mut stream, _) = tokio_tungstenite::connect_async(request).await?;
    tally.open.fetch_add(1, Ordering::Relaxed);
    tokio::spawn(async move {
        while let Some(Ok(frame)) = stream.next().await {
            let Message::Text(text) = frame else { continue };
            let received = now_ms();
            // Each message's text reads "bench SENDER SENT_MS SEQ".
            for part in text.split("bench ").skip(1) {
                let mut words = part.split_whitespace();
                let (Some(sender), Some(sent)) = (words.next(), words.next()) else { continue };
                let (Ok(sender), Ok(sent)) = (sender.parse::<usize>(), sent.parse::<u64>()) else { continue };
                if sender == me || !counting.load(Ordering::Relaxed) {
                    continue;
                }
                tally.delivered.fetch_add(1, Ordering::Relaxed);
                tally.latencies.lock().unwrap().push(received.saturating_sub(sent) as u32);
            }
        }
        tally.open.fetch_sub(1, Ordering::Relaxed);
    });
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let accounts: Vec<String> = std::fs::read_to_string(&cli.accounts)?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let conversations: Vec<(i64, Vec<usize>)> = std::fs::read_to_string(&cli.conversations)?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut it = l.split_whitespace().map(|w| w.parse::<i64>().expect("numbers"));
            let id = it.next().expect("an id");
            (id, it.map(|i| i as usize).collect())
        })
        .collect();
    let mut needed: Vec<usize> = conversations.iter().flat_map(|(_, m)| m.iter().copied()).collect();
    needed.sort_unstable();
    needed.dedup();

    // Sign in, a few at a time (each is a password hash on the server), on the nodes in turn.
    let started = Instant::now();
    let mut sessions: HashMap<usize, Arc<Session>> = HashMap::new();
    for chunk in needed.chunks(16) {
        let mut tasks = Vec::new();
        for &i in chunk {
            let node = cli.nodes[i % cli.nodes.len()].clone();
            let (email, password) = (accounts[i].clone(), cli.password.clone());
            tasks.push(tokio::spawn(async move { (i, sign_in(&node, &email, &password).await) }));
        }
        for t in tasks {
            let (i, s) = t.await?;
            sessions.insert(i, Arc::new(s?));
        }
    }
    eprintln!("chat: {} sessions in {:.0} s", sessions.len(), started.elapsed().as_secs_f64());

    let memory_before: u64 = cli.server_pids.iter().map(|&p| rss_kb(p)).sum();
    let tally = Arc::new(Tally::default());
    let counting = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let each = if cli.workload == "idle" { cli.sockets_each } else { 1 };
    let mut sockets = 0usize;
    for (id, members) in &conversations {
        for &m in members {
            for _ in 0..each {
                open_socket(&sessions[&m], *id, m, tally.clone(), counting.clone()).await?;
                sockets += 1;
            }
        }
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let memory_after: u64 = cli.server_pids.iter().map(|&p| rss_kb(p)).sum();
    eprintln!("chat: {sockets} sockets open ({} still open)", tally.open.load(Ordering::Relaxed));

    let mut sent = 0u64;
    let mut refused = 0u64;
    let mut expected = 0u64;
    if cli.rate > 0.0 {
        counting.store(true, Ordering::Relaxed);
        let every = Duration::from_secs_f64(1.0 / cli.rate);
        let total = (cli.rate * cli.seconds) as u64;
        let begin = tokio::time::Instant::now();
        let answers = Arc::new(AtomicU64::new(0));
        let failures = Arc::new(AtomicU64::new(0));
        let mut turn = 0usize;
        for seq in 0..total {
            tokio::time::sleep_until(begin + every * seq as u32).await;
            let (id, members) = &conversations[seq as usize % conversations.len()];
            let sender = members[turn % members.len()];
            turn = turn.wrapping_add(1);
            expected += members.len() as u64 - 1;
            let session = sessions[&sender].clone();
            let (answers, failures) = (answers.clone(), failures.clone());
            let id = *id;
            tokio::spawn(async move {
                let body = format!("bench {sender} {} {seq}", now_ms());
                let r = session
                    .client
                    .post(format!("{}/messages/{id}", session.node))
                    .header("Origin", &session.node)
                    .form(&[("csrf", session.csrf.as_str()), ("body", body.as_str())])
                    .send()
                    .await;
                match r {
                    Ok(r) if r.status().is_redirection() => answers.fetch_add(1, Ordering::Relaxed),
                    _ => failures.fetch_add(1, Ordering::Relaxed),
                };
            });
            sent += 1;
        }
        // What is still on its way gets a few seconds to arrive.
        tokio::time::sleep(Duration::from_secs(5)).await;
        counting.store(false, Ordering::Relaxed);
        refused = failures.load(Ordering::Relaxed);
    }
    let mut latencies = tally.latencies.lock().unwrap().clone();
    latencies.sort_unstable();
    let delivered = tally.delivered.load(Ordering::Relaxed);
    common::Results {
        workload: cli.workload,
        nodes: cli.nodes.len(),
        sockets,
        open_at_end: tally.open.load(Ordering::Relaxed),
        sent,
        send_failures: refused,
        expected,
        delivered,
        seconds: cli.seconds,
        latencies,
        memory_before_kb: memory_before,
        memory_after_kb: memory_after,
    }
    .print();
    Ok(())
}

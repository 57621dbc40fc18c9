//! The command line as the README describes it: the demo (mail through the server one
//! names, the data folder printed, a kept demo opened again with `serve`) and `admin`.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use reqwest::StatusCode;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::common::Browser;
use crate::smtp::SmtpSink;

const PASSWORD: &str = "demo-password-for-tests";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The binary with none of the caller's settings but those given here.
pub fn roundtable(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_roundtable"));
    command.args(args).env("ROUNDTABLE_CONFIG", dir.join("absent.toml")).env("ROUNDTABLE_DEMO_PASSWORD", PASSWORD);
    for name in ["DATABASE_URL", "DATA_DIR", "ADDR", "BASE_URL", "SMTP_URL", "MAIL_FROM"] {
        command.env_remove(format!("ROUNDTABLE_{name}"));
    }
    command.stdout(Stdio::piped()).stderr(Stdio::piped()).kill_on_drop(true);
    command
}

/// What the demo printed up to its last line before serving.
async fn demo_banner(child: &mut Child) -> String {
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut banner = String::new();
    let read = async {
        while let Some(line) = lines.next_line().await.unwrap() {
            banner.push_str(&line);
            banner.push('\n');
            if line.starts_with("Press Ctrl-C") {
                return true;
            }
        }
        false
    };
    let started = tokio::time::timeout(Duration::from_secs(120), read).await == Ok(true);
    if !started {
        let mut stderr = String::new();
        let _ = child.stderr.take().unwrap().read_to_string(&mut stderr).await;
        panic!("the demo did not start:\n{banner}\n{stderr}");
    }
    banner
}

async fn wait_until_healthy(base: &str) {
    for _ in 0..300 {
        if reqwest::get(format!("{base}/healthz")).await.is_ok_and(|r| r.status() == StatusCode::OK) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{base} did not answer");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_sends_mail_prints_its_folder_and_reopens_with_serve() {
    let sink = SmtpSink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("kept");
    let data_arg = data.to_str().unwrap();
    let base = format!("http://127.0.0.1:{}", free_port());
    let addr = base.trim_start_matches("http://");

    let mut demo = roundtable(dir.path(), &["demo", "--addr", addr, "--data", data_arg])
        .env("ROUNDTABLE_SMTP_URL", &sink.url)
        .env("ROUNDTABLE_MAIL_FROM", "Demo Desk <desk@example.net>")
        .spawn()
        .unwrap();
    let banner = demo_banner(&mut demo).await;
    let data = std::fs::canonicalize(&data).unwrap();
    assert!(banner.contains(&format!("Data: {}", data.display())), "{banner}");
    assert!(banner.contains("Mail: sent through"), "{banner}");

    // Mail leaves through the named server, from the named sender.
    let visitor = Browser::at(&base);
    assert_eq!(visitor.post("/password/forgot", &[("email", "admin@example.org")]).await.status(), StatusCode::OK);
    let reset = sink.wait_for(1).await.into_iter().find(|m| m.to == ["admin@example.org"]).expect("reset mail sent");
    let from = reset.data.lines().find(|l| l.starts_with("From:")).unwrap_or_default();
    assert!(from.contains("Demo Desk") && from.contains("<desk@example.net>"), "{}", reset.data);
    demo.kill().await.unwrap();

    // A second demo on the same folder refuses, and says how to open it instead.
    let again = roundtable(dir.path(), &["demo", "--addr", addr, "--data", data_arg]).output().await.unwrap();
    let error = String::from_utf8_lossy(&again.stderr);
    assert!(!again.status.success() && error.contains("exists already"), "{error}");
    let reopen = format!("ROUNDTABLE_DATA_DIR={0} ROUNDTABLE_DATABASE_URL=sqlite://{0}/demo.db", data.display());
    assert!(error.contains(&reopen) && banner.contains(&reopen), "{error}\n{banner}");

    // That command serves the same network, its library files included.
    let database = format!("sqlite://{}/demo.db", data.display());
    let _serve = roundtable(dir.path(), &["serve"])
        .env("ROUNDTABLE_DATA_DIR", &data)
        .env("ROUNDTABLE_DATABASE_URL", &database)
        .env("ROUNDTABLE_ADDR", addr)
        .spawn()
        .unwrap();
    wait_until_healthy(&base).await;
    let admin = Browser::at(&base);
    admin.sign_in("admin@example.org", PASSWORD).await;
    let library = admin.page("/library").await;
    let ids: Vec<i64> =
        library.split("href=\"/library/").skip(1).filter_map(|rest| rest.split('"').next()?.parse().ok()).collect();
    let mut file = None;
    for id in ids {
        let page = admin.page(&format!("/library/{id}")).await;
        if let Some(start) = page.find(&format!("/library/{id}/files/")) {
            file = Some(page[start..].split('"').next().unwrap().to_string());
            break;
        }
    }
    let file = file.expect("a resource with a file");
    assert_eq!(admin.get(&file).await.status(), StatusCode::OK, "{file}");
}

/// A demo grown to a size asked for, written into an empty PostgreSQL database (as the load
/// benchmark seeds its nodes); a database that holds accounts already is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_grows_to_a_size_asked_for_in_an_empty_postgres_database() {
    if std::env::var("ROUNDTABLE_TEST_POSTGRES_URL").map_or(true, |u| u.is_empty()) {
        return;
    }
    let (url, name) = crate::common::fresh_postgres_database().await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("files");
    let base = format!("http://127.0.0.1:{}", free_port());
    let addr = base.trim_start_matches("http://");
    let args = ["demo", "--addr", addr, "--data", data.to_str().unwrap(), "--members", "400", "--database-url", &url];
    let mut demo = roundtable(dir.path(), &args).spawn().unwrap();
    let banner = demo_banner(&mut demo).await;
    assert!(
        banner.contains("Roundtable demo: 400 members") && banner.contains("in the PostgreSQL database"),
        "{banner}"
    );
    let coordinator = Browser::at(&base);
    coordinator.sign_in("coordinator@example.org", PASSWORD).await;
    assert!(coordinator.page("/").await.contains("Coordinator&#x27;s desk"));
    demo.kill().await.unwrap();

    let again = roundtable(dir.path(), &args).output().await.unwrap();
    let error = String::from_utf8_lossy(&again.stderr);
    assert!(!again.status.success() && error.contains("holds 400 accounts already"), "{error}");
    let admin = roundtable::db::Db::connect(&std::env::var("ROUNDTABLE_TEST_POSTGRES_URL").unwrap()).await.unwrap();
    admin.exec_raw(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await.unwrap();
}

#[tokio::test]
async fn the_demo_refuses_a_bad_mail_setting_before_creating_anything() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("demo");
    let cases = [
        ("ROUNDTABLE_SMTP_URL", [("SMTP_URL", "smtp://user:s3cret@mail.example.net:25"), ("MAIL_FROM", "")]),
        ("ROUNDTABLE_MAIL_FROM", [("SMTP_URL", "smtp://127.0.0.1:25"), ("MAIL_FROM", "not an address")]),
    ];
    for (named, settings) in cases {
        let mut command = roundtable(dir.path(), &["demo", "--addr", "127.0.0.1:0", "--data", data.to_str().unwrap()]);
        for (name, value) in settings {
            command.env(format!("ROUNDTABLE_{name}"), value);
        }
        let out =
            tokio::time::timeout(Duration::from_secs(30), command.output()).await.expect("refused at once").unwrap();
        let error = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && error.contains(named), "{error}");
        assert!(!error.contains("s3cret"), "{error}");
        assert!(!data.exists(), "nothing is created");
    }
}

#[tokio::test]
async fn create_user_names_the_pages_where_the_password_is_changed() {
    let dir = tempfile::tempdir().unwrap();
    let out = roundtable(dir.path(), &["admin", "create-user", "--email", "first@example.org", "--role", "admin"])
        .env("ROUNDTABLE_DATA_DIR", dir.path())
        .output()
        .await
        .unwrap();
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(printed.contains("Sessions and password → Change your password"), "{printed}");
    assert!(printed.contains(", /account/password)"), "{printed}");
}

#[tokio::test]
async fn serve_says_at_start_that_mail_is_not_being_sent() {
    let dir = tempfile::tempdir().unwrap();
    let base = format!("http://127.0.0.1:{}", free_port());
    let mut serve = roundtable(dir.path(), &["serve"])
        .env("ROUNDTABLE_DATA_DIR", dir.path())
        .env("ROUNDTABLE_ADDR", base.trim_start_matches("http://"))
        .spawn()
        .unwrap();
    wait_until_healthy(&base).await;
    serve.kill().await.unwrap();
    let mut stderr = String::new();
    serve.stderr.take().unwrap().read_to_string(&mut stderr).await.unwrap();
    assert!(stderr.contains("Mail is not being sent") && stderr.contains("ROUNDTABLE_SMTP_URL="), "{stderr}");
}

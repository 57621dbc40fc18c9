//! Live messages: a conversation's newest page gets what is written, edited and deleted over
//! a WebSocket, under the page's own rules (blocks, leaving, signing out), resumes after a
//! dropped connection without loss or repeats, refuses other sites and outsiders, and
//! crosses nodes on PostgreSQL.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use reqwest::StatusCode;
use roundtable::vocab::Role;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};

use crate::chat::{tie, write};
use crate::common::{location, Browser, TestApp};
use crate::db_test;

type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// How long a test waits for a frame that must come: only a failure waits this long.
const DUE: Duration = Duration::from_secs(20);

/// Open conversation `id`'s live socket as `who`, from `origin` (None: no Origin header).
pub async fn open(who: &Browser, id: i64, query: &str, origin: Option<&str>) -> Result<Socket, WsError> {
    let url = format!("{}/messages/{id}/live?{query}", who.base.replace("http://", "ws://"));
    let mut request = url.into_client_request().unwrap();
    request.headers_mut().insert("cookie", who.cookie_header().parse().unwrap());
    if let Some(origin) = origin {
        request.headers_mut().insert("origin", origin.parse().unwrap());
    }
    tokio_tungstenite::connect_async(request).await.map(|(socket, _)| socket)
}

fn refused_with(result: Result<Socket, WsError>) -> u16 {
    match result {
        Err(WsError::Http(response)) => response.status().as_u16(),
        Err(e) => panic!("refused otherwise: {e}"),
        Ok(_) => panic!("opened"),
    }
}

/// The next batch the socket sends: each message's id and HTML, and the server's time.
async fn next_batch(socket: &mut Socket) -> (Vec<(i64, String)>, i64) {
    loop {
        let frame = tokio::time::timeout(DUE, socket.next()).await.expect("a frame in time").expect("open").unwrap();
        if let Message::Text(text) = frame {
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            let messages = value["messages"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| (m["id"].as_i64().unwrap(), m["html"].as_str().unwrap().to_string()))
                .collect();
            return (messages, value["at"].as_i64().unwrap());
        }
    }
}

/// The close code the server ends the socket with.
async fn closed_with(socket: &mut Socket) -> u16 {
    loop {
        match tokio::time::timeout(DUE, socket.next()).await.expect("closed in time") {
            Some(Ok(Message::Close(Some(frame)))) => return u16::from(frame.code),
            Some(Ok(Message::Close(None))) | None => return 0,
            Some(Ok(_)) => continue,
            Some(Err(e)) => panic!("socket failed instead of closing: {e}"),
        }
    }
}

async fn send(who: &Browser, id: i64, body: &str) -> i64 {
    let r = who.post(&format!("/messages/{id}"), &[("body", body)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
    location(&r).rsplit("#m-").next().unwrap().parse().unwrap()
}

db_test!(
    a_live_page_gets_new_edited_and_deleted_messages_and_resumes_without_loss_or_repeats,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana Live").await;
        let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Live").await;
        app.exec(&tie(ana_id, ben_id)).await;
        let id = write(&ana, &[ben_id], "First, before the page opened").await;

        // The newest page offers the live socket and its small script; an older page does not.
        let page = ben.page(&format!("/messages/{id}")).await;
        assert!(page.contains(&format!(r#"data-live="/messages/{id}/live""#)), "{page}");
        let page = page.replace("&#x2f;", "/");
        let script = page.split(r#"<script src=""#).find(|s| s.starts_with("/static/chat.")).expect("the live script");
        let script = &script[..script.find('"').unwrap()];
        let js = ben.get(script).await;
        assert!(js.headers()["content-type"].to_str().unwrap().starts_with("text/javascript"));
        assert!(js.bytes().await.unwrap().len() <= 15 * 1024, "the live script stays under 15 KB");
        assert!(!ben.page(&format!("/messages/{id}?before=1")).await.contains("data-live"));
        let after: i64 = page.split(r#"data-after=""#).nth(1).unwrap().split('"').next().unwrap().parse().unwrap();

        let mut live = open(&ben, id, &format!("after={after}"), Some(&app.base)).await.expect("opens");
        let second = send(&ana, id, "Second, **live**").await;
        let (batch, _) = next_batch(&mut live).await;
        assert_eq!(batch.len(), 1, "{batch:?}");
        assert_eq!(batch[0].0, second);
        assert!(batch[0].1.contains("<strong>live</strong>") && batch[0].1.contains("Ana Live"), "{}", batch[0].1);
        assert!(batch[0].1.contains(&format!(r#"id="m-{second}""#)), "the page places it by id");

        // An edit and a deletion reach the page as the message shown anew.
        let r = ana.post(&format!("/messages/{id}/m/{second}/edit"), &[("body", "Second, corrected")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (batch, _) = next_batch(&mut live).await;
        assert_eq!(batch.len(), 1);
        assert!(batch[0].0 == second && batch[0].1.contains("Second, corrected") && batch[0].1.contains("edited"));
        let r = ana.post(&format!("/messages/{id}/m/{second}/delete"), &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (batch, at) = next_batch(&mut live).await;
        assert!(batch[0].0 == second && !batch[0].1.contains("corrected") && batch[0].1.contains("deleted"));

        // Reading: "read N" while in view marks the conversation read, never past what was sent.
        app.exec(&format!("UPDATE conversation_members SET last_read_id = 0 WHERE user_id = {ben_id}")).await;
        live.send(Message::text(format!("read {}", second + 1000))).await.unwrap();
        live.close(None).await.unwrap();
        while let Ok(Some(_)) = tokio::time::timeout(DUE, live.next()).await {}
        let read =
            app.scalar_i64(&format!("SELECT last_read_id FROM conversation_members WHERE user_id = {ben_id}")).await;
        assert_eq!(read, second, "read up to what the page was sent");

        // The connection dropped; meanwhile two messages and an edit. Reconnecting from where
        // the page stopped brings each once, in order.
        let third = send(&ana, id, "Third, while away").await;
        let fourth = send(&ana, id, "Fourth, while away").await;
        let r = ana.post(&format!("/messages/{id}/m/{third}/edit"), &[("body", "Third, while away (fixed)")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let mut live = open(&ben, id, &format!("after={second}&since={at}"), Some(&app.base)).await.expect("reopens");
        let (batch, _) = next_batch(&mut live).await;
        // A message changed in the very millisecond the page last looked may come again; it
        // replaces itself on the page (placed by id). New ones come once each, in order.
        let new = |batch: &[(i64, String)], from: i64| {
            batch.iter().map(|(id, _)| *id).filter(|id| *id > from).collect::<Vec<_>>()
        };
        assert_eq!(new(&batch, second), vec![third, fourth], "each missed message once, in order: {batch:?}");
        assert!(batch.iter().find(|(id, _)| *id == third).unwrap().1.contains("(fixed)"), "as it is now");
        let fifth = send(&ana, id, "Fifth").await;
        let (batch, _) = next_batch(&mut live).await;
        assert_eq!(new(&batch, fourth), vec![fifth], "nothing repeated: {batch:?}");
    }
);

db_test!(
    a_live_socket_follows_the_page_rules_and_refuses_other_sites,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana Group").await;
        let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Group").await;
        let (cai, cai_id) = app.signed_in("cai@example.org", Role::Member, "Cai Group").await;
        let (out, _) = app.signed_in("out@example.org", Role::Coordinator, "Olu Outsider").await;
        for (a, b) in [(ana_id, ben_id), (ana_id, cai_id), (ben_id, cai_id)] {
            app.exec(&tie(a, b)).await;
        }
        let id = write(&ana, &[ben_id, cai_id], "Our group").await;

        // Another site's page, or no Origin at all, gets no socket; nor does someone who is
        // not in the conversation (a coordinator included), nor a visitor.
        assert_eq!(refused_with(open(&ben, id, "", Some("https://evil.example")).await), 403);
        assert_eq!(refused_with(open(&ben, id, "", None).await), 403);
        assert_eq!(refused_with(open(&out, id, "", Some(&app.base)).await), 404);
        assert_ne!(refused_with(open(&app.browser(), id, "", Some(&app.base)).await), 101);

        // Ben blocks Ana: her messages stop reaching his live page, Cai's still come.
        let last = app.scalar_i64(&format!("SELECT MAX(id) FROM messages WHERE conversation_id = {id}")).await;
        let mut live = open(&ben, id, &format!("after={last}"), Some(&app.base)).await.expect("opens");
        app.exec(&format!("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES ({ben_id}, {ana_id}, 0)"))
            .await;
        send(&ana, id, "From a blocked author").await;
        let from_cai = send(&cai, id, "From Cai").await;
        let (batch, _) = next_batch(&mut live).await;
        assert_eq!(batch.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![from_cai], "{batch:?}");

        // Leaving closes the page's socket for good (a code the script does not retry).
        let r = ben.post(&format!("/messages/{id}/leave"), &[]).await;
        assert_eq!(location(&r), "/messages?done=left");
        send(&cai, id, "After Ben left").await;
        assert_eq!(closed_with(&mut live).await, 4404);

        // Signing out closes it too.
        let mut live = open(&cai, id, &format!("after={last}"), Some(&app.base)).await.expect("opens");
        let r = cai.post("/signout", &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        send(&ana, id, "After Cai signed out").await;
        assert_eq!(closed_with(&mut live).await, 4401);
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgres_a_message_written_on_one_node_reaches_a_page_live_on_another() {
    let Some(app) = TestApp::spawn_if_postgres().await else {
        eprintln!("ROUNDTABLE_TEST_POSTGRES_URL not set: skipped");
        return;
    };
    let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana North").await;
    let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben South").await;
    app.exec(&tie(ana_id, ben_id)).await;
    let id = write(&ana, &[ben_id], "Across nodes").await;
    let first = app.scalar_i64(&format!("SELECT MAX(id) FROM messages WHERE conversation_id = {id}")).await;
    let other = app.another_node().await;
    let ben_there = ben.at_node(&other);
    assert!(ben_there.page(&format!("/messages/{id}")).await.contains("Across nodes"), "one session, both nodes");
    let mut live =
        open(&ben_there, id, &format!("after={first}"), Some(&other)).await.expect("opens on the other node");
    let second = send(&ana, id, "Written on the first node").await;
    let (batch, _) = next_batch(&mut live).await;
    assert_eq!(batch.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![second]);
    assert!(batch[0].1.contains("Written on the first node"));
}

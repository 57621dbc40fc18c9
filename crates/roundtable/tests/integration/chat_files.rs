//! Files sent in a conversation: checked like every upload, pictures without their hidden
//! details, downloaded only by those who read the message, and gone, rows and bytes, when
//! the message disappears or is deleted.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::chat::{tie, write};
use crate::common::{location, Browser, TestApp};
use crate::db_test;
use crate::library::photo_with_metadata;

/// POST a file to a conversation, as its page's form does (CSRF token first).
async fn send_file(b: &Browser, conversation: i64, name: &str, bytes: Vec<u8>, caption: &str) -> reqwest::Response {
    let token = b.csrf().await;
    let form = reqwest::multipart::Form::new()
        .text("csrf", token)
        .part("file", reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()))
        .text("body", caption.to_string());
    b.client.post(b.url(&format!("/messages/{conversation}/attach"))).multipart(form).send().await.unwrap()
}

/// The files in the messages' own store.
fn stored(app: &TestApp) -> usize {
    std::fs::read_dir(app.data_dir().join("messages")).map(|d| d.count()).unwrap_or(0)
}

db_test!(
    files_go_with_their_message,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana Sender").await;
        let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Reader").await;
        let (coord, _) = app.signed_in("coord@example.org", Role::Coordinator, "Cora Outside").await;
        app.exec(&tie(ana_id, ben_id)).await;
        let id = write(&ana, &[ben_id], "The photos from the visit").await;
        let secret = "13.7563N 100.5018E Somchai";

        // What the library refuses is refused here too, and nothing is kept; an outsider
        // sends nothing into a conversation they are not in.
        let r = send_file(&ana, id, "visit.pdf", b"<html><script>alert(1)</script></html>".to_vec(), "").await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = send_file(&coord, id, "visit.jpg", photo_with_metadata(secret), "").await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        assert_eq!((app.scalar_i64("SELECT COUNT(*) FROM message_attachments").await, stored(&app)), (0, 0));

        let r = send_file(&ana, id, "cell-block.jpg", photo_with_metadata(secret), "The cell block").await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
        assert!(location(&r).starts_with(&format!("/messages/{id}#m-")));
        assert_eq!(stored(&app), 1);
        let page = ben.page(&format!("/messages/{id}")).await.replace("&#x2f;", "/");
        assert!(page.contains("The cell block") && page.contains("cell-block.jpg"), "{page}");
        let file = app.scalar_i64("SELECT id FROM message_attachments").await;
        let link = format!("/messages/{id}/files/{file}");
        assert!(page.contains(&format!("<img src=\"{link}\"")), "{page}");

        // Ben downloads it without the place and the author it carried; nobody else can.
        let r = ben.get(&link).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()["content-type"], "image/jpeg");
        let bytes = r.bytes().await.unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains("Somchai"), "metadata removed");
        assert_eq!(coord.get(&link).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.browser().get(&link).await.status(), StatusCode::SEE_OTHER);

        // Deleting the message takes the file: the row at once, the bytes with the sweep.
        let message = app.scalar_i64("SELECT message_id FROM message_attachments").await;
        let r = ana.post(&format!("/messages/{id}/m/{message}/delete"), &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(ben.get(&link).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM message_attachments").await, 0);
        assert_eq!(roundtable::chat::attachments::sweep_files(&app.db, app.data_dir()).await.unwrap(), 1);
        assert_eq!(stored(&app), 0);

        // A file whose message disappears goes the same way.
        let r = send_file(&ben, id, "notes.txt", b"Cell 4: no mattress.\n".to_vec(), "").await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert!(ana.page(&format!("/messages/{id}")).await.contains("notes.txt"), "the file name stands for the text");
        assert_eq!(stored(&app), 1);
        app.clock.advance(8 * 86_400_000);
        assert!(roundtable::chat::sweep(&app.db, app.clock.now_ms()).await.unwrap() >= 1);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM message_attachments").await, 0);
        assert_eq!(roundtable::chat::attachments::sweep_files(&app.db, app.data_dir()).await.unwrap(), 1);
        assert_eq!(stored(&app), 0);
    }
);

//! Passkeys, with a software authenticator standing in for a phone: registered by name,
//! then signing in alone, as the second step after a password, and confirming who one is
//! before a sensitive action. Every broken answer (unreadable, from another origin,
//! tampered, replayed, too late) is refused with a message and changes nothing.

use reqwest::StatusCode;
use roundtable::vocab::Role;
use serde::de::DeserializeOwned;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;
use webauthn_authenticator_rs::WebauthnAuthenticator;
use webauthn_rs::prelude::{CreationChallengeResponse, PublicKeyCredential, RequestChallengeResponse, Url};

use crate::common::{location, Browser, TestApp, PASSWORD};
use crate::db_test;

/// Passkeys need a host name: the app is told it is `localhost` (it still listens on
/// 127.0.0.1, where the test's requests go).
pub(crate) fn by_name(c: &mut roundtable::config::Config) {
    c.base_url = Url::parse("http://localhost:0/").unwrap();
    c.rate_limit_burst = 100_000;
}

pub(crate) fn origin(app: &TestApp) -> Url {
    let port = app.base.rsplit(':').next().unwrap();
    Url::parse(&format!("http://localhost:{port}")).unwrap()
}

fn unescape(html: &str) -> String {
    html.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn attribute<'a>(page: &'a str, name: &str) -> &'a str {
    let start = page.find(&format!("{name}=\"")).unwrap_or_else(|| panic!("{name} in {page}")) + name.len() + 2;
    &page[start..start + page[start..].find('"').unwrap()]
}

/// The options a passkey page hands the browser, and its ceremony token.
pub(crate) fn ceremony<T: DeserializeOwned>(page: &str) -> (T, String) {
    let options = serde_json::from_str(&unescape(attribute(page, "data-options"))).expect("options parse");
    let token = page.split("name=\"ceremony\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    (options, token)
}

/// Registers a passkey named `name` for the signed-in `b`; returns the page answered.
pub(crate) async fn register(app: &TestApp, b: &Browser, key: &mut SoftPasskey, name: &str) -> (StatusCode, String) {
    let r = b.post("/account/security/passkeys", &[]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let (options, token): (CreationChallengeResponse, String) = ceremony(&r.text().await.unwrap());
    let answer = key.do_registration(origin(app), options).expect("the authenticator registers");
    let answer = serde_json::to_string(&answer).unwrap();
    let r = b
        .post("/account/security/passkeys/finish", &[("ceremony", &token), ("credential", &answer), ("name", name)])
        .await;
    (r.status(), r.text().await.unwrap())
}

/// The browser's answer to a request for a passkey; for a discoverable request, the
/// authenticator picks its own credential and names its account, as a phone does.
fn answer(
    key: &mut SoftPasskey,
    at: Url,
    mut options: RequestChallengeResponse,
    own: Option<(&[u8], &[u8])>,
) -> PublicKeyCredential {
    if let Some((credential, _)) = own {
        use base64::Engine;
        let mut json = serde_json::to_value(&options).unwrap();
        let id = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(credential);
        json["publicKey"]["allowCredentials"] = serde_json::json!([{ "type": "public-key", "id": id }]);
        options = serde_json::from_value(json).unwrap();
    }
    let mut answer = key.do_authentication(at, options).expect("the authenticator signs");
    if let Some((_, handle)) = own {
        answer.response.user_handle = Some(handle.to_vec());
    }
    answer
}

async fn credential_and_handle(app: &TestApp, user: i64) -> (Vec<u8>, Vec<u8>) {
    use base64::Engine;
    let id = app.strings(&format!("SELECT credential_id FROM passkeys WHERE user_id = {user}")).await.remove(0);
    let handle = app.strings(&format!("SELECT passkey_handle FROM users WHERE id = {user}")).await.remove(0);
    let id = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(id).unwrap();
    (id, uuid_bytes(&handle))
}

fn uuid_bytes(text: &str) -> Vec<u8> {
    webauthn_rs::prelude::Uuid::parse_str(text).unwrap().as_bytes().to_vec()
}

async fn sessions(app: &TestApp, user: i64) -> i64 {
    app.scalar_i64(&format!("SELECT COUNT(*) FROM sessions WHERE user_id = {user}")).await
}

db_test!(a_passkey_registers_by_name_and_signs_in_alone, config = by_name, |app: TestApp| async move {
    let (member, id) = app.signed_in("pia@example.org", Role::Member, "Pia Passkey").await;
    let mut phone = SoftPasskey::new(true);
    let (status, page) = register(&app, &member, &mut phone, "My phone").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(page.matches("<li><code>").count(), 10, "a first factor brings recovery codes: {page}");
    let security = member.page("/account/security").await;
    assert!(security.contains("My phone") && security.contains("not used yet"), "{security}");

    // A passkey alone signs in, on a device that never saw the password.
    let (credential, handle) = credential_and_handle(&app, id).await;
    let other = app.browser();
    let before = sessions(&app, id).await;
    let r = other.post("/signin/passkey", &[("next", "/profile"), ("shared", "on")]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let (options, token): (RequestChallengeResponse, String) = ceremony(&r.text().await.unwrap());
    assert!(options.public_key.allow_credentials.is_empty(), "the request names no account");
    let signed = answer(&mut phone, origin(&app), options, Some((&credential, &handle)));
    let signed = serde_json::to_string(&signed).unwrap();
    let r = other
        .post(
            "/signin/passkey/finish",
            &[("ceremony", &token), ("credential", &signed), ("next", "/profile"), ("shared", "on")],
        )
        .await;
    assert_eq!(location(&r), "/profile");
    let list = other.page("/account/sessions").await;
    assert!(list.contains("with a second factor") && list.contains("shared device"), "{list}");
    assert_eq!(sessions(&app, id).await, before + 1);
    assert!(!member.page("/account/security").await.contains("not used yet"), "last use recorded");
    // No passkey is added from a shared-device session.
    let r = other.post("/account/security/passkeys", &[]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The same answer again: its ceremony is spent.
    let r = app.browser().post("/signin/passkey/finish", &[("ceremony", &token), ("credential", &signed)]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("expired or was already used"));

    // The password alone now leads to the second step, which a passkey completes.
    let laptop = app.browser();
    let r = laptop.post("/signin", &[("email", "pia@example.org"), ("password", PASSWORD)]).await;
    assert_eq!(location(&r), "/signin/code");
    assert!(laptop.page("/signin/code").await.contains("Use a passkey"));
    let r = laptop.post("/signin/code/passkey", &[]).await;
    let (options, token): (RequestChallengeResponse, String) = ceremony(&r.text().await.unwrap());
    assert_eq!(options.public_key.allow_credentials.len(), 1, "this account's passkey is asked for");
    let signed = serde_json::to_string(&answer(&mut phone, origin(&app), options, None)).unwrap();
    let r = laptop.post("/signin/code/passkey/finish", &[("ceremony", &token), ("credential", &signed)]).await;
    assert_eq!(location(&r), "/");
    assert_eq!(laptop.get("/profile").await.status(), StatusCode::OK);

    // Several passkeys, each removable; removing needs a recent confirmation, which a
    // passkey gives.
    let mut laptop_key = SoftPasskey::new(true);
    let (status, _) = register(&app, &member, &mut laptop_key, "Office laptop").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "no new recovery codes for a second passkey");
    assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM passkeys WHERE user_id = {id}")).await, 2);
    let laptop_id = app.scalar_i64("SELECT id FROM passkeys WHERE name = 'Office laptop'").await;
    app.clock.advance(11 * 60_000);
    let r = member.post(&format!("/account/security/passkeys/{laptop_id}/remove"), &[]).await;
    assert_eq!(location(&r), "/account/confirm?next=%2Faccount%2Fsecurity");
    assert!(member.page("/account/confirm?next=/account/security").await.contains("Confirm with a passkey"));
    let r = member.post("/account/confirm/passkey", &[("next", "/account/security")]).await;
    let (options, token): (RequestChallengeResponse, String) = ceremony(&r.text().await.unwrap());
    let signed = serde_json::to_string(&answer(&mut laptop_key, origin(&app), options, None)).unwrap();
    let r = member
        .post(
            "/account/confirm/passkey/finish",
            &[("ceremony", &token), ("credential", &signed), ("next", "/account/security")],
        )
        .await;
    assert_eq!(location(&r), "/account/security");
    let r = member.post(&format!("/account/security/passkeys/{laptop_id}/remove"), &[]).await;
    assert_eq!(location(&r), "/account/security?done=passkey-removed");
    // Another member's passkey id is not found.
    let (stranger, _) = app.signed_in("sam@example.org", Role::Member, "Sam").await;
    let phone_id = app.scalar_i64("SELECT id FROM passkeys WHERE name = 'My phone'").await;
    let r = stranger.post(&format!("/account/security/passkeys/{phone_id}/remove"), &[]).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let audit = format!("SELECT COUNT(*) FROM audit_log WHERE target_id = {id} AND action IN ('second_factor_added', 'second_factor_removed')");
    assert_eq!(app.scalar_i64(&audit).await, 3);
});

db_test!(broken_passkey_answers_are_refused_and_change_nothing, config = by_name, |app: TestApp| async move {
    let (member, id) = app.signed_in("ola@example.org", Role::Member, "Ola").await;
    let mut phone = SoftPasskey::new(true);
    assert_eq!(register(&app, &member, &mut phone, "Phone").await.0, StatusCode::OK);
    let (credential, handle) = credential_and_handle(&app, id).await;
    let before = sessions(&app, id).await;
    let b = app.browser();
    let start = || async {
        let r = b.post("/signin/passkey", &[]).await;
        ceremony::<RequestChallengeResponse>(&r.text().await.unwrap())
    };
    let finish = |token: String, credential: String| {
        let b = &b;
        async move {
            let r = b.post("/signin/passkey/finish", &[("ceremony", &token), ("credential", &credential)]).await;
            let status = r.status();
            (status, r.text().await.unwrap())
        }
    };

    // Not JSON, or not an answer at all.
    let (_, token) = start().await;
    for junk in ["", "{", "{\"id\": 5}", &"x".repeat(70_000)] {
        let (status, page) = finish(token.clone(), junk.to_string()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("could not be read"), "{junk:.20}: {page}");
    }
    // Signed for another origin (a server on another port of the same host).
    let (options, token) = start().await;
    let elsewhere = Url::parse(&format!("http://localhost:{}", origin(&app).port().unwrap() ^ 1)).unwrap();
    let signed = answer(&mut phone, elsewhere, options, Some((&credential, &handle)));
    let (status, page) = finish(token, serde_json::to_string(&signed).unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("could not be accepted"), "{page}");
    // Made for another relying party (another site's name), as a phishing page would ask.
    let (options, token) = start().await;
    let mut json = serde_json::to_value(&options).unwrap();
    json["publicKey"]["rpId"] = "other.test".into();
    let other: RequestChallengeResponse = serde_json::from_value(json).unwrap();
    let port = origin(&app).port().unwrap();
    let signed = answer(
        &mut phone,
        Url::parse(&format!("https://other.test:{port}")).unwrap(),
        other,
        Some((&credential, &handle)),
    );
    let (status, _) = finish(token, serde_json::to_string(&signed).unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // Tampered with: a signature that does not verify.
    let (options, token) = start().await;
    let mut signed = answer(&mut phone, origin(&app), options, Some((&credential, &handle)));
    let mut signature: Vec<u8> = signed.response.signature.to_vec();
    let last = signature.len() - 1;
    signature[last] ^= 1;
    signed.response.signature = signature;
    let (status, _) = finish(token, serde_json::to_string(&signed).unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // Naming another account than the passkey's.
    let (options, token) = start().await;
    let signed = answer(
        &mut phone,
        origin(&app),
        options,
        Some((&credential, &uuid_bytes("8d5c1f9e-0000-4000-8000-000000000000"))),
    );
    let (status, _) = finish(token, serde_json::to_string(&signed).unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // From a copy of the passkey: its counter is behind the one last seen.
    app.exec(&format!("UPDATE passkeys SET sign_count = 1000 WHERE user_id = {id}")).await;
    let (options, token) = start().await;
    let signed = answer(&mut phone, origin(&app), options, Some((&credential, &handle)));
    let (status, _) = finish(token, serde_json::to_string(&signed).unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a counter that went back");
    app.exec(&format!("UPDATE passkeys SET sign_count = 0 WHERE user_id = {id}")).await;
    // Answered after the ceremony expired.
    let (options, token) = start().await;
    app.clock.advance(6 * 60_000);
    let signed = answer(&mut phone, origin(&app), options, Some((&credential, &handle)));
    let (status, page) = finish(token, serde_json::to_string(&signed).unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("expired"), "{page}");
    // A ceremony made for one purpose finishes no other: a registration's token at sign-in.
    let r = member.post("/account/security/passkeys", &[]).await;
    let (_, register_token): (CreationChallengeResponse, String) = ceremony(&r.text().await.unwrap());
    let (options, _) = start().await;
    let signed = answer(&mut phone, origin(&app), options, Some((&credential, &handle)));
    let (status, _) = finish(register_token, serde_json::to_string(&signed).unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    assert_eq!(sessions(&app, id).await, before, "no session was made");
    assert!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'signin_failed'").await >= 9,
        "each refusal is audited"
    );
    assert_eq!(b.get("/profile").await.status(), StatusCode::SEE_OTHER);
    // After all that, a good answer still works.
    let (options, token) = start().await;
    let signed = answer(&mut phone, origin(&app), options, Some((&credential, &handle)));
    let (status, _) = finish(token, serde_json::to_string(&signed).unwrap()).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
});

db_test!(passkey_sign_in_attempts_are_throttled_like_passwords, config = by_name, |app: TestApp| async move {
    let b = app.browser();
    let mut last = StatusCode::OK;
    for _ in 0..31 {
        let r = b.post("/signin/passkey", &[]).await;
        let (_, token): (RequestChallengeResponse, String) = ceremony(&r.text().await.unwrap());
        last = b.post("/signin/passkey/finish", &[("ceremony", &token), ("credential", "{")]).await.status();
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
});

db_test!(without_a_host_name_passkeys_are_not_offered, |app: TestApp| async move {
    let (member, _) = app.signed_in("ida@example.org", Role::Member, "Ida").await;
    assert!(!app.browser().page("/signin").await.contains("Sign in with a passkey"));
    assert!(member.page("/account/security").await.contains("not by an IP address"));
    let r = member.post("/account/security/passkeys", &[]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
});

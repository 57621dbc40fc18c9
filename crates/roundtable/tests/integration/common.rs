use std::sync::Mutex;

use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};
use roundtable::app::Application;
use roundtable::config::{sqlite_url, Config};
use roundtable::db::Db;
use roundtable::vocab::Role;
use roundtable::{on_db, on_tx};

/// The password every account created by [`TestApp::create_user`] has.
pub const PASSWORD: &str = "amber-lantern-willow-47";

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub base: String,
    pub db: Db,
    /// The application's clock, to move on where a test needs time to pass.
    pub clock: roundtable::db::Clock,
    /// The running application's state, for tests that look inside a node (its gate).
    pub state: roundtable::web::AppState,
    /// The PostgreSQL database made for this test, dropped with it.
    postgres_db: Option<String>,
    database_url: String,
    _dir: tempfile::TempDir,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let Some(name) = self.postgres_db.take() else { return };
        let Ok(admin_url) = std::env::var("ROUNDTABLE_TEST_POSTGRES_URL") else { return };
        // Drop runs inside the test's runtime; a thread with its own runtime can still wait.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(async {
                if let Ok(admin) = Db::connect(&admin_url).await {
                    let _ = admin.exec_raw(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
                    admin.close().await;
                }
            });
        })
        .join();
    }
}

/// Define a test that runs once per backend: `db_test!(name, |app| async move { ... });`,
/// or with settings of its own: `db_test!(name, config = |c: &mut Config| ..., |app| ...);`
#[macro_export]
macro_rules! db_test {
    ($name:ident, config = $adjust:expr, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = $crate::common::TestApp::spawn_with($crate::common::Backend::Sqlite, $adjust).await;
                ($body)(app).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if std::env::var("ROUNDTABLE_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty()).is_none() {
                    eprintln!("ROUNDTABLE_TEST_POSTGRES_URL not set: PostgreSQL half skipped");
                    return;
                }
                let app = $crate::common::TestApp::spawn_with($crate::common::Backend::Postgres, $adjust).await;
                ($body)(app).await;
            }
        }
    };
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = $crate::common::TestApp::spawn($crate::common::Backend::Sqlite).await;
                ($body)(app).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                match $crate::common::TestApp::spawn_if_postgres().await {
                    Some(app) => ($body)(app).await,
                    None => {
                        eprintln!("ROUNDTABLE_TEST_POSTGRES_URL not set: PostgreSQL half skipped")
                    }
                }
            }
        }
    };
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, |_| {}).await
    }

    pub async fn spawn_if_postgres() -> Option<TestApp> {
        std::env::var("ROUNDTABLE_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty())?;
        Some(Self::spawn(Backend::Postgres).await)
    }

    pub async fn spawn_with(backend: Backend, adjust: impl FnOnce(&mut Config)) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = Config::defaults(dir.path());
        config.addr = "127.0.0.1:0".parse().unwrap();
        config.base_url = url::Url::parse("http://127.0.0.1:0/").unwrap();
        let mut postgres_db = None;
        config.database_url = match backend {
            Backend::Sqlite => sqlite_url(&dir.path().join("test.db")),
            Backend::Postgres => {
                let (url, name) = fresh_postgres_database().await;
                postgres_db = Some(name);
                url
            }
        };
        adjust(&mut config);
        let database_url = config.database_url.clone();
        let app = Application::build(config).await.expect("application starts");
        let port = app.port();
        let db = app.state().db.clone();
        let clock = app.state().clock.clone();
        let state = app.state().clone();
        tokio::spawn(app.run_until_stopped());
        TestApp { base: format!("http://127.0.0.1:{port}"), db, clock, state, postgres_db, database_url, _dir: dir }
    }

    /// Start another node of the same network (the same database and data folder); returns
    /// its base URL. It serves until the test ends.
    pub async fn another_node(&self) -> String {
        let mut config = Config::defaults(self._dir.path());
        config.addr = "127.0.0.1:0".parse().unwrap();
        config.base_url = url::Url::parse("http://127.0.0.1:0/").unwrap();
        config.database_url = self.database_url.clone();
        let app = Application::build(config).await.expect("second node starts");
        let port = app.port();
        tokio::spawn(app.run_until_stopped());
        format!("http://127.0.0.1:{port}")
    }

    /// The application's data folder (where the library keeps its files).
    /// The database this application uses, for the command line to work on too.
    pub fn database_url(&self) -> &str {
        &self.database_url
    }

    pub fn data_dir(&self) -> &std::path::Path {
        self._dir.path()
    }

    /// A browser with its own cookie jar that does not follow redirects.
    pub fn browser(&self) -> Browser {
        Browser::at(&self.base)
    }

    pub async fn create_user(&self, email: &str, role: Role, name: &str) -> i64 {
        roundtable::accounts::create_account(&self.db, email, role, name, PASSWORD).await.expect("account created")
    }

    /// A browser signed in as a new account with this role.
    pub async fn signed_in(&self, email: &str, role: Role, name: &str) -> (Browser, i64) {
        let id = self.create_user(email, role, name).await;
        let b = self.browser();
        b.sign_in(email, PASSWORD).await;
        (b, id)
    }

    pub async fn exec(&self, sql: &str) {
        on_db!(&self.db, pool => sqlx::query(sql).execute(pool).await.map(|_| ())).expect(sql);
    }

    pub async fn scalar_i64(&self, sql: &str) -> i64 {
        on_db!(&self.db, pool => sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await).expect(sql)
    }

    pub async fn strings(&self, sql: &str) -> Vec<String> {
        on_db!(&self.db, pool => sqlx::query_scalar::<_, String>(sql).fetch_all(pool).await).expect(sql)
    }

    /// Bodies of mail queued for `to`, newest first.
    pub async fn mails_to(&self, to: &str) -> Vec<String> {
        on_db!(&self.db, pool => sqlx::query_scalar::<_, String>("SELECT body_text FROM outbox WHERE to_addr = $1 ORDER BY id DESC")
            .bind(to).fetch_all(pool).await)
        .unwrap()
    }

    /// Update a profile directly (sector, country, at-risk, visibilities) to set up a scene.
    pub async fn set_profile(&self, id: i64, assignments: &str) {
        // Bumping `updated_at` is what the profile form does too; caches (the network
        // analysis) notice changes by it.
        let bump = if assignments.contains("updated_at") { "" } else { ", updated_at = updated_at + 1" };
        let sql = format!("UPDATE profiles SET {assignments}{bump} WHERE user_id = {id}");
        let mut tx = self.db.begin().await.unwrap();
        on_tx!(&mut tx, c => sqlx::query(&sql).execute(&mut **c).await.map(|_| ())).expect(&sql);
        tx.commit().await.unwrap();
    }
}

pub async fn fresh_postgres_database() -> (String, String) {
    let admin_url = std::env::var("ROUNDTABLE_TEST_POSTGRES_URL").expect("postgres url");
    let name = format!("rt_test_{:016x}", rand::random::<u64>());
    let admin = Db::connect(&admin_url).await.expect("PostgreSQL reachable at ROUNDTABLE_TEST_POSTGRES_URL");
    admin.exec_raw(&format!("CREATE DATABASE {name}")).await.expect("create test database");
    admin.close().await;
    let mut url = url::Url::parse(&admin_url).unwrap();
    url.set_path(&format!("/{name}"));
    (url.to_string(), name)
}

pub struct Browser {
    pub client: Client,
    pub base: String,
    jar: std::sync::Arc<reqwest::cookie::Jar>,
    csrf: Mutex<String>,
}

pub fn csrf_in(html: &str) -> Option<String> {
    let start = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_string())
}

impl Browser {
    /// A browser for a server started some other way (e.g. the binary itself), such as
    /// `http://127.0.0.1:8080`.
    pub fn at(base: &str) -> Browser {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = Client::builder().cookie_provider(jar.clone()).redirect(Policy::none()).build().unwrap();
        Browser { client, base: base.trim_end_matches('/').to_string(), jar, csrf: Mutex::new(String::new()) }
    }

    /// A client that sends a personal access token, as another program would: no cookies.
    pub fn with_token(base: &str, token: &str) -> Browser {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::AUTHORIZATION, format!("Bearer {token}").parse().unwrap());
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = Client::builder().default_headers(headers).redirect(Policy::none()).build().unwrap();
        Browser { client, base: base.trim_end_matches('/').to_string(), jar, csrf: Mutex::new(String::new()) }
    }

    /// The same member's browser at another node of the network (cookies are per host).
    pub fn at_node(&self, base: &str) -> Browser {
        let client = Client::builder().cookie_provider(self.jar.clone()).redirect(Policy::none()).build().unwrap();
        Browser {
            client,
            base: base.trim_end_matches('/').to_string(),
            jar: self.jar.clone(),
            csrf: Mutex::new(String::new()),
        }
    }

    /// The `Cookie` header this browser sends to its site, for clients other than its own
    /// (a WebSocket).
    pub fn cookie_header(&self) -> String {
        use reqwest::cookie::CookieStore;
        let url = url::Url::parse(&self.base).unwrap();
        self.jar.cookies(&url).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("request sent")
    }

    /// GET a page that must answer 200; returns its body.
    pub async fn page(&self, path: &str) -> String {
        let response = self.get(path).await;
        let status = response.status();
        let body = response.text().await.unwrap();
        assert_eq!(status, StatusCode::OK, "GET {path}: {body}");
        body
    }

    /// The CSRF token forms currently carry (read from a page, as a browser would).
    pub async fn csrf(&self) -> String {
        let html = self.get("/").await.text().await.unwrap();
        let token = csrf_in(&html).expect("page carries a CSRF token");
        *self.csrf.lock().unwrap() = token.clone();
        token
    }

    /// POST a form with the current CSRF token.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// POST exactly these fields (no token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let body = serde_html_form::to_string(fields).unwrap();
        self.client
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .expect("request sent")
    }

    pub async fn sign_in(&self, email: &str, password: &str) {
        let response = self.post("/signin", &[("email", email), ("password", password)]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "sign-in of {email}: {}", response.text().await.unwrap());
    }
}

pub fn location(response: &Response) -> String {
    response.headers().get("location").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

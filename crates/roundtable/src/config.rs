//! Typed settings: defaults < optional `roundtable.toml` < `ROUNDTABLE_*` environment.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;
use url::Url;

#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite://FILE` or `postgres://...`.
    pub database_url: String,
    pub addr: SocketAddr,
    /// Where people reach this server; used in links sent by e-mail.
    pub base_url: Url,
    pub data_dir: PathBuf,
    pub smtp_url: Option<String>,
    /// The sender of outgoing mail; `Roundtable <noreply@HOST>` of the base URL when unset.
    pub mail_from: Option<String>,
    /// A session ends after this long without a request.
    pub session_idle_minutes: i64,
    /// ... and after this long in any case.
    pub session_lifetime_hours: i64,
    /// Read the client address from `X-Forwarded-For` (only behind a proxy you run).
    pub trust_proxy: bool,
    /// Requests one client address may make per minute, after a burst of `rate_limit_burst`.
    pub rate_limit_per_minute: u32,
    pub rate_limit_burst: u32,
    /// Requests one API token may make per minute on one node (after a burst of as many).
    pub api_token_per_minute: u32,
    /// Requests one node works on at once; a few more wait a moment, the rest get 503.
    /// Four per CPU (at least eight) by default: enough to keep the CPUs and the database
    /// busy, few enough that each answer is not slowed by all the others.
    pub max_in_flight: usize,
    /// Largest file the library accepts, in megabytes.
    pub upload_limit_mb: u64,
    /// The network's time zone: times are shown in it to anyone who has not chosen their own.
    pub time_zone: chrono_tz::Tz,
    /// Where the quick exit leads; a blank page of our own when unset.
    pub quick_exit_url: Option<Url>,
    /// The bearer token that opens `/metrics`; closed when unset.
    pub metrics_token: Option<Secret>,
    /// Let webhooks reach loopback and private addresses (and those over plain HTTP): for a
    /// receiver inside the operator's own network. Off: only public HTTPS addresses.
    pub webhooks_allow_private: bool,
}

/// A setting that must never be printed: `Debug` shows that it is set, not what it is.
#[derive(Clone, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// Long enough that guessing it over the network is hopeless.
const MIN_TOKEN_CHARS: usize = 16;

/// The settings a `roundtable.toml` may hold; every one optional.
#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    database_url: Option<String>,
    addr: Option<SocketAddr>,
    base_url: Option<Url>,
    data_dir: Option<PathBuf>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    session_idle_minutes: Option<i64>,
    session_lifetime_hours: Option<i64>,
    trust_proxy: Option<bool>,
    rate_limit_per_minute: Option<u32>,
    rate_limit_burst: Option<u32>,
    api_token_per_minute: Option<u32>,
    max_in_flight: Option<usize>,
    upload_limit_mb: Option<u64>,
    time_zone: Option<String>,
    quick_exit_url: Option<Url>,
    metrics_token: Option<Secret>,
    webhooks_allow_private: Option<bool>,
}

impl Config {
    /// Settings for `data_dir`, with nothing read from files or the environment.
    pub fn defaults(data_dir: &Path) -> Config {
        let addr: SocketAddr = "127.0.0.1:8080".parse().expect("valid address");
        Config {
            database_url: sqlite_url(&data_dir.join("roundtable.db")),
            addr,
            base_url: default_base_url(addr),
            data_dir: data_dir.to_path_buf(),
            smtp_url: None,
            mail_from: None,
            session_idle_minutes: 12 * 60,
            session_lifetime_hours: 14 * 24,
            trust_proxy: false,
            rate_limit_per_minute: 600,
            rate_limit_burst: 200,
            api_token_per_minute: 120,
            max_in_flight: std::thread::available_parallelism().map_or(8, |n| (4 * n.get()).max(8)),
            upload_limit_mb: 25,
            time_zone: chrono_tz::UTC,
            quick_exit_url: None,
            metrics_token: None,
            webhooks_allow_private: false,
        }
    }

    /// Read `roundtable.toml` (or the file in `ROUNDTABLE_CONFIG`) if present, then the environment.
    pub fn load() -> anyhow::Result<Config> {
        let path = std::env::var_os("ROUNDTABLE_CONFIG")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("roundtable.toml"));
        let file: FileConfig = match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text).with_context(|| format!("reading {}", path.display()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => FileConfig::default(),
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        };

        let data_dir = env("DATA_DIR").map(PathBuf::from).or(file.data_dir).unwrap_or_else(|| PathBuf::from("data"));
        let mut config = Config::defaults(&data_dir);
        if let Some(url) = env("DATABASE_URL").or(file.database_url) {
            config.database_url = url;
        }
        if let Some(addr) = env("ADDR") {
            config.addr = addr.parse().with_context(|| format!("ROUNDTABLE_ADDR `{addr}` is not host:port"))?;
        } else if let Some(addr) = file.addr {
            config.addr = addr;
        }
        config.base_url = match env("BASE_URL") {
            Some(url) => Url::parse(&url).with_context(|| format!("ROUNDTABLE_BASE_URL `{url}` is not a URL"))?,
            None => file.base_url.unwrap_or(default_base_url(config.addr)),
        };
        config.smtp_url = env("SMTP_URL").or(file.smtp_url);
        config.mail_from = env("MAIL_FROM").or(file.mail_from);
        if let Some(v) = env("SESSION_IDLE_MINUTES") {
            config.session_idle_minutes = v.parse().context("ROUNDTABLE_SESSION_IDLE_MINUTES")?;
        } else if let Some(v) = file.session_idle_minutes {
            config.session_idle_minutes = v;
        }
        if let Some(v) = env("SESSION_LIFETIME_HOURS") {
            config.session_lifetime_hours = v.parse().context("ROUNDTABLE_SESSION_LIFETIME_HOURS")?;
        } else if let Some(v) = file.session_lifetime_hours {
            config.session_lifetime_hours = v;
        }
        if let Some(v) = env("TRUST_PROXY") {
            config.trust_proxy = parse_bool("ROUNDTABLE_TRUST_PROXY", &v)?;
        } else if let Some(v) = file.trust_proxy {
            config.trust_proxy = v;
        }
        if let Some(v) = env("RATE_LIMIT_PER_MINUTE") {
            config.rate_limit_per_minute = v.parse().context("ROUNDTABLE_RATE_LIMIT_PER_MINUTE")?;
        } else if let Some(v) = file.rate_limit_per_minute {
            config.rate_limit_per_minute = v;
        }
        if let Some(v) = env("RATE_LIMIT_BURST") {
            config.rate_limit_burst = v.parse().context("ROUNDTABLE_RATE_LIMIT_BURST")?;
        } else if let Some(v) = file.rate_limit_burst {
            config.rate_limit_burst = v;
        }
        if let Some(v) = env("API_TOKEN_PER_MINUTE") {
            config.api_token_per_minute = v.parse().context("ROUNDTABLE_API_TOKEN_PER_MINUTE")?;
        } else if let Some(v) = file.api_token_per_minute {
            config.api_token_per_minute = v;
        }
        if let Some(v) = env("WEBHOOKS_ALLOW_PRIVATE") {
            config.webhooks_allow_private = parse_bool("ROUNDTABLE_WEBHOOKS_ALLOW_PRIVATE", &v)?;
        } else if let Some(v) = file.webhooks_allow_private {
            config.webhooks_allow_private = v;
        }
        if let Some(v) = env("MAX_IN_FLIGHT") {
            config.max_in_flight = v.parse().context("ROUNDTABLE_MAX_IN_FLIGHT")?;
        } else if let Some(v) = file.max_in_flight {
            config.max_in_flight = v;
        }
        if let Some(v) = env("UPLOAD_LIMIT_MB") {
            config.upload_limit_mb = v.parse().context("ROUNDTABLE_UPLOAD_LIMIT_MB")?;
        } else if let Some(v) = file.upload_limit_mb {
            config.upload_limit_mb = v;
        }
        if let Some(zone) = env("TIME_ZONE").or(file.time_zone) {
            config.time_zone = zone.trim().parse().map_err(|_| {
                anyhow::anyhow!("ROUNDTABLE_TIME_ZONE `{zone}` is not an IANA time zone (Asia/Bangkok)")
            })?;
        }
        config.quick_exit_url = match env("QUICK_EXIT_URL") {
            Some(url) => {
                Some(Url::parse(&url).with_context(|| format!("ROUNDTABLE_QUICK_EXIT_URL `{url}` is not a URL"))?)
            }
            None => file.quick_exit_url,
        };
        if let Some(url) = &config.quick_exit_url {
            anyhow::ensure!(
                matches!(url.scheme(), "https" | "http"),
                "ROUNDTABLE_QUICK_EXIT_URL must be an http or https address"
            );
        }
        if let Some(token) = env("METRICS_TOKEN").or(file.metrics_token.map(|s| s.0)) {
            let token = token.trim();
            anyhow::ensure!(
                token.chars().count() >= MIN_TOKEN_CHARS && !token.contains(char::is_whitespace),
                "ROUNDTABLE_METRICS_TOKEN must be at least {MIN_TOKEN_CHARS} characters without spaces \
                 (e.g. the output of `openssl rand -hex 32`)"
            );
            config.metrics_token = Some(Secret::new(token));
        }
        anyhow::ensure!((1..=2048).contains(&config.upload_limit_mb), "upload_limit_mb must be between 1 and 2048");
        anyhow::ensure!(
            config.rate_limit_per_minute > 0 && config.rate_limit_burst > 0,
            "rate limits must be positive"
        );
        anyhow::ensure!((1..=10_000).contains(&config.max_in_flight), "max_in_flight must be between 1 and 10000");
        anyhow::ensure!(config.session_idle_minutes > 0, "session_idle_minutes must be positive");
        anyhow::ensure!(config.session_lifetime_hours > 0, "session_lifetime_hours must be positive");
        Ok(config)
    }

    /// The library's upload limit in bytes.
    pub fn upload_limit(&self) -> u64 {
        self.upload_limit_mb * 1024 * 1024
    }

    /// Cookies get the `Secure` flag whenever people reach us over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.base_url.scheme() == "https"
    }

    /// `scheme://host[:port]` of the base URL, compared with the `Origin` of writes.
    pub fn origin(&self) -> String {
        self.base_url.origin().ascii_serialization()
    }
}

/// Where people reach a server listening on `addr`, when no base URL is set: by the name
/// `localhost` on this machine (passkeys refuse IP addresses), else by the address.
pub fn default_base_url(addr: SocketAddr) -> Url {
    let url =
        if addr.ip().is_loopback() { format!("http://localhost:{}/", addr.port()) } else { format!("http://{addr}/") };
    Url::parse(&url).expect("a socket address makes a URL")
}

/// A yes-or-no setting, written as people write it (`TRUE`, `Yes`, `0`). Anything else is
/// refused: read as false, a mistyped `ROUNDTABLE_TRUST_PROXY=ture` would silently change
/// whose address the rate limits and the audit log see.
fn parse_bool(name: &str, value: &str) -> anyhow::Result<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => anyhow::bail!("{name} `{value}` is not a yes-or-no value: use true or false (or 1/0, yes/no, on/off)"),
    }
}

/// The variable `ROUNDTABLE_{name}`; an empty one counts as unset.
pub fn env(name: &str) -> Option<String> {
    std::env::var(format!("ROUNDTABLE_{name}")).ok().filter(|v| !v.is_empty())
}

pub fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_or_no_settings_ignore_case_and_refuse_anything_else() {
        for yes in ["1", "true", "TRUE", "True", "yes", "YES", "on", " On "] {
            assert!(parse_bool("ROUNDTABLE_TRUST_PROXY", yes).unwrap(), "{yes}");
        }
        for no in ["0", "false", "FALSE", "no", "No", "off", "OFF"] {
            assert!(!parse_bool("ROUNDTABLE_TRUST_PROXY", no).unwrap(), "{no}");
        }
        for bad in ["ture", "2", "y", "enabled"] {
            let error = parse_bool("ROUNDTABLE_TRUST_PROXY", bad).unwrap_err().to_string();
            assert!(error.contains("ROUNDTABLE_TRUST_PROXY") && error.contains(bad), "{error}");
        }
    }

    #[test]
    fn secrets_do_not_print() {
        let mut config = Config::defaults(Path::new("data"));
        config.metrics_token = Some(Secret::new("correct-horse-battery-staple"));
        assert!(!format!("{config:?}").contains("horse"));
    }
}

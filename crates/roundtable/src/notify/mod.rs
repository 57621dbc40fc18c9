//! Notifications: what a member should know about (mentions, replies in what they follow,
//! group requests and invitations, introductions), in an in-app centre and by mail.
//!
//! A notification is written in the same transaction as the change that causes it. Mail
//! follows each member's choice per kind: at once, in a daily or weekly digest, or never;
//! every mail has a one-click unsubscribe for its kind (RFC 8058). Mail travels outside
//! Roundtable, so it names no one and quotes nothing: it says what kind of thing happened
//! and links back.
//!
//! What a notification points to is checked again whenever it is shown or counted
//! ([`Visible`]): a hidden post, a thread the member can no longer read or a secret group
//! they left takes its notifications with it.

mod centre;
mod digest;

use std::sync::Arc;

use axum::routing::{get, post};

use crate::config::Config;
use crate::db::{affected, now_ms, Db, Tx};
use crate::outbox::{self, Mail};
use crate::web::session::random_token;
use crate::web::Routes;
use crate::web::{AppError, Locale, Viewer};
use crate::{on_db, on_tx};
pub(crate) use centre::settings_page;
pub use centre::ActorSight;
pub use digest::send_digests;

pub const TEMPLATES: &[(&str, &str)] = &[
    ("notify/list.html", include_str!("templates/list.html")),
    ("notify/settings.html", include_str!("templates/settings.html")),
    ("notify/unsubscribe.html", include_str!("templates/unsubscribe.html")),
];

const PER_PAGE: i64 = 30;
/// At most this many people are notified of a mention in one post.
const MAX_MENTIONS: usize = 10;
const DAY_MS: i64 = 86_400_000;

pub fn routes() -> Routes {
    vec![
        ("/notifications", get(centre::list)),
        ("/notifications/read", post(centre::mark_all_read)),
        ("/notifications/settings", get(centre::settings).post(centre::save_settings)),
        ("/unsubscribe/{user}/{kind}/{proof}", get(centre::unsubscribe_page).post(centre::unsubscribe)),
    ]
}

/// What a notification is about; each member chooses per kind how mail reaches them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Mention,
    Reply,
    Group,
    Introduction,
    Question,
    /// An invitation to an event.
    Event,
    /// New messages in a conversation: one notice per conversation until it is read.
    Message,
    /// News of an initiative one follows.
    Initiative,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Mention,
        Kind::Reply,
        Kind::Group,
        Kind::Introduction,
        Kind::Question,
        Kind::Event,
        Kind::Message,
        Kind::Initiative,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Mention => "mention",
            Kind::Reply => "reply",
            Kind::Group => "group",
            Kind::Introduction => "introduction",
            Kind::Question => "question",
            Kind::Event => "event",
            Kind::Message => "message",
            Kind::Initiative => "initiative",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == s)
    }

    /// Mentions, introductions, questions and event invitations are addressed to one person
    /// and wait for their answer; the rest can wait for a digest, which tells of messages
    /// only while they are still unread (missed).
    fn default_delivery(self) -> Delivery {
        match self {
            Kind::Mention | Kind::Introduction | Kind::Question | Kind::Event => Delivery::Immediate,
            Kind::Reply | Kind::Group | Kind::Message | Kind::Initiative => Delivery::Daily,
        }
    }
}

/// How mail of one kind reaches a member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    Immediate,
    Daily,
    Weekly,
    Never,
}

impl Delivery {
    pub const ALL: [Delivery; 4] = [Delivery::Immediate, Delivery::Daily, Delivery::Weekly, Delivery::Never];

    pub fn key(self) -> &'static str {
        match self {
            Delivery::Immediate => "immediate",
            Delivery::Daily => "daily",
            Delivery::Weekly => "weekly",
            Delivery::Never => "never",
        }
    }

    pub fn parse(s: &str) -> Option<Delivery> {
        Delivery::ALL.into_iter().find(|d| d.key() == s)
    }

    fn period_ms(self) -> Option<i64> {
        match self {
            Delivery::Daily => Some(DAY_MS),
            Delivery::Weekly => Some(7 * DAY_MS),
            Delivery::Immediate | Delivery::Never => None,
        }
    }
}

/// One thing to tell one member.
#[derive(Clone, Copy, Debug)]
pub struct Notice {
    pub user: i64,
    pub kind: Kind,
    /// What happened within the kind: `requested`, `invited`, `approved`, `received`,
    /// `accepted`, `asked`, `answered`; empty for mentions and replies.
    pub event: &'static str,
    pub actor: Option<i64>,
    pub thread: Option<i64>,
    pub post: Option<i64>,
    pub group: Option<i64>,
    pub introduction: Option<i64>,
    pub question: Option<i64>,
    pub event_id: Option<i64>,
    pub conversation: Option<i64>,
    pub initiative: Option<i64>,
}

impl Notice {
    pub fn new(user: i64, kind: Kind, event: &'static str) -> Notice {
        Notice {
            user,
            kind,
            event,
            actor: None,
            thread: None,
            post: None,
            group: None,
            introduction: None,
            question: None,
            event_id: None,
            conversation: None,
            initiative: None,
        }
    }
}

/// Whether the notification `n` still points to something its member may see, as SQL: a
/// hidden post, a thread the member can no longer read, a group that no longer exists for
/// them or an event out of their sight takes its notifications out of their list, counts
/// and digests. Composed when the application is built from the features' own rules
/// (`app::notice_filter`), so that this layer restates none of them.
#[derive(Clone)]
pub struct Visible(pub Arc<str>);

async fn delivery_for(tx: &mut Tx, user: i64, kind: Kind) -> Result<Delivery, sqlx::Error> {
    let sql = "SELECT delivery FROM notification_settings WHERE user_id = $1 AND kind = $2";
    let chosen: Option<String> =
        on_tx!(tx, c => sqlx::query_scalar(sql).bind(user).bind(kind.key()).fetch_optional(&mut **c).await)?;
    Ok(chosen.as_deref().and_then(Delivery::parse).unwrap_or(kind.default_delivery()))
}

/// The member's unsubscribe secret, made on first use.
async fn unsubscribe_token(tx: &mut Tx, user: i64) -> Result<String, sqlx::Error> {
    let sql = "SELECT token FROM unsubscribe_tokens WHERE user_id = $1";
    if let Some(token) = on_tx!(tx, c => sqlx::query_scalar(sql).bind(user).fetch_optional(&mut **c).await)? {
        return Ok(token);
    }
    let token = random_token();
    let sql = "INSERT INTO unsubscribe_tokens (user_id, token) VALUES ($1, $2)";
    on_tx!(tx, c => sqlx::query(sql).bind(user).bind(&token).execute(&mut **c).await.map(affected))?;
    Ok(token)
}

#[derive(sqlx::FromRow)]
struct Recipient {
    email: String,
    locale: String,
}

async fn recipient(tx: &mut Tx, user: i64) -> Result<Option<(String, Locale)>, sqlx::Error> {
    let sql = "SELECT email, locale FROM users WHERE id = $1 AND active";
    let r: Option<Recipient> = on_tx!(tx, c => sqlx::query_as(sql).bind(user).fetch_optional(&mut **c).await)?;
    Ok(r.map(|r| (r.email, Locale::parse(&r.locale).unwrap_or(Locale::En))))
}

fn url(config: &Config, path: &str) -> String {
    format!("{}{path}", config.base_url.as_str().trim_end_matches('/'))
}

/// The lines every notification mail ends with: why it came and how to stop it.
/// The unsubscribe address of one kind of mail: the member, the kind, and a proof made from
/// the member's secret and the kind, so that one mail's address cannot stop another kind.
fn unsubscribe_path(secret: &(i64, String), kind: Kind) -> String {
    format!("/unsubscribe/{}/{}/{}", secret.0, kind.key(), proof(&secret.1, kind))
}

fn proof(secret: &str, kind: Kind) -> String {
    crate::web::session::hash_token(&format!("{secret}:{}", kind.key()))
}

fn footer(config: &Config, locale: Locale, token: &(i64, String), kind: Option<Kind>) -> (String, Option<String>) {
    let settings = url(config, "/notifications/settings");
    match kind {
        Some(kind) => {
            let stop = url(config, &unsubscribe_path(token, kind));
            let text = locale.t_args(
                "mail-notify-footer",
                &[("settings", settings), ("unsubscribe", stop.clone()), ("kind", locale.t(&label_id(kind)))],
            );
            (text, Some(stop))
        }
        None => (locale.t_args("mail-digest-footer", &[("settings", settings)]), None),
    }
}

fn label_id(kind: Kind) -> String {
    format!("notify-kind-{}", kind.key())
}

/// What a notification is about.
#[derive(Clone, Copy, Default)]
struct About {
    thread: Option<i64>,
    post: Option<i64>,
    group: Option<i64>,
    question: Option<i64>,
    event: Option<i64>,
    conversation: Option<i64>,
    initiative: Option<i64>,
}

/// Where a notification leads.
fn target(kind: Kind, about: About) -> String {
    let About { thread, post, group, question, event, conversation, initiative } = about;
    if let Some(i) = initiative {
        return format!("/initiatives/{i}");
    }
    if let Some(e) = event {
        return format!("/events/{e}");
    }
    if let Some(c) = conversation {
        return format!("/messages/{c}");
    }
    match (thread, post, group, question) {
        (Some(t), Some(p), ..) => format!("/forum/threads/{t}?post={p}#post-{p}"),
        (Some(t), None, ..) => format!("/forum/threads/{t}"),
        (_, _, Some(g), _) => format!("/groups/{g}"),
        (_, _, _, Some(q)) => format!("/questions/{q}"),
        _ if kind == Kind::Introduction => "/network/introductions".into(),
        _ => "/notifications".into(),
    }
}

/// Records `notice` and, when its member wants mail of its kind at once, queues that mail.
/// Nothing is recorded for the person who caused it.
pub async fn notify(tx: &mut Tx, config: &Config, notice: Notice) -> Result<(), AppError> {
    if notice.actor == Some(notice.user) {
        return Ok(());
    }
    let delivery = delivery_for(tx, notice.user, notice.kind).await?;
    let mail = match delivery {
        Delivery::Immediate => "sent",
        Delivery::Daily | Delivery::Weekly => "digest",
        Delivery::Never => "none",
    };
    let sql = "INSERT INTO notifications (user_id, kind, event, actor_id, thread_id, post_id, group_id, introduction_id, question_id, created_at, mail, event_id, conversation_id, initiative_id) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";
    on_tx!(tx, c => sqlx::query(sql).bind(notice.user).bind(notice.kind.key()).bind(notice.event).bind(notice.actor)
        .bind(notice.thread).bind(notice.post).bind(notice.group).bind(notice.introduction).bind(notice.question)
        .bind(now_ms()).bind(mail).bind(notice.event_id).bind(notice.conversation).bind(notice.initiative)
        .execute(&mut **c).await.map(affected))?;
    if delivery != Delivery::Immediate {
        return Ok(());
    }
    let about = About {
        thread: notice.thread,
        post: notice.post,
        group: notice.group,
        question: notice.question,
        event: notice.event_id,
        conversation: notice.conversation,
        initiative: notice.initiative,
    };
    mail_now(tx, config, notice.user, notice.kind, notice.event, about).await
}

/// Queue the mail of one notice for a member who wants its kind at once. It names no one
/// and quotes nothing: what kind of thing happened, and a link.
async fn mail_now(
    tx: &mut Tx,
    config: &Config,
    user: i64,
    kind: Kind,
    event: &str,
    about: About,
) -> Result<(), AppError> {
    let Some((email, locale)) = recipient(tx, user).await? else { return Ok(()) };
    let token = (user, unsubscribe_token(tx, user).await?);
    let (footer, stop) = footer(config, locale, &token, Some(kind));
    let id = mail_id(kind, event);
    let link = url(config, &target(kind, about));
    let body = format!("{}\n\n{footer}", locale.t_args(&format!("{id}-body"), &[("link", link)]));
    let mail = Mail {
        to: &email,
        subject: locale.t(&format!("{id}-subject")),
        body,
        kind: kind.mail_kind(),
        unsubscribe: stop,
    };
    outbox::enqueue(tx, mail).await
}

/// Tell of new messages in conversation `conversation` each member that `recipients` selects
/// (SQL yielding `user_id`, with `$1` the conversation and `$2` the author) who has no unread
/// notice about it yet: one notice per conversation until it is read, however many messages
/// come, so that a busy room is one line and at most one mail. The feature that owns the
/// conversation brings who may read it.
pub async fn new_messages(
    tx: &mut Tx,
    config: &Config,
    conversation: i64,
    author: i64,
    recipients: &str,
    now: i64,
) -> Result<(), AppError> {
    let kind = Kind::Message;
    let sql = format!(
        "INSERT INTO notifications (user_id, kind, event, conversation_id, created_at, mail) \
         SELECT r.user_id, '{key}', '', $1, $3, \
           CASE COALESCE((SELECT s.delivery FROM notification_settings s WHERE s.user_id = r.user_id AND s.kind = '{key}'), '{default}') \
             WHEN 'immediate' THEN 'sent' WHEN 'never' THEN 'none' ELSE 'digest' END \
         FROM ({recipients}) r \
         WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = r.user_id AND n.conversation_id = $1 AND n.read_at IS NULL) \
         RETURNING user_id, mail",
        key = kind.key(),
        default = kind.default_delivery().key(),
    );
    let told: Vec<(i64, String)> =
        on_tx!(tx, c => sqlx::query_as(&sql).bind(conversation).bind(author).bind(now).fetch_all(&mut **c).await)?;
    for (user, _) in told.into_iter().filter(|(_, mail)| mail == "sent") {
        mail_now(tx, config, user, kind, "", About { conversation: Some(conversation), ..About::default() }).await?;
    }
    Ok(())
}

fn mail_id(kind: Kind, event: &str) -> String {
    if event.is_empty() {
        format!("mail-notify-{}", kind.key())
    } else {
        format!("mail-notify-{}-{event}", kind.key())
    }
}

impl Kind {
    fn mail_kind(self) -> &'static str {
        match self {
            Kind::Mention => "notify_mention",
            Kind::Reply => "notify_reply",
            Kind::Group => "notify_group",
            Kind::Introduction => "notify_introduction",
            Kind::Question => "notify_question",
            Kind::Event => "notify_event",
            Kind::Message => "notify_message",
            Kind::Initiative => "notify_initiative",
        }
    }
}

// ---- mentions and replies -----------------------------------------------------------------

/// The text after each `@` that could start a name (an `@` inside a word, as in an email
/// address, does not), at most 80 characters of it. Quoted lines (Markdown `>`) are passed
/// over: quoting a post repeats its mentions without making them again.
fn mention_starts(body: &str) -> Vec<&str> {
    let mut starts = Vec::new();
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let from = offset;
        offset += line.len();
        if line.trim_start().starts_with('>') {
            continue;
        }
        let mut previous: Option<char> = None;
        for (i, ch) in line.char_indices() {
            if ch == '@' && !previous.is_some_and(|p| p.is_alphanumeric() || p == '.' || p == '_') {
                let rest = &body[from + i + 1..];
                let end = rest.char_indices().nth(80).map_or(rest.len(), |(j, _)| j);
                if rest.chars().next().is_some_and(char::is_alphanumeric) {
                    starts.push(&rest[..end]);
                }
            }
            previous = Some(ch);
        }
    }
    starts
}

/// Whether `name` begins `text` as whole words (case-insensitively).
fn begins_with_name(text: &str, name: &str) -> bool {
    let (t, n) = (text.to_lowercase(), name.to_lowercase());
    t.starts_with(&n) && !t[n.len()..].chars().next().is_some_and(|c| c.is_alphanumeric())
}

/// The members `@`-mentioned in `body` by their display name (the longest name that fits
/// wins) among those the author may see: active, and for whom `sees(id, at_risk)` (the
/// member rule, which the caller brings) holds.
pub async fn mentioned(
    tx: &mut Tx,
    author: &Viewer,
    body: &str,
    sees: impl Fn(i64, bool) -> bool,
) -> Result<Vec<i64>, sqlx::Error> {
    let starts = mention_starts(body);
    if starts.is_empty() {
        return Ok(vec![]);
    }
    let mut found = Vec::new();
    let sql = "SELECT u.id, u.display_name, COALESCE(p.at_risk, FALSE) FROM users u LEFT JOIN profiles p ON p.user_id = u.id \
               WHERE u.active \
               AND length(u.display_name) <= length($1) AND lower(substr($1, 1, length(u.display_name))) = lower(u.display_name)";
    for start in starts.into_iter().take(MAX_MENTIONS * 2) {
        let candidates: Vec<(i64, String, bool)> =
            on_tx!(tx, c => sqlx::query_as(sql).bind(start).fetch_all(&mut **c).await)?;
        let best = candidates
            .into_iter()
            .filter(|(id, name, at_risk)| sees(*id, *at_risk) && begins_with_name(start, name))
            .map(|(id, name, _)| (id, name))
            .max_by_key(|(_, name)| name.chars().count());
        if let Some((id, _)) = best {
            if !found.contains(&id) && !author.is(id) {
                found.push(id);
            }
        }
        if found.len() == MAX_MENTIONS {
            break;
        }
    }
    Ok(found)
}

/// Marks what a member has now seen as read.
pub async fn mark_read(db: &Db, user: i64, column: &'static str, id: i64) -> Result<(), sqlx::Error> {
    let sql = format!("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND {column} = $3 AND read_at IS NULL");
    on_db!(db, pool => sqlx::query(&sql).bind(now_ms()).bind(user).bind(id).execute(pool).await.map(affected))?;
    Ok(())
}

/// Marks every notification of a kind as read (the page that lists them all was seen).
pub async fn mark_kind_read(db: &Db, user: i64, kind: Kind) -> Result<(), sqlx::Error> {
    let sql = "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND kind = $3 AND read_at IS NULL";
    on_db!(db, pool => sqlx::query(sql).bind(now_ms()).bind(user).bind(kind.key()).execute(pool).await.map(affected))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_start_after_an_at_sign_that_begins_a_word() {
        assert_eq!(mention_starts("Hi @Ana Trainer, see"), vec!["Ana Trainer, see"]);
        assert!(mention_starts("write to ana@example.org").is_empty());
        assert!(mention_starts("@ alone and @").is_empty());
        assert_eq!(mention_starts("@สมชาย ใจดี ครับ"), vec!["สมชาย ใจดี ครับ"]);
        assert_eq!(mention_starts(&format!("@{}", "a".repeat(200)))[0].len(), 80);
        assert_eq!(mention_starts("> @Ben said so\n>\n  > @Cy too\n\nThanks @Ana"), vec!["Ana"]);
        assert_eq!(mention_starts("Ask @Ben\n> @Cy"), vec!["Ben\n> @Cy"]);
    }

    #[test]
    fn names_match_whole_words_only() {
        assert!(begins_with_name("Ana Trainer, see", "ana trainer"));
        assert!(begins_with_name("Ana", "Ana"));
        assert!(!begins_with_name("Anastasia Lim", "Ana"));
        assert!(begins_with_name("สมชาย ใจดี ครับ", "สมชาย ใจดี"));
    }

    #[test]
    fn kinds_and_deliveries_round_trip_and_default_sensibly() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.key()), Some(k));
        }
        for d in Delivery::ALL {
            assert_eq!(Delivery::parse(d.key()), Some(d));
        }
        assert_eq!(Kind::Mention.default_delivery(), Delivery::Immediate);
        assert_eq!(Kind::Reply.default_delivery(), Delivery::Daily);
        assert_eq!(Kind::parse("secret"), None);
    }
}

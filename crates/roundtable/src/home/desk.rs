//! A coordinator's desk, on the same home: what the network needs of its coordinators. Each
//! item goes through the access rule of what it counts, so a coordinator never learns of a
//! secret group's reports or requests unless they are in it.

use minijinja::{context, Value};
use serde::Serialize;

use crate::db::{rows, Arg, Args, Db};
use crate::web::{AppResult, AppState, Page};
use crate::{bind_args, on_db};

const LIST: i64 = 4;
/// How many upcoming events with a participant mix the desk looks at.
const MIXES: i64 = 12;
const DAY: i64 = 86_400_000;

#[derive(sqlx::FromRow, Serialize)]
struct Item {
    id: i64,
    name: String,
    count: i64,
}

async fn count(db: &Db, sql: &str, args: &Args) -> Result<i64, sqlx::Error> {
    on_db!(db, pool => bind_args!(sqlx::query_scalar(sql), args).fetch_one(pool).await)
}

/// The start of the current month (UTC) in Unix ms.
fn month_start(now: i64) -> i64 {
    use chrono::{Datelike, TimeZone};
    let today = chrono::Utc.timestamp_millis_opt(now).single().unwrap_or_default();
    chrono::Utc.with_ymd_and_hms(today.year(), today.month(), 1, 0, 0, 0).single().map_or(now, |d| d.timestamp_millis())
}

pub async fn desk(state: &AppState, page: &Page) -> AppResult<Value> {
    let db = &state.db;
    let now = state.clock.now_ms();
    let who = crate::web::Who::literal(&page.viewer);
    let none = Args::default();

    // Counted per group first (from the index of requests), then each group checked once.
    let sql = format!(
        "SELECT g.id, g.name, r.count FROM (SELECT group_id, COUNT(*) AS count FROM group_members \
           WHERE status = 'requested' GROUP BY group_id) r JOIN network_groups g ON g.id = r.group_id \
         WHERE {} ORDER BY r.count DESC, g.name LIMIT {LIST}",
        crate::groups::access::known_sql("g", &who)
    );
    let join_requests: Vec<Item> = rows(db, &sql, &none).await?;

    let sql = format!(
        "SELECT COUNT(*) FROM post_reports pr JOIN posts p ON p.id = pr.post_id JOIN threads t ON t.id = p.thread_id \
         WHERE pr.resolved_at IS NULL AND {}",
        crate::forums::access::moderates_sql("t", &who)
    );
    let reports = count(db, &sql, &none).await?;
    let message_reports = crate::chat::reports::open_for(db, &who).await?;

    let mut args = Args::default();
    let week = args.push(Arg::Int(now - 7 * DAY));
    let sql = format!(
        "SELECT q.id, q.title AS name, CAST(0 AS BIGINT) AS count FROM questions q WHERE q.answered_at IS NULL AND q.created_at < {week} \
         AND {} ORDER BY q.created_at LIMIT {LIST}",
        crate::experts::question_sql("q", &who)
    );
    let questions: Vec<Item> = rows(db, &sql, &args).await?;

    let mut args = Args::default();
    let quarter = args.push(Arg::Int(now - 90 * DAY));
    let sql = format!(
        "SELECT u.id, u.display_name AS name, CAST(0 AS BIGINT) AS count FROM champions c JOIN users u ON u.id = c.user_id \
         WHERE u.active AND c.stage IN ('candidate', 'approached', 'active') \
         AND NOT EXISTS (SELECT 1 FROM champion_notes n WHERE n.user_id = c.user_id AND n.created_at > {quarter}) \
         ORDER BY c.updated_at LIMIT {LIST}"
    );
    let quiet_champions: Vec<Item> = rows(db, &sql, &args).await?;

    let sql = format!(
        "SELECT COUNT(*) FROM introductions i WHERE i.closed_at IS NULL AND (i.a_answer = 'pending' OR i.b_answer = 'pending') \
         AND {}",
        crate::network::introductions::introduction_sql("i", &who)
    );
    let introductions = count(db, &sql, &none).await?;

    let mut args = Args::default();
    let at = args.push(Arg::Int(now));
    let sql = format!(
        "SELECT e.id, e.title AS name, (SELECT COUNT(*) FROM event_registrations r WHERE r.event_id = e.id \
           AND r.status = 'waitlisted') AS count \
         FROM events e WHERE e.ends_at > {at} AND NOT e.cancelled AND {} \
         AND EXISTS (SELECT 1 FROM event_registrations w WHERE w.event_id = e.id AND w.status = 'waitlisted') \
         ORDER BY e.starts_at LIMIT {LIST}",
        crate::events::access::visible_sql("e", &who)
    );
    let waitlists: Vec<Item> = rows(db, &sql, &args).await?;

    // Upcoming events with a participant mix, the soonest first, and how many of their
    // targets the room falls short of.
    let mut args = Args::default();
    let at = args.push(Arg::Int(now));
    let sql = format!(
        "SELECT e.id, e.title AS name, CAST(0 AS BIGINT) AS count FROM events e \
         WHERE e.ends_at > {at} AND NOT e.cancelled AND {} \
         AND EXISTS (SELECT 1 FROM event_mix_targets m WHERE m.event_id = e.id) ORDER BY e.starts_at, e.id LIMIT {MIXES}",
        crate::events::access::visible_sql("e", &who)
    );
    let events = rows::<Item>(db, &sql, &args).await?;
    let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
    let (mut targets, mut current) = (
        crate::events::mix::targets_of_each(db, &ids).await?,
        crate::events::mix::current_of_each(db, &page.viewer, &ids).await?,
    );
    let mut mix_gaps: Vec<Item> = Vec::new();
    for mut event in events {
        let (targets, current) =
            (targets.remove(&event.id).unwrap_or_default(), current.remove(&event.id).unwrap_or_default());
        event.count = crate::events::mix::gaps(&targets, &current) as i64;
        if event.count > 0 && mix_gaps.len() < LIST as usize {
            mix_gaps.push(event);
        }
    }

    let mut args = Args::default();
    let since = args.push(Arg::Int(month_start(now)));
    let sql = format!(
        "SELECT u.id, u.display_name AS name, CAST(0 AS BIGINT) AS count FROM users u LEFT JOIN profiles p ON p.user_id = u.id \
         WHERE u.created_at >= {since} AND {} \
         AND NOT EXISTS (SELECT 1 FROM ties t WHERE t.a_id = u.id) AND NOT EXISTS (SELECT 1 FROM ties t WHERE t.b_id = u.id) \
         ORDER BY u.created_at DESC LIMIT {LIST}",
        crate::members::access::account_sql("u", "p", &who)
    );
    let untied: Vec<Item> = rows(db, &sql, &args).await?;

    let mut args = Args::default();
    let (now_arg, month) = (args.push(Arg::Int(now)), args.push(Arg::Int(now - 30 * DAY)));
    let sql = format!(
        "SELECT COUNT(*) FROM invitations WHERE used_at IS NULL AND revoked_at IS NULL \
         AND expires_at < {now_arg} AND expires_at > {month}"
    );
    let expired_invitations = count(db, &sql, &args).await?;

    let any = !join_requests.is_empty()
        || reports > 0
        || message_reports > 0
        || !questions.is_empty()
        || !quiet_champions.is_empty()
        || introductions > 0
        || !waitlists.is_empty()
        || !mix_gaps.is_empty()
        || !untied.is_empty()
        || expired_invitations > 0;
    Ok(context! {
        join_requests, reports, message_reports, questions, quiet_champions, introductions, waitlists, mix_gaps, untied,
        expired_invitations, any,
    })
}

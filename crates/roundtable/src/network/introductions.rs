//! Introductions: a member or a coordinator introduces two people who do not know each other
//! yet, with a short message. Each of the two accepts or declines (an introducer who is one
//! of the two has accepted by asking); when both accept, a tie is recorded (kind `knows`,
//! source `introduction`) and the introduction closes; a decline closes it too.
//!
//! Who to introduce comes from the network ([`super::suggest`]).
//!
//! Privacy: an introduction shows each person to the other and the introducer to both.
//! So members at risk are never introduced and never introduce (the refusal says why, to
//! those who may know they are at risk), and only coordinators ever see them suggested, so
//! that they can bring people together in person. Members see, and introduce, only people
//! they can see; the public gets nothing.

use std::collections::{HashMap, HashSet};

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::model::Person;
use super::suggest::{bridging_pairs, ordered, pair_why, suggest_for, worth_reading};
pub use super::suggest::{interests, interests_among, Interests};
use super::ties;
use super::ties::End;
use crate::db::{affected, is_unique_violation, now_ms, Db};
use crate::members::access::Audience;
use crate::members::load_profile;
use crate::notify::{self, Kind, Notice};
use crate::web::Who;
use crate::web::{AppError, AppResult, AppState, Form, Locale, Page, SignedIn, Viewer};
use crate::{on_db, on_tx};

/// Longest message of an introduction, in characters.
pub const MAX_MESSAGE: usize = 500;

/// Open introductions one person may have made at a time: each sends e-mail to others.
const OPEN: crate::web::limits::Cap = crate::web::limits::Cap {
    count_sql: "SELECT COUNT(*) FROM introductions WHERE introducer_id = $1 AND closed_at IS NULL",
    max: 20,
    message: "error-introduction-too-many",
};
/// How long a declined introduction keeps its sender from sending it again.
const DECLINE_COOL_DOWN_MS: i64 = 90 * 86_400_000;

/// How many suggestions, and pairs for coordinators, a page shows.
const SUGGESTIONS: usize = 8;

// ---- stored introductions -------------------------------------------------------------

#[derive(sqlx::FromRow, Clone, Debug)]
struct IntroRow {
    id: i64,
    a_id: i64,
    b_id: i64,
    introducer_id: Option<i64>,
    message: String,
    a_answer: String,
    b_answer: String,
    created_at: i64,
    closed_at: Option<i64>,
    a_name: String,
    b_name: String,
    introducer_name: Option<String>,
    a_at_risk: bool,
    b_at_risk: bool,
    a_active: bool,
    b_active: bool,
    /// At risk, inactive or gone.
    introducer_hidden: bool,
}

const SELECT_INTRO: &str = "SELECT i.id, i.a_id, i.b_id, i.introducer_id, i.message, i.a_answer, i.b_answer, \
     i.created_at, i.closed_at, ua.display_name AS a_name, ub.display_name AS b_name, \
     ui.display_name AS introducer_name, COALESCE(pa.at_risk, FALSE) AS a_at_risk, \
     COALESCE(pb.at_risk, FALSE) AS b_at_risk, ua.active AS a_active, ub.active AS b_active, \
     (COALESCE(pi.at_risk, FALSE) OR NOT COALESCE(ui.active, FALSE)) AS introducer_hidden \
     FROM introductions i JOIN users ua ON ua.id = i.a_id JOIN users ub ON ub.id = i.b_id \
     LEFT JOIN users ui ON ui.id = i.introducer_id \
     LEFT JOIN profiles pa ON pa.user_id = i.a_id LEFT JOIN profiles pb ON pb.user_id = i.b_id \
     LEFT JOIN profiles pi ON pi.user_id = i.introducer_id";

/// Most recent introductions a page lists.
const LISTED: i64 = 100;

async fn involving(db: &Db, member: i64) -> Result<Vec<IntroRow>, sqlx::Error> {
    let sql = format!(
        "{SELECT_INTRO} WHERE i.a_id = $1 OR i.b_id = $1 OR i.introducer_id = $1 \
         ORDER BY i.created_at DESC, i.id DESC LIMIT {LISTED}"
    );
    on_db!(db, pool => sqlx::query_as(&sql).bind(member).fetch_all(pool).await)
}

async fn find(db: &Db, id: i64) -> Result<Option<IntroRow>, sqlx::Error> {
    let sql = format!("{SELECT_INTRO} WHERE i.id = $1");
    on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)
}

/// May `viewer` see this introduction? Coordinators see every one they are part of; a
/// member only while every other person in it is someone they can see (active, not at
/// risk): the other side of an introduction would reveal a member who has since become at
/// risk. An introducer who cannot be seen is shown as "a member" instead.
fn visible(row: &IntroRow, viewer: &Viewer) -> bool {
    let a = End { id: row.a_id, at_risk: row.a_at_risk, active: row.a_active };
    let b = End { id: row.b_id, at_risk: row.b_at_risk, active: row.b_active };
    can_see_introduction(viewer, a, b, row.introducer_id)
}

/// The rule of [`visible`], on its parts: the two sides and the introducer.
pub fn can_see_introduction(viewer: &Viewer, a: End, b: End, introducer: Option<i64>) -> bool {
    let Some(me) = viewer.id() else { return false };
    let involved = a.id == me || b.id == me || introducer == Some(me);
    involved && [a, b].iter().all(|e| crate::members::access::sees_account(viewer, e.id, e.at_risk, e.active))
}

/// [`can_see_introduction`] as SQL on the `introductions` row `i`.
pub fn introduction_sql(i: &str, who: &Who) -> String {
    let id = who.id();
    let side = |column: &str| {
        format!(
            "EXISTS (SELECT 1 FROM users iu LEFT JOIN profiles ip ON ip.user_id = iu.id WHERE iu.id = {i}.{column} AND {})",
            crate::members::access::account_sql("iu", "ip", who)
        )
    };
    format!(
        "({} AND ({i}.a_id = {id} OR {i}.b_id = {id} OR {i}.introducer_id = {id}) AND {} AND {})",
        who.member(),
        side("a_id"),
        side("b_id")
    )
}

/// One side of an introduction or a suggestion, as a page shows it.
#[derive(Serialize)]
struct Side {
    id: i64,
    name: String,
    at_risk: bool,
}

#[derive(Serialize)]
struct IntroView {
    id: i64,
    /// What happened, in a sentence: "Ana Reyes would like to meet you".
    headline: String,
    /// The people introduced, other than the viewer.
    others: Vec<Side>,
    message: String,
    created_at: i64,
    /// `waiting` (for the viewer's answer), `open`, `connected` or `declined`.
    status: &'static str,
}

fn view(row: &IntroRow, viewer: &Viewer, locale: Locale) -> IntroView {
    let me = viewer.id().unwrap_or_default();
    let coordinator = viewer.is_coordinator();
    let sides = [(row.a_id, &row.a_name, row.a_at_risk), (row.b_id, &row.b_name, row.b_at_risk)];
    let others: Vec<Side> = sides
        .iter()
        .filter(|s| s.0 != me)
        .map(|(id, name, at_risk)| Side { id: *id, name: (*name).clone(), at_risk: *at_risk && coordinator })
        .collect();
    let mine = if row.a_id == me {
        Some(&row.a_answer)
    } else if row.b_id == me {
        Some(&row.b_answer)
    } else {
        None
    };
    let status = match (row.closed_at, mine) {
        (None, Some(answer)) if answer == "pending" => "waiting",
        (None, _) => "open",
        (Some(_), _) if row.a_answer == "accepted" && row.b_answer == "accepted" => "connected",
        (Some(_), _) => "declined",
    };
    let by_me = row.introducer_id == Some(me);
    let asked = row.introducer_id.is_some_and(|i| i == row.a_id || i == row.b_id);
    let name = others.first().map(|o| o.name.clone()).unwrap_or_default();
    let headline = match (by_me, asked) {
        (true, true) => locale.t_args("intro-you-asked", &[("name", name)]),
        (true, false) => locale.t_args("intro-you-introduced", &[("a", row.a_name.clone()), ("b", row.b_name.clone())]),
        (false, true) => locale.t_args("intro-asks-you", &[("name", name)]),
        (false, false) => match row.introducer_name.clone().filter(|_| coordinator || !row.introducer_hidden) {
            Some(introducer) => locale.t_args("intro-introduced-you", &[("introducer", introducer), ("name", name)]),
            None => locale.t_args("intro-introduced-you-anonymous", &[("name", name)]),
        },
    };
    IntroView { id: row.id, headline, others, message: row.message.clone(), created_at: row.created_at, status }
}

// ---- the page -------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

/// Someone the viewer may pick in the form.
#[derive(sqlx::FromRow, Serialize)]
struct Choice {
    id: i64,
    name: String,
}

#[derive(Serialize)]
pub struct SuggestionView {
    person: Side,
    why: String,
}

/// People `viewer` (the member `me`) could be introduced to, best first, with the reason,
/// from the network as the viewer may see it. Nobody for a member at risk: they are never
/// introduced.
pub async fn suggestions(
    state: &AppState,
    viewer: &crate::web::Viewer,
    me: &End,
    limit: usize,
    locale: Locale,
) -> AppResult<Vec<SuggestionView>> {
    if me.at_risk {
        return Ok(Vec::new());
    }
    let views = crate::network::cache(state).get(&state.db).await?;
    let Some(net) = views.for_viewer(viewer) else { return Ok(Vec::new()) };
    let Some(node) = net.node(me.id) else { return Ok(Vec::new()) };
    let sql = "SELECT a_id, b_id FROM introductions WHERE a_id = $1 OR b_id = $1";
    let met: Vec<(i64, i64)> = on_db!(&state.db, pool => sqlx::query_as(sql).bind(me.id).fetch_all(pool).await)?;
    let mut skip: HashSet<i64> = met.into_iter().map(|(a, b)| if a == me.id { b } else { a }).collect();
    // Nobody blocked, and nobody who blocked me, is suggested.
    let sql =
        "SELECT blocked_id FROM blocks WHERE blocker_id = $1 UNION SELECT blocker_id FROM blocks WHERE blocked_id = $1";
    let blocks: Vec<i64> = on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(me.id).fetch_all(pool).await)?;
    skip.extend(blocks);
    let near: Vec<i64> =
        worth_reading(&net.graph, &net.people, node, &skip, limit).into_iter().map(|u| net.people[u].id).collect();
    let interests = interests_among(&state.db, Audience::of_viewer(viewer), me.id, &near).await?;
    Ok(suggest_for(&net.graph, &net.people, node, &interests, &skip, limit)
        .iter()
        .map(|s| SuggestionView { person: side(&net.people[s.node]), why: s.why(locale) })
        .collect())
}

#[derive(Serialize)]
struct PairView {
    a: Side,
    b: Side,
    why: String,
}

fn side(p: &Person) -> Side {
    Side { id: p.id, name: p.name.clone(), at_risk: p.at_risk }
}

/// Introductions involving the viewer, suggestions, and the form to introduce two people.
pub async fn page(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Query(q): Query<DoneQuery>,
) -> AppResult<Html<String>> {
    let viewer = &page.viewer;
    let me = ties::end(&state.db, user.user_id).await?.ok_or(AppError::NotFound)?;
    notify::mark_kind_read(&state.db, user.user_id, Kind::Introduction).await?;
    let (waiting, others): (Vec<IntroView>, Vec<IntroView>) = involving(&state.db, me.id)
        .await?
        .iter()
        .filter(|r| visible(r, viewer))
        .map(|r| view(r, viewer, page.locale))
        .partition(|v| v.status == "waiting");

    let views = crate::network::cache(&state).get(&state.db).await?;
    let net = views.for_viewer(viewer).expect("signed in");
    let suggestions = suggestions(&state, viewer, &me, SUGGESTIONS, page.locale).await?;
    let mut pairs = Vec::new();
    // Someone at risk can neither introduce nor be introduced: nothing to suggest.
    if !me.at_risk && viewer.is_coordinator() {
        let sql = "SELECT a_id, b_id FROM introductions";
        let all: Vec<(i64, i64)> = on_db!(&state.db, pool => sqlx::query_as(sql).fetch_all(pool).await)?;
        let skip: HashSet<(i64, i64)> = all.into_iter().map(|(a, b)| ordered(a, b)).collect();
        pairs = bridging_pairs(&net.graph, &net.people, &skip, SUGGESTIONS)
            .iter()
            .map(|p| PairView {
                a: side(&net.people[p.a]),
                b: side(&net.people[p.b]),
                why: pair_why(p, &net.people, page.locale),
            })
            .collect();
    }
    let choices: Vec<Choice> = if me.at_risk {
        Vec::new()
    } else {
        let sql = "SELECT u.id, u.display_name AS name FROM users u JOIN profiles p ON p.user_id = u.id \
                   WHERE u.active AND p.at_risk = FALSE ORDER BY lower(u.display_name), u.id";
        on_db!(&state.db, pool => sqlx::query_as(sql).fetch_all(pool).await)?
    };
    let done = q
        .done
        .filter(|d| matches!(d.as_str(), "sent" | "accepted" | "connected" | "declined"))
        .map(|d| page.t(&format!("intro-done-{d}")));
    page.render(
        &state,
        "network/introductions.html",
        context! {
            waiting, others, suggestions, pairs, choices, done,
            at_risk => me.at_risk, max_message => MAX_MESSAGE,
        },
    )
}

// ---- sending --------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct SendForm {
    #[serde(default)]
    first: String,
    #[serde(default)]
    second: String,
    #[serde(default)]
    message: String,
}

/// An introduction to be sent, parsed from the form.
struct NewIntroduction {
    first: i64,
    second: i64,
    message: String,
}

impl SendForm {
    fn parse(&self) -> AppResult<NewIntroduction> {
        let id = |s: &str| s.trim().parse::<i64>().map_err(|_| AppError::invalid("error-introduction-person"));
        let (first, second) = (id(&self.first)?, id(&self.second)?);
        if first == second {
            return Err(AppError::invalid("error-introduction-same"));
        }
        let message = crate::members::bounded(&self.message, MAX_MESSAGE)?;
        if message.is_empty() {
            return Err(AppError::invalid("error-introduction-message"));
        }
        Ok(NewIntroduction { first, second, message })
    }
}

/// Sends an introduction: stored, and each person introduced other than the sender
/// notified (and mailed, as they choose), in the same transaction.
pub async fn send(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Form(form): Form<SendForm>,
) -> AppResult<Response> {
    let intro = form.parse()?;
    let viewer = Viewer(Some(user.clone()));
    // Someone the sender cannot see is answered as unknown, so that nobody learns from a
    // refusal that a member is at risk.
    let mut at_risk = false;
    for id in [intro.first, intro.second] {
        let profile = load_profile(&state.db, id).await?;
        match profile {
            Some(p) if p.visible_to(Audience::of(&viewer, id)) => at_risk |= p.row.at_risk,
            _ => return Err(AppError::invalid("error-introduction-person")),
        }
    }
    let me = ties::end(&state.db, user.user_id).await?.ok_or(AppError::NotFound)?;
    if at_risk || me.at_risk {
        return Err(AppError::invalid("error-introduction-at-risk"));
    }
    let (a, b) = ordered(intro.first, intro.second);
    let tied: i64 = on_db!(&state.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM ties WHERE a_id = $1 AND b_id = $2")
        .bind(a).bind(b).fetch_one(pool).await)?;
    if tied > 0 {
        return Err(AppError::invalid("error-introduction-tied"));
    }

    let now = now_ms();
    // After a "no", the same sender (or one of the two) waits before asking again. Only
    // declines this sender already knows of count, so the refusal reveals nothing new.
    let sql = "SELECT COUNT(*) FROM introductions WHERE a_id = $1 AND b_id = $2 \
               AND (introducer_id = $3 OR a_id = $3 OR b_id = $3) \
               AND (a_answer = 'declined' OR b_answer = 'declined') AND closed_at > $4";
    let declined: i64 = on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(a).bind(b).bind(me.id)
        .bind(now - DECLINE_COOL_DOWN_MS).fetch_one(pool).await)?;
    // A block holds here too, without showing itself. The introducer's own block refuses
    // (they know of it). One of the two who blocked another of the three declines at once,
    // and nobody is told: to the introducer, and to the other, it reads as an ordinary "no".
    let sql =
        "SELECT blocker_id, blocked_id FROM blocks WHERE blocker_id IN ($1, $2, $3) AND blocked_id IN ($1, $2, $3)";
    let blocks: Vec<(i64, i64)> =
        on_db!(&state.db, pool => sqlx::query_as(sql).bind(a).bind(b).bind(me.id).fetch_all(pool).await)?;
    let introducer_blocked = blocks.iter().any(|(blocker, _)| *blocker == me.id);
    if declined > 0 || introducer_blocked {
        return Err(AppError::invalid("error-introduction-declined"));
    }
    let refuses = |id: i64| blocks.iter().any(|(blocker, _)| *blocker == id);
    let answer = |id: i64| match id {
        _ if id == me.id => "accepted",
        _ if refuses(id) => "declined",
        _ => "pending",
    };
    let closed = (refuses(a) || refuses(b)).then_some(now);
    let mut tx = state.db.begin().await?;
    OPEN.check(&mut tx, me.id).await?;
    let sql =
        "INSERT INTO introductions (a_id, b_id, introducer_id, message, a_answer, b_answer, created_at, closed_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
    let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(a).bind(b).bind(me.id).bind(&intro.message)
        .bind(answer(a)).bind(answer(b)).bind(now).bind(closed).fetch_one(&mut **c).await)
    .map_err(|e| {
        if is_unique_violation(&e) {
            AppError::invalid("error-introduction-pending")
        } else {
            AppError::from(e)
        }
    })?;
    // The mail (when the member wants it) names no one and carries no message: mail travels
    // outside Roundtable, the introduction stays in it. One declined at once tells nobody.
    for person in [a, b].into_iter().filter(|p| *p != me.id && closed.is_none()) {
        let notice = Notice {
            actor: Some(me.id),
            introduction: Some(id),
            ..Notice::new(person, Kind::Introduction, "received")
        };
        notify::notify(&mut tx, &state.config, notice).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to("/network/introductions?done=sent").into_response())
}

// ---- answering ------------------------------------------------------------------------

/// A person's answer to an introduction.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Answer {
    Accept,
    Decline,
}

impl std::str::FromStr for Answer {
    type Err = AppError;
    fn from_str(s: &str) -> AppResult<Answer> {
        match s.trim() {
            "accept" => Ok(Answer::Accept),
            "decline" => Ok(Answer::Decline),
            _ => Err(AppError::invalid("error-introduction-answer")),
        }
    }
}

impl Answer {
    fn key(self) -> &'static str {
        match self {
            Answer::Accept => "accepted",
            Answer::Decline => "declined",
        }
    }
}

#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    answer: String,
}

/// Accepts or declines; the second acceptance records the tie and closes the introduction.
pub async fn answer(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<AnswerForm>,
) -> AppResult<Response> {
    let answer: Answer = form.answer.parse()?;
    let viewer = Viewer(Some(user.clone()));
    let row = find(&state.db, id).await?.filter(|r| visible(r, &viewer)).ok_or(AppError::NotFound)?;
    // The column is chosen from two constants, never from input.
    let column = match user.user_id {
        me if me == row.a_id => "a_answer",
        me if me == row.b_id => "b_answer",
        _ => return Err(AppError::NotFound),
    };
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    // The update comes first and returns both answers as they are after it, so that two
    // people accepting at the same moment cannot both miss the other's acceptance.
    let sql = format!(
        "UPDATE introductions SET {column} = $1, closed_at = CASE WHEN $1 = 'declined' THEN $2 ELSE closed_at END \
         WHERE id = $3 AND closed_at IS NULL AND {column} = 'pending' RETURNING a_answer, b_answer"
    );
    let answers: Option<(String, String)> = on_tx!(&mut tx, c => sqlx::query_as(&sql)
        .bind(answer.key()).bind(now).bind(id).fetch_optional(&mut **c).await)?;
    let (a_answer, b_answer) = answers.ok_or(AppError::invalid("error-introduction-answered"))?;
    let connected = a_answer == "accepted" && b_answer == "accepted";
    if connected {
        connect(&mut tx, id, row.a_id, row.b_id, now).await?;
        let other = if user.user_id == row.a_id { row.b_id } else { row.a_id };
        let notice = Notice {
            actor: Some(user.user_id),
            introduction: Some(id),
            ..Notice::new(other, Kind::Introduction, "accepted")
        };
        notify::notify(&mut tx, &state.config, notice).await?;
    }
    tx.commit().await?;
    let done = match (answer, connected) {
        (Answer::Decline, _) => "declined",
        (Answer::Accept, true) => "connected",
        (Answer::Accept, false) => "accepted",
    };
    Ok(Redirect::to(&format!("/network/introductions?done={done}")).into_response())
}

/// Records the tie an introduction made and closes it.
async fn connect(tx: &mut crate::db::Tx, id: i64, a: i64, b: i64, now: i64) -> Result<(), sqlx::Error> {
    let (a, b) = ordered(a, b);
    // Nobody "recorded" it: either of the two (or a coordinator) may remove it, the introducer may not.
    let sql = "INSERT INTO ties (a_id, b_id, kind, source, created_at) VALUES ($1, $2, 'knows', 'introduction', $3) \
               ON CONFLICT (a_id, b_id, kind) DO NOTHING";
    on_tx!(tx, c => sqlx::query(sql).bind(a).bind(b).bind(now).execute(&mut **c).await.map(affected))?;
    on_tx!(tx, c => sqlx::query("UPDATE introductions SET closed_at = $1 WHERE id = $2")
        .bind(now).bind(id).execute(&mut **c).await.map(affected))?;
    Ok(())
}

// ---- demo -----------------------------------------------------------------------------

const DAY_MS: i64 = 86_400_000;

/// One demo introduction: the two people, who introduced them, the message, both answers
/// and how many days ago.
struct DemoIntroduction {
    a: i64,
    b: i64,
    introducer: i64,
    message: &'static str,
    answers: (&'static str, &'static str),
    days: i64,
}

/// Introductions in flight for the demo: the member account has one waiting for both, one
/// it sent, one that made a tie and one it declined; across the network, coordinator
/// introductions that bridge sectors, one of each state. Chosen from the members' network
/// (so no one at risk), deterministic for a given network.
pub async fn seed_demo(db: &Db) -> anyhow::Result<()> {
    let views = super::model::compute(db, None).await?;
    let net = &views.members;
    let id_of = |email: &'static str| async move {
        on_db!(db, pool => sqlx::query_scalar::<_, i64>("SELECT id FROM users WHERE email = $1").bind(email).fetch_one(pool).await)
    };
    let coordinator = id_of("coordinator@example.org").await?;
    let member = id_of("member@example.org").await?;
    let node = net.node(member).ok_or_else(|| anyhow::anyhow!("the demo member is in the network"))?;
    let skip: HashSet<i64> = [coordinator].into();
    let others: Vec<i64> = suggest_for(&net.graph, &net.people, node, &HashMap::new(), &skip, 4)
        .iter()
        .map(|s| net.people[s.node].id)
        .collect();
    let mut plan = Vec::new();
    // Answers of the first and the second person, in the order of `messages`.
    let answers = [("pending", "pending"), ("accepted", "pending"), ("accepted", "accepted"), ("accepted", "declined")];
    let messages = [
        "You both work on safeguards in custody, from different sides. I think you would learn a lot from each other.",
        "I saw your work on recording interviews. Could we talk about how it went in your province?",
        "You are both preparing trainings for next year: comparing notes could save you both time.",
        "Would you be open to a short call about documenting injuries in custody?",
    ];
    let days = [2, 5, 30, 45];
    for (k, other) in others.iter().enumerate() {
        // The member asks to meet the second; the fourth asks to meet the member.
        let (introducer, first, second) = match k {
            1 => (member, member, *other),
            3 => (*other, *other, member),
            _ => (coordinator, member, *other),
        };
        let (a, b) = ordered(first, second);
        let (of_first, of_second) = answers[k];
        let in_order = if a == first { (of_first, of_second) } else { (of_second, of_first) };
        plan.push(DemoIntroduction { a, b, introducer, message: messages[k], answers: in_order, days: days[k] });
    }
    let taken: HashSet<i64> = [member, coordinator].into();
    let pairs = bridging_pairs(&net.graph, &net.people, &HashSet::new(), 12);
    let across = pairs.iter().filter(|p| !taken.contains(&net.people[p.a].id) && !taken.contains(&net.people[p.b].id));
    let states = [(("accepted", "pending"), 7), (("accepted", "accepted"), 60), (("pending", "declined"), 20)];
    for (p, (answers, days)) in across.zip(states) {
        let (a, b) = ordered(net.people[p.a].id, net.people[p.b].id);
        let message = "You are both working on safeguards in the first hours of custody, in different institutions. Worth a conversation.";
        plan.push(DemoIntroduction { a, b, introducer: coordinator, message, answers, days });
    }
    let now = now_ms();
    let mut tx = db.begin().await?;
    for intro in plan {
        let at = now - intro.days * DAY_MS;
        let closed = intro.answers.0 == "declined" || intro.answers.1 == "declined";
        let sql = "INSERT INTO introductions (a_id, b_id, introducer_id, message, a_answer, b_answer, created_at, closed_at) \
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
        let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(intro.a).bind(intro.b).bind(intro.introducer)
            .bind(intro.message).bind(intro.answers.0).bind(intro.answers.1).bind(at)
            .bind(closed.then_some(at + DAY_MS)).fetch_one(&mut **c).await)?;
        if intro.answers == ("accepted", "accepted") {
            connect(&mut tx, id, intro.a, intro.b, at + DAY_MS).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_required_short_and_between_two_people() {
        let form = |first: &str, second: &str, message: &str| SendForm {
            first: first.into(),
            second: second.into(),
            message: message.into(),
        };
        assert!(form("1", "2", "  You should meet.  ").parse().is_ok_and(|i| i.message == "You should meet."));
        assert!(form("1", "1", "Hello").parse().is_err());
        assert!(form("1", "x", "Hello").parse().is_err());
        assert!(form("1", "2", "   ").parse().is_err());
        assert!(form("1", "2", &"a".repeat(MAX_MESSAGE + 1)).parse().is_err());
        assert!(form("1", "2", &"ก".repeat(MAX_MESSAGE)).parse().is_ok(), "characters, not bytes");
        assert_eq!("accept".parse::<Answer>().unwrap(), Answer::Accept);
        assert!("maybe".parse::<Answer>().is_err());
    }
}

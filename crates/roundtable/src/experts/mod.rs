//! Ask an expert: a member asks a question in an expertise area and a language; Roundtable
//! sends it to a few members who list that area (those who speak the language first, then
//! the most endorsed, then the least busy), or to one expert the member chose. Experts
//! answer; the asker may publish question and answers to the network forum when they said
//! so when asking (experts see that before they answer). Coordinators see every question
//! still unanswered and can send it to more experts.
//!
//! Who may read a question is decided by [`can_see_question`] (and its SQL twin
//! [`question_sql`]): the asker, the experts it was sent to, and coordinators. Anyone else is
//! told it does not exist.

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::context;
use serde::{Deserialize, Serialize};

use crate::db::{affected, now_ms, Db, Tx};
use crate::notify::{self, Kind, Notice};
use crate::vocab::{Expertise, Language};
use crate::web::markdown;
use crate::web::Routes;
use crate::web::Who;
use crate::web::{AppError, AppResult, AppState, Form, Message, Page, SignedIn, Viewer};
use crate::{on_db, on_tx};

pub const TEMPLATES: &[(&str, &str)] = &[
    ("experts/list.html", include_str!("templates/list.html")),
    ("experts/new.html", include_str!("templates/new.html")),
    ("experts/show.html", include_str!("templates/show.html")),
];

/// How many experts a routed question goes to.
const EXPERTS_PER_QUESTION: i64 = 3;
const MAX_TITLE: usize = 150;
const MAX_BODY: usize = 10_000;
/// Questions one member may ask in a day: each one reaches several people at once.
pub const QUESTIONS: crate::web::limits::Limit = crate::web::limits::Limit {
    count_sql: "SELECT COUNT(*) FROM questions WHERE asker_id = $1 AND created_at > $2",
    max: 10,
    window_ms: crate::web::limits::DAY,
};
const DAY_MS: i64 = 86_400_000;

pub fn routes() -> Routes {
    vec![
        ("/questions", get(list).post(ask)),
        ("/questions/new", get(new_form)),
        ("/questions/{id}", get(show)),
        ("/questions/{id}/answers", post(answer)),
        ("/questions/{id}/publish", post(publish)),
        ("/questions/{id}/route", post(route_more)),
    ]
}

#[derive(sqlx::FromRow, Clone)]
struct Question {
    id: i64,
    asker_id: Option<i64>,
    area: String,
    lang: String,
    title: String,
    body_html: String,
    direct: bool,
    publishable: bool,
    thread_id: Option<i64>,
    created_at: i64,
    answered_at: Option<i64>,
}

/// How a viewer stands towards a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Asker,
    Expert,
    Coordinator,
    None,
}

/// Who may read a question: the asker, its experts, coordinators (given the question's
/// asker, and whether the viewer is one of its experts).
pub fn can_see_question(viewer: &Viewer, asker: Option<i64>, expert: bool) -> bool {
    viewer.is_member() && (asker.is_some_and(|a| viewer.is(a)) || expert || viewer.is_coordinator())
}

/// [`can_see_question`] as SQL on the `questions` row `q`.
pub fn question_sql(q: &str, who: &Who) -> String {
    let id = who.id();
    format!(
        "({} AND ({q}.asker_id = {id} OR EXISTS (SELECT 1 FROM question_experts qx WHERE qx.question_id = {q}.id \
         AND qx.expert_id = {id}) OR {}))",
        who.member(),
        who.coordinator()
    )
}

/// Who may answer: its experts, and coordinators (who may know the answer themselves).
fn can_answer(role: Role) -> bool {
    matches!(role, Role::Expert | Role::Coordinator)
}

async fn role_of(db: &Db, viewer: &Viewer, q: &Question) -> Result<Role, sqlx::Error> {
    let Some(me) = viewer.id() else { return Ok(Role::None) };
    if q.asker_id == Some(me) {
        return Ok(Role::Asker);
    }
    let sql = "SELECT COUNT(*) FROM question_experts WHERE question_id = $1 AND expert_id = $2";
    let expert: i64 = on_db!(db, pool => sqlx::query_scalar(sql).bind(q.id).bind(me).fetch_one(pool).await)?;
    Ok(if expert > 0 {
        Role::Expert
    } else if viewer.is_coordinator() {
        Role::Coordinator
    } else {
        Role::None
    })
}

async fn load(db: &Db, viewer: &Viewer, id: i64) -> AppResult<(Question, Role)> {
    let sql =
        "SELECT id, asker_id, area, lang, title, body_html, direct, publishable, thread_id, created_at, answered_at \
               FROM questions WHERE id = $1";
    let q: Question =
        on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?.ok_or(AppError::NotFound)?;
    let role = role_of(db, viewer, &q).await?;
    if !can_see_question(viewer, q.asker_id, role == Role::Expert) {
        return Err(AppError::NotFound);
    }
    Ok((q, role))
}

/// The experts a question in `area` and `lang` goes to: active members who show the area to
/// members, not at risk, not the asker, not already asked; speakers of the language first,
/// then the most endorsed in the area, then those with the fewest open questions.
async fn route(tx: &mut Tx, question: i64, asker: i64, area: Expertise, lang: Language, n: i64) -> AppResult<Vec<i64>> {
    let sql = format!(
        "SELECT u.id FROM users u JOIN profiles p ON p.user_id = u.id \
               JOIN profile_expertise x ON x.user_id = u.id AND x.area = $1 \
               WHERE {ASKABLE} AND u.id <> $2 \
                 AND NOT EXISTS (SELECT 1 FROM question_experts qe WHERE qe.question_id = $4 AND qe.expert_id = u.id) \
               ORDER BY CASE WHEN p.languages_vis IN ('members', 'public') AND EXISTS \
                   (SELECT 1 FROM profile_languages l WHERE l.user_id = u.id AND l.lang = $3) THEN 0 ELSE 1 END, \
                 (SELECT COUNT(DISTINCT e.endorser_id) FROM endorsements e WHERE e.member_id = u.id AND e.area = $1) DESC, \
                 (SELECT COUNT(*) FROM question_experts qe JOIN questions q ON q.id = qe.question_id \
                    WHERE qe.expert_id = u.id AND q.answered_at IS NULL) ASC, \
                 u.id LIMIT $5"
    );
    let ids: Vec<i64> = on_tx!(tx, c => sqlx::query_scalar(&sql).bind(area.key()).bind(asker).bind(lang.key())
        .bind(question).bind(n).fetch_all(&mut **c).await)?;
    Ok(ids)
}

/// Who may be asked (directly, routed by the system or by a coordinator), as SQL on the
/// `users` row `u` and its `profiles` row `p`: active, listing the area where members see
/// it, and never at risk, since the asker sees who was asked.
const ASKABLE: &str = "u.active AND NOT p.at_risk AND p.expertise_vis IN ('members', 'public')";

/// Whether `expert` may be asked about `area` ([`ASKABLE`]).
async fn askable(tx: &mut Tx, expert: i64, area: Expertise) -> Result<bool, sqlx::Error> {
    let sql = format!(
        "SELECT COUNT(*) FROM users u JOIN profiles p ON p.user_id = u.id \
         JOIN profile_expertise x ON x.user_id = u.id AND x.area = $2 WHERE u.id = $1 AND {ASKABLE}"
    );
    let n: i64 = on_tx!(tx, c => sqlx::query_scalar(&sql).bind(expert).bind(area.key()).fetch_one(&mut **c).await)?;
    Ok(n > 0)
}

async fn send_to(
    tx: &mut Tx,
    state: &AppState,
    question: i64,
    experts: &[i64],
    by: i64,
    asker: Option<i64>,
) -> AppResult<()> {
    for &expert in experts {
        let sql =
            "INSERT INTO question_experts (question_id, expert_id, routed_by, created_at) VALUES ($1, $2, $3, $4) \
                   ON CONFLICT (question_id, expert_id) DO NOTHING";
        on_tx!(tx, c => sqlx::query(sql).bind(question).bind(expert).bind(by).bind(now_ms())
            .execute(&mut **c).await.map(affected))?;
        let notice = Notice { actor: asker, question: Some(question), ..Notice::new(expert, Kind::Question, "asked") };
        notify::notify(tx, &state.config, notice).await?;
    }
    Ok(())
}

// ---- asking -------------------------------------------------------------------------------

#[derive(Deserialize, Default, Serialize, Clone)]
struct AskForm {
    #[serde(default)]
    area: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    expert: String,
    #[serde(default)]
    publishable: Option<String>,
}

struct NewQuestion {
    area: Expertise,
    lang: Language,
    title: String,
    body: String,
    expert: Option<i64>,
    publishable: bool,
}

fn text(value: &str, max: usize, empty: &'static str, long: &'static str) -> AppResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(AppError::invalid(empty));
    }
    if value.chars().count() > max {
        return Err(AppError::Invalid(Message::new(long).arg("max", max)));
    }
    Ok(value.to_string())
}

impl AskForm {
    fn parse(&self) -> AppResult<NewQuestion> {
        let area: Expertise = self.area.parse().map_err(|_| AppError::invalid("error-question-area"))?;
        let lang: Language = self.lang.parse().map_err(|_| AppError::invalid("error-question-language"))?;
        let expert = match self.expert.trim() {
            "" => None,
            e => Some(e.parse::<i64>().map_err(|_| AppError::invalid("error-question-expert"))?),
        };
        Ok(NewQuestion {
            area,
            lang,
            title: text(&self.title, MAX_TITLE, "error-question-title", "error-question-title-long")?,
            body: text(&self.body, MAX_BODY, "error-question-body", "error-question-body-long")?,
            expert,
            publishable: self.publishable.is_some(),
        })
    }
}

#[derive(Deserialize, Default)]
struct NewQuery {
    area: Option<String>,
    expert: Option<i64>,
}

fn form_page(
    state: &AppState,
    page: &Page,
    form: &AskForm,
    expert_name: Option<String>,
    error: Option<String>,
) -> AppResult<Html<String>> {
    page.render(
        state,
        "experts/new.html",
        context! {
            form,
            areas => Expertise::keys(),
            languages => Language::keys(),
            expert_name,
            error,
        },
    )
}

async fn new_form(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Query(q): Query<NewQuery>,
) -> AppResult<Html<String>> {
    let form = AskForm {
        area: q.area.unwrap_or_default(),
        lang: user.locale.tag().into(),
        expert: q.expert.map(|e| e.to_string()).unwrap_or_default(),
        ..AskForm::default()
    };
    let name = match q.expert {
        Some(e) => expert_name(&state.db, &page.viewer, e).await?,
        None => None,
    };
    form_page(&state, &page, &form, name, None)
}

/// A chosen expert's name, when the viewer may see that member.
async fn expert_name(db: &Db, viewer: &Viewer, id: i64) -> AppResult<Option<String>> {
    let profile = crate::members::load_profile(db, id).await?;
    Ok(profile
        .filter(|p| p.visible_to(crate::members::access::Audience::of(viewer, id)))
        .map(|p| p.row.display_name.clone()))
}

async fn ask(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Form(form): Form<AskForm>,
) -> AppResult<Response> {
    let refuse = |err: AppError| -> AppResult<Response> {
        match err {
            AppError::Invalid(message) => {
                let text = page.locale.t_args(message.id, &message.args);
                let html = form_page(&state, &page, &form, None, Some(text))?;
                Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
            }
            other => Err(other),
        }
    };
    let q = match form.parse() {
        Ok(q) => q,
        Err(e) => return refuse(e),
    };
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    QUESTIONS.check(&mut tx, user.user_id, now).await?;
    if let Some(expert) = q.expert {
        if expert == user.user_id || !askable(&mut tx, expert, q.area).await? {
            return refuse(AppError::invalid("error-question-expert"));
        }
    }
    let sql =
        "INSERT INTO questions (id, asker_id, area, lang, title, body, body_html, direct, publishable, created_at) \
               VALUES ($10, $1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
    let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(user.user_id).bind(q.area.key()).bind(q.lang.key())
        .bind(&q.title).bind(&q.body).bind(markdown::render(&q.body)).bind(q.expert.is_some()).bind(q.publishable)
        .bind(now).bind(crate::db::secret_id()).fetch_one(&mut **c).await)?;
    let experts = match q.expert {
        Some(e) => vec![e],
        None => route(&mut tx, id, user.user_id, q.area, q.lang, EXPERTS_PER_QUESTION).await?,
    };
    send_to(&mut tx, &state, id, &experts, user.user_id, Some(user.user_id)).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/questions/{id}?done=asked")).into_response())
}

// ---- lists --------------------------------------------------------------------------------

#[derive(sqlx::FromRow, Serialize)]
struct Listed {
    id: i64,
    title: String,
    area: String,
    lang: String,
    created_at: i64,
    answered_at: Option<i64>,
    answers: i64,
}

const LISTED: &str = "SELECT q.id, q.title, q.area, q.lang, q.created_at, q.answered_at, \
                        (SELECT COUNT(*) FROM answers a WHERE a.question_id = q.id) AS answers FROM questions q";

async fn list(State(state): State<AppState>, page: Page, SignedIn(user): SignedIn) -> AppResult<Html<String>> {
    let me = user.user_id;
    let sql = format!("{LISTED} WHERE q.asker_id = $1 ORDER BY q.created_at DESC, q.id DESC LIMIT 50");
    let mine: Vec<Listed> = on_db!(&state.db, pool => sqlx::query_as(&sql).bind(me).fetch_all(pool).await)?;
    let sql = format!(
        "{LISTED} WHERE EXISTS (SELECT 1 FROM question_experts qe WHERE qe.question_id = q.id AND qe.expert_id = $1) \
         ORDER BY (q.answered_at IS NULL) DESC, q.created_at DESC, q.id DESC LIMIT 50"
    );
    let for_me: Vec<Listed> = on_db!(&state.db, pool => sqlx::query_as(&sql).bind(me).fetch_all(pool).await)?;
    // Coordinators look after what waits longest.
    let unanswered: Vec<Listed> = if page.viewer.is_coordinator() {
        let sql = format!("{LISTED} WHERE q.answered_at IS NULL ORDER BY q.created_at LIMIT 100");
        on_db!(&state.db, pool => sqlx::query_as(&sql).fetch_all(pool).await)?
    } else {
        Vec::new()
    };
    page.render(
        &state,
        "experts/list.html",
        context! { mine, for_me, unanswered, coordinator => page.viewer.is_coordinator() },
    )
}

// ---- one question -------------------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct AnswerRow {
    id: i64,
    author_id: Option<i64>,
    author_name: Option<String>,
    author_at_risk: bool,
    body_html: String,
    created_at: i64,
}

#[derive(Serialize)]
struct AnswerView {
    id: i64,
    author_name: Option<String>,
    body_html: String,
    created_at: i64,
}

/// A person's name as this viewer may see it: at-risk people only for coordinators and
/// themselves.
fn name_for(viewer: &Viewer, id: Option<i64>, name: Option<String>, at_risk: bool) -> Option<String> {
    let id = id?;
    crate::members::access::sees_person(viewer, id, at_risk).then_some(name).flatten()
}

#[derive(Deserialize, Default)]
struct ShowQuery {
    done: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Html<String>> {
    let (question, role) = load(&state.db, &page.viewer, id).await?;
    notify::mark_read(&state.db, user.user_id, "question_id", id).await?;
    let sql = "SELECT u.display_name, COALESCE(p.at_risk, FALSE) FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id = $1";
    let asker: Option<(String, bool)> = match question.asker_id {
        Some(a) => on_db!(&state.db, pool => sqlx::query_as(sql).bind(a).fetch_optional(pool).await)?,
        None => None,
    };
    let asker_name = asker.and_then(|(name, risk)| name_for(&page.viewer, question.asker_id, Some(name), risk));
    let sql = "SELECT a.id, a.author_id, u.display_name AS author_name, COALESCE(p.at_risk, FALSE) AS author_at_risk, \
                 a.body_html, a.created_at \
               FROM answers a LEFT JOIN users u ON u.id = a.author_id LEFT JOIN profiles p ON p.user_id = a.author_id \
               WHERE a.question_id = $1 ORDER BY a.id";
    let rows: Vec<AnswerRow> = on_db!(&state.db, pool => sqlx::query_as(sql).bind(id).fetch_all(pool).await)?;
    let answers: Vec<AnswerView> = rows
        .into_iter()
        .map(|r| AnswerView {
            id: r.id,
            author_name: name_for(&page.viewer, r.author_id, r.author_name, r.author_at_risk),
            body_html: r.body_html,
            created_at: r.created_at,
        })
        .collect();
    // Who it went to, for the asker and coordinators. Experts are never at risk when asked,
    // but may become so later, or leave: then only coordinators still see their names.
    let experts: Vec<String> = if matches!(role, Role::Asker | Role::Coordinator) {
        let sql = "SELECT u.display_name FROM question_experts qe JOIN users u ON u.id = qe.expert_id \
                   LEFT JOIN profiles p ON p.user_id = u.id \
                   WHERE qe.question_id = $1 AND ($2 OR (u.active AND NOT COALESCE(p.at_risk, FALSE))) \
                   ORDER BY qe.created_at, u.id";
        on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(id).bind(page.viewer.is_coordinator()).fetch_all(pool).await)?
    } else {
        Vec::new()
    };
    let candidates: Vec<(i64, String)> =
        if role == Role::Coordinator || (role == Role::Asker && page.viewer.is_coordinator()) {
            let sql = format!(
                "SELECT u.id, u.display_name FROM users u JOIN profiles p ON p.user_id = u.id \
             JOIN profile_expertise x ON x.user_id = u.id AND x.area = $1 \
             WHERE {ASKABLE} AND (u.id <> $2 OR $2 IS NULL) \
             AND NOT EXISTS (SELECT 1 FROM question_experts qe WHERE qe.question_id = $3 AND qe.expert_id = u.id) \
             ORDER BY lower(u.display_name) LIMIT 200"
            );
            on_db!(&state.db, pool => sqlx::query_as(&sql).bind(&question.area).bind(question.asker_id).bind(id)
            .fetch_all(pool).await)?
        } else {
            Vec::new()
        };
    let done = q.done.as_deref().filter(|d| ["asked", "answered", "published", "routed"].contains(d));
    let may_publish =
        role == Role::Asker && question.publishable && question.thread_id.is_none() && !answers.is_empty();
    page.render(
        &state,
        "experts/show.html",
        context! {
            question => context! {
                id => question.id, title => question.title, body_html => question.body_html,
                area => question.area, lang => question.lang, direct => question.direct,
                publishable => question.publishable, thread_id => question.thread_id,
                created_at => question.created_at, answered => question.answered_at.is_some(),
            },
            asker_name, answers, experts, candidates,
            can_answer => can_answer(role) && question.thread_id.is_none(),
            may_publish, coordinator => role == Role::Coordinator || page.viewer.is_coordinator(),
            done,
        },
    )
}

#[derive(Deserialize)]
struct AnswerForm {
    #[serde(default)]
    body: String,
}

/// Answers one member may give in ten minutes, the forum's posting pace: each notifies the
/// asker.
pub const ANSWERS: crate::web::limits::Limit = crate::web::limits::Limit {
    count_sql: "SELECT COUNT(*) FROM answers WHERE author_id = $1 AND created_at > $2",
    max: 20,
    window_ms: 10 * crate::web::limits::MINUTE,
};

async fn answer(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<AnswerForm>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user.clone()));
    let (question, role) = load(&state.db, &viewer, id).await?;
    if !can_answer(role) {
        return Err(AppError::Forbidden);
    }
    if question.thread_id.is_some() {
        return Err(AppError::invalid("error-question-published"));
    }
    let body = text(&form.body, MAX_BODY, "error-answer-body", "error-answer-body-long")?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    ANSWERS.check(&mut tx, user.user_id, state.clock.now_ms()).await?;
    let sql = "INSERT INTO answers (question_id, author_id, body, body_html, created_at) VALUES ($1, $2, $3, $4, $5)";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(user.user_id).bind(&body).bind(markdown::render(&body))
        .bind(now).execute(&mut **c).await.map(affected))?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE questions SET answered_at = COALESCE(answered_at, $1) WHERE id = $2")
        .bind(now).bind(id).execute(&mut **c).await.map(affected))?;
    if let Some(asker) = question.asker_id {
        let notice =
            Notice { actor: Some(user.user_id), question: Some(id), ..Notice::new(asker, Kind::Question, "answered") };
        notify::notify(&mut tx, &state.config, notice).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/questions/{id}?done=answered")).into_response())
}

/// The asker publishes question and answers as a network forum thread, when they allowed
/// it when asking (so every expert answered knowing).
async fn publish(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(_): Form<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user.clone()));
    let (question, role) = load(&state.db, &viewer, id).await?;
    if role != Role::Asker {
        return Err(AppError::Forbidden);
    }
    if !question.publishable {
        return Err(AppError::invalid("error-question-not-publishable"));
    }
    if question.thread_id.is_some() {
        return Err(AppError::invalid("error-question-published"));
    }
    let mut tx = state.db.begin().await?;
    let sql = "SELECT body FROM questions WHERE id = $1";
    let body: String = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(id).fetch_one(&mut **c).await)?;
    let sql = "SELECT author_id, body FROM answers WHERE question_id = $1 AND author_id IS NOT NULL ORDER BY id";
    let answers: Vec<(i64, String)> = on_tx!(&mut tx, c => sqlx::query_as(sql).bind(id).fetch_all(&mut **c).await)?;
    if answers.is_empty() {
        return Err(AppError::invalid("error-question-unanswered"));
    }
    let mut posts: Vec<(i64, &str)> = vec![(user.user_id, body.as_str())];
    posts.extend(answers.iter().map(|(a, b)| (*a, b.as_str())));
    let thread = crate::forums::publish_thread(&mut tx, &question.title, &posts).await?;
    let sql = "UPDATE questions SET thread_id = $1 WHERE id = $2 AND thread_id IS NULL";
    let changed = on_tx!(&mut tx, c => sqlx::query(sql).bind(thread).bind(id).execute(&mut **c).await.map(affected))?;
    if changed != 1 {
        return Err(AppError::invalid("error-question-published"));
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/forum/threads/{thread}")).into_response())
}

#[derive(Deserialize)]
struct RouteForm {
    #[serde(default)]
    expert: String,
}

/// A coordinator sends a question to one more expert.
async fn route_more(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<RouteForm>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user.clone()));
    let (question, _) = load(&state.db, &viewer, id).await?;
    if !viewer.is_coordinator() {
        return Err(AppError::Forbidden);
    }
    // The asker chose whom to trust with a direct question; it goes to nobody else.
    if question.direct {
        return Err(AppError::invalid("error-question-direct"));
    }
    let expert: i64 = form.expert.trim().parse().map_err(|_| AppError::invalid("error-question-expert"))?;
    let area: Expertise = question.area.parse()?;
    let mut tx = state.db.begin().await?;
    if Some(expert) == question.asker_id || !askable(&mut tx, expert, area).await? {
        return Err(AppError::invalid("error-question-expert"));
    }
    send_to(&mut tx, &state, id, &[expert], user.user_id, question.asker_id).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/questions/{id}?done=routed")).into_response())
}

// ---- demo ---------------------------------------------------------------------------------

/// Questions in flight for the demo, in several languages: answered and published, answered
/// and private, waiting.
pub async fn seed_demo(db: &Db) -> anyhow::Result<()> {
    let asker = |email: &'static str| async move {
        on_db!(db, pool => sqlx::query_scalar::<_, i64>("SELECT id FROM users WHERE email = $1").bind(email).fetch_one(pool).await)
    };
    let member = asker("member@example.org").await?;
    let coordinator = asker("coordinator@example.org").await?;
    // Asker, area, language, title, details, publishable, the first expert's answer.
    type Demo<'a> = (i64, Expertise, Language, &'a str, &'a str, bool, Option<&'a str>);
    let questions: [Demo; 5] = [
        (
            member,
            Expertise::InvestigativeInterviewing,
            Language::En,
            "How do we move cadets from confession-based interrogation to the PEACE model?",
            "Our academy still grades cadets on confessions obtained. Which first steps worked for you when you changed the curriculum, and how did you convince senior trainers?",
            true,
            Some("Start with a short pilot: one cohort, one module on planning and open questions, and record the interviews (with consent) so that senior trainers can see the difference in the information obtained. Grading on the quality of the account, not on confessions, is what changed behaviour in our academy."),
        ),
        (
            coordinator,
            Expertise::DetentionMonitoring,
            Language::Th,
            "แบบตรวจเยี่ยมสถานที่ควบคุมตัวควรมีหัวข้อใดบ้าง",
            "เรากำลังจัดทำแบบตรวจเยี่ยมสถานที่ควบคุมตัวของตำรวจสำหรับคณะทำงานชุดใหม่ ควรมีหัวข้อใดบ้างเกี่ยวกับสิทธิมนุษยชนและการป้องกันการทรมาน",
            true,
            Some("ควรมีอย่างน้อย: ทะเบียนการควบคุมตัวที่ครบถ้วน การแจ้งสิทธิ การเข้าถึงทนายความและแพทย์ การติดต่อญาติ สภาพห้องควบคุม และการสัมภาษณ์ผู้ถูกควบคุมตัวเป็นการส่วนตัวโดยไม่มีเจ้าหน้าที่อยู่ด้วย"),
        ),
        (
            member,
            Expertise::TortureDocumentation,
            Language::Ms,
            "Bagaimana mendokumentasikan kecederaan mengikut Protokol Istanbul?",
            "Kami menerima aduan daripada bekas tahanan. Apakah langkah pertama yang perlu diambil oleh doktor yang belum pernah menggunakan Protokol Istanbul?",
            false,
            Some("Rujuk pakar forensik jika boleh, dapatkan persetujuan bermaklumat, rekod kecederaan dengan gambar dan rajah badan, dan nyatakan tahap konsistensi antara kecederaan dan keterangan mangsa."),
        ),
        (
            coordinator,
            Expertise::LegalSafeguards,
            Language::Fil,
            "Paano matitiyak na may abogado ang suspek mula sa unang oras ng pagkakakulong?",
            "Sa aming probinsya, madalas walang abogado sa unang pagtatanong. Anong mga kasunduan sa PAO o sa mga IBP chapter ang nakatulong sa inyo?",
            false,
            None,
        ),
        (
            member,
            Expertise::OpcatNpm,
            Language::En,
            "What does an NPM need before its first unannounced visit?",
            "Our national preventive mechanism was designated last year. What must be in place legally and practically before the first unannounced visit to a police station?",
            true,
            None,
        ),
    ];
    for (asker, area, lang, title, body, publishable, reply) in questions {
        let mut tx = db.begin().await?;
        let sql = "INSERT INTO questions (id, asker_id, area, lang, title, body, body_html, publishable, created_at) \
                   VALUES ($9, $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
        let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(asker).bind(area.key()).bind(lang.key())
            .bind(title).bind(body).bind(markdown::render(body)).bind(publishable).bind(now_ms() - 9 * DAY_MS)
            .bind(crate::db::secret_id()).fetch_one(&mut **c).await)?;
        let experts = route(&mut tx, id, asker, area, lang, EXPERTS_PER_QUESTION).await?;
        // What the notification centre shows (the demo sends no mail): experts were asked
        // long ago and have seen it; answers wait to be read.
        let told = "INSERT INTO notifications (user_id, kind, event, actor_id, question_id, created_at, read_at) \
                    VALUES ($1, 'question', $2, $3, $4, $5, $6)";
        for &expert in &experts {
            let sql =
                "INSERT INTO question_experts (question_id, expert_id, routed_by, created_at) VALUES ($1, $2, $3, $4)";
            let at = now_ms() - 9 * DAY_MS;
            on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(expert).bind(asker).bind(at)
                .execute(&mut **c).await.map(affected))?;
            on_tx!(&mut tx, c => sqlx::query(told).bind(expert).bind("asked").bind(asker).bind(id).bind(at).bind(Some(at))
                .execute(&mut **c).await.map(affected))?;
        }
        if let (Some(text), Some(&expert)) = (reply, experts.first()) {
            let at = now_ms() - 7 * DAY_MS;
            let sql =
                "INSERT INTO answers (question_id, author_id, body, body_html, created_at) VALUES ($1, $2, $3, $4, $5)";
            on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(expert).bind(text).bind(markdown::render(text)).bind(at)
                .execute(&mut **c).await.map(affected))?;
            on_tx!(&mut tx, c => sqlx::query("UPDATE questions SET answered_at = $1 WHERE id = $2").bind(at).bind(id)
                .execute(&mut **c).await.map(affected))?;
            on_tx!(&mut tx, c => sqlx::query(told).bind(asker).bind("answered").bind(expert).bind(id).bind(at)
                .bind(None::<i64>).execute(&mut **c).await.map(affected))?;
            if publishable {
                let thread = crate::forums::publish_thread(&mut tx, title, &[(asker, body), (expert, text)]).await?;
                on_tx!(&mut tx, c => sqlx::query("UPDATE questions SET thread_id = $1 WHERE id = $2").bind(thread).bind(id)
                    .execute(&mut **c).await.map(affected))?;
            }
        }
        tx.commit().await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_askers_experts_and_coordinators_read_and_only_experts_and_coordinators_answer() {
        assert!(can_answer(Role::Expert) && can_answer(Role::Coordinator));
        assert!(!can_answer(Role::Asker) && !can_answer(Role::None));
    }

    #[test]
    fn questions_need_an_area_a_language_a_title_and_words() {
        let good = AskForm {
            area: "detention_monitoring".into(),
            lang: "th".into(),
            title: "แบบตรวจเยี่ยม".into(),
            body: "ควรมีหัวข้อใดบ้าง".into(),
            ..AskForm::default()
        };
        assert!(good.parse().is_ok());
        let bad = |f: AskForm| match f.parse() {
            Err(AppError::Invalid(m)) => m.id,
            _ => panic!("accepted"),
        };
        assert_eq!(bad(AskForm { area: "cooking".into(), ..good.clone() }), "error-question-area");
        assert_eq!(bad(AskForm { lang: "xx".into(), ..good.clone() }), "error-question-language");
        assert_eq!(bad(AskForm { title: "  ".into(), ..good.clone() }), "error-question-title");
        assert_eq!(bad(AskForm { body: "x".repeat(MAX_BODY + 1), ..good.clone() }), "error-question-body-long");
        assert_eq!(bad(AskForm { expert: "Ana".into(), ..good.clone() }), "error-question-expert");
    }
}

//! Ties that members record: "I know her", "we trained together". One of the two records
//! it (or a coordinator, on their behalf); either of the two, whoever recorded it, and
//! coordinators may remove it.
//!
//! Who sees a tie is decided by [`can_see_tie`] and nowhere else.

use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Entry};
use crate::db::{affected, now_ms, Db};
use crate::members::access::Audience;
use crate::members::access::{account_sql, sees_account};
use crate::members::load_profile;
use crate::vocab::TieKind;
use crate::web::Who;
use crate::web::{safe_next, AppError, AppResult, AppState, ClientIp, Form, Page, SignedIn, Viewer};
use crate::{on_db, on_tx};

/// One end of a tie, as far as privacy is concerned.
#[derive(Clone, Copy, Debug)]
pub struct End {
    pub id: i64,
    pub at_risk: bool,
    pub active: bool,
}

/// May `viewer` see a tie between `a` and `b`? The public never sees ties; coordinators
/// and admins see all; a member sees a tie when each end is themself or a member they can
/// see (active and not at risk). So a tie that touches an at-risk member is seen by
/// coordinators, admins and that member only.
pub fn can_see_tie(viewer: &Viewer, a: End, b: End) -> bool {
    viewer.is_member() && [a, b].iter().all(|e| sees_account(viewer, e.id, e.at_risk, e.active))
}

/// [`can_see_tie`] as SQL on the `ties` row `t`.
pub fn tie_sql(t: &str, who: &Who) -> String {
    let end = |column: &str| {
        format!(
            "EXISTS (SELECT 1 FROM users tu LEFT JOIN profiles tp ON tp.user_id = tu.id WHERE tu.id = {t}.{column} AND {})",
            account_sql("tu", "tp", who)
        )
    };
    format!("({} AND {} AND {})", who.member(), end("a_id"), end("b_id"))
}

/// When a tie began: a year, or a year and month (`2019`, `2019-06`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Since(String);

impl std::str::FromStr for Since {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Since, AppError> {
        let s = s.trim();
        let this_year = 1970 + now_ms() / 31_556_952_000;
        let (year, month) = s.split_once('-').map_or((s, None), |(y, m)| (y, Some(m)));
        let year: i64 =
            year.parse().ok().filter(|y| (1950..=this_year).contains(y)).ok_or(AppError::invalid("error-tie-since"))?;
        match month {
            None => Ok(Since(format!("{year:04}"))),
            Some(m) => {
                let m: u32 =
                    m.parse().ok().filter(|m| (1..=12).contains(m)).ok_or(AppError::invalid("error-tie-since"))?;
                Ok(Since(format!("{year:04}-{m:02}")))
            }
        }
    }
}

impl Since {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How close a tie is, 1 (acquainted) to 5 (close).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strength(i64);

impl Strength {
    pub fn value(self) -> i64 {
        self.0
    }
}

impl std::str::FromStr for Strength {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Strength, AppError> {
        s.trim()
            .parse()
            .ok()
            .filter(|v| (1..=5).contains(v))
            .map(Strength)
            .ok_or(AppError::invalid("error-tie-strength"))
    }
}

/// A recorded tie of one member, from their side.
#[derive(sqlx::FromRow, Serialize, Clone, Debug)]
pub struct TieRow {
    pub id: i64,
    pub kind: String,
    pub strength: Option<i64>,
    pub since: Option<String>,
    pub source: String,
    pub recorded_by: Option<i64>,
    pub created_at: i64,
    pub other_id: i64,
    pub other_name: String,
    pub other_at_risk: bool,
    pub other_active: bool,
}

/// A tie as a page shows it, with whether the viewer may remove it.
#[derive(Serialize)]
pub struct TieView {
    #[serde(flatten)]
    pub tie: TieRow,
    pub removable: bool,
}

/// The recorded ties of `member` that `viewer` may see, by the other person's name.
pub async fn ties_of(db: &Db, viewer: &Viewer, member: End) -> Result<Vec<TieView>, sqlx::Error> {
    let sql = "SELECT t.id, t.kind, t.strength, t.since, t.source, t.recorded_by, t.created_at, \
               o.id AS other_id, o.display_name AS other_name, COALESCE(p.at_risk, FALSE) AS other_at_risk, \
               o.active AS other_active \
               FROM ties t JOIN users o ON o.id = CASE WHEN t.a_id = $1 THEN t.b_id ELSE t.a_id END \
               LEFT JOIN profiles p ON p.user_id = o.id \
               WHERE t.a_id = $1 OR t.b_id = $1 \
               ORDER BY lower(o.display_name), o.id, t.kind";
    let rows: Vec<TieRow> = on_db!(db, pool => sqlx::query_as(sql).bind(member.id).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .filter(|t| {
            let other = End { id: t.other_id, at_risk: t.other_at_risk, active: t.other_active };
            can_see_tie(viewer, member, other)
        })
        .map(|t| TieView { removable: may_remove(viewer, member.id, t.other_id, t.recorded_by), tie: t })
        .collect())
}

fn may_remove(viewer: &Viewer, a: i64, b: i64, recorded_by: Option<i64>) -> bool {
    viewer.is_coordinator() || viewer.is(a) || viewer.is(b) || recorded_by.is_some_and(|r| viewer.is(r))
}

/// The privacy facts of one member, `None` when there is no such account.
pub async fn end(db: &Db, id: i64) -> Result<Option<End>, sqlx::Error> {
    let sql = "SELECT u.id, COALESCE(p.at_risk, FALSE), u.active FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id = $1";
    let row: Option<(i64, bool, bool)> = on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?;
    Ok(row.map(|(id, at_risk, active)| End { id, at_risk, active }))
}

#[derive(Deserialize)]
pub struct RecordForm {
    /// The member the tie is recorded for; only coordinators may name someone else.
    #[serde(default)]
    member: Option<String>,
    #[serde(default)]
    other: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    strength: String,
    #[serde(default)]
    since: String,
    #[serde(default)]
    next: Option<String>,
}

/// A tie to be recorded, parsed from the form.
struct NewTie {
    member: i64,
    other: i64,
    kind: TieKind,
    strength: Option<Strength>,
    since: Option<Since>,
}

impl RecordForm {
    fn parse(&self, me: i64) -> AppResult<NewTie> {
        let id = |s: &str| s.trim().parse::<i64>().map_err(|_| AppError::invalid("error-tie-member"));
        let member = match self.member.as_deref().map(str::trim) {
            None | Some("") => me,
            Some(m) => id(m)?,
        };
        let other = id(&self.other)?;
        if member == other {
            return Err(AppError::invalid("error-tie-self"));
        }
        fn optional(s: &str) -> Option<&str> {
            (!s.trim().is_empty()).then_some(s)
        }
        Ok(NewTie {
            member,
            other,
            kind: self.kind.parse()?,
            strength: optional(&self.strength).map(str::parse).transpose()?,
            since: optional(&self.since).map(str::parse).transpose()?,
        })
    }
}

/// Records a tie, or updates its strength and start when that kind of tie exists already.
/// Ties one member may record in a day: they shape brokerage, champions and the health
/// figures, so a burst of invented ones is refused.
pub const TIES: crate::web::limits::Limit = crate::web::limits::Limit {
    count_sql: "SELECT COUNT(*) FROM ties WHERE recorded_by = $1 AND created_at > $2",
    max: 50,
    window_ms: crate::web::limits::DAY,
};
pub const TIES_COORDINATOR: crate::web::limits::Limit = crate::web::limits::Limit { max: 500, ..TIES };

pub async fn record(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Form(form): Form<RecordForm>,
) -> AppResult<Response> {
    let tie = form.parse(user.user_id)?;
    let viewer = Viewer(Some(user.clone()));
    if tie.member != user.user_id && !viewer.is_coordinator() {
        return Err(AppError::Forbidden);
    }
    // Both people must exist for this viewer; a hidden member is answered as unknown.
    for id in [tie.member, tie.other] {
        let profile = load_profile(&state.db, id).await?;
        let active = end(&state.db, id).await?.is_some_and(|e| e.active);
        if !active || !profile.is_some_and(|p| p.visible_to(Audience::of(&viewer, id))) {
            return Err(AppError::invalid("error-tie-member"));
        }
    }
    let (a, b) = (tie.member.min(tie.other), tie.member.max(tie.other));
    let sql = "INSERT INTO ties (a_id, b_id, kind, strength, since, source, recorded_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, 'recorded', $6, $7) \
               ON CONFLICT (a_id, b_id, kind) DO UPDATE SET strength = excluded.strength, since = excluded.since";
    let mut tx = state.db.begin().await?;
    // Coordinators record what others tell them, so theirs is a larger allowance.
    let limit = if viewer.is_coordinator() { &TIES_COORDINATOR } else { &TIES };
    limit.check(&mut tx, user.user_id, state.clock.now_ms()).await?;
    on_tx!(&mut tx, c => sqlx::query(sql).bind(a).bind(b).bind(tie.kind.key()).bind(tie.strength.map(|s| s.0))
        .bind(tie.since.map(|s| s.0)).bind(user.user_id).bind(now_ms()).execute(&mut **c).await.map(affected))?;
    if tie.member != user.user_id {
        let detail = crate::audit::Detail::Tie { member: tie.member, kind: tie.kind, other: tie.other };
        audit::record(
            &mut tx,
            Entry {
                actor: Some(user.user_id),
                action: crate::vocab::AuditAction::TieRecorded,
                target: Some(tie.member),
                detail,
                ip,
            },
        )
        .await?;
    }
    tx.commit().await?;
    let back = match form.next.as_deref() {
        // Back where the form was, saying it was done.
        Some(n) => {
            let n = safe_next(Some(n));
            format!("{n}{}done=recorded", if n.contains('?') { '&' } else { '?' })
        }
        None => format!("/members/{}#ties", tie.other),
    };
    Ok(Redirect::to(&back).into_response())
}

#[derive(Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    next: Option<String>,
}

pub async fn remove(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Path(id): Path<i64>,
    Form(form): Form<RemoveForm>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user.clone()));
    let sql = "SELECT a_id, b_id, recorded_by FROM ties WHERE id = $1";
    let row: Option<(i64, i64, Option<i64>)> =
        on_db!(&state.db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?;
    let (a, b, recorded_by) = row.ok_or(AppError::NotFound)?;
    let (ea, eb) = (end(&state.db, a).await?, end(&state.db, b).await?);
    let visible = matches!((ea, eb), (Some(ea), Some(eb)) if can_see_tie(&viewer, ea, eb));
    if !visible {
        return Err(AppError::NotFound);
    }
    if !may_remove(&viewer, a, b, recorded_by) {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM ties WHERE id = $1").bind(id).execute(&mut **c).await.map(affected))?;
    if !viewer.is(a) && !viewer.is(b) {
        let detail = crate::audit::Detail::TieRemoved { member: a, other: b };
        audit::record(
            &mut tx,
            Entry {
                actor: Some(user.user_id),
                action: crate::vocab::AuditAction::TieRemoved,
                target: Some(a),
                detail,
                ip,
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&form.next.as_deref().map(|n| safe_next(Some(n))).unwrap_or_else(|| "/network/ties".into()))
        .into_response())
}

/// People a viewer may pick as the other end of a tie, for the coordinators' form.
#[derive(sqlx::FromRow, Serialize)]
struct Choice {
    id: i64,
    name: String,
    at_risk: bool,
}

/// "My ties": the viewer's recorded ties, and for coordinators a form to record a tie
/// between any two members.
#[derive(Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn mine(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    axum::extract::Query(q): axum::extract::Query<DoneQuery>,
) -> AppResult<Html<String>> {
    let done = q.done.filter(|d| d == "recorded").map(|_| page.t("ties-recorded"));
    let me = end(&state.db, user.user_id).await?.ok_or(AppError::NotFound)?;
    let ties = ties_of(&state.db, &page.viewer, me).await?;
    let choices: Vec<Choice> = if page.viewer.is_coordinator() {
        let sql = "SELECT u.id, u.display_name AS name, COALESCE(p.at_risk, FALSE) AS at_risk FROM users u \
                   LEFT JOIN profiles p ON p.user_id = u.id WHERE u.active ORDER BY lower(u.display_name), u.id";
        on_db!(&state.db, pool => sqlx::query_as(sql).fetch_all(pool).await)?
    } else {
        Vec::new()
    };
    page.render(&state, "network/ties.html", minijinja::context! { ties, choices, kinds => TieKind::keys(), done })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Role;

    fn e(id: i64, at_risk: bool) -> End {
        End { id, at_risk, active: true }
    }

    #[test]
    fn ties_touching_at_risk_members_are_for_coordinators_and_that_member() {
        let (plain, risky) = (e(1, false), e(2, true));
        let other = e(3, false);
        assert!(!can_see_tie(&Viewer(None), plain, other), "the public never sees ties");
        assert!(can_see_tie(&Viewer::for_tests(9, Some(Role::Member)), plain, other));
        assert!(!can_see_tie(&Viewer::for_tests(9, Some(Role::Member)), plain, risky));
        assert!(!can_see_tie(&Viewer::for_tests(1, Some(Role::Member)), plain, risky), "not even the other end");
        assert!(
            can_see_tie(&Viewer::for_tests(2, Some(Role::Member)), plain, risky),
            "the at-risk member sees their own"
        );
        assert!(can_see_tie(&Viewer::for_tests(9, Some(Role::Coordinator)), plain, risky));
        assert!(can_see_tie(&Viewer::for_tests(9, Some(Role::Admin)), plain, risky));
        let gone = End { active: false, ..other };
        assert!(!can_see_tie(&Viewer::for_tests(9, Some(Role::Member)), plain, gone));
    }

    #[test]
    fn since_and_strength_parse_or_explain() {
        assert_eq!("2019".parse::<Since>().unwrap(), Since("2019".into()));
        assert_eq!(" 2019-6 ".parse::<Since>().unwrap(), Since("2019-06".into()));
        for bad in ["19", "2019-13", "2019-00", "1900", "3000", "soon", "2019-06-01"] {
            assert!(bad.parse::<Since>().is_err(), "{bad}");
        }
        assert!("3".parse::<Strength>().is_ok());
        for bad in ["0", "6", "-1", "x"] {
            assert!(bad.parse::<Strength>().is_err(), "{bad}");
        }
    }
}

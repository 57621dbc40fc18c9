//! "The network in figures": the public version of the impact figures, once an admin opts
//! in. Aggregates only, over fixed calendar quarters, each computed once when its quarter
//! is over and stored ([`take_due`]), so that a period's figures never change once read.
//! Only what every member may see is counted ([`Lens::Public`]): members at risk are
//! left out of every figure entirely, any count below [`FEWER_THAN`] is shown as "fewer than
//! 5", and every other count is rounded to the nearest 5.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::measures::{self, Lens};
use super::quarter::Quarter;
use crate::audit::{self, Detail, Entry};
use crate::db::{affected, Db};
use crate::vocab::AuditAction;
use crate::web::sheet::{Cell, FormatQuery, Sheet};
use crate::web::{Admin, AppError, AppResult, AppState, ClientIp, Coordinator, Form, Locale, Page};
use crate::{on_db, on_tx};

/// Counts below this are not shown.
pub const FEWER_THAN: usize = 5;

/// Quarters the public page shows, the most recent.
const SHOWN_QUARTERS: usize = 4;

/// One closed quarter's public figures; stored as JSON, so fields are only ever added.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuarterFigures {
    /// Members at the quarter's end; by sector and country as members may read them
    /// (`unknown` where not given or not shown).
    pub members: usize,
    pub members_by_sector: BTreeMap<String, usize>,
    pub members_by_country: BTreeMap<String, usize>,
    pub new_ties: usize,
    pub cross_sector_ties: usize,
    pub cross_country_ties: usize,
    pub events_held: usize,
    pub events_by_type: BTreeMap<String, usize>,
    pub participants: usize,
    pub initiatives_forward: usize,
    /// At the quarter's end.
    pub initiatives_by_status: BTreeMap<String, usize>,
    pub champions_active: usize,
    pub resources_published: usize,
    pub downloads: usize,
    pub questions_asked: usize,
    pub questions_answered: usize,
}

fn day(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default().format("%Y-%m-%d").to_string()
}

/// The public figures of quarter `q`, from the data as it is now (call once the quarter is
/// over; the network is read as it was at the quarter's end).
pub async fn compute(db: &Db, q: Quarter) -> Result<QuarterFigures, sqlx::Error> {
    let lens = Lens::Public;
    let (a, b) = (q.start_ms(), q.end_ms());
    let (first, last) = (day(a), day(b - 1));
    let mut f = QuarterFigures::default();

    let members = measures::members(db, &lens, b).await?;
    f.members = members.len();
    for (sector, country) in &members {
        *f.members_by_sector.entry(sector.clone().unwrap_or_else(|| "unknown".into())).or_default() += 1;
        *f.members_by_country.entry(country.clone().unwrap_or_else(|| "unknown".into())).or_default() += 1;
    }

    let views = crate::network::model::compute(db, Some(b - 1)).await?;
    (f.new_ties, f.cross_sector_ties, f.cross_country_ties) =
        measures::new_ties(&lens, views.scope(lens.scope()), a, b);

    let held = measures::events_held(db, &lens, a, b).await?;
    f.events_held = held.len();
    for e in &held {
        *f.events_by_type.entry(e.kind.clone()).or_default() += 1;
    }
    let parts = measures::participations(db, &lens, a, b).await?;
    let mut people: Vec<&str> = parts.iter().map(|p| p.person.as_str()).collect();
    people.sort_unstable();
    people.dedup();
    f.participants = people.len();

    let initiatives = measures::initiatives(db, &lens).await?;
    f.initiatives_forward = initiatives.moved_forward(&first, &last);
    f.initiatives_by_status = initiatives.status_on(&last);
    f.champions_active = measures::champions_active(&measures::champion_stages(db, &lens).await?, a, b);

    f.resources_published =
        measures::resources(db, &lens).await?.iter().filter(|r| r.created_at >= a && r.created_at < b).count();
    f.downloads = measures::downloads(db, &lens, &first, &last).await?.iter().map(|d| d.2.max(0) as usize).sum();
    let questions = measures::questions(db, &lens).await?;
    let within = |ms: i64| ms >= a && ms < b;
    f.questions_asked = questions.iter().filter(|(at, _)| within(*at)).count();
    f.questions_answered = questions.iter().filter(|(_, done)| done.is_some_and(within)).count();
    Ok(f)
}

async fn store(db: &Db, q: Quarter, taken_at: i64, figures: &QuarterFigures) -> Result<bool, sqlx::Error> {
    let json = serde_json::to_string(figures).expect("figures serialise");
    let sql = "INSERT INTO impact_snapshots (quarter, taken_at, figures) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
    let n = on_db!(db, pool => sqlx::query(sql).bind(q.key()).bind(taken_at).bind(&json).execute(pool).await.map(affected))?;
    Ok(n == 1)
}

/// Stores the figures of the quarter before `now`'s, unless they are stored already;
/// returns whether it stored them. Cheap when they are (one indexed read), so the
/// housekeeping loop calls it on every pass; of several nodes at once, one stores them.
pub async fn take_due(db: &Db, now: i64) -> Result<bool, sqlx::Error> {
    let q = Quarter::of(now).prev();
    let sql = "SELECT COUNT(*) FROM impact_snapshots WHERE quarter = $1";
    let existing: i64 = on_db!(db, pool => sqlx::query_scalar(sql).bind(q.key()).fetch_one(pool).await)?;
    if existing > 0 {
        return Ok(false);
    }
    let figures = compute(db, q).await?;
    store(db, q, now, &figures).await
}

/// The demo's figures: the four quarters before this one, as if each had been taken when
/// it ended.
pub async fn seed_demo(db: &Db, now: i64) -> Result<(), sqlx::Error> {
    let mut q = Quarter::of(now);
    for _ in 0..SHOWN_QUARTERS {
        q = q.prev();
        let figures = compute(db, q).await?;
        store(db, q, q.end_ms(), &figures).await?;
    }
    Ok(())
}

/// Whether admins have published the figures.
pub async fn settings(db: &Db) -> Result<bool, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar("SELECT public_figures FROM impact_settings WHERE id = 1").fetch_one(pool).await)
}

/// A count as the public may read it: below [`FEWER_THAN`], only that it is; otherwise
/// rounded to the nearest 5, so that no sum or difference of shown figures (a total less
/// its parts, one quarter less the one before) gives a small count away.
fn shown(locale: Locale, n: usize) -> String {
    if n < FEWER_THAN {
        locale.t_args("figures-fewer-than", &[("count", FEWER_THAN.to_string())])
    } else {
        rounded(n).to_string()
    }
}

/// `n` to the nearest multiple of 5 (halves up): 7 is 5, 8 is 10.
fn rounded(n: usize) -> usize {
    (n + 2) / 5 * 5
}

#[derive(Serialize)]
struct Row {
    label: String,
    values: Vec<String>,
}

#[derive(Serialize)]
struct Breakdown {
    title: String,
    rows: Vec<Row>,
}

/// The parts of a whole, largest first; parts of none are left out.
fn breakdown(
    locale: Locale,
    title: &str,
    parts: &BTreeMap<String, usize>,
    label: impl Fn(&str) -> String,
) -> Breakdown {
    let mut parts: Vec<(&String, &usize)> = parts.iter().filter(|(_, n)| **n > 0).collect();
    parts.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let rows = parts.into_iter().map(|(key, n)| Row { label: label(key), values: vec![shown(locale, *n)] }).collect();
    Breakdown { title: locale.t(title), rows }
}

/// A line of the public table: its label's message id and how to read it from figures.
type Line = (&'static str, fn(&QuarterFigures) -> usize);

/// The figures of a quarter, in the order the page and the download give them.
const LINES: [Line; 12] = [
    ("figures-members", |f| f.members),
    ("impact-new-ties", |f| f.new_ties),
    ("impact-cross-sector-ties", |f| f.cross_sector_ties),
    ("impact-cross-country-ties", |f| f.cross_country_ties),
    ("impact-events-held", |f| f.events_held),
    ("impact-participants", |f| f.participants),
    ("impact-initiatives-forward", |f| f.initiatives_forward),
    ("impact-champions-active", |f| f.champions_active),
    ("impact-published", |f| f.resources_published),
    ("impact-downloads", |f| f.downloads),
    ("impact-asked", |f| f.questions_asked),
    ("impact-answered", |f| f.questions_answered),
];

#[derive(sqlx::FromRow)]
struct Stored {
    quarter: String,
    figures: String,
}

/// The `newest` most recent stored quarters, oldest first. A row whose JSON no longer reads
/// is left out rather than failing the page.
async fn stored(db: &Db, newest: i64) -> Result<Vec<(Quarter, QuarterFigures)>, sqlx::Error> {
    let sql = "SELECT quarter, figures FROM impact_snapshots ORDER BY quarter DESC LIMIT $1";
    let rows: Vec<Stored> = on_db!(db, pool => sqlx::query_as(sql).bind(newest).fetch_all(pool).await)?;
    let mut quarters: Vec<(Quarter, QuarterFigures)> = rows
        .into_iter()
        .filter_map(|s| Some((Quarter::parse(&s.quarter)?, serde_json::from_str(&s.figures).ok()?)))
        .collect();
    quarters.reverse();
    Ok(quarters)
}

/// The public page: 404 until an admin publishes it, except to coordinators, who preview it.
pub(super) async fn page(State(state): State<AppState>, page: Page) -> AppResult<Html<String>> {
    let published = settings(&state.db).await?;
    if !published && !page.viewer.is_coordinator() {
        return Err(AppError::NotFound);
    }
    let quarters = stored(&state.db, SHOWN_QUARTERS as i64).await?;
    let locale = page.locale;
    let rows: Vec<Row> = LINES
        .iter()
        .map(|(id, read)| Row {
            label: locale.t(id),
            values: quarters.iter().map(|(_, f)| shown(locale, read(f))).collect(),
        })
        .collect();
    let headers: Vec<String> = quarters.iter().map(|(q, _)| q.label(locale)).collect();
    let latest = quarters.last().map(|(q, f)| {
        let label_of = |prefix: &'static str| {
            move |key: &str| {
                if key == "unknown" {
                    locale.t("impact-not-given")
                } else {
                    locale.t(&format!("{prefix}-{key}"))
                }
            }
        };
        context! {
            quarter => q.label(locale),
            breakdowns => vec![
                breakdown(locale, "figures-members-by-sector", &f.members_by_sector, label_of("sector")),
                breakdown(locale, "figures-members-by-country", &f.members_by_country, label_of("country")),
                breakdown(locale, "impact-events-by-type", &f.events_by_type, label_of("event-kind")),
                breakdown(locale, "impact-initiatives-by-status", &f.initiatives_by_status, label_of("initiative-status")),
            ],
        }
    });
    page.render(&state, "impact/figures.html", context! { published, headers, rows, latest, fewer_than => FEWER_THAN })
}

/// Every stored quarter's figures as a table, oldest first: the health figures a coordinator
/// takes to a report or a donor. The figures are those of the public version (members at
/// risk and secret groups never in them), exact rather than rounded, since the file goes to
/// coordinators; the download is audited as every export is.
pub(super) async fn export(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
    ClientIp(ip): ClientIp,
    Query(q): Query<FormatQuery>,
) -> AppResult<Response> {
    let quarters = stored(&state.db, i64::MAX).await?;
    let locale = page.locale;
    let by = |f: &QuarterFigures, pick: fn(&QuarterFigures) -> &BTreeMap<String, usize>| {
        pick(f).keys().cloned().collect::<Vec<_>>()
    };
    let mut sectors: Vec<String> = quarters.iter().flat_map(|(_, f)| by(f, |f| &f.members_by_sector)).collect();
    let mut countries: Vec<String> = quarters.iter().flat_map(|(_, f)| by(f, |f| &f.members_by_country)).collect();
    for keys in [&mut sectors, &mut countries] {
        keys.sort_unstable();
        keys.dedup();
    }
    let named = |prefix: &str, key: &str| {
        let what = if key == "unknown" { locale.t("impact-not-given") } else { locale.t(&format!("{prefix}-{key}")) };
        locale.t_args("figures-members-in", &[("what", what)])
    };
    let mut headers = vec![locale.t("impact-quarter-column")];
    headers.extend(LINES.iter().map(|(id, _)| locale.t(id)));
    headers.extend(sectors.iter().map(|k| named("sector", k)));
    headers.extend(countries.iter().map(|k| named("country", k)));
    let mut sheet = Sheet::new(locale.t("figures-title"), headers);
    for (q, f) in &quarters {
        let mut row = vec![Cell::from(q.key())];
        row.extend(LINES.iter().map(|(_, read)| Cell::from(read(f))));
        row.extend(sectors.iter().map(|k| Cell::from(f.members_by_sector.get(k).copied().unwrap_or(0))));
        row.extend(countries.iter().map(|k| Cell::from(f.members_by_country.get(k).copied().unwrap_or(0))));
        sheet.push(row);
    }
    super::exported(&state.db, user.user_id, ip).await?;
    sheet.download(q.format, "network-figures")
}

#[derive(Deserialize)]
pub(super) struct PublishForm {
    #[serde(default)]
    published: String,
}

/// Publishes the figures or withdraws them (admins).
pub(super) async fn publish(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ClientIp(ip): ClientIp,
    Form(form): Form<PublishForm>,
) -> AppResult<Response> {
    let published = match form.published.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(AppError::invalid("error-form-malformed")),
    };
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let sql = "UPDATE impact_settings SET public_figures = $1, updated_by = $2, updated_at = $3 WHERE id = 1";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(published).bind(admin.user_id).bind(now)
        .execute(&mut **c).await.map(affected))?;
    let action = if published { AuditAction::FiguresPublished } else { AuditAction::FiguresWithdrawn };
    audit::record(&mut tx, Entry { actor: Some(admin.user_id), action, target: None, detail: Detail::None, ip })
        .await?;
    tx.commit().await?;
    Ok(Redirect::to("/impact?done=figures#figures").into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_are_hidden_and_the_rest_rounded_to_five() {
        let few = shown(Locale::En, 0);
        assert_eq!(few, "fewer than 5");
        assert_eq!(shown(Locale::En, 4), few);
        let cases = [(5, "5"), (7, "5"), (8, "10"), (12, "10"), (13, "15"), (162, "160"), (1003, "1005")];
        for (n, text) in cases {
            assert_eq!(shown(Locale::En, n), text, "{n}");
        }
    }
}

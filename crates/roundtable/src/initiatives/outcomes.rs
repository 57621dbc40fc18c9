//! What an initiative achieves: indicators (a unit, a baseline, a target, and dated values
//! each with its source and, for a yes-or-no indicator, its document), drawn as charts on
//! the server, and stories of change (who changed what, when, and the evidence). Read by
//! whoever sees the initiative; kept by those who keep it.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use crate::db::{affected, rows, Arg, Args, Db};
use crate::vocab::IndicatorKind;
use crate::web::svg::{LineChart, Mark, Series, Unit};
use crate::web::{markdown, AppError, AppResult, AppState, Form, Locale, Page, SignedIn};
use crate::{on_db, on_tx};

/// Indicators one initiative may have: enough for any results framework, few enough to read.
const MAX_INDICATORS: i64 = 20;
/// Values one indicator keeps: forty years of monthly figures; the page shows them all.
const MAX_VALUES: i64 = 500;
/// Stories of change one initiative keeps, for the same reason.
const MAX_STORIES: i64 = 100;
const MAX_NAME: usize = 200;
const MAX_UNIT: usize = 40;
const MAX_SOURCE: usize = 300;
const MAX_URL: usize = 500;
const MAX_STORY: usize = 5000;
/// The largest figure taken: far above any count a network reports, far below where
/// floating point stops holding whole numbers exactly.
const MAX_FIGURE: f64 = 1e12;

fn back(id: i64, done: &str) -> Response {
    Redirect::to(&format!("/initiatives/{id}?done={done}#outcomes")).into_response()
}

/// A figure from a form: digits with an optional decimal point (a comma between groups of
/// thousands is allowed), within bounds.
fn figure(text: &str) -> AppResult<f64> {
    let cleaned: String = text.trim().chars().filter(|c| *c != ',' && !c.is_whitespace()).collect();
    let ok = !cleaned.is_empty()
        && cleaned.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && c == '-'))
        && cleaned.matches('.').count() <= 1;
    let value: f64 =
        if ok { cleaned.parse().map_err(|_| AppError::invalid("error-indicator-number"))? } else { f64::NAN };
    if !value.is_finite() || value.abs() > MAX_FIGURE {
        return Err(AppError::invalid("error-indicator-number"));
    }
    Ok(value)
}

fn optional_figure(text: &str) -> AppResult<Option<f64>> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        figure(text).map(Some)
    }
}

/// A figure as a page writes it: whole numbers without decimals, others with up to two.
pub(super) fn written(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A document for a value: a page of the library (`/library/…`) or an address on the web.
fn document(text: &str) -> AppResult<Option<String>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.len() > MAX_URL {
        return Err(AppError::invalid("error-indicator-document"));
    }
    let library =
        text.strip_prefix("/library/").is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()));
    let web = url::Url::parse(text).is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some());
    if library || web {
        Ok(Some(text.to_string()))
    } else {
        Err(AppError::invalid("error-indicator-document"))
    }
}

fn required(text: &str, max: usize, empty: &'static str) -> AppResult<String> {
    let text = crate::members::bounded(text, max)?;
    if text.is_empty() {
        return Err(AppError::invalid(empty));
    }
    Ok(text)
}

/// A day that has come: today or before.
fn past_day(text: &str, state: &AppState, page: &Page, missing: &'static str) -> AppResult<NaiveDate> {
    let today = super::today(state, page);
    let day = super::day(text, today)?.ok_or(AppError::invalid(missing))?;
    if day > today {
        return Err(AppError::invalid("error-outcome-future"));
    }
    Ok(day)
}

#[derive(Deserialize)]
pub(super) struct IndicatorForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    baseline: String,
    #[serde(default)]
    target: String,
}

pub(super) async fn add_indicator(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<IndicatorForm>,
) -> AppResult<Response> {
    super::managed(&state.db, &page.viewer, id).await?;
    let name = required(&form.name, MAX_NAME, "error-indicator-name")?;
    let kind: IndicatorKind = form.kind.trim().parse()?;
    let (unit, baseline, target) = match kind {
        IndicatorKind::Number => (
            crate::members::bounded(&form.unit, MAX_UNIT)?,
            optional_figure(&form.baseline)?,
            optional_figure(&form.target)?,
        ),
        // Yes or no: the target is "yes", the baseline "no".
        IndicatorKind::YesNo => (String::new(), Some(0.0), Some(1.0)),
    };
    let mut tx = state.db.begin().await?;
    let sql = "SELECT COUNT(*) FROM initiative_indicators WHERE initiative_id = $1";
    let count: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(id).fetch_one(&mut **c).await)?;
    if count >= MAX_INDICATORS {
        return Err(AppError::invalid("error-indicator-too-many"));
    }
    // Random ids, as for milestones: a row of ids would count what hidden initiatives hold.
    let sql = "INSERT INTO initiative_indicators (id, initiative_id, name, kind, unit, baseline, target, created_at) \
               VALUES ($8, $1, $2, $3, $4, $5, $6, $7)";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(&name).bind(kind.key()).bind(&unit).bind(baseline).bind(target)
        .bind(state.clock.now_ms()).bind(crate::db::secret_id()).execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    Ok(back(id, "indicator_added"))
}

/// The kind of indicator `indicator` of initiative `id`, or 404.
async fn kind_of(db: &Db, id: i64, indicator: i64) -> AppResult<IndicatorKind> {
    let sql = "SELECT kind FROM initiative_indicators WHERE id = $1 AND initiative_id = $2";
    let kind: Option<String> =
        on_db!(db, pool => sqlx::query_scalar(sql).bind(indicator).bind(id).fetch_optional(pool).await)?;
    kind.and_then(|k| k.parse().ok()).ok_or(AppError::NotFound)
}

#[derive(Deserialize)]
pub(super) struct ValueForm {
    #[serde(default)]
    measured_on: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    document: String,
}

pub(super) async fn add_value(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path((id, indicator)): Path<(i64, i64)>,
    Form(form): Form<ValueForm>,
) -> AppResult<Response> {
    super::managed(&state.db, &page.viewer, id).await?;
    let kind = kind_of(&state.db, id, indicator).await?;
    let on = past_day(&form.measured_on, &state, &page, "error-indicator-date")?;
    let value = match kind {
        IndicatorKind::Number => figure(&form.value)?,
        IndicatorKind::YesNo => match form.value.trim() {
            "yes" => 1.0,
            "no" => 0.0,
            _ => return Err(AppError::invalid("error-indicator-yes-no")),
        },
    };
    let source = required(&form.source, MAX_SOURCE, "error-indicator-source")?;
    let document = document(&form.document)?;
    let sql = "SELECT COUNT(*) FROM initiative_indicator_values WHERE indicator_id = $1";
    let count: i64 = on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(indicator).fetch_one(pool).await)?;
    if count >= MAX_VALUES {
        return Err(AppError::invalid("error-indicator-too-many-values"));
    }
    let sql = "INSERT INTO initiative_indicator_values (id, indicator_id, measured_on, value, source, document_url, \
                 created_by, created_at) VALUES ($8, $1, $2, $3, $4, $5, $6, $7)";
    on_db!(&state.db, pool => sqlx::query(sql).bind(indicator).bind(on.format("%Y-%m-%d").to_string()).bind(value)
        .bind(&source).bind(document).bind(user.user_id).bind(state.clock.now_ms()).bind(crate::db::secret_id())
        .execute(pool).await.map(affected))?;
    Ok(back(id, "value_added"))
}

#[derive(Deserialize)]
pub(super) struct Empty {}

pub(super) async fn remove_indicator(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path((id, indicator)): Path<(i64, i64)>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    super::managed(&state.db, &page.viewer, id).await?;
    // Its values go with it (ON DELETE CASCADE).
    let sql = "DELETE FROM initiative_indicators WHERE id = $1 AND initiative_id = $2";
    let gone = on_db!(&state.db, pool => sqlx::query(sql).bind(indicator).bind(id).execute(pool).await.map(affected))?;
    if gone == 0 {
        return Err(AppError::NotFound);
    }
    Ok(back(id, "indicator_removed"))
}

pub(super) async fn remove_value(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path((id, indicator, value)): Path<(i64, i64, i64)>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    super::managed(&state.db, &page.viewer, id).await?;
    kind_of(&state.db, id, indicator).await?;
    let sql = "DELETE FROM initiative_indicator_values WHERE id = $1 AND indicator_id = $2";
    let gone =
        on_db!(&state.db, pool => sqlx::query(sql).bind(value).bind(indicator).execute(pool).await.map(affected))?;
    if gone == 0 {
        return Err(AppError::NotFound);
    }
    Ok(back(id, "value_removed"))
}

#[derive(Deserialize)]
pub(super) struct StoryForm {
    #[serde(default)]
    happened_on: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    who_changed: String,
    #[serde(default)]
    what_changed: String,
    #[serde(default)]
    evidence: String,
}

pub(super) async fn add_story(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<StoryForm>,
) -> AppResult<Response> {
    super::managed(&state.db, &page.viewer, id).await?;
    let on = past_day(&form.happened_on, &state, &page, "error-story-date")?;
    let title = required(&form.title, MAX_NAME, "error-story-title")?;
    let who = required(&form.who_changed, MAX_SOURCE, "error-story-who")?;
    let what = required(&form.what_changed, MAX_STORY, "error-story-what")?;
    let evidence = crate::members::bounded(&form.evidence, MAX_STORY)?;
    let sql = "SELECT COUNT(*) FROM initiative_stories WHERE initiative_id = $1";
    let count: i64 = on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(id).fetch_one(pool).await)?;
    if count >= MAX_STORIES {
        return Err(AppError::invalid("error-story-too-many"));
    }
    let sql = "INSERT INTO initiative_stories (id, initiative_id, happened_on, title, who_changed, what_changed, \
                 what_changed_html, evidence, evidence_html, created_by, created_at) \
               VALUES ($11, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    let mut tx = state.db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(on.format("%Y-%m-%d").to_string()).bind(&title).bind(&who)
        .bind(&what).bind(markdown::render(&what)).bind(&evidence).bind(markdown::render(&evidence))
        .bind(user.user_id).bind(state.clock.now_ms()).bind(crate::db::secret_id()).execute(&mut **c).await.map(affected))?;
    super::follow::tell(&mut tx, &state.config, id, user.user_id, super::follow::News::Story).await?;
    tx.commit().await?;
    Ok(back(id, "story_added"))
}

pub(super) async fn remove_story(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path((id, story)): Path<(i64, i64)>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    super::managed(&state.db, &page.viewer, id).await?;
    let sql = "DELETE FROM initiative_stories WHERE id = $1 AND initiative_id = $2";
    let gone = on_db!(&state.db, pool => sqlx::query(sql).bind(story).bind(id).execute(pool).await.map(affected))?;
    if gone == 0 {
        return Err(AppError::NotFound);
    }
    Ok(back(id, "story_removed"))
}

// ---- reading ------------------------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct IndicatorRow {
    id: i64,
    name: String,
    kind: String,
    unit: String,
    baseline: Option<f64>,
    target: Option<f64>,
}

#[derive(sqlx::FromRow, Clone)]
struct ValueRow {
    id: i64,
    indicator_id: i64,
    measured_on: String,
    value: f64,
    source: String,
    document_url: Option<String>,
}

#[derive(sqlx::FromRow, Serialize)]
struct Story {
    id: i64,
    happened_on: String,
    title: String,
    who_changed: String,
    what_changed_html: String,
    evidence_html: String,
}

/// Midnight UTC of a stored day, for a chart's time axis.
fn day_ms(day: &str) -> Option<i64> {
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp_millis())
}

/// The indicators of initiative `id`, each with its values, its latest value against its
/// target, and a chart; and its stories of change, latest first.
pub(super) async fn of(db: &Db, locale: Locale, id: i64) -> AppResult<(Vec<Value>, Vec<Value>)> {
    let args = Args::of(&[Arg::Int(id)]);
    let indicators: Vec<IndicatorRow> = rows(
        db,
        "SELECT id, name, kind, unit, baseline, target FROM initiative_indicators WHERE initiative_id = $1 ORDER BY id",
        &args,
    )
    .await?;
    let values: Vec<ValueRow> = rows(
        db,
        "SELECT v.id, v.indicator_id, v.measured_on, v.value, v.source, v.document_url \
         FROM initiative_indicator_values v JOIN initiative_indicators d ON d.id = v.indicator_id \
         WHERE d.initiative_id = $1 ORDER BY v.measured_on, v.id",
        &args,
    )
    .await?;
    let shown = indicators
        .into_iter()
        .map(|d| {
            let own: Vec<ValueRow> = values.iter().filter(|v| v.indicator_id == d.id).cloned().collect();
            let yes_no = d.kind == IndicatorKind::YesNo.key();
            let show = |v: f64| {
                if yes_no {
                    locale.t(if v >= 0.5 { "initiatives-yes" } else { "initiatives-no" })
                } else {
                    written(v)
                }
            };
            let latest = own.last().map(|v| show(v.value));
            // How far from the baseline to the target the latest value has come.
            let progress = match (own.last(), d.baseline, d.target) {
                (Some(v), baseline, Some(target)) if !yes_no => {
                    let from = baseline.unwrap_or(0.0);
                    (target != from).then(|| (((v.value - from) / (target - from)) * 100.0).round() as i64)
                }
                _ => None,
            };
            let chart = (!yes_no && !own.is_empty()).then(|| {
                let (baseline_label, target_label) = (locale.t("initiatives-baseline"), locale.t("initiatives-target"));
                let mut marks = Vec::new();
                if let Some(b) = d.baseline {
                    marks.push(Mark { value: b, label: &baseline_label });
                }
                if let Some(t) = d.target {
                    marks.push(Mark { value: t, label: &target_label });
                }
                let points = own.iter().filter_map(|v| Some((day_ms(&v.measured_on)?, v.value))).collect();
                let description = locale.t_args(
                    "initiatives-chart-description",
                    &[("count", own.len().to_string()), ("latest", latest.clone().unwrap_or_default())],
                );
                let chart = LineChart {
                    id: &format!("indicator-{}", d.id),
                    title: &d.name,
                    description: &description,
                    unit: Unit::Count,
                    series: vec![Series { points }],
                    marks,
                };
                Value::from_safe_string(chart.render(|t| {
                    chrono::DateTime::from_timestamp_millis(t).map(|d| d.format("%Y-%m").to_string()).unwrap_or_default()
                }))
            });
            let values: Vec<Value> = own
                .iter()
                .rev()
                .map(|v| {
                    context! {
                        id => v.id, measured_on => v.measured_on, value => show(v.value), source => v.source,
                        document => v.document_url,
                    }
                })
                .collect();
            context! {
                id => d.id, name => d.name, kind => d.kind, unit => d.unit, latest, progress, chart, values,
                baseline => d.baseline.filter(|_| !yes_no).map(written), target => d.target.filter(|_| !yes_no).map(written),
            }
        })
        .collect();
    let stories: Vec<Story> = rows(
        db,
        "SELECT id, happened_on, title, who_changed, what_changed_html, evidence_html FROM initiative_stories \
         WHERE initiative_id = $1 ORDER BY happened_on DESC, id DESC",
        &args,
    )
    .await?;
    Ok((shown, stories.iter().map(Value::from_serialize).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_read_strictly_and_written_plainly() {
        assert_eq!(figure("1,234").unwrap(), 1234.0);
        assert_eq!(figure(" 12.5 ").unwrap(), 12.5);
        assert_eq!(figure("-3").unwrap(), -3.0);
        for bad in ["", "abc", "1e5", "NaN", "inf", "1.2.3", "--1", "1-", "2e12", "9999999999999"] {
            assert!(figure(bad).is_err(), "{bad}");
        }
        assert_eq!(written(600.0), "600");
        assert_eq!(written(12.5), "12.5");
        assert_eq!(written(1.0 / 3.0), "0.33");
    }

    #[test]
    fn documents_are_library_pages_or_web_addresses() {
        assert!(document("/library/12").unwrap().is_some());
        assert!(document("https://example.org/procedure.pdf").unwrap().is_some());
        assert!(document("").unwrap().is_none());
        for bad in
            ["javascript:alert(1)", "/library/", "/library/12/../admin", "/admin", "ftp://x.org/a", "data:text/html,x"]
        {
            assert!(document(bad).is_err(), "{bad}");
        }
    }
}

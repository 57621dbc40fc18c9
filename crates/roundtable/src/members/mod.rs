//! Members: profiles with per-field visibility, the at-risk switch, photos, the directory
//! and the preview of one's own profile as others see it.

pub mod access;
pub mod export;
pub mod my_data;
pub mod photo;
pub mod query;
pub mod search;

use axum::body::Bytes;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use crate::accounts::domain::DisplayName;
use crate::audit::{self, Detail, Entry};
use crate::db::{now_ms, Db, Reader};
use crate::vocab::{ContactKind, Country, Expertise, Language, ProfileField, Sector, Visibility};
use crate::web::csrf::token_matches;
use crate::web::limits::{Cap, Logged};
use crate::web::Routes;
use crate::web::{page_number, AppError, AppResult, AppState, ClientIp, Form, Message, Page, SignedIn, Viewer};
use crate::{on_db, on_reader, on_tx};
use access::Audience;
use query::{Affiliation, Filter};

pub const TEMPLATES: &[(&str, &str)] = &[
    ("members/directory.html", include_str!("templates/directory.html")),
    ("members/profile.html", include_str!("templates/profile.html")),
    ("members/edit.html", include_str!("templates/edit.html")),
    ("members/card.html", include_str!("templates/card.html")),
    ("members/my_data.html", include_str!("templates/my_data.html")),
];

pub const PAGE_SIZE: i64 = 24;
const MAX_BIO: usize = 1000;
const MAX_REGION: usize = 100;
const MAX_TITLE: usize = 120;
const MAX_CONTACT: usize = 200;
const CONTACTS: Cap =
    Cap { count_sql: "SELECT COUNT(*) FROM contact_channels WHERE user_id = $1", max: 8, message: "error-too-many" };
const AFFILIATIONS: Cap =
    Cap { count_sql: "SELECT COUNT(*) FROM affiliations WHERE user_id = $1", max: 5, message: "error-too-many" };
/// Photos one member may upload in a day: each is decoded, which takes the server time and
/// memory whether or not it is kept, and a photo replaced leaves no row to count.
pub const PHOTOS: Logged = Logged { action: "photo", max: 20, window_ms: crate::web::limits::DAY };

pub fn routes() -> Routes {
    let mut routes = vec![
        ("/members", get(directory)),
        ("/members/{id}", get(show)),
        ("/members/{id}/photo", get(photo)),
        ("/members/export", get(export::directory)),
        ("/api/v1/members", get(api_directory)),
        ("/api/v1/members/{id}", get(api_show)),
        ("/profile", get(edit_form).post(save)),
        ("/profile/preview", get(preview)),
        (
            "/profile/photo",
            post(upload_photo).layer(axum::extract::DefaultBodyLimit::max(photo::MAX_BYTES + 64 * 1024)),
        ),
        ("/profile/photo/delete", post(delete_photo)),
        ("/profile/affiliations", post(add_affiliation)),
        ("/profile/affiliations/{org}/delete", post(remove_affiliation)),
        ("/profile/contacts", post(add_contact)),
        ("/profile/contacts/{id}/delete", post(remove_contact)),
        ("/members/{id}/endorsements", post(endorse)),
    ];
    routes.extend(my_data::routes());
    routes
}

// ---- loading a profile ------------------------------------------------------------------

#[derive(sqlx::FromRow, Clone, Debug)]
pub struct ProfileRow {
    pub id: i64,
    pub display_name: String,
    pub role: String,
    pub sector: Option<String>,
    pub sector_vis: String,
    pub orgs_vis: String,
    pub country: Option<String>,
    pub country_vis: String,
    pub region: String,
    pub region_vis: String,
    pub languages_vis: String,
    pub expertise_vis: String,
    pub bio: String,
    pub bio_vis: String,
    pub photo_vis: String,
    pub has_photo: bool,
    pub at_risk: bool,
}

#[derive(sqlx::FromRow, Serialize, Clone, Debug)]
pub struct Contact {
    pub id: i64,
    pub kind: String,
    pub value: String,
    pub visibility: String,
}

/// A profile with everything attached, before visibility is applied.
#[derive(Clone, Debug)]
pub struct Profile {
    pub row: ProfileRow,
    pub languages: Vec<String>,
    pub expertise: Vec<String>,
    pub affiliations: Vec<Affiliation>,
    pub contacts: Vec<Contact>,
}

fn vis(key: &str) -> Visibility {
    key.parse().unwrap_or(Visibility::Private)
}

impl ProfileRow {
    /// The visibility of every profile field, in the order of [`FIELD_VISIBILITIES`].
    fn visibilities(&self) -> [&String; 8] {
        [
            &self.sector_vis,
            &self.orgs_vis,
            &self.country_vis,
            &self.region_vis,
            &self.languages_vis,
            &self.expertise_vis,
            &self.bio_vis,
            &self.photo_vis,
        ]
    }
}

/// Visibility columns of `profiles`, in the order of [`ProfileRow::visibilities`].
const FIELD_VISIBILITIES: [(ProfileField, &str); 8] = [
    (ProfileField::Sector, "sector_vis"),
    (ProfileField::Organisations, "orgs_vis"),
    (ProfileField::Country, "country_vis"),
    (ProfileField::Region, "region_vis"),
    (ProfileField::Languages, "languages_vis"),
    (ProfileField::Expertise, "expertise_vis"),
    (ProfileField::Bio, "bio_vis"),
    (ProfileField::Photo, "photo_vis"),
];

impl Profile {
    /// Whether a field with content is public (the same rule as the directory's SQL).
    fn anything_public(&self) -> bool {
        let r = &self.row;
        let filled = [
            r.sector.is_some(),
            self.affiliations.iter().any(|a| a.org_public),
            r.country.is_some(),
            !r.region.is_empty(),
            !self.languages.is_empty(),
            !self.expertise.is_empty(),
            !r.bio.is_empty(),
            r.has_photo,
        ];
        r.visibilities().iter().zip(filled).any(|(v, f)| f && vis(v) == Visibility::Public)
            || self.contacts.iter().any(|c| vis(&c.visibility) == Visibility::Public)
    }

    /// The one decision on whether `audience` may see this member at all.
    pub fn visible_to(&self, audience: Audience) -> bool {
        audience.sees_member(self.row.at_risk, self.anything_public())
    }

    /// What `audience` may see of this profile; `None` when they may not see the member.
    pub fn view(&self, audience: Audience) -> Option<ProfileView> {
        if !self.visible_to(audience) {
            return None;
        }
        let r = &self.row;
        let sees = |v: &str| audience.sees(vis(v));
        Some(ProfileView {
            id: r.id,
            name: r.display_name.clone(),
            sector: r.sector.clone().filter(|_| sees(&r.sector_vis)),
            country: r.country.clone().filter(|_| sees(&r.country_vis)),
            region: Some(r.region.clone()).filter(|s| !s.is_empty() && sees(&r.region_vis)),
            languages: if sees(&r.languages_vis) { self.languages.clone() } else { Vec::new() },
            expertise: if sees(&r.expertise_vis) { self.expertise.clone() } else { Vec::new() },
            bio: Some(r.bio.clone()).filter(|s| !s.is_empty() && sees(&r.bio_vis)),
            organisations: if sees(&r.orgs_vis) {
                self.affiliations.iter().filter(|a| a.org_public || audience != Audience::Public).cloned().collect()
            } else {
                Vec::new()
            },
            contacts: self.contacts.iter().filter(|c| sees(&c.visibility)).cloned().collect(),
            photo: r.has_photo && sees(&r.photo_vis),
            at_risk: r.at_risk && matches!(audience, Audience::Owner | Audience::Coordinator),
            role: Some(r.role.clone()).filter(|_| audience != Audience::Public),
        })
    }
}

/// A profile as one audience sees it: hidden fields are simply absent.
#[derive(Serialize, Debug)]
pub struct ProfileView {
    pub id: i64,
    pub name: String,
    pub sector: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub languages: Vec<String>,
    pub expertise: Vec<String>,
    pub bio: Option<String>,
    pub organisations: Vec<Affiliation>,
    pub contacts: Vec<Contact>,
    pub photo: bool,
    pub at_risk: bool,
    pub role: Option<String>,
}

pub async fn load_profile(db: &Db, id: i64) -> Result<Option<Profile>, sqlx::Error> {
    load_profile_from(&mut Reader::Db(db), id).await
}

/// [`load_profile`] from the pool or inside a transaction.
pub async fn load_profile_from(r: &mut Reader<'_>, id: i64) -> Result<Option<Profile>, sqlx::Error> {
    let sql = "SELECT u.id, u.display_name, u.role, p.sector, p.sector_vis, p.orgs_vis, p.country, p.country_vis, \
               p.region, p.region_vis, p.languages_vis, p.expertise_vis, p.bio, p.bio_vis, p.photo_vis, \
               (p.photo IS NOT NULL) AS has_photo, p.at_risk \
               FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.id = $1 AND u.active = TRUE";
    let row: Option<ProfileRow> = on_reader!(&mut *r, e => sqlx::query_as(sql).bind(id).fetch_optional(e).await)?;
    let Some(row) = row else { return Ok(None) };
    let languages: Vec<String> = on_reader!(&mut *r, e => sqlx::query_scalar("SELECT lang FROM profile_languages WHERE user_id = $1 ORDER BY lang")
        .bind(id).fetch_all(e).await)?;
    let expertise: Vec<String> = on_reader!(&mut *r, e => sqlx::query_scalar("SELECT area FROM profile_expertise WHERE user_id = $1 ORDER BY area")
        .bind(id).fetch_all(e).await)?;
    let contacts: Vec<Contact> = on_reader!(&mut *r, e => sqlx::query_as("SELECT id, kind, value, visibility FROM contact_channels WHERE user_id = $1 ORDER BY id")
        .bind(id).fetch_all(e).await)?;
    let affiliations = query::affiliations_from(r, &[id]).await?;
    Ok(Some(Profile { row, languages, expertise, affiliations, contacts }))
}

// ---- directory --------------------------------------------------------------------------

#[derive(Deserialize, Default, Debug)]
pub struct DirectoryQuery {
    q: Option<String>,
    sector: Option<String>,
    country: Option<String>,
    expertise: Option<String>,
    language: Option<String>,
    organisation: Option<String>,
    page: Option<i64>,
}

/// Parse the filters of a listing; an unknown value is an error, not an empty filter.
pub fn parse_filter(q: &DirectoryQuery) -> AppResult<Filter> {
    fn opt<T: std::str::FromStr<Err = AppError>>(v: &Option<String>) -> AppResult<Option<T>> {
        match v.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(s) => s.parse().map(Some),
        }
    }
    let text = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_string);
    if text.as_ref().is_some_and(|t| t.chars().count() > 100) {
        return Err(AppError::Invalid(Message::new("error-too-long").arg("max", 100)));
    }
    let organisation = match q.organisation.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(s.parse::<i64>().map_err(|_| AppError::invalid("error-unknown-organisation"))?),
    };
    Ok(Filter {
        text,
        sector: opt(&q.sector)?,
        country: opt(&q.country)?,
        expertise: opt(&q.expertise)?,
        language: opt(&q.language)?,
        organisation,
        leaving: false,
    })
}

/// The vocabularies a filter or edit form offers.
fn choices() -> Value {
    context! {
        sectors => Sector::keys(),
        countries => Country::keys(),
        expertise_areas => Expertise::keys(),
        languages => Language::keys(),
        visibilities => Visibility::keys(),
        contact_kinds => ContactKind::keys(),
    }
}

/// Query string of the current filters, for pagination links.
fn filter_query(q: &DirectoryQuery) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in [
        ("q", &q.q),
        ("sector", &q.sector),
        ("country", &q.country),
        ("expertise", &q.expertise),
        ("language", &q.language),
        ("organisation", &q.organisation),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            s.append_pair(k, v);
        }
    }
    s.finish()
}

async fn directory(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<DirectoryQuery>,
) -> AppResult<Html<String>> {
    let filter = parse_filter(&q)?;
    let number = page_number(q.page);
    let audience = Audience::of_viewer(&page.viewer);
    let (cards, total) =
        query::directory(&state.db, audience, page.viewer.id(), &filter, PAGE_SIZE, (number - 1) * PAGE_SIZE).await?;
    let orgs = crate::orgs::visible_choices(&state.db, &page.viewer).await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let selected = context! {
        q => q.q.clone().unwrap_or_default(),
        sector => q.sector.clone().unwrap_or_default(),
        country => q.country.clone().unwrap_or_default(),
        expertise => q.expertise.clone().unwrap_or_default(),
        language => q.language.clone().unwrap_or_default(),
        organisation => q.organisation.clone().unwrap_or_default(),
    };
    page.render(
        &state,
        "members/directory.html",
        context! { cards, total, page => number, pages, selected, orgs, query => filter_query(&q), ..choices() },
    )
}

/// The directory as JSON, with the same filters, visibility and counts as the page.
/// The directory, as the page shows it to the caller; a token's caller (whose answers leave
/// Roundtable) never gets a member at risk.
#[utoipa::path(get, path = "/api/v1/members", tag = "members",
    params(("q" = Option<String>, Query, description = "Words of a name, title, bio or organisation"),
        ("sector" = Option<String>, Query, description = "A key of the sector vocabulary"),
        ("country" = Option<String>, Query, description = "ISO 3166-1 alpha-2"),
        ("page" = Option<i64>, Query, description = "Page number, from 1")),
    responses((status = 200, description = "`total`, `page`, `page_size` and `members`, each as the caller may see it"),
        (status = 422, body = crate::web::api::ErrorBody)),
    security(("token" = ["members:read"]), ("session" = []), ()))]
pub async fn api_directory(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<DirectoryQuery>,
) -> AppResult<axum::Json<serde_json::Value>> {
    let filter = query::Filter { leaving: viewer.leaving(), ..parse_filter(&q)? };
    let number = page_number(q.page);
    let audience = Audience::of_viewer(&viewer);
    let (cards, total) =
        query::directory(&state.db, audience, viewer.id(), &filter, PAGE_SIZE, (number - 1) * PAGE_SIZE).await?;
    Ok(axum::Json(serde_json::json!({ "total": total, "page": number, "page_size": PAGE_SIZE, "members": cards })))
}

/// One member's profile, with each field as the caller may see it.
#[utoipa::path(get, path = "/api/v1/members/{id}", tag = "members",
    params(("id" = i64, Path, description = "The member's id")),
    responses((status = 200, description = "The profile's fields the caller may see"), (status = 404, body = crate::web::api::ErrorBody)),
    security(("token" = ["members:read"]), ("session" = []), ()))]
pub async fn api_show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<axum::Json<ProfileView>> {
    let audience = Audience::of(&viewer, id);
    if !query::is_visible(&state.db, &viewer, id).await? {
        return Err(AppError::NotFound);
    }
    let profile = load_profile(&state.db, id).await?.ok_or(AppError::NotFound)?;
    profile.view(audience).map(axum::Json).ok_or(AppError::NotFound)
}

// ---- one profile ------------------------------------------------------------------------

async fn show(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> AppResult<Html<String>> {
    // Not "forbidden": a hidden member must be indistinguishable from no member, in the
    // answer and in the work done before it.
    let audience = Audience::of(&page.viewer, id);
    if !query::is_visible(&state.db, &page.viewer, id).await? {
        return Err(AppError::NotFound);
    }
    let profile = load_profile(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let view = profile.view(audience).ok_or(AppError::NotFound)?;
    let own = page.viewer.is(id);
    let endorsements = endorsement_counts(&state.db, id, page.viewer.id()).await?;
    let ties = match crate::network::ties::end(&state.db, id).await? {
        Some(end) if page.viewer.is_member() => {
            Some(crate::network::ties::ties_of(&state.db, &page.viewer, end).await?)
        }
        _ => None,
    };
    let initiatives = crate::initiatives::of_person(&state.db, &page.viewer, page.locale.tag(), id).await?;
    page.render(
        &state,
        "members/profile.html",
        context! {
            member => view, own, endorsements, ties, initiatives, preview => Value::UNDEFINED,
            kinds => crate::vocab::TieKind::keys(), next => format!("/members/{id}#ties"),
        },
    )
}

#[derive(Deserialize)]
struct PreviewQuery {
    #[serde(rename = "as")]
    audience: Option<String>,
}

async fn preview(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Query(q): Query<PreviewQuery>,
) -> AppResult<Html<String>> {
    let audience = match q.audience.as_deref() {
        Some("public") => Audience::Public,
        Some("member") | None => Audience::Member,
        Some(_) => return Err(AppError::invalid("error-preview-audience")),
    };
    let profile = load_profile(&state.db, user.user_id).await?.ok_or(AppError::NotFound)?;
    let view = profile.view(audience);
    let as_key = if audience == Audience::Public { "public" } else { "member" };
    page.render(&state, "members/profile.html", context! { member => view, own => false, preview => as_key })
}

async fn photo(State(state): State<AppState>, viewer: Viewer, Path(id): Path<i64>) -> AppResult<Response> {
    let audience = Audience::of(&viewer, id);
    if !query::is_visible(&state.db, &viewer, id).await? {
        return Err(AppError::NotFound);
    }
    let profile = load_profile(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let view = profile.view(audience).ok_or(AppError::NotFound)?;
    if !view.photo {
        return Err(AppError::NotFound);
    }
    let bytes: Option<Vec<u8>> = on_db!(&state.db, pool => sqlx::query_scalar("SELECT photo FROM profiles WHERE user_id = $1")
        .bind(id).fetch_one(pool).await)?;
    let bytes = bytes.ok_or(AppError::NotFound)?;
    Ok((
        [(CONTENT_TYPE, "image/jpeg"), (CACHE_CONTROL, "no-store")],
        [(axum::http::header::CONTENT_DISPOSITION, "inline")],
        bytes,
    )
        .into_response())
}

// ---- endorsements ----

#[derive(sqlx::FromRow, Serialize)]
struct EndorsementCount {
    area: String,
    count: i64,
    mine: bool,
}

/// How many members vouch for each area, and whether the viewer is one of them. Shown only
/// next to expertise the viewer may see; endorsers are counted, not named.
async fn endorsement_counts(db: &Db, member: i64, viewer: Option<i64>) -> Result<Vec<EndorsementCount>, sqlx::Error> {
    let sql = "SELECT area, COUNT(*) AS count, MAX(CASE WHEN endorser_id = $2 THEN 1 ELSE 0 END) = 1 AS mine \
               FROM endorsements WHERE member_id = $1 GROUP BY area ORDER BY area";
    on_db!(db, pool => sqlx::query_as(sql).bind(member).bind(viewer.unwrap_or(-1)).fetch_all(pool).await)
}

#[derive(Deserialize)]
struct EndorseForm {
    #[serde(default)]
    area: String,
    /// `add` or `remove`.
    #[serde(default)]
    action: String,
}

/// Endorsements one member may give in a day: they route questions and weigh in champion
/// scores, so they are not to be handed out by the hundred.
pub const ENDORSEMENTS: crate::web::limits::Limit = crate::web::limits::Limit {
    count_sql: "SELECT COUNT(*) FROM endorsements WHERE endorser_id = $1 AND created_at > $2",
    max: 30,
    window_ms: crate::web::limits::DAY,
};

async fn endorse(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<EndorseForm>,
) -> AppResult<Response> {
    let area: Expertise = form.area.parse()?;
    let profile = load_profile(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let viewer = Viewer(Some(user.clone()));
    let view = profile.view(Audience::of(&viewer, id)).ok_or(AppError::NotFound)?;
    if id == user.user_id {
        return Err(AppError::invalid("error-endorse-self"));
    }
    // Only expertise the member lists, and the viewer can see, can be vouched for.
    if !view.expertise.iter().any(|e| e == area.key()) {
        return Err(AppError::invalid("error-endorse-area"));
    }
    match form.action.as_str() {
        "add" => {
            let mut tx = state.db.begin().await?;
            ENDORSEMENTS.check(&mut tx, user.user_id, state.clock.now_ms()).await?;
            let sql = "INSERT INTO endorsements (endorser_id, member_id, area, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
            let done = on_tx!(&mut tx, c => sqlx::query(sql).bind(user.user_id).bind(id).bind(area.key()).bind(now_ms())
                .execute(&mut **c).await.map(crate::db::affected))?;
            tx.commit().await?;
            done
        }
        "remove" => on_db!(&state.db, pool => sqlx::query(
            "DELETE FROM endorsements WHERE endorser_id = $1 AND member_id = $2 AND area = $3")
            .bind(user.user_id).bind(id).bind(area.key()).execute(pool).await.map(crate::db::affected))?,
        _ => return Err(AppError::invalid("error-form-malformed")),
    };
    Ok(Redirect::to(&format!("/members/{id}#expertise")).into_response())
}

// ---- editing my profile -----------------------------------------------------------------

#[derive(Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

async fn edit_context(state: &AppState, user_id: i64) -> AppResult<Value> {
    let profile = load_profile(&state.db, user_id).await?.ok_or(AppError::NotFound)?;
    let r = &profile.row;
    let orgs = crate::orgs::org_choices(&state.db).await?;
    Ok(context! {
        me => context! {
            id => r.id,
            display_name => r.display_name,
            sector => r.sector.clone().unwrap_or_default(), sector_vis => r.sector_vis,
            orgs_vis => r.orgs_vis,
            country => r.country.clone().unwrap_or_default(), country_vis => r.country_vis,
            region => r.region, region_vis => r.region_vis,
            languages => profile.languages, languages_vis => r.languages_vis,
            expertise => profile.expertise, expertise_vis => r.expertise_vis,
            bio => r.bio, bio_vis => r.bio_vis,
            photo => r.has_photo, photo_vis => r.photo_vis,
            at_risk => r.at_risk,
            affiliations => profile.affiliations,
            contacts => profile.contacts,
        },
        orgs,
        ..choices()
    })
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Query(q): Query<DoneQuery>,
) -> AppResult<Html<String>> {
    let done = q
        .done
        .filter(|d| matches!(d.as_str(), "welcome" | "saved" | "photo"))
        .map(|d| page.t(&format!("notice-profile-{d}")));
    let ctx = edit_context(&state, user.user_id).await?;
    page.render(&state, "members/edit.html", context! { done, ..ctx })
}

#[derive(Deserialize)]
struct ProfileForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    sector: String,
    #[serde(default)]
    sector_vis: String,
    #[serde(default)]
    orgs_vis: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    country_vis: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    region_vis: String,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    languages_vis: String,
    #[serde(default)]
    expertise: Vec<String>,
    #[serde(default)]
    expertise_vis: String,
    #[serde(default)]
    bio: String,
    #[serde(default)]
    bio_vis: String,
    #[serde(default)]
    photo_vis: String,
    #[serde(default)]
    at_risk: Option<String>,
}

/// A profile edit, parsed: nothing reaches the database unless every field is valid.
struct ProfileChange {
    name: DisplayName,
    sector: Option<Sector>,
    country: Option<Country>,
    region: String,
    languages: Vec<Language>,
    expertise: Vec<Expertise>,
    bio: String,
    at_risk: bool,
    /// (field, its column, new visibility)
    visibilities: Vec<(ProfileField, &'static str, Visibility)>,
}

/// Trimmed text of at most `max` characters, without control characters other than line
/// breaks and tabs; Windows line ends become `\n`.
pub fn bounded(text: &str, max: usize) -> AppResult<String> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(AppError::Invalid(Message::new("error-too-long").arg("max", max)));
    }
    if text.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err(AppError::invalid("error-control-characters"));
    }
    Ok(text.replace("\r\n", "\n"))
}

fn optional<T: std::str::FromStr<Err = AppError>>(v: &str) -> AppResult<Option<T>> {
    match v.trim() {
        "" => Ok(None),
        s => s.parse().map(Some),
    }
}

fn parse_list<T: std::str::FromStr<Err = AppError> + Ord>(values: &[String]) -> AppResult<Vec<T>> {
    let mut out: Vec<T> = values.iter().filter(|v| !v.is_empty()).map(|v| v.parse()).collect::<AppResult<_>>()?;
    out.sort();
    out.dedup();
    Ok(out)
}

impl ProfileForm {
    fn parse(&self) -> AppResult<ProfileChange> {
        let given = [
            &self.sector_vis,
            &self.orgs_vis,
            &self.country_vis,
            &self.region_vis,
            &self.languages_vis,
            &self.expertise_vis,
            &self.bio_vis,
            &self.photo_vis,
        ];
        let visibilities = FIELD_VISIBILITIES
            .into_iter()
            .zip(given)
            .map(|((field, col), v)| v.parse::<Visibility>().map(|v| (field, col, v)))
            .collect::<AppResult<Vec<_>>>()?;
        Ok(ProfileChange {
            name: DisplayName::parse(&self.display_name)?,
            sector: optional(&self.sector)?,
            country: optional(&self.country)?,
            region: bounded(&self.region, MAX_REGION)?,
            languages: parse_list(&self.languages)?,
            expertise: parse_list(&self.expertise)?,
            bio: bounded(&self.bio, MAX_BIO)?,
            at_risk: self.at_risk.as_deref().is_some_and(|v| v == "on" || v == "true"),
            visibilities,
        })
    }
}

async fn save(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Form(form): Form<ProfileForm>,
) -> AppResult<Response> {
    let change = match form.parse() {
        Ok(c) => c,
        Err(AppError::Invalid(m)) => {
            let ctx = edit_context(&state, user.user_id).await?;
            let error = page.locale.t_args(m.id, &m.args);
            let html = page.render(&state, "members/edit.html", context! { error, done => Value::UNDEFINED, ..ctx })?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
        }
        Err(e) => return Err(e),
    };
    let before = load_profile(&state.db, user.user_id).await?.ok_or(AppError::NotFound)?;
    // Showing more of oneself, or stepping out of the at-risk protection, asks who one is:
    // a session left open elsewhere must not be able to expose its owner.
    let widened = change
        .visibilities
        .iter()
        .zip(before.row.visibilities())
        .any(|((_, _, new), old)| new.rank() > vis(old).rank());
    if widened || (before.row.at_risk && !change.at_risk) {
        user.require_confirmed("/profile")?;
    }
    let id = user.user_id;
    let mut tx = state.db.begin().await?;
    let sets: Vec<String> =
        change.visibilities.iter().enumerate().map(|(i, (_, col, _))| format!("{col} = ${}", i + 8)).collect();
    let sql = format!(
        "UPDATE profiles SET sector = $1, country = $2, region = $3, bio = $4, at_risk = $5, updated_at = $6, {} WHERE user_id = $7",
        sets.join(", ")
    );
    on_tx!(&mut tx, c => {
        let mut q = sqlx::query(&sql)
            .bind(change.sector.map(|s| s.key())).bind(change.country.map(|c| c.key()))
            .bind(&change.region).bind(&change.bio).bind(change.at_risk).bind(now_ms()).bind(id);
        for (_, _, v) in &change.visibilities {
            q = q.bind(v.key());
        }
        q.execute(&mut **c).await.map(crate::db::affected)
    })?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE users SET display_name = $1 WHERE id = $2")
        .bind(change.name.as_str()).bind(id).execute(&mut **c).await.map(crate::db::affected))?;
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM profile_languages WHERE user_id = $1").bind(id).execute(&mut **c).await.map(crate::db::affected))?;
    for lang in &change.languages {
        on_tx!(&mut tx, c => sqlx::query("INSERT INTO profile_languages (user_id, lang) VALUES ($1, $2)")
            .bind(id).bind(lang.key()).execute(&mut **c).await.map(crate::db::affected))?;
    }
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM profile_expertise WHERE user_id = $1").bind(id).execute(&mut **c).await.map(crate::db::affected))?;
    for area in &change.expertise {
        on_tx!(&mut tx, c => sqlx::query("INSERT INTO profile_expertise (user_id, area) VALUES ($1, $2)")
            .bind(id).bind(area.key()).execute(&mut **c).await.map(crate::db::affected))?;
    }
    // The audit log records what became more or less visible, not the values themselves.
    let r = &before.row;
    let old = r.visibilities();
    let changes: Vec<(ProfileField, Visibility, Visibility)> = change
        .visibilities
        .iter()
        .zip(old)
        .filter(|((_, _, new), old)| new.key() != old.as_str())
        .map(|((field, _, new), old)| (*field, vis(old), *new))
        .collect();
    if !changes.is_empty() {
        audit::record(
            &mut tx,
            Entry {
                actor: Some(id),
                action: crate::vocab::AuditAction::VisibilityChanged,
                target: Some(id),
                detail: Detail::Visibility { changes },
                ip,
            },
        )
        .await?;
    }
    if change.at_risk != r.at_risk {
        audit::record(
            &mut tx,
            Entry {
                actor: Some(id),
                action: crate::vocab::AuditAction::AtRiskChanged,
                target: Some(id),
                detail: Detail::AtRisk { on: change.at_risk },
                ip,
            },
        )
        .await?;
        // Pending introductions would keep her name in front of the other person.
        if change.at_risk {
            let sql = "UPDATE introductions SET closed_at = $1 WHERE (a_id = $2 OR b_id = $2) AND closed_at IS NULL";
            on_tx!(&mut tx, c => sqlx::query(sql).bind(now_ms()).bind(id).execute(&mut **c).await.map(crate::db::affected))?;
        }
    }
    search::index(&mut tx, user.user_id).await?;
    tx.commit().await?;
    Ok(Redirect::to("/profile?done=saved").into_response())
}

/// Read a multipart photo upload; the CSRF token travels as a field before the file.
async fn read_photo_upload(page: &Page, mut multipart: Multipart) -> AppResult<Bytes> {
    let mut token = String::new();
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| AppError::invalid("error-photo-too-large"))? {
        match field.name() {
            Some("csrf") => token = field.text().await.map_err(|_| AppError::invalid("error-form-malformed"))?,
            Some("photo") => {
                file = Some(field.bytes().await.map_err(|_| {
                    AppError::Invalid(Message::new("error-photo-too-large").arg("mb", photo::MAX_BYTES / (1024 * 1024)))
                })?)
            }
            _ => {}
        }
    }
    if !token_matches(&page.csrf, &token) {
        return Err(AppError::Csrf);
    }
    file.ok_or(AppError::invalid("error-photo-empty"))
}

async fn upload_photo(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    multipart: Multipart,
) -> AppResult<Response> {
    let bytes = read_photo_upload(&page, multipart).await?;
    // Counted before decoding, which is what the limit spares the server.
    let mut tx = state.db.begin().await?;
    PHOTOS.check_and_log(&mut tx, user.user_id, state.clock.now_ms()).await?;
    tx.commit().await?;
    // Decoding a large image takes much memory: two at a time per node is plenty.
    static DECODING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);
    let _permit = DECODING.acquire().await.map_err(|e| AppError::Internal(e.into()))?;
    let jpeg = tokio::task::spawn_blocking(move || photo::process(&bytes))
        .await
        .map_err(|e| AppError::Internal(e.into()))??;
    let mut tx = state.db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE profiles SET photo = $1, updated_at = $2 WHERE user_id = $3")
        .bind(jpeg).bind(now_ms()).bind(user.user_id).execute(&mut **c).await.map(crate::db::affected))?;
    search::index(&mut tx, user.user_id).await?;
    tx.commit().await?;
    Ok(Redirect::to("/profile?done=photo").into_response())
}

#[derive(Deserialize)]
struct Empty {}

async fn delete_photo(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE profiles SET photo = NULL, updated_at = $1 WHERE user_id = $2")
        .bind(now_ms()).bind(user.user_id).execute(&mut **c).await.map(crate::db::affected))?;
    search::index(&mut tx, user.user_id).await?;
    tx.commit().await?;
    Ok(Redirect::to("/profile?done=saved").into_response())
}

#[derive(Deserialize)]
struct AffiliationForm {
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    title: String,
}

async fn add_affiliation(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Form(form): Form<AffiliationForm>,
) -> AppResult<Response> {
    let org_id: i64 = form.organisation.trim().parse().map_err(|_| AppError::invalid("error-unknown-organisation"))?;
    let title = bounded(&form.title, MAX_TITLE)?;
    let exists: Option<i64> = on_db!(&state.db, pool => sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1")
        .bind(org_id).fetch_optional(pool).await)?;
    exists.ok_or(AppError::invalid("error-unknown-organisation"))?;
    let mut tx = state.db.begin().await?;
    AFFILIATIONS.check(&mut tx, user.user_id).await?;
    // Adding the same organisation again updates the title.
    on_tx!(&mut tx, c => sqlx::query("INSERT INTO affiliations (user_id, org_id, title) VALUES ($1, $2, $3) \
        ON CONFLICT (user_id, org_id) DO UPDATE SET title = excluded.title")
        .bind(user.user_id).bind(org_id).bind(&title).execute(&mut **c).await.map(crate::db::affected))?;
    search::index(&mut tx, user.user_id).await?;
    tx.commit().await?;
    Ok(Redirect::to("/profile?done=saved#organisations").into_response())
}

async fn remove_affiliation(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(org): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let done = on_tx!(&mut tx, c => sqlx::query("DELETE FROM affiliations WHERE user_id = $1 AND org_id = $2")
        .bind(user.user_id).bind(org).execute(&mut **c).await.map(crate::db::affected))?;
    if done == 0 {
        return Err(AppError::NotFound);
    }
    search::index(&mut tx, user.user_id).await?;
    tx.commit().await?;
    Ok(Redirect::to("/profile?done=saved#organisations").into_response())
}

#[derive(Deserialize)]
struct ContactForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    visibility: String,
}

async fn add_contact(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Form(form): Form<ContactForm>,
) -> AppResult<Response> {
    let kind: ContactKind = form.kind.parse()?;
    let visibility: Visibility = form.visibility.parse()?;
    // A way to reach one, shown to every member or the public, is the profile made more visible.
    if visibility.rank() > Visibility::Coordinators.rank() {
        user.require_confirmed("/profile")?;
    }
    let value = bounded(&form.value, MAX_CONTACT)?;
    if value.is_empty() {
        return Err(AppError::invalid("error-contact-required"));
    }
    if kind == ContactKind::Email {
        crate::accounts::domain::Email::parse(&value)?;
    }
    let mut tx = state.db.begin().await?;
    CONTACTS.check(&mut tx, user.user_id).await?;
    on_tx!(&mut tx, c => sqlx::query("INSERT INTO contact_channels (user_id, kind, value, visibility) VALUES ($1, $2, $3, $4)")
        .bind(user.user_id).bind(kind.key()).bind(&value).bind(visibility.key()).execute(&mut **c).await.map(crate::db::affected))?;
    audit::record(
        &mut tx,
        Entry {
            actor: Some(user.user_id),
            action: crate::vocab::AuditAction::VisibilityChanged,
            target: Some(user.user_id),
            detail: Detail::Contact { kind, visibility },
            ip,
        },
    )
    .await?;
    search::index(&mut tx, user.user_id).await?;
    tx.commit().await?;
    Ok(Redirect::to("/profile?done=saved#contacts").into_response())
}

async fn remove_contact(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let done = on_tx!(&mut tx, c => sqlx::query("DELETE FROM contact_channels WHERE id = $1 AND user_id = $2")
        .bind(id).bind(user.user_id).execute(&mut **c).await.map(crate::db::affected))?;
    if done == 0 {
        return Err(AppError::NotFound);
    }
    search::index(&mut tx, user.user_id).await?;
    tx.commit().await?;
    Ok(Redirect::to("/profile?done=saved#contacts").into_response())
}

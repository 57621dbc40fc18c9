//! Adding, editing and deleting resources: the form, its parsing into a [`Description`],
//! uploads (read with their CSRF token checked before any file is stored), versions.

use std::path::Path as FsPath;

use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::files::{self, Received, Upload};
use super::{forget_unused, remove_files};
use super::{
    in_group, search, tags_for, tags_of, visible, Resource, MAX_FIELD, MAX_LINK, MAX_SUMMARY, MAX_TITLE, RESOURCES,
    RESOURCES_PER_DAY, VERSIONS,
};
use crate::db::{affected, now_ms, Db, Tx};
use crate::vocab::{Country, Expertise, Language, Licence, ResourceAccess, ResourceKind, WebhookEvent};
use crate::web::csrf::token_matches;
use crate::web::{AppError, AppResult, AppState, Form, Message, Page, SignedIn, Viewer};
use crate::{on_db, on_tx};

#[derive(Deserialize, Default, Serialize)]
pub(super) struct ResourceForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default, rename = "type")]
    kind: String,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    published: String,
    #[serde(default)]
    licence: String,
    #[serde(default)]
    link: String,
    #[serde(default)]
    access: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    translation_of: String,
}

/// A resource's description, parsed.
pub struct Description {
    pub title: String,
    pub summary: String,
    pub kind: ResourceKind,
    pub topics: Vec<Expertise>,
    pub languages: Vec<Language>,
    pub countries: Vec<Country>,
    pub organisation: Option<i64>,
    pub published: Option<chrono::NaiveDate>,
    pub licence: Licence,
    pub link: Option<url::Url>,
    pub access: ResourceAccess,
    pub group: Option<i64>,
}

pub(super) fn text(value: &str, max: usize) -> AppResult<String> {
    let value = value.trim().replace("\r\n", "\n");
    if value.chars().count() > max {
        return Err(AppError::Invalid(Message::new("error-too-long").arg("max", max as i64)));
    }
    if value.chars().any(|c| c.is_control() && c != '\n') {
        return Err(AppError::invalid("error-control-characters"));
    }
    Ok(value)
}

/// An external address: http or https, with a host, and nothing that could run.
pub fn parse_link(value: &str) -> AppResult<url::Url> {
    let value = value.trim();
    let url = url::Url::parse(value).map_err(|_| AppError::invalid("library-error-link"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) || value.len() > MAX_LINK {
        return Err(AppError::invalid("library-error-link"));
    }
    Ok(url)
}

pub(super) fn parse_all<T: std::str::FromStr<Err = AppError> + Ord>(values: &[String]) -> AppResult<Vec<T>> {
    let mut parsed: Vec<T> = values.iter().filter(|v| !v.is_empty()).map(|v| v.parse()).collect::<AppResult<_>>()?;
    parsed.sort();
    parsed.dedup();
    Ok(parsed)
}

pub(super) fn optional_id(value: &str, error: &'static str) -> AppResult<Option<i64>> {
    match value.trim() {
        "" => Ok(None),
        v => v.parse().map(Some).map_err(|_| AppError::invalid(error)),
    }
}

impl ResourceForm {
    /// The form of a multipart request, from its text fields.
    fn from_fields(fields: &[(String, String)]) -> AppResult<ResourceForm> {
        let encoded = serde_html_form::to_string(fields).map_err(|_| AppError::invalid("error-form-malformed"))?;
        serde_html_form::from_str(&encoded).map_err(|_| AppError::invalid("error-form-malformed"))
    }

    fn parse(&self) -> AppResult<Description> {
        let title = text(&self.title, MAX_TITLE)?;
        if title.is_empty() {
            return Err(AppError::invalid("library-error-title"));
        }
        let languages: Vec<Language> = parse_all(&self.languages)?;
        if languages.is_empty() {
            return Err(AppError::invalid("library-error-language"));
        }
        let access: ResourceAccess = self.access.parse()?;
        let group = optional_id(&self.group, "library-error-group")?;
        let group = match (access, group) {
            (ResourceAccess::Group, None) => return Err(AppError::invalid("library-error-group")),
            (ResourceAccess::Group, g) => g,
            _ => None,
        };
        let published = match self.published.trim() {
            "" => None,
            d => Some(
                chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map_err(|_| AppError::invalid("library-error-date"))?,
            ),
        };
        Ok(Description {
            title,
            summary: text(&self.summary, MAX_SUMMARY)?,
            kind: self.kind.parse()?,
            topics: parse_all(&self.topics)?,
            languages,
            countries: parse_all(&self.countries)?,
            organisation: optional_id(&self.organisation, "error-unknown-organisation")?,
            published,
            licence: self.licence.parse()?,
            link: match self.link.trim() {
                "" => None,
                l => Some(parse_link(l)?),
            },
            access,
            group,
        })
    }
}

/// Checks what the description points to: the organisation exists, and the group is one
/// the author belongs to.
pub(super) async fn check_references(db: &Db, viewer: &Viewer, d: &Description) -> AppResult<()> {
    if let Some(o) = d.organisation {
        let found: Option<i64> = on_db!(db, pool => sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1 AND (public OR $2)")
            .bind(o).bind(viewer.is_member()).fetch_optional(pool).await)?;
        found.ok_or(AppError::invalid("error-unknown-organisation"))?;
    }
    if d.group.is_some() && !in_group(db, viewer, d.group).await? {
        return Err(AppError::invalid("library-error-group"));
    }
    Ok(())
}

/// Groups the viewer may file resources under: those they are an active member of.
pub(super) async fn my_groups(db: &Db, viewer: &Viewer) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let sql = "SELECT g.id, g.name FROM network_groups g JOIN group_members m ON m.group_id = g.id \
               WHERE m.user_id = $1 AND m.status = 'active' ORDER BY lower(g.name)";
    on_db!(db, pool => sqlx::query_as(sql).bind(viewer.id().unwrap_or(-1)).fetch_all(pool).await)
}

pub(super) struct FormPage<'a> {
    form: &'a ResourceForm,
    /// The resource being edited; `None` for a new one.
    id: Option<i64>,
    /// Whether the resource is a link (editing) — files change through versions.
    is_link: bool,
    /// The resource this one translates, for a new translation.
    source: Option<(i64, String)>,
}

pub(super) async fn edit_page(
    state: &AppState,
    page: &Page,
    f: FormPage<'_>,
    error: Option<String>,
) -> AppResult<Html<String>> {
    let organisations = crate::orgs::visible_choices(&state.db, &page.viewer).await?;
    let groups = my_groups(&state.db, &page.viewer).await?;
    page.render(
        state,
        "library/edit.html",
        context! {
            form => f.form, id => f.id, is_link => f.is_link, source => f.source, error, organisations, groups,
            kinds => ResourceKind::keys(), topics => Expertise::keys(), languages => Language::keys(),
            countries => Country::keys(), licences => Licence::keys(), accesses => ResourceAccess::keys(),
            limit_mb => state.config.upload_limit_mb,
        },
    )
}

/// The form again, with what was wrong (422); other errors pass through.
pub(super) async fn refused(state: &AppState, page: &Page, f: FormPage<'_>, err: AppError) -> AppResult<Response> {
    let AppError::Invalid(m) = err else { return Err(err) };
    let html = edit_page(state, page, f, Some(page.locale.t_args(m.id, &m.args))).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
}

#[derive(Deserialize, Default)]
pub(super) struct NewQuery {
    translation_of: Option<i64>,
}

/// The resource a new one translates, if the viewer may see it.
pub(super) async fn source(db: &Db, viewer: &Viewer, id: Option<i64>) -> AppResult<Option<Resource>> {
    match id {
        Some(id) => match visible(db, viewer, id).await {
            Ok((r, _)) => Ok(Some(r)),
            Err(AppError::NotFound | AppError::SignInRequired) => Err(AppError::invalid("library-error-translation")),
            Err(e) => Err(e),
        },
        None => Ok(None),
    }
}

pub(super) async fn new_form(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Query(q): Query<NewQuery>,
) -> AppResult<Html<String>> {
    let mut form = ResourceForm {
        kind: "guide".into(),
        licence: "cc-by".into(),
        access: "members".into(),
        languages: vec![page.locale.tag().into()],
        ..ResourceForm::default()
    };
    let source = source(&state.db, &page.viewer, q.translation_of).await?;
    if let Some(s) = &source {
        // A translation starts from what it translates: type, topics, countries, licence, access.
        let tags = tags_of(&state.db, &[s.id]).await?;
        form.kind = s.kind.clone();
        form.topics = tags_for(&tags, s.id, "topic").into_iter().map(String::from).collect();
        form.countries = tags_for(&tags, s.id, "country").into_iter().map(String::from).collect();
        form.organisation = s.organisation_id.map(|o| o.to_string()).unwrap_or_default();
        form.licence = s.licence.clone();
        form.access = s.access.clone();
        form.group = s.group_id.map(|g| g.to_string()).unwrap_or_default();
        form.translation_of = s.id.to_string();
        form.languages = Vec::new();
    }
    let source = source.map(|s| (s.id, s.title));
    edit_page(&state, &page, FormPage { form: &form, id: None, is_link: false, source }, None).await
}

/// The fields and the file of a multipart form. The CSRF token must come before the file:
/// nothing is written to disk for a request that has not shown it.
pub(crate) async fn read_multipart(
    page: &Page,
    mut multipart: Multipart,
    data_dir: &FsPath,
    limit: u64,
) -> AppResult<(Vec<(String, String)>, Option<Received>)> {
    let mut fields = Vec::new();
    let mut token: Option<String> = None;
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(|e| files::multipart_error(&e, limit))? {
        let name = field.name().unwrap_or("").to_string();
        if name == "file" {
            if !token.as_deref().is_some_and(|t| token_matches(&page.csrf, t)) {
                return Err(AppError::Csrf);
            }
            // A form sent without choosing a file carries an empty, nameless part.
            if field.file_name().is_none_or(str::is_empty) {
                field.bytes().await.map_err(|e| files::multipart_error(&e, limit))?;
                continue;
            }
            if file.is_some() {
                return Err(AppError::invalid("error-form-malformed"));
            }
            file = Some(files::receive(field, data_dir, limit).await?);
            continue;
        }
        let value = bounded_text(field, limit).await?;
        if name == "csrf" {
            token = Some(value);
        } else {
            fields.push((name, value));
        }
    }
    if !token.as_deref().is_some_and(|t| token_matches(&page.csrf, t)) {
        return Err(AppError::Csrf);
    }
    Ok((fields, file))
}

/// A text field, refused as soon as it grows past [`MAX_FIELD`].
pub(super) async fn bounded_text(mut field: axum::extract::multipart::Field<'_>, limit: u64) -> AppResult<String> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|e| files::multipart_error(&e, limit))? {
        if bytes.len() + chunk.len() > MAX_FIELD {
            return Err(AppError::TooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    String::from_utf8(bytes).map_err(|_| AppError::invalid("error-form-malformed"))
}

pub(crate) fn accepted(file: Option<Received>) -> AppResult<Option<Upload>> {
    match file {
        None => Ok(None),
        Some(Received::Upload(u)) => Ok(Some(u)),
        Some(Received::Refused(e)) => Err(e),
    }
}

pub(super) async fn write_tags(tx: &mut Tx, id: i64, d: &Description) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM resource_tags WHERE resource_id = $1").bind(id).execute(&mut **c).await.map(affected))?;
    let tags = d
        .topics
        .iter()
        .map(|t| ("topic", t.key()))
        .chain(d.languages.iter().map(|l| ("language", l.key())))
        .chain(d.countries.iter().map(|c| ("country", c.key())));
    for (vocab, key) in tags {
        on_tx!(tx, c => sqlx::query("INSERT INTO resource_tags (resource_id, vocab, key) VALUES ($1, $2, $3)")
            .bind(id).bind(vocab).bind(key).execute(&mut **c).await.map(affected))?;
    }
    Ok(())
}

/// Records a stored file and a version of `resource` pointing to it.
pub(super) async fn write_version(tx: &mut Tx, resource: i64, upload: &Upload, at: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO library_files (sha256, size, media_type, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING";
    on_tx!(tx, c => sqlx::query(sql).bind(&upload.sha256).bind(upload.size).bind(upload.media_type).bind(at)
        .execute(&mut **c).await.map(affected))?;
    let sql = "INSERT INTO resource_versions (resource_id, sha256, filename, size, media_type, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
    on_tx!(tx, c => sqlx::query(sql).bind(resource).bind(&upload.sha256).bind(&upload.filename).bind(upload.size)
        .bind(upload.media_type).bind(at).execute(&mut **c).await.map(affected))?;
    Ok(())
}

/// Writes a new resource (with its file, if any) in one transaction; returns its id.
pub async fn insert(
    tx: &mut Tx,
    d: &Description,
    family: Option<i64>,
    author: Option<i64>,
    at: i64,
) -> Result<i64, sqlx::Error> {
    let sql =
        "INSERT INTO resources (id, title, summary, summary_html, kind, organisation_id, published_on, licence, link, \
               access, group_id, family_id, created_by, created_at, updated_at) \
               VALUES ($14, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id";
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(&d.title).bind(&d.summary)
        .bind(crate::web::markdown::render(&d.summary)).bind(d.kind.key()).bind(d.organisation)
        .bind(d.published.map(|p| p.to_string())).bind(d.licence.key()).bind(d.link.as_ref().map(url::Url::as_str))
        .bind(d.access.key()).bind(d.group).bind(family.unwrap_or(0)).bind(author).bind(at).bind(crate::db::secret_id()).fetch_one(&mut **c).await)?;
    if family.is_none() {
        on_tx!(tx, c => sqlx::query("UPDATE resources SET family_id = id WHERE id = $1").bind(id).execute(&mut **c).await.map(affected))?;
    }
    write_tags(tx, id, d).await?;
    Ok(id)
}

/// Any member adds a resource: a file or a link, never both.
pub(super) async fn create(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    multipart: Multipart,
) -> AppResult<Response> {
    // Checked before the upload is stored: a member over the limit sends nothing to disk.
    let recent: i64 = on_db!(&state.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM resources WHERE created_by = $1 AND created_at > $2")
        .bind(user.user_id).bind(now_ms() - 86_400_000).fetch_one(pool).await)?;
    if recent >= RESOURCES_PER_DAY {
        files::drain(multipart).await;
        return Err(AppError::TooMany(Message::new("library-error-too-many")));
    }
    let data_dir = state.config.data_dir.clone();
    let (fields, file) = read_multipart(&page, multipart, &data_dir, state.config.upload_limit()).await?;
    let form = ResourceForm::from_fields(&fields)?;
    let checked = async {
        let upload = accepted(file)?;
        let d = form.parse()?;
        if d.link.is_some() == upload.is_some() {
            return Err(AppError::invalid("library-error-file-or-link"));
        }
        check_references(&state.db, &page.viewer, &d).await?;
        let source =
            source(&state.db, &page.viewer, optional_id(&form.translation_of, "library-error-translation")?).await?;
        Ok((d, upload, source))
    };
    let (d, upload, source) = match checked.await {
        Ok(v) => v,
        Err(e) => {
            let f = FormPage { form: &form, id: None, is_link: false, source: None };
            return refused(&state, &page, f, e).await;
        }
    };
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    // Again inside the transaction: parallel uploads cannot all pass the check above.
    RESOURCES.check(&mut tx, user.user_id, now).await?;
    let id = insert(&mut tx, &d, source.map(|s| s.family_id), Some(user.user_id), now).await?;
    if let Some(upload) = &upload {
        write_version(&mut tx, id, upload, now).await?;
    }
    search::index(&mut tx, id).await?;
    // A group's resource stays inside: only what every member may read goes out.
    if d.access != ResourceAccess::Group {
        let page = state.config.base_url.join(&format!("library/{id}")).map(String::from).ok();
        let resource =
            serde_json::json!({ "id": id, "title": d.title, "kind": d.kind, "access": d.access, "page": page });
        let told = crate::webhooks::Told {
            event: WebhookEvent::ResourcePublished,
            data: serde_json::json!({ "resource": resource }),
            member: None,
            wait_ms: 0,
        };
        crate::webhooks::enqueue(&mut tx, now, told).await?;
    }
    tx.commit().await?;
    if let Some(upload) = upload {
        upload.keep(&data_dir).map_err(|e| AppError::Internal(anyhow::anyhow!("storing library file: {e}")))?;
    }
    Ok(Redirect::to(&format!("/library/{id}?done=created")).into_response())
}

pub(super) async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let (r, rights) = visible(&state.db, &page.viewer, id).await?;
    if !rights.edit {
        return Err(AppError::Forbidden);
    }
    let tags = tags_of(&state.db, &[id]).await?;
    let owned = |vocab| tags_for(&tags, id, vocab).into_iter().map(String::from).collect();
    let form = ResourceForm {
        title: r.title.clone(),
        summary: r.summary.clone(),
        kind: r.kind.clone(),
        topics: owned("topic"),
        languages: owned("language"),
        countries: owned("country"),
        organisation: r.organisation_id.map(|o| o.to_string()).unwrap_or_default(),
        published: r.published_on.clone().unwrap_or_default(),
        licence: r.licence.clone(),
        link: r.link.clone().unwrap_or_default(),
        access: r.access.clone(),
        group: r.group_id.map(|g| g.to_string()).unwrap_or_default(),
        translation_of: String::new(),
    };
    edit_page(&state, &page, FormPage { form: &form, id: Some(id), is_link: r.link.is_some(), source: None }, None)
        .await
}

pub(super) async fn update(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<ResourceForm>,
) -> AppResult<Response> {
    let (r, rights) = visible(&state.db, &page.viewer, id).await?;
    if !rights.edit {
        return Err(AppError::Forbidden);
    }
    let is_link = r.link.is_some();
    let checked = async {
        let d = form.parse()?;
        // A link stays a link and a file a file; files change by new versions.
        if d.link.is_some() != is_link {
            return Err(AppError::invalid("library-error-file-or-link"));
        }
        check_references(&state.db, &page.viewer, &d).await?;
        Ok(d)
    };
    let d = match checked.await {
        Ok(d) => d,
        Err(e) => {
            return refused(&state, &page, FormPage { form: &form, id: Some(id), is_link, source: None }, e).await
        }
    };
    let mut tx = state.db.begin().await?;
    let sql = "UPDATE resources SET title = $1, summary = $2, summary_html = $3, kind = $4, organisation_id = $5, \
               published_on = $6, licence = $7, link = $8, access = $9, group_id = $10, updated_at = $11 WHERE id = $12";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(&d.title).bind(&d.summary).bind(crate::web::markdown::render(&d.summary))
        .bind(d.kind.key()).bind(d.organisation).bind(d.published.map(|p| p.to_string())).bind(d.licence.key())
        .bind(d.link.as_ref().map(url::Url::as_str)).bind(d.access.key()).bind(d.group).bind(now_ms()).bind(id)
        .execute(&mut **c).await.map(affected))?;
    write_tags(&mut tx, id, &d).await?;
    // Who finds it in search changes with its access, in the same transaction.
    search::index(&mut tx, id).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/library/{id}?done=saved")).into_response())
}

/// A new version of a file resource; the earlier ones stay listed and downloadable.
pub(super) async fn add_version(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    let (r, rights) = visible(&state.db, &page.viewer, id).await?;
    if !rights.edit {
        return Err(AppError::Forbidden);
    }
    let data_dir = state.config.data_dir.clone();
    let (_, file) = read_multipart(&page, multipart, &data_dir, state.config.upload_limit()).await?;
    if r.link.is_some() {
        return Err(AppError::invalid("library-error-version-of-link"));
    }
    let upload = accepted(file)?.ok_or(AppError::invalid("library-error-file-empty"))?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    VERSIONS.check(&mut tx, id, now).await?;
    write_version(&mut tx, id, &upload, now).await?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE resources SET updated_at = $1 WHERE id = $2").bind(now).bind(id)
        .execute(&mut **c).await.map(affected))?;
    search::index(&mut tx, id).await?;
    tx.commit().await?;
    upload.keep(&data_dir).map_err(|e| AppError::Internal(anyhow::anyhow!("storing library file: {e}")))?;
    Ok(Redirect::to(&format!("/library/{id}?done=version")).into_response())
}

#[derive(Deserialize)]
pub(super) struct Empty {}

/// Deletes a resource, its versions, and every file no other version still uses.
pub(super) async fn delete(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let (_, rights) = visible(&state.db, &page.viewer, id).await?;
    if !rights.edit {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    let shas: Vec<String> = on_tx!(&mut tx, c => sqlx::query_scalar("SELECT DISTINCT sha256 FROM resource_versions WHERE resource_id = $1")
        .bind(id).fetch_all(&mut **c).await)?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE champion_notes SET resource_id = NULL WHERE resource_id = $1").bind(id)
        .execute(&mut **c).await.map(affected))?;
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM resources WHERE id = $1").bind(id).execute(&mut **c).await.map(affected))?;
    let unused = forget_unused(&mut tx, shas).await?;
    search::index(&mut tx, id).await?;
    tx.commit().await?;
    remove_files(&state.config.data_dir, unused).await;
    Ok(Redirect::to("/library?done=deleted").into_response())
}

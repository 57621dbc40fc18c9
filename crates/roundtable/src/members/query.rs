//! Reading members from the database with the rules of [`super::access`] applied in SQL,
//! so that rows, filters and counts never include or reveal what the viewer may not see.

use serde::Serialize;

use super::access::Audience;
use crate::db::{Arg, Args, Db, Reader};
use crate::vocab::{Country, Expertise, Language, Sector, Visibility};
use crate::web::Viewer;
use crate::{bind_args, on_db, on_reader};

/// For each field: its visibility column and the condition that it holds something. A
/// member is visible to the public only through a public field that has content.
const PUBLIC_FIELDS: [(&str, &str); 8] = [
    ("p.sector_vis", "p.sector IS NOT NULL"),
    (
        "p.orgs_vis",
        "EXISTS (SELECT 1 FROM affiliations pa JOIN organisations po ON po.id = pa.org_id \
         WHERE pa.user_id = u.id AND po.public = TRUE)",
    ),
    ("p.country_vis", "p.country IS NOT NULL"),
    ("p.region_vis", "p.region <> ''"),
    ("p.languages_vis", "EXISTS (SELECT 1 FROM profile_languages pl WHERE pl.user_id = u.id)"),
    ("p.expertise_vis", "EXISTS (SELECT 1 FROM profile_expertise px WHERE px.user_id = u.id)"),
    ("p.bio_vis", "p.bio <> ''"),
    ("p.photo_vis", "p.photo IS NOT NULL"),
];

/// SQL for "the viewer may see column `col`": its visibility is one the audience sees, or
/// the viewer owns the row. Only static text goes into the SQL; the id is bound.
fn field_visible(col: &str, audience: Audience, me: &str) -> String {
    let keys: Vec<String> = audience.visible_keys().iter().map(|k| format!("'{k}'")).collect();
    if keys.is_empty() {
        return format!("u.id = {me}");
    }
    format!("({col} IN ({}) OR u.id = {me})", keys.join(", "))
}

/// SQL for "the member of `users` row `u` and `profiles` row `p` shows something of their
/// profile to the public" (the `anything_public` of [`Audience::sees_member`]). Written on
/// those two aliases, as the directory's queries name them.
pub fn anything_public_sql() -> String {
    let mut any: Vec<String> =
        PUBLIC_FIELDS.iter().map(|(vis, filled)| format!("({vis} = 'public' AND {filled})")).collect();
    any.push("EXISTS (SELECT 1 FROM contact_channels cc WHERE cc.user_id = u.id AND cc.visibility = 'public')".into());
    format!("({})", any.join(" OR "))
}

/// SQL for "the viewer may see this member at all" (see [`Audience::sees_member`]).
fn member_visible(audience: Audience, me: &str) -> String {
    match audience {
        Audience::Owner | Audience::Coordinator => "TRUE".to_string(),
        Audience::Member => format!("(p.at_risk = FALSE OR u.id = {me})"),
        Audience::Public => format!("((p.at_risk = FALSE AND {}) OR u.id = {me})", anything_public_sql()),
    }
}

/// Whether `viewer` may see member `id` at all: one query, the same for a hidden member and
/// for no member, so that neither the answer nor the work behind it tells them apart (a
/// token's request, whose answers leave Roundtable, with the rule for files in it too).
pub async fn is_visible(db: &Db, viewer: &Viewer, id: i64) -> Result<bool, sqlx::Error> {
    let leaving = if viewer.leaving() { format!(" AND {}", super::access::files_sql("p")) } else { String::new() };
    let sql = format!(
        "SELECT EXISTS (SELECT 1 FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.id = $1 AND u.active = TRUE AND {}{leaving})",
        member_visible(Audience::of(viewer, id), "$2")
    );
    on_db!(db, pool => sqlx::query_scalar(&sql).bind(id).bind(viewer.id().unwrap_or(-1)).fetch_one(pool).await)
}

/// A profile field of `p` (a `profiles` row of someone else) as `audience` may read it:
/// NULL where its visibility does not reach them, and always for a member at risk unless
/// they are coordinators. For counts and shares (a participant mix, a report) that must not
/// let anyone infer a person they may not see.
pub fn field_sql(audience: Audience, p: &str, field: &str) -> String {
    let keys: Vec<String> = audience.visible_keys().iter().map(|k| format!("'{k}'")).collect();
    let hidden = match audience {
        Audience::Owner | Audience::Coordinator => "FALSE".to_string(),
        Audience::Member | Audience::Public => format!("COALESCE({p}.at_risk, FALSE)"),
    };
    format!("CASE WHEN {p}.{field}_vis IN ({}) AND NOT {hidden} THEN {p}.{field} END", keys.join(", "))
}

/// Organisations the public may not see must not show through members' affiliations.
fn public_org(audience: Audience) -> &'static str {
    if audience == Audience::Public {
        "o.public = TRUE"
    } else {
        "TRUE"
    }
}

/// What a directory search asks for; every filter is optional.
#[derive(Default, Debug, Clone)]
pub struct Filter {
    pub text: Option<String>,
    pub sector: Option<Sector>,
    pub country: Option<Country>,
    pub expertise: Option<Expertise>,
    pub language: Option<Language>,
    pub organisation: Option<i64>,
    /// For a file that leaves Roundtable: members at risk are left out for every viewer
    /// ([`super::access::goes_in_files`]).
    pub leaving: bool,
}

/// `FROM ... WHERE ...` of the directory for this viewer and filter.
fn directory_where(audience: Audience, viewer_id: Option<i64>, filter: &Filter, args: &mut Args) -> String {
    let me = args.push(Arg::Int(viewer_id.unwrap_or(-1)));
    let mut sql = format!(
        "FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.active = TRUE AND {}",
        member_visible(audience, &me)
    );
    if filter.leaving {
        sql += &format!(" AND {}", super::access::files_sql("p"));
    }
    if let Some(sector) = filter.sector {
        let n = args.push(Arg::Text(sector.key().into()));
        sql += &format!(" AND p.sector = {n} AND {}", field_visible("p.sector_vis", audience, &me));
    }
    if let Some(country) = filter.country {
        let n = args.push(Arg::Text(country.key().into()));
        sql += &format!(" AND p.country = {n} AND {}", field_visible("p.country_vis", audience, &me));
    }
    if let Some(area) = filter.expertise {
        let n = args.push(Arg::Text(area.key().into()));
        sql += &format!(
            " AND EXISTS (SELECT 1 FROM profile_expertise x WHERE x.user_id = u.id AND x.area = {n}) AND {}",
            field_visible("p.expertise_vis", audience, &me)
        );
    }
    if let Some(lang) = filter.language {
        let n = args.push(Arg::Text(lang.key().into()));
        sql += &format!(
            " AND EXISTS (SELECT 1 FROM profile_languages l WHERE l.user_id = u.id AND l.lang = {n}) AND {}",
            field_visible("p.languages_vis", audience, &me)
        );
    }
    if let Some(org) = filter.organisation {
        let n = args.push(Arg::Int(org));
        let public_org = public_org(audience);
        sql += &format!(
            " AND EXISTS (SELECT 1 FROM affiliations a JOIN organisations o ON o.id = a.org_id \
             WHERE a.user_id = u.id AND a.org_id = {n} AND {public_org}) AND {}",
            field_visible("p.orgs_vis", audience, &me)
        );
    }
    if let Some(text) = filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let n = args.push(Arg::Text(crate::db::like_contains(text)));
        sql += &format!(
            " AND (lower(u.display_name) LIKE {n} ESCAPE '\\' \
               OR ({bio} AND lower(p.bio) LIKE {n} ESCAPE '\\') \
               OR ({orgs} AND EXISTS (SELECT 1 FROM affiliations a JOIN organisations o ON o.id = a.org_id \
                   WHERE a.user_id = u.id AND {public_org} \
                   AND (lower(o.name) LIKE {n} ESCAPE '\\' OR lower(a.title) LIKE {n} ESCAPE '\\'))))",
            public_org = public_org(audience),
            bio = field_visible("p.bio_vis", audience, &me),
            orgs = field_visible("p.orgs_vis", audience, &me),
        );
    }
    sql
}

#[derive(sqlx::FromRow, Debug)]
pub struct DirectoryRow {
    pub id: i64,
    pub display_name: String,
    pub sector: Option<String>,
    pub sector_vis: String,
    pub country: Option<String>,
    pub country_vis: String,
    pub region: String,
    pub region_vis: String,
    pub orgs_vis: String,
    pub photo_vis: String,
    pub has_photo: bool,
    pub at_risk: bool,
}

#[derive(Serialize, Debug)]
pub struct Card {
    pub id: i64,
    pub name: String,
    pub sector: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub organisations: Vec<Affiliation>,
    pub photo: bool,
    /// Shown to coordinators, and to the member themself, so they know why others do not see them.
    pub at_risk: bool,
}

#[derive(sqlx::FromRow, Serialize, Debug, Clone)]
pub struct Affiliation {
    #[serde(skip)]
    pub user_id: i64,
    #[serde(skip)]
    pub org_public: bool,
    pub org_id: i64,
    pub name: String,
    pub title: String,
}

fn vis(key: &str) -> Visibility {
    // Columns hold only keys written by this code; an unknown one hides the field.
    key.parse().unwrap_or(Visibility::Private)
}

/// One page of the directory and the number of members matching, both as this viewer may see.
pub async fn directory(
    db: &Db,
    audience: Audience,
    viewer_id: Option<i64>,
    filter: &Filter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Card>, i64), sqlx::Error> {
    let mut args = Args::default();
    let from = directory_where(audience, viewer_id, filter, &mut args);
    let count_sql = format!("SELECT COUNT(*) {from}");
    let total: i64 = on_db!(db, pool => bind_args!(sqlx::query_scalar(&count_sql), args).fetch_one(pool).await)?;

    let l = args.push(Arg::Int(limit));
    let o = args.push(Arg::Int(offset));
    let sql = format!(
        "SELECT u.id, u.display_name, p.sector, p.sector_vis, p.country, p.country_vis, p.region, p.region_vis, \
         p.orgs_vis, p.photo_vis, (p.photo IS NOT NULL) AS has_photo, p.at_risk {from} \
         ORDER BY lower(u.display_name), u.id LIMIT {l} OFFSET {o}"
    );
    let rows: Vec<DirectoryRow> = on_db!(db, pool => bind_args!(sqlx::query_as(&sql), args).fetch_all(pool).await)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let affiliations = affiliations_of(db, &ids).await?;
    let cards = rows
        .into_iter()
        .map(|r| {
            let who = if viewer_id == Some(r.id) { Audience::Owner } else { audience };
            let organisations = if who.sees(vis(&r.orgs_vis)) {
                affiliations
                    .iter()
                    .filter(|a| a.user_id == r.id && (a.org_public || who != Audience::Public))
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            };
            Card {
                id: r.id,
                name: r.display_name,
                sector: r.sector.filter(|_| who.sees(vis(&r.sector_vis))),
                country: r.country.filter(|_| who.sees(vis(&r.country_vis))),
                region: Some(r.region).filter(|s| !s.is_empty() && who.sees(vis(&r.region_vis))),
                organisations,
                photo: r.has_photo && who.sees(vis(&r.photo_vis)),
                at_risk: r.at_risk && matches!(who, Audience::Owner | Audience::Coordinator),
            }
        })
        .collect();
    Ok((cards, total))
}

/// The affiliations of these members (all of them: callers apply `orgs_vis`).
pub async fn affiliations_of(db: &Db, ids: &[i64]) -> Result<Vec<Affiliation>, sqlx::Error> {
    affiliations_from(&mut Reader::Db(db), ids).await
}

/// [`affiliations_of`] from the pool or inside a transaction.
pub async fn affiliations_from(r: &mut Reader<'_>, ids: &[i64]) -> Result<Vec<Affiliation>, sqlx::Error> {
    let mut found = Vec::new();
    // In parts: a statement takes at most 65,535 parameters on PostgreSQL (32,766 on SQLite).
    for part in ids.chunks(ID_CHUNK) {
        let mut args = Args::default();
        let list: Vec<String> = part.iter().map(|id| args.push(Arg::Int(*id))).collect();
        let sql = format!(
            "SELECT a.user_id, o.public AS org_public, o.id AS org_id, o.name, a.title FROM affiliations a JOIN organisations o ON o.id = a.org_id \
             WHERE a.user_id IN ({}) ORDER BY lower(o.name)",
            list.join(", ")
        );
        found.extend(on_reader!(r, e => bind_args!(sqlx::query_as::<_, Affiliation>(&sql), args).fetch_all(e).await)?);
    }
    if ids.len() > ID_CHUNK {
        found.sort_by_key(|a| a.name.to_lowercase());
    }
    Ok(found)
}

/// Ids one statement lists at most.
const ID_CHUNK: usize = 5_000;

/// The expertise areas (`profile_expertise.area`) or languages (`profile_languages.lang`) of
/// these members, where `audience` may see that field: (member, key) pairs.
pub async fn keys_of(
    db: &Db,
    audience: Audience,
    viewer_id: Option<i64>,
    ids: &[i64],
    field: ListField,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let (table, column, vis) = match field {
        ListField::Expertise => ("profile_expertise", "area", "p.expertise_vis"),
        ListField::Languages => ("profile_languages", "lang", "p.languages_vis"),
    };
    let mut found = Vec::new();
    for part in ids.chunks(ID_CHUNK) {
        let mut args = Args::default();
        let me = args.push(Arg::Int(viewer_id.unwrap_or(-1)));
        let list: Vec<String> = part.iter().map(|id| args.push(Arg::Int(*id))).collect();
        let sql = format!(
            "SELECT x.user_id, x.{column} FROM {table} x JOIN users u ON u.id = x.user_id \
             JOIN profiles p ON p.user_id = u.id WHERE x.user_id IN ({}) AND {} ORDER BY x.user_id, x.{column}",
            list.join(", "),
            field_visible(vis, audience, &me)
        );
        found.extend(
            on_db!(db, pool => bind_args!(sqlx::query_as::<_, (i64, String)>(&sql), args).fetch_all(pool).await)?,
        );
    }
    Ok(found)
}

/// The profile fields that hold lists.
#[derive(Clone, Copy, Debug)]
pub enum ListField {
    Expertise,
    Languages,
}

/// The members of an organisation whom this viewer may see as affiliated with it.
pub async fn members_of_org(
    db: &Db,
    audience: Audience,
    viewer_id: Option<i64>,
    org_id: i64,
) -> Result<Vec<Card>, sqlx::Error> {
    let filter = Filter { organisation: Some(org_id), ..Filter::default() };
    directory(db, audience, viewer_id, &filter, 500, 0).await.map(|(cards, _)| cards)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(crate::db::like_contains("100%_x"), "%100\\%\\_x%");
        assert_eq!(crate::db::like_contains("Tan"), "%tan%");
    }

    #[test]
    fn public_sql_requires_something_public() {
        let sql = member_visible(Audience::Public, "$1");
        assert!(sql.contains("p.at_risk = FALSE"));
        assert!(sql.contains("p.bio_vis = 'public'"));
        assert_eq!(
            field_visible("p.bio_vis", Audience::Member, "$1"),
            "(p.bio_vis IN ('members', 'public') OR u.id = $1)"
        );
    }
}

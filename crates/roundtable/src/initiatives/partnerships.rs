//! The partnership view: which organisations work on the initiatives a viewer may see, which
//! sectors and countries partner with which, and the gaps (a country whose initiatives have
//! no police partner, say). Built only from the initiatives [`super::access::visible_sql`]
//! lets the viewer see and the organisations [`crate::orgs::visible_sql`] lets them see,
//! so that no figure counts what the viewer may not know of.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::{Query, State};
use axum::response::Html;
use minijinja::context;
use serde::{Deserialize, Serialize};

use crate::db::{rows, Arg, Args};
use crate::vocab::{Country, Expertise, Sector};
use crate::web::{AppResult, AppState, Page, Who};

/// The sectors whose absence from a country's initiatives is a gap worth naming: the ones a
/// partnership against torture needs at its table.
const NEEDED: [Sector; 6] =
    [Sector::Police, Sector::Government, Sector::Nhri, Sector::CivilSociety, Sector::Legal, Sector::Health];

#[derive(Deserialize, Default)]
pub(super) struct ViewQuery {
    country: Option<String>,
    topic: Option<String>,
}

#[derive(sqlx::FromRow)]
struct PartnerRow {
    initiative_id: i64,
    org_id: i64,
    name: String,
    sector: String,
    country: String,
}

#[derive(Serialize)]
struct OrgLine {
    id: i64,
    name: String,
    sector: String,
    country: String,
    initiatives: usize,
}

#[derive(Serialize)]
struct Pair {
    a: String,
    b: String,
    initiatives: usize,
}

/// Pairs of distinct keys that share an initiative, with how many initiatives each pair
/// shares, most first.
fn pairs(by_initiative: &BTreeMap<i64, BTreeSet<String>>) -> Vec<Pair> {
    let mut count: BTreeMap<(String, String), usize> = BTreeMap::new();
    for keys in by_initiative.values() {
        let keys: Vec<&String> = keys.iter().collect();
        for (n, a) in keys.iter().enumerate() {
            for b in &keys[n + 1..] {
                *count.entry(((*a).clone(), (*b).clone())).or_default() += 1;
            }
        }
    }
    let mut out: Vec<Pair> = count.into_iter().map(|((a, b), initiatives)| Pair { a, b, initiatives }).collect();
    out.sort_by(|x, y| y.initiatives.cmp(&x.initiatives).then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b))));
    out
}

pub(super) async fn view(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<ViewQuery>,
) -> AppResult<Html<String>> {
    let some = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    let country: Option<Country> = some(&q.country).map(|s| s.parse()).transpose()?;
    let topic: Option<Expertise> = some(&q.topic).map(|s| s.parse()).transpose()?;
    let mut args = Args::default();
    let mut filter = String::new();
    if let Some(c) = country {
        let c = args.push(Arg::Text(c.key().into()));
        filter += &format!(
            " AND EXISTS (SELECT 1 FROM initiative_countries fc WHERE fc.initiative_id = i.id AND fc.country = {c})"
        );
    }
    if let Some(t) = topic {
        let t = args.push(Arg::Text(t.key().into()));
        filter += &format!(
            " AND EXISTS (SELECT 1 FROM initiative_topics ft WHERE ft.initiative_id = i.id AND ft.topic = {t})"
        );
    }
    let who = Who::literal(&page.viewer);
    let visible = super::access::visible_sql("i", &who);
    let member = if page.viewer.is_member() { "TRUE" } else { "FALSE" };
    let sql = format!(
        "SELECT i.id AS initiative_id, o.id AS org_id, o.name, o.sector, o.country FROM initiatives i \
         JOIN initiative_partners ip ON ip.initiative_id = i.id JOIN organisations o ON o.id = ip.org_id \
         WHERE {visible} AND {}{filter} ORDER BY i.id, o.id",
        crate::orgs::visible_sql("o", member)
    );
    let partners: Vec<PartnerRow> = rows(&state.db, &sql, &args).await?;
    let sql = format!(
        "SELECT c.initiative_id, c.country FROM initiative_countries c JOIN initiatives i ON i.id = c.initiative_id \
         WHERE {visible}{filter}"
    );
    let countries_of: Vec<(i64, String)> = rows(&state.db, &sql, &args).await?;
    let sql = format!("SELECT COUNT(*) FROM initiatives i WHERE {visible}{filter}");
    let total: Vec<(i64,)> = rows(&state.db, &sql, &args).await?;
    let total = total.first().map_or(0, |t| t.0);

    // Organisations by the number of initiatives they partner in.
    let mut orgs: BTreeMap<i64, OrgLine> = BTreeMap::new();
    let (mut sectors, mut org_countries): (BTreeMap<i64, BTreeSet<String>>, BTreeMap<i64, BTreeSet<String>>) =
        Default::default();
    for p in &partners {
        orgs.entry(p.org_id)
            .or_insert_with(|| OrgLine {
                id: p.org_id,
                name: p.name.clone(),
                sector: p.sector.clone(),
                country: p.country.clone(),
                initiatives: 0,
            })
            .initiatives += 1;
        sectors.entry(p.initiative_id).or_default().insert(p.sector.clone());
        org_countries.entry(p.initiative_id).or_default().insert(p.country.clone());
    }
    let mut orgs: Vec<OrgLine> = orgs.into_values().collect();
    orgs.sort_by(|a, b| {
        b.initiatives.cmp(&a.initiatives).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });

    // Gaps: for each country the initiatives work in, the needed sectors none of their
    // partners is from.
    let mut present: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut working: BTreeMap<String, usize> = BTreeMap::new();
    for (initiative, c) in &countries_of {
        if country.is_some_and(|f| f.key() != c) {
            continue;
        }
        *working.entry(c.clone()).or_default() += 1;
        let here = present.entry(c.clone()).or_default();
        if let Some(s) = sectors.get(initiative) {
            here.extend(s.iter().cloned());
        }
    }
    let gaps: Vec<_> = present
        .iter()
        .filter_map(|(c, here)| {
            let missing: Vec<&str> = NEEDED.iter().map(|s| s.key()).filter(|s| !here.contains(*s)).collect();
            (!missing.is_empty()).then(|| context! { country => c, missing, initiatives => working[c] })
        })
        .collect();

    let selected = context! {
        country => some(&q.country).unwrap_or_default(), topic => some(&q.topic).unwrap_or_default(),
    };
    page.render(
        &state,
        "initiatives/partnerships.html",
        context! {
            total, orgs, sector_pairs => pairs(&sectors), country_pairs => pairs(&org_countries), gaps, selected,
            countries => Country::keys(), topics => Expertise::keys(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_count_the_initiatives_two_keys_share() {
        let set = |keys: &[&str]| keys.iter().map(|k| k.to_string()).collect::<BTreeSet<String>>();
        let by = BTreeMap::from([
            (1, set(&["nhri", "police"])),
            (2, set(&["civil_society", "nhri", "police"])),
            (3, set(&["police"])),
        ]);
        let found: Vec<(String, String, usize)> = pairs(&by).into_iter().map(|p| (p.a, p.b, p.initiatives)).collect();
        assert_eq!(
            found,
            vec![
                ("nhri".into(), "police".into(), 2),
                ("civil_society".into(), "nhri".into(), 1),
                ("civil_society".into(), "police".into(), 1),
            ]
        );
    }
}

//! The audit log: sign-ins, failed sign-ins, invitations, role and visibility changes.
//! It keeps who acted on whom and a network prefix of the address, never an attempted
//! e-mail or password, and no more of the address than is needed to spot an attack.

use std::collections::HashMap;
use std::net::IpAddr;

use axum::extract::{Query, State};
use axum::response::Html;
use axum::routing::get;
use minijinja::context;
use serde::{Deserialize, Serialize};

use crate::db::{now_ms, Tx};
use crate::vocab::{AuditAction, ChampionStage, ContactKind, FactorPolicy, ProfileField, Role, TieKind, Visibility};
use crate::web::Routes;
use crate::web::{page_number, Admin, AppResult, AppState, Locale, Page};
use crate::{on_db, on_tx};

pub const TEMPLATES: &[(&str, &str)] = &[("audit/list.html", include_str!("templates/list.html"))];

const PAGE_SIZE: i64 = 50;

pub struct Entry {
    pub actor: Option<i64>,
    pub action: AuditAction,
    pub target: Option<i64>,
    pub detail: Detail,
    pub ip: Option<IpAddr>,
}

/// What an entry says beyond its action: words of the vocabularies and account ids, kept as
/// JSON so that the log reads in the admin's language and with the accounts' current names.
/// Never a value a member entered, only which field changed and how far it is shown.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "is", rename_all = "snake_case")]
pub enum Detail {
    None,
    /// A role given (`from` absent: an invitation, an account made from one) or changed.
    Role {
        from: Option<Role>,
        to: Role,
    },
    /// An account made with `roundtable admin create-user`.
    CommandLine {
        role: Role,
    },
    Stage {
        from: Option<ChampionStage>,
        to: ChampionStage,
    },
    Tie {
        member: i64,
        kind: TieKind,
        other: i64,
    },
    TieRemoved {
        member: i64,
        other: i64,
    },
    Visibility {
        changes: Vec<(ProfileField, Visibility, Visibility)>,
    },
    Contact {
        kind: ContactKind,
        visibility: Visibility,
    },
    AtRisk {
        on: bool,
    },
    /// Who must use a second factor, with how many days of grace.
    Policy {
        required_for: FactorPolicy,
        grace_days: i64,
    },
}

impl Detail {
    fn stored(&self) -> String {
        match self {
            Detail::None => String::new(),
            d => serde_json::to_string(d).unwrap_or_default(),
        }
    }

    /// `LIKE` patterns for the stored details that name account `id` (see [`Detail::people`]).
    fn naming(id: i64) -> [String; 2] {
        [format!("%\"member\":{id},%"), format!("%\"other\":{id}}}%")]
    }

    /// The accounts it names, for looking up their names.
    fn people(&self) -> Vec<i64> {
        match self {
            Detail::Tie { member, other, .. } | Detail::TieRemoved { member, other } => vec![*member, *other],
            _ => Vec::new(),
        }
    }

    /// In words, in `locale`, with names from `names` (an account no longer there is said so).
    fn describe(&self, locale: Locale, names: &HashMap<i64, String>) -> String {
        let label = |prefix: &str, key: &str| locale.t(&format!("{prefix}-{key}"));
        let name = |id: &i64| names.get(id).cloned().unwrap_or_else(|| locale.t("audit-account-gone"));
        let change = |from: Option<String>, to: String| match from {
            Some(from) => format!("{from} → {to}"),
            None => to,
        };
        match self {
            Detail::None => String::new(),
            Detail::Role { from, to } => {
                change(from.map(|r| label(Role::PREFIX, r.key())), label(Role::PREFIX, to.key()))
            }
            Detail::CommandLine { role } => {
                locale.t_args("audit-detail-command-line", &[("role", label(Role::PREFIX, role.key()))])
            }
            Detail::Stage { from, to } => {
                change(from.map(|s| label(ChampionStage::PREFIX, s.key())), label(ChampionStage::PREFIX, to.key()))
            }
            Detail::Tie { member, kind, other } => locale.t_args(
                "audit-detail-tie",
                &[("a", name(member)), ("b", name(other)), ("kind", label(TieKind::PREFIX, kind.key()))],
            ),
            Detail::TieRemoved { member, other } => {
                locale.t_args("audit-detail-pair", &[("a", name(member)), ("b", name(other))])
            }
            Detail::Visibility { changes } => changes
                .iter()
                .map(|(field, from, to)| {
                    format!(
                        "{}: {}",
                        label(ProfileField::PREFIX, field.key()),
                        change(Some(label(Visibility::PREFIX, from.key())), label(Visibility::PREFIX, to.key()))
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
            Detail::Contact { kind, visibility } => {
                format!("{}: {}", label(ContactKind::PREFIX, kind.key()), label(Visibility::PREFIX, visibility.key()))
            }
            Detail::Policy { required_for, grace_days } => locale.t_args(
                "audit-detail-policy",
                &[("policy", label(FactorPolicy::PREFIX, required_for.key())), ("days", grace_days.to_string())],
            ),
            Detail::AtRisk { on: true } => locale.t("audit-detail-at-risk-on"),
            Detail::AtRisk { on: false } => locale.t("audit-detail-at-risk-off"),
        }
    }
}

/// IPv4 to its /24, IPv6 to its /48.
pub fn network_prefix(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            format!("{}.{}.{}.0/24", o[0], o[1], o[2])
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}::/48", s[0], s[1], s[2])
        }
    }
}

/// [`record`] in a transaction of its own, for an action that writes nothing else (a
/// download).
pub async fn record_alone(db: &crate::db::Db, entry: Entry) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    record(&mut tx, entry).await?;
    tx.commit().await
}

pub async fn record(tx: &mut Tx, entry: Entry) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO audit_log (at, actor_id, action, target_id, detail, ip) VALUES ($1, $2, $3, $4, $5, $6)";
    let ip = entry.ip.map(network_prefix);
    on_tx!(tx, c => sqlx::query(sql).bind(now_ms()).bind(entry.actor).bind(entry.action.key())
        .bind(entry.target).bind(entry.detail.stored()).bind(ip).execute(&mut **c).await.map(crate::db::affected))?;
    Ok(())
}

#[derive(sqlx::FromRow, Serialize)]
struct Row {
    at: i64,
    actor: Option<String>,
    action: String,
    target: Option<String>,
    detail: String,
    ip: Option<String>,
}

/// The one choice of kinds that is not a single kind: everything but sign-ins, which
/// otherwise drown the rest.
const NOT_SIGNINS: &str = "not_signins";

#[derive(Deserialize, Default)]
struct ListQuery {
    page: Option<i64>,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    person: String,
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    _admin: Admin,
    Query(q): Query<ListQuery>,
) -> AppResult<Html<String>> {
    let number = page_number(q.page);
    let mut filters: Vec<String> = Vec::new();
    let mut binds: Vec<String> = Vec::new();
    let kind = q.kind.trim();
    match kind {
        "" => {}
        NOT_SIGNINS => {
            let signins = [AuditAction::Signin, AuditAction::SigninFailed, AuditAction::SigninThrottled];
            let list: Vec<String> = signins.iter().map(|a| format!("'{}'", a.key())).collect();
            filters.push(format!("a.action NOT IN ({})", list.join(", ")));
        }
        key => {
            let action: AuditAction = key.parse()?;
            binds.push(action.key().to_string());
            filters.push(format!("a.action = ${}", binds.len()));
        }
    }
    let person = q.person.trim();
    if !person.is_empty() {
        // The accounts the words name, then what they did, what was done to them, and the
        // details that name them.
        let sql =
            "SELECT id FROM users WHERE lower(display_name) LIKE $1 ESCAPE '\\' OR lower(email) LIKE $1 ESCAPE '\\' \
                   ORDER BY id LIMIT 50";
        let pattern = crate::db::like_contains(person);
        let ids: Vec<i64> = on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(&pattern).fetch_all(pool).await)?;
        let mut any = vec!["1 = 0".to_string()];
        for id in ids {
            any.push(format!("a.actor_id = {id} OR a.target_id = {id}"));
            for p in Detail::naming(id) {
                binds.push(p);
                any.push(format!("a.detail LIKE ${}", binds.len()));
            }
        }
        filters.push(format!("({})", any.join(" OR ")));
    }
    let filter = if filters.is_empty() { String::new() } else { format!("WHERE {}", filters.join(" AND ")) };
    let sql = format!(
        "SELECT a.at, actor.display_name AS actor, a.action, target.display_name AS target, a.detail, a.ip \
         FROM audit_log a LEFT JOIN users actor ON actor.id = a.actor_id \
         LEFT JOIN users target ON target.id = a.target_id {filter} \
         ORDER BY a.at DESC, a.id DESC LIMIT ${} OFFSET ${}",
        binds.len() + 1,
        binds.len() + 2
    );
    let rows: Vec<Row> = on_db!(&state.db, pool => {
        let mut query = sqlx::query_as(&sql);
        for b in &binds {
            query = query.bind(b);
        }
        query.bind(PAGE_SIZE + 1).bind((number - 1) * PAGE_SIZE).fetch_all(pool).await
    })?;
    let more = rows.len() as i64 > PAGE_SIZE;
    let rows: Vec<Row> = rows.into_iter().take(PAGE_SIZE as usize).collect();

    // Details name accounts by id; their names are looked up now, for this page only.
    let details: Vec<Option<Detail>> = rows.iter().map(|r| serde_json::from_str(&r.detail).ok()).collect();
    let mut ids: Vec<i64> = details.iter().flatten().flat_map(Detail::people).collect();
    ids.sort_unstable();
    ids.dedup();
    let names = names_of(&state, &ids).await?;
    let rows: Vec<Row> = rows
        .into_iter()
        .zip(details)
        // An entry from before details were words is shown as it was written.
        .map(|(r, d)| Row { detail: d.map_or(r.detail.clone(), |d| d.describe(page.locale, &names)), ..r })
        .collect();
    let mut query: Vec<(&str, &str)> = Vec::new();
    if !kind.is_empty() {
        query.push(("kind", kind));
    }
    if !person.is_empty() {
        query.push(("person", person));
    }
    let query = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(query).finish();
    page.render(
        &state,
        "audit/list.html",
        context! {
            rows, page => number, more, kinds => AuditAction::keys(), kind, person, not_signins => NOT_SIGNINS,
            query,
        },
    )
}

async fn names_of(state: &AppState, ids: &[i64]) -> AppResult<HashMap<i64, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    let sql = format!("SELECT id, display_name FROM users WHERE id IN ({})", list.join(", "));
    let rows: Vec<(i64, String)> = on_db!(&state.db, pool => sqlx::query_as(&sql).fetch_all(pool).await)?;
    Ok(rows.into_iter().collect())
}

pub fn routes() -> Routes {
    vec![("/admin/audit", get(list))]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_read_as_names_and_words() {
        let names = HashMap::from([(3, "Ana".to_string()), (5, "Ben".to_string())]);
        let tie = Detail::Tie { member: 3, kind: TieKind::WorkedTogether, other: 5 };
        let stored = tie.stored();
        let back: Detail = serde_json::from_str(&stored).unwrap();
        assert_eq!(back, tie);
        assert_eq!(back.describe(Locale::En, &names), "Ana and Ben: Worked together");
        let role = Detail::Role { from: Some(Role::Member), to: Role::Coordinator };
        assert_eq!(role.describe(Locale::En, &names), "Member → Coordinator");
        let gone = Detail::TieRemoved { member: 3, other: 9 };
        assert_eq!(gone.describe(Locale::En, &names), "Ana and a removed account");
        let vis = Detail::Visibility { changes: vec![(ProfileField::Bio, Visibility::Public, Visibility::Private)] };
        assert_eq!(vis.describe(Locale::En, &names), "About: Everyone (public) → Only me");
        assert_eq!(Detail::None.stored(), "");
        // The patterns that find an account named in a detail find it in every place.
        let like = |pattern: &str, text: &str| {
            let parts: Vec<&str> = pattern.trim_matches('%').split('%').collect();
            parts.len() == 1 && text.contains(parts[0])
        };
        for d in [tie, gone] {
            for id in d.people() {
                assert!(Detail::naming(id).iter().any(|p| like(p, &d.stored())), "{id} in {}", d.stored());
            }
            assert!(!Detail::naming(4).iter().any(|p| like(p, &d.stored())));
        }
    }
}

//! `roundtable demo`: a realistic network written into a fresh database.

mod chat;
pub mod data;
mod forums;
mod initiatives;
pub mod ties;

use std::path::Path;

use crate::accounts::password;
use crate::db::{now_ms, Db};
use crate::on_tx;
use crate::web::Locale;

pub struct Summary {
    pub members: usize,
    pub organisations: usize,
}

/// Write the network generated from `seed`; every account gets `password`.
pub async fn seed(db: &Db, seed: u64, demo_password: &str, data_dir: &Path) -> anyhow::Result<Summary> {
    seed_sized(db, seed, 0, demo_password, data_dir).await
}

/// As `seed`, with the network grown to at least `members` people.
pub async fn seed_sized(
    db: &Db,
    seed: u64,
    members: usize,
    demo_password: &str,
    data_dir: &Path,
) -> anyhow::Result<Summary> {
    let network = data::generate_sized(seed, members);
    let history = ties::generate(&network, seed);
    const DAY_MS: i64 = 86_400_000;
    // One hash for all: the demo's accounts share the printed password, and hashing a few
    // hundred times would only slow the start.
    let hash = password::hash(demo_password.to_string()).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let now = now_ms();
    let mut tx = db.begin().await?;

    let mut org_ids = Vec::with_capacity(network.orgs.len());
    for org in &network.orgs {
        let parent = org.parent.map(|i| org_ids[i]);
        // Public institutions are listed publicly; civil-society groups stay members-only.
        let public = !matches!(org.sector, "civil_society" | "other");
        let sql = "INSERT INTO organisations (name, sector, country, website, description, parent_id, public, created_at, updated_at) \
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id";
        let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(&org.name).bind(org.sector).bind(org.country)
            .bind(&org.website).bind(&org.description).bind(parent).bind(public).bind(now).fetch_one(&mut **c).await)?;
        org_ids.push(id);
    }

    let mut user_ids = Vec::with_capacity(network.members.len());
    for member in &network.members {
        // The accounts the README names speak English, so a first visit reads as the README does.
        let named =
            ["admin@example.org", "coordinator@example.org", "member@example.org"].contains(&member.email.as_str());
        let locale = match member.languages.first().copied().filter(|_| !named) {
            Some("th") => Locale::Th,
            Some("ms") => Locale::Ms,
            Some("fil") => Locale::Fil,
            _ => Locale::En,
        };
        let role = member.role.parse().map_err(|_| anyhow::anyhow!("demo role {}", member.role))?;
        let id = crate::accounts::create_user(&mut tx, &member.email, &hash, role, &member.display_name, locale)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        user_ids.push(id);
        let joined = now - history.joined_days_ago[user_ids.len() - 1] * DAY_MS;
        on_tx!(&mut tx, c => sqlx::query("UPDATE users SET created_at = $1 WHERE id = $2")
            .bind(joined).bind(id).execute(&mut **c).await.map(crate::db::affected))?;
        let v = &member.visibility;
        let sql = "UPDATE profiles SET sector = $1, sector_vis = $2, orgs_vis = $3, country = $4, country_vis = $5, \
                   region = $6, region_vis = $7, languages_vis = $8, expertise_vis = $9, bio = $10, bio_vis = $11, \
                   at_risk = $12 WHERE user_id = $13";
        on_tx!(&mut tx, c => sqlx::query(sql).bind(member.sector).bind(v.sector).bind(v.organisations)
            .bind(member.country).bind(v.country).bind(&member.region).bind(v.region).bind(v.languages)
            .bind(v.expertise).bind(&member.bio).bind(v.bio).bind(member.at_risk).bind(id).execute(&mut **c).await.map(crate::db::affected))?;
        for lang in &member.languages {
            on_tx!(&mut tx, c => sqlx::query("INSERT INTO profile_languages (user_id, lang) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(id).bind(*lang).execute(&mut **c).await.map(crate::db::affected))?;
        }
        for area in &member.expertise {
            on_tx!(&mut tx, c => sqlx::query("INSERT INTO profile_expertise (user_id, area) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(id).bind(*area).execute(&mut **c).await.map(crate::db::affected))?;
        }
        // Newcomers have not said where they work yet.
        let affiliations =
            if history.newcomers.contains(&(user_ids.len() - 1)) { &[][..] } else { &member.affiliations[..] };
        for a in affiliations {
            on_tx!(&mut tx, c => sqlx::query("INSERT INTO affiliations (user_id, org_id, title) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .bind(id).bind(org_ids[a.org]).bind(&a.title).execute(&mut **c).await.map(crate::db::affected))?;
        }
        for contact in &member.contacts {
            on_tx!(&mut tx, c => sqlx::query("INSERT INTO contact_channels (user_id, kind, value, visibility) VALUES ($1, $2, $3, $4)")
                .bind(id).bind(contact.kind).bind(&contact.value).bind(v.contacts).execute(&mut **c).await.map(crate::db::affected))?;
        }
    }
    // Colleagues vouch for each other's expertise, mostly within their own country.
    let mut rng = <rand_chacha::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(seed ^ 0xE5D0);
    for (i, member) in network.members.iter().enumerate() {
        for _ in 0..rand::Rng::random_range(&mut rng, 0..4) {
            let j = rand::Rng::random_range(&mut rng, 0..network.members.len());
            let other = &network.members[j];
            let same_country = other.country == member.country || rand::Rng::random_bool(&mut rng, 0.2);
            let newcomer = history.newcomers.contains(&i) || history.newcomers.contains(&j);
            if j == i || other.at_risk || other.expertise.is_empty() || !same_country || newcomer {
                continue;
            }
            let area = other.expertise[rand::Rng::random_range(&mut rng, 0..other.expertise.len())];
            let both_there = history.joined_days_ago[i].min(history.joined_days_ago[j]).max(1);
            let at = now - rand::Rng::random_range(&mut rng, 0..both_there) * DAY_MS;
            let sql = "INSERT INTO endorsements (endorser_id, member_id, area, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
            on_tx!(&mut tx, c => sqlx::query(sql).bind(user_ids[i]).bind(user_ids[j]).bind(area).bind(at)
                .execute(&mut **c).await.map(crate::db::affected))?;
        }
    }
    for t in &history.ties {
        let sql = "INSERT INTO ties (a_id, b_id, kind, strength, since, source, recorded_by, created_at) \
                   VALUES ($1, $2, $3, $4, $5, 'recorded', $6, $7)";
        let (a, b) = (user_ids[t.a], user_ids[t.b]);
        on_tx!(&mut tx, c => sqlx::query(sql).bind(a.min(b)).bind(a.max(b)).bind(t.kind).bind(t.strength).bind(&t.since)
            .bind(a).bind(now - t.recorded_days_ago * DAY_MS).execute(&mut **c).await.map(crate::db::affected))?;
    }
    let groups = seed_groups(&mut tx, &network, &history, &user_ids, now).await?;
    forums::seed(&mut tx, &groups, &user_ids, now).await?;
    let mut authors: Vec<i64> = groups.iter().flat_map(|g| g.members.iter().copied()).collect();
    authors.sort_unstable();
    authors.dedup();
    let named: Vec<(i64, &str)> = groups.iter().map(|g| (g.id, g.name)).collect();
    crate::library::demo::seed(&mut tx, data_dir, &named, &authors, &org_ids).await?;
    tx.commit().await?;
    crate::events::demo::seed(db, seed).await?;
    initiatives::seed(db, now).await?;
    chat::seed(db, now).await?;
    // Introductions first: the accepted ones become ties, which the champions' ranking reads.
    crate::network::introductions::seed_demo(db).await?;
    crate::network::champions::seed_demo(db).await?;
    crate::library::demo::link_champion_support(db).await?;
    crate::network::health::seed_demo(db).await?;
    crate::impact::figures::seed_demo(db, now).await?;
    publish_figures(db).await?;
    crate::experts::seed_demo(db).await?;
    crate::search::rebuild(db, &crate::rules::search_indexers()).await?;
    Ok(Summary { members: network.members.len(), organisations: network.orgs.len() })
}

/// Groups a network like this one keeps: a group per core country, communities of practice
/// around the main areas of expertise, a working group, and a secret group for members at
/// risk. Moderators are coordinators; members join by country, expertise or risk.
async fn seed_groups(
    tx: &mut crate::db::Tx,
    network: &data::DemoNetwork,
    history: &ties::DemoHistory,
    user_ids: &[i64],
    now: i64,
) -> anyhow::Result<Vec<forums::DemoGroup>> {
    type Rule = fn(&data::DemoMember) -> bool;
    let groups: [(&str, &str, &str, &str, bool, Rule); 7] = [
        ("Thailand country group", "Members working in Thailand: meetings, news and the national action plan against torture.", "country", "open", true, |m| m.country == "TH"),
        ("Malaysia country group", "Members working in Malaysia: SUHAKAM follow-up, custodial deaths and reform of the Criminal Procedure Code.", "country", "open", true, |m| m.country == "MY"),
        ("Philippines country group", "Members working in the Philippines: the Anti-Torture Act in practice and the NPM bill.", "country", "open", true, |m| m.country == "PH"),
        ("Investigative interviewing", "From coercive interrogation to interviewing: the Méndez Principles, training curricula and what worked in police academies.", "community_of_practice", "open", true, |m| m.expertise.contains(&"investigative_interviewing")),
        ("Detention monitoring", "Monitoring visits, checklists and follow-up of recommendations, for NHRIs, NPMs and civil society.", "community_of_practice", "closed", true, |m| m.expertise.contains(&"detention_monitoring") || m.expertise.contains(&"opcat_npm")),
        ("Istanbul Protocol working group", "Doctors, lawyers and investigators preparing the regional training on documenting torture.", "working_group", "closed", false, |m| m.expertise.contains(&"torture_documentation")),
        ("Defenders' safety circle", "For members at risk and the coordinators who support them. Invisible to everyone else.", "community_of_practice", "secret", false, |m| m.at_risk || m.role == "coordinator"),
    ];
    let coordinators: Vec<usize> =
        (0..network.members.len()).filter(|&i| network.members[i].role == "coordinator").collect();
    let mut seeded = Vec::new();
    for (n, (name, purpose, kind, access, listed, rule)) in groups.iter().enumerate() {
        let moderator = coordinators[n % coordinators.len()];
        let sql = "INSERT INTO network_groups (id, name, purpose, kind, access, listed_publicly, created_by, created_at, updated_at) \
                   VALUES ($8, $1, $2, $3, $4, $5, $6, $7, $7) RETURNING id";
        let created = now - history.joined_days_ago[moderator].min(300) * 86_400_000;
        let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(*name).bind(*purpose).bind(*kind).bind(*access)
            .bind(*listed).bind(user_ids[moderator]).bind(created).bind(crate::db::secret_id()).fetch_one(&mut **c).await)?;
        let mut members = vec![user_ids[moderator]];
        for (i, m) in network.members.iter().enumerate() {
            let newcomer = history.newcomers.contains(&i);
            if i != moderator && (!rule(m) || newcomer) {
                continue;
            }
            let role = if i == moderator { "moderator" } else { "member" };
            // A few ask to join the closed groups and wait for a moderator.
            let status = if *access == "closed" && i % 7 == 3 { "requested" } else { "active" };
            let sql = "INSERT INTO group_members (group_id, user_id, role, status, added_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
            on_tx!(tx, c => sqlx::query(sql).bind(id).bind(user_ids[i]).bind(role).bind(status)
                .bind(user_ids[moderator]).bind(created).execute(&mut **c).await.map(crate::db::affected))?;
            if status == "active" && i != moderator && !m.at_risk {
                members.push(user_ids[i]);
            }
        }
        seeded.push(forums::DemoGroup { id, name, members });
    }
    Ok(seeded)
}

/// The demo network's admins have opted in to "the network in figures".
async fn publish_figures(db: &Db) -> Result<(), sqlx::Error> {
    let sql = "UPDATE impact_settings SET public_figures = TRUE, updated_at = $1 WHERE id = 1";
    crate::on_db!(db, pool => sqlx::query(sql).bind(now_ms()).execute(pool).await.map(crate::db::affected))?;
    Ok(())
}

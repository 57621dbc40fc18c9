//! `roundtable demo`: a realistic network written into a fresh database.

pub mod data;

use crate::accounts::password;
use crate::db::{now_ms, Db};
use crate::on_tx;
use crate::web::Locale;

pub struct Summary {
    pub members: usize,
    pub organisations: usize,
}

/// Write the network generated from `seed`; every account gets `password`.
pub async fn seed(db: &Db, seed: u64, demo_password: &str) -> anyhow::Result<Summary> {
    let network = data::generate(seed);
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
        for a in &member.affiliations {
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
            if j == i || other.at_risk || other.expertise.is_empty() || !same_country {
                continue;
            }
            let area = other.expertise[rand::Rng::random_range(&mut rng, 0..other.expertise.len())];
            let sql = "INSERT INTO endorsements (endorser_id, member_id, area, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
            on_tx!(&mut tx, c => sqlx::query(sql).bind(user_ids[i]).bind(user_ids[j]).bind(area).bind(now)
                .execute(&mut **c).await.map(crate::db::affected))?;
        }
    }
    tx.commit().await?;
    crate::network::health::seed_demo(db).await?;
    Ok(Summary { members: network.members.len(), organisations: network.orgs.len() })
}

//! The demo network's events: every type of event, past and upcoming, in Thailand, Malaysia
//! and the Philippines, organised by coordinators with national institutions and civil
//! society as co-hosts. Past events have their registrations and attendance (so that
//! co-attendance ties exist); upcoming ones are filling up, one of them to a waitlist.

use chrono::TimeZone;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};

use crate::db::{affected, now_ms, Db, Tx};
use crate::on_tx;

const DAY_MS: i64 = 86_400_000;

struct DemoEvent {
    kind: &'static str,
    country: &'static str,
    title: &'static str,
    description: &'static str,
    mode: &'static str,
    venue: &'static str,
    /// Days from today (negative: past).
    days: i64,
    /// Local start hour and length in hours.
    hour: u32,
    hours: i64,
    visibility: &'static str,
    capacity: Option<i64>,
    approval: bool,
    /// How many registrations it gathers (before capacity).
    people: usize,
    sessions: &'static [(&'static str, &'static str)],
}

const EVENTS: &[DemoEvent] = &[
    DemoEvent { kind: "seminar", country: "MY", title: "Seminar: custodial deaths and the criminal-justice chain", description: "Police, prosecutors, SUHAKAM and lawyers on what happens between arrest and remand, and how deaths in custody are investigated.", mode: "in_person", venue: "Bar Council auditorium, Kuala Lumpur", days: -220, hour: 9, hours: 7, visibility: "members", capacity: Some(60), approval: false, people: 18, sessions: &[("Findings of the latest inquiries", "Dr Faridah Yusof"), ("The prosecutor's view", "")] },
    DemoEvent { kind: "roundtable_dialogue", country: "PH", title: "Roundtable dialogue: government and civil society on the NPM bill", description: "A closed-door dialogue between the Department of Justice, the Commission on Human Rights and civil-society organisations on a national preventive mechanism.", mode: "in_person", venue: "Commission on Human Rights, Quezon City", days: -150, hour: 9, hours: 5, visibility: "invitation_only", capacity: Some(20), approval: false, people: 12, sessions: &[("Where the bill stands", ""), ("What an NPM needs to be independent", "Atty. Ramon Castillo")] },
    DemoEvent { kind: "workshop", country: "TH", title: "Regional workshop: three NHRIs compare detention monitoring", description: "The national human rights institutions of Thailand, Malaysia and the Philippines compare checklists, visit reports and the follow-up of recommendations.", mode: "hybrid", venue: "Office of the National Human Rights Commission, Bangkok", days: -95, hour: 9, hours: 8, visibility: "members", capacity: Some(40), approval: true, people: 22, sessions: &[("Checklists side by side", ""), ("Following up recommendations", "Khun Siriporn Chaiyasit"), ("Joint next steps", "")] },
    DemoEvent { kind: "webinar", country: "MY", title: "Webinar: the Méndez Principles in police training", description: "How academies in the region moved from coercive interrogation to investigative interviewing.", mode: "online", venue: "", days: -60, hour: 14, hours: 2, visibility: "public", capacity: None, approval: false, people: 26, sessions: &[("From confession to information", "Insp. Lim Wei Ming")] },
    DemoEvent { kind: "training", country: "PH", title: "Training: documenting torture with the Istanbul Protocol", description: "Two days for doctors, lawyers and investigators on medical and legal documentation.", mode: "in_person", venue: "Cebu Doctors' University", days: -40, hour: 8, hours: 32, visibility: "members", capacity: Some(25), approval: true, people: 16, sessions: &[("Medical evaluation", "Dr Maria Santos"), ("Legal use of the findings", "")] },
    DemoEvent { kind: "public_forum", country: "TH", title: "Public forum for 26 June: no torture, no enforced disappearance", description: "An open forum for the International Day in Support of Victims of Torture, with survivors, lawyers and the Rights and Liberties Protection Department.", mode: "hybrid", venue: "Thammasat University, Tha Prachan", days: -155, hour: 13, hours: 4, visibility: "public", capacity: Some(200), approval: false, people: 30, sessions: &[("Survivors speak", ""), ("The 2022 Act two years on", "")] },
    DemoEvent { kind: "panel", country: "PH", title: "Panel: the Anti-Torture Act in practice", description: "Prosecutors, defence lawyers and the CHR on cases filed under Republic Act 9745.", mode: "hybrid", venue: "University of the Philippines College of Law, Diliman", days: -20, hour: 15, hours: 2, visibility: "public", capacity: None, approval: false, people: 20, sessions: &[("Cases filed and their outcome", "Atty. Liza Mercado")] },
    DemoEvent { kind: "conference", country: "MY", title: "Southeast Asia conference on preventing torture", description: "Three days for the region's practitioners: police reform, detention monitoring, rehabilitation and the law.", mode: "hybrid", venue: "Sasana Kijang, Kuala Lumpur", days: -300, hour: 9, hours: 56, visibility: "members", capacity: Some(150), approval: false, people: 34, sessions: &[("Opening", ""), ("Police reform across the region", ""), ("Detention monitoring", ""), ("Rehabilitation of survivors", "")] },
    DemoEvent { kind: "seminar", country: "TH", title: "Seminar: safeguards in the first hours of custody", description: "Access to a lawyer, to a doctor and to family: what the law says and what happens at the police station.", mode: "in_person", venue: "Lawyers Council of Thailand, Bangkok", days: 12, hour: 9, hours: 6, visibility: "public", capacity: Some(80), approval: false, people: 14, sessions: &[("The law", ""), ("At the station", "")] },
    DemoEvent { kind: "workshop", country: "PH", title: "Workshop: monitoring visits to police lock-ups", description: "Practical training for CHR regional staff and civil-society monitors.", mode: "in_person", venue: "CHR Regional Office VII, Cebu City", days: 25, hour: 9, hours: 7, visibility: "members", capacity: Some(8), approval: false, people: 11, sessions: &[("Preparing a visit", ""), ("Interviews in private", "")] },
    DemoEvent { kind: "webinar", country: "TH", title: "Webinar: body-worn cameras and interview recording", description: "What recording changes in police interviews, with lessons from three forces.", mode: "online", venue: "", days: 7, hour: 14, hours: 2, visibility: "public", capacity: None, approval: false, people: 9, sessions: &[("What the evidence shows", "")] },
    DemoEvent { kind: "roundtable_dialogue", country: "MY", title: "Roundtable dialogue: an independent police complaints commission", description: "Government, SUHAKAM, the Bar Council and civil society on the IPCC Act and what it still lacks.", mode: "in_person", venue: "SUHAKAM, Kuala Lumpur", days: 34, hour: 10, hours: 4, visibility: "invitation_only", capacity: Some(18), approval: false, people: 7, sessions: &[] },
    DemoEvent { kind: "conference", country: "PH", title: "National conference on rehabilitation of survivors", description: "Psychosocial support, medical care and reparation for survivors of torture.", mode: "hybrid", venue: "Philippine International Convention Center, Pasay", days: 60, hour: 9, hours: 32, visibility: "public", capacity: Some(300), approval: false, people: 12, sessions: &[("Opening", ""), ("Community-based rehabilitation", "")] },
    DemoEvent { kind: "public_forum", country: "MY", title: "Public forum: deaths in custody and the right to know", description: "Families, lawyers and journalists on inquests and access to information.", mode: "hybrid", venue: "Kuala Lumpur and Selangor Chinese Assembly Hall", days: 45, hour: 19, hours: 2, visibility: "public", capacity: Some(120), approval: false, people: 8, sessions: &[] },
    DemoEvent { kind: "panel", country: "TH", title: "Panel: prosecutors and the exclusion of coerced confessions", description: "How courts and prosecutors treat statements obtained under duress.", mode: "online", venue: "", days: 18, hour: 16, hours: 2, visibility: "members", capacity: None, approval: false, people: 6, sessions: &[] },
    DemoEvent { kind: "training", country: "MY", title: "Training of trainers: investigative interviewing", description: "For instructors of police academies: the PEACE model, planning and practice.", mode: "in_person", venue: "Royal Malaysia Police College, Kuala Kubu Bharu", days: 80, hour: 8, hours: 56, visibility: "members", capacity: Some(20), approval: true, people: 9, sessions: &[("The PEACE model", ""), ("Practice interviews", "")] },
];

fn zone(country: &str) -> chrono_tz::Tz {
    match country {
        "MY" => chrono_tz::Asia::Kuala_Lumpur,
        "PH" => chrono_tz::Asia::Manila,
        _ => chrono_tz::Asia::Bangkok,
    }
}

fn language(country: &str) -> &'static str {
    match country {
        "MY" => "ms",
        "PH" => "fil",
        _ => "th",
    }
}

/// `days` from today at `hour` local time in `tz`, as UTC milliseconds.
fn at(now: i64, days: i64, hour: u32, tz: chrono_tz::Tz) -> i64 {
    let date = chrono::DateTime::from_timestamp_millis(now + days * DAY_MS)
        .unwrap_or_default()
        .with_timezone(&tz)
        .date_naive();
    let naive = date.and_hms_opt(hour, 0, 0).unwrap_or_default();
    tz.from_local_datetime(&naive).single().map_or(now + days * DAY_MS, |t| t.timestamp_millis())
}

#[derive(sqlx::FromRow, Clone)]
struct Person {
    id: i64,
    name: String,
    email: String,
    locale: String,
    country: Option<String>,
    role: String,
}

/// Write the demo's events; returns how many.
pub async fn seed(db: &Db, seed: u64) -> anyhow::Result<usize> {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed ^ 0xE7E7);
    let now = now_ms();
    let sql = "SELECT u.id, u.display_name AS name, u.email, u.locale, p.country, u.role FROM users u \
               JOIN profiles p ON p.user_id = u.id WHERE u.active AND NOT COALESCE(p.at_risk, FALSE) ORDER BY u.email";
    let people: Vec<Person> = crate::on_db!(db, pool => sqlx::query_as(sql).fetch_all(pool).await)?;
    let orgs: Vec<(i64, String, String)> = crate::on_db!(db, pool => sqlx::query_as("SELECT id, country, sector FROM organisations ORDER BY id").fetch_all(pool).await)?;
    let coordinators: Vec<&Person> = people.iter().filter(|p| p.role == "coordinator").collect();
    let named_member = people.iter().find(|p| p.email == "member@example.org");
    let mut tx = db.begin().await?;
    for (n, e) in EVENTS.iter().enumerate() {
        let tz = zone(e.country);
        let starts = at(now, e.days, e.hour, tz);
        // Multi-day events run from the start hour on the first day to the same length of
        // working day on the last.
        let ends =
            if e.hours > 12 { starts + (e.hours / 24) * DAY_MS + 8 * 3_600_000 } else { starts + e.hours * 3_600_000 };
        let organiser = coordinators[n % coordinators.len()];
        let link = if e.mode == "in_person" {
            String::new()
        } else {
            format!("https://meet.example.org/roundtable-{}", n + 1)
        };
        let interpretation = if n % 3 == 0 {
            format!("{}–English simultaneous", crate::web::Locale::En.t(&format!("lang-{}", language(e.country))))
        } else {
            String::new()
        };
        let sql = "INSERT INTO events (id, kind, title, description, mode, venue, address, online_url, country, time_zone, starts_at, ends_at, \
                   interpretation, visibility, capacity, requires_approval, cancelled, created_by, created_at, updated_at) \
                   VALUES ($18, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, FALSE, $16, $17, $17) RETURNING id";
        let created = starts.min(now) - 30 * DAY_MS;
        let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(e.kind).bind(e.title).bind(e.description).bind(e.mode)
            .bind(e.venue).bind("").bind(&link).bind(e.country).bind(tz.name()).bind(starts).bind(ends)
            .bind(&interpretation).bind(e.visibility).bind(e.capacity).bind(e.approval).bind(organiser.id).bind(created)
            .bind(crate::db::secret_id()).fetch_one(&mut **c).await)?;
        exec(&mut tx, "INSERT INTO event_organisers (event_id, user_id) VALUES ($1, $2)", id, organiser.id).await?;
        for lang in ["en", language(e.country)] {
            on_tx!(&mut tx, c => sqlx::query("INSERT INTO event_languages (event_id, lang) VALUES ($1, $2)")
                .bind(id).bind(lang).execute(&mut **c).await.map(affected))?;
        }
        // Co-hosts: a national human rights institution with a civil-society organisation.
        for sector in ["nhri", "civil_society"] {
            if let Some(org) =
                orgs.iter().filter(|o| o.1 == e.country && o.2 == sector).collect::<Vec<_>>().choose(&mut rng)
            {
                exec(&mut tx, "INSERT INTO event_hosts (event_id, org_id) VALUES ($1, $2)", id, org.0).await?;
            }
        }
        // The agenda: sessions one after another, each with a guest or a member speaking.
        let length = ((ends - starts) / e.sessions.len().max(1) as i64).min(3 * 3_600_000);
        for (i, (title, guest)) in e.sessions.iter().enumerate() {
            let s = starts + i as i64 * length;
            let session: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(
                "INSERT INTO event_sessions (event_id, title, starts_at, ends_at) VALUES ($1, $2, $3, $4) RETURNING id")
                .bind(id).bind(*title).bind(s).bind(s + length).fetch_one(&mut **c).await)?;
            if guest.is_empty() {
                let speaker = people.iter().filter(|p| p.country.as_deref() == Some(e.country)).collect::<Vec<_>>();
                if let Some(p) = speaker.choose(&mut rng) {
                    exec(&mut tx, "INSERT INTO event_speakers (session_id, user_id) VALUES ($1, $2)", session, p.id)
                        .await?;
                }
            } else {
                on_tx!(&mut tx, c => sqlx::query("INSERT INTO event_speakers (session_id, guest_name) VALUES ($1, $2)")
                    .bind(session).bind(*guest).execute(&mut **c).await.map(affected))?;
            }
        }
        // Registrations: mostly people of the country, some from the other two.
        let mut pool: Vec<&Person> = people
            .iter()
            .filter(|p| p.id != organiser.id)
            .filter(|p| p.country.as_deref() == Some(e.country) || rng.random_bool(0.15))
            .collect();
        pool.shuffle(&mut rng);
        let mut chosen: Vec<&Person> = pool.into_iter().take(e.people).collect();
        // The README's member is registered for one upcoming public event.
        if let Some(m) = named_member.filter(|_| n == 8) {
            if !chosen.iter().any(|p| p.id == m.id) {
                chosen.push(m);
            }
        }
        let past = e.days < 0;
        for (i, p) in chosen.iter().enumerate() {
            let status = match e.capacity {
                Some(c) if i as i64 >= c => "waitlisted",
                _ if e.approval && !past && i % 4 == 3 => "pending",
                _ => "registered",
            };
            let at_time = created + (i as i64 + 1) * 3_600_000;
            let attended = (past && status == "registered" && rng.random_bool(0.85)).then_some(starts + 600_000);
            let sql = "INSERT INTO event_registrations (event_id, user_id, name, email, email_key, locale, status, queued_at, attended_at, created_at, updated_at) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $8)";
            on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(p.id).bind(&p.name).bind(&p.email).bind(p.email.to_lowercase())
                .bind(&p.locale).bind(status).bind(at_time).bind(attended).execute(&mut **c).await.map(affected))?;
            if e.visibility == "invitation_only" {
                let sql =
                    "INSERT INTO event_invitations (event_id, user_id, invited_by, created_at) VALUES ($1, $2, $3, $4)";
                on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(p.id).bind(organiser.id).bind(created)
                    .execute(&mut **c).await.map(affected))?;
            }
        }
        // Public events also draw visitors from outside the network.
        if e.visibility == "public" {
            for v in 0..3 {
                let email = format!("visitor{}.{}@example.net", n + 1, v + 1);
                let sql = "INSERT INTO event_registrations (event_id, name, email, email_key, organisation, sector, country, locale, status, queued_at, attended_at, created_at, updated_at) \
                           VALUES ($1, $2, $3, $3, $4, $5, $6, 'en', 'registered', $7, $8, $7, $7)";
                let name = ["Napat Visitor", "Aisyah Visitor", "Joy Visitor"][v];
                let (org, sector) = [
                    ("Law student", "academia"),
                    ("Community radio", "media"),
                    ("Parish social action centre", "civil_society"),
                ][v];
                on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(name).bind(&email).bind(org).bind(sector).bind(e.country)
                    .bind(created + 86_400_000).bind(past.then_some(starts + 900_000)).execute(&mut **c).await.map(affected))?;
            }
        }
    }
    follow_up(&mut tx, now, &mut rng).await?;
    let series = monthly_webinars(&mut tx, &people, coordinators[0].id, now, &mut rng).await?;
    let campaign = june_26(&mut tx, coordinators[coordinators.len() - 1].id, now).await?;
    tx.commit().await?;
    Ok(EVENTS.len() + series + campaign)
}

/// Past events' follow-up: most of those who came rated them, some with a comment; each has
/// an action point for its organiser and its slides linked.
async fn follow_up(tx: &mut Tx, now: i64, rng: &mut impl Rng) -> anyhow::Result<()> {
    const COMMENTS: &[&str] = &[
        "Meeting the prosecutors in person made the difference.",
        "More time for the case studies, please.",
        "The interpretation was excellent.",
        "We will use the checklist in our next visits.",
        "",
        "",
    ];
    let sql = "SELECT r.id, r.event_id, r.attended_at FROM event_registrations r JOIN events e ON e.id = r.event_id \
               WHERE r.attended_at IS NOT NULL AND e.ends_at < $1 ORDER BY r.id";
    let came: Vec<(i64, i64, i64)> = on_tx!(tx, c => sqlx::query_as(sql).bind(now).fetch_all(&mut **c).await)?;
    for (registration, event, at) in came {
        if !rng.random_bool(0.7) {
            continue;
        }
        let rating: i64 = *[5, 5, 4, 4, 4, 3, 2].choose(rng).unwrap_or(&4);
        let comment = *COMMENTS.choose(rng).unwrap_or(&"");
        on_tx!(tx, c => sqlx::query("INSERT INTO event_feedback (registration_id, event_id, rating, comment, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(registration).bind(event).bind(rating).bind(comment).bind(at + DAY_MS).execute(&mut **c).await.map(affected))?;
    }
    let past: Vec<(i64, i64, i64)> = on_tx!(tx, c => sqlx::query_as(
        "SELECT e.id, e.ends_at, o.user_id FROM events e JOIN event_organisers o ON o.event_id = e.id WHERE e.ends_at < $1 ORDER BY e.starts_at, e.title, o.user_id")
        .bind(now).fetch_all(&mut **c).await)?;
    for (n, (event, ended, organiser)) in past.into_iter().enumerate() {
        let due = super::time::local_date(ended + 30 * DAY_MS, chrono_tz::Asia::Bangkok).format("%Y-%m-%d").to_string();
        on_tx!(tx, c => sqlx::query("INSERT INTO event_actions (event_id, title, owner_id, due_on, done, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(event).bind("Send the participants the summary and the agreed next steps").bind(organiser).bind(&due)
            .bind(n % 2 == 0).bind(ended + DAY_MS).execute(&mut **c).await.map(affected))?;
        on_tx!(tx, c => sqlx::query("INSERT INTO event_materials (event_id, title, url, created_at) VALUES ($1, $2, $3, $4)")
            .bind(event).bind("Slides and notes").bind(format!("https://files.example.org/events/{event}/slides.pdf"))
            .bind(ended + DAY_MS).execute(&mut **c).await.map(affected))?;
    }
    Ok(())
}

/// The next 26 June's campaign: public events in the three countries on the day.
async fn june_26(tx: &mut Tx, organiser: i64, now: i64) -> anyhow::Result<usize> {
    use chrono::Datelike;
    let today = super::time::local_date(now, chrono_tz::Asia::Bangkok);
    let year = if (today.month(), today.day()) <= (6, 26) { today.year() } else { today.year() + 1 };
    let events = [
        (
            "TH",
            "public_forum",
            "26 June in Bangkok: survivors and the 2022 Act",
            "in_person",
            "Bangkok Art and Culture Centre",
            14,
            3,
        ),
        (
            "MY",
            "panel",
            "26 June in Kuala Lumpur: the right to rehabilitation",
            "hybrid",
            "Bar Council auditorium, Kuala Lumpur",
            10,
            2,
        ),
        (
            "PH",
            "public_forum",
            "26 June in Quezon City: a forum and candle-lighting for survivors",
            "in_person",
            "Commission on Human Rights, Quezon City",
            17,
            3,
        ),
    ];
    for (country, kind, title, mode, venue, hour, hours) in events {
        let tz = zone(country);
        let starts = super::time::parse_local(&format!("{year}-06-26T{hour:02}:00"), tz)
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let link = if mode == "in_person" { String::new() } else { "https://meet.example.org/26-june".to_string() };
        let sql = "INSERT INTO events (id, kind, title, description, mode, venue, address, online_url, country, time_zone, starts_at, ends_at, \
                   interpretation, visibility, capacity, requires_approval, cancelled, created_by, created_at, updated_at) \
                   VALUES ($13, $1, $2, $3, $4, $5, '', $6, $7, $8, $9, $10, '', 'public', NULL, FALSE, FALSE, $11, $12, $12) RETURNING id";
        let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(kind).bind(title)
            .bind("Part of the network's campaign for the International Day in Support of Victims of Torture. Open to everyone.")
            .bind(mode).bind(venue).bind(&link).bind(country).bind(tz.name()).bind(starts).bind(starts + hours * 3_600_000)
            .bind(organiser).bind(now - 20 * DAY_MS).bind(crate::db::secret_id()).fetch_one(&mut **c).await)?;
        exec(tx, "INSERT INTO event_organisers (event_id, user_id) VALUES ($1, $2)", id, organiser).await?;
        for lang in ["en", language(country)] {
            on_tx!(tx, c => sqlx::query("INSERT INTO event_languages (event_id, lang) VALUES ($1, $2)")
                .bind(id).bind(lang).execute(&mut **c).await.map(affected))?;
        }
    }
    Ok(events.len())
}

/// A monthly webinar series on the first Tuesday, begun two months ago: six occurrences,
/// the past ones attended. Returns how many occurrences.
async fn monthly_webinars(
    tx: &mut Tx,
    people: &[Person],
    organiser: i64,
    now: i64,
    rng: &mut impl Rng,
) -> anyhow::Result<usize> {
    use super::series::{End, Frequency, Rule};
    use chrono::Datelike;
    let tz = chrono_tz::Asia::Bangkok;
    let today = super::time::local_date(now, tz);
    let month = today.with_day(1).unwrap_or(today) - chrono::Months::new(2);
    let first = chrono::NaiveDate::from_weekday_of_month_opt(month.year(), month.month(), chrono::Weekday::Tue, 1)
        .unwrap_or(month);
    let starts = super::time::parse_local(&format!("{first}T14:00"), tz).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let sql = "INSERT INTO events (id, kind, title, description, mode, venue, address, online_url, country, time_zone, starts_at, ends_at, \
               interpretation, visibility, capacity, requires_approval, cancelled, created_by, created_at, updated_at) \
               VALUES ($8, 'webinar', $1, $2, 'online', '', '', 'https://meet.example.org/monthly-webinar', 'TH', $3, $4, $5, \
               'Thai–English simultaneous', 'public', NULL, FALSE, FALSE, $6, $7, $7) RETURNING id";
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql)
        .bind("Monthly webinar: prevention in practice")
        .bind("On the first Tuesday of each month, one practitioner from the region on one safeguard that works, and questions from the network.")
        .bind(tz.name()).bind(starts).bind(starts + 90 * 60_000).bind(organiser).bind(starts - 30 * DAY_MS)
        .bind(crate::db::secret_id()).fetch_one(&mut **c).await)?;
    exec(tx, "INSERT INTO event_organisers (event_id, user_id) VALUES ($1, $2)", id, organiser).await?;
    for lang in ["en", "th"] {
        on_tx!(tx, c => sqlx::query("INSERT INTO event_languages (event_id, lang) VALUES ($1, $2)")
            .bind(id).bind(lang).execute(&mut **c).await.map(affected))?;
    }
    let sql = format!("SELECT {} FROM events e WHERE e.id = $1", super::EVENT_COLUMNS);
    let template: super::Event = on_tx!(tx, c => sqlx::query_as(&sql).bind(id).fetch_one(&mut **c).await)?;
    let rule = Rule::for_first(Frequency::Monthly, first, End::Count(6));
    let series = super::series::make(tx, &template, &rule, organiser, starts - 30 * DAY_MS)
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let occurrences: Vec<(i64, i64)> = on_tx!(tx, c => sqlx::query_as(
        "SELECT id, starts_at FROM events WHERE series_id = $1 ORDER BY starts_at").bind(series).fetch_all(&mut **c).await)?;
    for (event, at) in &occurrences {
        let mut chosen: Vec<&Person> = people.iter().filter(|p| p.id != organiser).collect();
        chosen.shuffle(rng);
        for p in chosen.into_iter().take(8) {
            let attended = (*at < now && rng.random_bool(0.8)).then_some(at + 300_000);
            let sql = "INSERT INTO event_registrations (event_id, user_id, name, email, email_key, locale, status, queued_at, attended_at, created_at, updated_at) \
                       VALUES ($1, $2, $3, $4, $5, $6, 'registered', $7, $8, $7, $7)";
            on_tx!(tx, c => sqlx::query(sql).bind(event).bind(p.id).bind(&p.name).bind(&p.email).bind(p.email.to_lowercase())
                .bind(&p.locale).bind(at - 7 * DAY_MS).bind(attended).execute(&mut **c).await.map(affected))?;
        }
    }
    Ok(occurrences.len())
}

async fn exec(tx: &mut Tx, sql: &str, a: i64, b: i64) -> Result<u64, sqlx::Error> {
    on_tx!(tx, c => sqlx::query(sql).bind(a).bind(b).execute(&mut **c).await.map(affected))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_is_in_the_past_and_the_future_in_each_country() {
        for kind in crate::vocab::EventKind::ALL {
            let of_kind: Vec<&DemoEvent> = EVENTS.iter().filter(|e| e.kind == kind.key()).collect();
            assert!(of_kind.iter().any(|e| e.days < 0), "{kind} in the past");
            assert!(of_kind.iter().any(|e| e.days > 0), "{kind} upcoming");
        }
        for country in ["TH", "MY", "PH"] {
            assert!(EVENTS.iter().any(|e| e.country == country && e.days < 0), "{country} past");
            assert!(EVENTS.iter().any(|e| e.country == country && e.days > 0), "{country} upcoming");
        }
    }
}

//! The demo's initiatives: a dozen partnerships across Thailand, Malaysia and the
//! Philippines in every status, with partner organisations, the people who work at them,
//! dated status changes, milestones, a year of indicator values, stories of change, and
//! links to the demo's events and resources. Written after the network, its events and its
//! library, from what they hold.

use crate::db::{affected, secret_id, Db, Tx};
use crate::{on_db, on_tx};

const DAY_MS: i64 = 86_400_000;

/// One demo initiative. Days count back from today (negative: ahead).
struct Demo {
    title: &'static str,
    purpose: &'static str,
    countries: &'static [&'static str],
    topics: &'static [&'static str],
    visibility: &'static str,
    /// The group it is shared with, by name, when `visibility` is `group`.
    group: Option<&'static str>,
    /// (status, days ago), oldest first; the last is where it stands.
    path: &'static [(&'static str, i64)],
    starts: i64,
    ends: Option<i64>,
    /// (organisation name, partner role); the first organisation's people lead.
    partners: &'static [(&'static str, &'static str)],
    /// (title, due days ago, done days ago if done; slipped if due has passed undone).
    milestones: &'static [(&'static str, i64, Option<i64>)],
    indicators: &'static [Indicator],
    /// (days ago, title, who changed, what changed, evidence).
    stories: &'static [(i64, &'static str, &'static str, &'static str, &'static str)],
}

/// An indicator with a year of monthly values, from `from` a year ago to `to` last month
/// (for a yes-or-no indicator: "no" until `to` months ago, then "yes").
struct Indicator {
    name: &'static str,
    unit: &'static str,
    yes_no: bool,
    baseline: Option<f64>,
    target: Option<f64>,
    from: f64,
    to: f64,
    source: &'static str,
}

const DEMOS: &[Demo] = &[
    Demo {
        title: "Investigative interviewing in the cadet curriculum",
        purpose: "The Royal Police Cadet Academy replaces its interrogation module with a full course on **investigative interviewing**, built on the Méndez Principles, with the National Human Rights Commission reviewing the material and observing practice interviews.",
        countries: &["TH"],
        topics: &["investigative_interviewing", "training"],
        visibility: "public",
        group: None,
        path: &[("idea", 700), ("planned", 600), ("active", 420)],
        starts: 420,
        ends: Some(-300),
        partners: &[
            ("Royal Police Cadet Academy", "lead"),
            ("National Human Rights Commission of Thailand", "nhri_npm"),
            ("Geneva Centre for Custody Safeguards, Bangkok Office", "technical_adviser"),
            ("Faculty of Law, Thammasat University", "academic"),
        ],
        milestones: &[
            ("Curriculum drafted with the Commission", 300, Some(310)),
            ("First cohort of 60 cadets trained", 120, Some(115)),
            ("Instructors certified to teach the course", 20, None),
            ("Course adopted by the Academy's council", -90, None),
        ],
        indicators: &[
            Indicator {
                name: "Cadets trained in investigative interviewing",
                unit: "cadets",
                yes_no: false,
                baseline: Some(0.0),
                target: Some(240.0),
                from: 20.0,
                to: 160.0,
                source: "Academy training register",
            },
            Indicator {
                name: "Course adopted in the curriculum",
                unit: "",
                yes_no: true,
                baseline: None,
                target: None,
                from: 0.0,
                to: 3.0,
                source: "Academy council minutes",
            },
        ],
        stories: &[
            (
                60,
                "Practice interviews observed by the Commission",
                "Instructors at the Cadet Academy",
                "Instructors now let Commission staff observe practice interviews and discuss them with the cadets afterwards.",
                "Observation notes shared with the network",
            ),
        ],
    },
    Demo {
        title: "NPM initiative unit at the National Human Rights Commission",
        purpose: "After the regional exchange in Geneva, the Commission sets up a unit that prepares Thailand's national preventive mechanism: visiting methodology, a register of places of detention, and a plan for OPCAT ratification with the Ministry of Justice.",
        countries: &["TH"],
        topics: &["opcat_npm", "detention_monitoring", "law_reform"],
        visibility: "public",
        group: None,
        path: &[("idea", 500), ("planned", 380), ("active", 250)],
        starts: 250,
        ends: None,
        partners: &[
            ("National Human Rights Commission of Thailand", "lead"),
            ("Rights and Liberties Protection Department, Ministry of Justice", "government_counterpart"),
            ("South-East Asia Network Against Torture", "civil_society_partner"),
            ("Geneva Centre for Custody Safeguards", "technical_adviser"),
        ],
        milestones: &[
            ("Unit staffed with four officers", 200, Some(190)),
            ("Register of places of detention completed", 60, None),
            ("Draft OPCAT ratification plan to the Cabinet", -120, None),
        ],
        indicators: &[
            Indicator {
                name: "Places of detention in the register",
                unit: "places",
                yes_no: false,
                baseline: Some(0.0),
                target: Some(1200.0),
                from: 150.0,
                to: 870.0,
                source: "Unit's register of places of detention",
            },
        ],
        stories: &[
            (
                90,
                "A visiting methodology of its own",
                "The Commission's monitoring officers",
                "Officers plan visits with a written methodology, adapted from the regional exchange, instead of case by case.",
                "The methodology, adopted by the Commission",
            ),
        ],
    },
    Demo {
        title: "Audio-visual recording of suspect interviews, pilot in ten stations",
        purpose: "Ten police stations in Bangkok and Songkhla record every suspect interview under the 2022 anti-torture law; lawyers and the Commission review samples each quarter.",
        countries: &["TH"],
        topics: &["investigative_interviewing", "legal_safeguards"],
        visibility: "members",
        group: None,
        path: &[("planned", 400), ("active", 330), ("paused", 90)],
        starts: 330,
        ends: Some(-60),
        partners: &[
            ("Police Education Bureau, Royal Thai Police", "lead"),
            ("Lawyers Council of Thailand", "civil_society_partner"),
            ("NHRCT Southern Region Office", "nhri_npm"),
        ],
        milestones: &[
            ("Cameras installed in ten stations", 300, Some(280)),
            ("First quarterly review of recordings", 200, Some(195)),
            ("Second quarterly review of recordings", 110, None),
        ],
        indicators: &[],
        stories: &[],
    },
    Demo {
        title: "Joint detention monitoring in the southern border provinces",
        purpose: "Civil society documenters and the Commission's southern office visit places of extended detention under the special security laws together, and follow up each recommendation with the authorities.",
        countries: &["TH"],
        topics: &["detention_monitoring", "torture_documentation"],
        visibility: "group",
        group: Some("Detention monitoring"),
        path: &[("idea", 300), ("planned", 200)],
        starts: -30,
        ends: Some(-400),
        partners: &[
            ("NHRCT Southern Region Office", "lead"),
            ("Deep South Documentation Collective", "civil_society_partner"),
            ("Central Institute of Forensic Science", "technical_adviser"),
        ],
        milestones: &[("Visiting protocol agreed", -20, None), ("First joint visit", -60, None)],
        indicators: &[],
        stories: &[],
    },
    Demo {
        title: "Investigative interviewing at the Royal Malaysia Police College",
        purpose: "The College trains its instructors in investigative interviewing and adds the course to the training of investigating officers, with SUHAKAM observing and the Malaysian Bar advising on safeguards.",
        countries: &["MY"],
        topics: &["investigative_interviewing", "training"],
        visibility: "public",
        group: None,
        path: &[("idea", 540), ("planned", 450), ("active", 360)],
        starts: 360,
        ends: Some(-365),
        partners: &[
            ("Royal Malaysia Police College Kuala Kubu Bharu", "lead"),
            ("Human Rights Commission of Malaysia (SUHAKAM)", "nhri_npm"),
            ("Malaysian Bar", "civil_society_partner"),
            ("Criminology Programme, Universiti Sains Malaysia", "academic"),
        ],
        milestones: &[
            ("Instructors trained (24)", 250, Some(240)),
            ("Course taught to investigating officers", 100, Some(90)),
            ("Evaluation of interview quality", -60, None),
        ],
        indicators: &[
            Indicator {
                name: "Investigating officers trained",
                unit: "officers",
                yes_no: false,
                baseline: Some(0.0),
                target: Some(400.0),
                from: 0.0,
                to: 310.0,
                source: "College training records",
            },
            Indicator {
                name: "Interviews rated as non-coercive in the review",
                unit: "% of reviewed interviews",
                yes_no: false,
                baseline: Some(35.0),
                target: Some(80.0),
                from: 40.0,
                to: 62.0,
                source: "Review of recorded interviews by the University",
            },
        ],
        stories: &[
            (
                45,
                "Interview plans before every interview",
                "Investigating officers in Selangor",
                "Officers write an interview plan before each suspect interview and record the interview in full.",
                "Review of 50 case files by the Criminology Programme",
            ),
        ],
    },
    Demo {
        title: "Lock-up deaths: independent forensic review",
        purpose: "Every death in police lock-ups is reviewed by independent forensic doctors, with findings shared with SUHAKAM and the families' lawyers.",
        countries: &["MY"],
        topics: &["torture_documentation", "legal_safeguards"],
        visibility: "members",
        group: None,
        path: &[("idea", 420), ("planned", 300), ("active", 200), ("stopped", 40)],
        starts: 200,
        ends: Some(40),
        partners: &[
            ("Department of Forensic Medicine, Hospital Kuala Lumpur", "lead"),
            ("Integrity and Standards Compliance Department, Royal Malaysia Police", "government_counterpart"),
            ("Suara Keadilan Legal Aid Society", "civil_society_partner"),
        ],
        milestones: &[("Review protocol agreed with the police", 150, Some(150)), ("First ten reviews", 60, None)],
        indicators: &[],
        stories: &[],
    },
    Demo {
        title: "Legal aid at first custody in Kuala Lumpur",
        purpose: "Duty lawyers reach every person arrested in four Kuala Lumpur districts within the first hours of custody.",
        countries: &["MY"],
        topics: &["legal_safeguards", "victim_support"],
        visibility: "public",
        group: None,
        path: &[("planned", 900), ("active", 800), ("completed", 100)],
        starts: 800,
        ends: Some(100),
        partners: &[
            ("Kuala Lumpur Legal Aid Centre", "lead"),
            ("Attorney General's Chambers of Malaysia", "government_counterpart"),
            ("Malaysian Bar", "civil_society_partner"),
        ],
        milestones: &[
            ("Duty roster covers four districts", 700, Some(690)),
            ("1,000 people assisted", 300, Some(280)),
            ("Final report to the Attorney General's Chambers", 110, Some(100)),
        ],
        indicators: &[
            Indicator {
                name: "People assisted within six hours of arrest",
                unit: "people",
                yes_no: false,
                baseline: Some(0.0),
                target: Some(1000.0),
                from: 420.0,
                to: 1180.0,
                source: "Legal Aid Centre case records",
            },
            Indicator {
                name: "Duty lawyer scheme in the Attorney General's Chambers' guidelines",
                unit: "",
                yes_no: true,
                baseline: None,
                target: None,
                from: 0.0,
                to: 5.0,
                source: "Attorney General's Chambers circular",
            },
        ],
        stories: &[
            (
                150,
                "Lawyers at the police station before questioning",
                "Station chiefs in four districts",
                "Station chiefs call the duty lawyer before the first questioning rather than after the remand hearing.",
                "Legal Aid Centre case records and a letter from the police",
            ),
        ],
    },
    Demo {
        title: "Immigration depot visits in Sabah",
        purpose: "SUHAKAM's Sabah office and faith-based prison visitors plan joint visits to immigration depots holding stateless people and migrants.",
        countries: &["MY"],
        topics: &["detention_monitoring", "victim_support"],
        visibility: "coordinators",
        group: None,
        path: &[("idea", 45)],
        starts: -90,
        ends: None,
        partners: &[
            ("SUHAKAM Sabah Office", "lead"),
            ("Malaysian Interfaith Prison Care Network", "civil_society_partner"),
        ],
        milestones: &[],
        indicators: &[],
        stories: &[],
    },
    Demo {
        title: "NPM visiting teams of the Commission on Human Rights",
        purpose: "The CHR's National Preventive Mechanism Secretariat trains mixed visiting teams (lawyers, doctors, civil society) and carries out preventive visits to jails and police stations.",
        countries: &["PH"],
        topics: &["opcat_npm", "detention_monitoring"],
        visibility: "public",
        group: None,
        path: &[("planned", 600), ("active", 480)],
        starts: 480,
        ends: None,
        partners: &[
            ("CHR National Preventive Mechanism Secretariat", "lead"),
            ("Bureau of Jail Management and Penology", "government_counterpart"),
            ("Bantay Kulungan Documentation Network", "civil_society_partner"),
            ("Forensic Medicine Unit, Philippine General Hospital", "technical_adviser"),
        ],
        milestones: &[
            ("Three visiting teams trained", 400, Some(395)),
            ("Forty preventive visits", 90, Some(80)),
            ("Annual NPM report published", -30, None),
        ],
        indicators: &[
            Indicator {
                name: "Preventive visits carried out",
                unit: "visits",
                yes_no: false,
                baseline: Some(0.0),
                target: Some(60.0),
                from: 4.0,
                to: 47.0,
                source: "NPM Secretariat visit log",
            },
            Indicator {
                name: "Recommendations accepted by the jail authorities",
                unit: "recommendations",
                yes_no: false,
                baseline: Some(0.0),
                target: Some(150.0),
                from: 10.0,
                to: 96.0,
                source: "Follow-up letters from the Bureau of Jail Management and Penology",
            },
        ],
        stories: &[
            (
                120,
                "Night visits accepted",
                "Jail wardens in Metro Manila",
                "Wardens now open the jails to unannounced visits at night, where before the teams were turned away.",
                "Visit reports of the Secretariat",
            ),
        ],
    },
    Demo {
        title: "Anti-Torture Act in the PNP Academy curriculum",
        purpose: "The Philippine National Police Academy teaches the Anti-Torture Act and investigative interviewing in every year of its programme, with the PNP Human Rights Affairs Office and the College of Law.",
        countries: &["PH"],
        topics: &["investigative_interviewing", "legal_safeguards", "training"],
        visibility: "public",
        group: None,
        path: &[("idea", 380), ("planned", 260), ("active", 150)],
        starts: 150,
        ends: Some(-500),
        partners: &[
            ("Philippine National Police Academy", "lead"),
            ("PNP Human Rights Affairs Office", "police_justice"),
            ("University of the Philippines College of Law", "academic"),
            ("Commission on Human Rights of the Philippines", "nhri_npm"),
        ],
        milestones: &[
            ("Curriculum review with the College of Law", 100, Some(95)),
            ("Teaching guide for instructors", 30, None),
        ],
        indicators: &[],
        stories: &[],
    },
    Demo {
        title: "Rehabilitation referrals for survivors in Cebu",
        purpose: "The CHR's Region VII office refers survivors of torture to medical and psychosocial rehabilitation, with the Public Attorney's Office taking their complaints.",
        countries: &["PH"],
        topics: &["victim_support", "torture_documentation"],
        visibility: "members",
        group: None,
        path: &[("planned", 250), ("active", 200), ("paused", 50), ("active", 10)],
        starts: 200,
        ends: None,
        partners: &[
            ("CHR Region VII Office", "lead"),
            ("Balay Paghilom Rehabilitation Center", "civil_society_partner"),
            ("Public Attorney's Office", "government_counterpart"),
        ],
        milestones: &[("Referral pathway agreed", 180, Some(175)), ("Fifty survivors referred", -60, None)],
        indicators: &[],
        stories: &[],
    },
    Demo {
        title: "Regional exchange of detention monitoring practice",
        purpose: "Monitors from Thailand, Malaysia and the Philippines visit each other's NHRIs and NPMs twice a year and share checklists, reports and follow-up methods.",
        countries: &["TH", "MY", "PH"],
        topics: &["detention_monitoring", "opcat_npm", "research"],
        visibility: "public",
        group: None,
        path: &[("idea", 800), ("planned", 720), ("active", 600)],
        starts: 600,
        ends: Some(-200),
        partners: &[
            ("South-East Asia Network Against Torture", "lead"),
            ("National Human Rights Commission of Thailand", "nhri_npm"),
            ("Human Rights Commission of Malaysia (SUHAKAM)", "nhri_npm"),
            ("Commission on Human Rights of the Philippines", "nhri_npm"),
            ("UN Human Rights Office, South-East Asia Regional Office", "funder"),
        ],
        milestones: &[
            ("Exchange in Bangkok", 500, Some(500)),
            ("Exchange in Kuala Lumpur", 320, Some(330)),
            ("Exchange in Manila", 150, None),
            ("Shared checklist published", -100, None),
        ],
        indicators: &[
            Indicator {
                name: "Monitors taking part in exchanges",
                unit: "monitors",
                yes_no: false,
                baseline: Some(0.0),
                target: Some(90.0),
                from: 12.0,
                to: 64.0,
                source: "Exchange attendance lists",
            },
        ],
        stories: &[
            (
                200,
                "A shared visit checklist",
                "NHRI monitors in three countries",
                "Monitors in Thailand, Malaysia and the Philippines use one checklist for police lock-ups, so that findings can be compared.",
                "The checklist and three visit reports that use it",
            ),
        ],
    },
];

fn day(now: i64, days_ago: i64) -> String {
    chrono::DateTime::from_timestamp_millis(now - days_ago * DAY_MS)
        .map(|d| d.date_naive().format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

async fn id_of(tx: &mut Tx, sql: &str, name: &str) -> anyhow::Result<Option<i64>> {
    Ok(on_tx!(tx, c => sqlx::query_scalar(sql).bind(name).fetch_optional(&mut **c).await)?)
}

/// Up to `n` active people working at organisation `org`: (id, at risk). The member the
/// README names comes first where they work, so that signing in as them shows an
/// initiative they lead.
async fn staff(tx: &mut Tx, org: i64, n: i64) -> anyhow::Result<Vec<(i64, bool)>> {
    let sql = "SELECT u.id, COALESCE(p.at_risk, FALSE) FROM affiliations a JOIN users u ON u.id = a.user_id \
               LEFT JOIN profiles p ON p.user_id = u.id WHERE a.org_id = $1 AND u.active \
               ORDER BY CASE WHEN u.email = 'member@example.org' THEN 0 ELSE 1 END, u.id LIMIT $2";
    Ok(on_tx!(tx, c => sqlx::query_as(sql).bind(org).bind(n).fetch_all(&mut **c).await)?)
}

/// The demo's events each initiative took part in, by title.
const EVENTS: &[(&str, &[&str])] = &[
    (
        "Investigative interviewing in the cadet curriculum",
        &["Webinar: body-worn cameras and interview recording", "Seminar: safeguards in the first hours of custody"],
    ),
    (
        "NPM initiative unit at the National Human Rights Commission",
        &["Regional workshop: three NHRIs compare detention monitoring"],
    ),
    (
        "Investigative interviewing at the Royal Malaysia Police College",
        &["Training of trainers: investigative interviewing", "Webinar: the Méndez Principles in police training"],
    ),
    (
        "Lock-up deaths: independent forensic review",
        &[
            "Public forum: deaths in custody and the right to know",
            "Seminar: custodial deaths and the criminal-justice chain",
        ],
    ),
    ("NPM visiting teams of the Commission on Human Rights", &["Workshop: monitoring visits to police lock-ups"]),
    ("Anti-Torture Act in the PNP Academy curriculum", &["Panel: the Anti-Torture Act in practice"]),
    ("Rehabilitation referrals for survivors in Cebu", &["National conference on rehabilitation of survivors"]),
    (
        "Regional exchange of detention monitoring practice",
        &[
            "Regional workshop: three NHRIs compare detention monitoring",
            "Southeast Asia conference on preventing torture",
        ],
    ),
];

/// Links an initiative to the demo events it took part in and to up to two library
/// resources that share one of its topics, among those every member may see.
async fn link(tx: &mut Tx, id: i64, demo: &Demo, at: i64) -> anyhow::Result<()> {
    let mut links: Vec<(&str, i64)> = Vec::new();
    for (_, titles) in EVENTS.iter().filter(|(t, _)| *t == demo.title) {
        for title in *titles {
            let sql = format!(
                "SELECT MIN(e.id) FROM events e WHERE e.title = $1 AND {}",
                crate::events::access::open_to_members_sql("e")
            );
            let found: Option<i64> = on_tx!(tx, c => sqlx::query_scalar(&sql).bind(*title).fetch_one(&mut **c).await)?;
            links.extend(found.map(|e| ("event", e)));
        }
    }
    let topics = demo.topics.iter().map(|k| format!("'{k}'")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT r.id FROM resources r WHERE {} \
         AND EXISTS (SELECT 1 FROM resource_tags t WHERE t.resource_id = r.id AND t.vocab = 'topic' \
             AND t.key IN ({topics})) ORDER BY r.id LIMIT 2",
        crate::library::open_to_members_sql("r")
    );
    let resources: Vec<i64> = on_tx!(tx, c => sqlx::query_scalar(&sql).fetch_all(&mut **c).await)?;
    links.extend(resources.into_iter().map(|r| ("resource", r)));
    for (kind, target) in links {
        let sql = "INSERT INTO initiative_links (initiative_id, kind, target_id, created_at) VALUES ($1, $2, $3, $4) \
                   ON CONFLICT DO NOTHING";
        on_tx!(tx, c => sqlx::query(sql).bind(id).bind(kind).bind(target).bind(at).execute(&mut **c).await.map(affected))?;
    }
    Ok(())
}

pub async fn seed(db: &Db, now: i64) -> anyhow::Result<()> {
    let coordinator: i64 = on_db!(db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = 'coordinator@example.org'")
        .fetch_one(pool).await)?;
    let mut tx = db.begin().await?;
    for (n, demo) in DEMOS.iter().enumerate() {
        let group = match demo.group {
            Some(name) => id_of(&mut tx, "SELECT id FROM network_groups WHERE name = $1", name).await?,
            None => None,
        };
        let (status, since) = demo.path.last().copied().unwrap_or(("idea", 0));
        let created = now - demo.path.first().map_or(0, |p| p.1) * DAY_MS;
        let id = secret_id();
        let sql = "INSERT INTO initiatives (id, lang, title, purpose, purpose_html, status, starts_on, ends_on, visibility, \
                     group_id, created_by, created_at, updated_at) VALUES ($1, 'en', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
        on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(demo.title).bind(demo.purpose)
            .bind(crate::web::markdown::render(demo.purpose)).bind(status).bind(day(now, demo.starts))
            .bind(demo.ends.map(|e| day(now, e))).bind(demo.visibility).bind(group).bind(coordinator).bind(created)
            .bind(now - since * DAY_MS).execute(&mut **c).await.map(affected))?;
        for country in demo.countries {
            let sql = "INSERT INTO initiative_countries (initiative_id, country) VALUES ($1, $2)";
            on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(*country).execute(&mut **c).await.map(affected))?;
        }
        for topic in demo.topics {
            let sql = "INSERT INTO initiative_topics (initiative_id, topic) VALUES ($1, $2)";
            on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(*topic).execute(&mut **c).await.map(affected))?;
        }
        for (status, days) in demo.path {
            let sql =
                "INSERT INTO initiative_status_changes (initiative_id, status, changed_on, changed_by, created_at) \
                       VALUES ($1, $2, $3, $4, $5)";
            on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(*status).bind(day(now, *days)).bind(coordinator)
                .bind(now - days * DAY_MS).execute(&mut **c).await.map(affected))?;
        }
        let mut people: Vec<(i64, &str, bool)> = Vec::new();
        for (k, (name, role)) in demo.partners.iter().enumerate() {
            let Some(org) = id_of(&mut tx, "SELECT id FROM organisations WHERE name = $1", name).await? else {
                anyhow::bail!("demo initiative partner {name} is not a demo organisation");
            };
            let sql =
                "INSERT INTO initiative_partners (initiative_id, org_id, role, created_at) VALUES ($1, $2, $3, $4)";
            on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(org).bind(*role).bind(created)
                .execute(&mut **c).await.map(affected))?;
            // The lead organisation's people lead and keep the initiative; the partners'
            // people are its focal points, experts and participants.
            for (j, (person, at_risk)) in staff(&mut tx, org, 2).await?.into_iter().enumerate() {
                let role = match (k, j) {
                    (0, 0) => "lead",
                    (0, _) | (_, 0) => "focal_point",
                    _ if at_risk => "expert",
                    _ => "participant",
                };
                // Now and then someone prefers not to be listed.
                let listed = (n + k + j) % 7 != 3;
                if !people.iter().any(|p| p.0 == person) {
                    people.push((person, role, listed));
                }
            }
        }
        if n % 3 == 0 && !people.iter().any(|p| p.0 == coordinator) {
            people.push((coordinator, "focal_point", true));
        }
        let lead = people.iter().find(|p| p.1 == "lead").map_or(coordinator, |p| p.0);
        for (person, role, listed) in people.iter().copied().chain([(coordinator, "", true)]) {
            if !role.is_empty() {
                let sql = "INSERT INTO initiative_people (initiative_id, user_id, role, listed, created_at) VALUES ($1, $2, $3, $4, $5)";
                on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(person).bind(role).bind(listed).bind(created)
                    .execute(&mut **c).await.map(affected))?;
            }
            // Starting an initiative or being named on one follows it.
            let sql = "INSERT INTO initiative_follows (user_id, initiative_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
            on_tx!(&mut tx, c => sqlx::query(sql).bind(person).bind(id).execute(&mut **c).await.map(affected))?;
        }
        // Its lead posts an update on each milestone done.
        for (title, _, done) in demo.milestones {
            let Some(days) = done else { continue };
            let body = format!(
                "**{title}**: done. Thank you to everyone in the partner organisations who made it happen; \
                 the next steps are in the milestones below."
            );
            let sql = "INSERT INTO initiative_updates (id, initiative_id, author_id, body, body_html, created_at) \
                       VALUES ($1, $2, $3, $4, $5, $6)";
            on_tx!(&mut tx, c => sqlx::query(sql).bind(secret_id()).bind(id).bind(lead).bind(&body)
                .bind(crate::web::markdown::render(&body)).bind(now - days * DAY_MS).execute(&mut **c).await.map(affected))?;
        }
        for indicator in demo.indicators {
            let sql =
                "INSERT INTO initiative_indicators (initiative_id, name, kind, unit, baseline, target, created_at) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
            let (kind, baseline, target) = if indicator.yes_no {
                ("yes_no", Some(0.0), Some(1.0))
            } else {
                ("number", indicator.baseline, indicator.target)
            };
            let indicator_id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(id).bind(indicator.name).bind(kind)
                .bind(indicator.unit).bind(baseline).bind(target).bind(created).fetch_one(&mut **c).await)?;
            // A value a month for the past year, the last one a month ago.
            for month in 0..12_i64 {
                let value = if indicator.yes_no {
                    if 11 - month < indicator.to as i64 {
                        1.0
                    } else {
                        0.0
                    }
                } else {
                    (indicator.from + (indicator.to - indicator.from) * month as f64 / 11.0).round()
                };
                let days = 30 * (12 - month);
                let sql = "INSERT INTO initiative_indicator_values (indicator_id, measured_on, value, source, created_by, created_at) \
                           VALUES ($1, $2, $3, $4, $5, $6)";
                on_tx!(&mut tx, c => sqlx::query(sql).bind(indicator_id).bind(day(now, days)).bind(value)
                    .bind(indicator.source).bind(coordinator).bind(now - days * DAY_MS).execute(&mut **c).await.map(affected))?;
            }
        }
        for (days, title, who, what, evidence) in demo.stories {
            let sql = "INSERT INTO initiative_stories (initiative_id, happened_on, title, who_changed, what_changed, \
                         what_changed_html, evidence, evidence_html, created_by, created_at) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
            on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(day(now, *days)).bind(*title).bind(*who).bind(*what)
                .bind(crate::web::markdown::render(what)).bind(*evidence).bind(crate::web::markdown::render(evidence))
                .bind(coordinator).bind(now - days * DAY_MS).execute(&mut **c).await.map(affected))?;
        }
        link(&mut tx, id, demo, created).await?;
        for (title, due, done) in demo.milestones {
            let state = match done {
                Some(_) => "done",
                None if *due > 0 => "slipped",
                None => "planned",
            };
            let sql = "INSERT INTO initiative_milestones (initiative_id, title, due_on, state, done_on, created_at, updated_at) \
                       VALUES ($1, $2, $3, $4, $5, $6, $6)";
            on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(*title).bind(day(now, *due)).bind(state)
                .bind(done.map(|d| day(now, d))).bind(created).execute(&mut **c).await.map(affected))?;
        }
    }
    tx.commit().await?;
    Ok(())
}

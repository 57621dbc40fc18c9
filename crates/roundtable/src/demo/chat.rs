//! Conversations in the demo network: one-to-one and small groups in the four languages, the
//! Thailand country group's chat room, the chat of an upcoming event, a conversation whose
//! messages disappear after an hour, and a message request waiting for
//! `member@example.org`. Members at risk are in none of them: they join rooms by their own
//! choice, and nothing seeded should put them beside others.

use crate::chat::Timer;
use crate::db::{affected, secret_id, Db, Tx};
use crate::on_tx;

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;

/// Who says what, minutes before the demo starts: (index into the conversation's people, text).
type Lines = &'static [(usize, i64, &'static str)];

const WITH_MEMBER: Lines = &[
    (0, 2 * 24 * 60, "Somchai, thank you for the session on the PEACE model. Could you share your slides with the Malaysian colleagues?"),
    (1, 2 * 24 * 60 - 25, "Of course. I will put them in the library this week, with the **Thai and English** versions."),
    (0, 26 * 60, "Wonderful. SUHAKAM asked whether you would also speak at their training in March."),
    (1, 25 * 60, "I would be glad to. Please send me the dates when they are fixed."),
];

const THAI: Lines = &[
    (0, 6 * 60, "สวัสดีครับ คุณได้อ่านร่างคู่มือการตรวจเยี่ยมสถานที่ควบคุมตัวฉบับใหม่หรือยังครับ"),
    (1, 5 * 60, "อ่านแล้วค่ะ หมวดการสัมภาษณ์ผู้ถูกควบคุมตัวแบบส่วนตัวเขียนได้ดีมาก แต่ยังขาดเรื่องการแพทย์ภายใน 24 ชั่วโมงแรก"),
    (0, 4 * 60, "ขอบคุณครับ จะเพิ่มหัวข้อนี้ก่อนประชุมคณะทำงานสัปดาห์หน้า"),
];

const MALAY: Lines = &[
    (0, 9 * 60, "Salam semua. Boleh kita tetapkan tarikh lawatan pemantauan lokap di Johor?"),
    (1, 8 * 60, "Saya cadangkan minggu kedua bulan depan. Pasukan kami perlukan surat kebenaran dahulu."),
    (2, 7 * 60, "Setuju. Saya akan sediakan senarai semak dalam Bahasa Melayu dan Inggeris."),
];

const FILIPINO: Lines = &[
    (0, 3 * 60, "Magandang umaga! Handa na ba ang datos mula sa mga monitoring visit sa Cebu para sa roundtable?"),
    (1, 2 * 60, "Halos tapos na. Ipapadala ko mamayang hapon ang buod, kasama ang mga rekomendasyon sa PNP."),
];

const ROOM: Lines = &[
    (0, 20 * 60, "ยินดีต้อนรับสู่ห้องแชทของกลุ่มประเทศไทยครับ ใช้ห้องนี้สำหรับเรื่องเร่งด่วนระหว่างการประชุม"),
    (1, 19 * 60, "Thank you! Is the next country meeting still planned in Bangkok?"),
    (0, 18 * 60, "ใช่ครับ ที่สำนักงานคณะกรรมการสิทธิมนุษยชนแห่งชาติ รายละเอียดอยู่ในหน้ากิจกรรม"),
];

const EVENT: Lines = &[
    (0, 12 * 60, "Welcome to the event chat. Questions about travel and the agenda are welcome here."),
    (1, 11 * 60, "Will the sessions be interpreted into Thai?"),
    (0, 10 * 60, "Yes, Thai and English throughout."),
];

const DISAPPEARING: Lines = &[
    (0, 30, "Before the visit tomorrow: please call me rather than write the names of the detainees here."),
    (1, 20, "Understood. These messages disappear after an hour anyway."),
];

/// The request waiting for `member@example.org`, from someone without a tie to them.
const REQUEST: &str = "Hello, I am preparing a course on investigative interviewing for the Philippine National Police. Could we talk about your cadet curriculum?";

/// Write the demo's conversations.
pub async fn seed(db: &Db, now: i64) -> anyhow::Result<()> {
    let mut tx = db.begin().await?;
    let email = |e: &'static str| format!("SELECT id FROM users WHERE email = '{e}'");
    let coordinator = one(&mut tx, &email("coordinator@example.org")).await?;
    let member = one(&mut tx, &email("member@example.org")).await?;
    let by_locale = |locale: &str, n: usize| {
        format!(
            "SELECT u.id FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.locale = '{locale}' AND NOT p.at_risk \
             AND u.role = 'member' AND u.email NOT IN ('admin@example.org', 'coordinator@example.org', 'member@example.org') \
             ORDER BY u.id LIMIT {n}"
        )
    };
    let thai = ids(&mut tx, &by_locale("th", 2)).await?;
    let malay = ids(&mut tx, &by_locale("ms", 3)).await?;
    let filipino = ids(&mut tx, &by_locale("fil", 3)).await?;

    conversation(&mut tx, "direct", "", &[coordinator, member], Timer::DEFAULT, WITH_MEMBER, now).await?;
    if thai.len() == 2 {
        conversation(&mut tx, "direct", "", &thai, Timer::DEFAULT, THAI, now).await?;
    }
    if malay.len() == 3 {
        conversation(&mut tx, "group", "Lawatan lokap Johor", &malay, Timer::FourWeeks, MALAY, now).await?;
    }
    if filipino.len() >= 2 {
        conversation(&mut tx, "direct", "", &filipino[..2], Timer::DEFAULT, FILIPINO, now).await?;
    }
    conversation(
        &mut tx,
        "direct",
        "",
        &[coordinator, thai.first().copied().unwrap_or(member)],
        Timer::Hour,
        DISAPPEARING,
        now,
    )
    .await?;

    // The Thailand country group's room: its moderator and members, members at risk excepted.
    let group = one(&mut tx, "SELECT id FROM network_groups WHERE name = 'Thailand country group'").await?;
    let people = ids(
        &mut tx,
        &format!(
            "SELECT gm.user_id FROM group_members gm JOIN profiles p ON p.user_id = gm.user_id WHERE gm.group_id = {group} \
             AND gm.status = 'active' AND NOT p.at_risk ORDER BY CASE WHEN gm.role = 'moderator' THEN 0 ELSE 1 END, gm.user_id"
        ),
    )
    .await?;
    let room = conversation(&mut tx, "room", "", &people, Timer::DEFAULT, ROOM, now).await?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE conversations SET group_id = $1 WHERE id = $2").bind(group).bind(room)
        .execute(&mut **c).await.map(affected))?;

    // The chat of the next event with members registered, open until a week after it: one
    // that member@example.org has a place at, if there is one.
    let next: Option<(i64, i64)> = on_tx!(&mut tx, c => sqlx::query_as(
        "SELECT e.id, e.ends_at FROM events e WHERE e.starts_at > $1 AND NOT e.cancelled \
           AND (SELECT COUNT(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'registered' AND r.user_id IS NOT NULL) >= 3 \
         ORDER BY CASE WHEN EXISTS (SELECT 1 FROM event_registrations r WHERE r.event_id = e.id AND r.user_id = $2 \
           AND r.status = 'registered') THEN 0 ELSE 1 END, e.starts_at LIMIT 1")
        .bind(now).bind(member).fetch_optional(&mut **c).await)?;
    if let Some((event, ends_at)) = next {
        let people = ids(
            &mut tx,
            &format!(
                "SELECT x.user_id FROM (SELECT user_id, 0 AS o FROM event_organisers WHERE event_id = {event} \
                   UNION SELECT user_id, 1 FROM event_registrations WHERE event_id = {event} AND status = 'registered' AND user_id IS NOT NULL) x \
                 JOIN profiles p ON p.user_id = x.user_id WHERE NOT p.at_risk GROUP BY x.user_id ORDER BY MIN(x.o), x.user_id"
            ),
        )
        .await?;
        let chat = conversation(&mut tx, "event", "", &people, Timer::DEFAULT, EVENT, now).await?;
        on_tx!(&mut tx, c => sqlx::query("UPDATE conversations SET event_id = $1, closes_at = $2 WHERE id = $3")
            .bind(event).bind(ends_at + 7 * 24 * HOUR).bind(chat).execute(&mut **c).await.map(affected))?;
    }

    // A first message from someone new waits for member@example.org's answer.
    if let Some(&sender) = filipino.get(2) {
        let id = conversation(&mut tx, "direct", "", &[sender], Timer::DEFAULT, &[(0, 90, REQUEST)], now).await?;
        on_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO conversation_members (conversation_id, user_id, role, state, joined_at) VALUES ($1, $2, 'member', 'request', $3)")
            .bind(id).bind(member).bind(now - 90 * MINUTE).execute(&mut **c).await.map(affected))?;
    }
    tx.commit().await?;
    Ok(())
}

/// A conversation of `kind` among `people` (the first owns it, or moderates a room or an
/// event's chat), with `lines` said before `now` and everything read by everyone up to the
/// last line but one; returns its id.
async fn conversation(
    tx: &mut Tx,
    kind: &str,
    title: &str,
    people: &[i64],
    timer: Timer,
    lines: Lines,
    now: i64,
) -> anyhow::Result<i64> {
    let started = now - lines.iter().map(|l| l.1).max().unwrap_or(0) * MINUTE - MINUTE;
    let sql = "INSERT INTO conversations (id, kind, title, created_by, timer_ms, last_message_at, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(secret_id()).bind(kind).bind(title).bind(people[0])
        .bind(timer.ms()).bind(now).bind(started).fetch_one(&mut **c).await)?;
    for (i, &person) in people.iter().enumerate() {
        let role = match (i, kind) {
            (0, "room" | "event") => "moderator",
            (0, _) => "owner",
            _ => "member",
        };
        on_tx!(tx, c => sqlx::query(
            "INSERT INTO conversation_members (conversation_id, user_id, role, state, joined_at) VALUES ($1, $2, $3, 'active', $4)")
            .bind(id).bind(person).bind(role).bind(started).execute(&mut **c).await.map(affected))?;
    }
    let mut ids = Vec::new();
    for &(who, minutes_ago, text) in lines {
        let at = now - minutes_ago * MINUTE;
        let html = crate::web::markdown::render(text);
        let message: i64 = on_tx!(tx, c => sqlx::query_scalar(
            "INSERT INTO messages (conversation_id, author_id, body, body_html, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
            .bind(id).bind(people[who]).bind(text).bind(&html).bind(at).bind(timer.ms().map(|t| at + t))
            .fetch_one(&mut **c).await)?;
        ids.push(message);
    }
    // The last line is new to everyone but its author.
    if let [.., read, last] = ids[..] {
        on_tx!(tx, c => sqlx::query("UPDATE conversation_members SET last_read_id = $1 WHERE conversation_id = $2")
            .bind(read).bind(id).execute(&mut **c).await.map(affected))?;
        let author = people[lines[lines.len() - 1].0];
        on_tx!(tx, c => sqlx::query("UPDATE conversation_members SET last_read_id = $1 WHERE conversation_id = $2 AND user_id = $3")
            .bind(last).bind(id).bind(author).execute(&mut **c).await.map(affected))?;
    }
    on_tx!(tx, c => sqlx::query("UPDATE conversations SET last_message_at = $1 WHERE id = $2")
        .bind(now - lines.iter().map(|l| l.1).min().unwrap_or(0) * MINUTE).bind(id).execute(&mut **c).await.map(affected))?;
    Ok(id)
}

async fn one(tx: &mut Tx, sql: &str) -> anyhow::Result<i64> {
    Ok(on_tx!(tx, c => sqlx::query_scalar(sql).fetch_one(&mut **c).await)?)
}

async fn ids(tx: &mut Tx, sql: &str) -> anyhow::Result<Vec<i64>> {
    Ok(on_tx!(tx, c => sqlx::query_scalar(sql).fetch_all(&mut **c).await)?)
}

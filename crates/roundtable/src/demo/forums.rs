//! Conversations in the demo network's forums, in the languages members write in.

use crate::db::Tx;
use crate::on_tx;
use crate::web::markdown;

/// A seeded group, with the members who may write in it (at-risk members excluded, so that
/// the demo's public threads never name them).
pub struct DemoGroup {
    pub id: i64,
    pub name: &'static str,
    pub members: Vec<i64>,
}

/// A thread: where (a group name, or `None` for the network forum), title, and the posts.
type Thread = (Option<&'static str>, &'static str, &'static [&'static str]);

const THREADS: &[Thread] = &[
    (
        None,
        "Who has translated the Méndez Principles?",
        &[
            "We would like to use the **Principles on Effective Interviewing for Investigations and Information Gathering** (the Méndez Principles) in our trainings. Has anyone translated them into Thai, Malay or Filipino?",
            "SUHAKAM shared a Malay working translation at the regional workshop. I will ask whether it can go into the library.",
            "There is a Thai version prepared with the Rights and Liberties Protection Department. It still needs a legal review of the terms for *suspect* and *witness*.",
            "Salamat! A Filipino version would help the PNP training schools. We can start from the English text and compare with the Thai choices.",
        ],
    ),
    (
        Some("Thailand country group"),
        "จากการสอบสวนแบบบังคับสู่การสัมภาษณ์เชิงสืบสวน: บทเรียนจากโรงเรียนนายร้อยตำรวจ",
        &[
            "ปีที่ผ่านมาเราได้ทดลองหลักสูตรการสัมภาษณ์เชิงสืบสวนแบบ PEACE กับนักเรียนนายร้อยสองรุ่น ผลที่เห็นชัดคือผู้ต้องหาให้ข้อมูลที่ตรวจสอบได้มากขึ้นเมื่อไม่มีการข่มขู่ อยากแลกเปลี่ยนกับหน่วยงานอื่นที่ทำเรื่องเดียวกัน",
            "ขอบคุณที่แบ่งปันค่ะ ฝ่ายคุ้มครองสิทธิมนุษยชนของเราสนใจเรื่องการบันทึกภาพและเสียงระหว่างการสอบปากคำ มีการใช้กล้องบันทึกทุกครั้งหรือไม่คะ",
            "ใช้ครับ ตั้งแต่มีพระราชบัญญัติป้องกันและปราบปรามการทรมานและการกระทำให้บุคคลสูญหาย การบันทึกภาพและเสียงตั้งแต่การจับกุมเป็นหน้าที่ตามกฎหมาย ปัญหาที่เหลือคือการเก็บรักษาไฟล์และการเข้าถึงของทนายความ",
        ],
    ),
    (
        Some("Malaysia country group"),
        "Pemantauan lokap selepas laporan SUHAKAM",
        &[
            "Selepas laporan terbaru SUHAKAM tentang kematian dalam tahanan, kami ingin menyelaras lawatan pemantauan ke lokap di Selangor dan Johor. Siapa yang sudah ada senarai semak yang boleh dikongsi?",
            "Kami gunakan senarai semak berdasarkan standard APT, diubah suai untuk lokap polis. Saya akan muat naik versi Bahasa Melayu ke perpustakaan minggu ini.",
            "Penting juga untuk merekod akses kepada doktor dalam 24 jam pertama. Itu selalunya titik lemah dalam laporan kami.",
        ],
    ),
    (
        Some("Philippines country group"),
        "Paano ipinatutupad ang Anti-Torture Act sa mga presinto?",
        &[
            "Sa mga pagbisita namin sa mga presinto sa Metro Manila, madalas walang nakapaskil na karapatan ng mga inaresto. Ano ang karanasan ninyo sa Visayas at Mindanao?",
            "Sa Cebu, may pagbabago na mula nang magsanay kami kasama ang PNP Human Rights Affairs Office. Pero kulang pa rin ang medikal na pagsusuri bago at pagkatapos ng imbestigasyon.",
            "Maaari nating gawing paksa ito sa susunod na roundtable kasama ang CHR at DILG. Magdadala ako ng datos mula sa aming mga monitoring visit.",
        ],
    ),
    (
        Some("Investigative interviewing"),
        "A three-day PEACE curriculum for cadets",
        &[
            "Here is the outline we use:\n\n1. **Planning and preparation**: what do we know, what must we find out?\n2. **Engage and explain**: rights, purpose, rapport.\n3. **Account, clarification and challenge**: free recall first, then questions.\n4. **Closure** and **evaluation**.\n\nDay three is role play with professional actors. Comments welcome.",
            "We add half a day on vulnerable interviewees (children, people with disabilities, people in shock). It changed how our trainers think about *confessions*.",
            "> Day three is role play with professional actors.\n\nThis made the biggest difference for us too. Recorded role plays, reviewed together the next morning.",
        ],
    ),
    (
        Some("Detention monitoring"),
        "Checklist for unannounced visits to police lock-ups",
        &[
            "Drafting a shared checklist for NHRIs and CSOs. Current sections: registers and custody records; conditions; access to a lawyer, a doctor and family; use of restraints; complaints. What is missing?",
            "Interviews in private, and a rule that no one is interviewed if they cannot be protected from reprisals afterwards. *Do no harm* comes first.",
        ],
    ),
    (
        Some("Istanbul Protocol working group"),
        "Forensic photography guidance for examining doctors",
        &[
            "For the regional training we need a one-page guide on photographing injuries: scale, colour reference, consent, and how to store files securely.",
            "I can draft it from the 2022 edition of the Istanbul Protocol, chapter V. Consent and secure storage deserve their own boxes.",
        ],
    ),
    (
        Some("Defenders' safety circle"),
        "Monthly digital security check-in",
        &[
            "A reminder for this month: update your phones, check which devices are signed in to your accounts (Roundtable shows this under *Sessions and password*), and tell us if anything worries you.",
        ],
    ),
];

const DAY_MS: i64 = 86_400_000;

pub async fn seed(tx: &mut Tx, groups: &[DemoGroup], user_ids: &[i64], now: i64) -> anyhow::Result<()> {
    // The named demo accounts' colleagues start the network-wide conversation.
    let network_voices: Vec<i64> = user_ids.iter().copied().skip(3).step_by(17).take(6).collect();
    for (n, (group_name, title, posts)) in THREADS.iter().enumerate() {
        let (group_id, voices) = match group_name {
            None => (None, network_voices.clone()),
            Some(name) => {
                let g = groups.iter().find(|g| g.name == *name).expect("demo thread in a demo group");
                (Some(g.id), g.members.clone())
            }
        };
        let started = now - (60 - 6 * n as i64) * DAY_MS;
        let sql = "INSERT INTO threads (id, group_id, title, author_id, created_at, last_post_at) VALUES ($5, $1, $2, $3, $4, $4) RETURNING id";
        let thread: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(group_id).bind(*title).bind(voices[0])
            .bind(started).bind(crate::db::secret_id()).fetch_one(&mut **c).await)?;
        for (i, body) in posts.iter().enumerate() {
            let author = voices[(i * 3) % voices.len()];
            let at = started + i as i64 * DAY_MS / 3;
            let sql =
                "INSERT INTO posts (thread_id, author_id, body, body_html, created_at) VALUES ($1, $2, $3, $4, $5)";
            on_tx!(tx, c => sqlx::query(sql).bind(thread).bind(author).bind(*body).bind(markdown::render(body)).bind(at)
                .execute(&mut **c).await.map(crate::db::affected))?;
            on_tx!(tx, c => sqlx::query("INSERT INTO thread_follows (user_id, thread_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(author).bind(thread).execute(&mut **c).await.map(crate::db::affected))?;
            on_tx!(tx, c => sqlx::query("UPDATE threads SET last_post_at = $1 WHERE id = $2").bind(at).bind(thread)
                .execute(&mut **c).await.map(crate::db::affected))?;
        }
    }
    // The interviewing community shares its threads with the public.
    if let Some(g) = groups.iter().find(|g| g.name == "Investigative interviewing") {
        on_tx!(tx, c => sqlx::query("UPDATE network_groups SET public_threads = TRUE WHERE id = $1").bind(g.id)
            .execute(&mut **c).await.map(crate::db::affected))?;
    }
    Ok(())
}

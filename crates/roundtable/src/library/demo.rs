//! The demo network's library: resources in English, Thai, Malay and Filipino, some of them
//! translations of one another, as files the demo writes itself (small PDFs, text and CSV
//! files) and as links, public, for members and for groups.

use std::path::Path;

use crate::db::{affected, now_ms, Db, Tx};
use crate::library::{files, insert, Description};
use crate::vocab::{Country, Expertise, Language, Licence, ResourceAccess, ResourceKind};
use crate::{on_db, on_tx};

/// What a demo resource is made of.
enum Body {
    /// A one-page PDF: file name and the lines of its page (ASCII: the page uses a base font).
    Pdf(&'static str, &'static [&'static str]),
    /// A UTF-8 text or CSV file: file name and content.
    Text(&'static str, &'static str),
    Link(&'static str),
}

/// Where a demo resource may be seen: by anyone, by members, or in the group of this name.
enum Seen {
    Public,
    Members,
    Group(&'static str),
}

struct Item {
    lang: &'static str,
    kind: &'static str,
    title: &'static str,
    summary: &'static str,
    topics: &'static [&'static str],
    countries: &'static [&'static str],
    seen: Seen,
    body: Body,
    /// The index in [`ITEMS`] of the resource this one translates.
    translates: Option<usize>,
    published: &'static str,
}

const MENDEZ_LINES: &[&str] = &[
    "1. Foundations: interviewing is grounded in science, law and ethics.",
    "2. Practice: rapport, open questions, no coercion at any stage.",
    "3. Vulnerability: identify and respond to the needs of persons at risk.",
    "4. Training: curricula for police, prosecutors and military investigators.",
    "5. Accountability: recording, oversight and complaint mechanisms.",
    "6. Implementation: change management in institutions.",
];

const CHECKLIST_LINES: &[&str] = &[
    "Before the visit: mandate letter, list of places, interpreters, medical member.",
    "On arrival: registers of custody, access to all areas, private interviews.",
    "Conditions: cells, light, ventilation, water, food, sanitation, exercise.",
    "Safeguards: notification of family, access to a lawyer and a doctor.",
    "After the visit: debrief, report within 30 days, follow up recommendations.",
];

const ITEMS: &[Item] = &[
    // 0
    Item {
        lang: "en",
        kind: "guide",
        title: "The Méndez Principles on effective interviewing: a summary for trainers",
        summary: "A six-page summary of the **Principles on Effective Interviewing for Investigations and Information Gathering**, with questions for discussion after each principle. Written for police academy instructors moving their curricula from interrogation to interviewing.",
        topics: &["investigative_interviewing", "training"],
        countries: &[],
        seen: Seen::Public,
        body: Body::Pdf("mendez-principles-summary.pdf", MENDEZ_LINES),
        translates: None,
        published: "2025-06-26",
    },
    // 1
    Item {
        lang: "th",
        kind: "guide",
        title: "หลักการเมนเดซว่าด้วยการสัมภาษณ์อย่างมีประสิทธิภาพ: สรุปสำหรับวิทยากร",
        summary: "สรุปหลักการว่าด้วยการสัมภาษณ์อย่างมีประสิทธิภาพเพื่อการสืบสวนและการรวบรวมข้อมูล พร้อมคำถามสำหรับการอภิปรายหลังแต่ละหลักการ จัดทำขึ้นสำหรับครูฝึกในโรงเรียนนายร้อยตำรวจที่ต้องการเปลี่ยนหลักสูตรจากการสอบสวนแบบบังคับไปสู่การสัมภาษณ์ที่เคารพสิทธิมนุษยชน",
        topics: &["investigative_interviewing", "training"],
        countries: &["TH"],
        seen: Seen::Public,
        body: Body::Text(
            "mendez-summary-th.txt",
            "หลักการเมนเดซ: สรุปสำหรับวิทยากร\n\n1. รากฐาน: การสัมภาษณ์ตั้งอยู่บนวิทยาศาสตร์ กฎหมาย และจริยธรรม\n2. การปฏิบัติ: สร้างความไว้วางใจ ใช้คำถามปลายเปิด ไม่ใช้การบังคับขู่เข็ญในทุกขั้นตอน\n3. ความเปราะบาง: ระบุและตอบสนองต่อความต้องการของบุคคลที่มีความเสี่ยง\n4. การฝึกอบรม: หลักสูตรสำหรับตำรวจ พนักงานอัยการ และผู้สืบสวนทางทหาร\n5. ความรับผิดชอบ: การบันทึกภาพและเสียง การกำกับดูแล และช่องทางร้องเรียน\n6. การนำไปใช้: การเปลี่ยนแปลงในระดับองค์กร\n",
        ),
        translates: Some(0),
        published: "2025-09-10",
    },
    // 2
    Item {
        lang: "ms",
        kind: "guide",
        title: "Prinsip Méndez tentang temu duga yang berkesan: ringkasan untuk jurulatih",
        summary: "Ringkasan Prinsip-Prinsip Temu Duga Berkesan untuk Siasatan dan Pengumpulan Maklumat, dengan soalan perbincangan selepas setiap prinsip. Terjemahan kerja yang disediakan selepas bengkel serantau, untuk pengajar di maktab latihan polis.",
        topics: &["investigative_interviewing", "training"],
        countries: &["MY"],
        seen: Seen::Members,
        body: Body::Text(
            "prinsip-mendez-ringkasan.txt",
            "Prinsip Méndez: ringkasan untuk jurulatih\n\n1. Asas: temu duga berasaskan sains, undang-undang dan etika.\n2. Amalan: membina hubungan, soalan terbuka, tiada paksaan.\n3. Kerentanan: kenal pasti keperluan orang yang berisiko.\n4. Latihan: kurikulum untuk polis dan pendakwa raya.\n5. Akauntabiliti: rakaman, pengawasan dan aduan.\n6. Pelaksanaan: perubahan dalam institusi.\n",
        ),
        translates: Some(0),
        published: "2025-11-02",
    },
    // 3
    Item {
        lang: "fil",
        kind: "guide",
        title: "Ang Méndez Principles sa mabisang pakikipanayam: buod para sa mga tagapagsanay",
        summary: "Buod ng mga Prinsipyo sa Mabisang Pakikipanayam para sa Imbestigasyon at Pangangalap ng Impormasyon, may mga tanong para sa talakayan. Inihanda para sa mga paaralan ng pagsasanay ng PNP na lumilipat mula sa interogasyon tungo sa pakikipanayam.",
        topics: &["investigative_interviewing", "training"],
        countries: &["PH"],
        seen: Seen::Public,
        body: Body::Text(
            "mendez-principles-buod.txt",
            "Ang Méndez Principles: buod para sa mga tagapagsanay\n\n1. Pundasyon: ang pakikipanayam ay nakabatay sa agham, batas at etika.\n2. Praktika: pagbuo ng tiwala, bukas na tanong, walang pamimilit.\n3. Kahinaan: tukuyin ang pangangailangan ng mga taong nanganganib.\n4. Pagsasanay: kurikulum para sa pulis at piskal.\n5. Pananagutan: pagrerekord, pangangasiwa at reklamo.\n6. Pagpapatupad: pagbabago sa loob ng institusyon.\n",
        ),
        translates: Some(0),
        published: "2026-01-15",
    },
    // 4
    Item {
        lang: "en",
        kind: "training_material",
        title: "Checklist for unannounced visits to police lock-ups",
        summary: "A two-column checklist used by monitoring teams before, during and after a visit: registers of custody, conditions, safeguards, and follow-up of recommendations.",
        topics: &["detention_monitoring", "opcat_npm"],
        countries: &[],
        seen: Seen::Public,
        body: Body::Pdf("lockup-visit-checklist.pdf", CHECKLIST_LINES),
        translates: None,
        published: "2024-10-01",
    },
    // 5
    Item {
        lang: "th",
        kind: "training_material",
        title: "แบบตรวจสอบสำหรับการเยี่ยมห้องควบคุมผู้ต้องหาโดยไม่แจ้งล่วงหน้า",
        summary: "แบบตรวจสอบที่คณะผู้ตรวจเยี่ยมใช้ก่อน ระหว่าง และหลังการเยี่ยม ครอบคลุมทะเบียนการควบคุมตัว สภาพห้องควบคุม สิทธิในการพบทนายความและแพทย์ และการติดตามข้อเสนอแนะเพื่อป้องกันการทรมาน",
        topics: &["detention_monitoring", "opcat_npm"],
        countries: &["TH"],
        seen: Seen::Public,
        body: Body::Text(
            "แบบตรวจสอบ-ห้องควบคุม.csv",
            "ขั้นตอน,รายการตรวจสอบ\nก่อนการเยี่ยม,หนังสือมอบหมาย รายชื่อสถานที่ ล่าม แพทย์\nเมื่อไปถึง,ทะเบียนการควบคุมตัว การเข้าถึงทุกพื้นที่ การสัมภาษณ์เป็นการส่วนตัว\nสภาพ,ห้องขัง แสง การระบายอากาศ น้ำ อาหาร สุขอนามัย\nหลักประกัน,แจ้งญาติ พบทนายความ พบแพทย์\nหลังการเยี่ยม,สรุปผล รายงานภายใน 30 วัน ติดตามข้อเสนอแนะ\n",
        ),
        translates: Some(4),
        published: "2025-02-14",
    },
    // 6
    Item {
        lang: "ms",
        kind: "training_material",
        title: "Senarai semak lawatan mengejut ke lokap polis",
        summary: "Senarai semak untuk pasukan pemantau sebelum, semasa dan selepas lawatan ke lokap: daftar tahanan, keadaan sel, akses kepada peguam dan doktor, serta susulan cadangan.",
        topics: &["detention_monitoring"],
        countries: &["MY"],
        seen: Seen::Public,
        body: Body::Text(
            "senarai-semak-lokap.csv",
            "Peringkat,Perkara yang disemak\nSebelum lawatan,Surat mandat; senarai tempat; jurubahasa; doktor\nSemasa tiba,Daftar tahanan; akses ke semua kawasan; temu bual secara sulit\nKeadaan,Sel; cahaya; pengudaraan; air; makanan; kebersihan\nPerlindungan,Makluman kepada keluarga; akses kepada peguam dan doktor\nSelepas lawatan,Taklimat; laporan dalam 30 hari; susulan cadangan\n",
        ),
        translates: Some(4),
        published: "2025-03-20",
    },
    // 7
    Item {
        lang: "en",
        kind: "law",
        title: "Prevention and Suppression of Torture and Enforced Disappearance Act B.E. 2565 (unofficial English translation)",
        summary: "Thailand's 2022 act criminalising torture, cruel treatment and enforced disappearance, with the duty to record arrests on video and to notify prosecutors and the administration at once.",
        topics: &["legal_safeguards", "law_reform"],
        countries: &["TH"],
        seen: Seen::Public,
        body: Body::Link("https://www.ohchr.org/en/countries/thailand"),
        translates: None,
        published: "2022-10-25",
    },
    // 8
    Item {
        lang: "th",
        kind: "law",
        title: "พระราชบัญญัติป้องกันและปราบปรามการทรมานและการกระทำให้บุคคลสูญหาย พ.ศ. ๒๕๖๕",
        summary: "กฎหมายที่กำหนดให้การทรมาน การกระทำที่โหดร้าย ไร้มนุษยธรรม หรือย่ำยีศักดิ์ศรีความเป็นมนุษย์ และการกระทำให้บุคคลสูญหายเป็นความผิดอาญา พร้อมหน้าที่บันทึกภาพและเสียงระหว่างการจับกุมและควบคุมตัว และแจ้งพนักงานอัยการกับฝ่ายปกครองโดยไม่ชักช้า",
        topics: &["legal_safeguards", "law_reform"],
        countries: &["TH"],
        seen: Seen::Public,
        body: Body::Link("https://www.ratchakitcha.soc.go.th/"),
        translates: Some(7),
        published: "2022-10-25",
    },
    // 9
    Item {
        lang: "fil",
        kind: "law",
        title: "Anti-Torture Act of 2009 (Republic Act No. 9745): mga pangunahing probisyon",
        summary: "Maikling gabay sa Batas Republika Blg. 9745: ang kahulugan ng tortyur, ang ganap na pagbabawal nito, ang karapatan ng biktima sa medikal na pagsusuri, at ang pananagutan ng mga nakatataas na opisyal.",
        topics: &["legal_safeguards", "victim_support"],
        countries: &["PH"],
        seen: Seen::Public,
        body: Body::Link("https://www.officialgazette.gov.ph/2009/11/10/republic-act-no-9745/"),
        translates: None,
        published: "2009-11-10",
    },
    // 10
    Item {
        lang: "en",
        kind: "law",
        title: "Anti-Torture Act of 2009 (Republic Act No. 9745): key provisions",
        summary: "A short guide to Republic Act 9745: the definition of torture, its absolute prohibition, the victim's right to a medical examination, and the liability of superior officers.",
        topics: &["legal_safeguards", "victim_support"],
        countries: &["PH"],
        seen: Seen::Public,
        body: Body::Link("https://www.officialgazette.gov.ph/2009/11/10/republic-act-no-9745/"),
        translates: Some(9),
        published: "2009-11-10",
    },
    // 11
    Item {
        lang: "en",
        kind: "guide",
        title: "Istanbul Protocol (2022 edition): what changed for medical examiners",
        summary: "Notes from the working group on the revised Manual on the Effective Investigation and Documentation of Torture: psychological evaluation, the role of non-medical investigators, and the standard of the medico-legal report.",
        topics: &["torture_documentation"],
        countries: &[],
        seen: Seen::Group("Istanbul Protocol working group"),
        body: Body::Pdf(
            "istanbul-protocol-2022-notes.pdf",
            &[
                "Istanbul Protocol 2022: notes of the working group",
                "Chapter VI: physical evidence - new guidance on imaging.",
                "Chapter VII: psychological evidence - the clinical interview.",
                "Annex IV: model medico-legal report; levels of consistency.",
                "Next meeting: regional training plan for forensic doctors.",
            ],
        ),
        translates: None,
        published: "2025-04-08",
    },
    // 12
    Item {
        lang: "fil",
        kind: "guide",
        title: "Istanbul Protocol (edisyong 2022): ano ang nagbago para sa mga medikal na tagasuri",
        summary: "Mga tala ng working group tungkol sa binagong manwal sa mabisang imbestigasyon at dokumentasyon ng tortyur: sikolohikal na pagsusuri at ang pamantayan ng medico-legal na ulat.",
        topics: &["torture_documentation"],
        countries: &["PH"],
        seen: Seen::Group("Istanbul Protocol working group"),
        body: Body::Text(
            "istanbul-protocol-2022-mga-tala.txt",
            "Istanbul Protocol 2022: mga tala\n\nKabanata VI: pisikal na ebidensiya.\nKabanata VII: sikolohikal na ebidensiya at ang klinikal na panayam.\nAnnex IV: modelong medico-legal na ulat.\n",
        ),
        translates: Some(11),
        published: "2025-05-19",
    },
    // 13
    Item {
        lang: "en",
        kind: "case_study",
        title: "From confession to evidence: how one provincial police station stopped relying on confessions",
        summary: "A case study of a station that recorded every interview on video for a year. Complaints fell, prosecutions held up in court, and investigators report less pressure to obtain confessions.",
        topics: &["investigative_interviewing", "research"],
        countries: &["TH"],
        seen: Seen::Members,
        body: Body::Pdf(
            "case-study-confession-to-evidence.pdf",
            &[
                "Case study: from confession to evidence",
                "Setting: a provincial police station, 12 investigators.",
                "Change: every interview recorded; lawyers present on request.",
                "Result after 12 months: complaints down, convictions stable.",
                "Lesson: supervisors reviewed recordings weekly with investigators.",
            ],
        ),
        translates: None,
        published: "2025-08-30",
    },
    // 14
    Item {
        lang: "th",
        kind: "case_study",
        title: "จากคำรับสารภาพสู่พยานหลักฐาน: บทเรียนจากสถานีตำรวจภูธรแห่งหนึ่ง",
        summary: "กรณีศึกษาของสถานีตำรวจที่บันทึกภาพและเสียงการสอบปากคำทุกครั้งเป็นเวลาหนึ่งปี เรื่องร้องเรียนลดลง คดีขึ้นสู่ศาลได้มั่นคง และพนักงานสอบสวนรู้สึกกดดันน้อยลงในการหาคำรับสารภาพ",
        topics: &["investigative_interviewing", "research"],
        countries: &["TH"],
        seen: Seen::Members,
        body: Body::Text(
            "กรณีศึกษา-คำรับสารภาพ.txt",
            "จากคำรับสารภาพสู่พยานหลักฐาน\n\nสถานที่: สถานีตำรวจภูธร พนักงานสอบสวน 12 นาย\nการเปลี่ยนแปลง: บันทึกภาพและเสียงการสอบปากคำทุกครั้ง ทนายความเข้าร่วมได้เมื่อร้องขอ\nผลหลังสิบสองเดือน: เรื่องร้องเรียนลดลง คำพิพากษาลงโทษคงที่\nบทเรียน: ผู้บังคับบัญชาทบทวนบันทึกร่วมกับพนักงานสอบสวนทุกสัปดาห์\n",
        ),
        translates: Some(13),
        published: "2025-10-12",
    },
    // 15
    Item {
        lang: "ms",
        kind: "report",
        title: "Laporan tahunan pemantauan tempat tahanan: kematian dalam tahanan polis",
        summary: "Analisis kes kematian dalam tahanan polis yang disiasat oleh suruhanjaya hak asasi manusia, dengan cadangan tentang pemeriksaan perubatan semasa kemasukan dan rakaman kamera di lokap.",
        topics: &["detention_monitoring", "research"],
        countries: &["MY"],
        seen: Seen::Public,
        body: Body::Link("https://www.suhakam.org.my/"),
        translates: None,
        published: "2025-03-31",
    },
    // 16
    Item {
        lang: "ms",
        kind: "presentation",
        title: "Pembentangan: peranan mekanisme pencegahan kebangsaan di bawah OPCAT",
        summary: "Slaid daripada bengkel di Kuala Lumpur tentang Protokol Pilihan kepada Konvensyen Menentang Penyeksaan: mandat lawatan, kebebasan mekanisme dan hubungan dengan Subjawatankuasa PBB.",
        topics: &["opcat_npm", "advocacy"],
        countries: &["MY"],
        seen: Seen::Members,
        body: Body::Pdf(
            "opcat-npm-kuala-lumpur.pdf",
            &[
                "OPCAT and the national preventive mechanism",
                "Mandate: regular, unannounced visits to all places of detention.",
                "Independence: functional, financial and personal.",
                "Dialogue: recommendations, follow-up, annual report.",
                "Kuala Lumpur workshop, regional network of champions.",
            ],
        ),
        translates: None,
        published: "2025-07-22",
    },
    // 17
    Item {
        lang: "ms",
        kind: "guide",
        title: "Panduan hak orang yang ditangkap: peguam, keluarga dan doktor",
        summary: "Panduan ringkas untuk anggota polis dan peguam tentang hak orang yang ditangkap di bawah Kanun Tatacara Jenayah: hak untuk dimaklumkan sebab tangkapan, menghubungi keluarga, berjumpa peguam dan mendapatkan rawatan perubatan.",
        topics: &["legal_safeguards"],
        countries: &["MY"],
        seen: Seen::Public,
        body: Body::Text(
            "hak-orang-ditangkap.txt",
            "Hak orang yang ditangkap\n\n1. Dimaklumkan sebab tangkapan.\n2. Menghubungi ahli keluarga.\n3. Berjumpa peguam sebelum disoal.\n4. Mendapatkan rawatan perubatan.\n5. Dibawa ke hadapan majistret dalam masa 24 jam.\n",
        ),
        translates: None,
        published: "2024-12-05",
    },
    // 18
    Item {
        lang: "ms",
        kind: "training_material",
        title: "Modul latihan: temu duga penyiasatan untuk pegawai penyiasat",
        summary: "Modul latihan dua hari tentang model PEACE: perancangan, penglibatan, penjelasan, penutup dan penilaian, dengan latihan main peranan dan contoh soalan terbuka.",
        topics: &["investigative_interviewing", "training"],
        countries: &["MY"],
        seen: Seen::Members,
        body: Body::Text(
            "modul-temu-duga-peace.txt",
            "Modul latihan model PEACE\n\nHari 1: Perancangan dan penglibatan; membina hubungan.\nHari 2: Penjelasan, penutup dan penilaian; main peranan.\n",
        ),
        translates: None,
        published: "2025-09-01",
    },
    // 19
    Item {
        lang: "ms",
        kind: "recording",
        title: "Rakaman webinar: menyokong mangsa penyeksaan selepas pembebasan",
        summary: "Rakaman webinar bersama pekerja sosial dan doktor tentang sokongan psikososial, rujukan perubatan dan bantuan guaman untuk mangsa penyeksaan.",
        topics: &["victim_support"],
        countries: &["MY", "ID"],
        seen: Seen::Members,
        body: Body::Link("https://www.irct.org/"),
        translates: None,
        published: "2025-12-10",
    },
    // 20
    Item {
        lang: "ms",
        kind: "case_study",
        title: "Kajian kes: susulan cadangan lawatan lokap di Sabah",
        summary: "Bagaimana pasukan pemantau mengesan pelaksanaan cadangan selepas lawatan ke lokap: jadual susulan, mesyuarat dengan ketua polis daerah dan penambahbaikan bekalan air serta pengudaraan.",
        topics: &["detention_monitoring"],
        countries: &["MY"],
        seen: Seen::Group("Malaysia country group"),
        body: Body::Text(
            "kajian-kes-sabah.txt",
            "Kajian kes: susulan cadangan di Sabah\n\nJadual susulan tiga bulan; mesyuarat dengan ketua polis daerah; bekalan air dan pengudaraan diperbaiki.\n",
        ),
        translates: None,
        published: "2026-02-02",
    },
    // 21
    Item {
        lang: "th",
        kind: "report",
        title: "รายงานการตรวจเยี่ยมสถานที่ควบคุมตัวในจังหวัดชายแดนภาคใต้",
        summary: "รายงานของคณะทำงานภาคประชาสังคมเกี่ยวกับสภาพการควบคุมตัวภายใต้กฎหมายพิเศษ การเข้าถึงทนายความและญาติ และข้อกล่าวหาเรื่องการทรมานระหว่างการซักถาม พร้อมข้อเสนอแนะต่อหน่วยงานความมั่นคงและคณะกรรมการสิทธิมนุษยชนแห่งชาติ",
        topics: &["detention_monitoring", "torture_documentation"],
        countries: &["TH"],
        seen: Seen::Group("Thailand country group"),
        body: Body::Text(
            "รายงาน-ชายแดนใต้.txt",
            "รายงานการตรวจเยี่ยมสถานที่ควบคุมตัว\n\nข้อค้นพบ: ระยะเวลาควบคุมตัวยาวเกินไป การเข้าถึงทนายความล่าช้า\nข้อเสนอแนะ: บันทึกภาพและเสียงการซักถามทุกครั้ง ให้แพทย์อิสระตรวจร่างกายเมื่อรับตัวและปล่อยตัว\n",
        ),
        translates: None,
        published: "2025-06-01",
    },
    // 22
    Item {
        lang: "th",
        kind: "training_material",
        title: "คู่มือวิทยากร: การสัมภาษณ์เชิงสืบสวนตามแบบ PEACE สำหรับพนักงานสอบสวน",
        summary: "คู่มือการฝึกอบรมสองวันสำหรับพนักงานสอบสวน ครอบคลุมการวางแผน การสร้างความสัมพันธ์ การฟังคำอธิบาย การปิดการสัมภาษณ์ และการประเมินผล พร้อมแบบฝึกหัดบทบาทสมมติ และตัวอย่างคำถามปลายเปิดที่ไม่ชี้นำ",
        topics: &["investigative_interviewing", "training"],
        countries: &["TH"],
        seen: Seen::Public,
        body: Body::Text(
            "คู่มือวิทยากร-PEACE.txt",
            "คู่มือวิทยากร: การสัมภาษณ์เชิงสืบสวนตามแบบ PEACE\n\nวันที่หนึ่ง: การวางแผนและการเตรียมตัว การสร้างความสัมพันธ์และการอธิบายสิทธิ\nวันที่สอง: การฟังคำอธิบาย การตรวจสอบข้อเท็จจริง การปิดการสัมภาษณ์ และการประเมินผล\n",
        ),
        translates: None,
        published: "2025-05-05",
    },
    // 23
    Item {
        lang: "th",
        kind: "presentation",
        title: "การนำเสนอ: บทบาทของคณะกรรมการสิทธิมนุษยชนแห่งชาติในการป้องกันการทรมาน",
        summary: "สไลด์จากการประชุมเชิงปฏิบัติการที่กรุงเทพมหานคร ว่าด้วยอำนาจหน้าที่ของคณะกรรมการสิทธิมนุษยชนแห่งชาติในการตรวจสอบสถานที่ควบคุมตัว การรับเรื่องร้องเรียน และการติดตามข้อเสนอแนะต่อหน่วยงานรัฐ",
        topics: &["opcat_npm", "advocacy"],
        countries: &["TH"],
        seen: Seen::Members,
        body: Body::Pdf(
            "nhrct-prevention-bangkok.pdf",
            &[
                "The National Human Rights Commission and torture prevention",
                "Powers: visits, complaints, recommendations to the state.",
                "Cooperation with the Rights and Liberties Protection Department.",
                "Bangkok workshop, regional network of champions.",
            ],
        ),
        translates: None,
        published: "2025-11-20",
    },
    // 24
    Item {
        lang: "th",
        kind: "recording",
        title: "บันทึกการสัมมนาออนไลน์: การเยียวยาและฟื้นฟูผู้เสียหายจากการทรมาน",
        summary: "บันทึกการสัมมนาออนไลน์ร่วมกับนักจิตวิทยา แพทย์ และทนายความ ว่าด้วยการเยียวยาผู้เสียหายจากการทรมาน การส่งต่อเพื่อรับการรักษา และการช่วยเหลือทางกฎหมายตามพระราชบัญญัติค่าตอบแทนผู้เสียหาย",
        topics: &["victim_support"],
        countries: &["TH"],
        seen: Seen::Public,
        body: Body::Link("https://www.irct.org/"),
        translates: None,
        published: "2026-01-28",
    },
    // 25
    Item {
        lang: "th",
        kind: "guide",
        title: "แนวทางการปฏิบัติสำหรับทนายความเมื่อลูกความถูกควบคุมตัว",
        summary: "แนวทางสำหรับทนายความในการขอพบลูกความที่ถูกควบคุมตัว การตรวจสอบบันทึกภาพและเสียงการจับกุม และการยื่นคำร้องต่อศาลเมื่อมีเหตุอันควรเชื่อว่ามีการทรมาน",
        topics: &["legal_safeguards"],
        countries: &["TH"],
        seen: Seen::Public,
        body: Body::Text(
            "แนวทางทนายความ.txt",
            "แนวทางสำหรับทนายความ\n\n1. ขอพบลูกความเป็นการส่วนตัวโดยเร็ว\n2. ขอตรวจสอบบันทึกภาพและเสียงการจับกุม\n3. ยื่นคำร้องต่อศาลเมื่อมีเหตุอันควรเชื่อว่ามีการทรมาน\n",
        ),
        translates: None,
        published: "2024-08-15",
    },
    // 26
    Item {
        lang: "th",
        kind: "guide",
        title: "แนวทางความปลอดภัยสำหรับนักปกป้องสิทธิมนุษยชนที่ถูกคุกคาม",
        summary: "แนวทางภายในสำหรับสมาชิกที่มีความเสี่ยง ว่าด้วยการประเมินความเสี่ยง การสื่อสารอย่างปลอดภัย และช่องทางติดต่อผู้ประสานงานเมื่อถูกข่มขู่",
        topics: &["advocacy", "victim_support"],
        countries: &["TH"],
        seen: Seen::Group("Defenders' safety circle"),
        body: Body::Text(
            "แนวทางความปลอดภัย.txt",
            "แนวทางความปลอดภัย\n\nประเมินความเสี่ยงทุกเดือน ใช้ช่องทางสื่อสารที่เข้ารหัส แจ้งผู้ประสานงานทันทีเมื่อถูกข่มขู่\n",
        ),
        translates: None,
        published: "2025-12-01",
    },
    // 27
    Item {
        lang: "en",
        kind: "guide",
        title: "Safety planning for defenders under threat",
        summary: "Internal guidance for members at risk: assessing risk, communicating safely, and reaching a coordinator when threatened.",
        topics: &["advocacy", "victim_support"],
        countries: &[],
        seen: Seen::Group("Defenders' safety circle"),
        body: Body::Text(
            "safety-planning.txt",
            "Safety planning\n\nAssess risk monthly; use encrypted channels; tell a coordinator at once when threatened.\n",
        ),
        translates: Some(26),
        published: "2025-12-01",
    },
    // 28
    Item {
        lang: "fil",
        kind: "training_material",
        title: "Modyul sa pagsasanay: ang PEACE model para sa mga imbestigador ng PNP",
        summary: "Dalawang-araw na modyul sa pagsasanay tungkol sa PEACE model: pagpaplano, pakikipag-ugnayan, pagpapaliwanag, pagsasara at pagtatasa, may role-play at mga halimbawang bukas na tanong.",
        topics: &["investigative_interviewing", "training"],
        countries: &["PH"],
        seen: Seen::Public,
        body: Body::Text(
            "modyul-peace-model.txt",
            "Modyul: ang PEACE model\n\nUnang araw: pagpaplano at pakikipag-ugnayan.\nIkalawang araw: pagpapaliwanag, pagsasara at pagtatasa; role-play.\n",
        ),
        translates: None,
        published: "2025-07-07",
    },
    // 29
    Item {
        lang: "fil",
        kind: "report",
        title: "Ulat sa pagbisita sa mga kulungan ng pulisya sa Metro Manila",
        summary: "Ulat ng mga tagasubaybay tungkol sa siksikan sa mga selda, kakulangan sa tubig at bentilasyon, at ang mabagal na pagpapaalam sa pamilya at abogado ng mga inaresto.",
        topics: &["detention_monitoring"],
        countries: &["PH"],
        seen: Seen::Members,
        body: Body::Text(
            "ulat-kulungan-metro-manila.csv",
            "Lugar,Bilang ng nakakulong,Kapasidad,Tubig,Bentilasyon\nIstasyon 1,84,30,kulang,mahina\nIstasyon 2,51,25,sapat,mahina\nIstasyon 3,39,20,kulang,sapat\n",
        ),
        translates: None,
        published: "2025-04-25",
    },
    // 30
    Item {
        lang: "fil",
        kind: "case_study",
        title: "Case study: ang unang paghatol sa ilalim ng Anti-Torture Act",
        summary: "Paano napatunayan ng prosekusyon ang tortyur sa unang kasong nahatulan sa ilalim ng RA 9745: ang medikal na ebidensiya, ang testimonya ng biktima, at ang proteksiyon sa mga saksi.",
        topics: &["legal_safeguards", "torture_documentation"],
        countries: &["PH"],
        seen: Seen::Public,
        body: Body::Text(
            "unang-paghatol-ra9745.txt",
            "Ang unang paghatol sa ilalim ng RA 9745\n\nMedikal na ebidensiya, testimonya ng biktima, proteksiyon sa saksi.\n",
        ),
        translates: None,
        published: "2024-11-11",
    },
    // 31
    Item {
        lang: "fil",
        kind: "presentation",
        title: "Presentasyon: ang panukalang batas para sa National Preventive Mechanism",
        summary: "Mga slide tungkol sa panukalang batas na magtatatag ng National Preventive Mechanism sa ilalim ng OPCAT: mandato, kalayaan, at ugnayan sa Commission on Human Rights.",
        topics: &["opcat_npm", "law_reform"],
        countries: &["PH"],
        seen: Seen::Group("Philippines country group"),
        body: Body::Pdf(
            "npm-bill-philippines.pdf",
            &[
                "The NPM bill in the Philippines",
                "Mandate: visits to all places of deprivation of liberty.",
                "Independence and budget; relation to the CHR.",
                "Status in Congress and next steps for advocacy.",
            ],
        ),
        translates: None,
        published: "2026-02-18",
    },
    // 32
    Item {
        lang: "fil",
        kind: "recording",
        title: "Rekording: pakikipanayam sa mga nakaligtas sa tortyur at ang kanilang paghilom",
        summary: "Isang rekording ng talakayan kasama ang mga social worker at doktor tungkol sa psychosocial na suporta, medikal na referral at tulong-legal para sa mga nakaligtas.",
        topics: &["victim_support"],
        countries: &["PH"],
        seen: Seen::Members,
        body: Body::Link("https://www.irct.org/"),
        translates: None,
        published: "2025-10-03",
    },
    // 33
    Item {
        lang: "fil",
        kind: "guide",
        title: "Gabay para sa mga abogado: ang mga karapatan ng taong inaresto",
        summary: "Maikling gabay sa mga karapatan ng taong inaresto: ang karapatang manahimik, magkaroon ng abogado, makausap ang pamilya at masuri ng doktor, at kung ano ang gagawin kapag may palatandaan ng tortyur.",
        topics: &["legal_safeguards"],
        countries: &["PH"],
        seen: Seen::Public,
        body: Body::Text(
            "gabay-karapatan-inaresto.txt",
            "Mga karapatan ng taong inaresto\n\n1. Manahimik.\n2. Magkaroon ng abogado.\n3. Makausap ang pamilya.\n4. Masuri ng doktor.\n",
        ),
        translates: None,
        published: "2024-09-09",
    },
    // 34
    Item {
        lang: "en",
        kind: "report",
        title: "Regional survey: safeguards in the first hours of police custody",
        summary: "A survey of law and practice in eight countries of the region on notification of custody, access to a lawyer, medical examination and audio-visual recording in the first 48 hours.",
        topics: &["legal_safeguards", "research"],
        countries: &["TH", "MY", "PH", "ID", "KH"],
        seen: Seen::Public,
        body: Body::Text(
            "custody-safeguards-survey.csv",
            "country,notification_in_law,lawyer_before_questioning,medical_exam_on_admission,recording_required\nTH,yes,yes,no,yes\nMY,yes,partly,no,no\nPH,yes,yes,yes,no\nID,yes,partly,no,no\nKH,partly,no,no,no\n",
        ),
        translates: None,
        published: "2025-12-15",
    },
    // 35
    Item {
        lang: "en",
        kind: "presentation",
        title: "Investigative interviewing: research evidence in twenty slides",
        summary: "What research shows about coercion and false confessions, and why rapport-based interviewing yields more reliable information.",
        topics: &["investigative_interviewing", "research"],
        countries: &[],
        seen: Seen::Group("Investigative interviewing"),
        body: Body::Pdf(
            "interviewing-research-slides.pdf",
            &[
                "Investigative interviewing: the research evidence",
                "Coercion raises the risk of false confessions.",
                "Rapport-based methods yield more reliable information.",
                "Recording protects suspects and investigators alike.",
            ],
        ),
        translates: None,
        published: "2025-03-03",
    },
    // 36
    Item {
        lang: "en",
        kind: "training_material",
        title: "Documenting torture for lawyers: a one-day workshop plan",
        summary: "A workshop plan for lawyers on recognising signs of torture, taking a client's account, requesting an independent medical examination and preserving evidence.",
        topics: &["torture_documentation", "legal_safeguards", "training"],
        countries: &[],
        seen: Seen::Members,
        body: Body::Text(
            "documenting-torture-workshop.md",
            "# Documenting torture: a one-day workshop\n\n- Morning: signs of torture; taking the client's account.\n- Afternoon: requesting an independent medical examination; preserving evidence.\n",
        ),
        translates: None,
        published: "2025-08-08",
    },
    // 37
    Item {
        lang: "en",
        kind: "recording",
        title: "Webinar recording: the Subcommittee on Prevention of Torture visits the region",
        summary: "A recorded conversation with former members of the UN Subcommittee on Prevention of Torture on what a country visit involves and how national preventive mechanisms can prepare.",
        topics: &["opcat_npm"],
        countries: &[],
        seen: Seen::Public,
        body: Body::Link("https://www.ohchr.org/en/treaty-bodies/spt"),
        translates: None,
        published: "2025-09-25",
    },
    // 38
    Item {
        lang: "en",
        kind: "case_study",
        title: "Legislative advocacy for an anti-torture law: lessons from three campaigns",
        summary: "How civil society, national human rights institutions and champions inside government worked together for anti-torture legislation in Thailand, the Philippines and Indonesia.",
        topics: &["law_reform", "advocacy"],
        countries: &["TH", "PH", "ID"],
        seen: Seen::Public,
        body: Body::Pdf(
            "advocacy-lessons-three-campaigns.pdf",
            &[
                "Legislative advocacy: lessons from three campaigns",
                "Build a coalition early; find champions inside government.",
                "Use cases, not only principles; work with the media.",
                "After adoption: monitor implementation and budgets.",
            ],
        ),
        translates: None,
        published: "2024-06-26",
    },
    // 39
    Item {
        lang: "en",
        kind: "report",
        title: "Annual report of the network: activities, trainings and visits",
        summary: "The network's year in figures: trainings held, monitoring visits, new champions, and the resources members added to this library.",
        topics: &["research"],
        countries: &[],
        seen: Seen::Members,
        body: Body::Text(
            "network-annual-figures.csv",
            "quarter,trainings,visits,new_members\nQ1,4,11,9\nQ2,6,14,12\nQ3,3,9,7\nQ4,5,13,10\n",
        ),
        translates: None,
        published: "2026-01-31",
    },
    // 40
    Item {
        lang: "ms",
        kind: "law",
        title: "Akta Suruhanjaya Hak Asasi Manusia Malaysia 1999: kuasa melawat tempat tahanan",
        summary: "Ringkasan peruntukan yang memberi SUHAKAM kuasa melawat tempat tahanan, menerima aduan dan membuat cadangan kepada kerajaan, serta had kuasa tersebut.",
        topics: &["legal_safeguards", "opcat_npm"],
        countries: &["MY"],
        seen: Seen::Public,
        body: Body::Link("https://www.suhakam.org.my/"),
        translates: None,
        published: "1999-09-09",
    },
    // 41
    Item {
        lang: "en",
        kind: "guide",
        title: "Rights of arrested persons: lawyer, family and doctor",
        summary: "A short guide for police officers and lawyers on the rights of arrested persons under the Criminal Procedure Code: to be told the grounds of arrest, to contact family, to see a lawyer and to receive medical care.",
        topics: &["legal_safeguards"],
        countries: &["MY"],
        seen: Seen::Public,
        body: Body::Text(
            "rights-of-arrested-persons.txt",
            "Rights of arrested persons\n\n1. To be told the grounds of arrest.\n2. To contact a family member.\n3. To see a lawyer before questioning.\n4. To receive medical care.\n5. To be brought before a magistrate within 24 hours.\n",
        ),
        translates: Some(17),
        published: "2025-01-20",
    },
];

fn keys<T: std::str::FromStr>(keys: &[&str]) -> anyhow::Result<Vec<T>> {
    keys.iter().map(|k| k.parse().map_err(|_| anyhow::anyhow!("demo vocabulary key {k}"))).collect()
}

/// A one-page PDF of plain ASCII lines, with the byte offsets its cross-reference table needs.
fn pdf(lines: &[&str]) -> Vec<u8> {
    let escape = |s: &str| s.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
    let mut content = String::from("BT /F1 15 Tf 56 780 Td");
    for (i, line) in lines.iter().enumerate() {
        if i == 1 {
            content.push_str(" /F1 11 Tf 0 -10 Td");
        }
        content.push_str(&format!(" ({}) Tj 0 -18 Td", escape(line)));
    }
    content.push_str(" ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    out
}

/// Writes the demo library inside the demo's transaction; its files go to `data_dir`.
/// `groups` are the demo's groups by name, `authors` members who may add resources.
pub async fn seed(
    tx: &mut Tx,
    data_dir: &Path,
    groups: &[(i64, &str)],
    authors: &[i64],
    organisations: &[i64],
) -> anyhow::Result<usize> {
    std::fs::create_dir_all(data_dir.join("files"))?;
    let now = now_ms();
    let mut ids: Vec<(i64, i64)> = Vec::with_capacity(ITEMS.len());
    for (i, item) in ITEMS.iter().enumerate() {
        let (access, group) = match item.seen {
            Seen::Public => (ResourceAccess::Public, None),
            Seen::Members => (ResourceAccess::Members, None),
            Seen::Group(name) => {
                let id = groups.iter().find(|(_, n)| *n == name).map(|(id, _)| *id);
                (ResourceAccess::Group, Some(id.ok_or_else(|| anyhow::anyhow!("demo group {name}"))?))
            }
        };
        let d = Description {
            title: item.title.to_string(),
            summary: item.summary.to_string(),
            kind: item.kind.parse::<ResourceKind>().map_err(|_| anyhow::anyhow!("demo kind {}", item.kind))?,
            topics: keys::<Expertise>(item.topics)?,
            languages: vec![item
                .lang
                .parse::<Language>()
                .map_err(|_| anyhow::anyhow!("demo language {}", item.lang))?],
            countries: keys::<Country>(item.countries)?,
            // Every third resource names its author organisation.
            organisation: (i % 3 == 0 && !organisations.is_empty())
                .then(|| organisations[(i * 7) % organisations.len()]),
            published: chrono::NaiveDate::parse_from_str(item.published, "%Y-%m-%d").ok(),
            licence: [
                Licence::CcBy,
                Licence::CcBySa,
                Licence::CcByNc,
                Licence::AllRightsReserved,
                Licence::PublicDomain,
            ][i % 5],
            link: match item.body {
                Body::Link(url) => Some(url::Url::parse(url)?),
                _ => None,
            },
            access,
            group,
        };
        let family = item.translates.map(|t| ids[t].1);
        // One every eight days, so that the library grows over the demo's year.
        let at = now - (ITEMS.len() - i) as i64 * 8 * 86_400_000;
        let author = authors[(i * 5) % authors.len()];
        let id = insert(tx, &d, family, Some(author), at).await?;
        let file: Option<(&str, Vec<u8>, &str)> = match &item.body {
            Body::Pdf(name, lines) => Some((name, pdf(lines), "application/pdf")),
            Body::Text(name, text) => {
                let mime = if name.ends_with(".csv") { "text/csv" } else { "text/plain" };
                Some((name, text.as_bytes().to_vec(), mime))
            }
            Body::Link(_) => None,
        };
        if let Some((name, bytes, mime)) = file {
            // The demo's files pass the same checks as uploads.
            let checked = files::classify(&bytes, name, files::is_plain_text(&bytes))
                .map_err(|r| anyhow::anyhow!("demo file {name}: {r:?}"))?;
            anyhow::ensure!(checked == mime, "demo file {name} is {checked}");
            let sha256 = files::store_bytes(data_dir, &bytes)?;
            let sql = "INSERT INTO library_files (sha256, size, media_type, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING";
            on_tx!(tx, c => sqlx::query(sql).bind(&sha256).bind(bytes.len() as i64).bind(mime).bind(at)
                .execute(&mut **c).await.map(crate::db::affected))?;
            let sql = "INSERT INTO resource_versions (resource_id, sha256, filename, size, media_type, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
            on_tx!(tx, c => sqlx::query(sql).bind(id).bind(&sha256).bind(name).bind(bytes.len() as i64).bind(mime).bind(at)
                .execute(&mut **c).await.map(crate::db::affected))?;
            let downloads = ((i * 37) % 140) as i64;
            on_tx!(tx, c => sqlx::query("UPDATE resources SET downloads = $1 WHERE id = $2").bind(downloads).bind(id)
                .execute(&mut **c).await.map(crate::db::affected))?;
            // The same downloads, spread over the days since the resource came in.
            let days = ((now - at) / 86_400_000).max(1);
            let mut per_day: std::collections::BTreeMap<String, i64> = std::collections::BTreeMap::new();
            for k in 0..downloads {
                let on = at + (k * 7919 + i as i64 * 31) % days * 86_400_000;
                let day =
                    chrono::DateTime::from_timestamp_millis(on).unwrap_or_default().format("%Y-%m-%d").to_string();
                *per_day.entry(day).or_default() += 1;
            }
            for (day, n) in per_day {
                let sql = "INSERT INTO resource_downloads (resource_id, day, count) VALUES ($1, $2, $3)";
                on_tx!(tx, c => sqlx::query(sql).bind(id).bind(day).bind(n).execute(&mut **c).await.map(crate::db::affected))?;
            }
        }
        ids.push((id, family.unwrap_or(id)));
    }
    Ok(ITEMS.len())
}

/// The demo champions' training materials and speaking opportunities point to the
/// resources they consisted of.
pub async fn link_champion_support(db: &Db) -> Result<(), sqlx::Error> {
    for (support, item) in [("training_materials", &ITEMS[0]), ("speaking_opportunity", &ITEMS[16])] {
        let sql = "UPDATE champion_notes SET resource_id = (SELECT MIN(id) FROM resources WHERE title = $1) WHERE support = $2";
        on_db!(db, pool => sqlx::query(sql).bind(item.title).bind(support).execute(pool).await.map(affected))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_library_covers_four_languages_and_its_pdfs_are_pdfs() {
        assert!(ITEMS.len() >= 40);
        for lang in ["en", "th", "ms", "fil"] {
            assert!(ITEMS.iter().filter(|i| i.lang == lang).count() >= 8, "{lang}");
        }
        // Thai resources are written in Thai script, with running text.
        for item in ITEMS.iter().filter(|i| i.lang == "th") {
            assert!(item.title.chars().any(|c| ('\u{0e00}'..='\u{0e7f}').contains(&c)), "{}", item.title);
            assert!(item.summary.chars().filter(|c| ('\u{0e00}'..='\u{0e7f}').contains(c)).count() > 60);
        }
        for (i, item) in ITEMS.iter().enumerate() {
            if let Some(t) = item.translates {
                assert!(t < i && ITEMS[t].lang != item.lang && ITEMS[t].translates.is_none(), "item {i}");
            }
        }
        let bytes = pdf(&["Title (draft)", "A line"]);
        assert_eq!(files::classify(&bytes, "x.pdf", false), Ok("application/pdf"));
        let text = String::from_utf8(bytes).unwrap();
        let xref: usize = text.rsplit("startxref\n").next().unwrap().lines().next().unwrap().parse().unwrap();
        assert!(text[xref..].starts_with("xref\n"), "startxref points at the table");
        let offset: usize = text[xref..].lines().nth(4).unwrap()[..10].parse().unwrap();
        assert!(text[offset..].starts_with("2 0 obj"), "offsets point at their objects");
    }
}

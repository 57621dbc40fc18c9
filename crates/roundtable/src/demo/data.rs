//! Pure generator of the Roundtable demo network: organisations and members for a
//! torture-prevention network in South-East Asia. Deterministic: same seed, same network.

use std::collections::HashSet;

use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

#[derive(Debug, Clone, PartialEq)]
pub struct DemoOrg {
    pub name: String,
    pub sector: &'static str,
    pub country: &'static str,
    pub website: Option<String>,
    pub description: String,
    pub parent: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoAffiliation {
    pub org: usize,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoContact {
    pub kind: &'static str,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoVisibility {
    pub sector: &'static str,
    pub organisations: &'static str,
    pub country: &'static str,
    pub region: &'static str,
    pub languages: &'static str,
    pub expertise: &'static str,
    pub bio: &'static str,
    pub contacts: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoMember {
    pub display_name: String,
    pub email: String,
    pub role: &'static str,
    pub sector: &'static str,
    pub country: &'static str,
    pub region: String,
    pub languages: Vec<&'static str>,
    pub expertise: Vec<&'static str>,
    pub bio: String,
    pub affiliations: Vec<DemoAffiliation>,
    pub contacts: Vec<DemoContact>,
    pub at_risk: bool,
    pub visibility: DemoVisibility,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoNetwork {
    pub orgs: Vec<DemoOrg>,
    pub members: Vec<DemoMember>,
    /// How many of `members` form the shaped network of a normal demo; the rest were added
    /// to reach a size asked for (`demo --members N`).
    pub core: usize,
}

const SECTORS: [&str; 10] =
    ["police", "government", "nhri", "civil_society", "legal", "health", "academia", "international", "media", "other"];

/// Preferred expertise per sector (same order as `SECTORS`).
const SECTOR_EXPERTISE: [&[&str]; 10] = [
    &["investigative_interviewing", "training", "legal_safeguards"],
    &["legal_safeguards", "law_reform", "detention_monitoring", "training"],
    &["detention_monitoring", "opcat_npm", "torture_documentation", "advocacy"],
    &["victim_support", "advocacy", "detention_monitoring", "torture_documentation"],
    &["legal_safeguards", "law_reform", "torture_documentation", "advocacy"],
    &["torture_documentation", "victim_support", "research"],
    &["research", "training", "law_reform", "investigative_interviewing"],
    &["opcat_npm", "training", "advocacy", "law_reform", "detention_monitoring"],
    &["advocacy", "research", "torture_documentation"],
    &["victim_support", "training", "advocacy"],
];

const ALL_EXPERTISE: [&str; 10] = [
    "investigative_interviewing",
    "detention_monitoring",
    "legal_safeguards",
    "opcat_npm",
    "torture_documentation",
    "victim_support",
    "training",
    "law_reform",
    "research",
    "advocacy",
];

// Name pools: whitespace-separated tokens, '_' stands for a space, "latin:thai" pairs for Thai.
const TH_GIVEN: &str = "Somchai:สมชาย Kanokwan:กนกวรรณ Prasert:ประเสริฐ Siriporn:ศิริพร \
    Anan:อนันต์ Wanida:วนิดา Thanakorn:ธนกร Pimchanok:พิมพ์ชนก Nattapong:ณัฐพงศ์ \
    Supaporn:สุภาพร Chaiwat:ชัยวัฒน์ Rattana:รัตนา Kittisak:กิตติศักดิ์ Duangjai:ดวงใจ \
    Worawut:วรวุฒิ Jintana:จินตนา Surachai:สุรชัย Nongluck:นงลักษณ์ Apinya:อภิญญา \
    Pornthip:พรทิพย์ Teerawat:ธีรวัฒน์ Sasithorn:ศศิธร Yutthana:ยุทธนา Orawan:อรวรรณ \
    Panya:ปัญญา Chutima:ชุติมา Wichai:วิชัย Arunee:อรุณี Boonsong:บุญส่ง Malee:มาลี \
    Sakda:ศักดิ์ดา Nipaporn:นิภาพร Pichit:พิชิต Ratchanee:รัชนี Ekkachai:เอกชัย \
    Thitima:ฐิติมา Narong:ณรงค์ Busaba:บุษบา Adisak:อดิศักดิ์ Areeya:อารียา Abdulloh:อับดุลเลาะ";
const TH_FAMILY: &str = "Wongsawat:วงศ์สวัสดิ์ Srisuk:ศรีสุข Saetang:แซ่ตั้ง Rattanakul:รัตนกุล \
    Suksawat:สุขสวัสดิ์ Thongdee:ทองดี Kaewkla:แก้วกล้า Phromma:พรหมมา Boonmee:บุญมี \
    Jaidee:ใจดี Sirisombat:ศิริสมบัติ Chanthawong:จันทวงศ์ Kaewmanee:แก้วมณี Nakhonchai:นครชัย \
    Pongpanich:พงษ์พานิช Meesuk:มีสุข Sangthong:แสงทอง Wattanachai:วัฒนชัย Thammasiri:ธรรมศิริ \
    Duangchan:ดวงจันทร์ Khamphaeng:คำแพง Chaiyasit:ชัยสิทธิ์ Suwannarat:สุวรรณรัตน์ \
    Limthong:ลิ้มทอง Charoensuk:เจริญสุข Ruangrit:เรืองฤทธิ์ Phetsuwan:เพชรสุวรรณ Masae:มะแซ \
    Yusoh:ยูโซะ Intharasuk:อินทรสุข";
const MY_MALAY_M: &str = "Ahmad_Faizal Mohd_Hafiz Muhammad_Amir Azman Khairul_Anuar Hafizuddin \
    Zulkifli Ridzuan Faris Amirul_Hakim Shahrul_Nizam Iskandar Mohd_Firdaus Azlan Syafiq";
const MY_MALAY_F: &str = "Nurul_Aina Siti_Aishah Nur_Izzati Farah_Hanim Aisyah Noraini Zarina \
    Haslinda Nor_Azizah Syazwani Nurul_Huda Rohana Fatimah_Zahra Intan_Safinaz Liyana";
const MY_MALAY_FATHER: &str = "Hassan Abdullah Ismail Yusof Rahman Osman Ibrahim Mahmud Salleh \
    Hamzah Kamaruddin Zainal Omar Aziz Razak Sulaiman Ariffin Jamaluddin";
const MY_CHINESE_FAMILY: &str = "Tan Lim Lee Wong Ng Chong Ong Goh Teh Chan Yap Low Khoo Lau Chin Loh";
const MY_CHINESE_GIVEN: &str = "Wei_Ling Chee_Keong Mei_Ling Kah_Wai Siew_Ling Boon_Hock Li_Ying \
    Jia_Hui Kok_Leong Hui_Min Wai_Kit Soo_Fen Chun_Hao Pei_Shan Yong_Sheng Xin_Yi Zhi_Wei";
const MY_INDIAN_M: &str = "Suresh Ramesh Kumaresan Ganesh Rajesh Arun Vijay Dinesh Prakash Kavin Thinesh";
const MY_INDIAN_F: &str = "Priya Kavitha Lakshmi Anita Shalini Revathi Meena Sangeetha Tharani Vani";
const MY_INDIAN_FATHER: &str = "Subramaniam Krishnan Muniandy Ramasamy Arumugam Nadarajah \
    Govindasamy Perumal Rajendran Sivalingam Maniam";
const PH_GIVEN_F: &str = "Maria_Cristina Ma._Luisa Ana_Patricia Kristine Rowena Liza Angelica Mary_Grace \
    Jocelyn Marites Andrea Rhea Czarina Leonora Joy Katrina Ma._Teresa Lorna Cherry_Ann";
const PH_GIVEN_M: &str = "Jose_Ramon Juan_Carlos Mark_Anthony Jerome Ramon John_Paul Rodel Noel Carlo Paolo \
    Dennis Arnel Raymond Emmanuel Rogelio Edgardo Miguel";
const PH_FAMILY: &str = "Santos Reyes Cruz Bautista Garcia Mendoza Villanueva Ramos Aquino Castillo \
    Fernandez Navarro Pascual Dizon Soriano Salazar Manalo Lopez Gonzales Tolentino Magbanua \
    Dimaculangan Agbayani Macaraeg dela_Cruz de_Guzman delos_Santos Abad";
/// `country|given names|family names` for the smaller countries.
const OTHER_NAMES: [&str; 5] = [
    "ID|Budi Siti Dewi Agus Rina Hendra Yanti Andi Wahyu Ratna|Santoso Wijaya Pratama Lestari Nugroho Hasibuan Siregar Kurniawan",
    "KH|Sophea Dara Vanna Chanthy Sokha Pisey Rithy Bopha|Sok Chea Keo Heng Chan Meas Ouk Prak",
    "TL|Joaquim Ana Mateus Rosa Jacinto Filomena Domingos Leonia|da_Costa Soares Ximenes Belo Guterres Pereira dos_Santos Amaral",
    "CH|Claire Lukas Sophie Matthias Nadia Julien Anna Thomas|Favre Meier Keller Rochat Bernasconi Dubois Gerber",
    "GB|Eleanor James Hannah Oliver Fiona Daniel Rachel Tom|Hughes Whitfield Morgan Clarke Turner Doyle Ashworth Pryce",
];
const PSEUDONYMS: [(&str, &str); 3] = [
    ("TH", "Kru_Dao Phi_Nok Nong_Fah Ajarn_Lek Pa_Noi Phi_Mai"),
    ("MY", "Kak_Yah Abang_Din Cik_Mah Pak_Long"),
    ("PH", "Ate_Liza Kuya_Ben Tita_Nene Ka_Rene Manang_Bel"),
];
/// `country|region|region|...`
const REGIONS: [&str; 8] = [
    "TH|Bangkok|Chiang Mai|Khon Kaen|Songkhla|Pattani|Narathiwat|Yala|Ubon Ratchathani|Nakhon Ratchasima|Phuket|Mae Sot, Tak|Hat Yai",
    "MY|Kuala Lumpur|Petaling Jaya, Selangor|George Town, Penang|Johor Bahru|Kota Kinabalu, Sabah|Kuching, Sarawak|Ipoh, Perak|Kota Bharu, Kelantan|Shah Alam",
    "PH|Quezon City|Manila|Cebu City|Davao City|Iloilo City|Baguio|Cagayan de Oro|Zamboanga City|Bacolod|Laoag|Tacloban|Cotabato City",
    "ID|Jakarta|Yogyakarta|Medan|Makassar",
    "KH|Phnom Penh|Siem Reap|Battambang",
    "TL|Dili|Baucau",
    "CH|Geneva|Bern|Lausanne",
    "GB|London|Bristol|Colchester|Edinburgh",
];

fn draw(rng: &mut ChaCha8Rng, pool: &'static str) -> &'static str {
    let items: Vec<&'static str> = pool.split_whitespace().collect();
    items.choose(rng).copied().unwrap_or("X")
}

fn sector_index(sector: &str) -> usize {
    SECTORS.iter().position(|s| *s == sector).unwrap_or(9)
}

/// Organisations: `slug|parent slug|country|sector|region|name|description|titles (;-separated)`.
/// Parents always come first. Units with a parent have no website of their own.
const ORGS: &[&str] = &[
    "gccs||CH|international|Geneva|Geneva Centre for Custody Safeguards|An international NGO based in Geneva that helps states, NHRIs and civil society prevent torture through detention monitoring and safeguards in the first hours of custody.|Programme Officer;Senior Legal Adviser;Detention Monitoring Adviser;Director of Programmes",
    "gccs-bkk|gccs|TH|international|Bangkok|Geneva Centre for Custody Safeguards, Bangkok Office|The Centre's regional office for South-East Asia, supporting national preventive mechanisms and police reform projects.|Regional Programme Coordinator, South-East Asia;Programme Officer;Training Consultant",
    "ohchr-sea||TH|international|Bangkok|UN Human Rights Office, South-East Asia Regional Office|Regional office of the UN High Commissioner for Human Rights, supporting states in the region on treaty ratification and implementation.|Human Rights Officer;Associate Human Rights Officer;Regional Adviser on Detention",
    "aichr||ID|international|Jakarta|ASEAN Intergovernmental Commission on Human Rights, Support Unit|Supports the regional human rights body of ASEAN with research, thematic studies and dialogue events.|Programme Officer;Technical Adviser;Senior Officer, Thematic Studies",
    "seanat||TH|civil_society|Bangkok|South-East Asia Network Against Torture|A regional coalition of NGOs, lawyers and health professionals working to end torture; it hosts this Roundtable.|Network Administrator;Network Coordinator;Communications Officer;Membership Officer",
    "rpca||TH|police|Sam Phran, Nakhon Pathom|Royal Police Cadet Academy|Trains the commissioned officers of the Royal Thai Police, including courses on criminal procedure and investigative interviewing.|Pol. Lt. Col., Instructor in Investigative Interviewing;Pol. Maj., Lecturer in Criminal Procedure;Pol. Col., Deputy Commandant for Academic Affairs;Pol. Capt., Training Officer;Pol. Lt., Instructor in Custody Management",
    "rtp-edu||TH|police|Bangkok|Police Education Bureau, Royal Thai Police|Runs in-service training for Thai police officers, including modules on the 2022 anti-torture and enforced disappearance law.|Pol. Col., Director of Curriculum;Pol. Lt. Col., Human Rights Training Coordinator;Pol. Maj., Course Designer",
    "nhrct||TH|nhri|Bangkok|National Human Rights Commission of Thailand|Thailand's national human rights institution; it examines complaints and visits places of detention.|Commissioner;Director, Human Rights Protection Bureau;Senior Human Rights Officer;Human Rights Investigator;Legal Officer",
    "nhrct-dmu|nhrct|TH|nhri|Bangkok|NHRCT Detention Monitoring Unit|Plans and carries out visits to police stations, prisons and immigration detention centres.|Head, Detention Monitoring Unit;Monitoring Officer;Medical Adviser to the Monitoring Team",
    "nhrct-south|nhrct|TH|nhri|Songkhla|NHRCT Southern Region Office|Covers Songkhla and the southern border provinces, where special security laws allow extended detention.|Head of Office;Human Rights Officer;Field Investigator",
    "rlpd||TH|government|Bangkok|Rights and Liberties Protection Department, Ministry of Justice|Responsible for human rights policy, compensation for victims and the secretariat of the national anti-torture committee.|Director, Human Rights Protection Division;Legal Officer;Policy Analyst;Senior Legal Officer, Anti-Torture Secretariat",
    "dc-th||TH|government|Nonthaburi|Department of Corrections|Administers Thailand's prisons and correctional institutions.|Prison Superintendent;Corrections Officer, Training Unit;Director, Inmate Welfare Division",
    "oag-th||TH|government|Bangkok|Office of the Attorney General|Thailand's prosecution service, which reviews allegations of torture raised in criminal cases.|Public Prosecutor;Senior Public Prosecutor;Deputy Director, Human Rights Protection Office",
    "slan||TH|civil_society|Bangkok|Siam Legal Aid Network|A network of lawyers and paralegals giving free legal aid to people in police custody.|Legal Aid Coordinator;Paralegal;Case Manager;Project Lead, Custody Hotline",
    "baanfuen||TH|civil_society|Chiang Mai|Baan Fuen Rehabilitation Centre|Offers medical, psychological and social support to survivors of torture and their families.|Clinical Psychologist;Social Worker;Programme Manager;Case Worker",
    "dsdc||TH|civil_society|Pattani|Deep South Documentation Collective|Documents allegations of torture and ill-treatment in the southern border provinces.|Documentation Officer;Field Researcher;Coordinator",
    "lct||TH|legal|Bangkok|Lawyers Council of Thailand|The national professional body of lawyers; its human rights committee litigates torture cases.|Lawyer, Human Rights Committee;Member, Subcommittee on Torture Cases;Legal Aid Lawyer",
    "cifs||TH|health|Bangkok|Central Institute of Forensic Science|Carries out forensic examinations, including autopsies after deaths in custody.|Forensic Pathologist;Forensic Physician;Forensic Scientist",
    "siriraj-fm||TH|health|Bangkok|Department of Forensic Medicine, Siriraj Hospital|Provides forensic medical examinations and teaches documentation under the Istanbul Protocol.|Forensic Physician;Lecturer in Forensic Medicine;Resident, Forensic Medicine",
    "tu-law||TH|academia|Bangkok|Faculty of Law, Thammasat University|Teaches and researches criminal justice and human rights law.|Lecturer in Criminal Law;Associate Professor of Law;Researcher, Criminal Justice Reform",
    "mahidol-ihrp||TH|academia|Nakhon Pathom|Institute of Human Rights and Peace Studies, Mahidol University|Graduate institute for human rights and peace studies with research on detention and policing.|Lecturer in Human Rights;Researcher;Assistant Professor",
    "cpjd||TH|media|Bangkok|Chao Phraya Justice Desk|An independent newsroom reporting on policing, prisons and the courts.|Investigative Reporter;Editor;Data Journalist",
    "tcia||TH|other|Bangkok|Thai Court and Custody Interpreters Association|Trains and accredits interpreters for suspects and detainees who do not speak Thai.|Interpreter (Burmese-Thai);Interpreter (Malay-Thai);Training Coordinator",
    "pdrm-kkb||MY|police|Kuala Kubu Bharu, Selangor|Royal Malaysia Police College Kuala Kubu Bharu|The principal training college of the Royal Malaysia Police.|ASP, Instructor in Investigative Interviewing;DSP, Head of Criminal Investigation Training;Inspector, Instructor in Custody Procedures;Superintendent, Deputy Commandant (Training)",
    "pdrm-jips||MY|police|Kuala Lumpur|Integrity and Standards Compliance Department, Royal Malaysia Police|Handles misconduct complaints against police officers, including deaths in police custody.|ACP, Deputy Director;DSP, Investigating Officer;Inspector, Lock-up Compliance Officer",
    "suhakam||MY|nhri|Kuala Lumpur|Human Rights Commission of Malaysia (SUHAKAM)|Malaysia's national human rights institution; it visits prisons, police lock-ups and immigration depots.|Commissioner;Secretary, Complaints and Monitoring;Senior Human Rights Officer;Human Rights Officer",
    "suhakam-cmd|suhakam|MY|nhri|Kuala Lumpur|SUHAKAM Complaints and Monitoring Division|Receives complaints and organises visits to places of detention across Peninsular Malaysia.|Head, Detention Monitoring Unit;Monitoring Officer;Investigation Officer",
    "suhakam-sabah|suhakam|MY|nhri|Kota Kinabalu, Sabah|SUHAKAM Sabah Office|Covers Sabah, including immigration depots holding stateless people and migrants.|Head of Office;Human Rights Officer",
    "prisons-my||MY|government|Kajang, Selangor|Malaysian Prison Department|Administers prisons, rehabilitation centres and parole in Malaysia.|Prison Director;Deputy Superintendent of Prisons;Rehabilitation Officer",
    "agc-my||MY|government|Putrajaya|Attorney General's Chambers of Malaysia|The public prosecutor and legal adviser to the government of Malaysia.|Deputy Public Prosecutor;Senior Federal Counsel;Legal Adviser, International Affairs Division",
    "suara||MY|civil_society|Petaling Jaya, Selangor|Suara Keadilan Legal Aid Society|Gives legal aid to detainees and families, and monitors deaths in custody.|Legal Aid Coordinator;Case Officer;Executive Director",
    "harapan||MY|civil_society|George Town, Penang|Pusat Pemulihan Harapan|A rehabilitation centre for survivors of torture and custodial violence, offering counselling and medical referrals.|Counsellor;Programme Manager;Social Worker",
    "malbar||MY|legal|Kuala Lumpur|Malaysian Bar|The professional body of advocates and solicitors in Peninsular Malaysia.|Advocate and Solicitor, Human Rights Committee;Co-Chair, Criminal Law Committee;Advocate and Solicitor",
    "kl-lac|malbar|MY|legal|Kuala Lumpur|Kuala Lumpur Legal Aid Centre|The Bar's legal aid centre, giving free representation at remand hearings.|Legal Aid Lawyer;Remand Programme Coordinator;Pupil in Chambers",
    "hkl-fm||MY|health|Kuala Lumpur|Department of Forensic Medicine, Hospital Kuala Lumpur|Performs post-mortem examinations, including in deaths in custody, and clinical forensic assessments.|Forensic Pathologist;Medical Officer, Forensic Medicine;Consultant Forensic Pathologist",
    "um-law||MY|academia|Kuala Lumpur|Faculty of Law, Universiti Malaya|Teaches and researches criminal law, evidence and human rights.|Senior Lecturer in Criminal Justice;Associate Professor;Research Fellow",
    "usm-crim||MY|academia|George Town, Penang|Criminology Programme, Universiti Sains Malaysia|Researches policing, prisons and crime prevention in Malaysia.|Lecturer in Criminology;Postdoctoral Researcher",
    "lensa||MY|media|Kuala Lumpur|Lensa Keadilan|An independent online outlet covering custodial deaths, detention without trial and police accountability.|Journalist;Editor;Video Producer",
    "mipc||MY|other|Ipoh, Perak|Malaysian Interfaith Prison Care Network|Volunteers from different faith communities who visit prisoners and support their families.|Volunteer Chaplain;Coordinator;Family Support Volunteer",
    "pnpa||PH|police|Silang, Cavite|Philippine National Police Academy|The premier institution for the education of police officers in the Philippines.|PLtCol, Instructor in Investigative Interviewing;PMaj, Training Officer;PCpt, Faculty Member, Criminal Investigation;PCol, Dean of Academics",
    "pnp-hrao||PH|police|Quezon City|PNP Human Rights Affairs Office|Oversees human rights education and compliance within the Philippine National Police.|PCol, Chief, Human Rights Education Division;PLt, Human Rights Desk Officer;Training Specialist",
    "chr||PH|nhri|Quezon City|Commission on Human Rights of the Philippines|The constitutional human rights body of the Philippines, with visitorial powers over jails and detention facilities.|Commissioner;Director, Human Rights Protection Office;Senior Investigator;Attorney, Legal Division",
    "chr-r7|chr|PH|nhri|Cebu City|CHR Region VII Office|Covers Central Visayas, investigating complaints and visiting jails and police stations.|Regional Director;Investigator;Jail Visitation Officer",
    "chr-npm|chr|PH|nhri|Quezon City|CHR National Preventive Mechanism Secretariat|Coordinates preventive visits to places of deprivation of liberty under the OPCAT.|Head, NPM Secretariat;NPM Programme Officer;Medical Officer, Visiting Team",
    "doj-nps||PH|government|Manila|National Prosecution Service, Department of Justice|Prosecutes criminal cases, including under the Anti-Torture Act of 2009.|Public Prosecutor;Senior Assistant City Prosecutor;Prosecution Attorney",
    "bjmp||PH|government|Quezon City|Bureau of Jail Management and Penology|Runs district, city and municipal jails across the Philippines.|Jail Warden;JSInsp, Welfare and Development Officer;JCInsp, Human Rights Officer",
    "pao||PH|government|Quezon City|Public Attorney's Office|Provides free legal representation to indigent persons, including detainees.|Public Attorney II;Public Attorney IV;District Public Attorney",
    "paghilom||PH|civil_society|Davao City|Balay Paghilom Rehabilitation Center|Provides psychosocial rehabilitation to survivors of torture and their communities in Mindanao.|Psychosocial Worker;Executive Director;Community Organiser",
    "bantay||PH|civil_society|Quezon City|Bantay Kulungan Documentation Network|Documents torture and ill-treatment in jails and police stations and supports complaints.|Documentation Officer;Paralegal;Atty., Legal Aid Coordinator",
    "ibp||PH|legal|Pasig City|Integrated Bar of the Philippines|The national organisation of lawyers in the Philippines, with legal aid offices in every chapter.|Atty., Legal Aid Coordinator;Atty., Chair, Committee on Human Rights;Atty., Chapter Legal Aid Counsel",
    "pgh-fm||PH|health|Manila|Forensic Medicine Unit, Philippine General Hospital|Conducts medico-legal examinations and trains doctors to document torture.|Forensic Pathologist;Medico-Legal Officer;Psychiatrist",
    "up-law||PH|academia|Quezon City|University of the Philippines College of Law|Teaches criminal law and human rights and runs a legal aid clinic.|Professor of Law;Assistant Professor;Researcher, Institute of Human Rights",
    "pcc||PH|academia|Manila|Philippine College of Criminology|Educates criminologists and police officers in criminal investigation and ethics.|Dean, College of Criminology;Instructor in Criminal Investigation;Researcher",
    "bbcir||PH|media|Quezon City|Bantay Balita Center for Investigative Reporting|A non-profit newsroom investigating abuses in policing and detention.|Investigative Journalist;Managing Editor;Researcher-Writer",
    "ppcf||PH|other|Cebu City|Philippine Prison Chaplaincy Foundation|Faith-based volunteers who visit persons deprived of liberty and help them reconnect with families.|Chaplain;Volunteer Coordinator;Programme Officer",
    "komnasham||ID|nhri|Jakarta|Komnas HAM (National Human Rights Commission of Indonesia)|Indonesia's national human rights institution, part of a cooperative mechanism for the prevention of torture.|Commissioner;Monitoring Officer;Researcher",
    "lbhn||ID|legal|Jakarta|Lembaga Bantuan Hukum Nusantara|A legal aid institute defending suspects and survivors of police violence.|Public Defender;Legal Aid Lawyer",
    "ccdr||KH|civil_society|Phnom Penh|Cambodian Centre for Detainee Rights|Monitors pre-trial detention and provides legal referrals for detainees.|Monitoring Officer;Legal Officer;Executive Director",
    "pdhj||TL|nhri|Dili|Provedoria for Human Rights and Justice|Timor-Leste's national human rights institution and ombudsman.|Human Rights Officer;Deputy Provedor",
    "hric||GB|academia|Bristol|Human Rights Implementation Centre, University of Bristol|Researches how human rights standards, including the OPCAT, are put into practice.|Research Fellow;Professor of International Human Rights Law",
    "geneva-academy||CH|academia|Geneva|Geneva Academy of International Humanitarian Law and Human Rights|Postgraduate teaching and research on international human rights law.|Research Fellow;Lecturer",
];

struct OrgRow {
    slug: &'static str,
    parent: &'static str,
    country: &'static str,
    sector: &'static str,
    region: &'static str,
    name: &'static str,
    description: &'static str,
    titles: &'static str,
}

fn org_row(row: &'static str) -> OrgRow {
    let mut f = row.split('|');
    let mut next = || f.next().unwrap_or("");
    OrgRow {
        slug: next(),
        parent: next(),
        country: next(),
        sector: next(),
        region: next(),
        name: next(),
        description: next(),
        titles: next(),
    }
}

fn build_orgs() -> Vec<DemoOrg> {
    let rows: Vec<OrgRow> = ORGS.iter().map(|r| org_row(r)).collect();
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let parent = rows[..i].iter().position(|p| !r.parent.is_empty() && p.slug == r.parent);
            DemoOrg {
                name: r.name.to_string(),
                sector: r.sector,
                country: r.country,
                website: parent.is_none().then(|| format!("https://{}.example", r.slug)),
                description: r.description.to_string(),
                parent,
            }
        })
        .collect()
}

/// English bio openers per sector (same order as `SECTORS`), '|'-separated.
const BIO_EN: [&str; 10] = [
    "Trains cadets and serving officers in rapport-based, non-coercive interviewing.|Has {n} years of experience in criminal investigation and now focuses on safeguards in the first hours of custody.|Coordinates in-service training on custody procedures and the rights of suspects in {region}.",
    "Works on implementing the national anti-torture law and the rules on recording arrests.|Reviews allegations of ill-treatment raised during criminal proceedings.|Responsible for staff training and complaints mechanisms in places of detention for {n} years.",
    "Leads unannounced visits to police stations, prisons and immigration detention.|Has handled complaints of ill-treatment in custody for {n} years, mostly around {region}.|Follows up recommendations from monitoring visits in dialogue with detention authorities.",
    "Supports survivors of torture and their families with legal, medical and psychosocial referrals.|Documents cases of ill-treatment in custody and brings them to oversight bodies.|Runs a hotline for families of people held in police custody in {region}.",
    "Criminal defence lawyer representing detainees at the investigation stage for {n} years.|Litigates cases of torture and deaths in custody and pushes for access to a lawyer from the moment of arrest.|Works on law reform, including the exclusion of coerced confessions.",
    "Conducts medico-legal examinations following the Istanbul Protocol.|Provides psychological care to survivors of torture and trains health staff working in prisons.|Has performed autopsies in deaths in custody and teaches forensic documentation.",
    "Researches police interviewing practices and false confessions.|Teaches criminal procedure and international human rights law and supervises research on detention.|Leads a research project on pre-trial detention and safeguards in {region}.",
    "Supports national preventive mechanisms and police training projects across South-East Asia.|Advises governments on OPCAT ratification and the design of national preventive mechanisms.|Coordinates regional exchanges between police, NHRIs and civil society.",
    "Investigative journalist covering policing, prisons and the courts for {n} years.|Reports on deaths in custody and follows cases over several years.|Produces explainers on the rights of detainees for a general audience.",
    "Interpreter for suspects and detainees; trains other interpreters on confidentiality and ethics.|Visits prisoners regularly as a volunteer and supports their families.|Works with families of detainees and community groups in {region}.",
];
const BIO_EN_MORE: &str = "Speaks regularly at regional trainings.|Happy to share training materials with network members.|Interested in exchanges with colleagues from other countries.|Mentors younger colleagues entering the field.|Can help with local contacts in {region}.|Previously worked in criminal justice for {n} years.";
/// Own-language bios per sector (Thai, Malay, Filipino), '|'-separated; the 11th is an optional closing sentence.
const BIO_LOCAL: [(&str, &str); 3] = [
    ("TH", "สอนการสอบปากคำผู้ต้องหาโดยไม่ใช้การบังคับให้แก่นักเรียนนายร้อยตำรวจและเจ้าหน้าที่ตำรวจ|รับผิดชอบงานคุ้มครองสิทธิของผู้ถูกควบคุมตัวตามพระราชบัญญัติป้องกันและปราบปรามการทรมานและการกระทำให้บุคคลสูญหาย|ทำงานด้านการตรวจเยี่ยมสถานที่ควบคุมตัวและการป้องกันการทรมานมากว่าสิบปี|ให้ความช่วยเหลือผู้เสียหายจากการทรมานและครอบครัว ทั้งด้านกฎหมาย การแพทย์ และจิตใจ|ทนายความด้านสิทธิมนุษยชน ว่าความในคดีการทรมานและการเสียชีวิตระหว่างการควบคุมตัว|แพทย์นิติเวช ตรวจร่างกายและจัดทำรายงานตามแนวทางพิธีสารอิสตันบูล|สอนและวิจัยด้านกระบวนการยุติธรรมทางอาญาและสิทธิมนุษยชน|สนับสนุนกลไกป้องกันการทรมานระดับชาติและการฝึกอบรมตำรวจในภูมิภาคเอเชียตะวันออกเฉียงใต้|ผู้สื่อข่าวสายสืบสวนที่ติดตามประเด็นตำรวจ เรือนจำ และกระบวนการยุติธรรม|ล่ามให้แก่ผู้ต้องหาและผู้ถูกควบคุมตัวที่ไม่ได้พูดภาษาไทย|ยินดีแลกเปลี่ยนประสบการณ์กับสมาชิกในเครือข่าย"),
    ("MY", "Mengajar teknik temu duga penyiasatan tanpa paksaan kepada pegawai polis.|Bertanggungjawab terhadap latihan kakitangan dan mekanisme aduan di tempat tahanan.|Terlibat dalam lawatan ke lokap polis, penjara dan depoh imigresen selama lebih sepuluh tahun.|Membantu mangsa penyeksaan dan keluarga mereka mendapatkan bantuan guaman, perubatan dan sokongan psikososial.|Peguam yang mewakili tahanan reman dan mangsa keganasan dalam tahanan.|Pakar perubatan forensik yang menjalankan pemeriksaan mengikut Protokol Istanbul.|Mengajar dan menjalankan penyelidikan tentang keadilan jenayah dan hak asasi manusia.|Menyokong institusi hak asasi manusia kebangsaan dan latihan polis di Asia Tenggara.|Wartawan penyiasatan yang membuat liputan tentang kematian dalam tahanan dan akauntabiliti polis.|Sukarelawan yang melawat banduan dan membantu keluarga mereka.|Berminat untuk berkongsi pengalaman dengan rakan-rakan dalam rangkaian ini."),
    ("PH", "Nagtuturo ng investigative interviewing na walang pamimilit sa mga kadete at pulis.|Nangangasiwa sa pagsasanay ng mga tauhan at sa mekanismo ng reklamo sa mga piitan.|Mahigit sampung taon nang bumibisita sa mga kulungan at presinto upang maiwasan ang tortyur.|Tumutulong sa mga biktima ng tortyur at sa kanilang pamilya sa usaping legal, medikal at psychosocial.|Abogadong kumakatawan sa mga detenido at sa mga biktima ng tortyur sa korte.|Doktor na gumagawa ng medico-legal na pagsusuri ayon sa Istanbul Protocol.|Nagtuturo at nagsasaliksik tungkol sa criminal justice at karapatang pantao.|Sumusuporta sa mga pambansang mekanismo laban sa tortyur at sa pagsasanay ng pulis sa Timog-silangang Asya.|Mamamahayag na nag-uulat tungkol sa pulisya, mga kulungan at mga korte.|Boluntaryong dumadalaw sa mga bilanggo at tumutulong sa kanilang pamilya.|Bukas sa palitan ng karanasan sa mga kasama sa network."),
];

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Thai,
    ThaiScript,
    Malay,
    Chinese,
    Indian,
    Filipino,
    Other,
}

struct Person {
    display: String,
    given: String,
    family: String,
    style: Style,
}

fn tok(s: &str) -> String {
    s.replace('_', " ")
}

fn slug(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

fn random_person(rng: &mut ChaCha8Rng, country: &str) -> Person {
    let person = |display: String, given: String, family: String, style| Person { display, given, family, style };
    match country {
        "TH" => {
            let (g, g_th) = draw(rng, TH_GIVEN).split_once(':').unwrap_or(("Anan", "อนันต์"));
            let (f, f_th) = draw(rng, TH_FAMILY).split_once(':').unwrap_or(("Srisuk", "ศรีสุข"));
            if rng.random_bool(0.33) {
                person(format!("{g_th} {f_th}"), g.into(), f.into(), Style::ThaiScript)
            } else {
                person(format!("{g} {f}"), g.into(), f.into(), Style::Thai)
            }
        }
        "MY" => {
            let roll = rng.random_range(0..100);
            let female = rng.random_bool(0.5);
            if roll < 55 {
                let given = tok(draw(rng, if female { MY_MALAY_F } else { MY_MALAY_M }));
                let father = tok(draw(rng, MY_MALAY_FATHER));
                let link = if female { "binti" } else { "bin" };
                person(format!("{given} {link} {father}"), given, father, Style::Malay)
            } else if roll < 80 {
                let family = draw(rng, MY_CHINESE_FAMILY).to_string();
                let given = tok(draw(rng, MY_CHINESE_GIVEN));
                person(format!("{family} {given}"), given, family, Style::Chinese)
            } else {
                let given = draw(rng, if female { MY_INDIAN_F } else { MY_INDIAN_M }).to_string();
                let father = draw(rng, MY_INDIAN_FATHER).to_string();
                let link = if female { "a/p" } else { "a/l" };
                person(format!("{given} {link} {father}"), given, father, Style::Indian)
            }
        }
        "PH" => {
            // Married women often keep their maiden name: "Ma. Luisa Reyes-Bautista".
            let female = rng.random_bool(0.55);
            let given = tok(draw(rng, if female { PH_GIVEN_F } else { PH_GIVEN_M }));
            let mut family = tok(draw(rng, PH_FAMILY));
            let second = tok(draw(rng, PH_FAMILY));
            if female && rng.random_bool(0.25) && second != family && !family.contains(' ') && !second.contains(' ') {
                family = format!("{family}-{second}");
            }
            person(format!("{given} {family}"), given, family, Style::Filipino)
        }
        _ => {
            let row = OTHER_NAMES.iter().find(|o| o.starts_with(country)).copied().unwrap_or(OTHER_NAMES[4]);
            let mut parts = row.split('|').skip(1);
            let (g_pool, f_pool) = (parts.next().unwrap_or("Ann"), parts.next().unwrap_or("Lee"));
            let given = tok(draw(rng, g_pool));
            let family = tok(draw(rng, f_pool));
            let display = if country == "KH" { format!("{family} {given}") } else { format!("{given} {family}") };
            person(display, given, family, Style::Other)
        }
    }
}

fn pseudonym(rng: &mut ChaCha8Rng, country: &str) -> String {
    match PSEUDONYMS.iter().find(|p| p.0 == country) {
        Some(p) if rng.random_bool(0.6) => tok(draw(rng, p.1)),
        _ => {
            let letters: Vec<char> = "ABCDEFGJKLMNPRSTW".chars().collect();
            let a = letters.choose(rng).copied().unwrap_or('M');
            let b = letters.choose(rng).copied().unwrap_or('R');
            format!("{a}. {b}.")
        }
    }
}

fn phone(rng: &mut ChaCha8Rng, country: &str, mobile: bool) -> String {
    let n4 = rng.random_range(0..10_000);
    let d = rng.random_range(1..10);
    match (country, mobile) {
        ("TH", false) => format!("+66 2 555 {n4:04}"),
        ("TH", true) => format!("+66 8{d} 555 {n4:04}"),
        ("MY", false) => format!("+60 3 5550 {n4:04}"),
        ("MY", true) => format!("+60 1{} 555 {n4:04}", d.max(2)),
        ("PH", false) => format!("+63 2 8555 {n4:04}"),
        ("PH", true) => format!("+63 91{d} 555 {n4:04}"),
        ("ID", false) => format!("+62 21 555 {n4:04}"),
        ("ID", true) => format!("+62 81{d} 555 {n4:04}"),
        ("KH", false) => format!("+855 23 555 {:03}", n4 % 1000),
        ("KH", true) => format!("+855 12 555 {:03}", n4 % 1000),
        ("TL", _) => format!("+670 7555 {n4:04}"),
        ("CH", false) => format!("+41 22 555 {:02} {:02}", n4 / 100 % 100, n4 % 100),
        ("CH", true) => format!("+41 79 555 {:02} {:02}", n4 / 100 % 100, n4 % 100),
        (_, false) => format!("+44 20 7946 0{:03}", n4 % 1000),
        (_, true) => format!("+44 7700 900{:03}", n4 % 1000),
    }
}

/// The three well-known accounts:
/// `role|sector|display name|given|family|email|org slug|title|region|languages|expertise|bio`.
const FIXED: [&str; 3] = [
    "admin|civil_society|Kanokwan Srisuk|Kanokwan|Srisuk|admin@example.org|seanat|Network Administrator|Bangkok|th en|advocacy training|Runs the Roundtable platform for the South-East Asia Network Against Torture and welcomes new members. Previously coordinated legal aid for detainees in Bangkok.",
    "coordinator|international|Siriporn Chanthawong|Siriporn|Chanthawong|coordinator@example.org|gccs-bkk|Regional Programme Coordinator, South-East Asia|Bangkok|th en fr|opcat_npm detention_monitoring training|Coordinates the Centre's work with national preventive mechanisms and police academies in Thailand, Malaysia and the Philippines. Former monitoring officer at the National Human Rights Commission of Thailand.",
    "member|police|Somchai Wongsawat|Somchai|Wongsawat|member@example.org|rpca|Pol. Lt. Col., Instructor in Investigative Interviewing|Sam Phran, Nakhon Pathom|th en|investigative_interviewing training|Teaches investigative interviewing to police cadets and in-service officers. Took part in the national pilot on audio-visual recording of suspect interviews.",
];

struct Fixed {
    display: &'static str,
    given: &'static str,
    family: &'static str,
    email: &'static str,
    org: &'static str,
    title: &'static str,
    region: &'static str,
    languages: Vec<&'static str>,
    expertise: Vec<&'static str>,
    bio: &'static str,
}

fn fixed_slot(row: &'static str) -> Slot {
    let mut f = row.split('|');
    let mut next = || f.next().unwrap_or("");
    let (role, sector) = (next(), next());
    let fixed = Fixed {
        display: next(),
        given: next(),
        family: next(),
        email: next(),
        org: next(),
        title: next(),
        region: next(),
        languages: next().split(' ').collect(),
        expertise: next().split(' ').collect(),
        bio: next(),
    };
    Slot { country: "TH", sector, role, at_risk: false, fixed: Some(fixed) }
}

struct Slot {
    country: &'static str,
    sector: &'static str,
    role: &'static str,
    at_risk: bool,
    fixed: Option<Fixed>,
}

const SECTOR_WEIGHTS: [u32; 10] = [14, 10, 12, 19, 12, 9, 10, 4, 5, 5];

fn weighted_sector(rng: &mut ChaCha8Rng) -> &'static str {
    let mut roll = rng.random_range(0..SECTOR_WEIGHTS.iter().sum::<u32>());
    for (sector, w) in SECTORS.iter().zip(SECTOR_WEIGHTS) {
        if roll < w {
            return sector;
        }
        roll -= w;
    }
    "other"
}

/// Members per country in the core network; extra members are drawn in the same proportions.
const COUNTRY_SIZES: [(&str, usize); 8] =
    [("TH", 60), ("MY", 50), ("PH", 54), ("ID", 3), ("KH", 3), ("TL", 2), ("CH", 3), ("GB", 2)];
const CORE_COUNTRIES: usize = 3;
const RISKY_SECTORS: [&str; 6] = ["civil_society", "legal", "media", "health", "nhri", "other"];

fn slot(country: &'static str, sector: &'static str, role: &'static str) -> Slot {
    Slot { country, sector, role, at_risk: false, fixed: None }
}

/// A sector for a member outside the core countries: international staff, or one of the
/// sectors with an organisation there.
fn foreign_sector(rng: &mut ChaCha8Rng, rows: &[OrgRow], country: &str) -> &'static str {
    let mut options: Vec<&'static str> = vec!["international"];
    options.extend(rows.iter().filter(|r| r.country == country).map(|r| r.sector));
    options.choose(rng).copied().unwrap_or("international")
}

/// Members beyond the core network, for trying Roundtable at a large network's size: drawn
/// country by country in the core's proportions, a few of them at risk.
fn extra_slots(rng: &mut ChaCha8Rng, rows: &[OrgRow], n: usize) -> Vec<Slot> {
    let total: usize = COUNTRY_SIZES.iter().map(|c| c.1).sum();
    (0..n)
        .map(|_| {
            let mut roll = rng.random_range(0..total);
            let (i, country) = COUNTRY_SIZES
                .iter()
                .enumerate()
                .find_map(|(i, &(c, w))| {
                    if roll < w {
                        Some((i, c))
                    } else {
                        roll -= w;
                        None
                    }
                })
                .unwrap_or((0, "TH"));
            let sector = if i < CORE_COUNTRIES { weighted_sector(rng) } else { foreign_sector(rng, rows, country) };
            let mut s = slot(country, sector, "member");
            s.at_risk = RISKY_SECTORS.contains(&sector) && rng.random_bool(0.05);
            s
        })
        .collect()
}

fn build_slots(rng: &mut ChaCha8Rng, rows: &[OrgRow]) -> Vec<Slot> {
    let mut slots = Vec::new();
    for &(country, n) in &COUNTRY_SIZES[..CORE_COUNTRIES] {
        for sector in SECTORS {
            // The first civil society member of each core country coordinates.
            let role = if sector == "civil_society" { "coordinator" } else { "member" };
            slots.push(slot(country, sector, role));
        }
        for _ in SECTORS.len()..n {
            let sector = weighted_sector(rng);
            slots.push(slot(country, sector, "member"));
        }
    }
    for &(country, n) in &COUNTRY_SIZES[CORE_COUNTRIES..] {
        for _ in 0..n {
            let sector = foreign_sector(rng, rows, country);
            slots.push(slot(country, sector, "member"));
        }
    }
    let extra = ["nhri", "international", "civil_society", "legal"];
    let candidates: Vec<usize> =
        (0..slots.len()).filter(|&i| slots[i].role == "member" && extra.contains(&slots[i].sector)).collect();
    let n_extra = rng.random_range(1..=3);
    for &i in candidates.choose_multiple(rng, n_extra) {
        slots[i].role = "coordinator";
    }
    let candidates: Vec<usize> =
        (0..slots.len()).filter(|&i| slots[i].role == "member" && RISKY_SECTORS.contains(&slots[i].sector)).collect();
    let n_risk = rng.random_range(7..=10);
    for &i in candidates.choose_multiple(rng, n_risk) {
        slots[i].at_risk = true;
    }
    slots.shuffle(rng);
    let mut all: Vec<Slot> = FIXED.iter().map(|r| fixed_slot(r)).collect();
    all.extend(slots);
    all
}

fn unique(candidate: String, used: &HashSet<String>) -> String {
    let mut name = candidate.clone();
    let mut n = 2;
    while used.contains(&name) {
        name = format!("{candidate} {n}");
        n += 1;
    }
    name
}

fn visibility(rng: &mut ChaCha8Rng, slot: &Slot) -> DemoVisibility {
    let mut v = DemoVisibility {
        sector: "members",
        organisations: "members",
        country: "members",
        region: "members",
        languages: "members",
        expertise: "members",
        bio: "members",
        contacts: "coordinators",
    };
    if slot.fixed.is_some() {
        return v;
    }
    let strict = ["coordinators", "private"];
    if slot.at_risk {
        v.organisations = strict.choose(rng).copied().unwrap_or("private");
        v.region = strict.choose(rng).copied().unwrap_or("private");
        v.contacts = strict.choose(rng).copied().unwrap_or("private");
        if rng.random_bool(0.5) {
            v.bio = "coordinators";
        }
        return v;
    }
    let roll = rng.random_range(0..100);
    if roll < 25 {
        (v.sector, v.organisations, v.country, v.expertise) = ("public", "public", "public", "public");
        if roll < 8 {
            v.bio = "public";
        }
    } else if roll < 32 {
        v.region = "coordinators";
        if rng.random_bool(0.5) {
            v.contacts = "private";
        } else {
            v.languages = "private";
        }
    }
    v
}

fn languages(rng: &mut ChaCha8Rng, country: &str, style: Style, person: &Person, region: &str) -> Vec<&'static str> {
    let mut langs: Vec<&'static str> = match (country, style) {
        ("TH", _) if person.given == "Abdulloh" || ["Masae", "Yusoh"].contains(&person.family.as_str()) => {
            vec!["th", "ms", "en"]
        }
        ("TH", _) => vec!["th", "en"],
        ("MY", Style::Chinese) => vec!["ms", "en", "zh"],
        ("MY", Style::Indian) => vec!["ms", "en", "ta"],
        ("MY", _) => vec!["ms", "en"],
        ("PH", _) => vec!["fil", "en"],
        ("ID", _) => vec!["id", "en"],
        ("KH", _) => vec!["km", "en"],
        ("TL", _) => vec!["tet", "en"],
        ("CH", _) => vec!["fr", "en"],
        _ => vec!["en"],
    };
    let extra = match country {
        "PH" if ["Cebu", "Davao", "Cagayan", "Zamboanga", "Cotabato"].iter().any(|c| region.contains(c)) => Some("ceb"),
        "PH" if ["Baguio", "Laoag"].iter().any(|c| region.contains(c)) => Some("ilo"),
        "PH" if rng.random_bool(0.08) => Some("ceb"),
        "KH" if rng.random_bool(0.3) => Some("fr"),
        "TL" if rng.random_bool(0.4) => Some("id"),
        "GB" | "CH" if rng.random_bool(0.3) => ["th", "ms", "fil"].choose(rng).copied(),
        _ => None,
    };
    langs.extend(extra.filter(|l| !langs.contains(l)));
    langs
}

fn bio(rng: &mut ChaCha8Rng, sector: usize, country: &str, style: Style, region: &str) -> String {
    let local_chance = match style {
        Style::ThaiScript => 0.35,
        Style::Thai => 0.06,
        Style::Malay => 0.2,
        Style::Filipino => 0.16,
        _ => 0.0,
    };
    if let Some((_, lines)) = BIO_LOCAL.iter().find(|b| b.0 == country).filter(|_| rng.random_bool(local_chance)) {
        let lines: Vec<&str> = lines.split('|').collect();
        let mut text = lines.get(sector).copied().unwrap_or_default().to_string();
        if rng.random_bool(0.5) {
            text = format!("{text} {}", lines.get(10).copied().unwrap_or_default());
        }
        return text;
    }
    let options: Vec<&str> = BIO_EN[sector].split('|').collect();
    let mut text = options.choose(rng).copied().unwrap_or_default().to_string();
    if rng.random_bool(0.6) {
        text =
            format!("{text} {}", BIO_EN_MORE.split('|').collect::<Vec<_>>().choose(rng).copied().unwrap_or_default());
    }
    text.replace("{region}", region).replace("{n}", &rng.random_range(4..=25).to_string())
}

fn contacts(rng: &mut ChaCha8Rng, slot: &Slot, person: &Person, email_local: &str) -> Vec<DemoContact> {
    let count = match (&slot.fixed, rng.random_range(0..100)) {
        (Some(_), _) => 2,
        (None, 0..10) => 0,
        (None, 10..50) => 1,
        (None, 50..85) => 2,
        _ => 3,
    };
    let kinds: &[&'static str] = match slot.country {
        _ if slot.at_risk => &["signal", "email"],
        "TH" => &["phone", "line", "email", "signal"],
        "MY" | "PH" => &["phone", "whatsapp", "email", "signal", "telegram"],
        _ => &["email", "whatsapp", "signal", "phone"],
    };
    let (given, family) = (slug(&person.given), slug(&person.family));
    let chosen: Vec<&'static str> = kinds.choose_multiple(rng, count).copied().collect();
    chosen
        .into_iter()
        .map(|kind| {
            let value = match kind {
                "phone" => {
                    let mobile = rng.random_bool(0.5);
                    phone(rng, slot.country, mobile)
                }
                "line" => format!("{given}.{}", family.chars().next().unwrap_or('x')),
                "telegram" => format!("@{given}_{family}"),
                "email" if slot.at_risk => format!("{email_local}.alt@example.net"),
                "email" => format!("{}{family}@example.com", given.chars().next().unwrap_or('x')),
                _ => phone(rng, slot.country, true),
            };
            DemoContact { kind, value }
        })
        .collect()
}

fn build_member(
    rng: &mut ChaCha8Rng,
    slot: &Slot,
    rows: &[OrgRow],
    names: &mut HashSet<String>,
    emails: &mut HashSet<String>,
) -> DemoMember {
    let sector = sector_index(slot.sector);
    let person = match &slot.fixed {
        Some(f) => {
            Person { display: f.display.into(), given: f.given.into(), family: f.family.into(), style: Style::Thai }
        }
        None => {
            let mut p = random_person(rng, slot.country);
            // Unique both as shown and as romanised: "สมชาย วงศ์สวัสดิ์" is Somchai Wongsawat.
            for _ in 0..200 {
                if !names.contains(&p.display) && !names.contains(&format!("{} {}", p.given, p.family)) {
                    break;
                }
                p = random_person(rng, slot.country);
            }
            p
        }
    };
    let pseudonymous = slot.at_risk && rng.random_bool(0.7);
    let mut display = person.display.clone();
    if pseudonymous {
        display = pseudonym(rng, slot.country);
        for _ in 0..50 {
            if !names.contains(&display) {
                break;
            }
            display = pseudonym(rng, slot.country);
        }
    }
    let display = unique(display, names);
    names.insert(display.clone());
    names.insert(format!("{} {}", person.given, person.family));

    let email = match &slot.fixed {
        Some(f) => f.email.to_string(),
        None => {
            let local = if pseudonymous {
                format!("{}{}", slug(&display), rng.random_range(10..100))
            } else {
                format!("{}.{}", slug(&person.given), slug(&person.family))
            };
            let tld = ["org", "net", "com"].choose(rng).copied().unwrap_or("org");
            let mut email = format!("{local}@example.{tld}");
            let mut n = 2;
            while emails.contains(&email) {
                email = format!("{local}{n}@example.{tld}");
                n += 1;
            }
            email
        }
    };
    emails.insert(email.clone());
    let email_local = email.split('@').next().unwrap_or("user").to_string();

    // Organisation: same country and sector; international staff may sit at a foreign office.
    let mut candidates: Vec<usize> =
        (0..rows.len()).filter(|&i| rows[i].country == slot.country && rows[i].sector == slot.sector).collect();
    if candidates.is_empty() && slot.sector == "international" {
        candidates = (0..rows.len()).filter(|&i| rows[i].sector == "international").collect();
    }
    let primary = match &slot.fixed {
        Some(f) => rows.iter().position(|r| r.slug == f.org),
        // A few independent lawyers, doctors, journalists and interpreters.
        None if ["legal", "health", "media", "other"].contains(&slot.sector) && rng.random_bool(0.08) => None,
        None => candidates.choose(rng).copied(),
    };
    let mut affiliations = Vec::new();
    if let Some(org) = primary {
        let titles: Vec<&str> = rows[org].titles.split(';').collect();
        let title = match &slot.fixed {
            Some(f) => f.title,
            None => titles.choose(rng).copied().unwrap_or("Member"),
        };
        affiliations.push(DemoAffiliation { org, title: title.to_string() });
        // A second hat: guest lecturing, or (outside police and government) a civil society board.
        let civil = !["police", "government"].contains(&slot.sector);
        let second: Vec<usize> = (0..rows.len())
            .filter(|&i| i != org && rows[i].country == slot.country)
            .filter(|&i| rows[i].sector == "academia" || (civil && rows[i].sector == "civil_society"))
            .collect();
        if slot.fixed.is_none() && !slot.at_risk && rng.random_bool(0.12) {
            if let Some(&other) = second.choose(rng) {
                let titles: &[&str] = if rows[other].sector == "academia" {
                    &["Visiting Lecturer", "Adjunct Lecturer", "Research Associate"]
                } else {
                    &["Board Member", "Volunteer Adviser", "Trainer"]
                };
                let title = titles.choose(rng).copied().unwrap_or("Adviser").to_string();
                affiliations.push(DemoAffiliation { org: other, title });
            }
        }
    }

    // Staff of regional offices and units live where the office is; others mostly near theirs.
    let org_row = primary.map(|i| &rows[i]).filter(|r| r.country == slot.country && !r.region.is_empty());
    let region = match (&slot.fixed, org_row) {
        (Some(f), _) => f.region.to_string(),
        (None, Some(r)) if !r.parent.is_empty() || rng.random_bool(0.75) => r.region.to_string(),
        _ => {
            let pool = REGIONS.iter().find(|r| r.starts_with(slot.country)).copied().unwrap_or("TH|Bangkok");
            pool.split('|').skip(1).collect::<Vec<_>>().choose(rng).copied().unwrap_or("Bangkok").to_string()
        }
    };

    let (languages, expertise, bio) = match &slot.fixed {
        Some(f) => (f.languages.clone(), f.expertise.clone(), f.bio.to_string()),
        None => {
            let langs = languages(rng, slot.country, person.style, &person, &region);
            let preferred = SECTOR_EXPERTISE[sector];
            let k = rng.random_range(1..=3.min(preferred.len()));
            let mut exp: Vec<&'static str> = preferred.choose_multiple(rng, k).copied().collect();
            if rng.random_bool(0.3) {
                if let Some(&e) = ALL_EXPERTISE.choose(rng) {
                    if !exp.contains(&e) {
                        exp.push(e);
                    }
                }
            }
            let style = person.style;
            (langs, exp, bio(rng, sector, slot.country, style, &region))
        }
    };
    let contacts = contacts(rng, slot, &person, &email_local);
    let visibility = visibility(rng, slot);
    DemoMember {
        display_name: display,
        email,
        role: slot.role,
        sector: slot.sector,
        country: slot.country,
        region,
        languages,
        expertise,
        bio,
        affiliations,
        contacts,
        at_risk: slot.at_risk,
        visibility,
    }
}

/// Generate the demo network for `seed`. Pure and deterministic.
pub fn generate(seed: u64) -> DemoNetwork {
    generate_sized(seed, 0)
}

/// The demo network for `seed` with at least `members` people: the core network as
/// `generate` makes it, then as many more as needed. Pure and deterministic.
pub fn generate_sized(seed: u64, members: usize) -> DemoNetwork {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let rows: Vec<OrgRow> = ORGS.iter().map(|r| org_row(r)).collect();
    let slots = build_slots(&mut rng, &rows);
    let core = slots.len();
    let (mut names, mut emails) = (HashSet::new(), HashSet::new());
    let mut people: Vec<DemoMember> =
        slots.iter().map(|slot| build_member(&mut rng, slot, &rows, &mut names, &mut emails)).collect();
    // Drawn after the core, so that the core network is the same whatever the size.
    for slot in extra_slots(&mut rng, &rows, members.saturating_sub(core)) {
        people.push(build_member(&mut rng, &slot, &rows, &mut names, &mut emails));
    }
    DemoNetwork { orgs: build_orgs(), members: people, core }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORE: [&str; 3] = ["TH", "MY", "PH"];
    const COUNTRIES: [&str; 8] = ["TH", "MY", "PH", "ID", "KH", "TL", "CH", "GB"];
    const LANGS: [&str; 12] = ["th", "en", "ms", "fil", "zh", "ta", "ceb", "ilo", "id", "km", "tet", "fr"];
    const LEVELS: [&str; 4] = ["private", "coordinators", "members", "public"];
    const KINDS: [&str; 6] = ["email", "phone", "signal", "line", "whatsapp", "telegram"];

    fn example_email(e: &str) -> bool {
        let Some((local, domain)) = e.split_once('@') else {
            return false;
        };
        !local.is_empty()
            && local.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.')
            && ["example.org", "example.net", "example.com"].contains(&domain)
    }

    fn vis_fields(v: &DemoVisibility) -> [&'static str; 8] {
        [v.sector, v.organisations, v.country, v.region, v.languages, v.expertise, v.bio, v.contacts]
    }

    #[test]
    fn deterministic() {
        assert_eq!(generate(7), generate(7));
        assert_ne!(generate(7), generate(8));
    }

    #[test]
    fn counts_and_coverage() {
        for seed in [0, 1, 42, u64::MAX] {
            let net = generate(seed);
            assert!(net.orgs.len() >= 34);
            assert!(net.members.len() >= 170);
            for country in CORE {
                for sector in SECTORS {
                    assert!(
                        net.members.iter().any(|m| m.country == country && m.sector == sector),
                        "{country} {sector}"
                    );
                    if sector != "international" {
                        assert!(
                            net.orgs.iter().any(|o| o.country == country && o.sector == sector),
                            "{country} {sector}"
                        );
                    }
                }
            }
            let coordinators = net.members[3..].iter().filter(|m| m.role == "coordinator").collect::<Vec<_>>();
            assert!((4..=6).contains(&coordinators.len()));
            assert!(CORE.iter().all(|c| coordinators.iter().any(|m| m.country == *c)));
            assert!(net.members[3..].iter().all(|m| m.role != "admin"));
            assert!(net.members.iter().any(|m| m.at_risk));
        }
    }

    #[test]
    fn fixed_accounts() {
        let net = generate(3);
        let expected = [
            ("admin@example.org", "admin"),
            ("coordinator@example.org", "coordinator"),
            ("member@example.org", "member"),
        ];
        for (m, (email, role)) in net.members.iter().zip(expected) {
            assert_eq!((m.email.as_str(), m.role, m.country), (email, role, "TH"));
            assert!(!m.at_risk && m.affiliations.len() == 1 && !m.bio.is_empty());
            assert_eq!(
                vis_fields(&m.visibility),
                ["members", "members", "members", "members", "members", "members", "members", "coordinators"]
            );
        }
        assert_eq!(net.members[2].sector, "police");
        assert_eq!(net.orgs[net.members[2].affiliations[0].org].name, "Royal Police Cadet Academy");
    }

    #[test]
    fn orgs_valid() {
        let net = generate(1);
        for (i, o) in net.orgs.iter().enumerate() {
            assert!(SECTORS.contains(&o.sector) && COUNTRIES.contains(&o.country), "{}", o.name);
            assert!(o.parent.is_none_or(|p| p < i));
            assert!(o.website.as_ref().is_none_or(|w| w.starts_with("https://") && w.ends_with(".example")));
            assert!(!o.name.is_empty() && !o.description.is_empty());
        }
        for name in [
            "National Human Rights Commission of Thailand",
            "Human Rights Commission of Malaysia (SUHAKAM)",
            "Commission on Human Rights of the Philippines",
        ] {
            let i = net.orgs.iter().position(|o| o.name == name).unwrap();
            assert!(net.orgs.iter().any(|o| o.parent == Some(i)), "{name}");
        }
        let mut names: Vec<_> = net.orgs.iter().map(|o| &o.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), net.orgs.len());
    }

    #[test]
    fn members_valid() {
        for seed in 0..20 {
            let net = generate(seed);
            let mut emails: Vec<_> = net.members.iter().map(|m| m.email.clone()).collect();
            let mut names: Vec<_> = net.members.iter().map(|m| m.display_name.clone()).collect();
            emails.sort();
            emails.dedup();
            names.sort();
            names.dedup();
            assert_eq!(emails.len(), net.members.len());
            assert_eq!(names.len(), net.members.len());
            for m in &net.members {
                let d = &m.display_name;
                assert!(
                    !d.is_empty()
                        && d.chars().count() <= 80
                        && !d.chars().any(|c| c == '<' || c == '>' || c.is_control())
                );
                assert!(example_email(&m.email), "{}", m.email);
                assert!(["admin", "coordinator", "member"].contains(&m.role));
                assert!(SECTORS.contains(&m.sector) && COUNTRIES.contains(&m.country));
                assert!(!m.region.is_empty() && m.region.chars().count() <= 100);
                assert!(!m.languages.is_empty() && m.languages.iter().all(|l| LANGS.contains(l)));
                assert!((1..=4).contains(&m.expertise.len()) && m.expertise.iter().all(|e| ALL_EXPERTISE.contains(e)));
                for list in [&m.languages, &m.expertise] {
                    let mut v = list.clone();
                    v.sort();
                    v.dedup();
                    assert_eq!(v.len(), list.len());
                }
                assert!(!m.bio.is_empty() && m.bio.chars().count() <= 600 && !m.bio.contains('{'));
                assert!(m.affiliations.len() <= 2);
                for a in &m.affiliations {
                    assert!(a.org < net.orgs.len() && !a.title.is_empty() && a.title.chars().count() <= 120);
                }
                if let [a, b] = m.affiliations.as_slice() {
                    assert_ne!(a.org, b.org);
                }
                assert!(m.contacts.len() <= 3);
                for c in &m.contacts {
                    assert!(KINDS.contains(&c.kind) && !c.value.is_empty() && c.value.chars().count() <= 200);
                    assert!(c.kind != "email" || example_email(&c.value), "{}", c.value);
                }
                let vis = vis_fields(&m.visibility);
                assert!(vis.iter().all(|v| LEVELS.contains(v)));
                if m.at_risk {
                    assert!(vis.iter().all(|v| *v != "public"));
                    for v in [m.visibility.organisations, m.visibility.region, m.visibility.contacts] {
                        assert!(v == "coordinators" || v == "private");
                    }
                }
            }
        }
    }
}

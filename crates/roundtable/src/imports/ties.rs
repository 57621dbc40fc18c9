//! Ties from a file: an edge list (CSV or a workbook, as `roundtable analyze` reads and the
//! ties download writes: source and target by e-mail, member id or name, with kind,
//! strength and since when), Kumu's connections (From, To, Type, Strength; a workbook's
//! "Connections" sheet), or Gephi's GEXF (nodes by id, label or an e-mail attribute). Every
//! row is checked first — an unknown person, a name two members share, a tie to oneself, a
//! kind, strength or date that does not parse — and with any problem nothing is recorded.

use std::collections::HashMap;

use quick_xml::events::Event;
use quick_xml::XmlVersion;

use super::people::{normalise, vocab, Problem};
use super::table::Table;
use crate::db::{affected, Db};
use crate::network::ties::{Since, Strength};
use crate::vocab::TieKind;
use crate::web::i18n::Locale;
use crate::web::AppError;
use crate::{on_db, on_tx};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Source,
    Target,
    Kind,
    Strength,
    Since,
}

impl Column {
    pub const ALL: [Column; 5] = [Column::Source, Column::Target, Column::Kind, Column::Strength, Column::Since];

    fn words(self) -> &'static [&'static str] {
        match self {
            Column::Source => &["source", "from", "person a", "จาก", "ต้นทาง", "dari", "daripada", "mula kay"],
            Column::Target => &["target", "to", "person b", "ถึง", "ปลายทาง", "kepada", "para kay", "kay"],
            Column::Kind => &["kind", "type", "tie", "ประเภท", "jenis", "uri"],
            Column::Strength => &["strength", "ความใกล้ชิด", "ความแน่นแฟ้น", "kekuatan", "lakas"],
            Column::Since => &["since", "ตั้งแต่", "sejak", "mula noon", "simula"],
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Column::Source => "import-ties-source",
            Column::Target => "import-ties-target",
            Column::Kind => "tie-field-kind",
            Column::Strength => "tie-field-strength",
            Column::Since => "tie-field-since",
        }
    }
}

pub fn guess(header: &[String]) -> HashMap<Column, usize> {
    super::people::guess_columns(header, &Column::ALL, Column::words)
}

/// The network's active members, to find the people a file names.
pub struct Members {
    by_email: HashMap<String, i64>,
    ids: std::collections::HashSet<i64>,
    by_name: HashMap<String, Vec<i64>>,
}

impl Members {
    pub async fn load(db: &Db) -> Result<Members, sqlx::Error> {
        let rows: Vec<(i64, String, String)> = on_db!(db, pool => sqlx::query_as(
            "SELECT id, email, display_name FROM users WHERE active").fetch_all(pool).await)?;
        let mut members = Members { by_email: HashMap::new(), ids: Default::default(), by_name: HashMap::new() };
        for (id, email, name) in rows {
            members.by_email.insert(email.to_lowercase(), id);
            members.ids.insert(id);
            members.by_name.entry(normalise(&name)).or_default().push(id);
        }
        Ok(members)
    }

    /// The member a cell names: by e-mail, by id, or by a name only one member has.
    fn find(&self, text: &str, locale: Locale) -> Result<i64, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err(locale.t("import-error-required"));
        }
        if text.contains('@') {
            return self
                .by_email
                .get(&text.to_lowercase())
                .copied()
                .ok_or_else(|| locale.t_args("import-ties-unknown", &[("who", text.to_string())]));
        }
        if let Ok(id) = text.parse::<i64>() {
            if self.ids.contains(&id) {
                return Ok(id);
            }
        }
        match self.by_name.get(&normalise(text)).map(Vec::as_slice) {
            Some([id]) => Ok(*id),
            Some(many) if many.len() > 1 => {
                Err(locale
                    .t_args("import-ties-ambiguous", &[("who", text.to_string()), ("count", many.len().to_string())]))
            }
            _ => Err(locale.t_args("import-ties-unknown", &[("who", text.to_string())])),
        }
    }
}

/// One tie to record.
#[derive(Debug, PartialEq, Eq)]
pub struct Edge {
    pub row: usize,
    pub a: i64,
    pub b: i64,
    pub kind: TieKind,
    pub strength: Option<i64>,
    pub since: Option<String>,
}

#[derive(Debug, Default)]
pub struct Checked {
    pub edges: Vec<Edge>,
    pub problems: Vec<Problem>,
}

/// Check every row of an edge list under `mapping`.
pub fn check(table: &Table, mapping: &HashMap<Column, usize>, members: &Members, locale: Locale) -> Checked {
    let mut out = Checked::default();
    for column in [Column::Source, Column::Target] {
        if !mapping.contains_key(&column) {
            let message = locale.t_args("import-ties-no-column", &[("column", locale.t(column.label()))]);
            out.problems.push(Problem { row: 1, column: None, message });
        }
    }
    if !out.problems.is_empty() {
        return out;
    }
    let column_name =
        |c: Column| mapping.get(&c).and_then(|&i| table.header.get(i)).cloned().unwrap_or_else(|| locale.t(c.label()));
    for (row, cells) in &table.rows {
        let cell = |c: Column| mapping.get(&c).and_then(|&i| cells.get(i)).map(|v| v.trim()).unwrap_or("");
        let fields = Fields {
            source: cell(Column::Source),
            target: cell(Column::Target),
            kind: cell(Column::Kind),
            strength: cell(Column::Strength),
            since: cell(Column::Since),
        };
        check_one(&mut out, *row, &fields, members, locale, &column_name);
    }
    out
}

struct Fields<'a> {
    source: &'a str,
    target: &'a str,
    kind: &'a str,
    strength: &'a str,
    since: &'a str,
}

fn check_one(
    out: &mut Checked,
    row: usize,
    f: &Fields,
    members: &Members,
    locale: Locale,
    column_name: &dyn Fn(Column) -> String,
) {
    let mut problems = Vec::new();
    let mut problem =
        |c: Column, message: String| problems.push(Problem { row, column: Some(column_name(c)), message });
    let a = members.find(f.source, locale).map_err(|m| problem(Column::Source, m)).ok();
    let b = members.find(f.target, locale).map_err(|m| problem(Column::Target, m)).ok();
    if let (Some(a), Some(b)) = (a, b) {
        if a == b {
            problem(Column::Target, locale.t("import-ties-self"));
        }
    }
    let kind = match vocab(f.kind, TieKind::ALL, TieKind::key, TieKind::PREFIX, locale) {
        Ok(kind) => kind.unwrap_or(TieKind::Knows),
        Err(m) => {
            problem(Column::Kind, m);
            TieKind::Knows
        }
    };
    let strength = match f.strength {
        "" => None,
        s => s.parse::<Strength>().map(|s| Some(s.value())).unwrap_or_else(|e| {
            problem(Column::Strength, say(&e, locale));
            None
        }),
    };
    // A workbook's date cell reads as 2019-06-01: the month is what a tie keeps.
    let since_text = match f.since {
        s if s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' => &s[..7],
        s => s,
    };
    let since = match since_text {
        "" => None,
        s => s.parse::<Since>().map(|s| Some(s.as_str().to_string())).unwrap_or_else(|e| {
            problem(Column::Since, say(&e, locale));
            None
        }),
    };
    if problems.is_empty() {
        if let (Some(a), Some(b)) = (a, b) {
            out.edges.push(Edge { row, a: a.min(b), b: a.max(b), kind, strength, since });
        }
    }
    out.problems.extend(problems);
}

fn say(e: &AppError, locale: Locale) -> String {
    match e {
        AppError::Invalid(m) => locale.t_args(m.id, &m.args),
        other => other.to_string(),
    }
}

/// A GEXF file (Gephi) as an edge list: each edge's ends by the node's id, if it is a
/// member's, else its e-mail attribute, else its label; weights are not strengths and are
/// left out. Rows are the edges, numbered in the file's order.
pub fn read_gexf(text: &str, members: &Members, locale: Locale) -> Result<Checked, String> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut titles: HashMap<String, String> = HashMap::new();
    let mut nodes: HashMap<String, String> = HashMap::new();
    let mut current: Option<String> = None;
    let mut edges: Vec<(String, String)> = Vec::new();
    loop {
        let event = reader.read_event().map_err(|e| format!("{e}"))?;
        let (element, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) if e.name().as_ref() == "node" => {
                current = None;
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let attrs: HashMap<String, String> = element
            .attributes()
            .filter_map(Result::ok)
            .filter_map(|a| {
                let value = a.normalized_value(XmlVersion::Implicit1_0).ok()?.into_owned();
                Some((a.key.as_ref().to_string(), value))
            })
            .collect();
        let get = |k: &str| attrs.get(k).cloned().unwrap_or_default();
        match element.name().as_ref() {
            "attribute" => {
                titles.insert(get("id"), get("title").to_lowercase());
            }
            "node" => {
                let id = get("id");
                // Its own id if a member has it, else its label: an e-mail attribute may follow.
                let own = id.parse::<i64>().ok().filter(|n| members.ids.contains(n)).map(|n| n.to_string());
                let label = attrs.get("label").cloned().unwrap_or_else(|| id.clone());
                nodes.insert(id.clone(), own.unwrap_or(label));
                current = (!empty).then_some(id);
            }
            "attvalue" => {
                let title = titles.get(&get("for")).cloned().unwrap_or_else(|| get("for").to_lowercase());
                if let (Some(node), true) = (&current, matches!(title.as_str(), "email" | "e-mail" | "mail")) {
                    if !get("value").is_empty() {
                        nodes.insert(node.clone(), get("value"));
                    }
                }
            }
            "edge" => edges.push((get("source"), get("target"))),
            _ => {}
        }
    }
    let mut out = Checked::default();
    let column_name = |c: Column| locale.t(c.label());
    for (n, (source, target)) in edges.iter().enumerate() {
        let name = |id: &String| nodes.get(id).cloned().unwrap_or_else(|| id.clone());
        let fields = Fields { source: &name(source), target: &name(target), kind: "", strength: "", since: "" };
        check_one(&mut out, n + 1, &fields, members, locale, &column_name);
    }
    Ok(out)
}

/// Record every checked tie, or none: a tie already there takes the file's strength and
/// date, as the tie form does.
pub async fn keep(
    db: &Db,
    checked: &Checked,
    recorded_by: Option<i64>,
    progress: Option<&indicatif::ProgressBar>,
) -> Result<usize, AppError> {
    if !checked.problems.is_empty() {
        return Err(AppError::invalid("import-error-problems"));
    }
    let now = crate::db::now_ms();
    let mut tx = db.begin().await?;
    let sql = "INSERT INTO ties (a_id, b_id, kind, strength, since, source, recorded_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, 'recorded', $6, $7) \
               ON CONFLICT (a_id, b_id, kind) DO UPDATE SET \
                 strength = COALESCE(excluded.strength, ties.strength), since = COALESCE(excluded.since, ties.since)";
    for e in &checked.edges {
        on_tx!(&mut tx, c => sqlx::query(sql).bind(e.a).bind(e.b).bind(e.kind.key()).bind(e.strength)
            .bind(&e.since).bind(recorded_by).bind(now).execute(&mut **c).await.map(affected))?;
        progress.inspect(|p| p.inc(1));
    }
    let entry = crate::audit::Entry {
        actor: recorded_by,
        action: crate::vocab::AuditAction::TiesImported,
        target: None,
        detail: crate::audit::Detail::None,
        ip: None,
    };
    crate::audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(checked.edges.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members() -> Members {
        let mut m = Members { by_email: HashMap::new(), ids: Default::default(), by_name: HashMap::new() };
        for (id, email, name) in
            [(11, "ana@example.org", "Ana"), (12, "bo@example.org", "Bo"), (13, "ana2@example.org", "Ana")]
        {
            m.by_email.insert(email.into(), id);
            m.ids.insert(id);
            m.by_name.entry(normalise(name)).or_default().push(id);
        }
        m
    }

    fn table(header: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: rows.iter().enumerate().map(|(i, r)| (i + 2, r.iter().map(|s| s.to_string()).collect())).collect(),
        }
    }

    #[test]
    fn people_are_found_by_email_id_or_a_name_only_one_has() {
        let t = table(
            &["Source", "Target", "Type", "Strength", "Since"],
            &[
                &["ana@example.org", "Bo", "worked_together", "4", "2019-06-01"],
                &["12", "ANA2@example.org", "", "", "2021"],
                &["Ana", "Bo", "", "", ""],
                &["bo@example.org", "12", "", "", ""],
                &["nobody@example.org", "Bo", "cousins", "9", "1900"],
            ],
        );
        let checked = check(&t, &guess(&t.header), &members(), Locale::En);
        assert_eq!(checked.edges.len(), 2);
        assert_eq!(
            checked.edges[0],
            Edge {
                row: 2,
                a: 11,
                b: 12,
                kind: TieKind::WorkedTogether,
                strength: Some(4),
                since: Some("2019-06".into())
            }
        );
        assert_eq!((checked.edges[1].a, checked.edges[1].b, checked.edges[1].kind), (12, 13, TieKind::Knows));
        let said: Vec<(usize, Option<&str>)> = checked.problems.iter().map(|p| (p.row, p.column.as_deref())).collect();
        assert_eq!(
            said,
            [
                (4, Some("Source")),
                (5, Some("Target")),
                (6, Some("Source")),
                (6, Some("Type")),
                (6, Some("Strength")),
                (6, Some("Since"))
            ]
        );
        assert!(checked.problems[0].message.contains("2 members"), "{}", checked.problems[0].message);
    }

    #[test]
    fn kumu_and_gephi_files_read_as_edge_lists() {
        let kumu = table(&["From", "To", "Type"], &[&["Bo", "ana2@example.org", "knows"]]);
        assert_eq!(check(&kumu, &guess(&kumu.header), &members(), Locale::En).edges.len(), 1);
        let gexf = r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">
<attributes class="node"><attribute id="0" title="E-mail" type="string"/></attributes>
<nodes><node id="11" label="Whatever"/><node id="n2" label="Ana"><attvalues><attvalue for="0" value="ana2@example.org"/></attvalues></node>
<node id="n3" label="Bo &amp; co"/><node id="n4" label="Bo"/></nodes>
<edges><edge id="0" source="11" target="n2" weight="3"/><edge id="1" source="n3" target="n4"/><edge id="2" source="n4" target="n4"/></edges>
</graph></gexf>"#;
        let checked = read_gexf(gexf, &members(), Locale::En).unwrap();
        assert_eq!(checked.edges.len(), 1);
        assert_eq!((checked.edges[0].a, checked.edges[0].b), (11, 13));
        let rows: Vec<usize> = checked.problems.iter().map(|p| p.row).collect();
        assert_eq!(rows, [2, 3]);
        assert!(read_gexf("<gexf><nodes><node id='1'></gexf>", &members(), Locale::En).is_err());
    }
}

//! Organisations from a spreadsheet: name, sector and country (required, as the form asks),
//! website and description; each checked by the organisation form's own rules, all written
//! in one transaction or none. Imported organisations are not public until a coordinator
//! makes them so.

use std::collections::HashMap;

use super::people::{normalise, vocab, Problem};
use super::table::Table;
use crate::db::Db;
use crate::orgs::NewOrganisation;
use crate::vocab::{Country, Sector};
use crate::web::i18n::Locale;
use crate::web::AppError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Sector,
    Country,
    Website,
    Description,
}

impl Column {
    pub const ALL: [Column; 5] = [Column::Name, Column::Sector, Column::Country, Column::Website, Column::Description];

    fn words(self) -> &'static [&'static str] {
        match self {
            Column::Name => &[
                "name",
                "organisation",
                "organization",
                "ชื่อ",
                "ชื่อองค์กร",
                "องค์กร",
                "nama",
                "organisasi",
                "pangalan",
                "organisasyon",
            ],
            Column::Sector => &["sector", "ภาค", "ภาคส่วน", "sektor"],
            Column::Country => &["country", "ประเทศ", "negara", "bansa"],
            Column::Website => &["website", "web", "url", "เว็บไซต์", "lamanweb", "laman", "websayt"],
            Column::Description => {
                &["description", "about", "คำอธิบาย", "รายละเอียด", "keterangan", "penerangan", "paglalarawan"]
            }
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Column::Name => "field-name",
            Column::Sector => "field-sector",
            Column::Country => "field-country",
            Column::Website => "field-website",
            Column::Description => "field-description",
        }
    }
}

pub fn guess(header: &[String]) -> HashMap<Column, usize> {
    super::people::guess_columns(header, &Column::ALL, Column::words)
}

/// The checked organisations and the problems, by row and column.
pub struct Checked {
    pub organisations: Vec<NewOrganisation>,
    pub problems: Vec<Problem>,
}

/// Check every row; `existing` holds (name, country key) of the organisations there are.
pub async fn check(
    db: &Db,
    table: &Table,
    mapping: &HashMap<Column, usize>,
    existing: &[(String, String)],
    locale: Locale,
) -> Result<Checked, AppError> {
    let mut out = Checked { organisations: Vec::new(), problems: Vec::new() };
    let column_name =
        |c: Column| mapping.get(&c).and_then(|&i| table.header.get(i)).cloned().unwrap_or_else(|| locale.t(c.label()));
    let mut seen: Vec<(String, String)> = Vec::new();
    for (row, cells) in &table.rows {
        let cell = |c: Column| mapping.get(&c).and_then(|&i| cells.get(i)).map(|v| v.trim()).unwrap_or("");
        let mut problems = Vec::new();
        let mut problem =
            |c: Column, message: String| problems.push(Problem { row: *row, column: Some(column_name(c)), message });
        let required = locale.t("import-error-required");
        let sector = match vocab(cell(Column::Sector), Sector::ALL, Sector::key, Sector::PREFIX, locale) {
            Ok(Some(s)) => Some(s),
            Ok(None) => {
                problem(Column::Sector, required.clone());
                None
            }
            Err(m) => {
                problem(Column::Sector, m);
                None
            }
        };
        let country = match vocab(cell(Column::Country), Country::ALL, Country::key, Country::PREFIX, locale) {
            Ok(Some(c)) => Some(c),
            Ok(None) => {
                problem(Column::Country, required.clone());
                None
            }
            Err(m) => {
                problem(Column::Country, m);
                None
            }
        };
        if let (Some(sector), Some(country)) = (sector, country) {
            let key = (normalise(cell(Column::Name)), country.key().to_string());
            if existing.iter().any(|(n, c)| normalise(n) == key.0 && *c == key.1) || seen.contains(&key) {
                problem(Column::Name, locale.t("error-organisation-exists"));
            } else {
                seen.push(key);
                let checked = crate::orgs::check_new(
                    db,
                    cell(Column::Name),
                    sector.key(),
                    country.key(),
                    cell(Column::Website),
                    cell(Column::Description),
                )
                .await;
                match checked {
                    Ok(org) => out.organisations.push(org),
                    Err(AppError::Invalid(m)) => {
                        let column = if m.id.contains("website") { Column::Website } else { Column::Name };
                        problem(column, locale.t_args(m.id, &m.args));
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        out.problems.extend(problems);
    }
    Ok(out)
}

/// Write every checked organisation, or none.
pub async fn keep(db: &Db, checked: &Checked, progress: Option<&indicatif::ProgressBar>) -> Result<usize, AppError> {
    if !checked.problems.is_empty() {
        return Err(AppError::invalid("import-error-problems"));
    }
    let mut tx = db.begin().await?;
    let now = crate::db::now_ms();
    for org in &checked.organisations {
        crate::orgs::insert_new(&mut tx, org, now).await?;
        progress.inspect(|p| p.inc(1));
    }
    tx.commit().await?;
    Ok(checked.organisations.len())
}

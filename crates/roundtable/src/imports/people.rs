//! People from a spreadsheet: which column holds what (guessed from the header in any of
//! the four languages), and every row checked into a person to invite, or into problems
//! named by row and column ("row 14, E-mail: This is not a valid e-mail address.").

use std::collections::HashMap;

use serde::Serialize;

use super::table::Table;
use crate::accounts::domain::{DisplayName, Email};
use crate::vocab::{Country, Sector};
use crate::web::i18n::Locale;
use crate::web::{AppError, Message};

/// What a column may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Email,
    Name,
    Organisation,
    Sector,
    Country,
    Language,
}

impl Field {
    pub const ALL: [Field; 6] =
        [Field::Email, Field::Name, Field::Organisation, Field::Sector, Field::Country, Field::Language];

    /// Header words that name this field, lower-cased, without spaces or punctuation, in
    /// English, Thai, Malay and Filipino.
    fn words(self) -> &'static [&'static str] {
        match self {
            Field::Email => &["email", "emailaddress", "mail", "อีเมล", "อีเมล์", "emel", "alamatemel", "alamatemail"],
            Field::Name => &[
                "name",
                "fullname",
                "displayname",
                "ชื่อ",
                "ชื่อนามสกุล",
                "ชื่อสกุล",
                "nama",
                "namapenuh",
                "pangalan",
                "buongpangalan",
            ],
            Field::Organisation => &[
                "organisation",
                "organization",
                "org",
                "agency",
                "institution",
                "องค์กร",
                "หน่วยงาน",
                "organisasi",
                "agensi",
                "organisasyon",
                "ahensya",
            ],
            Field::Sector => &["sector", "ภาค", "ภาคส่วน", "sektor"],
            Field::Country => &["country", "ประเทศ", "negara", "bansa"],
            Field::Language => &["language", "lang", "locale", "ภาษา", "bahasa", "wika"],
        }
    }

    /// Its name in forms.
    pub fn key(self) -> &'static str {
        match self {
            Field::Email => "email",
            Field::Name => "name",
            Field::Organisation => "organisation",
            Field::Sector => "sector",
            Field::Country => "country",
            Field::Language => "language",
        }
    }

    /// The message id of the field's name in the pages.
    pub fn label(self) -> &'static str {
        match self {
            Field::Email => "field-email",
            Field::Name => "field-name",
            Field::Organisation => "field-organisation",
            Field::Sector => "field-sector",
            Field::Country => "field-country",
            Field::Language => "field-language",
        }
    }
}

/// Lower case, without spaces and punctuation: what is compared. Thai vowel and tone marks
/// are not letters to `is_alphanumeric` and go too; both sides lose them alike.
pub(super) fn normalise(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The column of each field, guessed from the header: a column whose name is one of a
/// field's words, each column for one field at most.
pub fn guess(header: &[String]) -> HashMap<Field, usize> {
    guess_columns(header, &Field::ALL, Field::words)
}

/// [`guess`] for any kind of file: each of `all` takes the first column named by one of its
/// `words` (in any of the four languages, case and punctuation aside).
pub(super) fn guess_columns<C: Copy + Eq + std::hash::Hash>(
    header: &[String],
    all: &[C],
    words: fn(C) -> &'static [&'static str],
) -> HashMap<C, usize> {
    let mut mapping = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        let name = normalise(name);
        if let Some(c) = all.iter().copied().find(|c| words(*c).iter().any(|w| normalise(w) == name)) {
            mapping.entry(c).or_insert(i);
        }
    }
    mapping
}

/// One person to invite, as checked.
#[derive(Debug, Serialize)]
pub struct Person {
    pub row: usize,
    pub email: String,
    pub name: String,
    pub organisation: Option<i64>,
    pub sector: Option<Sector>,
    pub country: Option<Country>,
    pub language: Option<Locale>,
}

/// A problem with one cell (or, without a column, with the whole file).
#[derive(Debug, Serialize)]
pub struct Problem {
    pub row: usize,
    pub column: Option<String>,
    pub message: String,
}

/// What a file would do: the people it invites, those who are members already (left as
/// they are), and its problems. It may be committed only without problems.
#[derive(Debug, Default, Serialize)]
pub struct Checked {
    pub people: Vec<Person>,
    pub members: Vec<(usize, String)>,
    pub problems: Vec<Problem>,
}

/// What the database knows that the check needs: organisations by name, and who is a member
/// or invited already (lower-cased addresses).
pub struct Known {
    pub organisations: Vec<(i64, String)>,
    pub members: Vec<String>,
    pub invited: Vec<String>,
}

/// A vocabulary value written as its key (`police`, `TH`) or its name in any language.
/// Thai names countries with the word for country in front (ประเทศไทย); people write them
/// with or without it.
fn from_words<T: Copy>(text: &str, all: &[T], key: impl Fn(T) -> &'static str, prefix: &str) -> Option<T> {
    let bare = |t: &str| {
        let n = normalise(t);
        n.strip_prefix(&normalise("ประเทศ")).filter(|rest| !rest.is_empty()).map(str::to_string).unwrap_or(n)
    };
    let wanted = bare(text);
    all.iter().copied().find(|v| {
        bare(key(*v)) == wanted || Locale::ALL.iter().any(|l| bare(&l.t(&format!("{prefix}-{}", key(*v)))) == wanted)
    })
}

/// A cell holding a vocabulary value, if anything: the value, or the problem in words.
pub(super) fn vocab<T: Copy>(
    text: &str,
    all: &[T],
    key: fn(T) -> &'static str,
    prefix: &str,
    locale: Locale,
) -> Result<Option<T>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    from_words(text, all, key, prefix)
        .map(Some)
        .ok_or_else(|| locale.t_args("import-error-value", &[("value", text.to_string())]))
}

/// Check every row of `table` under `mapping`, in `locale` for the messages.
pub fn check(table: &Table, mapping: &HashMap<Field, usize>, known: &Known, locale: Locale) -> Checked {
    let mut out = Checked::default();
    let Some(&email_column) = mapping.get(&Field::Email) else {
        out.problems.push(Problem { row: 1, column: None, message: locale.t("import-error-no-email") });
        return out;
    };
    let column_name = |field: Field| -> String {
        mapping.get(&field).and_then(|&i| table.header.get(i)).cloned().unwrap_or_else(|| locale.t(field.label()))
    };
    let say = |e: AppError| match e {
        AppError::Invalid(m) => locale.t_args(m.id, &m.args),
        other => other.to_string(),
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (row, cells) in &table.rows {
        let cell = |field: Field| mapping.get(&field).and_then(|&i| cells.get(i)).map(|c| c.trim()).unwrap_or("");
        let mut problems = Vec::new();
        let mut problem = |field: Field, message: String| {
            problems.push(Problem { row: *row, column: Some(column_name(field)), message })
        };
        let email = match Email::parse(cells.get(email_column).map(String::as_str).unwrap_or("")) {
            Ok(e) => Some(e),
            Err(e) => {
                problem(Field::Email, say(e));
                None
            }
        };
        let name = match cell(Field::Name) {
            "" => String::new(),
            text => match DisplayName::parse(text) {
                Ok(n) => n.as_str().to_string(),
                Err(e) => {
                    problem(Field::Name, say(e));
                    String::new()
                }
            },
        };
        let organisation = match cell(Field::Organisation) {
            "" => None,
            text => {
                let found =
                    known.organisations.iter().find(|(_, n)| normalise(n) == normalise(text)).map(|(id, _)| *id);
                if found.is_none() {
                    problem(
                        Field::Organisation,
                        locale.t_args("import-error-organisation", &[("name", text.to_string())]),
                    );
                }
                found
            }
        };
        let sector = vocab(cell(Field::Sector), Sector::ALL, Sector::key, Sector::PREFIX, locale).unwrap_or_else(|m| {
            problem(Field::Sector, m);
            None
        });
        let country =
            vocab(cell(Field::Country), Country::ALL, Country::key, Country::PREFIX, locale).unwrap_or_else(|m| {
                problem(Field::Country, m);
                None
            });
        let language = match cell(Field::Language) {
            "" => None,
            text => {
                let named = |target: &Locale| {
                    Locale::ALL.iter().any(|l| normalise(&l.t(&format!("lang-{}", target.tag()))) == normalise(text))
                };
                let found = Locale::parse(&text.to_lowercase()).or_else(|| Locale::ALL.into_iter().find(named));
                if found.is_none() {
                    problem(Field::Language, locale.t_args("import-error-value", &[("value", text.to_string())]));
                }
                found
            }
        };
        if let Some(email) = &email {
            let address = email.as_str().to_string();
            if let Some(first) = seen.insert(address.clone(), *row) {
                problem(Field::Email, locale.t_args("import-error-twice", &[("row", first.to_string())]));
            } else if known.invited.contains(&address) {
                problem(Field::Email, locale.t("bulk-error-pending"));
            }
        }
        if !problems.is_empty() {
            out.problems.extend(problems);
            continue;
        }
        let email = email.expect("checked above");
        if known.members.iter().any(|m| m == email.as_str()) {
            out.members.push((*row, email.as_str().to_string()));
            continue;
        }
        out.people.push(Person {
            row: *row,
            email: email.as_str().to_string(),
            name,
            organisation,
            sector,
            country,
            language,
        });
    }
    out
}

/// A problem of the whole request, for the boundary to refuse.
pub fn unusable(message: &'static str) -> AppError {
    AppError::Invalid(Message::new(message))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_in_any_language_are_recognised() {
        let english = guess(&strings(&["E-mail address", "Full name", "Organization", "Country"]));
        assert_eq!(english[&Field::Email], 0);
        assert_eq!(english[&Field::Name], 1);
        assert_eq!(english[&Field::Organisation], 2);
        assert_eq!(english[&Field::Country], 3);
        let thai = guess(&strings(&["ชื่อ", "อีเมล", "หน่วยงาน", "ประเทศ", "หมายเหตุ"]));
        assert_eq!((thai[&Field::Name], thai[&Field::Email], thai[&Field::Organisation]), (0, 1, 2));
        assert!(!thai.contains_key(&Field::Sector));
        let malay = guess(&strings(&["Nama", "Emel", "Sektor", "Negara", "Bahasa"]));
        assert_eq!(malay.len(), 5);
        let filipino = guess(&strings(&["Pangalan", "Email", "Organisasyon", "Bansa", "Wika"]));
        assert_eq!(filipino.len(), 5);
    }

    #[test]
    fn rows_are_checked_cell_by_cell() {
        let table = Table {
            header: strings(&["Email", "Name", "Organisation", "Sector", "Country", "Language"]),
            rows: vec![
                (
                    2,
                    strings(&[
                        "somchai@example.org",
                        "Somchai Dee",
                        "lawyers council",
                        "Legal profession",
                        "Thailand",
                        "th",
                    ]),
                ),
                (3, strings(&["siti@example.my", "Siti", "", "ตำรวจ", "มาเลเซีย", "Bahasa Thai"])),
                (4, strings(&["not-an-address", "<b>", "Nowhere Org", "", "Atlantis", "Klingon"])),
                (5, strings(&["SOMCHAI@example.org", "Again", "", "", "", ""])),
                (6, strings(&["member@example.org", "Member", "", "", "", ""])),
            ],
        };
        let known = Known {
            organisations: vec![(7, "Lawyers Council".into())],
            members: vec!["member@example.org".into()],
            invited: vec![],
        };
        let checked = check(&table, &guess(&table.header), &known, Locale::En);
        assert_eq!(checked.people.len(), 2);
        let somchai = &checked.people[0];
        assert_eq!(
            (somchai.organisation, somchai.sector, somchai.country),
            (Some(7), Some(Sector::Legal), Some(Country::Th))
        );
        assert_eq!(somchai.language, Some(Locale::Th));
        let siti = &checked.people[1];
        assert_eq!(
            (siti.sector, siti.country, siti.language),
            (Some(Sector::Police), Some(Country::My), Some(Locale::Th))
        );
        assert_eq!(checked.members, vec![(6, "member@example.org".to_string())]);
        let said: Vec<String> = checked
            .problems
            .iter()
            .map(|p| format!("row {}, {}: {}", p.row, p.column.clone().unwrap_or_default(), p.message))
            .collect();
        assert!(said.contains(&"row 4, Email: This is not a valid e-mail address.".to_string()), "{said:?}");
        for expected in ["row 4, Name:", "row 4, Organisation:", "row 4, Country:", "row 4, Language:", "row 5, Email:"]
        {
            assert!(said.iter().any(|s| s.starts_with(expected)), "{expected}: {said:?}");
        }
        assert!(said.iter().any(|s| s.contains("row 2")), "a repeated address names the first row: {said:?}");
    }

    #[test]
    fn a_file_without_an_address_column_is_one_problem() {
        let table = Table { header: strings(&["Name"]), rows: vec![(2, strings(&["Ana"]))] };
        let known = Known { organisations: vec![], members: vec![], invited: vec![] };
        let checked = check(&table, &guess(&table.header), &known, Locale::En);
        assert!(checked.people.is_empty() && checked.problems.len() == 1);
    }
}

//! Tables that leave Roundtable as files (CSV and XLSX), and the one place where their cells
//! are made safe for spreadsheets.

use std::borrow::Cow;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

use super::{AppError, AppResult};

/// Characters that make a spreadsheet read a CSV cell as a formula (OWASP's list, ASVS 5.0
/// V1.2.10): `=SUM(…)`, `+cmd|…`, `-2+3`, `@SUM(…)`, tab, carriage return, line feed and NUL
/// before them, and the full-width forms some spreadsheets read alike.
const FORMULA_START: [char; 12] = ['=', '+', '-', '@', '\t', '\r', '\n', '\0', '＝', '＋', '－', '＠'];

/// `text` as a CSV cell that a spreadsheet shows as text and never runs: a leading quote
/// goes before anything that would start a formula, spaces in front of it included.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if text.trim_start_matches([' ', '\u{3000}']).starts_with(FORMULA_START) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_string())
    }
}

impl From<Option<String>> for Cell {
    fn from(text: Option<String>) -> Cell {
        text.map_or(Cell::Empty, Cell::Text)
    }
}

impl From<f64> for Cell {
    fn from(n: f64) -> Cell {
        Cell::Number(n)
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Cell {
        Cell::Number(n as f64)
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Cell {
        Cell::Number(n as f64)
    }
}

/// The file formats a table downloads as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Csv,
    Xlsx,
}

/// `?format=csv|xlsx` of a download.
#[derive(serde::Deserialize)]
pub struct FormatQuery {
    pub format: Format,
}

/// One table: a header row and rows of cells.
pub struct Sheet {
    /// The worksheet's name in XLSX (at most 31 characters).
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn new(title: impl Into<String>, headers: Vec<String>) -> Sheet {
        Sheet { title: title.into(), headers, rows: Vec::new() }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// UTF-8 with a byte-order mark, which spreadsheets need to read Thai rightly; every
    /// text cell neutralised.
    pub fn csv(&self) -> Vec<u8> {
        let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
        let write = |out: &mut csv::Writer<Vec<u8>>, cells: Vec<Cow<'_, str>>| {
            out.write_record(cells.iter().map(|c| c.as_bytes())).expect("writing to memory cannot fail");
        };
        write(&mut out, self.headers.iter().map(|h| neutralise(h)).collect());
        for row in &self.rows {
            let cells = row
                .iter()
                .map(|cell| match cell {
                    Cell::Text(t) => neutralise(t),
                    Cell::Number(n) => Cow::Owned(n.to_string()),
                    Cell::Empty => Cow::Borrowed(""),
                })
                .collect();
            write(&mut out, cells);
        }
        out.into_inner().expect("writing to memory cannot fail")
    }

    /// An XLSX workbook. Its text cells are typed strings, which no spreadsheet runs, so
    /// they keep their text as written.
    pub fn xlsx(&self) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let bold = rust_xlsxwriter::Format::new().set_bold();
        let sheet = book.add_worksheet();
        let title: String = self.title.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        if !title.is_empty() {
            sheet.set_name(title)?;
        }
        for (col, header) in self.headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, header, &bold)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (col, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Text(t) => sheet.write_string(r, col as u16, t)?,
                    Cell::Number(n) => sheet.write_number(r, col as u16, *n)?,
                    Cell::Empty => sheet,
                };
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        book.save_to_buffer()
    }

    /// The table as a download named `stem` and today's date, e.g. `roundtable-members-2026-12-07.csv`.
    pub fn download(&self, format: Format, stem: &str) -> AppResult<Response> {
        let (bytes, media, extension) = match format {
            Format::Csv => (self.csv(), "text/csv; charset=utf-8", "csv"),
            Format::Xlsx => (
                self.xlsx().map_err(|e| AppError::Internal(anyhow::anyhow!("writing a workbook: {e}")))?,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx",
            ),
        };
        Ok(attachment(bytes, media, &format!("{stem}.{extension}")))
    }
}

/// `bytes` as a file to save, named `name` (ASCII, without quotes), never shown in the page.
pub fn attachment(bytes: Vec<u8>, media: &'static str, name: &str) -> Response {
    let today = chrono::Utc::now().format("%Y-%m-%d");
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    let disposition = format!("attachment; filename=\"roundtable-{stem}-{today}.{extension}\"");
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(media)),
            (header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).expect("an ASCII name")),
        ],
        bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_text_is_kept() {
        for formula in ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "  =1", "＝1+1", "\n=1"] {
            assert_eq!(neutralise(formula), format!("'{formula}"));
        }
        for text in ["Ratree", "สมชาย", "a=b", "", "'quoted"] {
            assert_eq!(neutralise(text), text);
        }
    }

    #[test]
    fn csv_starts_with_a_bom_and_neutralises_text_only() {
        let mut sheet = Sheet::new("t", vec!["name".into(), "n".into()]);
        sheet.push(vec!["=HYPERLINK(\"x\")".into(), Cell::Number(-2.5)]);
        sheet.push(vec!["ผู้พิทักษ์".into(), Cell::Empty]);
        let text = String::from_utf8(sheet.csv()).unwrap();
        assert_eq!(text, "\u{feff}name,n\n\"'=HYPERLINK(\"\"x\"\")\",-2.5\nผู้พิทักษ์,\n");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(reader.headers().unwrap().get(0), Some("name"), "a CSV reader skips the mark");
    }

    #[test]
    fn xlsx_is_a_zip_workbook() {
        let mut sheet = Sheet::new("Members: all", vec!["name".into()]);
        sheet.push(vec!["=1+1".into()]);
        let bytes = sheet.xlsx().unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}

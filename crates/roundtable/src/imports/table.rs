//! A spreadsheet as a table of text: CSV in UTF-8 (with or without a byte-order mark) or
//! UTF-16 as Excel saves "Unicode text", separated by commas, semicolons or tabs; or the
//! first sheet of an XLSX, XLS or ODS workbook (or its "Connections" sheet, as Kumu writes
//! them), its dates written as `YYYY-MM-DD`.

use std::io::Cursor;

use calamine::{Data, DataType, Reader};

/// A table read from a file: its header and its rows, each with its row number in the file
/// (the header is row 1), so that problems name the row the person sees.
#[derive(Debug, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TableError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is neither UTF-8 nor UTF-16 text: save it as \"CSV UTF-8\" and try again")]
    Encoding,
    #[error("row {row}: {message}")]
    Row { row: usize, message: String },
    #[error("the workbook cannot be read: {0}")]
    Workbook(String),
}

impl TableError {
    /// The problem in the reader's language.
    pub fn say(&self, locale: crate::web::i18n::Locale) -> String {
        match self {
            TableError::Empty => locale.t("import-error-empty"),
            TableError::Encoding => locale.t("import-error-encoding"),
            TableError::Row { row, .. } => locale.t_args("import-error-quote", &[("row", row.to_string())]),
            TableError::Workbook(_) => locale.t("import-error-workbook"),
        }
    }
}

/// Read `bytes`, named `name` (its extension tells a workbook from text).
pub fn read(bytes: &[u8], name: &str) -> Result<Table, TableError> {
    let lower = name.to_lowercase();
    let workbook =
        [".xlsx", ".xlsm", ".xls", ".ods"].iter().any(|e| lower.ends_with(e)) || bytes.starts_with(b"PK\x03\x04");
    let table = if workbook { read_workbook(bytes)? } else { read_csv(&decode(bytes)?)? };
    if table.header.iter().all(|h| h.is_empty()) {
        return Err(TableError::Empty);
    }
    Ok(table)
}

/// Text from bytes: UTF-8 (a byte-order mark dropped) or UTF-16 with its mark.
fn decode(bytes: &[u8]) -> Result<String, TableError> {
    if let Some((encoding, skip)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[skip..]);
        return if had_errors { Err(TableError::Encoding) } else { Ok(text.into_owned()) };
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| TableError::Encoding)
}

/// The separator of a CSV text: of comma, semicolon and tab, the most frequent in its first
/// line (Excel writes semicolons where the comma is the decimal mark).
fn separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    [b'\t', b';', b','].into_iter().max_by_key(|s| first.bytes().filter(|b| b == s).count()).unwrap_or(b',')
}

fn read_csv(text: &str) -> Result<Table, TableError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(separator(text))
        .from_reader(text.as_bytes());
    let mut header = None;
    let mut rows = Vec::new();
    // Rows are numbered as a text editor numbers lines (the reader skips empty lines without
    // counting them): newlines before each record, counted as the reading goes.
    let (mut seen_byte, mut seen_line) = (0usize, 1usize);
    let mut line_at = |byte: usize| {
        // A record's position is where the reader began, before the empty lines it skipped.
        let byte = byte.min(text.len());
        let byte = byte + text.as_bytes()[byte..].iter().take_while(|b| matches!(b, b'\n' | b'\r')).count();
        seen_line += text.as_bytes()[seen_byte.min(byte)..byte].iter().filter(|b| **b == b'\n').count();
        seen_byte = seen_byte.max(byte);
        seen_line
    };
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let row = e.position().map_or(0, |p| line_at(p.byte() as usize));
                return Err(TableError::Row { row, message: "a quote is not closed".into() });
            }
        };
        let row = record.position().map_or(0, |p| line_at(p.byte() as usize));
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        match header {
            None => header = Some(cells),
            Some(_) => rows.push((row, cells)),
        }
    }
    Ok(Table { header: header.ok_or(TableError::Empty)?, rows })
}

fn read_workbook(bytes: &[u8]) -> Result<Table, TableError> {
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| TableError::Workbook(e.to_string()))?;
    // Kumu's workbooks keep their ties on a sheet of that name; otherwise the first sheet.
    let sheet = book.sheet_names().iter().position(|n| n.eq_ignore_ascii_case("connections")).unwrap_or(0);
    let range =
        book.worksheet_range_at(sheet).ok_or(TableError::Empty)?.map_err(|e| TableError::Workbook(e.to_string()))?;
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let mut header = None;
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        match header {
            None => header = Some(cells),
            Some(_) => rows.push((first_row + i + 1, cells)),
        }
    }
    Ok(Table { header: header.ok_or(TableError::Empty)?, rows })
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(_) | Data::DateTimeIso(_) => {
            cell.as_date().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_else(|| cell.to_string())
        }
        Data::DurationIso(s) => s.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(header: &[&str], rows: &[(usize, &[&str])]) -> Table {
        Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: rows.iter().map(|(n, r)| (*n, r.iter().map(|s| s.to_string()).collect())).collect(),
        }
    }

    #[test]
    fn csv_in_every_encoding_and_separator_reads_alike() {
        let expected = table(&["E-mail", "ชื่อ"], &[(3, &["somchai@example.org", "สมชาย ใจดี"])]);
        let text = "E-mail,ชื่อ\n\nsomchai@example.org,สมชาย ใจดี\n";
        assert_eq!(read(text.as_bytes(), "people.csv").unwrap(), expected);
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(read(&bom, "people.csv").unwrap(), expected);
        let semicolons = text.replace(',', ";");
        assert_eq!(read(semicolons.as_bytes(), "people.csv").unwrap(), expected);
        let tabs = text.replace(',', "\t");
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain(tabs.encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        assert_eq!(read(&utf16, "people.txt").unwrap(), expected);
    }

    #[test]
    fn text_that_is_not_unicode_is_refused_with_what_to_do() {
        // "สมชาย" in Windows-874, as older Thai Excel saves CSV.
        let error = read(b"name\n\xCA\xC1\xAA\xD2\xC2\n", "people.csv").unwrap_err();
        assert_eq!(error, TableError::Encoding);
        assert!(error.to_string().contains("CSV UTF-8"));
        assert_eq!(read(b"", "people.csv").unwrap_err(), TableError::Empty);
        assert!(matches!(read(b"a,b\n\"open,x\n", "p.csv"), Err(TableError::Row { .. }) | Ok(_)));
    }

    #[test]
    fn workbooks_give_their_first_sheet_with_dates() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Email").unwrap();
        sheet.write_string(0, 1, "Since").unwrap();
        sheet.write_string(0, 2, "Phone").unwrap();
        sheet.write_string(2, 0, "ana@example.org").unwrap();
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2021, 3, 4).unwrap();
        let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        sheet.write_datetime_with_format(2, 1, &date, &format).unwrap();
        sheet.write_number(2, 2, 66812345678.0).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let read = read(&bytes, "people.xlsx").unwrap();
        assert_eq!(
            read,
            table(&["Email", "Since", "Phone"], &[(3, &["ana@example.org", "2021-03-04", "66812345678"])])
        );
    }
}

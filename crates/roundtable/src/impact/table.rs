//! A table of figures, the same on the page and in its CSV download: both are made from one
//! [`Table`], so that what a coordinator downloads is what they read.

use serde::Serialize;

use crate::web::sheet::{Cell, Sheet};
use crate::web::svg::Unit;

#[derive(Clone, Debug, PartialEq)]
pub enum Figure {
    Text(String),
    Count(i64),
    /// Between 0 and 1; none where there is nothing to divide by.
    Share(Option<f64>),
    /// A measured value (an indicator's), none where there is none.
    Number(Option<f64>),
}

impl Figure {
    fn shown(&self) -> String {
        match self {
            Figure::Text(t) => t.clone(),
            Figure::Count(n) => n.to_string(),
            Figure::Share(Some(v)) => Unit::Share.format(*v),
            Figure::Number(Some(v)) => number(*v),
            Figure::Share(None) | Figure::Number(None) => "–".into(),
        }
    }

    fn cell(&self) -> Cell {
        match self {
            Figure::Text(t) => Cell::Text(t.clone()),
            Figure::Count(n) => Cell::from(*n),
            Figure::Share(Some(v)) | Figure::Number(Some(v)) => Cell::Number(*v),
            Figure::Share(None) | Figure::Number(None) => Cell::Empty,
        }
    }
}

/// `12`, `12.5`, `0.25`: as written, without trailing zeros.
fn number(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// One table: its key names its download (`/impact/csv/{key}`).
pub struct Table {
    pub key: &'static str,
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Figure>>,
}

/// What a template draws: each row's first cell is its header.
#[derive(Serialize)]
pub struct TableView {
    pub key: &'static str,
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(key: &'static str, title: String, headers: Vec<String>) -> Table {
        Table { key, title, headers, rows: Vec::new() }
    }

    pub fn push(&mut self, row: Vec<Figure>) {
        self.rows.push(row);
    }

    pub fn view(&self) -> TableView {
        TableView {
            key: self.key,
            title: self.title.clone(),
            headers: self.headers.clone(),
            rows: self.rows.iter().map(|r| r.iter().map(Figure::shown).collect()).collect(),
        }
    }

    /// The table as a sheet, every text cell neutralised on the way out (see `web::sheet`).
    pub fn sheet(&self) -> Sheet {
        let mut sheet = Sheet::new(self.title.clone(), self.headers.clone());
        for row in &self.rows {
            sheet.push(row.iter().map(Figure::cell).collect());
        }
        sheet
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_and_sheet_say_the_same() {
        let mut t = Table::new("t", "T".into(), vec!["a".into(), "n".into(), "s".into(), "v".into()]);
        t.push(vec![
            Figure::Text("=cmd".into()),
            Figure::Count(7),
            Figure::Share(Some(0.375)),
            Figure::Number(Some(12.5)),
        ]);
        t.push(vec![Figure::Text("b".into()), Figure::Count(0), Figure::Share(None), Figure::Number(None)]);
        assert_eq!(t.view().rows[0], vec!["=cmd", "7", "38%", "12.5"]);
        assert_eq!(t.view().rows[1], vec!["b", "0", "–", "–"]);
        let csv = String::from_utf8(t.sheet().csv()).unwrap();
        assert_eq!(csv, "\u{feff}a,n,s,v\n'=cmd,7,0.375,12.5\nb,0,,\n");
    }
}

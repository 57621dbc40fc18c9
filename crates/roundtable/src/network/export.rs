//! The network's ties as files: a CSV edge list (which `roundtable analyze` and Gephi read),
//! GraphML and GEXF (which Gephi opens), with each member's sector, country and measures as
//! attributes.
//!
//! Every file holds the members' network, whoever exports it: no member at risk
//! ([`crate::members::access::goes_in_files`]), and no measure that counts their ties, as
//! the coordinators' measures do. Fields are those every member may see.

use std::fmt::Write;

use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::model::{Network, Scope};
use crate::audit::{self, Detail, Entry};
use crate::members::access::goes_in_files;
use crate::vocab::AuditAction;
use crate::web::sheet::{attachment, Cell, Format, Sheet};
use crate::web::svg::esc as xml;
use crate::web::{AppResult, AppState, ClientIp, SignedIn};

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TieFormat {
    Csv,
    Graphml,
    Gexf,
}

#[derive(Deserialize)]
pub struct ExportQuery {
    format: TieFormat,
}

pub async fn ties(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Query(q): Query<ExportQuery>,
) -> AppResult<Response> {
    let views = super::cache(&state).get(&state.db).await?;
    let graph = Graph::of(views.scope(Scope::Members));
    let entry =
        Entry { actor: Some(user.user_id), action: AuditAction::TiesExported, target: None, detail: Detail::None, ip };
    audit::record_alone(&state.db, entry).await?;
    Ok(match q.format {
        TieFormat::Csv => graph.edge_list().download(Format::Csv, "ties")?,
        TieFormat::Graphml => attachment(graph.graphml().into_bytes(), "application/graphml+xml", "ties.graphml"),
        TieFormat::Gexf => attachment(graph.gexf().into_bytes(), "application/gexf+xml", "ties.gexf"),
    })
}

/// What goes in a file: the nodes that may, and the ties between them.
pub struct Graph<'a> {
    net: &'a Network,
    nodes: Vec<usize>,
    ties: Vec<usize>,
}

/// A node's measures, as the files name them.
const MEASURES: [&str; 5] = ["degree", "betweenness", "eigenvector", "pagerank", "community"];

impl<'a> Graph<'a> {
    pub fn of(net: &'a Network) -> Graph<'a> {
        let keep: Vec<bool> = net.people.iter().map(|p| goes_in_files(p.at_risk)).collect();
        let nodes = (0..net.people.len()).filter(|&i| keep[i]).collect();
        let ties = (0..net.ties.len()).filter(|&t| keep[net.ties[t].a] && keep[net.ties[t].b]).collect();
        Graph { net, nodes, ties }
    }

    fn measures(&self, i: usize) -> [f64; 5] {
        let m = &self.net.nodes[i];
        [m.degree as f64, m.betweenness, m.eigenvector, m.pagerank, m.community as f64]
    }

    fn sources(&self, t: usize) -> String {
        self.net.ties[t].sources.iter().map(|s| s.key()).collect::<Vec<_>>().join(";")
    }

    /// The ties, each with its ends by id (the smaller first) and name.
    pub fn ties(&self) -> impl Iterator<Item = super::api::TieItem> + '_ {
        self.ties.iter().map(|&t| {
            let tie = &self.net.ties[t];
            let (mut a, mut b) = (&self.net.people[tie.a], &self.net.people[tie.b]);
            if a.id > b.id {
                std::mem::swap(&mut a, &mut b);
            }
            super::api::TieItem {
                source: a.id,
                target: b.id,
                source_name: a.name.clone(),
                target_name: b.name.clone(),
                weight: round(tie.weight),
                sources: tie.sources.iter().map(|s| s.key().to_string()).collect(),
            }
        })
    }

    /// `source,target,weight` by member id, then the tie's sources and both names.
    pub fn edge_list(&self) -> Sheet {
        let headers = ["source", "target", "weight", "sources", "source_name", "target_name"];
        let mut sheet = Sheet::new("ties", headers.iter().map(|h| h.to_string()).collect());
        for &t in &self.ties {
            let tie = &self.net.ties[t];
            let (a, b) = (&self.net.people[tie.a], &self.net.people[tie.b]);
            sheet.push(vec![
                a.id.to_string().into(),
                b.id.to_string().into(),
                Cell::Number(round(tie.weight)),
                self.sources(t).into(),
                a.name.clone().into(),
                b.name.clone().into(),
            ]);
        }
        sheet
    }

    pub fn graphml(&self) -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
        );
        for (id, kind) in [("label", "string"), ("sector", "string"), ("country", "string")] {
            let _ = writeln!(out, "  <key id=\"{id}\" for=\"node\" attr.name=\"{id}\" attr.type=\"{kind}\"/>");
        }
        for m in MEASURES {
            let _ = writeln!(out, "  <key id=\"{m}\" for=\"node\" attr.name=\"{m}\" attr.type=\"double\"/>");
        }
        out.push_str("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n");
        out.push_str("  <key id=\"sources\" for=\"edge\" attr.name=\"sources\" attr.type=\"string\"/>\n");
        out.push_str("  <graph id=\"roundtable\" edgedefault=\"undirected\">\n");
        for &i in &self.nodes {
            let p = &self.net.people[i];
            let _ = write!(out, "    <node id=\"{}\"><data key=\"label\">{}</data>", p.id, xml(&p.name));
            if let Some(s) = p.sector {
                let _ = write!(out, "<data key=\"sector\">{}</data>", s.key());
            }
            if let Some(c) = p.country {
                let _ = write!(out, "<data key=\"country\">{}</data>", c.key());
            }
            for (m, v) in MEASURES.iter().zip(self.measures(i)) {
                let _ = write!(out, "<data key=\"{m}\">{}</data>", round(v));
            }
            out.push_str("</node>\n");
        }
        for &t in &self.ties {
            let tie = &self.net.ties[t];
            let _ = writeln!(
                out,
                "    <edge source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data><data key=\"sources\">{}</data></edge>",
                self.net.people[tie.a].id,
                self.net.people[tie.b].id,
                round(tie.weight),
                self.sources(t)
            );
        }
        out.push_str("  </graph>\n</graphml>\n");
        out
    }

    pub fn gexf(&self) -> String {
        let today = chrono::Utc::now().format("%Y-%m-%d");
        let mut out = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n  \
             <meta lastmodifieddate=\"{today}\"><creator>Roundtable</creator></meta>\n  \
             <graph mode=\"static\" defaultedgetype=\"undirected\">\n    <attributes class=\"node\">\n"
        );
        for id in ["sector", "country"] {
            let _ = writeln!(out, "      <attribute id=\"{id}\" title=\"{id}\" type=\"string\"/>");
        }
        for m in MEASURES {
            let _ = writeln!(out, "      <attribute id=\"{m}\" title=\"{m}\" type=\"double\"/>");
        }
        out.push_str("    </attributes>\n    <attributes class=\"edge\">\n");
        out.push_str("      <attribute id=\"sources\" title=\"sources\" type=\"string\"/>\n    </attributes>\n");
        out.push_str("    <nodes>\n");
        for &i in &self.nodes {
            let p = &self.net.people[i];
            let _ = write!(out, "      <node id=\"{}\" label=\"{}\"><attvalues>", p.id, xml(&p.name));
            if let Some(s) = p.sector {
                let _ = write!(out, "<attvalue for=\"sector\" value=\"{}\"/>", s.key());
            }
            if let Some(c) = p.country {
                let _ = write!(out, "<attvalue for=\"country\" value=\"{}\"/>", c.key());
            }
            for (m, v) in MEASURES.iter().zip(self.measures(i)) {
                let _ = write!(out, "<attvalue for=\"{m}\" value=\"{}\"/>", round(v));
            }
            out.push_str("</attvalues></node>\n");
        }
        out.push_str("    </nodes>\n    <edges>\n");
        for (n, &t) in self.ties.iter().enumerate() {
            let tie = &self.net.ties[t];
            let _ = writeln!(
                out,
                "      <edge id=\"{n}\" source=\"{}\" target=\"{}\" weight=\"{}\"><attvalues><attvalue for=\"sources\" value=\"{}\"/></attvalues></edge>",
                self.net.people[tie.a].id,
                self.net.people[tie.b].id,
                round(tie.weight),
                self.sources(t)
            );
        }
        out.push_str("    </edges>\n  </graph>\n</gexf>\n");
        out
    }
}

/// Six significant decimals: more than any tool shows, and stable across runs.
fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_for_xml() {
        assert_eq!(xml("A & B <\"x\"> 'y'\u{1}"), "A &amp; B &lt;&quot;x&quot;&gt; &#39;y&#39;");
        assert_eq!(xml("สมชาย"), "สมชาย");
    }
}

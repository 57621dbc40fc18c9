//! `roundtable analyze`: network metrics of any edge list a user mapped in a spreadsheet,
//! with the field names and conventions of the reference fixtures (NetworkX's).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Map, Value};
use sna::{centrality, cohesion, Graph, GraphBuilder};

/// What went wrong with the input, saying where.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{file}: cannot read: {source}")]
    Read { file: String, source: std::io::Error },
    #[error("{file} line {line}: {message}")]
    Line { file: String, line: u64, message: String },
    #[error("{file}: {message}")]
    File { file: String, message: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
}

pub struct Options<'a> {
    pub edges: &'a Path,
    pub nodes: Option<&'a Path>,
    pub group_by: Option<&'a str>,
    pub weighted: bool,
    pub format: Format,
}

fn file_name(path: &Path) -> String {
    path.display().to_string()
}

fn reader(path: &Path) -> Result<csv::Reader<std::fs::File>, InputError> {
    csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_path(path)
        .map_err(|e| InputError::Read { file: file_name(path), source: std::io::Error::other(e.to_string()) })
}

/// A line the CSV reader could not read (bad quoting, invalid UTF-8).
fn malformed(file: &str, e: csv::Error) -> InputError {
    InputError::Line {
        file: file.to_string(),
        line: e.position().map(|p| p.line()).unwrap_or(0),
        message: e.to_string(),
    }
}

fn column(headers: &csv::StringRecord, name: &str) -> Option<usize> {
    headers.iter().position(|h| h.eq_ignore_ascii_case(name))
}

/// Read `source,target[,weight]`; column names are matched case-insensitively.
pub fn read_edges(path: &Path, weighted: bool) -> Result<(GraphBuilder, bool), InputError> {
    let file = file_name(path);
    let mut rdr = reader(path)?;
    let headers = rdr.headers().map_err(|e| InputError::File { file: file.clone(), message: e.to_string() })?.clone();
    let (Some(s), Some(t)) = (column(&headers, "source"), column(&headers, "target")) else {
        return Err(InputError::Line {
            file,
            line: 1,
            message: "the header must name the columns source and target".into(),
        });
    };
    let w = column(&headers, "weight");
    if weighted && w.is_none() {
        return Err(InputError::Line { file, line: 1, message: "--weighted needs a weight column".into() });
    }
    let mut builder = GraphBuilder::new();
    for record in rdr.records() {
        let record = record.map_err(|e| malformed(&file, e))?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let at = |message: String| InputError::Line { file: file.clone(), line, message };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let source = record.get(s).filter(|v| !v.is_empty()).ok_or_else(|| at("the source is missing".into()))?;
        let target = record.get(t).filter(|v| !v.is_empty()).ok_or_else(|| at("the target is missing".into()))?;
        let weight = match (weighted, w.and_then(|i| record.get(i))) {
            (true, Some(text)) => {
                text.parse::<f64>().map_err(|_| at(format!("the weight `{text}` is not a number")))?
            }
            (true, None) => return Err(at("the weight is missing".into())),
            (false, _) => 1.0,
        };
        builder.add_edge(source, target, weight).map_err(|e| at(e.to_string()))?;
    }
    builder.weighted(weighted);
    Ok((builder, weighted))
}

/// Read `id,<attribute>...`: adds nodes without ties, and returns the `group_by` value of each id.
pub fn read_nodes(
    path: &Path,
    builder: &mut GraphBuilder,
    group_by: Option<&str>,
) -> Result<BTreeMap<String, String>, InputError> {
    let file = file_name(path);
    let mut rdr = reader(path)?;
    let headers = rdr.headers().map_err(|e| InputError::File { file: file.clone(), message: e.to_string() })?.clone();
    let id = column(&headers, "id").ok_or_else(|| InputError::Line {
        file: file.clone(),
        line: 1,
        message: "the header must name an id column".into(),
    })?;
    let attr = match group_by {
        Some(name) => Some(column(&headers, name).ok_or_else(|| InputError::Line {
            file: file.clone(),
            line: 1,
            message: format!("there is no column `{name}` to group by"),
        })?),
        None => None,
    };
    let mut groups = BTreeMap::new();
    for record in rdr.records() {
        let record = record.map_err(|e| malformed(&file, e))?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if record.iter().all(str::is_empty) {
            continue;
        }
        let node = record.get(id).filter(|v| !v.is_empty()).ok_or_else(|| InputError::Line {
            file: file.clone(),
            line,
            message: "the id is missing".into(),
        })?;
        builder.add_node(node).map_err(|e| InputError::Line { file: file.clone(), line, message: e.to_string() })?;
        if let Some(a) = attr {
            let value = record.get(a).unwrap_or_default();
            if groups.insert(node.to_string(), value.to_string()).is_some() {
                return Err(InputError::Line {
                    file: file.clone(),
                    line,
                    message: format!("the id `{node}` appears twice"),
                });
            }
        }
    }
    Ok(groups)
}

/// A float for JSON: non-finite values (undefined measures) become `null`.
fn number(x: Option<f64>) -> Value {
    match x {
        Some(v) if v.is_finite() => json!(v),
        _ => Value::Null,
    }
}

/// Compute every measure; with `groups` (a group number per node) also the E-I index,
/// assortativity and brokerage roles. `progress` is told the name of each step as it starts.
pub fn analyze(g: &Graph, groups: Option<&[usize]>, mut progress: impl FnMut(&str)) -> Value {
    let n = g.node_count();
    progress("degree and cores");
    let degree = centrality::degree(g);
    let core = cohesion::core_number(g);
    let (_, components) = cohesion::components(g);
    progress("betweenness");
    let betweenness = centrality::betweenness(g);
    progress("closeness and harmonic");
    let closeness = centrality::closeness(g);
    let harmonic = centrality::harmonic(g);
    progress("eigenvector and PageRank");
    let eigenvector = centrality::eigenvector(g);
    let pagerank = centrality::pagerank(g, 0.85);
    progress("clustering and structural holes");
    let clustering = cohesion::clustering(g);
    let constraint = cohesion::constraint(g);
    let effective_size = cohesion::effective_size(g);

    progress("communities");
    // A fixed seed: the same file always gives the same communities.
    let partition = sna::communities::leiden(g, 1);
    let modularity = sna::communities::modularity(g, &partition.community);
    let brokerage = groups.map(|gr| sna::groups::brokerage(g, gr));
    let mut nodes = Map::new();
    for v in 0..n {
        let ev = eigenvector.as_ref().map(|e| e[v]);
        nodes.insert(
            g.id(v).to_string(),
            json!({
                "degree": degree[v],
                "betweenness": number(Some(betweenness[v])),
                "closeness": number(Some(closeness[v])),
                "harmonic": number(Some(harmonic[v])),
                "eigenvector": number(ev),
                "pagerank": number(Some(pagerank[v])),
                "core": core[v],
                "clustering": number(Some(clustering[v])),
                "constraint": number(constraint[v]),
                "effective_size": number(effective_size[v]),
                "community": partition.community[v],
            }),
        );
        if let (Some(roles), Some(Value::Object(fields))) = (&brokerage, nodes.get_mut(g.id(v))) {
            let r = &roles[v];
            for (name, count) in [
                ("coordinator", r.coordinator),
                ("gatekeeper", r.gatekeeper),
                ("representative", r.representative),
                ("consultant", r.consultant),
                ("liaison", r.liaison),
            ] {
                fields.insert(name.to_string(), json!(count));
            }
        }
    }
    let mut graph = json!({
        "nodes": n,
        "edges": g.edge_count(),
        "components": components,
        "density": g.density(),
        "modularity": number(Some(modularity)),
        "communities": partition.count,
    });
    if let (Some(gr), Value::Object(fields)) = (groups, &mut graph) {
        fields.insert("ei_index".into(), number(sna::groups::ei_index(g, gr)));
        fields.insert("assortativity".into(), number(sna::groups::assortativity(g, gr)));
    }
    json!({ "graph": graph, "nodes": nodes })
}

/// One row per node, the columns in the order of the JSON fields.
pub fn to_csv(result: &Value) -> Result<String, csv::Error> {
    let nodes = result["nodes"].as_object().cloned().unwrap_or_default();
    let columns: Vec<String> =
        nodes.values().next().and_then(Value::as_object).map(|o| o.keys().cloned().collect()).unwrap_or_default();
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["id".to_string()];
    header.extend(columns.iter().cloned());
    out.write_record(&header)?;
    for (id, fields) in &nodes {
        let mut row = vec![id.clone()];
        for c in &columns {
            row.push(match &fields[c] {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
        }
        out.write_record(&row)?;
    }
    let bytes = out.into_inner().map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))?;
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

/// Run the command: everything is computed before anything is printed.
pub fn run(options: &Options) -> anyhow::Result<String> {
    let (mut builder, _) = read_edges(options.edges, options.weighted)?;
    let groups = match options.nodes {
        Some(path) => read_nodes(path, &mut builder, options.group_by)?,
        None if options.group_by.is_some() => anyhow::bail!("--group-by needs --nodes with that column"),
        None => BTreeMap::new(),
    };
    let g = builder.build();
    // Groups numbered by first appearance of their value; nodes without a row share the
    // empty value, a group of its own.
    let group_numbers: Option<Vec<usize>> = options.group_by.map(|_| {
        let mut numbers: BTreeMap<&str, usize> = BTreeMap::new();
        g.ids()
            .map(|id| {
                let value = groups.get(id).map(String::as_str).unwrap_or("");
                let next = numbers.len();
                *numbers.entry(value).or_insert(next)
            })
            .collect()
    });
    let bar = indicatif::ProgressBar::new(6);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
            .unwrap_or(indicatif::ProgressStyle::default_bar()),
    );
    // Small graphs finish before a bar would be read.
    if g.node_count() < 2_000 {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let result = analyze(&g, group_numbers.as_deref(), |step| {
        bar.set_message(step.to_string());
        bar.inc(1);
    });
    bar.finish_and_clear();
    Ok(match options.format {
        Format::Json => serde_json::to_string_pretty(&result)? + "\n",
        Format::Csv => to_csv(&result)?,
    })
}

//! `roundtable analyze` on the reference graphs and on malformed input.

use std::path::{Path, PathBuf};

use roundtable::network::analyze::{run, Format, Options};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../sna/tests/fixtures").join(name)
}

fn options<'a>(edges: &'a Path, nodes: Option<&'a Path>, weighted: bool, format: Format) -> Options<'a> {
    Options { edges, nodes, group_by: None, weighted, format }
}

#[test]
fn json_matches_the_reference_fields_and_values() {
    for (name, weighted) in [("karate", false), ("lesmis_weighted", true), ("two_components", false)] {
        let edges = fixture(&format!("{name}.edges.csv"));
        let out: serde_json::Value =
            serde_json::from_str(&run(&options(&edges, None, weighted, Format::Json)).unwrap()).unwrap();
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(fixture(&format!("{name}.expected.json"))).unwrap()).unwrap();
        for key in ["nodes", "edges", "components"] {
            assert_eq!(out["graph"][key], expected["graph"][key], "{name} {key}");
        }
        assert!(out["graph"]["modularity"].as_f64().unwrap() >= 0.0);
        let communities = out["graph"]["communities"].as_u64().unwrap();
        assert!(out["nodes"].as_object().unwrap().values().all(|n| n["community"].as_u64().unwrap() < communities));
        for (id, fields) in expected["nodes"].as_object().unwrap() {
            for (measure, value) in fields.as_object().unwrap() {
                let ours = &out["nodes"][id][measure];
                match (ours.as_f64(), value.as_f64()) {
                    (Some(a), Some(b)) => {
                        assert!((a - b).abs() <= 1e-6 * b.abs().max(1e-9), "{name} {id} {measure}: {a} vs {b}")
                    }
                    _ => assert_eq!(ours, value, "{name} {id} {measure}"),
                }
            }
        }
    }
    // Eigenvector centrality is undefined on a disconnected graph: null, not a made-up number.
    let edges = fixture("two_components.edges.csv");
    let out: serde_json::Value =
        serde_json::from_str(&run(&options(&edges, None, false, Format::Json)).unwrap()).unwrap();
    assert!(out["nodes"].as_object().unwrap().values().all(|n| n["eigenvector"].is_null()));
}

#[test]
fn csv_has_one_row_per_node_and_nodes_file_adds_isolates() {
    let dir = tempfile::tempdir().unwrap();
    let edges = dir.path().join("e.csv");
    std::fs::write(&edges, "source,target\nSomchai,Malee\nMalee,Aina\n").unwrap();
    let nodes = dir.path().join("n.csv");
    std::fs::write(&nodes, "id,sector\nSomchai,police\nMalee,nhri\nAina,legal\nKru Dao,civil_society\n").unwrap();
    let out = run(&options(&edges, Some(&nodes), false, Format::Csv)).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0].starts_with("id,degree,betweenness,closeness,harmonic,eigenvector,pagerank,core"));
    let isolated = lines.iter().find(|l| l.starts_with("Kru Dao,")).unwrap();
    assert!(isolated.starts_with("Kru Dao,0,0.0,0.0,0.0,,"), "{isolated}");
}

#[test]
fn group_by_adds_brokerage_roles_and_mixing() {
    let edges = fixture("karate.edges.csv");
    let nodes = fixture("karate.nodes.csv");
    let grouped =
        Options { edges: &edges, nodes: Some(&nodes), group_by: Some("club"), weighted: false, format: Format::Json };
    let out: serde_json::Value = serde_json::from_str(&run(&grouped).unwrap()).unwrap();
    let assortativity = out["graph"]["assortativity"].as_f64().unwrap();
    assert!(assortativity > 0.5, "the two clubs mostly keep to themselves: {assortativity}");
    assert!(out["graph"]["ei_index"].as_f64().unwrap() < 0.0);
    for role in ["coordinator", "gatekeeper", "representative", "consultant", "liaison"] {
        assert!(out["nodes"]["0"][role].is_u64(), "{role}");
    }
    // Mr. Hi (0) brokers between his club and the other one.
    assert!(
        out["nodes"]["0"]["gatekeeper"].as_u64().unwrap() + out["nodes"]["0"]["representative"].as_u64().unwrap() > 0
    );
}

#[test]
fn malformed_input_names_the_line_and_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("from,to\na,b\n", false, "line 1"),
        ("source,target\na,b\nc\n", false, "line 3: the target is missing"),
        ("source,target,weight\na,b,1\nb,c,heavy\n", true, "line 3: the weight `heavy` is not a number"),
        ("source,target,weight\na,b,-2\n", true, "line 2"),
        ("source,target\na,b\n", true, "--weighted needs a weight column"),
    ];
    for (i, (text, weighted, message)) in cases.into_iter().enumerate() {
        let edges = dir.path().join(format!("bad{i}.csv"));
        std::fs::write(&edges, text).unwrap();
        let err = run(&options(&edges, None, weighted, Format::Json)).unwrap_err().to_string();
        assert!(err.contains(message), "{err} should say {message}");
        assert!(err.contains(&format!("bad{i}.csv")), "{err} names the file");
    }
    let missing = dir.path().join("nope.csv");
    assert!(run(&options(&missing, None, false, Format::Json)).unwrap_err().to_string().contains("cannot read"));
    let edges = dir.path().join("ok.csv");
    std::fs::write(&edges, "source,target\na,b\n").unwrap();
    let nodes = dir.path().join("nodes.csv");
    std::fs::write(&nodes, "id,sector\na,police\n").unwrap();
    let grouped = Options {
        edges: &edges,
        nodes: Some(&nodes),
        group_by: Some("country"),
        weighted: false,
        format: Format::Json,
    };
    assert!(run(&grouped).unwrap_err().to_string().contains("no column `country`"));
}

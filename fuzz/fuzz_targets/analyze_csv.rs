//! `roundtable analyze` on any spreadsheet a user exports: an edge list, and perhaps a node
//! list after a line `%%`. The first byte chooses the options: bit 0 `--weighted`, bit 1
//! `--group-by group`, bit 2 CSV output. Whatever the files hold, the command answers with
//! metrics or an error saying where, and never panics.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use roundtable::network::analyze::{run, Format, Options};

fn folder() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder"))
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = folder().path().join(name);
    std::fs::write(&path, bytes).expect("a temporary file");
    path
}

fn split<'a>(data: &'a [u8], separator: &[u8]) -> (&'a [u8], Option<&'a [u8]>) {
    match data.windows(separator.len()).position(|w| w == separator) {
        Some(at) => (&data[..at], Some(&data[at + separator.len()..])),
        None => (data, None),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let (edges, nodes) = split(rest, b"\n%%\n");
    let edges = write("edges.csv", edges);
    let nodes = nodes.map(|n| write("nodes.csv", n));
    let options = Options {
        edges: &edges,
        nodes: nodes.as_deref(),
        group_by: (flags & 2 != 0).then_some("group"),
        weighted: flags & 1 != 0,
        format: if flags & 4 != 0 { Format::Csv } else { Format::Json },
    };
    let Ok(out) = run(&options) else { return };
    match options.format {
        Format::Json => {
            let value: serde_json::Value = serde_json::from_str(&out).expect("the output is JSON");
            let n = value["graph"]["nodes"].as_u64().expect("a node count");
            assert_eq!(value["nodes"].as_object().expect("nodes").len() as u64, n, "one entry per node: {out}");
            if let Some(density) = value["graph"]["density"].as_f64() {
                assert!((0.0..=1.0).contains(&density) || n < 2, "density {density}");
            }
        }
        Format::Csv => assert!(out.starts_with("id"), "a header: {out:?}"),
    }
});

//! Layers import one way: `web`, `db`, `search`, `notify`, `audit` and `outbox` never name a
//! feature module; features call them. Rules that a layer needs (which notifications a
//! member may still see) are composed by the application and handed to it.

use std::path::{Path, PathBuf};

const LAYERS: [&str; 6] = ["web", "db", "search", "notify", "audit", "outbox.rs"];
const FEATURES: [&str; 12] = [
    "accounts", "members", "orgs", "admin", "network", "groups", "forums", "events", "experts", "library", "site",
    "demo",
];
/// Known exceptions, to be removed from the code and then from here: none left. An entry
/// must still be true (the list only shrinks).
const NOT_YET: [(&str, &str); 0] = [];

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            files(&entry.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn layers_name_no_feature() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (mut found, mut still) = (Vec::new(), Vec::new());
    for layer in LAYERS {
        let mut paths = Vec::new();
        files(&src.join(layer), &mut paths);
        assert!(!paths.is_empty(), "{layer} has no source");
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            let relative = path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
            for line in text.lines().map(str::trim).filter(|l| !l.starts_with("//")) {
                for feature in FEATURES {
                    let mut rest = line;
                    while let Some(at) = rest.find(&format!("crate::{feature}")) {
                        let tail = &rest[at..];
                        let end =
                            tail.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(tail.len());
                        let name = tail[..end].trim_end_matches(':');
                        let after = tail[end..].chars().next();
                        // `crate::events_x` is another name; only whole module paths count.
                        if name == format!("crate::{feature}") || name.starts_with(&format!("crate::{feature}::")) {
                            let named = if after == Some('{') { format!("{name}::{{") } else { name.to_string() };
                            if NOT_YET.contains(&(relative.as_str(), named.as_str())) {
                                still.push((relative.clone(), named));
                            } else {
                                found.push(format!("{relative}: {named}"));
                            }
                        }
                        rest = &tail[end..];
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "layers that name a feature:\n{}", found.join("\n"));
    // The list only shrinks: an entry that is gone from the code goes from the list.
    for (file, name) in NOT_YET {
        assert!(still.iter().any(|(f, n)| f == file && n == name), "{file} no longer names {name}: strike it");
    }
}

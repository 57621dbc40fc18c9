//! Layers import one way: `web`, `db`, `search`, `notify`, `audit`, `outbox`, `metrics` and `webhooks` never name a
//! feature module, nor the modules that compose features (`rules`, `app`, `maintenance`,
//! `cli`); features call them. Rules that a layer needs (which notifications a member may
//! still see, which search documents a viewer may reach) are composed by the application and
//! handed to it.

use std::path::{Path, PathBuf};

const LAYERS: [&str; 8] = ["web", "db", "search", "notify", "audit", "outbox.rs", "metrics.rs", "webhooks"];
const ABOVE: [&str; 22] = [
    "api",
    "announcements",
    "backup",
    "chat",
    "home",
    "imports",
    "accounts",
    "members",
    "orgs",
    "admin",
    "network",
    "groups",
    "forums",
    "events",
    "experts",
    "library",
    "site",
    "demo",
    "rules",
    "app",
    "maintenance",
    "cli",
];

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            files(&entry.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// The module path of a source file under `src` (`web/session.rs` is `["web", "session"]`).
fn module_of(relative: &str) -> Vec<String> {
    let mut parts: Vec<String> = relative.trim_end_matches(".rs").split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Every crate-level module a source text names: `crate::x`, each item of `crate::{x, y::z}`,
/// and `super::x` (however many `super`s) resolved from `module`.
fn named_modules(text: &str, module: &[String]) -> Vec<String> {
    let code: String = text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    let ident = |s: &str| s.trim().split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or("").to_string();
    let mut named = Vec::new();
    let mut rest = code.as_str();
    loop {
        // Whichever of the two comes first.
        let next = [rest.find("crate::").map(|i| (i, false)), rest.find("super::").map(|i| (i, true))];
        let Some((at, from_super)) = next.into_iter().flatten().min() else { break };
        let mut tail = &rest[at..];
        // The module the path starts from: the crate, or an ancestor of this file's module.
        let mut base: Vec<String> = if from_super { module.to_vec() } else { Vec::new() };
        if from_super {
            while let Some(after) = tail.strip_prefix("super::") {
                base.pop();
                tail = after;
            }
        } else {
            tail = &tail["crate::".len()..];
        }
        if let Some(group) = tail.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let first = ident(item);
                if base.is_empty() && !first.is_empty() {
                    named.push(first);
                }
            }
            rest = &group[end..];
        } else {
            let first = ident(tail);
            rest = &tail[first.len().max(1).min(tail.len())..];
            if base.is_empty() && !first.is_empty() {
                named.push(first);
            }
        }
    }
    named
}

#[test]
fn layers_name_nothing_above_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for layer in LAYERS {
        let mut paths = Vec::new();
        files(&src.join(layer), &mut paths);
        assert!(!paths.is_empty(), "{layer} has no source");
        for path in paths {
            let relative = path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(&path).unwrap();
            for name in named_modules(&text, &module_of(&relative)) {
                if ABOVE.contains(&name.as_str()) {
                    found.push(format!("{relative}: {name}"));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    assert!(found.is_empty(), "layers that name a module above them:\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_every_way_of_naming_a_module() {
    let web = vec!["web".to_string()];
    let session = vec!["web".to_string(), "session".to_string()];
    assert_eq!(named_modules("use crate::events::access;", &web), vec!["events"]);
    assert_eq!(named_modules("use crate::{db::Db, forums::access};", &web), vec!["db", "forums"]);
    assert_eq!(named_modules("use crate::{\n    db,\n    groups::Sight,\n};", &web), vec!["db", "groups"]);
    assert_eq!(named_modules("let x = super::members::f();", &web), vec!["members"]);
    assert_eq!(named_modules("use super::csrf::Form;", &session), Vec::<String>::new());
    assert_eq!(named_modules("use super::super::rules;", &session), vec!["rules"]);
    assert_eq!(named_modules("// crate::events in a comment", &web), Vec::<String>::new());
}

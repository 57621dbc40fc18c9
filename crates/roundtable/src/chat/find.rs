//! Finding words in one's own conversations. Messages never enter the site-wide search
//! index: this reads only the conversations the viewer takes part in, under the same rule
//! as their pages ([`access::message_sql`]: nothing from before they joined, nothing
//! expired, nothing from someone they blocked), newest first.

use axum::extract::{Query, State};
use axum::response::Html;
use axum::routing::get;
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::access;
use super::pages::{people, Person};
use crate::db::{rows, Arg, Args};
use crate::web::{AppError, AppResult, AppState, Page, Routes, SignedIn};

/// At most this many matches are shown: a phrase found more often needs more words.
const SHOWN: i64 = 50;
/// Characters of context on each side of a match.
const AROUND: usize = 60;

pub fn routes() -> Routes {
    vec![("/messages/find", get(find))]
}

/// What was asked: two to a hundred characters.
struct Words(String);

impl Words {
    fn parse(raw: &str) -> AppResult<Option<Words>> {
        let words = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        match words.chars().count() {
            0 => Ok(None),
            1 => Err(AppError::invalid("chat-find-short")),
            n if n > 100 => Err(AppError::invalid("chat-find-long")),
            _ => Ok(Some(Words(words))),
        }
    }

    /// A `LIKE` pattern for the words anywhere, with the pattern's own characters escaped.
    fn pattern(&self) -> String {
        let escaped: String = self
            .0
            .to_lowercase()
            .chars()
            .flat_map(|c| match c {
                '%' | '_' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        format!("%{escaped}%")
    }
}

#[derive(Deserialize)]
struct FindQuery {
    #[serde(default)]
    q: String,
}

#[derive(sqlx::FromRow)]
struct Found {
    id: i64,
    conversation_id: i64,
    title: String,
    author_id: i64,
    body: String,
    created_at: i64,
}

#[derive(Serialize)]
struct Match {
    id: i64,
    conversation_id: i64,
    title: String,
    people: Vec<Person>,
    mine: bool,
    author: Option<String>,
    created_at: i64,
    before: String,
    found: String,
    after: String,
}

async fn find(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Query(q): Query<FindQuery>,
) -> AppResult<Html<String>> {
    let me = user.user_id;
    let (words, error) = match Words::parse(&q.q) {
        Ok(words) => (words, None),
        Err(AppError::Invalid(m)) => (None, Some(page.locale.t(m.id))),
        Err(e) => return Err(e),
    };
    let mut matches = Vec::new();
    let mut more = false;
    if let Some(words) = &words {
        let mut args = Args::default();
        let now = args.push(Arg::Int(state.clock.now_ms()));
        let pattern = args.push(Arg::Text(words.pattern()));
        let sql = format!(
            "SELECT m.id, m.conversation_id, {title} AS title, m.author_id, m.body, m.created_at \
             FROM messages m JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = {me} \
             JOIN conversations c ON c.id = m.conversation_id \
             WHERE {} AND NOT m.deleted AND {} AND lower(m.body) LIKE {pattern} ESCAPE '\\' \
             ORDER BY m.id DESC LIMIT {}",
            access::takes_part_sql("cm"),
            access::message_sql("m", "cm", &now),
            SHOWN + 1,
            title = super::title_sql("c"),
        );
        let mut found: Vec<Found> = rows(&state.db, &sql, &args).await?;
        more = found.len() as i64 > SHOWN;
        found.truncate(SHOWN as usize);
        let mut conversations: Vec<i64> = found.iter().map(|f| f.conversation_id).collect();
        conversations.sort_unstable();
        conversations.dedup();
        let people = people(&state.db, &page.viewer, &conversations).await?;
        for f in found {
            let with: Vec<Person> =
                people.iter().filter(|(c, _)| *c == f.conversation_id).map(|(_, p)| p.clone()).collect();
            let author = if f.author_id == me {
                Some(user.display_name.clone())
            } else {
                with.iter().find(|p| p.id == f.author_id).and_then(|p| p.name.clone())
            };
            let (before, found_text, after) = excerpt(&crate::web::markdown::plain(&f.body), &words.0);
            matches.push(Match {
                id: f.id,
                conversation_id: f.conversation_id,
                title: f.title,
                people: with,
                mine: f.author_id == me,
                author,
                created_at: f.created_at,
                before,
                found: found_text,
                after,
            });
        }
    }
    let q = words.map(|w| w.0).unwrap_or_default();
    page.render(&state, "chat/find.html", context! { q, matches, more, error, shown => SHOWN })
}

/// The text around the first place the words occur (compared without case), in three
/// parts so that the page can mark the middle one; the whole start of the text if the
/// words span markup that the plain text lost.
fn excerpt(text: &str, words: &str) -> (String, String, String) {
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = chars.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
    let wanted: Vec<char> = words.chars().map(|c| c.to_lowercase().next().unwrap_or(c)).collect();
    let at = lower.windows(wanted.len().max(1)).position(|w| w == wanted.as_slice());
    let Some(at) = at else {
        let start: String = chars.iter().take(2 * AROUND).collect();
        let cut = if chars.len() > 2 * AROUND { "…" } else { "" };
        return (format!("{start}{cut}"), String::new(), String::new());
    };
    let end = at + wanted.len();
    let from = at.saturating_sub(AROUND);
    let to = (end + AROUND).min(chars.len());
    let mut before: String = chars[from..at].iter().collect();
    if from > 0 {
        before.insert(0, '…');
    }
    let mut after: String = chars[end..to].iter().collect();
    if to < chars.len() {
        after.push('…');
    }
    (before, chars[at..end].iter().collect(), after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_trimmed_bounded_and_escaped() {
        assert!(Words::parse("   ").unwrap().is_none());
        assert!(Words::parse("a").is_err());
        assert!(Words::parse(&"x".repeat(101)).is_err());
        let words = Words::parse("  100%  of_it ").unwrap().unwrap();
        assert_eq!(words.0, "100% of_it");
        assert_eq!(words.pattern(), "%100\\% of\\_it%");
        assert_eq!(Words::parse("ห้องขัง").unwrap().unwrap().pattern(), "%ห้องขัง%");
    }

    #[test]
    fn an_excerpt_marks_the_words_found_without_case() {
        let (before, found, after) = excerpt("The Visit to the lock-up is on Friday", "visit");
        assert_eq!(
            (before.as_str(), found.as_str(), after.as_str()),
            ("The ", "Visit", " to the lock-up is on Friday")
        );
        let long = format!("{}needle{}", "a".repeat(100), "b".repeat(100));
        let (before, found, after) = excerpt(&long, "needle");
        assert!(before.starts_with('…') && after.ends_with('…') && found == "needle");
        assert_eq!(before.chars().count(), AROUND + 1);
    }
}

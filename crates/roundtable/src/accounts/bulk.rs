//! Bulk invitations: a coordinator pastes a list (one person a line: address, name,
//! organisation; separated by commas, semicolons or tabs, as a spreadsheet copies them) and
//! chooses the role, language and note for all. Every line that can be invited is, each
//! with its own single-use link, in one transaction; the report shows the links once and
//! names every line refused with the reason.

use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::domain::{DisplayName, Email};
use super::invitations::{grantable_roles, pending_for, NewInvitation};
use crate::audit::{self, Detail, Entry};
use crate::on_db;
use crate::vocab::{AuditAction, Role};
use crate::web::limits::Limit;
use crate::web::{AppError, AppResult, AppState, ClientIp, Coordinator, Form, Locale, Message, Page, Routes};

pub fn routes() -> Routes {
    vec![("/invitations/bulk", get(form).post(invite_all))]
}

/// Lines one list may hold.
const MAX_LINES: usize = 500;
/// Invitations one coordinator may send in a day, through lists and one by one: a network
/// moving in invites its people at once, and each invitation mails someone.
pub const BULK_INVITATIONS: Limit = Limit {
    count_sql: "SELECT COUNT(*) FROM invitations WHERE invited_by = $1 AND created_at > $2",
    max: 500,
    window_ms: crate::web::limits::DAY,
};

#[derive(Deserialize, Serialize, Default)]
struct BulkForm {
    #[serde(default)]
    people: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    note: String,
}

async fn form(State(state): State<AppState>, page: Page, Coordinator(user): Coordinator) -> AppResult<Html<String>> {
    let blank = BulkForm { role: Role::Member.key().into(), locale: page.locale.tag().into(), ..BulkForm::default() };
    render(&state, &page, user.role, &blank, None).await
}

async fn render(
    state: &AppState,
    page: &Page,
    granter: Role,
    form: &BulkForm,
    report: Option<minijinja::Value>,
) -> AppResult<Html<String>> {
    let orgs = crate::orgs::org_choices(&state.db).await?;
    page.render(
        state,
        "accounts/bulk.html",
        context! { form, orgs, roles => grantable_roles(granter), report, max => MAX_LINES },
    )
}

/// One line of the list, as pasted.
#[derive(Debug, PartialEq, Eq)]
pub struct Line {
    /// Its number in the list, counting from 1.
    pub number: usize,
    pub email: String,
    pub name: String,
    pub organisation: String,
}

/// The lines of a pasted list. The separator is the first of tab, semicolon and comma that
/// the text holds (a spreadsheet copies with tabs; a CSV file uses commas or, in much of
/// the world, semicolons); cells may be quoted. The address is whichever cell holds an `@`;
/// the name and organisation are the cells after it, or before it when it comes last. A
/// first line without any `@` is a header and is skipped; blank lines are skipped.
pub fn parse_list(text: &str) -> Vec<Line> {
    let separator = ['\t', ';', ','].into_iter().find(|s| text.contains(*s)).unwrap_or(',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(separator as u8)
        .from_reader(text.as_bytes());
    let mut lines = Vec::new();
    for (index, record) in reader.records().enumerate() {
        // A line the reader cannot read (an unclosed quote) is kept, to be refused.
        let (number, cells): (usize, Vec<String>) = match record {
            Ok(r) => (
                r.position().map_or(index + 1, |p| p.line() as usize),
                r.iter().map(str::to_string).filter(|c| !c.is_empty()).collect(),
            ),
            Err(e) => (e.position().map_or(index + 1, |p| p.line() as usize), vec![String::new()]),
        };
        if cells.is_empty() {
            continue;
        }
        let at = cells.iter().position(|c| c.contains('@'));
        if at.is_none() && index == 0 {
            continue;
        }
        let (email, rest): (String, Vec<String>) = match at {
            Some(i) => {
                let mut rest = cells.clone();
                let email = rest.remove(i);
                (email, rest)
            }
            None => (String::new(), cells),
        };
        let mut rest = rest.into_iter();
        lines.push(Line {
            number,
            email,
            name: rest.next().unwrap_or_default(),
            organisation: rest.next().unwrap_or_default(),
        });
    }
    lines
}

#[derive(Serialize)]
struct Sent {
    email: String,
    name: String,
    link: String,
}

#[derive(Serialize)]
struct Refused {
    number: usize,
    email: String,
    reason: String,
}

fn reason(locale: Locale, error: AppError) -> AppResult<String> {
    match error {
        AppError::Invalid(m) => Ok(locale.t_args(m.id, &m.args)),
        other => Err(other),
    }
}

async fn invite_all(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
    ClientIp(ip): ClientIp,
    Form(form): Form<BulkForm>,
) -> AppResult<Response> {
    // A list mails many people in the coordinator's name: it asks who they are first.
    user.require_confirmed("/invitations/bulk")?;
    let settings = async {
        let role: Role = form.role.parse()?;
        if !grantable_roles(user.role).contains(&role.key()) {
            return Err(AppError::Forbidden);
        }
        let default_org = match form.organisation.trim() {
            "" => None,
            id => Some(id.parse::<i64>().map_err(|_| AppError::invalid("error-unknown-organisation"))?),
        };
        let locale = Locale::parse(form.locale.trim()).unwrap_or(page.locale);
        let note = crate::members::bounded(&form.note, 1000)?;
        let lines = parse_list(&form.people);
        if lines.is_empty() {
            return Err(AppError::invalid("bulk-error-empty"));
        }
        if lines.len() > MAX_LINES {
            return Err(AppError::Invalid(Message::new("bulk-error-too-many").arg("max", MAX_LINES)));
        }
        Ok((role, default_org, locale, note, lines))
    }
    .await;
    let (role, default_org, locale, note, lines) = match settings {
        Ok(s) => s,
        Err(AppError::Invalid(m)) => {
            let error = page.locale.t_args(m.id, &m.args);
            let report = context! { error };
            return Ok(render(&state, &page, user.role, &form, Some(report)).await?.into_response());
        }
        Err(e) => return Err(e),
    };

    let orgs = crate::orgs::org_choices(&state.db).await?;
    if default_org.is_some_and(|id| !orgs.iter().any(|o| o.id == id)) {
        return Err(AppError::invalid("error-unknown-organisation"));
    }
    let mut accepted: Vec<NewInvitation> = Vec::new();
    let mut refused: Vec<Refused> = Vec::new();
    for line in lines {
        let checked = async {
            let email = Email::parse(&line.email)?;
            let name = match line.name.as_str() {
                "" => String::new(),
                name => DisplayName::parse(name)?.as_str().to_string(),
            };
            let org_id = match line.organisation.as_str() {
                "" => default_org,
                wanted => Some(
                    orgs.iter()
                        .find(|o| o.name.to_lowercase() == wanted.to_lowercase())
                        .map(|o| o.id)
                        .ok_or(AppError::invalid("error-unknown-organisation"))?,
                ),
            };
            if accepted.iter().any(|a| a.email == email) {
                return Err(AppError::invalid("bulk-error-twice"));
            }
            let taken: Option<i64> = on_db!(&state.db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
                .bind(email.as_str()).fetch_optional(pool).await)?;
            if taken.is_some() {
                return Err(AppError::invalid("error-email-taken"));
            }
            if pending_for(&state.db, email.as_str()).await?.is_some() {
                return Err(AppError::invalid("bulk-error-pending"));
            }
            Ok(NewInvitation { email, role, org_id, name, locale, note: note.clone(), sector: None, country: None })
        }
        .await;
        match checked {
            Ok(invitation) => accepted.push(invitation),
            Err(e) => refused.push(Refused { number: line.number, email: line.email, reason: reason(page.locale, e)? }),
        }
    }

    let mut tx = state.db.begin().await?;
    let now = state.clock.now_ms();
    // Two lists sent at once by one coordinator wait for each other, so that both cannot
    // pass the day's limit (SQLite's transactions already take turns).
    crate::on_tx!(&mut tx, c => sqlx::query("UPDATE users SET id = id WHERE id = $1").bind(user.user_id)
        .execute(&mut **c).await.map(crate::db::affected))?;
    if !accepted.is_empty() {
        // The whole list goes, or none of it: the limit counts what this list adds.
        let done: i64 = crate::on_tx!(&mut tx, c => sqlx::query_scalar(BULK_INVITATIONS.count_sql)
            .bind(user.user_id).bind(now - BULK_INVITATIONS.window_ms).fetch_one(&mut **c).await)?;
        if done + accepted.len() as i64 > BULK_INVITATIONS.max {
            return Err(AppError::TooMany(
                Message::new("bulk-error-limit")
                    .arg("max", BULK_INVITATIONS.max)
                    .arg("left", (BULK_INVITATIONS.max - done).max(0)),
            ));
        }
    }
    let mut sent = Vec::with_capacity(accepted.len());
    for invitation in &accepted {
        let link =
            super::create_invitation(&mut tx, &state, invitation, Some(user.user_id), &user.display_name).await?;
        let detail = Detail::Role { from: None, to: invitation.role };
        let entry =
            Entry { actor: Some(user.user_id), action: AuditAction::InvitationCreated, target: None, detail, ip };
        audit::record(&mut tx, entry).await?;
        sent.push(Sent { email: invitation.email.as_str().to_string(), name: invitation.name.clone(), link });
    }
    tx.commit().await?;
    let report = context! { sent, refused };
    let blank = BulkForm { role: form.role.clone(), locale: form.locale.clone(), ..BulkForm::default() };
    Ok(render(&state, &page, user.role, &blank, Some(report)).await?.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(number: usize, email: &str, name: &str, organisation: &str) -> Line {
        Line { number, email: email.into(), name: name.into(), organisation: organisation.into() }
    }

    #[test]
    fn lists_are_read_as_spreadsheets_and_files_write_them() {
        let pasted =
            "E-mail\tName\tOrganisation\nsomchai@example.org\tSomchai Dee\tBar Council\n\n  \nnot-an-address\tNobody\n";
        assert_eq!(
            parse_list(pasted),
            vec![line(2, "somchai@example.org", "Somchai Dee", "Bar Council"), line(5, "", "not-an-address", "Nobody")]
        );
        let csv = "\"Santos, Maria\",maria@example.org\nana@example.org";
        assert_eq!(
            parse_list(csv),
            vec![line(1, "maria@example.org", "Santos, Maria", ""), line(2, "ana@example.org", "", "")]
        );
        assert_eq!(parse_list("siti@example.my;Siti Aminah"), vec![line(1, "siti@example.my", "Siti Aminah", "")]);
        assert_eq!(parse_list("สมชาย ใจดี,somchai@example.org"), vec![line(1, "somchai@example.org", "สมชาย ใจดี", "")]);
        assert!(parse_list("\n\n").is_empty());
    }
}

//! Outgoing mail waits in the `outbox` table, written in the same transaction as the change
//! that causes it, so no message is lost and none is sent for a change that rolled back.

use crate::db::{now_ms, Tx};
use crate::on_tx;
use crate::web::AppError;

pub struct Mail<'a> {
    pub to: &'a str,
    pub subject: String,
    pub body: String,
    /// What kind of message this is (`invitation`, `password_reset`, ...), for delivery
    /// preferences and for tests.
    pub kind: &'static str,
}

pub async fn enqueue(tx: &mut Tx, mail: Mail<'_>) -> Result<(), AppError> {
    let now = now_ms();
    let sql = "INSERT INTO outbox (to_addr, subject, body_text, kind, created_at, next_attempt_at) \
               VALUES ($1, $2, $3, $4, $5, $5)";
    on_tx!(tx, c => sqlx::query(sql).bind(mail.to).bind(&mail.subject).bind(&mail.body)
        .bind(mail.kind).bind(now).execute(&mut **c).await.map(crate::db::affected))?;
    Ok(())
}

//! Who reads and who writes which conversation, decided once: [`Part`] and [`delivery`] in
//! Rust, [`reads_sql`] and [`message_sql`] as SQL for lists, counts and pages. Nobody reads a
//! conversation they are not in, whatever their role: coordinators and admins have no power
//! over other people's conversations.
//!
//! A first message from someone new arrives as a request: the recipient sees the sender's
//! name and the first line, and accepts, declines or blocks. A message that the recipient's
//! setting or block refuses is *withheld*: stored for the sender, never shown to the
//! recipient, and to the sender exactly like a request still waiting, so that nobody learns
//! who declined, who blocked them, or whose setting is narrow.

use crate::web::Who;

/// A participant's part in a conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Active,
    /// A first message waits for their answer.
    Request,
    /// Refused by their setting or a block; they never see the conversation.
    Withheld,
    Declined,
    Left,
}

impl Part {
    pub fn key(self) -> &'static str {
        match self {
            Part::Active => "active",
            Part::Request => "request",
            Part::Withheld => "withheld",
            Part::Declined => "declined",
            Part::Left => "left",
        }
    }

    pub fn parse(key: &str) -> Option<Part> {
        [Part::Active, Part::Request, Part::Withheld, Part::Declined, Part::Left].into_iter().find(|p| p.key() == key)
    }

    /// Reads the conversation and writes in it.
    pub fn reads(self) -> bool {
        self == Part::Active
    }

    /// Knows that the conversation exists: a participant, or someone it waits for.
    pub fn knows(self) -> bool {
        matches!(self, Part::Active | Part::Request)
    }
}

pub use crate::vocab::MessagesFrom;

impl MessagesFrom {
    /// The member's own choice, or the default: only ties while they are at risk.
    pub fn effective(chosen: Option<MessagesFrom>, at_risk: bool) -> MessagesFrom {
        chosen.unwrap_or(if at_risk { MessagesFrom::Ties } else { MessagesFrom::Anyone })
    }
}

/// How a message from someone not yet in conversation with the recipient reaches them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// Straight into the conversation.
    Direct,
    /// As a request to accept, decline or block.
    Request,
    /// Not at all; to the sender it looks like a request still waiting.
    Withheld,
}

impl Delivery {
    pub fn part(self) -> Part {
        match self {
            Delivery::Direct => Part::Active,
            Delivery::Request => Part::Request,
            Delivery::Withheld => Part::Withheld,
        }
    }
}

/// The facts about a sender and a recipient that decide a delivery.
#[derive(Clone, Copy, Debug)]
pub struct Between {
    pub sender_is_coordinator: bool,
    /// A tie between them, recorded or derived.
    pub tie: bool,
    /// Either has blocked the other.
    pub blocked: bool,
    /// The recipient's setting, effective (see [`MessagesFrom::effective`]).
    pub from: MessagesFrom,
}

/// How a first message reaches its recipient. A block wins over everything, coordinators
/// included; then coordinators and people with a tie write straight in (unless the
/// recipient takes messages from nobody); anyone else arrives as a request where the
/// recipient takes messages from anyone.
pub fn delivery(b: Between) -> Delivery {
    match b.from {
        _ if b.blocked => Delivery::Withheld,
        _ if b.sender_is_coordinator => Delivery::Direct,
        MessagesFrom::Nobody => Delivery::Withheld,
        _ if b.tie => Delivery::Direct,
        MessagesFrom::Ties => Delivery::Withheld,
        MessagesFrom::Anyone => Delivery::Request,
    }
}

/// Conversations (alias `c`) that `who` reads: those they take part in, actively.
pub fn reads_sql(c: &str, who: &Who) -> String {
    format!(
        "EXISTS (SELECT 1 FROM conversation_members rm WHERE rm.conversation_id = {c}.id AND rm.user_id = {} AND {})",
        who.id(),
        takes_part_sql("rm")
    )
}

/// The participant row `cm` counts: it is active and, in a group's chat room, its member is
/// still an active member of the group; in an event's chat, they still organise the event or
/// have a place at it. A room follows its group and a chat its event: whoever leaves, is
/// removed or gives up their place reads no more, whatever their row says.
pub fn takes_part_sql(cm: &str) -> String {
    format!(
        "{cm}.state = 'active' AND NOT EXISTS (SELECT 1 FROM conversations tc WHERE tc.id = {cm}.conversation_id AND ( \
           (tc.group_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM group_members tg WHERE tg.group_id = tc.group_id \
             AND tg.user_id = {cm}.user_id AND tg.status = 'active')) \
           OR (tc.event_id IS NOT NULL \
             AND NOT EXISTS (SELECT 1 FROM event_organisers teo WHERE teo.event_id = tc.event_id AND teo.user_id = {cm}.user_id) \
             AND NOT EXISTS (SELECT 1 FROM event_registrations ter WHERE ter.event_id = tc.event_id \
               AND ter.user_id = {cm}.user_id AND ter.status = 'registered'))))"
    )
}

/// Whom a room or an event's chat puts in by itself, as SQL on the `users` row `u` and its
/// `profiles` row `p`: active members, except those at risk, who join only by their own
/// choice (and so are never shown beside others without having chosen it).
pub fn put_in_sql(u: &str, p: &str) -> String {
    format!("{u}.active AND NOT COALESCE({p}.at_risk, FALSE)")
}

/// Reports of messages (alias `r`) that `who` handles: those from a group's chat room go to
/// the group's moderators, all others to coordinators; never to the message's author (who
/// would learn who reported them). A room whose only moderator wrote the message sends it
/// to the coordinators who know of the group (for a secret group, only those in it), so
/// that its words stay in it.
pub fn handles_report_sql(r: &str, who: &Who) -> String {
    let (me, coordinator) = (who.id(), who.coordinator());
    let moderator = |alias: &str, user: &str| {
        format!(
            "EXISTS (SELECT 1 FROM group_members {alias} WHERE {alias}.group_id = {r}.group_id AND {alias}.user_id {user} \
               AND {alias}.role = 'moderator' AND {alias}.status = 'active')"
        )
    };
    format!(
        "({r}.author_id <> {me} AND ( \
           ({r}.group_id IS NOT NULL AND {mine}) \
           OR ({r}.group_id IS NULL AND {coordinator}) \
           OR ({r}.group_id IS NOT NULL AND NOT {others} AND {coordinator} \
               AND EXISTS (SELECT 1 FROM network_groups rg WHERE rg.id = {r}.group_id AND {known}))))",
        mine = moderator("hg", &format!("= {me}")),
        others = moderator("ho", &format!("<> {r}.author_id")),
        known = crate::groups::access::known_sql("rg", who),
    )
}

/// The message (alias `m`) that report `r` copied: matched on more than its id, which
/// SQLite may give again to a later message once the reported one has expired.
pub fn reported_sql(m: &str, r: &str) -> String {
    format!(
        "{m}.id = {r}.message_id AND {m}.conversation_id = {r}.conversation_id AND {m}.author_id = {r}.author_id \
         AND {m}.created_at = {r}.sent_at"
    )
}

/// Whether a conversation takes messages (and edits and reactions) at `now`: an event's
/// chat closes at `closes_at`, others never do.
pub fn open(closes_at: Option<i64>, now: i64) -> bool {
    closes_at.is_none_or(|c| c > now)
}

/// Messages (alias `m`) that the participant row `cm` (the reader's, in the same
/// conversation) shows at time `now` (an SQL expression): sent since the reader joined, not
/// expired, and not by someone the reader has blocked.
pub fn message_sql(m: &str, cm: &str, now: &str) -> String {
    format!(
        "{m}.created_at >= {cm}.joined_at AND ({m}.expires_at IS NULL OR {m}.expires_at > {now}) AND {}",
        unblocked_sql(&format!("{cm}.user_id"), &format!("{m}.author_id"))
    )
}

/// What `author` (an SQL expression) did in chat — a message, a reaction — shows to
/// `reader` only if the reader has not blocked them.
pub fn unblocked_sql(reader: &str, author: &str) -> String {
    format!("NOT EXISTS (SELECT 1 FROM blocks mb WHERE mb.blocker_id = {reader} AND mb.blocked_id = {author})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_wins_and_a_narrow_setting_looks_like_waiting() {
        let base = Between { sender_is_coordinator: false, tie: false, blocked: false, from: MessagesFrom::Anyone };
        assert_eq!(delivery(base), Delivery::Request, "someone new asks first");
        assert_eq!(delivery(Between { tie: true, ..base }), Delivery::Direct);
        assert_eq!(delivery(Between { from: MessagesFrom::Ties, ..base }), Delivery::Withheld);
        assert_eq!(delivery(Between { from: MessagesFrom::Ties, tie: true, ..base }), Delivery::Direct);
        assert_eq!(delivery(Between { from: MessagesFrom::Nobody, tie: true, ..base }), Delivery::Withheld);
        let coordinator = Between { sender_is_coordinator: true, ..base };
        assert_eq!(
            delivery(Between { from: MessagesFrom::Nobody, ..coordinator }),
            Delivery::Direct,
            "coordinators can always write"
        );
        assert_eq!(delivery(Between { blocked: true, ..coordinator }), Delivery::Withheld, "but not past a block");
        assert_eq!(delivery(Between { blocked: true, tie: true, ..base }), Delivery::Withheld);
    }

    #[test]
    fn at_risk_members_take_messages_from_ties_until_they_choose() {
        assert_eq!(MessagesFrom::effective(None, true), MessagesFrom::Ties);
        assert_eq!(MessagesFrom::effective(None, false), MessagesFrom::Anyone);
        assert_eq!(MessagesFrom::effective(Some(MessagesFrom::Anyone), true), MessagesFrom::Anyone);
    }
}

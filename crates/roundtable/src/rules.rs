//! The features' rules, composed for the layers that need them and know no feature: which
//! notifications a member may still see ([`notice_filter`]), which search documents a viewer
//! may reach ([`search_reach`]), and what each feature puts in the search index
//! ([`search_indexers`]). The application hands them over when it is built.

use crate::db::{Arg, Args};
use crate::search::{member_level, Indexer};
use crate::web::{Viewer, Who};

/// Whether a notification still points to something its member may see
/// ([`crate::notify::Visible`]), from the rules of the things it points to: posts not
/// hidden, threads by [`crate::forums::access`], groups by [`crate::groups::access`] and
/// events by [`crate::events::access`], for the member the notification is for.
pub fn notice_filter() -> String {
    let who = Who::account("n.user_id");
    format!(
        "(n.post_id IS NULL OR EXISTS (SELECT 1 FROM posts vp WHERE vp.id = n.post_id AND NOT vp.hidden)) \
         AND (n.thread_id IS NULL OR EXISTS (SELECT 1 FROM threads vt WHERE vt.id = n.thread_id AND NOT vt.hidden AND {thread})) \
         AND (n.group_id IS NULL OR EXISTS (SELECT 1 FROM network_groups vg WHERE vg.id = n.group_id AND {group})) \
         AND (n.event_id IS NULL OR EXISTS (SELECT 1 FROM events ve WHERE ve.id = n.event_id AND {event})) \
         AND (n.conversation_id IS NULL OR EXISTS (SELECT 1 FROM conversations vc WHERE vc.id = n.conversation_id AND {conversation})) \
         AND (n.initiative_id IS NULL OR EXISTS (SELECT 1 FROM initiatives vi WHERE vi.id = n.initiative_id AND {initiative}))",
        thread = crate::forums::access::readable_sql("vt", &who),
        group = crate::groups::access::known_sql("vg", &who),
        event = crate::events::access::visible_sql("ve", &who),
        conversation = crate::chat::access::reads_sql("vc", &who),
        initiative = crate::initiatives::access::visible_sql("vi", &who),
    )
}

/// Whether the member a webhook delivery names ([`crate::webhooks::Named`]) may still go
/// out when it is sent: active, and as [`crate::members::access::goes_in_files`] says.
pub fn webhook_named() -> String {
    format!(
        "EXISTS (SELECT 1 FROM users wu LEFT JOIN profiles wp ON wp.user_id = wu.id \
          WHERE wu.id = webhook_deliveries.member_id AND wu.active AND {})",
        crate::members::access::files_sql("wp")
    )
}

/// The search documents `d` a viewer may reach ([`crate::search::Reach`]): a member's
/// document written for the viewer's audience, other documents for their audience or a
/// wider one; a group's posts for the forum's readers ([`crate::forums::access`]), its
/// resources and events for its active members ([`crate::groups::access::member_sql`], no
/// more than the library and the events allow); and, checked again as results are read, no
/// group the group rule does not let them know of ([`crate::groups::access::known_sql`]),
/// and no member the member rule hides now ([`crate::members::access::person_sql`]), so that a
/// document left behind by a failed write still never shows them.
pub fn search_reach(viewer: &Viewer, args: &mut Args) -> String {
    let level = member_level(viewer);
    let levels: &[&str] = match level {
        "coordinators" => &["public", "members", "coordinators"],
        "members" => &["public", "members"],
        _ => &["public"],
    };
    let level = args.push(Arg::Text(level.into()));
    let levels: Vec<String> = levels.iter().map(|l| args.push(Arg::Text((*l).into()))).collect();
    let who = Who::viewer(viewer, args);
    let hidden_people = format!(
        "NOT (d.kind = 'member' AND EXISTS (SELECT 1 FROM users hu LEFT JOIN profiles hp ON hp.user_id = hu.id \
         WHERE hu.id = d.ref_id AND (NOT hu.active OR NOT {})))",
        crate::members::access::person_sql("hp", "hu.id", &who)
    );
    format!(
        "((d.kind = 'member' AND d.audience = {level}) OR (d.kind <> 'member' AND d.audience IN ({levels}))) \
         AND (d.group_id IS NULL \
              OR (d.kind IN ('resource', 'event') AND {member} AND {in_group}) \
              OR (d.kind NOT IN ('resource', 'event') AND d.group_id IN (SELECT fg.id FROM network_groups fg WHERE {readable}))) \
         AND (d.kind <> 'group' OR EXISTS (SELECT 1 FROM network_groups sg WHERE sg.id = d.ref_id AND {known})) \
         AND {hidden_people}",
        levels = levels.join(", "),
        member = who.member(),
        in_group = crate::groups::access::member_sql("d.group_id", &who),
        readable = crate::forums::access::group_readable_sql("fg", &who),
        known = crate::groups::access::known_sql("sg", &who),
    )
}

/// What each feature puts in the search index, for a rebuild.
pub fn search_indexers() -> [Indexer; 6] {
    [
        crate::groups::search::INDEXER,
        crate::forums::search::INDEXER,
        crate::library::search::INDEXER,
        crate::events::search::INDEXER,
        crate::members::search::INDEXER,
        crate::orgs::search::INDEXER,
    ]
}

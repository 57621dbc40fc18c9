nav-notifications = Notifications
nav-unread = unread
notify-title = Notifications
notify-settings-link = Choose how notifications reach you
notify-mark-all-read = Mark all as read
notify-new = new
notify-none = Nothing new. Mentions, replies in discussions you follow, group requests and introductions will appear here.
notify-someone = Someone
notify-mention = { $actor } mentioned you in “{ $title }”
notify-reply = { $actor } replied in “{ $title }”
notify-group-requested = { $actor } asks to join { $group }
notify-group-invited = { $actor } invited you to join { $group }
notify-group-approved = You are now a member of { $group }
notify-introduction-received = { $actor } sent you an introduction
notify-introduction-accepted = { $actor } accepted your introduction: you are now connected
notify-kind-mention = Mentions of me
notify-kind-reply = Replies in discussions I follow
notify-kind-group = Group requests and invitations
notify-kind-introduction = Introductions
notify-delivery-immediate = By email at once
notify-delivery-daily = In a daily email digest
notify-delivery-weekly = In a weekly email digest
notify-delivery-never = Only here, no email
notify-settings-title = Notification settings
notify-settings-intro = Everything appears in your notifications in Roundtable. Choose how each kind also reaches you by email. Emails never name anyone or quote what was written: they say what happened and link back here.
notify-settings-save = Save the settings
notify-done-saved = Your notification settings are saved.
notify-done-revoked = Your private feed address no longer works.
notify-feed-title = Private feed of your groups
notify-feed-intro = A secret address for a feed reader that lists new discussions in your groups. Anyone who has the address can read the feed: keep it to yourself, and make a new one or revoke it if it leaks.
notify-feed-created = Your new feed address is below. It is shown only this once: copy it into your feed reader now.
notify-feed-address = Feed address
notify-feed-exists = You have a private feed address. Making a new one ends the old one.
notify-feed-create = Make a feed address
notify-feed-new = Make a new address
notify-feed-revoke = Revoke the address
notify-unsubscribe-title = Stop emails
notify-unsubscribe-ask = Stop emails about “{ $kind }”? You will still see these in your notifications in Roundtable.
notify-unsubscribe-button = Stop these emails
notify-unsubscribe-done = You will no longer get emails about “{ $kind }”. You can change this at any time in your notification settings.
error-notify-delivery = Choose how each kind of notification reaches you.
feeds-private-title = Your groups on Roundtable
mail-notify-footer =
    You get this email because of your notification settings for “{ $kind }”. Change them here:
    { $settings }

    Stop these emails with one click:
    { $unsubscribe }
mail-digest-footer =
    Choose how Roundtable emails you:
    { $settings }
mail-notify-mention-subject = You were mentioned on Roundtable
mail-notify-mention-body =
    Hello,

    Someone mentioned you in a discussion on Roundtable. Sign in to read it:
    { $link }
mail-notify-reply-subject = A new reply on Roundtable
mail-notify-reply-body =
    Hello,

    There is a new reply in a discussion you follow on Roundtable. Sign in to read it:
    { $link }
mail-notify-group-requested-subject = A request to join your group on Roundtable
mail-notify-group-requested-body =
    Hello,

    Someone asks to join a group you moderate on Roundtable. Sign in to approve or decline:
    { $link }
mail-notify-group-invited-subject = An invitation to a group on Roundtable
mail-notify-group-invited-body =
    Hello,

    You are invited to join a group on Roundtable. Sign in to accept or decline:
    { $link }
mail-notify-group-approved-subject = You have joined a group on Roundtable
mail-notify-group-approved-body =
    Hello,

    Your request to join a group on Roundtable was approved. Sign in to take part:
    { $link }
mail-notify-introduction-accepted-subject = An introduction was accepted on Roundtable
mail-notify-introduction-accepted-body =
    Hello,

    Both of you accepted an introduction on Roundtable: you are now connected. Sign in to see it:
    { $link }
mail-digest-daily-subject = { $count ->
    [one] Your daily Roundtable digest: { $count } new notification
   *[other] Your daily Roundtable digest: { $count } new notifications
}
mail-digest-weekly-subject = { $count ->
    [one] Your weekly Roundtable digest: { $count } new notification
   *[other] Your weekly Roundtable digest: { $count } new notifications
}
mail-digest-body =
    Hello,

    Here is what is waiting for you on Roundtable:

    { $lines }

    Sign in to see it all:
    { $link }
mail-digest-line-mention = { $count ->
    [one] { $count } mention of you
   *[other] { $count } mentions of you
}
mail-digest-line-reply = { $count ->
    [one] { $count } new reply in discussions you follow
   *[other] { $count } new replies in discussions you follow
}
mail-digest-line-group = { $count ->
    [one] { $count } group request or invitation
   *[other] { $count } group requests and invitations
}
mail-digest-line-introduction = { $count ->
    [one] { $count } introduction
   *[other] { $count } introductions
}
notify-question-asked = { $actor } asked you a question: “{ $title }”
notify-question-answered = { $actor } answered your question “{ $title }”
notify-kind-question = Questions to me as an expert, and answers to mine
mail-notify-question-asked-subject = A question for you as an expert on Roundtable
mail-notify-question-asked-body =
    Hello,

    A member of the network asks a question in one of your areas of expertise. Sign in to read and answer it:
    { $link }
mail-notify-question-answered-subject = Your question has an answer on Roundtable
mail-notify-question-answered-body =
    Hello,

    An expert answered your question on Roundtable. Sign in to read the answer:
    { $link }
mail-digest-line-question = { $count ->
    [one] { $count } question or answer
   *[other] { $count } questions and answers
}
notify-event-invited = { $actor } invited you to “{ $title }”
notify-kind-event = Invitations to events
mail-notify-event-invited-subject = An invitation to an event on Roundtable
mail-notify-event-invited-body =
    Hello,

    You are invited to an event on Roundtable. Sign in to read about it and register:
    { $link }
mail-digest-line-event = { $count ->
    [one] { $count } invitation to an event
   *[other] { $count } invitations to events
}
notify-message = New messages in a conversation
notify-kind-message = New messages
mail-notify-message-subject = New messages on Roundtable
mail-notify-message-body =
    Hello,

    You have new messages on Roundtable. Sign in to read them:
    { $link }
mail-digest-line-message = { $count ->
    [one] New messages in { $count } conversation
   *[other] New messages in { $count } conversations
}
notify-mention-message = { $actor } mentioned you in a conversation
mail-notify-mention-message-subject = You were mentioned on Roundtable
mail-notify-mention-message-body =
    Hello,

    Someone mentioned you in a conversation on Roundtable. Sign in to read it:
    { $link }
notify-initiative-status = { $actor } changed the status of “{ $title }”
notify-initiative-milestone = { $actor } marked a milestone of “{ $title }” as done
notify-initiative-story = { $actor } added a story of change to “{ $title }”
notify-kind-initiative = News of initiatives I follow
mail-notify-initiative-status-subject = News of an initiative on Roundtable
mail-notify-initiative-status-body =
    Hello,

    The status of an initiative you follow on Roundtable has changed. Sign in to read it:
    { $link }
mail-notify-initiative-milestone-subject = News of an initiative on Roundtable
mail-notify-initiative-milestone-body =
    Hello,

    A milestone of an initiative you follow on Roundtable is done. Sign in to read it:
    { $link }
mail-notify-initiative-story-subject = News of an initiative on Roundtable
mail-notify-initiative-story-body =
    Hello,

    An initiative you follow on Roundtable has a new story of change. Sign in to read it:
    { $link }
mail-digest-line-initiative = { $count ->
    [one] { $count } piece of news of initiatives you follow
   *[other] { $count } pieces of news of initiatives you follow
}
notify-initiative-update = { $actor } posted an update on “{ $title }”
mail-notify-initiative-update-subject = News of an initiative on Roundtable
mail-notify-initiative-update-body =
    Hello,

    There is an update on an initiative you follow on Roundtable. Sign in to read it:
    { $link }

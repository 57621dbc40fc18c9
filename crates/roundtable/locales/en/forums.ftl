nav-forum = Forum
forums-network-forum = Network forum
forums-network-intro = Questions and answers for the whole network, across groups, sectors and countries.
forums-forum = Forum
forums-forum-of = Forum of { $name }
forums-group-forum = Open the group's forum
forums-new-thread = Start a thread
forums-join-to-post = Join the group to post here.
forums-reports = Reported posts
forums-reports-intro = Posts that readers reported and nobody has acted on yet, in the forums you moderate.
forums-no-reports = No open reports.
forums-no-threads = No threads yet.
forums-pinned = Pinned
forums-locked = Locked
forums-hidden = Hidden
forums-unread = { $count ->
    [one] 1 new
   *[other] { $count } new
}
forums-posts = { $count ->
    [one] 1 post
   *[other] { $count } posts
}
forums-last-post = last post { $when }
forums-anonymous-author = A member
forums-edited = edited
forums-reported = { $count ->
    [one] reported once
   *[other] reported { $count } times
}
forums-post-hidden = A moderator has hidden this post.
forums-quote = Quote
forums-edit = Edit
forums-report = Report
forums-report-reason = Why should a moderator look at this?
forums-report-send = Send the report
forums-hide = Hide
forums-unhide = Show again
forums-dismiss = Dismiss the reports
forums-follow = Follow this thread
forums-unfollow = Stop following
forums-reply = Reply
forums-reply-send = Post the reply
forums-field-title = Title
forums-field-body = Message
forums-markdown-help = Markdown works: **bold**, *italic*, lists, > quotes and [links](https://…). Images and HTML are not shown.
forums-publish = Publish
forums-locked-help = This thread is locked: no new replies.
forums-sign-in-to-reply = Sign in to reply.
forums-moderation = Moderation
forums-pin = Pin
forums-unpin = Unpin
forums-lock = Lock
forums-unlock = Unlock
forums-hide-thread = Hide the thread
forums-unhide-thread = Show the thread again
forums-move-to = Move to
forums-move = Move the thread
forums-edit-post = Edit your post
forums-edit-help = Earlier versions stay in the post's history, visible to its readers.
forums-history = Versions of this post
forums-history-current = Now
forums-history-until = Until { $when }
error-post-empty = Please write something first.
error-thread-title = Please give the thread a title.
error-thread-locked = This thread is locked.
error-posting-too-fast = You are posting very quickly. Please wait a few minutes.
error-report-reason = Please say in a few words (at most 500 characters) why this should be looked at.
error-move-target = Choose the network forum or a group that is not secret.
forums-public-notice = This group's threads can be read by anyone, without signing in. Your name is not shown to them, but your words are.
feeds-public-title = Roundtable: public discussions
feeds-group-title = Roundtable: { $name }
feeds-subscribe = Follow these public threads in a feed reader (Atom)
forums-attachments = Attached files
forums-file-size = { $kb } KB
forums-attach = Attach a file
forums-attach-file = File (PDF, office documents, images, audio, video, text; checked by its content)
forums-attach-send = Attach
forums-error-no-file = Choose a file to attach.
forums-error-too-many-files = A post may have at most { $max } files.
forums-error-too-many-today = You have attached { $max } files today, the most for one day. Try again tomorrow.
forums-history-who = Only you and the forum's moderators see earlier versions. You can remove any of them for good.
forums-history-remove = Remove this version

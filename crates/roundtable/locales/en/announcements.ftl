announcements-title = Announcements
announcements-new = New announcement
announcements-current = Current
announcements-none = No announcement for you now.
announcements-yours = Announcements you manage
announcements-until = until { $date }
announcements-ended = ended
announcements-dismiss = Dismiss
announcements-network = The whole network
announcements-group = Members of { $group }
announcements-translated = also in { $languages }
announcements-translate = Add a translation
announcements-end = End it now
announcements-audience = For
announcements-language = Language
announcements-field-title = Title
announcements-field-body = Text
announcements-field-ends = Show until (inclusive)
announcements-field-mail = Also send it by e-mail to everyone it is for
announcements-post = Post the announcement
announcements-save-translation = Save the translation
announcements-done-posted = Announcement posted.
announcements-done-ended = Announcement ended.
announcements-done-translated = Translation saved.
announcements-done-dismissed = Dismissed.
error-announcement-empty = An announcement needs a title and a text.
error-announcement-end = Choose an end date from today to a year ahead.
error-announcement-audience = Choose whom the announcement is for.
error-announcement-same-language = A translation is in another language than the original.
mail-announcement-body =
    { $title }

    { $text }

    Roundtable: { $link }

# A member's home and a coordinator's desk
home-welcome = Welcome, { $name }
home-waiting = Waiting for your answer
home-waiting-introductions = { $count ->
    [one] An introduction waits for your answer
   *[other] { $count } introductions wait for your answer
}
home-waiting-group = Invitation to join { $group }
home-waiting-question = A question for you: { $title }
home-waiting-none = Nothing waits for you. Introductions, invitations to groups and questions put to you appear here.
home-next-events = Your next events
home-meeting-link = Join the meeting
home-next-events-none = You are not registered for any coming event. Find one:
home-unread = Unread in your groups
home-unread-none = Nothing unread in your groups and the threads you follow. Join a group to follow its discussions:
home-resources = New in the library for you
home-resources-none = Nothing new in your topics and languages lately. Share something you use:
home-people = People to meet
home-people-at-risk = While you are marked at risk you are not suggested to anyone, and nobody is suggested to you.
home-people-none = Suggestions come from the ties you record: people your contacts know, across sectors and countries.
home-people-add-ties = Record your ties
home-profile-nudge = Complete your profile
home-profile-empty = Others find you by these, each shown only as you choose. Still empty:
home-field-sector = sector
home-field-organisations = organisation
home-field-country = country
home-field-languages = languages
home-field-expertise = expertise
home-field-bio = about you
home-field-photo = photo
home-public-events = Coming public events
home-public-events-none = No public event is planned yet.
home-public-resources = Recently in the library
home-next-awareness = Next awareness day
desk-title = Coordinator's desk
desk-clear = Nothing needs a coordinator right now.
desk-join-requests = { $count ->
    [one] 1 request to join { $group }
   *[other] { $count } requests to join { $group }
}
desk-reports = { $count ->
    [one] 1 reported post
   *[other] { $count } reported posts
}
desk-question-waiting = Unanswered for over a week: { $title }
desk-quiet-champion = No note for 90 days: { $name }
desk-introductions = { $count ->
    [one] 1 introduction you made waits for an answer
   *[other] { $count } introductions you made wait for an answer
}
desk-waitlist = { $count ->
    [one] 1 person on the waiting list of { $title }
   *[other] { $count } people on the waiting list of { $title }
}
desk-untied = Joined this month, no tie yet: { $name }
desk-expired-invitations = { $count ->
    [one] 1 invitation expired unused this month
   *[other] { $count } invitations expired unused this month
}

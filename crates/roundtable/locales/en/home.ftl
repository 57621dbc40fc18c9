# A member's home and a coordinator's desk
home-welcome = Welcome, { $name }
home-waiting = Waiting for your answer
home-waiting-introductions = { $count ->
    [one] An introduction waits for your answer
   *[other] { $count } introductions wait for your answer
}
home-waiting-group = Invitation to join { $group }
home-waiting-question = A question for you: { $title }
home-waiting-none = Nothing waits for you. Introductions, invitations to groups, questions put to you and message requests appear here.
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
desk-mix-gap = { $count ->
    [one] { $title }: 1 participant-mix target not reached
   *[other] { $title }: { $count } participant-mix targets not reached
}
desk-untied = Joined this month, no tie yet: { $name }
desk-expired-invitations = { $count ->
    [one] 1 invitation expired unused this month
   *[other] { $count } invitations expired unused this month
}
welcome-title = Welcome to Roundtable
welcome-step = Step { $step } of { $steps }
welcome-place = Your language and time zone
welcome-place-help = Pages and mail come in this language; every time is shown in this zone. Both can be changed at the foot of any page.
welcome-continue = Continue
welcome-back = Back
welcome-skip = Skip for now
welcome-finish = Finish
welcome-visibility = What others see of you
welcome-visibility-text = Each part of your profile has its own setting: only you, coordinators, members, or everyone. As you start, members see your sector, organisation, country, languages and expertise; your ways of contact are seen by coordinators only; nothing is public. You can change each of these at any time.
welcome-visibility-change = Change what each part shows
welcome-visibility-preview = See your profile as others see it
welcome-at-risk-text = If being known as part of this network could put you in danger, mark yourself at risk: you then disappear for members and the public everywhere (the directory, search, lists of participants, maps and figures), you are never suggested to anyone, and only the network's coordinators know you are here. You can turn it on or off on your profile.
welcome-at-risk-link = Mark me at risk on my profile
welcome-at-risk-on = You are marked at risk: only coordinators can see that you are here.
welcome-notifications = Notifications
welcome-notifications-text = Choose what reaches you by e-mail, and how often: replies, mentions, your groups, introductions and events. Everything also waits on your home page and under Notifications.
welcome-notifications-link = Choose your notifications
welcome-start = Where to start
welcome-group-members = { $count ->
    [one] 1 member
   *[other] { $count } members
}
welcome-no-groups = There is no group for you to join yet.
welcome-no-people = Suggestions will come as you record whom you know. Meanwhile, find people by sector, country and expertise:
welcome-resume = You have not finished setting up your account (step { $step } of { $steps }).
welcome-resume-link = Continue
welcome-resume-never = Do not ask again
home-waiting-messages = { $count ->
    [one] A message request waits for your answer
   *[other] { $count } message requests wait for your answer
}
desk-message-reports = { $count ->
    [one] 1 reported message
   *[other] { $count } reported messages
}

nav-events = Events
search-kind-event = Events
events-title = Events
events-past-title = Past events
events-description = Seminars, workshops, webinars, roundtable dialogues and public forums on preventing torture in Southeast Asia.
events-intro = Meetings that bring together people from different sectors and countries: seminars, workshops, webinars, roundtable dialogues, conferences and public forums.
events-upcoming-link = Upcoming events
events-past-link = Past events
events-new = Plan an event
events-mine-link = My events
events-empty = No events to show.
events-field-kind = Type of event
events-field-country = Country
events-field-month = Month
events-subscribe = Follow the public events:
events-public-calendar = Public events calendar
events-public-feed = Public events feed
events-my-calendar = My events
events-mine-title = My events
events-mine-empty = You are not organising or registered for any event.
events-subscription = Calendar subscription
events-subscription-help = A private address that calendar applications subscribe to: it lists the events you organise or registered for, with their meeting links. Anyone who has the address can read it, so keep it to yourself; make a new one if it got out.
events-subscription-new = Your new calendar address. Copy it now: it is shown only once.
events-subscription-address = Calendar address
events-subscription-active = You have a calendar address, made on { $date }.
events-subscription-create = Make a calendar address
events-subscription-regenerate = Make a new address (the old one stops working)
events-subscription-revoke = Revoke the address
events-done-created = The event is created.
events-done-saved = Changes saved.
events-done-registered = You are registered.
events-done-waitlisted = The event is full: you are on the waitlist. We will e-mail you if a place frees up.
events-done-pending = Your registration waits for the organisers' approval.
events-done-cancelled = Your registration is cancelled.
events-done-organisers = Organisers updated.
events-done-session = Agenda updated.
events-done-questions = Questions updated.
events-done-invited = Invitation sent.

event-kind-seminar = Seminar
event-kind-workshop = Workshop
event-kind-webinar = Webinar
event-kind-roundtable_dialogue = Roundtable dialogue
event-kind-conference = Conference
event-kind-public_forum = Public forum
event-kind-panel = Panel discussion
event-kind-training = Training
event-mode-in_person = In person
event-mode-online = Online
event-mode-hybrid = In person and online
event-visibility-public = Public
event-visibility-members = Members
event-visibility-group = Group
event-visibility-invitation_only = Invitation only
event-visibility-help-public = anyone can see it and register (coordinators only)
event-visibility-help-members = every member can see it and register
event-visibility-help-group = only the members of the chosen group
event-visibility-help-invitation_only = only the members you invite

event-cancelled-badge = Cancelled
event-is-cancelled = This event is cancelled.
event-when = When
event-where = Where
event-online = Online
event-link-hidden = The meeting link is shown to registered participants.
event-languages = Languages
event-interpretation = Interpretation
event-hosts = Co-hosting organisations
event-organisers = Organisers
event-places = Places
event-places-left = { $count ->
    [one] { $count } place left
   *[other] { $count } places left
}
event-your-time = Your time: { $time }
event-add-to-calendar = Add to my calendar (.ics)
event-zone-apply = Show
event-agenda = Agenda
event-registration = Registration
event-over = This event is over.
event-registration-closed = Registration is closed.
event-full-waitlist = The event is full: you will join the waitlist.
event-needs-approval = The organisers approve each registration.
event-members-sign-in = Members: sign in to register
event-invitation-needed = This event is by invitation.
event-rsvp = Register
event-register = Register
event-register-privacy = Only the organisers and the network's coordinators see what you enter here. We send you one e-mail to confirm your address.
event-field-website = Leave this field empty
event-not-given = Not given
event-cancel-registration = Cancel my registration
event-cancel-confirm-title = Cancel your registration?
event-cancel-confirm-text = You are about to cancel your registration for { $title }.
event-cancel-confirm-place = Your place goes to the next person waiting, and registering again puts you at the end of the queue.
event-cancel-confirm-yes = Yes, cancel my registration
event-cancel-confirm-no = Keep my registration
event-status-unconfirmed = Please confirm your e-mail address to complete the registration.
event-status-pending = Your registration waits for the organisers' approval.
event-status-registered = You are registered.
event-status-waitlisted = You are on the waitlist. We will e-mail you if a place frees up.
event-status-cancelled = Your registration is cancelled.
event-status-declined = The organisers could not accept your registration.
event-status-short-unconfirmed = Not confirmed
event-status-short-pending = Awaiting approval
event-status-short-registered = Registered
event-status-short-waitlisted = Waitlist
event-status-short-cancelled = Cancelled
event-status-short-declined = Declined
event-manage = Manage the event
event-manage-agenda = Edit the agenda
event-manage-questions = Registration questions
event-manage-organisers = Co-organisers
event-manage-invitations = Invite members
event-edit = Edit the event
event-registrants = Registrations
event-checkin = Check-in
event-taken = { $count ->
    [one] { $count } registered
   *[other] { $count } registered
}
event-waiting = { $count ->
    [one] { $count } on the waitlist
   *[other] { $count } on the waitlist
}
event-capacity = { $count ->
    [one] { $count } place
   *[other] { $count } places
}
event-present = { $count ->
    [one] { $count } of { $total } present
   *[other] { $count } of { $total } present
}
event-status = Status
event-answers = Answers
event-actions = Actions
event-approve = Approve
event-decline = Decline
event-attended = attended
event-no-registrants = Nobody has registered yet.
event-remove = Remove
event-add = Add
event-add-organiser = Add an organiser
event-invitations = Invitations
event-invitations-help = Invited members see the event even when it is by invitation only, and are notified.
event-invite-member = Invite a member
event-invite = Invite
event-session-title = Session
event-session-zone = Times in the event's time zone ({ $zone }).
event-speakers-members = Speakers from the network
event-speakers-guests = Guest speakers (one name per line)
event-add-session = Add the session
event-questions = Questions for registrants
event-add-question = Add a question
event-check-in = Check in
event-undo-checkin = Undo
event-your-registration = Your registration
event-confirm = Confirm my registration
event-keep-link = Keep the e-mail with this link: it lets you cancel your registration.
event-check-mail-title = Check your e-mail
event-check-mail-title-no-mail = Registration not yet confirmed
event-check-mail-text = We have sent you an e-mail. Open the link in it to confirm your registration.
event-link-gone-title = This link no longer works
event-link-gone-text = The registration was cancelled, or was not confirmed in time. You can register again from the event's page.
event-cancelled-title = Registration cancelled
event-cancelled-text = Your registration is cancelled. Thank you for letting the organisers know.
event-you-organise = You organise it

event-field-title = Title
event-field-description = Description
event-field-mode = Where it happens
event-field-venue = Venue
event-field-address = Address
event-field-link = Meeting link
event-field-link-help = For online and hybrid events. Only registered participants see it.
event-field-zone = Time zone of the event
event-zone-of-country = The country's own time zone
event-field-zone-help = Left as the country's own, an event in Malaysia is in Asia/Kuala_Lumpur; choose the place's zone where a country has several.
event-field-starts = Starts
event-field-ends = Ends
event-field-visibility = Who can see it
event-field-group = Group (for a group's event)
event-field-capacity = Places (empty: no limit)
event-field-closes = Registration closes (empty: when the event starts)
event-field-approval = The organisers approve each registration
event-field-interpretation = Interpretation (for example: Thai–English simultaneous)
event-field-cancelled = The event is cancelled

error-unknown-event-kind = Choose a type of event.
error-unknown-event-mode = Choose whether the event is in person, online or both.
error-unknown-event-visibility = Choose who can see the event.
error-event-title-required = Give the event a title.
error-event-venue-required = Give the venue of an event that happens in person.
error-event-link-required = Give the meeting link of an online event.
error-event-link = The meeting link must be a web address starting with https://.
error-event-time-zone = Unknown time zone: use an IANA name such as Asia/Bangkok.
error-event-time = Give the date and time as YYYY-MM-DD HH:MM.
error-event-time-ambiguous = This time does not exist, or exists twice, in the event's time zone (a daylight-saving change). Choose another time.
error-event-end-before-start = The end must come after the start.
error-event-too-long = An event lasts at most 31 days.
error-event-capacity = The number of places must be a whole number from 1 to 100000.
error-event-capacity-below = { $count ->
    [one] { $count } person already has a place: the number of places cannot be lower.
   *[other] { $count } people already have a place: the number of places cannot be lower.
}
error-event-closes-after-start = Registration must close before the event starts.
error-event-public-coordinators = Only coordinators publish public events.
error-event-group = Choose a group you belong to.
error-event-host = Unknown organisation.
error-event-member = Choose a member from the list.
error-event-last-organiser = An event needs at least one organiser.
error-event-session-outside = A session must take place during the event.
error-event-too-many-sessions = An agenda has at most { $max } sessions.
error-event-question-required = Write the question.
error-event-too-many-questions = An event asks at most { $max } questions.
error-event-month = Give the month as YYYY-MM.
error-event-cancelled = This event is cancelled.
error-event-registration-closed = Registration for this event is closed.
error-event-already-registered = You are already registered for this event.
error-event-declined = The organisers could not accept your registration for this event.
error-event-not-invited = This event is by invitation only.
error-event-not-registered = You are not registered for this event.
error-event-over = This event is over.
error-event-members-rsvp = You are signed in: register with the button on the event's page.
error-event-register-throttled = Too many registrations from your network. Please try again in an hour.
error-event-decision = This registration cannot be approved or declined any more.

mail-event-confirm-subject = Confirm your registration: { $title }
mail-event-confirm-body =
    Hello,

    Someone (we hope you) registered this address for { $title } ({ $when }). To confirm, open this link within { $hours } hours:
    { $link }

    The same link lets you cancel your registration later. If it was not you, ignore this e-mail: the registration will be forgotten.
mail-event-duplicate-subject = You are already registered: { $title }
mail-event-duplicate-body =
    Hello,

    Someone tried to register this address again for { $title } ({ $when }). Your registration stays as it was; nothing has changed.

    Use the link in the first e-mail we sent you to see or cancel your registration. The event's page:
    { $link }
mail-event-unnamed = an event in Roundtable
mail-event-promoted-subject = A place is yours: { $title }
mail-event-promoted-body =
    Hello,

    A place has freed up for { $title } ({ $when }) and it is yours: you are now registered. If you can no longer come, please cancel so that someone else can take it.

    { $link }
mail-event-approved-subject = Registration accepted: { $title }
mail-event-approved-body =
    Hello,

    The organisers have accepted your registration for { $title } ({ $when }).

    { $link }
mail-event-waitlisted-subject = On the waitlist: { $title }
mail-event-waitlisted-body =
    Hello,

    The organisers have accepted your registration for { $title } ({ $when }), but the event is full: you are on the waitlist. We will e-mail you if a place frees up.

    { $link }
mail-event-declined-subject = Registration not accepted: { $title }
mail-event-declined-body =
    Hello,

    The organisers could not accept your registration for { $title } ({ $when }). Thank you for your interest.

    { $link }
mail-event-cancelled-subject = Cancelled: { $title }
mail-event-cancelled-body =
    Hello,

    The organisers have cancelled { $title } ({ $when }). We are sorry for the trouble.

    { $link }
event-mix-title = Participant mix
event-mix-intro = Set the mix of sectors and countries you want in the room. The table shows the registered participants (and those awaiting approval) against it; Roundtable suggests members to invite to close the gap.
event-mix-none = No target mix is set yet.
event-mix-caption = { $count ->
    [one] { $count } participant so far
   *[other] { $count } participants so far
}
event-mix-group = Sector or country
event-mix-bar = Share against the target
event-mix-now = Now
event-mix-target = Target
event-mix-share = { $count ->
    [one] { $count } person ({ $share } %)
   *[other] { $count } people ({ $share } %)
}
event-mix-needed = { $count ->
    [one] { $count } more to reach { $target } % of { $places } places
   *[other] { $count } more to reach { $target } % of { $places } places
}
event-mix-suggested = Members to invite
event-mix-suggested-help = Ranked by the sector and country they would fill, the event's topics and languages, and how few ties they have to the participants so far. Members at risk are never suggested.
event-mix-no-suggestions = No suggestions: set a target mix, or every gap is closed.
event-mix-set = Target mix
event-mix-by-sector = By sector
event-mix-by-country = By country
event-mix-topics = Topics of the event
event-mix-form-help = Whole per cent of the participants; leave empty for no target. Each list adds up to at most 100.
event-mix-save = Save the mix
event-mix-done-saved = The target mix is saved.
event-mix-done-invited = The invitation is sent.
event-mix-why-fills = fills { $what }
event-mix-why-topic = works on { $area }
event-mix-why-language = speaks { $language }
event-mix-why-new = no ties to the participants yet
event-mix-why-ties = { $count ->
    [one] { $count } tie to the participants
   *[other] { $count } ties to the participants
}
error-event-mix-percent = A target must be a whole per cent from 0 to 100.
error-event-mix-over = The targets add up to { $total } %; each list may add up to at most 100 %.
mail-event-reminder-subject = Reminder: { $title }
mail-event-reminder-body =
    Hello { $name },

    A reminder: { $title } begins soon, { $when }.

    { $place }

    Read about it here:
    { $link }

    If you can no longer come, please cancel your registration so that someone else can take your place.
mail-event-reminder-online = Online: { $link }
events-done-feedback = Thank you for your feedback.
event-feedback-title = Your feedback
event-feedback-rating = How was it?
event-rating-5 = Excellent
event-rating-4 = Good
event-rating-3 = Fair
event-rating-2 = Poor
event-rating-1 = Very poor
event-feedback-comment = Comment (optional)
event-feedback-help = Only the organisers read your feedback; the report shows comments without names.
event-feedback-send = Send feedback
event-feedback-thanks = Thank you: your feedback has reached the organisers.
event-materials = Materials
event-materials-none = No materials linked yet.
event-material-title = Title
event-material-url = Web address
event-material-resource = Or a resource from the library
event-material-no-resource = None
event-material-help = Give a title and a web address, or choose a resource from the library.
event-material-add = Link the material
event-actions-title = Action points
event-actions-none = No action points yet.
event-action-title = What is to be done
event-action-owner = Who
event-action-due-field = By when
event-action-due = due { $date }
event-action-add = Add the action point
event-action-done = Mark done
event-action-reopen = Not done yet
event-report-title = Report
event-report-registered = Registered
event-report-attended = Attended
event-report-rating = Rating
event-report-answers = { $count ->
    [one] ({ $count } answer)
   *[other] ({ $count } answers)
}
event-report-by-sector = Participants by sector
event-report-by-country = Participants by country
event-report-people = People
event-report-nobody = Nobody has been checked in.
event-report-feedback = Feedback
event-report-comments = Comments
event-report-no-feedback = No feedback yet.
error-event-rating = Choose a rating from 1 to 5.
error-event-due = Give the due date as a date (year-month-day).
error-event-action-required = Say what is to be done.
error-event-material-link = Give a web address starting with https:// or http://.
error-event-material-title = Give the material a title.
error-event-material-resource = That resource is not in the library, or not for you to link.
error-event-too-many-items = This event already has as many as it may have; remove one first.
error-event-feedback-attendees = Feedback is for those who attended, once the event has begun.
error-event-feedback-twice = You have already given feedback for this event.
event-series = Series
event-series-part = Part of a series
event-series-weekly = Every week
event-series-yearly = Every year
event-series-monthly = Every month on the { $nth } { $weekday }
event-series-nth-1 = first
event-series-nth-2 = second
event-series-nth-3 = third
event-series-nth-4 = fourth
event-series-nth-last = last
event-series-count = { $count ->
    [one] { $count } time
   *[other] { $count } times
}
event-series-until = until { $date }
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
event-repeat = Repeat this event
event-repeat-how = How often
event-repeat-monthly = Every month on the same weekday (e.g. the first Tuesday)
event-repeat-end = Until
event-repeat-times = A number of times
event-repeat-count = How many times, this one included
event-repeat-until = Until a date
event-repeat-until-date = Last date
event-repeat-help = Each occurrence becomes an event of its own, with the same time, place, organisers and settings, that you can change one by one; the agenda is not copied. At most { $max } occurrences.
event-repeat-button = Make the series
error-event-series-rule = That repetition does not fit the event's date.
error-event-series-count = A series has from 2 to 52 occurrences.
error-event-series-until = Give a last date after the event's date.
error-event-series-too-many = That would make more than 52 occurrences; choose an earlier last date.
error-event-series-already = This event is already part of a series.
awareness-title = Awareness days
awareness-intro = Days the network marks every year. Each has a campaign page that gathers the public events held on it, country by country.
awareness-victims-of-torture = International Day in Support of Victims of Torture
awareness-victims-of-torture-about = 26 June: the day the Convention against Torture came into force, in 1987. Forums, vigils and talks around the region stand with survivors.
awareness-human-rights = Human Rights Day
awareness-human-rights-about = 10 December: the day the Universal Declaration of Human Rights was adopted, in 1948.
awareness-date = { $day } { $month }
awareness-add = Add an awareness day
awareness-name = Name
awareness-day = Day
awareness-month = Month
awareness-description = What the day is about (optional)
awareness-add-button = Add the day
awareness-years = Other years
awareness-share = { $count ->
    [one] { $name } { $year }: { $count } public event in { $countries }.
   *[other] { $name } { $year }: { $count } public events in { $countries }.
}
awareness-share-none = { $name } { $year }: no public events yet.
error-awareness-name = Give the day a name.
error-awareness-date = Choose a day that exists in the calendar.
error-awareness-too-many = There are as many awareness days as there may be.
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
event-private-participant = A participant who keeps their name private
event-checkin-code = code { $code }
event-your-checkin-code = Your check-in code: { $code }. Show it at the door if the organisers ask.
event-check-mail-text-no-mail = Your registration is noted, but it must be confirmed through a link sent by e-mail, and this network does not send mail yet. Please contact the organisers.
events-done-chat_on = The event chat is on. The organisers and the members with a place are in it.
events-done-chat_off = The event chat is off, and its messages are deleted.

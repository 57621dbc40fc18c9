## Champions: identification and paths (coordinators and admins)
network-champions-blurb = Members who could carry the network's work further, and the path of each champion.
champions-title = Champions
champions-intro = Members ranked by how well they could carry the network's work across sectors and countries. A score is a starting point for a conversation, not a verdict. Only coordinators and admins see this page.
champions-field-stage = Stage
champions-stage-none = Not on a path yet
champions-count = { $count ->
    [0] No members match these filters
    [one] 1 member
   *[other] { $count } members
}
champions-caption = Candidate champions, best score first
champions-col-rank = Rank
champions-col-member = Member
champions-col-score = Score
champions-col-why = Why
champions-col-stage = Path
champions-part-influence = Influence
champions-part-brokerage = Brokerage
champions-part-activity = Activity
champions-part-endorsements = Endorsements
champions-open-path = Open the path
champions-empty = No members match these filters.
champions-how-title = How the score is made
champions-how = Each part is a percentile: the share of members with a lower value. Influence ({ $influence } % of the score) is eigenvector centrality and PageRank: being tied to people who are well tied. Brokerage ({ $brokerage } %) is betweenness, standing between colleagues of different sectors or countries who have no tie of their own, and ties across sectors and countries. Activity ({ $activity } %) counts ties recorded, introductions that led to a tie and endorsements given in the last twelve months. Endorsements ({ $endorsements } %) count the peers who vouch for the member's expertise. Coordinators and admins are not ranked.
champion-reason-sectors-in = Bridges { $sector } and { $other } in { $country }: { $count ->
    [one] 1 cross-sector tie
   *[other] { $count } cross-sector ties
}
champion-reason-sectors = Bridges { $sector } and { $other }: { $count ->
    [one] 1 cross-sector tie
   *[other] { $count } cross-sector ties
}
champion-reason-countries = Links { $country } and { $other }: { $count ->
    [one] 1 cross-country tie
   *[other] { $count } cross-country ties
}
champion-reason-broker = Stands between { $count ->
    [one] 1 pair
   *[other] { $count } pairs
} of colleagues from different sectors who have no tie of their own
champion-reason-central = Among the { $percent } % most central members
champion-reason-endorsed = Endorsed by { $count ->
    [one] 1 peer
   *[other] { $count } peers
}
champion-reason-active = { $count ->
    [one] 1 contribution
   *[other] { $count } contributions
} in the last twelve months: ties, introductions, endorsements
champion-reason-initiatives = Leads or is the focal point of { $count ->
    [one] 1 initiative
   *[other] { $count } initiatives
} under way

champion-path-title = Champion path: { $name }
champion-profile-link = View the profile
champion-at-risk-note = This member is at risk. Only coordinators and admins see this path; plan any contact with them in person and keep public roles out of it unless they ask.
champion-path-heading = The path
champion-current = Current stage: { $stage }
champion-not-on-path = Not on the path yet. Choose "Candidate" below to start it.
champion-why-heading = Why they rank here
champion-score-of = out of 100
champion-move-heading = Move along the path
champion-field-note-optional = Note (optional)
champion-move = Save the stage
champion-note-heading = Add a note or record support
champion-field-support = Support given
champion-support-none = None, a note only
champion-field-note = Note
champion-note-help = What happened, what was agreed, what comes next. At most { $max } characters.
champion-add-note = Add to the timeline
champion-note-first = Put the member on the path first; notes are kept with a stage.
champion-timeline-heading = Timeline
champion-timeline-empty = Nothing recorded yet.
champion-by = by { $name }
champion-former-author = a former account
champion-done-stage = Stage saved.
champion-done-note = Added to the timeline.
error-champion-same-stage = The member is at this stage already. Add a note instead.
error-champion-note-empty = Write a note or choose the support given.
error-champion-not-on-path = Put the member on the path first: choose a stage.

## Introductions
network-introductions-blurb = Meet colleagues in other sectors and countries, or introduce two people.
intro-title = Introductions
intro-intro = An introduction brings together two people who do not know each other yet. Both see it here and answer it; when both accept, a tie between them is recorded.
intro-at-risk-note = Because your profile is marked at risk, you cannot introduce or be introduced: an introduction would show you to other people. A coordinator can help you meet colleagues safely.
intro-waiting-heading = Waiting for your answer
intro-waiting-none = No introduction is waiting for your answer.
intro-accept = Accept
intro-decline = Decline
intro-suggestions-heading = People you might meet
intro-suggestions-help = People you share colleagues with, favouring other sectors and countries, shared expertise and languages.
intro-suggestions-none = No suggestions yet. Record the ties you have with colleagues, and suggestions will follow from them.
intro-introduce-me = Introduce yourself to { $name }
intro-in-person = At risk: introduce them in person, not through Roundtable.
intro-pairs-heading = Pairs that would bridge sectors and countries
intro-pairs-help = Two people who share colleagues but are not tied, from different sectors or countries.
intro-pairs-none = No pairs to suggest.
intro-and = and
intro-introduce-them = Introduce { $a } and { $b }
intro-form-heading = Introduce two people
intro-form-help = Choose yourself and a colleague, or two colleagues who should meet. Each of them gets an e-mail with a link to this page.
intro-field-first = First person
intro-field-second = Second person
intro-field-message = Why they should meet
intro-message-help = A few words for both of them, at most { $max } characters.
intro-send = Send the introduction
intro-history-heading = Your other introductions
intro-history-none = None yet.
intro-status-open = Waiting for an answer
intro-status-connected = Both accepted: the tie is recorded
intro-status-declined = Closed without a tie
intro-you-asked = You asked to meet { $name }
intro-asks-you = { $name } would like to meet you
intro-you-introduced = You introduced { $a } and { $b }
intro-introduced-you = { $introducer } introduced you to { $name }
intro-introduced-you-anonymous = A member introduced you to { $name }
intro-done-sent = Introduction sent.
intro-done-accepted = You accepted. The tie is recorded once the other person accepts too.
intro-done-connected = You both accepted: the tie is recorded.
intro-done-declined = You declined; the introduction is closed.
suggestion-common = { $count ->
    [one] 1 colleague in common
   *[other] { $count } colleagues in common
}
suggestion-other-sector = another sector: { $sector }
suggestion-other-country = another country: { $country }
suggestion-shared-expertise = both work on { $area }
suggestion-shared-language = both speak { $language }
suggestion-between = { $a } and { $b }
error-introduction-person = Choose people you can see in the directory.
error-introduction-same = An introduction needs two different people.
error-introduction-message = Write a few words on why they should meet.
error-introduction-at-risk = Introductions cannot involve a member at risk: an introduction would show them to the other person. A coordinator can help them meet colleagues safely.
error-introduction-tied = These two people have a tie recorded already.
error-introduction-pending = These two people have an introduction waiting for an answer already.
error-introduction-too-many = You have { $max } introductions waiting for answers. Wait for some answers before sending more.
error-introduction-answer = Answer with accept or decline.
error-introduction-answered = This introduction has been answered or closed already.
mail-notify-introduction-received-subject = A new introduction on Roundtable
mail-notify-introduction-received-body =
    Hello,

    Someone in your network would like you to meet a colleague on Roundtable. Sign in and open this page to read the introduction and to accept or decline it:
    { $link }

    If you decline, no tie is recorded and nobody is told why.
error-introduction-declined = This introduction was declined recently. Please let some time pass before suggesting it again.

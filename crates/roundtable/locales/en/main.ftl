# Roundtable — English. Every other locale carries every id below.

site-tagline = Where torture-prevention networks find their champions, share what works and grow together.
skip-to-content = Skip to content
nav-label = Main
nav-members = Members
nav-organisations = Organisations
nav-invitations = Invitations
nav-accounts = Accounts
nav-audit = Audit log
nav-security = Sessions and password
nav-sign-in = Sign in
nav-sign-out = Sign out
nav-menu = Menu
nav-profile = My profile
quick-exit = Quick exit
quick-exit-help = Leave at once: signs you out and shows a blank page. Escape twice does the same.
language-switch = Language:
zone-shown-in = Times shown in
footer-privacy = Roundtable keeps your data on your network's own server. Nothing on this page is loaded from anywhere else.

## Front page
home-title = Home
home-heading = Roundtable
home-invite-only = Membership is by invitation from a network coordinator.
home-members = { $count ->
    [one] 1 member
   *[other] { $count } members
}
home-members-text = Find people by sector, country, expertise and language.
home-organisations = { $count ->
    [one] 1 organisation
   *[other] { $count } organisations
}
home-organisations-text = Police academies, human rights institutions, ministries, civil society, the bar, universities.
home-profile = Your profile
home-profile-text = Choose what you share, and with whom.
home-about-heading = What this network is for
home-about-text = No one prevents torture alone. Roundtable connects police trainers, national human rights institutions, ministries, lawyers, doctors and civil society so that good practice — investigative interviewing, detention monitoring, legal safeguards in custody — travels between institutions and countries.
home-privacy-heading = Your safety comes first
home-privacy-text = Every part of your profile has its own visibility. Nothing is public unless you make it so, and if you mark yourself at risk, only coordinators can see that you are here.

## Errors
error-title = Something is not right
error-home = Back to the front page
error-not-found = This page does not exist, or you may not see it.
error-forbidden = You are not allowed to do this.
error-bad-address = This address is not one Roundtable knows. Check the link, or go back.
error-sign-in-required = Please sign in first.
error-csrf = This form has expired or came from another site. Reload the page and try again.
error-internal = Something went wrong on our side. Nothing was changed; please try again later.
error-too-large = What you sent is too large.
error-body-unreadable = What you sent could not be read.
error-form-malformed = This form could not be read. Reload the page and try again.
error-too-long = This text is too long: at most { $max } characters.
error-too-many = You can add at most { $max } of these.
error-rate-limited = Too many requests from your address. Please wait a moment and try again.
error-busy = Roundtable is very busy just now. Nothing was changed; please try again in a few seconds.
error-control-characters = This text contains characters that are not allowed.
error-email-invalid = This is not a valid e-mail address.
error-email-taken = There is already an account with this e-mail address.
error-name-required = Please enter a name.
error-name-characters = A name cannot contain control characters or < >.
error-password-short = A password needs at least { $min } characters.
error-password-mismatch = The two passwords are not the same.
error-password-common = This password is too easy to guess: it is common, follows a pattern or contains your name. Try a few unrelated words.
error-password-current = Your current password is not right.
error-signin-failed = The e-mail address or the password is not right.
error-signin-throttled = Too many attempts. Please wait { $minutes } minutes and try again.
error-unknown-visibility = Unknown visibility.
error-unknown-role = Unknown role.
error-unknown-sector = Unknown sector.
error-unknown-expertise = Unknown area of expertise.
error-unknown-contact = Unknown kind of contact.
error-unknown-country = Unknown country.
error-unknown-lang = Unknown language.
error-unknown-language = Unknown language.
error-unknown-organisation = Unknown organisation.
error-organisation-exists = An organisation with this name already exists in this country.
error-parent-loop = An organisation cannot be part of itself.
error-website-invalid = The website must be a full address starting with https:// or http://.
error-last-admin = You are the only admin: make someone else an admin first.
error-own-role = You cannot change your own role or deactivate your own account.
error-contact-required = Please enter the contact detail.
error-preview-audience = Preview as a member or as the public.
error-photo-empty = Please choose a photo.
error-photo-too-large = The photo is too large: at most { $mb } MB.
error-photo-type = Only JPEG, PNG and WebP photos are accepted.
error-photo-unreadable = This file could not be read as a photo.

## Notices
notice-reset = Your password has been changed. Please sign in.
notice-signedout = You are signed out.
notice-deleted = Your account has been deleted.
notice-password = Your password has been changed and every other session was signed out.
notice-profile-welcome = Welcome to Roundtable! Take a moment to fill in your profile and choose who may see each part.
notice-profile-saved = Your profile has been saved.
notice-profile-photo = Your photo has been saved.

## Fields
field-email = E-mail address
field-password = Password
field-new-password = New password
field-confirm-password = Repeat the new password
field-current-password = Current password
field-display-name = Display name
field-name = Name
field-role = Role
field-sector = Sector
field-country = Country
field-region = City or region
field-bio = About
field-expertise = Expertise
field-language = Language
field-languages = Languages
field-organisation = Organisation
field-organisation-optional = Organisation (optional)
field-organisations = Organisations
field-title = Title or position
field-contacts = Contact
field-contact-kind = Channel
field-contact-value = Address, number or handle
field-visibility = Who can see this
field-photo = Photo
field-photo-file = Photo file
field-at-risk = At risk
field-at-risk-label = I am at risk: hide me from everyone except coordinators and admins
field-website = Website
field-description = Description
field-parent = Part of
field-org-public = Show this organisation on public pages
help-display-name = The name others see. A pseudonym is fine.
help-display-name-visible = Everyone who can see your profile sees this name. A pseudonym is fine.
help-password = At least 12 characters. A few unrelated words are easy to remember and hard to guess.
help-at-risk = You will vanish from the directory, from listings and from search for other members and the public. Coordinators and admins still see you, so that they can support you.
help-contacts = Each contact has its own visibility. By default only coordinators see it.
help-photo = JPEG, PNG or WebP, up to 5 MB. We store a small copy and remove the location and camera details.
visibility-of = Who can see: { $field }
option-any = Any
option-none = None
option-choose = Choose…
action-add = Add
action-remove = Remove
action-upload = Upload

## Vocabularies
visibility-private = Only me
visibility-coordinators = Coordinators
visibility-members = Members
visibility-public = Everyone (public)
role-admin = Admin
role-coordinator = Coordinator
role-member = Member
sector-police = Police
sector-government = Government
sector-nhri = Human rights institution / NPM
sector-civil_society = Civil society
sector-legal = Legal profession
sector-health = Health and forensics
sector-academia = Academia
sector-international = International
sector-media = Media
sector-other = Other
expertise-investigative_interviewing = Investigative interviewing
expertise-detention_monitoring = Detention monitoring
expertise-legal_safeguards = Legal safeguards
expertise-opcat_npm = OPCAT and NPMs
expertise-torture_documentation = Torture documentation (Istanbul Protocol)
expertise-victim_support = Victim support
expertise-training = Training
expertise-law_reform = Law reform
expertise-research = Research
expertise-advocacy = Advocacy
contact-email = E-mail
contact-phone = Phone
contact-signal = Signal
contact-line = LINE
contact-whatsapp = WhatsApp
contact-telegram = Telegram
contact-other = Other
country-TH = Thailand
country-MY = Malaysia
country-PH = Philippines
country-ID = Indonesia
country-KH = Cambodia
country-LA = Laos
country-MM = Myanmar
country-VN = Viet Nam
country-SG = Singapore
country-BN = Brunei
country-TL = Timor-Leste
country-BD = Bangladesh
country-LK = Sri Lanka
country-NP = Nepal
country-IN = India
country-PK = Pakistan
country-MN = Mongolia
country-KR = South Korea
country-JP = Japan
country-AU = Australia
country-NZ = New Zealand
country-CH = Switzerland
country-GB = United Kingdom
country-FR = France
country-DE = Germany
country-NL = Netherlands
country-DK = Denmark
country-SE = Sweden
country-NO = Norway
country-US = United States
country-CA = Canada
lang-th = Thai
lang-en = English
lang-ms = Malay
lang-fil = Filipino
lang-id = Indonesian
lang-km = Khmer
lang-lo = Lao
lang-my = Burmese
lang-vi = Vietnamese
lang-zh = Chinese
lang-ta = Tamil
lang-ceb = Cebuano
lang-ilo = Ilocano
lang-tet = Tetum
lang-fr = French
lang-es = Spanish
lang-ar = Arabic
lang-ja = Japanese
lang-ko = Korean
lang-hi = Hindi
lang-de = German
lang-pt = Portuguese

## Sign-in, invitations, passwords
signin-title = Sign in
signin-submit = Sign in
signin-forgot = Forgot your password?
accept-title = Join Roundtable
accept-intro = You were invited as { $email }. Choose how you appear and a password.
invitations-field-name = Their name (optional)
invitations-field-language = Language of the invitation
invitations-field-note = A personal note (optional)
invitations-field-note-help = Quoted in the invitation e-mail, under your name.
accept-from-org = You were invited with { $org }: your sector and country start as its own. Change them, and who sees them, on your profile.
accept-submit = Create my account
invitation-gone-title = This invitation cannot be used
invitation-gone-text = The link has expired, has been used already or was withdrawn. Ask your coordinator for a new invitation.
forgot-title = Reset your password
forgot-intro = Enter the e-mail address of your account. We will send you a link to choose a new password.
forgot-submit = Send the link
forgot-sent-title = Check your e-mail
forgot-sent-text = If an account exists for this address, a link to reset the password is on its way. The link works once, for one hour.
reset-title = Choose a new password
reset-submit = Save the new password
reset-gone-title = This link cannot be used
reset-gone-text = The link has expired or has been used already. You can ask for a new one.
password-title = Change your password
password-intro = After the change, every other session of your account is signed out.
password-submit = Change the password
sessions-title = Your sessions
sessions-intro = These are the devices signed in to your account. If you do not recognise one, sign it out and change your password.
sessions-current = this device
sessions-unknown-device = Unknown device
sessions-started = Signed in { $when }
sessions-last-seen = last active { $when }
sessions-revoke = Sign out
sessions-revoke-all = Sign out everywhere
sessions-change-password = Change your password
delete-title = Delete my account
delete-intro = This deletes your account and your whole profile — photo, contacts, organisations — at once and for good. The audit log keeps that an account was deleted, without your name.
delete-submit = Delete my account for good
invitations-title = Invitations
invitations-intro = Invite someone by e-mail. The link works once and expires after { $days } days.
invitations-created = Invitation for { $email } created and queued for e-mail.
invitations-link = You can also pass on this link through a channel you trust:
invitations-submit = Invite
invitations-pending = Pending invitations
invitations-none = No pending invitations.
invitations-by = invited by { $name } on { $when }
invitations-expires = expires { $when }
invitations-revoke = Withdraw

## E-mails
mail-invitation-subject = { $inviter } invites you to Roundtable
mail-invitation-body =
    { $inviter } invites you to join Roundtable, the space where your torture-prevention network works together.

    Open this link to choose your name and password (it works once, for { $days } days):
    { $link }

    If you did not expect this invitation, you can ignore this e-mail.
mail-invitation-hello = Hello,
mail-invitation-hello-name = Hello { $name },
mail-invitation-note = { $inviter } adds:
mail-reset-subject = Reset your Roundtable password
mail-reset-body =
    Hello,

    Someone asked to reset the password of your Roundtable account. To choose a new password, open this link (it works once, for { $minutes } minutes):
    { $link }

    If it was not you, ignore this e-mail: your password stays as it is.

## Directory
directory-title = Members
directory-public-note = You see the members who chose to show part of their profile publicly. Members who sign in see more.
directory-count = { $count ->
    [0] No members found
    [one] 1 member found
   *[other] { $count } members found
}
directory-empty = Nobody matches these filters.
filter-text = Name, organisation or bio
filter-text-org = Name or description
filter-text-account = Name or e-mail address
filter-submit = Filter
filter-clear = Clear filters
pager-label = Pages
pager-previous = ← Previous
pager-next = Next →
pager-position = Page { $page } of { $pages }

## Profiles
profile-at-risk-badge = At risk: hidden from members
profile-edit = Edit my profile
profile-photo-of = Photo of { $name }
preview-title = Preview
preview-as-member = This is how other members see your profile.
preview-as-public = This is how the public sees your profile.
preview-member = Preview as a member
preview-public = Preview as the public
preview-back = Back to editing
preview-hidden = This audience cannot see your profile at all.
edit-title = My profile
edit-intro = Next to each part, choose who may see it. Your display name is shown to everyone who can see your profile.
edit-view = View my profile
edit-about = About me
edit-visibility-more = More visibility settings
edit-save = Save

## Organisations
orgs-title = Organisations
orgs-new = New organisation
orgs-edit = Edit organisation
orgs-count = { $count ->
    [0] No organisations found
    [one] 1 organisation
   *[other] { $count } organisations
}
orgs-empty = No organisation matches these filters.
orgs-none-yet = No organisations yet.
orgs-part-of = part of { $name }
orgs-units = Units
orgs-members = Members
orgs-no-members = No members to show.
orgs-public = Public
orgs-members-only = Members only

## Administration
users-title = Accounts
users-last-seen = Last seen
users-status = Status
users-active = Active
users-inactive = Deactivated
users-change-role = Change
users-deactivate = Deactivate
users-reactivate = Reactivate
audit-title = Audit log
audit-intro = Sign-ins, failed sign-ins, invitations, role and visibility changes. Addresses are kept only as network prefixes.
audit-when = When
audit-action = Event
audit-actor = By
audit-target = Account
audit-detail = Detail
audit-network = Network
audit-empty = Nothing recorded yet.
audit-none-match = Nothing matches these filters.
audit-account-gone = a removed account
audit-detail-command-line = { $role }, from the command line
audit-detail-tie = { $a } and { $b }: { $kind }
audit-detail-pair = { $a } and { $b }
audit-detail-at-risk-on = Now at risk
audit-detail-at-risk-off = No longer at risk
audit-filter-kind = Kind
audit-filter-all = All kinds
audit-filter-not-signins = All but sign-ins
audit-filter-person = Person (name or e-mail address)
audit-signin = Signed in
audit-signin_failed = Failed sign-in
audit-signin_throttled = Sign-in refused (too many attempts)
audit-signed_out_everywhere = Signed out everywhere
audit-invitation_created = Invitation created
audit-invitation_revoked = Invitation withdrawn
audit-invitation_renewed = Invitation renewed
audit-invitation_accepted = Invitation accepted
audit-account_created = Account created
audit-role_changed = Role changed
audit-account_deactivated = Account deactivated
audit-account_reactivated = Account reactivated
audit-visibility_changed = Visibility changed
audit-at_risk_changed = At-risk status changed
audit-password_changed = Password changed
audit-password_reset = Password reset
audit-account_deleted = Account deleted
audit-champion_stage_changed = Champion stage changed
audit-tie_recorded = Tie recorded
audit-tie_removed = Tie removed

endorsements-count = { $count ->
    [one] endorsed by 1 member
   *[other] endorsed by { $count } members
}
endorsements-add = Endorse
endorsements-withdraw = Withdraw my endorsement
error-endorse-self = You cannot endorse yourself.
error-endorse-area = You can only endorse an area this member lists as their expertise.

## Network and ties
nav-network = Network
network-title = Network
network-intro = Who works with whom across sectors and countries, computed from the ties members record and the work they share.
network-me = You have { $ties } ties: { $cross_sector } across sectors and { $cross_country } across countries.
network-ties-blurb = The people you know and have worked with.
network-size = The network you can see: { $members } members, { $ties } ties.
ties-title = Ties
ties-intro = Record the people you know and have worked with. Ties are never shown to the public; a tie with a member at risk is seen only by coordinators.
ties-none = No ties recorded yet.
ties-record-between = Record a tie between two members
ties-record-between-help = As a coordinator you can record a tie on a member's behalf, for example after a meeting. It is written in the audit log.
ties-how-to-record = To record a tie, open a colleague's profile and use "Record a tie".
tie-field-member = Member
tie-field-other = With
tie-choose = Choose a member
tie-field-kind = How you know each other
tie-field-strength = How close
tie-strength-unsaid = Not said
tie-strength-1 = Acquainted
tie-strength-2 = Occasional contact
tie-strength-3 = Regular contact
tie-strength-4 = Close colleague
tie-strength-5 = Very close
tie-field-since = Since
tie-since-help = A year, or year and month, e.g. 2019 or 2019-06.
tie-since = since { $since }
tie-from-introduction = through an introduction
tie-record = Record the tie
ties-recorded = The tie is recorded. It counts in the network from now on.
tie-record-with = Record a tie with { $name }
tie-remove = Remove
tie-knows = Knows
tie-worked_together = Worked together
tie-trained_or_mentored = Trained or mentored
tie-co_organised = Co-organised an activity
stage-candidate = Candidate
stage-approached = Approached
stage-active = Active champion
stage-alumni = Alumni
support-training_materials = Training materials
support-expert_contact = An expert contact
support-speaking_opportunity = A speaking opportunity
support-mentoring = Mentoring
support-event_invitation = An event invitation
error-unknown-tie = Unknown kind of tie.
error-unknown-stage = Unknown stage.
error-unknown-support = Unknown kind of support.
error-tie-since = Give the start as a year, or a year and month such as 2019-06, no later than this year.
error-tie-strength = Closeness must be between 1 and 5.
error-tie-member = Choose a member you can see in the directory.
error-tie-self = A tie needs two different people.
mail-off-banner = Mail is not being sent: no mail server is set (ROUNDTABLE_SMTP_URL). Invitations, password resets and event confirmations wait until one is. Pass invitation links on yourself meanwhile.
invitations-created-no-mail = Invitation for { $email } created. This server does not send mail yet: pass the link below on yourself, over a channel you trust.
invitations-pending-already = { $email } has an invitation that is still open. Its link was shown once and is not kept: renew it to get a new link (the old one stops working).
invitations-renew = Renew and show the link
error-unknown-audit = This is not a kind of event the audit log records.
home-events-tile = Events
home-events-tile-text = Public forums, panels and awareness days, open to everyone.
home-library-tile = Resource library
home-library-tile-text = Guides, training materials and reports to read and share.

# Second factors
signin-shared = This is a shared device
signin-shared-help = Signs you out when the browser closes and after 30 minutes without use.
notice-expired = That sign-in took too long or had too many wrong codes. Please sign in again.
code-title = Your one-time code
code-field = Code
code-help = The six digits your authenticator app shows now, or one of your recovery codes.
code-start-again = Start again
error-code-wrong = That code is not right. { $count ->
    [one] One more try.
   *[other] { $count } more tries.
}
error-code-setup = That code is not right. Check the time on your phone and type the code your app shows now.
error-totp-on-already = One-time codes are on already.
error-totp-off = Turn on one-time codes first.
security-title = Sign-in security
security-totp = One-time codes
security-totp-on = One-time codes are on: signing in asks for a code from your authenticator app after your password.
security-totp-off = Use an authenticator app (such as Aegis, FreeOTP or Google Authenticator) for a six-digit code at each sign-in.
security-totp-start = Set up one-time codes
security-totp-remove = Turn off one-time codes
security-recovery-left = { $count ->
    [0] You have no recovery codes left: make new ones.
    [one] You have 1 recovery code left.
    *[other] You have { $count } recovery codes left.
}
security-recovery-new = Make new recovery codes
totp-title = Set up one-time codes
totp-step-app = Open your authenticator app and add an account.
totp-step-scan = Scan this code with it:
totp-qr-label = QR code of your one-time code key
totp-or-type = Or type this key:
totp-step-code = Type the six digits the app shows.
totp-confirm = Turn on one-time codes
recovery-title = Your recovery codes
recovery-intro = If you lose your phone, each of these { $count } codes signs you in once instead of a one-time code. Write them down or print this page, and keep them somewhere safe.
recovery-once = They are shown only now. Making new ones stops these from working.
recovery-done = I have kept them
sessions-second-factor = with a second factor
sessions-shared = shared device
audit-second_factor_added = Second factor turned on
audit-second_factor_removed = Second factor turned off
mail-new-device-subject = A new sign-in to your Roundtable account
mail-new-device-body =
    Your account was just signed in to from a device it had not seen before:

        { $device }, { $when }

    If this was you, there is nothing to do. If not, change your password at once and sign out every session under "Sessions and password".
factor-policy-nobody = Nobody (each person chooses)
factor-policy-staff = Coordinators and admins
factor-policy-everyone = Everyone
factor-due-by = Your network asks you to turn on a second factor by { $date }.
factor-overdue = Your network requires a second factor for your account: coordinator and admin pages stay closed until you turn one on.
error-second-factor-required = Your network requires a second factor for this. Turn on one-time codes under Sessions and password → Sign-in security.
error-grace-days = Give a number of days from 0 to { $max }.
error-policy-own-factor-first = Turn on your own second factor first, so that this does not close your own pages.
policy-title = Second factor policy
policy-intro = A second factor keeps an account safe when its password is phished or guessed. Coordinators and admins see every member at risk: ask it of them at least.
policy-without = Without a second factor now: { $staff } coordinators and admins, { $everyone } accounts in all.
policy-grace-until = Those without one have until { $date }.
policy-required-for = Who must use one
policy-grace-days = Days to set one up
policy-grace-help = Until then, people keep their access and every page leads them to set one up; after it, coordinator and admin pages stay closed to them until they have. 0: at once.
audit-signin_policy_changed = Second factor policy changed
audit-detail-policy = { $policy }, { $days } days to set one up
nav-policy = Second factors
invitations-revoke-title = Withdraw this invitation?
invitations-revoke-text = The link sent to { $email } will stop working at once. You can invite them again later.
invitations-revoke-yes = Withdraw the invitation
invitations-revoke-no = Keep it
invitations-withdrawn = Invitation withdrawn: its link no longer works.
orgs-created = Organisation created.
orgs-saved = Changes saved.
error-limit-day = You have done this { $max } times today, the most for one day. Please try again tomorrow.
error-limit-minutes = You have done this { $max } times in { $minutes } minutes. Please wait a little and try again.
bulk-title = Invite a list of people
bulk-link = Invite a list of people at once
bulk-intro = Paste up to { $max } people, one a line: e-mail address, name, organisation (name and organisation may be left out). Copy the columns from a spreadsheet, or separate them with commas or semicolons. Each person gets their own single-use link by e-mail, valid for 7 days.
bulk-field-people = People
bulk-field-people-help = For example: somchai@example.org, Somchai Dee, Lawyers Council of Thailand
bulk-field-organisation = Organisation for everyone without one on their line (optional)
bulk-submit = Invite everyone who can be invited
bulk-sent = { $count ->
    [one] One invitation sent
   *[other] { $count } invitations sent
}
bulk-refused = { $count ->
    [0] Nobody refused
    [one] One line refused
   *[other] { $count } lines refused
}
bulk-links = The links are shown this once; you may also pass them on over a channel you trust.
bulk-link-column = Link
bulk-line = Line
bulk-reason = Why
bulk-error-empty = The list holds nobody to invite.
bulk-error-too-many = A list may hold at most { $max } people; split it.
bulk-error-twice = This address is on the list twice.
bulk-error-pending = This address has an invitation that is still open; renew it on the invitations page.
bulk-error-limit = You may send { $max } invitations a day; { $left } are left today. Shorten the list or send the rest tomorrow.

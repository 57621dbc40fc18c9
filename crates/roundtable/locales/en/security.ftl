# Passkeys and confirming who one is
security-intro = A second factor keeps your account safe even if someone learns your password. Changes here ask you to confirm who you are if you signed in more than ten minutes ago.
security-confirm-first = You will be asked for your password (or a passkey) before any change here.
security-done-removed = One-time codes are off.
security-done-passkey = Passkey added.
security-done-passkey-removed = Passkey removed.
security-passkeys = Passkeys
security-passkeys-intro = A passkey lets you sign in with your phone's or computer's screen lock (fingerprint, face or PIN) instead of typing a password, and cannot be phished. Add one on each device you use.
security-passkeys-none = You have no passkeys yet.
security-passkeys-unavailable = Passkeys need this site to be reached by its name (such as localhost or roundtable.example.org), not by an IP address. One-time codes work here.
security-recovery = Recovery codes
passkey-add = Add a passkey
passkey-add-title = Add a passkey
passkey-add-intro = Give this passkey a name you will recognise, then press the button: your device asks for its screen lock and keeps the passkey.
passkey-name = Name of this passkey
passkey-name-help = For example "My phone" or "Office laptop". Only you see it.
passkey-unnamed = Passkey
passkey-use = Use my passkey
passkey-needs-script = Passkeys need JavaScript, which is off or blocked in this browser. You can still use your password and a one-time code.
passkey-not-given = No passkey was given. Press the button to try again, or go back and use your password.
passkey-added = added { $date }
passkey-last-used = last used { $date }
passkey-never-used = not used yet
passkey-remove = Remove { $name }
passkey-signin-title = Sign in with a passkey
passkey-signin-intro = Press the button and unlock your passkey with your device's screen lock.
passkey-second-intro = Press the button and unlock your passkey with your device's screen lock to finish signing in.
passkey-confirm-intro = Press the button and unlock your passkey with your device's screen lock.
signin-or = or
signin-passkey = Sign in with a passkey
code-use-passkey = Use a passkey
code-or = Or type a code:
code-help-recovery = One of your recovery codes.
confirm-title = Confirm it is you
confirm-why = This change needs you to confirm who you are, because you signed in more than ten minutes ago. Nothing has been changed yet: after confirming, you come back to the page and can make the change.
confirm-with-passkey = Confirm with a passkey
confirm-or-password = Or with your password:
confirm-submit = Confirm
error-confirm-code = The code is not right. Type the code your app shows now, or one of your recovery codes.
error-passkeys-unavailable = Passkeys do not work on this site. Sign in with your password and a one-time code.
error-passkey-refused = That passkey could not be accepted. Try again, or use your password.
error-passkey-unreadable = The browser's answer could not be read. Please try again.
error-passkey-expired = That passkey request has expired or was already used. Please start again.
error-passkey-known = That passkey is registered already.
error-passkey-too-many = This account has { $max } passkeys, the most it may have. Remove one you no longer use to add another.

# Account recovery by an admin
audit-recovery_issued = Account recovery issued
audit-recovery_approved = Account recovery approved
audit-recovery_cancelled = Account recovery cancelled
audit-recovery_used = Account recovered
recovery-link = Recovery
recovery-admin-title = Account recovery for { $name }
recovery-admin-intro = For a member who lost every second factor. First check who is asking by another channel you trust (a call, a meeting), never by e-mail alone. The link works only { $hours } hours after it is approved, and for { $days } days: the member is mailed at once and can cancel it. A coordinator's or admin's account needs a second admin's approval.
recovery-issue = Issue a recovery link
recovery-none = No recovery has been started for this account.
recovery-issued-link = Give this link to { $name } by the channel where you checked who they are. It is shown only now.
recovery-issued-from = It works from { $date }.
recovery-issued-needs-approval = A second admin must approve it first; it works { $hours } hours after that.
recovery-issued-by = Issued by { $name } on { $date }
recovery-approved-by = approved by { $name }
recovery-state-waiting = awaiting a second admin's approval
recovery-state-delayed = works from { $date }
recovery-state-usable = works now, until { $date }
recovery-state-used = used
recovery-state-cancelled = cancelled
recovery-state-expired = expired
recovery-approve = Approve
recovery-cancel = Cancel it
error-recovery-self = You cannot recover your own account: ask another admin.
error-recovery-open = A recovery of this account is open already. Cancel it first.
error-recovery-not-waiting = This recovery is not awaiting approval.
error-recovery-second-admin = A second admin must approve: not the one who issued it, nor the account's owner.
mail-recovery-subject = A recovery of your Roundtable account was started
mail-recovery-body =
    An admin of your network has started a recovery of your Roundtable account, because its second factors were reported lost. The recovery link works from { $date }; using it sets a new password and removes your one-time codes and passkeys.

    If you did not ask for this, cancel it now and tell your network's coordinators:

    { $cancel }
mail-recovery-body-staff =
    An admin of your network has started a recovery of your Roundtable account, because its second factors were reported lost. Once a second admin approves it, the recovery link works after { $hours } hours; using it sets a new password and removes your one-time codes and passkeys.

    If you did not ask for this, cancel it now and tell your network's coordinators:

    { $cancel }
recover-title = Recover your account
recover-intro = Choose a new password. Your one-time codes, passkeys and recovery codes are removed and every session is signed out. After signing in, set up a second factor again.
recover-submit = Set the new password
recover-not-yet = This recovery link works from { $date }. Until then, nothing can be done with it.
recover-not-approved = This recovery link is waiting for a second admin's approval.
recover-gone-title = This link does not work
recover-gone-text = The recovery link was used, cancelled or has expired. Ask an admin of your network if you still need help.
recover-cancel-title = Cancel this account recovery?
recover-cancel-text = If you did not ask for your account to be recovered, cancel it: its link will never work. Then tell your network's coordinators.
recover-cancel-yes = Cancel the recovery
recover-cancelled = The recovery is cancelled: its link will never work.
notice-recovered = Your account is recovered. Sign in with your new password, then set up a second factor again.
error-passkey-shared-device = Add passkeys from your own device: a passkey kept by a shared computer would let anyone at it sign in as you.
confirm-recovery-code = Recovery code
confirm-recovery-help = Your account has passkeys but no authenticator app, so with a password it takes one of your recovery codes, which is then used up. A passkey is the better way.
error-recovery-no-mail = Mail is not being sent from this server, so the member could not be warned and could not cancel. Set up outgoing mail first (ROUNDTABLE_SMTP_URL).
mail-recovered-subject = Your Roundtable account was recovered
mail-recovered-body =
    Your Roundtable account was just recovered with a recovery link: a new password was set, and your one-time codes, passkeys and sessions were removed.

    If this was not you, tell your network's coordinators and admins at once.
sessions-revoke-others = Sign out everywhere else
notice-signed-out-elsewhere = Every other session was signed out; this one stays.
security-sign-out-others = If someone else may be signed in to your account, sign out every other session: they would then need this change to sign in again.

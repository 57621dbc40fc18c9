export-download = Download this list:
export-csv = CSV
export-xlsx = Excel (XLSX)
export-note = A downloaded file leaves Roundtable's protection: it never includes members at risk, and holds only what you can see here. Keep it safe and delete it when you are done.
export-ties = Download the network's ties:
export-ties-note = For Gephi, spreadsheets or roundtable analyze. The files hold the network as every member sees it, never members at risk or their ties.
export-profile = Profile
audit-directory_exported = Directory downloaded
audit-ties_exported = Ties downloaded
export-yes = Yes
export-registrants-note = The file leaves Roundtable's protection: it never includes members at risk or participants who keep their name private. Delete it when the event's follow-up is done.
export-address = Address
export-downloads = Downloads
export-catalogue = Download the catalogue:
my-data-title = Your data
my-data-link = Download everything Roundtable holds about you
my-data-what = One zip file: your account and profile with who sees each field, your contacts and organisations, your ties and endorsements, your groups, what you wrote in the forums, your event registrations, the resources you shared, and the files of your posts and resources. Other people appear only as you see them here.
my-data-warning = The file leaves Roundtable's protection: anyone who gets it reads all of this. Keep it on a device only you use, and delete it when you no longer need it.
my-data-submit = Download my data (zip)
my-data-messages = Your conversations are exported separately, under Messages.
audit-own_data_exported = Own data downloaded
audit-registrants_exported = Registrants downloaded
export-error-secret = A secret group's event stays inside Roundtable: its registrants are not downloaded.
import-error-no-email = No column holds e-mail addresses: name one "E-mail".
import-error-organisation = No organisation is called “{ $name }”: add it (or import the organisations) first.
import-error-value = “{ $value }” is not one of the known values.
import-error-twice = The same address as row { $row }.
import-error-problems = The file has problems: nothing was imported. Correct them and import it again.
invitations-imported-title = Imported, not invited yet
invitations-imported-waiting = { $count ->
    [one] One person imported from a spreadsheet waits for their invitation. Nobody sees them, and they get no mail, until you send it; they are forgotten after 90 days.
   *[other] { $count } people imported from a spreadsheet wait for their invitations. Nobody sees them, and they get no mail, until you send them; they are forgotten after 90 days.
}
invitations-imported-send = { $count ->
    [one] Send the invitation
   *[other] Send all { $count } invitations
}
invitations-imported-sent = The invitations were sent.
import-title = Import people from a spreadsheet
import-link = Import people from a spreadsheet
import-intro = A CSV file (UTF-8 or UTF-16; commas, semicolons or tabs) or an Excel or OpenDocument workbook (its first sheet), with a header row naming the columns: e-mail, and if you have them name, organisation, sector, country and language, in any of the four languages. Check the file first: every problem is named by row and column, and nothing is imported while any remains. Imported people wait here, unlisted and without mail, until you send their invitations.
import-file = Spreadsheet
import-check = Check the file
import-submit = Import
import-summary = { $total } rows: { $people } people to invite, { $members } already members (left as they are), { $problems } problems.
import-columns = Columns
import-no-column = no column
import-problems = Problems
import-problem = Row { $row }, { $column }:
import-ready = No problems: import the file to keep these people until you send their invitations.
import-preview = The first rows
import-error-file = The file cannot be read: { $reason }
import-error-no-file = Choose a file to import.
invitations-imported-done = The people were imported. Send their invitations below when you are ready.
import-error-empty = it holds no rows.
import-error-encoding = it is neither UTF-8 nor UTF-16 text. Save it as “CSV UTF-8” and try again.
import-error-quote = a quote in row { $row } is not closed.
import-error-workbook = it is not a workbook Roundtable can open (XLSX, XLS or ODS).
import-error-required = This column must be filled in.
import-choose-columns = Columns to use (choose again if a guess is wrong, then send the file again)

## Momentum and impact: the coordinators' dashboard and the public figures

nav-impact = Impact
impact-title = Impact
impact-lead = What the network did over a period: events and who took part, new ties, champions, initiatives and their indicators, the library and questions to experts. Each table downloads as CSV, and the page prints as a report.
impact-quarter = Q{ $q } { $year }
impact-period-printed = Period: { $from } to { $to }
impact-from = From
impact-to = To
impact-show = Show
impact-last-year = The last four quarters
impact-print-hint = To keep a report for an annual review or a donor, print this page or save it as PDF from the browser's menu.
impact-contents = Contents of the report
impact-csv = Download CSV
impact-csv-note = Like every file from Roundtable, the downloads leave out members at risk and anything of a secret group.
impact-empty = Nothing in this period.
impact-total = Total
impact-not-given = Not given
impact-yes = Yes
impact-no = No

impact-momentum = Momentum
impact-momentum-note = Per quarter: new ties across sectors and across countries, initiatives that moved forward (a milestone done or a status advanced), champions active and events held. A tie counts in the quarter of its earliest evidence.
impact-chart-description = { $what }, per quarter: { $values }.
impact-quarter-column = Quarter
impact-new-ties = New ties
impact-cross-sector-ties = New ties across sectors
impact-cross-country-ties = New ties across countries
impact-initiatives-forward = Initiatives that moved forward
impact-champions-active = Champions active
impact-events-held = Events held

impact-events = Events
impact-events-by-type = Events held by type
impact-events-by-country = Events held by country
impact-type-column = Type
impact-country-column = Country
impact-sector-column = Sector

impact-participants-title = Who took part
impact-participants-note = Each person counts once, with the sector and country of their profile (a visitor's as they gave them). Visitors' registrations are forgotten { $days } days after their event, so older periods count them only as far as they are still kept.
impact-mixing = How events mixed people
impact-measure-column = Figure
impact-value-column = Value
impact-events-attended = Events with participants
impact-participants = Participants
impact-participations = Places taken at events
impact-cross-sector-share = Events that mixed sectors
impact-cross-country-share = Events that mixed countries
impact-share-column = Share
impact-participants-by-sector = Participants by sector
impact-participants-by-country = Participants by country

impact-champions = Champions
impact-champions-by-stage = Champions by stage
impact-stage-column = Stage
impact-champions-now = Now
impact-champions-reached = Reached this stage in the period

impact-initiatives = Initiatives
impact-initiatives-by-status = Initiatives by status
impact-status-column = Status
impact-indicators = Indicators against targets
impact-initiative-column = Initiative
impact-indicator-column = Indicator
impact-unit-column = Unit
impact-baseline-column = Baseline
impact-latest-column = Latest value
impact-measured-column = Measured on
impact-target-column = Target
impact-progress-column = Of the way to target

impact-library = The library
impact-downloads-note = Downloads are counted per resource per day, never per person.
impact-resources-by-type = Resources published and downloaded, by type
impact-published = Resources published
impact-downloads = Downloads
impact-downloads-by-resource = Downloads by resource
impact-resource-column = Resource

impact-questions = Questions to experts
impact-asked = Questions asked
impact-answered = Questions answered

error-impact-date = Give the dates as year, month and day (2026-06-26).
error-impact-order = The period must start before it ends.
error-impact-too-long = A report covers at most { $max } quarters.

figures-title = The network in figures
figures-tile-text = What the network does, quarter by quarter.
figures-lead = What the network does, quarter by quarter: its members, the ties between them, events, initiatives and the library.
figures-how = Figures are counted once a calendar quarter is over and never changed afterwards. Members at risk are left out of every figure, any count below { $fewer } is shown only as "fewer than { $fewer }", and the others are rounded to the nearest { $fewer }, so that no figure can be worked out from the others.
figures-preview = Admins have not published these figures: only coordinators see this preview.
figures-by-quarter = By quarter
figures-members = Members
figures-members-by-sector = Members by sector
figures-members-by-country = Members by country
figures-latest = { $quarter } in detail
figures-none = No quarter has been counted yet. Figures appear once the first full quarter is over.
figures-fewer-than = fewer than { $count }
figures-admin-text = The public version of these figures: aggregates only, per calendar quarter, with members at risk left out, counts below { $fewer } hidden and the others rounded to the nearest { $fewer }.
figures-is-published = Published: anyone can read them.
figures-is-not-published = Not published: only coordinators can preview them.
figures-open = Open the page
figures-publish = Publish the network in figures
figures-withdraw = Stop publishing

audit-figures_published = Network in figures published
audit-figures_withdrawn = Network in figures withdrawn
audit-impact_exported = Impact figures downloaded
figures-members-in = Members: { $what }
figures-export-text = The figures of every closed quarter, as the public version counts them (without members at risk or secret groups) but exact:
figures-export-csv = Download CSV
figures-export-xlsx = Download XLSX

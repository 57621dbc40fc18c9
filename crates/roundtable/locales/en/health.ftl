# Network health and the network map — English.

## Network health
health-title = Network health
health-blurb = Reach across sectors and countries, who is left out, and how it changes.
health-intro = How far the network reaches, how well it bridges sectors and countries, and who is not yet connected. These figures include every member, at-risk members too, so only coordinators see them.
health-computed = Figures as of { $date }.
health-figures = Now
health-members = Members
health-ties = Ties
health-density = density { $density }
health-cross-sector = Ties across sectors
health-cross-sector-help = of ties between members whose sectors are known
health-cross-country = Ties across countries
health-cross-country-help = of ties between members whose countries are known
health-ei-sector = E-I index by sector
health-ei-country = E-I index by country
health-ei-help = The E-I index runs from −1 (every tie stays within a group) to +1 (every tie crosses to another group); 0 means as many ties within groups as across them.
health-ei-unknown = Not enough members with this field known.
health-ei-sector-within = Most ties stay within one sector.
health-ei-sector-balanced = Ties within and across sectors are roughly balanced.
health-ei-sector-across = Most ties cross sectors.
health-ei-country-within = Most ties stay within one country.
health-ei-country-balanced = Ties within and across countries are roughly balanced.
health-ei-country-across = Most ties cross borders.
health-components = Connected parts
health-largest = the largest has { $size } members ({ $share })
health-isolated = Members without ties
health-isolated-list = See who they are
health-communities = Communities
health-modularity = modularity { $modularity }
health-by-sector-title = Members by sector
health-by-country-title = Members by country
health-bar = Share
health-not-given = Not given
health-components-title = Parts of the network apart from the largest
health-components-help = Groups of two or more members who are tied to each other but not to the rest of the network.
health-components-none = Everyone with ties is in one connected network.
health-communities-title = Communities
health-communities-help = Groups whose members are more tied to each other than to the rest, found by the Leiden method. The most common sector and country of each are shown.
health-communities-none = No communities yet.
health-count-members = { $count ->
    [one] 1 member
   *[other] { $count } members
}
health-isolated-title = Members without ties
health-component-title = Part { $number }
health-community-title = Community { $number }
health-sector-title = Sector: { $sector }
health-country-title = Country: { $country }
health-group-empty = No members in this group.
health-name = Name
health-cross-sector-ties = Across sectors
health-cross-country-ties = Across countries
health-trends = Over time
health-trends-help = A snapshot of these figures is kept at the start of every month. You can also keep one now, for example after an event.
health-trends-none = No snapshots yet.
health-trend-no-data = Not enough data yet.
health-trends-table = The numbers behind the charts
health-snapshot-take = Keep a snapshot now
health-snapshot-taken = Snapshot kept.
health-manual = by hand
health-date-column = Date
health-trend-members = Members
health-trend-ties = Ties
health-trend-cross-sector = Share across sectors
health-trend-cross-country = Share across countries
health-trend-isolated = Without ties
health-trend-components = Connected parts
health-trend-ei = E-I index
health-by-sector = By sector
health-by-country = By country
health-trend-change = { $series }: { $first } on { $from }, { $last } on { $to }.
health-month-1 = Jan
health-month-2 = Feb
health-month-3 = Mar
health-month-4 = Apr
health-month-5 = May
health-month-6 = Jun
health-month-7 = Jul
health-month-8 = Aug
health-month-9 = Sep
health-month-10 = Oct
health-month-11 = Nov
health-month-12 = Dec
health-month-year = { $month } { $year }
health-date = { $day } { $month } { $year }

## Network map
map-title = Network map
map-blurb = Who is connected to whom, by sector and country.
map-intro = Each circle is a member, coloured by sector; larger circles are more central. Lines are ties; thicker, darker lines are stronger ties. Select a circle to open the profile.
map-everyone = This map shows every member, at-risk members too (dashed outline). Members see a map without them: take care when sharing your screen.
map-filters = Highlight members
map-highlight = Highlight
map-count = { $members ->
    [one] 1 member
   *[other] { $members } members
} and { $ties ->
    [one] 1 tie
   *[other] { $ties } ties
}.
map-count-highlighted = { $matching } of { $members } members highlighted; { $ties ->
    [one] 1 tie
   *[other] { $ties } ties
}.
map-skip = Skip the map
map-zoom-in = Zoom in
map-zoom-out = Zoom out
map-zoom-reset = Show the whole map
map-legend = Colours by sector
map-how-to-read = Circle size shows PageRank centrality: how well a member is connected to others who are well connected. The most central members are named; every circle shows its name when you point at it.
map-how-dimmed = Members who do not match are faded, and so are ties between them; positions stay the same.
map-central = The most central members
map-central-highlighted = The most central highlighted members
map-ties = { $count ->
    [one] 1 tie
   *[other] { $count } ties
}
map-svg-title = Map of the network

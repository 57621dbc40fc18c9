# Filipino — machine-assisted translation; marked for review by a native speaker.

## Network health
health-title = Kalusugan ng network
health-blurb = Abot sa iba't ibang sektor at bansa, sino ang naiiwan, at paano ito nagbabago.
health-intro = Gaano kalawak ang naaabot ng network, gaano nito napag-uugnay ang mga sektor at bansa, at sino ang hindi pa nakakonekta. Kasama sa mga bilang na ito ang lahat ng miyembro, pati ang mga nasa panganib, kaya mga coordinator lamang ang nakakakita nito.
health-computed = Mga bilang noong { $date }.
health-figures = Sa ngayon
health-members = Mga miyembro
health-ties = Mga ugnayan
health-density = densidad { $density }
health-cross-sector = Ugnayang tumatawid ng sektor
health-cross-sector-help = ng mga ugnayan sa pagitan ng mga miyembrong alam ang sektor
health-cross-country = Ugnayang tumatawid ng bansa
health-cross-country-help = ng mga ugnayan sa pagitan ng mga miyembrong alam ang bansa
health-ei-sector = E-I index ayon sa sektor
health-ei-country = E-I index ayon sa bansa
health-ei-help = Ang E-I index ay mula −1 (lahat ng ugnayan ay nasa loob ng iisang grupo) hanggang +1 (lahat ng ugnayan ay tumatawid sa ibang grupo); ang 0 ay nangangahulugang magkasindami ang ugnayan sa loob at sa labas ng mga grupo.
health-ei-unknown = Kulang ang mga miyembrong alam ang impormasyong ito.
health-ei-sector-within = Karamihan ng ugnayan ay nananatili sa iisang sektor.
health-ei-sector-balanced = Halos balanse ang ugnayan sa loob at sa pagitan ng mga sektor.
health-ei-sector-across = Karamihan ng ugnayan ay tumatawid ng sektor.
health-ei-country-within = Karamihan ng ugnayan ay nananatili sa iisang bansa.
health-ei-country-balanced = Halos balanse ang ugnayan sa loob at sa pagitan ng mga bansa.
health-ei-country-across = Karamihan ng ugnayan ay tumatawid ng hangganan.
health-components = Magkakaugnay na bahagi
health-largest = ang pinakamalaki ay may { $size } miyembro ({ $share })
health-isolated = Mga miyembrong walang ugnayan
health-isolated-list = Tingnan kung sino sila
health-communities = Mga komunidad
health-modularity = modularity { $modularity }
health-by-sector-title = Mga miyembro ayon sa sektor
health-by-country-title = Mga miyembro ayon sa bansa
health-bar = Bahagi
health-not-given = Hindi nakasaad
health-components-title = Mga bahagi ng network bukod sa pinakamalaki
health-components-help = Mga grupo ng dalawa o higit pang miyembro na magkakaugnay ngunit hindi konektado sa natitirang bahagi ng network.
health-components-none = Lahat ng may ugnayan ay nasa iisang magkakaugnay na network.
health-communities-title = Mga komunidad
health-communities-help = Mga grupong mas magkakaugnay ang mga miyembro sa isa't isa kaysa sa iba, natagpuan gamit ang paraang Leiden. Ipinapakita ang pinakakaraniwang sektor at bansa ng bawat isa.
health-communities-none = Wala pang komunidad.
health-count-members = { $count ->
    [one] { $count } miyembro
   *[other] { $count } na miyembro
}
health-isolated-title = Mga miyembrong walang ugnayan
health-component-title = Bahagi { $number }
health-community-title = Komunidad { $number }
health-sector-title = Sektor: { $sector }
health-country-title = Bansa: { $country }
health-group-empty = Walang miyembro sa grupong ito.
health-name = Pangalan
health-cross-sector-ties = Tumatawid ng sektor
health-cross-country-ties = Tumatawid ng bansa
health-trends = Sa paglipas ng panahon
health-trends-help = Nagtatabi ng snapshot ng mga bilang na ito sa simula ng bawat buwan. Maaari ka ring magtabi ngayon, halimbawa pagkatapos ng isang aktibidad.
health-trends-none = Wala pang snapshot.
health-trend-no-data = Kulang pa ang datos.
health-trends-table = Ang mga bilang sa likod ng mga tsart
health-snapshot-take = Magtabi ng snapshot ngayon
health-snapshot-taken = Naitabi ang snapshot.
health-manual = mano-mano
health-date-column = Petsa
health-trend-members = Mga miyembro
health-trend-ties = Mga ugnayan
health-trend-cross-sector = Bahaging tumatawid ng sektor
health-trend-cross-country = Bahaging tumatawid ng bansa
health-trend-isolated = Walang ugnayan
health-trend-components = Magkakaugnay na bahagi
health-trend-ei = E-I index
health-by-sector = Ayon sa sektor
health-by-country = Ayon sa bansa
health-trend-change = { $series }: { $first } noong { $from }, { $last } noong { $to }.
health-month-1 = Ene
health-month-2 = Peb
health-month-3 = Mar
health-month-4 = Abr
health-month-5 = May
health-month-6 = Hun
health-month-7 = Hul
health-month-8 = Ago
health-month-9 = Set
health-month-10 = Okt
health-month-11 = Nob
health-month-12 = Dis
health-month-year = { $month } { $year }
health-date = { $day } { $month } { $year }

## Network map
map-title = Mapa ng network
map-blurb = Sino ang konektado kanino, ayon sa sektor at bansa.
map-intro = Bawat bilog ay isang miyembro, may kulay ayon sa sektor; mas sentral ang mas malalaking bilog. Ang mga linya ay ugnayan; mas matibay na ugnayan ang mas makapal at mas madilim na linya. Pumili ng bilog para buksan ang profile.
map-everyone = Ipinapakita ng mapang ito ang lahat ng miyembro, pati ang mga nasa panganib (putol-putol na gilid). Ang mga miyembro ay nakakakita ng mapa nang wala sila: mag-ingat kapag ibinabahagi ang iyong screen.
map-filters = I-highlight ang mga miyembro
map-highlight = I-highlight
map-count = { $members } miyembro at { $ties } ugnayan.
map-count-highlighted = { $matching } sa { $members } miyembro ang naka-highlight; { $ties } ugnayan.
map-skip = Laktawan ang mapa
map-zoom-in = Palakihin
map-zoom-out = Paliitin
map-zoom-reset = Ipakita ang buong mapa
map-legend = Mga kulay ayon sa sektor
map-how-to-read = Ipinapakita ng laki ng bilog ang PageRank centrality: gaano kakonektado ang isang miyembro sa ibang mahusay ding nakakonekta. May pangalan ang pinakasentral na mga miyembro; lumalabas ang pangalan ng bawat bilog kapag itinuro mo ito.
map-how-dimmed = Malabo ang mga miyembrong hindi tugma, pati ang mga ugnayan sa pagitan nila; hindi nagbabago ang mga posisyon.
map-central = Ang pinakasentral na mga miyembro
map-central-highlighted = Ang pinakasentral na naka-highlight na mga miyembro
map-ties = { $count ->
    [one] { $count } ugnayan
   *[other] { $count } na ugnayan
}
map-svg-title = Mapa ng buong network

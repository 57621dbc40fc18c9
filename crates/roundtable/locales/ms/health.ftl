# Malay — machine-assisted translation; marked for review by a native speaker.

## Network health
health-title = Kesihatan rangkaian
health-blurb = Jangkauan merentas sektor dan negara, siapa yang tertinggal, dan bagaimana ia berubah.
health-intro = Sejauh mana rangkaian menjangkau, sebaik mana ia menghubungkan sektor dan negara, dan siapa yang belum berhubung. Angka ini merangkumi semua ahli, termasuk ahli yang berisiko, jadi hanya penyelaras yang melihatnya.
health-computed = Angka setakat { $date }.
health-figures = Kini
health-members = Ahli
health-ties = Hubungan
health-density = ketumpatan { $density }
health-cross-sector = Hubungan merentas sektor
health-cross-sector-help = daripada hubungan antara ahli yang sektornya diketahui
health-cross-country = Hubungan merentas negara
health-cross-country-help = daripada hubungan antara ahli yang negaranya diketahui
health-ei-sector = Indeks E-I mengikut sektor
health-ei-country = Indeks E-I mengikut negara
health-ei-help = Indeks E-I bermula dari −1 (setiap hubungan kekal dalam satu kumpulan) hingga +1 (setiap hubungan merentas ke kumpulan lain); 0 bermaksud hubungan dalam kumpulan dan merentas kumpulan sama banyak.
health-ei-unknown = Tidak cukup ahli yang maklumat ini diketahui.
health-ei-sector-within = Kebanyakan hubungan kekal dalam satu sektor.
health-ei-sector-balanced = Hubungan dalam dan merentas sektor lebih kurang seimbang.
health-ei-sector-across = Kebanyakan hubungan merentas sektor.
health-ei-country-within = Kebanyakan hubungan kekal dalam satu negara.
health-ei-country-balanced = Hubungan dalam dan merentas negara lebih kurang seimbang.
health-ei-country-across = Kebanyakan hubungan merentas sempadan.
health-components = Bahagian yang bersambung
health-largest = yang terbesar mempunyai { $size } ahli ({ $share })
health-isolated = Ahli tanpa hubungan
health-isolated-list = Lihat siapa mereka
health-communities = Komuniti
health-modularity = modulariti { $modularity }
health-by-sector-title = Ahli mengikut sektor
health-by-country-title = Ahli mengikut negara
health-bar = Bahagian
health-not-given = Tidak dinyatakan
health-components-title = Bahagian rangkaian selain yang terbesar
health-components-help = Kumpulan dua ahli atau lebih yang berhubung sesama sendiri tetapi tidak dengan rangkaian selebihnya.
health-components-none = Semua yang mempunyai hubungan berada dalam satu rangkaian yang bersambung.
health-communities-title = Komuniti
health-communities-help = Kumpulan yang ahlinya lebih berhubung sesama sendiri berbanding dengan yang lain, ditemui dengan kaedah Leiden. Sektor dan negara yang paling biasa bagi setiap kumpulan ditunjukkan.
health-communities-none = Belum ada komuniti.
health-count-members = { $count ->
    [one] 1 ahli
   *[other] { $count } ahli
}
health-isolated-title = Ahli tanpa hubungan
health-component-title = Bahagian { $number }
health-community-title = Komuniti { $number }
health-sector-title = Sektor: { $sector }
health-country-title = Negara: { $country }
health-group-empty = Tiada ahli dalam kumpulan ini.
health-name = Nama
health-cross-sector-ties = Merentas sektor
health-cross-country-ties = Merentas negara
health-trends = Mengikut masa
health-trends-help = Gambaran angka ini disimpan pada awal setiap bulan. Anda juga boleh menyimpan satu sekarang, contohnya selepas sesuatu acara.
health-trends-none = Belum ada gambaran disimpan.
health-trend-no-data = Belum cukup data.
health-trends-table = Angka di sebalik carta
health-snapshot-take = Simpan gambaran sekarang
health-snapshot-taken = Gambaran disimpan.
health-manual = secara manual
health-date-column = Tarikh
health-trend-members = Ahli
health-trend-ties = Hubungan
health-trend-cross-sector = Bahagian merentas sektor
health-trend-cross-country = Bahagian merentas negara
health-trend-isolated = Tanpa hubungan
health-trend-components = Bahagian yang bersambung
health-trend-ei = Indeks E-I
health-by-sector = Mengikut sektor
health-by-country = Mengikut negara
health-trend-change = { $series }: { $first } pada { $from }, { $last } pada { $to }.
health-month-1 = Jan
health-month-2 = Feb
health-month-3 = Mac
health-month-4 = Apr
health-month-5 = Mei
health-month-6 = Jun
health-month-7 = Jul
health-month-8 = Ogo
health-month-9 = Sep
health-month-10 = Okt
health-month-11 = Nov
health-month-12 = Dis
health-month-year = { $month } { $year }
health-date = { $day } { $month } { $year }

## Network map
map-title = Peta rangkaian
map-blurb = Siapa berhubung dengan siapa, mengikut sektor dan negara.
map-intro = Setiap bulatan ialah seorang ahli, diwarnakan mengikut sektor; bulatan yang lebih besar lebih berpusat. Garisan ialah hubungan; garisan yang lebih tebal dan gelap ialah hubungan yang lebih kukuh. Pilih bulatan untuk membuka profil.
map-everyone = Peta ini menunjukkan semua ahli, termasuk ahli yang berisiko (garis tepi putus-putus). Ahli melihat peta tanpa mereka: berhati-hati apabila berkongsi skrin anda.
map-filters = Serlahkan ahli
map-highlight = Serlahkan
map-count = { $members } ahli dan { $ties } hubungan.
map-count-highlighted = { $matching } daripada { $members } ahli diserlahkan; { $ties } hubungan.
map-skip = Langkau peta
map-zoom-in = Zum masuk
map-zoom-out = Zum keluar
map-zoom-reset = Tunjukkan seluruh peta
map-legend = Warna mengikut sektor
map-how-to-read = Saiz bulatan menunjukkan kepusatan PageRank: sejauh mana seseorang ahli berhubung dengan orang lain yang juga banyak berhubung. Ahli yang paling berpusat dinamakan; setiap bulatan menunjukkan namanya apabila anda menunjuk kepadanya.
map-how-dimmed = Ahli yang tidak sepadan dipudarkan, begitu juga hubungan antara mereka; kedudukan kekal sama.
map-central = Ahli yang paling berpusat
map-central-highlighted = Ahli diserlahkan yang paling berpusat
map-ties = { $count ->
    [one] 1 hubungan
   *[other] { $count } hubungan
}
map-svg-title = Peta rangkaian ini

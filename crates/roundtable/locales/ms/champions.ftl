## Champions: identification and paths (coordinators and admins)
network-champions-blurb = Ahli yang boleh membawa kerja rangkaian lebih jauh, dan laluan setiap juara.
champions-title = Juara
champions-intro = Ahli disusun mengikut sejauh mana mereka boleh membawa kerja rangkaian merentas sektor dan negara. Skor ialah titik permulaan perbualan, bukan keputusan. Hanya penyelaras dan pentadbir melihat halaman ini.
champions-field-stage = Peringkat
champions-stage-none = Belum dalam laluan
champions-count = { $count ->
    [0] Tiada ahli sepadan dengan penapis ini
    [one] 1 ahli
   *[other] { $count } ahli
}
champions-caption = Calon juara, skor tertinggi dahulu
champions-col-rank = Kedudukan
champions-col-member = Ahli
champions-col-score = Skor
champions-col-why = Sebab
champions-col-stage = Laluan
champions-part-influence = Pengaruh
champions-part-brokerage = Perantaraan
champions-part-activity = Aktiviti
champions-part-endorsements = Sokongan
champions-open-path = Buka laluan
champions-empty = Tiada ahli sepadan dengan penapis ini.
champions-how-title = Bagaimana skor dikira
champions-how = Setiap bahagian ialah persentil: bahagian ahli yang mempunyai nilai lebih rendah. Pengaruh ({ $influence } % daripada skor) ialah kepusatan vektor eigen dan PageRank: berhubung dengan orang yang mempunyai banyak hubungan. Perantaraan ({ $brokerage } %) ialah kepusatan antara (betweenness), berada di antara rakan sekerja dari sektor atau negara berbeza yang tiada hubungan sendiri, dan hubungan merentas sektor dan negara. Aktiviti ({ $activity } %) mengira hubungan yang direkodkan, perkenalan yang membawa kepada hubungan dan sokongan yang diberi dalam dua belas bulan lalu. Sokongan ({ $endorsements } %) mengira rakan sekerja yang menyokong kepakaran ahli. Penyelaras dan pentadbir tidak disenaraikan.
champion-reason-sectors-in = Menghubungkan { $sector } dan { $other } di { $country }: { $count } hubungan merentas sektor
champion-reason-sectors = Menghubungkan { $sector } dan { $other }: { $count } hubungan merentas sektor
champion-reason-countries = Menghubungkan { $country } dan { $other }: { $count } hubungan merentas negara
champion-reason-broker = Berada di antara { $count } pasangan rakan sekerja dari sektor berbeza yang tiada hubungan sendiri
champion-reason-central = Antara { $percent } % ahli yang paling berpusat
champion-reason-endorsed = Disokong oleh { $count } rakan sekerja
champion-reason-active = { $count } sumbangan dalam dua belas bulan lalu: hubungan, perkenalan, sokongan
champion-reason-initiatives = Peneraju atau penghubung utama bagi { $count } inisiatif yang sedang berjalan

champion-path-title = Laluan juara: { $name }
champion-profile-link = Lihat profil
champion-at-risk-note = Ahli ini berisiko. Hanya penyelaras dan pentadbir melihat laluan ini; rancang sebarang hubungan secara bersemuka dan jangan berikan peranan awam kecuali mereka memintanya.
champion-path-heading = Laluan
champion-current = Peringkat semasa: { $stage }
champion-not-on-path = Belum dalam laluan. Pilih "Calon" di bawah untuk memulakannya.
champion-why-heading = Mengapa di kedudukan ini
champion-score-of = daripada 100
champion-move-heading = Gerak di sepanjang laluan
champion-field-note-optional = Catatan (pilihan)
champion-move = Simpan peringkat
champion-note-heading = Tambah catatan atau rekodkan sokongan
champion-field-support = Sokongan yang diberi
champion-support-none = Tiada, catatan sahaja
champion-field-note = Catatan
champion-note-help = Apa yang berlaku, apa yang dipersetujui, apa seterusnya. Paling banyak { $max } aksara.
champion-add-note = Tambah ke garis masa
champion-note-first = Letakkan ahli dalam laluan dahulu; catatan disimpan bersama peringkat.
champion-timeline-heading = Garis masa
champion-timeline-empty = Belum ada apa-apa direkodkan.
champion-by = oleh { $name }
champion-former-author = akaun terdahulu
champion-done-stage = Peringkat disimpan.
champion-done-note = Ditambah ke garis masa.
error-champion-same-stage = Ahli sudah berada di peringkat ini. Tambah catatan sebaliknya.
error-champion-note-empty = Tulis catatan atau pilih sokongan yang diberi.
error-champion-not-on-path = Letakkan ahli dalam laluan dahulu: pilih peringkat.

## Introductions
network-introductions-blurb = Berkenalan dengan rakan sekerja dalam sektor dan negara lain, atau perkenalkan dua orang.
intro-title = Perkenalan
intro-intro = Perkenalan menemukan dua orang yang belum mengenali satu sama lain. Kedua-duanya melihatnya di sini dan menjawabnya; apabila kedua-duanya menerima, hubungan antara mereka direkodkan.
intro-at-risk-note = Oleh kerana profil anda ditandakan berisiko, anda tidak boleh memperkenalkan atau diperkenalkan: perkenalan akan menunjukkan anda kepada orang lain. Penyelaras boleh membantu anda bertemu rakan sekerja dengan selamat.
intro-waiting-heading = Menunggu jawapan anda
intro-waiting-none = Tiada perkenalan menunggu jawapan anda.
intro-accept = Terima
intro-decline = Tolak
intro-suggestions-heading = Orang yang mungkin anda ingin temui
intro-suggestions-help = Orang yang berkongsi rakan sekerja dengan anda, mengutamakan sektor dan negara lain, kepakaran dan bahasa yang sama.
intro-suggestions-none = Belum ada cadangan. Rekodkan hubungan anda dengan rakan sekerja, dan cadangan akan menyusul.
intro-introduce-me = Perkenalkan diri anda kepada { $name }
intro-in-person = Berisiko: perkenalkan mereka secara bersemuka, bukan melalui Roundtable.
intro-pairs-heading = Pasangan yang akan merapatkan sektor dan negara
intro-pairs-help = Dua orang yang berkongsi rakan sekerja tetapi tiada hubungan, dari sektor atau negara berbeza.
intro-pairs-none = Tiada pasangan untuk dicadangkan.
intro-and = dan
intro-introduce-them = Perkenalkan { $a } dan { $b }
intro-form-heading = Perkenalkan dua orang
intro-form-help = Pilih diri anda dan seorang rakan sekerja, atau dua rakan sekerja yang patut bertemu. Setiap seorang menerima e-mel dengan pautan ke halaman ini.
intro-field-first = Orang pertama
intro-field-second = Orang kedua
intro-field-message = Mengapa mereka patut bertemu
intro-message-help = Beberapa patah kata untuk kedua-duanya, paling banyak { $max } aksara.
intro-send = Hantar perkenalan
intro-history-heading = Perkenalan anda yang lain
intro-history-none = Belum ada.
intro-status-open = Menunggu jawapan
intro-status-connected = Kedua-duanya menerima: hubungan direkodkan
intro-status-declined = Ditutup tanpa hubungan
intro-you-asked = Anda meminta untuk bertemu { $name }
intro-asks-you = { $name } ingin bertemu anda
intro-you-introduced = Anda memperkenalkan { $a } dan { $b }
intro-introduced-you = { $introducer } memperkenalkan anda kepada { $name }
intro-introduced-you-anonymous = Seorang ahli memperkenalkan anda kepada { $name }
intro-done-sent = Perkenalan dihantar.
intro-done-accepted = Anda telah menerima. Hubungan direkodkan sebaik sahaja orang yang satu lagi juga menerima.
intro-done-connected = Anda berdua menerima: hubungan direkodkan.
intro-done-declined = Anda menolak; perkenalan ditutup.
suggestion-common = { $count ->
    [one] 1 rakan sekerja yang sama
   *[other] { $count } rakan sekerja yang sama
}
suggestion-other-sector = sektor lain: { $sector }
suggestion-other-country = negara lain: { $country }
suggestion-shared-expertise = kedua-duanya bekerja dalam { $area }
suggestion-shared-language = kedua-duanya bertutur { $language }
suggestion-between = { $a } dan { $b }
error-introduction-person = Pilih orang yang boleh anda lihat dalam direktori.
error-introduction-same = Perkenalan memerlukan dua orang yang berbeza.
error-introduction-message = Tulis beberapa patah kata tentang mengapa mereka patut bertemu.
error-introduction-at-risk = Perkenalan tidak boleh melibatkan ahli yang berisiko: perkenalan akan menunjukkan mereka kepada orang yang satu lagi. Penyelaras boleh membantu mereka bertemu rakan sekerja dengan selamat.
error-introduction-tied = Kedua-dua orang ini sudah mempunyai hubungan yang direkodkan.
error-introduction-pending = Kedua-dua orang ini sudah mempunyai perkenalan yang menunggu jawapan.
error-introduction-too-many = Anda mempunyai { $max } perkenalan yang menunggu jawapan. Tunggu beberapa jawapan sebelum menghantar lagi.
error-introduction-answer = Jawab dengan terima atau tolak.
error-introduction-answered = Perkenalan ini sudah dijawab atau ditutup.
mail-notify-introduction-received-subject = Perkenalan baharu di Roundtable
mail-notify-introduction-received-body =
    Salam sejahtera,

    Seseorang dalam rangkaian anda ingin anda berkenalan dengan seorang rakan sekerja di Roundtable. Log masuk dan buka halaman ini untuk membaca perkenalan itu dan menerima atau menolaknya:
    { $link }

    Jika anda menolak, tiada hubungan direkodkan dan tiada sesiapa diberitahu sebabnya.
error-introduction-declined = Perkenalan ini ditolak baru-baru ini. Sila tunggu seketika sebelum mencadangkannya semula.

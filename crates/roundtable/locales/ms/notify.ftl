nav-notifications = Pemberitahuan
nav-unread = belum dibaca
notify-title = Pemberitahuan
notify-settings-link = Pilih cara pemberitahuan sampai kepada anda
notify-mark-all-read = Tandakan semua sudah dibaca
notify-new = baharu
notify-none = Tiada yang baharu. Sebutan tentang anda, balasan dalam perbincangan yang anda ikuti, permintaan kumpulan dan perkenalan akan dipaparkan di sini.
notify-someone = Seseorang
notify-mention = { $actor } menyebut anda dalam “{ $title }”
notify-reply = { $actor } membalas dalam “{ $title }”
notify-group-requested = { $actor } meminta untuk menyertai { $group }
notify-group-invited = { $actor } menjemput anda menyertai { $group }
notify-group-approved = Anda kini ahli { $group }
notify-introduction-received = { $actor } menghantar perkenalan kepada anda
notify-introduction-accepted = { $actor } menerima perkenalan anda: anda kini berhubung
notify-kind-mention = Sebutan tentang saya
notify-kind-reply = Balasan dalam perbincangan yang saya ikuti
notify-kind-group = Permintaan dan jemputan kumpulan
notify-kind-introduction = Perkenalan
notify-delivery-immediate = Melalui e-mel dengan segera
notify-delivery-daily = Dalam ringkasan e-mel harian
notify-delivery-weekly = Dalam ringkasan e-mel mingguan
notify-delivery-never = Di sini sahaja, tanpa e-mel
notify-settings-title = Tetapan pemberitahuan
notify-settings-intro = Semuanya dipaparkan dalam pemberitahuan anda di Roundtable. Pilih cara setiap jenis turut sampai kepada anda melalui e-mel. E-mel tidak pernah menamakan sesiapa atau memetik apa yang ditulis: ia hanya memberitahu apa yang berlaku dan memautkan kembali ke sini.
notify-settings-save = Simpan tetapan
notify-done-saved = Tetapan pemberitahuan anda telah disimpan.
notify-done-revoked = Alamat suapan peribadi anda tidak lagi berfungsi.
notify-feed-title = Suapan peribadi kumpulan anda
notify-feed-intro = Alamat rahsia untuk pembaca suapan yang menyenaraikan perbincangan baharu dalam kumpulan anda. Sesiapa yang mempunyai alamat ini boleh membaca suapan itu: simpan untuk diri sendiri, dan buat yang baharu atau batalkannya jika terbocor.
notify-feed-created = Alamat suapan baharu anda ada di bawah. Ia dipaparkan sekali ini sahaja: salin ke dalam pembaca suapan anda sekarang.
notify-feed-address = Alamat suapan
notify-feed-exists = Anda mempunyai alamat suapan peribadi. Membuat yang baharu akan menamatkan yang lama.
notify-feed-create = Buat alamat suapan
notify-feed-new = Buat alamat baharu
notify-feed-revoke = Batalkan alamat
notify-unsubscribe-title = Hentikan e-mel
notify-unsubscribe-ask = Hentikan e-mel tentang “{ $kind }”? Anda masih akan melihatnya dalam pemberitahuan anda di Roundtable.
notify-unsubscribe-button = Hentikan e-mel ini
notify-unsubscribe-done = Anda tidak akan menerima e-mel tentang “{ $kind }” lagi. Anda boleh mengubahnya bila-bila masa dalam tetapan pemberitahuan.
error-notify-delivery = Pilih cara setiap jenis pemberitahuan sampai kepada anda.
feeds-private-title = Kumpulan anda di Roundtable
mail-notify-footer =
    Anda menerima e-mel ini kerana tetapan pemberitahuan anda untuk “{ $kind }”. Ubah tetapan di sini:
    { $settings }

    Hentikan e-mel ini dengan satu klik:
    { $unsubscribe }
mail-digest-footer =
    Pilih cara Roundtable menghantar e-mel kepada anda:
    { $settings }
mail-notify-mention-subject = Anda disebut di Roundtable
mail-notify-mention-body =
    Salam sejahtera,

    Seseorang menyebut anda dalam satu perbincangan di Roundtable. Log masuk untuk membacanya:
    { $link }
mail-notify-reply-subject = Balasan baharu di Roundtable
mail-notify-reply-body =
    Salam sejahtera,

    Terdapat balasan baharu dalam perbincangan yang anda ikuti di Roundtable. Log masuk untuk membacanya:
    { $link }
mail-notify-group-requested-subject = Permintaan untuk menyertai kumpulan anda di Roundtable
mail-notify-group-requested-body =
    Salam sejahtera,

    Seseorang meminta untuk menyertai kumpulan yang anda moderasi di Roundtable. Log masuk untuk meluluskan atau menolak:
    { $link }
mail-notify-group-invited-subject = Jemputan ke kumpulan di Roundtable
mail-notify-group-invited-body =
    Salam sejahtera,

    Anda dijemput menyertai satu kumpulan di Roundtable. Log masuk untuk menerima atau menolak:
    { $link }
mail-notify-group-approved-subject = Anda telah menyertai kumpulan di Roundtable
mail-notify-group-approved-body =
    Salam sejahtera,

    Permintaan anda untuk menyertai satu kumpulan di Roundtable telah diluluskan. Log masuk untuk mengambil bahagian:
    { $link }
mail-notify-introduction-accepted-subject = Perkenalan telah diterima di Roundtable
mail-notify-introduction-accepted-body =
    Salam sejahtera,

    Kedua-dua anda telah menerima satu perkenalan di Roundtable: anda kini berhubung. Log masuk untuk melihatnya:
    { $link }
mail-digest-daily-subject = { $count ->
   *[other] Ringkasan harian Roundtable anda: { $count } pemberitahuan baharu
}
mail-digest-weekly-subject = { $count ->
   *[other] Ringkasan mingguan Roundtable anda: { $count } pemberitahuan baharu
}
mail-digest-body =
    Salam sejahtera,

    Inilah yang menanti anda di Roundtable:

    { $lines }

    Log masuk untuk melihat semuanya:
    { $link }
mail-digest-line-mention = { $count ->
   *[other] { $count } sebutan tentang anda
}
mail-digest-line-reply = { $count ->
   *[other] { $count } balasan baharu dalam perbincangan yang anda ikuti
}
mail-digest-line-group = { $count ->
   *[other] { $count } permintaan dan jemputan kumpulan
}
mail-digest-line-introduction = { $count ->
   *[other] { $count } perkenalan
}
notify-question-asked = { $actor } bertanya kepada anda: “{ $title }”
notify-question-answered = { $actor } menjawab soalan anda “{ $title }”
notify-kind-question = Soalan kepada saya sebagai pakar, dan jawapan kepada soalan saya
mail-notify-question-asked-subject = Satu soalan untuk anda sebagai pakar di Roundtable
mail-notify-question-asked-body =
    Salam sejahtera,

    Seorang ahli rangkaian bertanya soalan dalam salah satu bidang kepakaran anda. Log masuk untuk membaca dan menjawabnya:
    { $link }
mail-notify-question-answered-subject = Soalan anda telah dijawab di Roundtable
mail-notify-question-answered-body =
    Salam sejahtera,

    Seorang pakar telah menjawab soalan anda di Roundtable. Log masuk untuk membaca jawapannya:
    { $link }
mail-digest-line-question = { $count ->
   *[other] { $count } soalan dan jawapan
}
notify-event-invited = { $actor } menjemput anda ke “{ $title }”
notify-kind-event = Jemputan ke acara
mail-notify-event-invited-subject = Jemputan ke acara di Roundtable
mail-notify-event-invited-body =
    Salam sejahtera,

    Anda dijemput ke satu acara di Roundtable. Log masuk untuk membaca tentangnya dan mendaftar:
    { $link }
mail-digest-line-event = { $count ->
   *[other] { $count } jemputan ke acara
}
notify-message = Mesej baharu dalam perbualan
notify-kind-message = Mesej baharu
mail-notify-message-subject = Mesej baharu di Roundtable
mail-notify-message-body =
    Helo,

    Anda ada mesej baharu di Roundtable. Log masuk untuk membacanya:
    { $link }
mail-digest-line-message = Mesej baharu dalam { $count } perbualan
notify-mention-message = { $actor } menyebut anda dalam perbualan
mail-notify-mention-message-subject = Anda disebut di Roundtable
mail-notify-mention-message-body =
    Helo,

    Seseorang menyebut anda dalam perbualan di Roundtable. Log masuk untuk membacanya:
    { $link }
notify-initiative-status = { $actor } menukar status “{ $title }”
notify-initiative-milestone = { $actor } menandakan satu pencapaian utama “{ $title }” sebagai selesai
notify-initiative-story = { $actor } menambah kisah perubahan pada “{ $title }”
notify-kind-initiative = Berita inisiatif yang saya ikuti
mail-notify-initiative-status-subject = Berita tentang inisiatif di Roundtable
mail-notify-initiative-status-body =
    Salam sejahtera,

    Status satu inisiatif yang anda ikuti di Roundtable telah berubah. Log masuk untuk membacanya:
    { $link }
mail-notify-initiative-milestone-subject = Berita tentang inisiatif di Roundtable
mail-notify-initiative-milestone-body =
    Salam sejahtera,

    Satu pencapaian utama bagi inisiatif yang anda ikuti di Roundtable telah selesai. Log masuk untuk membacanya:
    { $link }
mail-notify-initiative-story-subject = Berita tentang inisiatif di Roundtable
mail-notify-initiative-story-body =
    Salam sejahtera,

    Satu inisiatif yang anda ikuti di Roundtable mempunyai kisah perubahan baharu. Log masuk untuk membacanya:
    { $link }
mail-digest-line-initiative = { $count ->
   *[other] { $count } berita tentang inisiatif yang anda ikuti
}
notify-initiative-update = { $actor } menyiarkan kemas kini pada “{ $title }”
mail-notify-initiative-update-subject = Berita tentang inisiatif di Roundtable
mail-notify-initiative-update-body =
    Salam sejahtera,

    Satu inisiatif yang anda ikuti di Roundtable mempunyai kemas kini baharu. Log masuk untuk membacanya:
    { $link }

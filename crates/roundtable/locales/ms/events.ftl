nav-events = Acara
search-kind-event = Acara
events-title = Acara
events-past-title = Acara lepas
events-description = Seminar, bengkel, webinar, dialog meja bulat dan forum awam tentang pencegahan penyeksaan di Asia Tenggara.
events-intro = Pertemuan yang menghimpunkan orang daripada sektor dan negara yang berbeza: seminar, bengkel, webinar, dialog meja bulat, persidangan dan forum awam.
events-upcoming-link = Acara akan datang
events-past-link = Acara lepas
events-new = Rancang acara
events-mine-link = Acara saya
events-empty = Tiada acara untuk dipaparkan.
events-field-kind = Jenis acara
events-field-country = Negara
events-field-month = Bulan
events-subscribe = Ikuti acara awam:
events-public-calendar = Kalendar acara awam
events-public-feed = Suapan acara awam
events-my-calendar = Acara saya
events-mine-title = Acara saya
events-mine-empty = Anda tidak menganjurkan atau mendaftar untuk mana-mana acara.
events-subscription = Langganan kalendar
events-subscription-help = Alamat peribadi untuk dilanggan oleh aplikasi kalendar: ia menyenaraikan acara yang anda anjurkan atau daftari, bersama pautan mesyuarat. Sesiapa yang mempunyai alamat ini boleh membacanya, jadi simpan untuk diri sendiri; buat yang baharu jika ia terdedah.
events-subscription-new = Alamat kalendar baharu anda. Salin sekarang: ia hanya dipaparkan sekali.
events-subscription-address = Alamat kalendar
events-subscription-active = Anda mempunyai alamat kalendar yang dibuat pada { $date }.
events-subscription-create = Buat alamat kalendar
events-subscription-regenerate = Buat alamat baharu (alamat lama tidak lagi berfungsi)
events-subscription-revoke = Batalkan alamat
events-done-created = Acara telah dicipta.
events-done-saved = Perubahan disimpan.
events-done-registered = Anda telah berdaftar.
events-done-waitlisted = Acara sudah penuh: anda dalam senarai menunggu. Kami akan menghantar e-mel jika ada tempat kosong.
events-done-pending = Pendaftaran anda menunggu kelulusan penganjur.
events-done-cancelled = Pendaftaran anda telah dibatalkan.
events-done-organisers = Senarai penganjur dikemas kini.
events-done-session = Agenda dikemas kini.
events-done-questions = Soalan dikemas kini.
events-done-invited = Jemputan telah dihantar.

event-kind-seminar = Seminar
event-kind-workshop = Bengkel
event-kind-webinar = Webinar
event-kind-roundtable_dialogue = Dialog meja bulat
event-kind-conference = Persidangan
event-kind-public_forum = Forum awam
event-kind-panel = Perbincangan panel
event-kind-training = Latihan
event-mode-in_person = Bersemuka
event-mode-online = Dalam talian
event-mode-hybrid = Bersemuka dan dalam talian
event-visibility-public = Awam
event-visibility-members = Ahli
event-visibility-group = Kumpulan
event-visibility-invitation_only = Jemputan sahaja
event-visibility-help-public = sesiapa boleh melihat dan mendaftar (penyelaras sahaja)
event-visibility-help-members = semua ahli boleh melihat dan mendaftar
event-visibility-help-group = hanya ahli kumpulan yang dipilih
event-visibility-help-invitation_only = hanya ahli yang anda jemput

event-cancelled-badge = Dibatalkan
event-is-cancelled = Acara ini telah dibatalkan.
event-when = Bila
event-where = Di mana
event-online = Dalam talian
event-link-hidden = Pautan mesyuarat dipaparkan kepada peserta yang berdaftar.
event-languages = Bahasa
event-interpretation = Jurubahasa
event-hosts = Organisasi penganjur bersama
event-organisers = Penganjur
event-places = Tempat
event-places-left = { $count ->
   *[other] { $count } tempat lagi
}
event-your-time = Waktu anda: { $time }
event-add-to-calendar = Tambah ke kalendar saya (.ics)
event-zone-apply = Papar
event-agenda = Agenda
event-registration = Pendaftaran
event-over = Acara ini telah tamat.
event-registration-closed = Pendaftaran telah ditutup.
event-full-waitlist = Acara sudah penuh: anda akan masuk senarai menunggu.
event-needs-approval = Penganjur meluluskan setiap pendaftaran.
event-members-sign-in = Ahli: log masuk untuk mendaftar
event-invitation-needed = Acara ini melalui jemputan.
event-rsvp = Daftar
event-register = Daftar
event-register-privacy = Hanya penganjur dan penyelaras rangkaian yang melihat maklumat yang anda masukkan di sini. Kami menghantar satu e-mel untuk mengesahkan alamat anda.
event-field-website = Biarkan ruangan ini kosong
event-not-given = Tidak dinyatakan
event-cancel-registration = Batalkan pendaftaran saya
event-cancel-confirm-title = Batalkan pendaftaran anda?
event-cancel-confirm-text = Anda akan membatalkan pendaftaran anda untuk { $title }.
event-cancel-confirm-place = Tempat anda diberikan kepada orang seterusnya yang menunggu, dan mendaftar semula meletakkan anda di hujung giliran.
event-cancel-confirm-yes = Ya, batalkan pendaftaran saya
event-cancel-confirm-no = Kekalkan pendaftaran saya
event-status-unconfirmed = Sila sahkan alamat e-mel anda untuk melengkapkan pendaftaran.
event-status-pending = Pendaftaran anda menunggu kelulusan penganjur.
event-status-registered = Anda telah berdaftar.
event-status-waitlisted = Anda dalam senarai menunggu. Kami akan menghantar e-mel jika ada tempat kosong.
event-status-cancelled = Pendaftaran anda telah dibatalkan.
event-status-declined = Penganjur tidak dapat menerima pendaftaran anda.
event-status-short-unconfirmed = Belum disahkan
event-status-short-pending = Menunggu kelulusan
event-status-short-registered = Berdaftar
event-status-short-waitlisted = Senarai menunggu
event-status-short-cancelled = Dibatalkan
event-status-short-declined = Ditolak
event-manage = Urus acara
event-manage-agenda = Sunting agenda
event-manage-questions = Soalan pendaftaran
event-manage-organisers = Penganjur bersama
event-manage-invitations = Jemput ahli
event-edit = Sunting acara
event-registrants = Pendaftaran
event-checkin = Daftar masuk
event-taken = { $count ->
   *[other] { $count } berdaftar
}
event-waiting = { $count ->
   *[other] { $count } dalam senarai menunggu
}
event-capacity = { $count ->
   *[other] { $count } tempat
}
event-present = { $count ->
   *[other] { $count } daripada { $total } hadir
}
event-status = Status
event-answers = Jawapan
event-actions = Tindakan
event-approve = Luluskan
event-decline = Tolak
event-attended = hadir
event-no-registrants = Belum ada yang mendaftar.
event-remove = Buang
event-add = Tambah
event-add-organiser = Tambah penganjur
event-invitations = Jemputan
event-invitations-help = Ahli yang dijemput dapat melihat acara walaupun ia melalui jemputan sahaja, dan menerima e-mel.
event-invite-member = Jemput ahli
event-invite = Jemput
event-session-title = Sesi
event-session-zone = Waktu dalam zon waktu acara ({ $zone }).
event-speakers-members = Penceramah daripada rangkaian
event-speakers-guests = Penceramah jemputan (satu nama setiap baris)
event-add-session = Tambah sesi
event-questions = Soalan untuk pendaftar
event-add-question = Tambah soalan
event-check-in = Daftar masuk
event-undo-checkin = Buat asal
event-your-registration = Pendaftaran anda
event-confirm = Sahkan pendaftaran saya
event-keep-link = Simpan e-mel yang mengandungi pautan ini: ia membolehkan anda membatalkan pendaftaran.
event-check-mail-title = Semak e-mel anda
event-check-mail-title-no-mail = Pendaftaran belum disahkan
event-check-mail-text = Kami telah menghantar e-mel kepada anda. Buka pautan di dalamnya untuk mengesahkan pendaftaran anda.
event-link-gone-title = Pautan ini tidak lagi berfungsi
event-link-gone-text = Pendaftaran telah dibatalkan, atau tidak disahkan dalam masa yang ditetapkan. Anda boleh mendaftar semula dari halaman acara.
event-cancelled-title = Pendaftaran dibatalkan
event-cancelled-text = Pendaftaran anda telah dibatalkan. Terima kasih kerana memaklumkan penganjur.
event-you-organise = Anda penganjurnya

event-field-title = Tajuk
event-field-description = Keterangan
event-field-mode = Cara acara diadakan
event-field-venue = Tempat
event-field-address = Alamat
event-field-link = Pautan mesyuarat
event-field-link-help = Untuk acara dalam talian dan hibrid. Hanya peserta berdaftar yang melihatnya.
event-field-zone = Zon waktu acara
event-zone-of-country = Zon waktu negara itu sendiri
event-field-zone-help = Jika dibiarkan zon negara, acara di Malaysia menggunakan Asia/Kuala_Lumpur; pilih zon tempat itu jika negara mempunyai beberapa zon.
event-field-starts = Bermula
event-field-ends = Berakhir
event-field-visibility = Siapa boleh melihat
event-field-group = Kumpulan (untuk acara kumpulan)
event-field-capacity = Bilangan tempat (kosong: tiada had)
event-field-closes = Pendaftaran ditutup (kosong: apabila acara bermula)
event-field-approval = Penganjur meluluskan setiap pendaftaran
event-field-interpretation = Jurubahasa (contohnya: serentak Melayu–Inggeris)
event-field-cancelled = Acara ini dibatalkan

error-unknown-event-kind = Pilih jenis acara.
error-unknown-event-mode = Pilih sama ada acara bersemuka, dalam talian atau kedua-duanya.
error-unknown-event-visibility = Pilih siapa boleh melihat acara.
error-event-title-required = Berikan tajuk kepada acara.
error-event-venue-required = Nyatakan tempat bagi acara bersemuka.
error-event-link-required = Nyatakan pautan mesyuarat bagi acara dalam talian.
error-event-link = Pautan mesyuarat mestilah alamat web yang bermula dengan https://.
error-event-time-zone = Zon waktu tidak dikenali: gunakan nama IANA seperti Asia/Bangkok.
error-event-time = Nyatakan tarikh dan masa sebagai YYYY-MM-DD HH:MM.
error-event-time-ambiguous = Masa ini tidak wujud, atau wujud dua kali, dalam zon waktu acara (perubahan waktu siang). Pilih masa lain.
error-event-end-before-start = Masa tamat mesti selepas masa mula.
error-event-too-long = Sesuatu acara berlangsung paling lama 31 hari.
error-event-capacity = Bilangan tempat mestilah nombor bulat dari 1 hingga 100000.
error-event-capacity-below = { $count ->
   *[other] { $count } orang sudah mendapat tempat: bilangan tempat tidak boleh lebih rendah.
}
error-event-closes-after-start = Pendaftaran mesti ditutup sebelum acara bermula.
error-event-public-coordinators = Hanya penyelaras yang menerbitkan acara awam.
error-event-group = Pilih kumpulan yang anda sertai.
error-event-host = Organisasi tidak dikenali.
error-event-member = Pilih ahli daripada senarai.
error-event-last-organiser = Acara memerlukan sekurang-kurangnya seorang penganjur.
error-event-session-outside = Sesi mesti berlangsung dalam tempoh acara.
error-event-too-many-sessions = Agenda mempunyai paling banyak { $max } sesi.
error-event-question-required = Tulis soalan.
error-event-too-many-questions = Sesuatu acara bertanya paling banyak { $max } soalan.
error-event-month = Nyatakan bulan sebagai YYYY-MM.
error-event-cancelled = Acara ini telah dibatalkan.
error-event-registration-closed = Pendaftaran untuk acara ini telah ditutup.
error-event-already-registered = Anda sudah berdaftar untuk acara ini.
error-event-declined = Penganjur tidak dapat menerima pendaftaran anda untuk acara ini.
error-event-not-invited = Acara ini melalui jemputan sahaja.
error-event-not-registered = Anda tidak berdaftar untuk acara ini.
error-event-over = Acara ini telah tamat.
error-event-members-rsvp = Anda telah log masuk: daftar menggunakan butang di halaman acara.
error-event-register-throttled = Terlalu banyak pendaftaran dari rangkaian anda. Sila cuba lagi dalam sejam.
error-event-decision = Pendaftaran ini tidak lagi boleh diluluskan atau ditolak.

mail-event-confirm-subject = Sahkan pendaftaran anda: { $title }
mail-event-confirm-body =
    Salam sejahtera,

    Seseorang (kami harap anda) telah mendaftarkan alamat ini untuk { $title } ({ $when }). Untuk mengesahkan, buka pautan ini dalam masa { $hours } jam:
    { $link }

    Pautan yang sama membolehkan anda membatalkan pendaftaran kemudian. Jika bukan anda, abaikan e-mel ini: pendaftaran itu akan dilupakan.
mail-event-duplicate-subject = Anda sudah berdaftar: { $title }
mail-event-duplicate-body =
    Salam sejahtera,

    Seseorang cuba mendaftarkan alamat ini sekali lagi untuk { $title } ({ $when }). Pendaftaran anda kekal seperti sebelumnya; tiada apa yang berubah.

    Gunakan pautan dalam e-mel pertama yang kami hantar untuk melihat atau membatalkan pendaftaran anda. Halaman acara:
    { $link }
mail-event-unnamed = satu acara dalam Roundtable
mail-event-promoted-subject = Tempat untuk anda: { $title }
mail-event-promoted-body =
    Salam sejahtera,

    Ada tempat kosong untuk { $title } ({ $when }) dan ia milik anda: anda kini berdaftar. Jika anda tidak lagi dapat hadir, sila batalkan supaya orang lain boleh mengambilnya.

    { $link }
mail-event-approved-subject = Pendaftaran diterima: { $title }
mail-event-approved-body =
    Salam sejahtera,

    Penganjur telah menerima pendaftaran anda untuk { $title } ({ $when }).

    { $link }
mail-event-waitlisted-subject = Dalam senarai menunggu: { $title }
mail-event-waitlisted-body =
    Salam sejahtera,

    Penganjur telah menerima pendaftaran anda untuk { $title } ({ $when }), tetapi acara sudah penuh: anda dalam senarai menunggu. Kami akan menghantar e-mel jika ada tempat kosong.

    { $link }
mail-event-declined-subject = Pendaftaran tidak diterima: { $title }
mail-event-declined-body =
    Salam sejahtera,

    Penganjur tidak dapat menerima pendaftaran anda untuk { $title } ({ $when }). Terima kasih atas minat anda.

    { $link }
mail-event-cancelled-subject = Dibatalkan: { $title }
mail-event-cancelled-body =
    Salam sejahtera,

    Penganjur telah membatalkan { $title } ({ $when }). Kami memohon maaf atas kesulitan ini.

    { $link }
event-mix-title = Campuran peserta
event-mix-intro = Tetapkan campuran sektor dan negara yang anda mahu dalam bilik. Jadual menunjukkan peserta berdaftar (dan yang menunggu kelulusan) berbanding sasaran; Roundtable mencadangkan ahli untuk dijemput bagi menutup jurang.
event-mix-none = Belum ada sasaran campuran.
event-mix-caption = { $count ->
   *[other] { $count } peserta setakat ini
}
event-mix-group = Sektor atau negara
event-mix-bar = Bahagian berbanding sasaran
event-mix-now = Kini
event-mix-target = Sasaran
event-mix-share = { $count ->
   *[other] { $count } orang ({ $share } %)
}
event-mix-needed = { $count ->
   *[other] { $count } lagi untuk mencapai { $target } % daripada { $places } tempat
}
event-mix-suggested = Ahli untuk dijemput
event-mix-suggested-help = Disusun mengikut sektor dan negara yang akan mereka isi, topik dan bahasa acara, dan betapa sedikit hubungan mereka dengan peserta setakat ini. Ahli yang berisiko tidak sekali-kali dicadangkan.
event-mix-no-suggestions = Tiada cadangan: tetapkan sasaran campuran, atau semua jurang sudah ditutup.
event-mix-set = Sasaran campuran
event-mix-by-sector = Mengikut sektor
event-mix-by-country = Mengikut negara
event-mix-topics = Topik acara
event-mix-form-help = Peratus penuh daripada peserta; biarkan kosong jika tiada sasaran. Setiap senarai berjumlah paling banyak 100.
event-mix-save = Simpan campuran
event-mix-done-saved = Sasaran campuran telah disimpan.
event-mix-done-invited = Jemputan telah dihantar.
event-mix-why-fills = mengisi { $what }
event-mix-why-topic = bekerja dalam { $area }
event-mix-why-language = bertutur { $language }
event-mix-why-new = belum ada hubungan dengan peserta
event-mix-why-ties = { $count ->
   *[other] { $count } hubungan dengan peserta
}
error-event-mix-percent = Sasaran mesti peratus penuh dari 0 hingga 100.
error-event-mix-over = Sasaran berjumlah { $total } %; setiap senarai berjumlah paling banyak 100 %.
mail-event-reminder-subject = Peringatan: { $title }
mail-event-reminder-body =
    Salam sejahtera { $name },

    Peringatan: { $title } akan bermula tidak lama lagi, { $when }.

    { $place }

    Baca tentangnya di sini:
    { $link }

    Jika anda tidak lagi dapat hadir, sila batalkan pendaftaran anda supaya orang lain boleh mengambil tempat anda.
mail-event-reminder-online = Dalam talian: { $link }
events-done-feedback = Terima kasih atas maklum balas anda.
event-feedback-title = Maklum balas anda
event-feedback-rating = Bagaimana acara ini?
event-rating-5 = Cemerlang
event-rating-4 = Baik
event-rating-3 = Sederhana
event-rating-2 = Lemah
event-rating-1 = Sangat lemah
event-feedback-comment = Ulasan (pilihan)
event-feedback-help = Hanya penganjur membaca maklum balas anda; laporan menunjukkan ulasan tanpa nama.
event-feedback-send = Hantar maklum balas
event-feedback-thanks = Terima kasih: maklum balas anda telah sampai kepada penganjur.
event-materials = Bahan
event-materials-none = Belum ada bahan dipautkan.
event-material-title = Tajuk
event-material-url = Alamat web
event-material-resource = Atau sumber daripada perpustakaan
event-material-no-resource = Tiada
event-material-help = Berikan tajuk dan alamat web, atau pilih sumber daripada perpustakaan.
event-material-add = Pautkan bahan
event-actions-title = Tindakan susulan
event-actions-none = Belum ada tindakan susulan.
event-action-title = Apa yang perlu dibuat
event-action-owner = Siapa
event-action-due-field = Sebelum bila
event-action-due = tarikh akhir { $date }
event-action-add = Tambah tindakan susulan
event-action-done = Tanda selesai
event-action-reopen = Belum selesai
event-report-title = Laporan
event-report-registered = Berdaftar
event-report-attended = Hadir
event-report-rating = Penilaian
event-report-answers = { $count ->
   *[other] ({ $count } jawapan)
}
event-report-by-sector = Peserta mengikut sektor
event-report-by-country = Peserta mengikut negara
event-report-people = Orang
event-report-nobody = Belum ada yang didaftar masuk.
event-report-feedback = Maklum balas
event-report-comments = Ulasan
event-report-no-feedback = Belum ada maklum balas.
error-event-rating = Pilih penilaian dari 1 hingga 5.
error-event-due = Berikan tarikh akhir sebagai tarikh (tahun-bulan-hari).
error-event-action-required = Nyatakan apa yang perlu dibuat.
error-event-material-link = Berikan alamat web yang bermula dengan https:// atau http://.
error-event-material-title = Berikan tajuk untuk bahan itu.
error-event-material-resource = Sumber itu tiada dalam perpustakaan, atau bukan untuk anda pautkan.
error-event-too-many-items = Acara ini sudah mencapai had; buang satu dahulu.
error-event-feedback-attendees = Maklum balas adalah untuk mereka yang hadir, selepas acara bermula.
error-event-feedback-twice = Anda sudah memberi maklum balas untuk acara ini.
event-series = Siri
event-series-part = Sebahagian daripada siri
event-series-weekly = Setiap minggu
event-series-yearly = Setiap tahun
event-series-monthly = Setiap bulan pada { $weekday } { $nth }
event-series-nth-1 = pertama
event-series-nth-2 = kedua
event-series-nth-3 = ketiga
event-series-nth-4 = keempat
event-series-nth-last = terakhir
event-series-count = { $count ->
   *[other] { $count } kali
}
event-series-until = hingga { $date }
weekday-1 = Isnin
weekday-2 = Selasa
weekday-3 = Rabu
weekday-4 = Khamis
weekday-5 = Jumaat
weekday-6 = Sabtu
weekday-7 = Ahad
event-repeat = Ulang acara ini
event-repeat-how = Berapa kerap
event-repeat-monthly = Setiap bulan pada hari yang sama dalam minggu (cth. Selasa pertama)
event-repeat-end = Hingga
event-repeat-times = Beberapa kali
event-repeat-count = Berapa kali, termasuk yang ini
event-repeat-until = Hingga satu tarikh
event-repeat-until-date = Tarikh terakhir
event-repeat-help = Setiap kejadian menjadi acara tersendiri, dengan masa, tempat, penganjur dan tetapan yang sama, yang boleh diubah satu demi satu; agenda tidak disalin. Paling banyak { $max } kejadian.
event-repeat-button = Buat siri
error-event-series-rule = Pengulangan itu tidak sesuai dengan tarikh acara.
error-event-series-count = Siri mempunyai 2 hingga 52 kejadian.
error-event-series-until = Berikan tarikh terakhir selepas tarikh acara.
error-event-series-too-many = Itu akan menjadi lebih daripada 52 kejadian; pilih tarikh terakhir yang lebih awal.
error-event-series-already = Acara ini sudah sebahagian daripada siri.
awareness-title = Hari kesedaran
awareness-intro = Hari yang diperingati rangkaian setiap tahun. Setiap satu mempunyai halaman kempen yang mengumpulkan acara awam pada hari itu, negara demi negara.
awareness-victims-of-torture = Hari Antarabangsa Menyokong Mangsa Penyeksaan
awareness-victims-of-torture-about = 26 Jun: hari Konvensyen menentang Penyeksaan berkuat kuasa, pada 1987. Forum, acara berjaga dan ceramah di seluruh rantau bersama para mangsa yang terselamat.
awareness-human-rights = Hari Hak Asasi Manusia
awareness-human-rights-about = 10 Disember: hari Perisytiharan Hak Asasi Manusia Sejagat diterima pakai, pada 1948.
awareness-date = { $day } { $month }
awareness-add = Tambah hari kesedaran
awareness-name = Nama
awareness-day = Hari
awareness-month = Bulan
awareness-description = Tentang apa hari ini (pilihan)
awareness-add-button = Tambah hari
awareness-years = Tahun lain
awareness-share = { $count ->
   *[other] { $name } { $year }: { $count } acara awam di { $countries }.
}
awareness-share-none = { $name } { $year }: belum ada acara awam.
error-awareness-name = Berikan nama untuk hari itu.
error-awareness-date = Pilih hari yang wujud dalam kalendar.
error-awareness-too-many = Bilangan hari kesedaran sudah mencapai had.
month-1 = Januari
month-2 = Februari
month-3 = Mac
month-4 = April
month-5 = Mei
month-6 = Jun
month-7 = Julai
month-8 = Ogos
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Disember
event-private-participant = Peserta yang merahsiakan namanya
event-checkin-code = kod { $code }
event-your-checkin-code = Kod daftar masuk anda: { $code }. Tunjukkan di pintu jika penganjur meminta.
event-check-mail-text-no-mail = Pendaftaran anda telah dicatat, tetapi ia mesti disahkan melalui pautan yang dihantar melalui e-mel, dan rangkaian ini belum menghantar e-mel. Sila hubungi penganjur.
events-done-chat_on = Sembang acara dihidupkan. Penganjur dan ahli yang mendapat tempat berada di dalamnya.
events-done-chat_off = Sembang acara dimatikan, dan mesejnya dipadam.

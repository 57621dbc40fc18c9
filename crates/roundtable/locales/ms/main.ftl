# Malay — machine-assisted translation; marked for review by a native speaker.

site-tagline = Tempat rangkaian pencegahan penyeksaan menemui juara mereka, berkongsi amalan yang berkesan dan berkembang bersama.
skip-to-content = Langkau ke kandungan
nav-label = Utama
nav-members = Ahli
nav-organisations = Organisasi
nav-invitations = Jemputan
nav-accounts = Akaun
nav-audit = Log audit
nav-security = Sesi dan kata laluan
nav-sign-in = Log masuk
nav-sign-out = Log keluar
nav-menu = Menu
nav-profile = Profil saya
quick-exit = Keluar segera
quick-exit-help = Keluar serta-merta: log keluar dan paparkan halaman kosong. Tekan Escape dua kali juga sama.
language-switch = Bahasa:
zone-shown-in = Masa ditunjukkan dalam
footer-privacy = Roundtable menyimpan data anda di pelayan milik rangkaian anda sendiri. Tiada apa-apa di halaman ini dimuatkan dari tempat lain.

## Halaman utama
home-title = Laman utama
home-heading = Roundtable
home-invite-only = Keahlian hanya melalui jemputan daripada penyelaras rangkaian.
home-members = { $count ->
    [one] 1 ahli
   *[other] { $count } ahli
}
home-members-text = Cari orang mengikut sektor, negara, kepakaran dan bahasa.
home-organisations = { $count ->
    [one] 1 organisasi
   *[other] { $count } organisasi
}
home-organisations-text = Akademi polis, institusi hak asasi manusia, kementerian, masyarakat sivil, badan peguam, universiti.
home-profile = Profil anda
home-profile-text = Pilih apa yang anda kongsi, dan dengan siapa.
home-about-heading = Tujuan rangkaian ini
home-about-text = Tiada sesiapa dapat mencegah penyeksaan secara bersendirian. Roundtable menghubungkan jurulatih polis, Institusi Hak Asasi Manusia Kebangsaan, kementerian, peguam, doktor dan masyarakat sivil supaya amalan baik — temu bual penyiasatan, pemantauan tahanan, perlindungan undang-undang dalam tahanan — tersebar antara institusi dan negara.
home-privacy-heading = Keselamatan anda diutamakan
home-privacy-text = Setiap bahagian profil anda mempunyai tetapan keterlihatan tersendiri. Tiada apa-apa yang terbuka kepada umum melainkan anda menetapkannya begitu, dan jika anda menandakan diri anda berisiko, hanya penyelaras dapat melihat bahawa anda berada di sini.

## Ralat
error-title = Ada sesuatu yang tidak kena
error-home = Kembali ke laman utama
error-not-found = Halaman ini tidak wujud, atau anda tidak dibenarkan melihatnya.
error-forbidden = Anda tidak dibenarkan melakukan ini.
error-bad-address = Alamat ini tidak dikenali oleh Roundtable. Semak pautan, atau kembali.
error-sign-in-required = Sila log masuk terlebih dahulu.
error-csrf = Borang ini telah tamat tempoh atau datang dari laman lain. Muat semula halaman dan cuba lagi.
error-internal = Berlaku ralat di pihak kami. Tiada apa-apa yang diubah; sila cuba lagi kemudian.
error-too-large = Apa yang anda hantar terlalu besar.
error-body-unreadable = Apa yang anda hantar tidak dapat dibaca.
error-form-malformed = Borang ini tidak dapat dibaca. Muat semula halaman dan cuba lagi.
error-too-long = Teks ini terlalu panjang: maksimum { $max } aksara.
error-too-many = Anda boleh menambah maksimum { $max } item ini.
error-rate-limited = Terlalu banyak permintaan dari alamat anda. Sila tunggu sebentar dan cuba lagi.
error-busy = Roundtable sangat sibuk sekarang. Tiada apa-apa yang diubah; sila cuba lagi dalam beberapa saat.
error-control-characters = Teks ini mengandungi aksara yang tidak dibenarkan.
error-email-invalid = Ini bukan alamat e-mel yang sah.
error-email-taken = Sudah ada akaun dengan alamat e-mel ini.
error-name-required = Sila masukkan nama.
error-name-characters = Nama tidak boleh mengandungi aksara kawalan atau < >.
error-password-short = Kata laluan memerlukan sekurang-kurangnya { $min } aksara.
error-password-mismatch = Kedua-dua kata laluan tidak sama.
error-password-common = Kata laluan ini terlalu mudah diteka: ia biasa digunakan, mengikut corak atau mengandungi nama anda. Cuba beberapa perkataan yang tidak berkaitan.
error-password-current = Kata laluan semasa anda tidak betul.
error-signin-failed = Alamat e-mel atau kata laluan tidak betul.
error-signin-throttled = Terlalu banyak percubaan. Sila tunggu { $minutes } minit dan cuba lagi.
error-unknown-visibility = Keterlihatan tidak dikenali.
error-unknown-role = Peranan tidak dikenali.
error-unknown-sector = Sektor tidak dikenali.
error-unknown-expertise = Bidang kepakaran tidak dikenali.
error-unknown-contact = Jenis hubungan tidak dikenali.
error-unknown-country = Negara tidak dikenali.
error-unknown-lang = Bahasa tidak dikenali.
error-unknown-language = Bahasa tidak dikenali.
error-unknown-organisation = Organisasi tidak dikenali.
error-organisation-exists = Organisasi dengan nama ini sudah wujud di negara ini.
error-parent-loop = Organisasi tidak boleh menjadi sebahagian daripada dirinya sendiri.
error-website-invalid = Laman web mestilah alamat penuh yang bermula dengan https:// atau http://.
error-last-admin = Anda satu-satunya pentadbir: jadikan orang lain pentadbir terlebih dahulu.
error-own-role = Anda tidak boleh menukar peranan anda sendiri atau menyahaktifkan akaun anda sendiri.
error-contact-required = Sila masukkan butiran hubungan.
error-preview-audience = Pratonton sebagai ahli atau sebagai orang awam.
error-photo-empty = Sila pilih foto.
error-photo-too-large = Foto terlalu besar: maksimum { $mb } MB.
error-photo-type = Hanya foto JPEG, PNG dan WebP diterima.
error-photo-unreadable = Fail ini tidak dapat dibaca sebagai foto.

## Makluman
notice-reset = Kata laluan anda telah ditukar. Sila log masuk.
notice-signedout = Anda telah log keluar.
notice-deleted = Akaun anda telah dipadamkan.
notice-password = Kata laluan anda telah ditukar dan semua sesi lain telah dilog keluar.
notice-profile-welcome = Selamat datang ke Roundtable! Luangkan sedikit masa untuk melengkapkan profil anda dan pilih siapa yang boleh melihat setiap bahagian.
notice-profile-saved = Profil anda telah disimpan.
notice-profile-photo = Foto anda telah disimpan.

## Medan
field-email = Alamat e-mel
field-password = Kata laluan
field-new-password = Kata laluan baharu
field-confirm-password = Ulang kata laluan baharu
field-current-password = Kata laluan semasa
field-display-name = Nama paparan
field-name = Nama
field-role = Peranan
field-sector = Sektor
field-country = Negara
field-region = Bandar atau wilayah
field-bio = Tentang
field-expertise = Kepakaran
field-language = Bahasa
field-languages = Bahasa
field-organisation = Organisasi
field-organisation-optional = Organisasi (pilihan)
field-organisations = Organisasi
field-title = Gelaran atau jawatan
field-contacts = Hubungan
field-contact-kind = Saluran
field-contact-value = Alamat, nombor atau nama pengguna
field-visibility = Siapa boleh melihat ini
field-photo = Foto
field-photo-file = Fail foto
field-at-risk = Berisiko
field-at-risk-label = Saya berisiko: sembunyikan saya daripada semua orang kecuali penyelaras dan pentadbir
field-website = Laman web
field-description = Keterangan
field-parent = Sebahagian daripada
field-org-public = Paparkan organisasi ini di halaman awam
help-display-name = Nama yang dilihat oleh orang lain. Nama samaran dibenarkan.
help-display-name-visible = Semua orang yang boleh melihat profil anda akan melihat nama ini. Nama samaran dibenarkan.
help-password = Sekurang-kurangnya 12 aksara. Beberapa perkataan yang tidak berkaitan mudah diingat dan sukar diteka.
help-at-risk = Anda akan hilang daripada direktori, senarai dan carian bagi ahli lain dan orang awam. Penyelaras dan pentadbir masih dapat melihat anda supaya mereka boleh menyokong anda.
help-contacts = Setiap hubungan mempunyai tetapan keterlihatan tersendiri. Secara lalai, hanya penyelaras yang dapat melihatnya.
help-photo = JPEG, PNG atau WebP, sehingga 5 MB. Kami menyimpan salinan kecil dan membuang butiran lokasi dan kamera.
visibility-of = Siapa boleh melihat: { $field }
option-any = Semua
option-none = Tiada
option-choose = Pilih…
action-add = Tambah
action-remove = Buang
action-upload = Muat naik

## Perbendaharaan kata
visibility-private = Saya sahaja
visibility-coordinators = Penyelaras
visibility-members = Ahli
visibility-public = Semua orang (awam)
role-admin = Pentadbir
role-coordinator = Penyelaras
role-member = Ahli
sector-police = Polis
sector-government = Kerajaan
sector-nhri = Institusi hak asasi manusia / NPM
sector-civil_society = Masyarakat sivil
sector-legal = Profesion undang-undang
sector-health = Kesihatan dan forensik
sector-academia = Akademik
sector-international = Antarabangsa
sector-media = Media massa
sector-other = Lain-lain
expertise-investigative_interviewing = Temu bual penyiasatan
expertise-detention_monitoring = Pemantauan tahanan
expertise-legal_safeguards = Perlindungan undang-undang
expertise-opcat_npm = OPCAT dan NPM
expertise-torture_documentation = Dokumentasi penyeksaan (Protokol Istanbul)
expertise-victim_support = Sokongan mangsa
expertise-training = Latihan
expertise-law_reform = Pembaharuan undang-undang
expertise-research = Penyelidikan
expertise-advocacy = Advokasi
contact-email = E-mel
contact-phone = Telefon
contact-signal = Signal
contact-line = LINE
contact-whatsapp = WhatsApp
contact-telegram = Telegram
contact-other = Lain-lain
country-TH = Thailand
country-MY = Malaysia
country-PH = Filipina
country-ID = Indonesia
country-KH = Kemboja
country-LA = Laos
country-MM = Myanmar
country-VN = Vietnam
country-SG = Singapura
country-BN = Brunei
country-TL = Timor-Leste
country-BD = Bangladesh
country-LK = Sri Lanka
country-NP = Nepal
country-IN = India
country-PK = Pakistan
country-MN = Mongolia
country-KR = Korea Selatan
country-JP = Jepun
country-AU = Australia
country-NZ = New Zealand
country-CH = Switzerland
country-GB = United Kingdom
country-FR = Perancis
country-DE = Jerman
country-NL = Belanda
country-DK = Denmark
country-SE = Sweden
country-NO = Norway
country-US = Amerika Syarikat
country-CA = Kanada
lang-th = Bahasa Thai
lang-en = Bahasa Inggeris
lang-ms = Bahasa Melayu
lang-fil = Bahasa Filipino
lang-id = Bahasa Indonesia
lang-km = Bahasa Khmer
lang-lo = Bahasa Lao
lang-my = Bahasa Myanmar
lang-vi = Bahasa Vietnam
lang-zh = Bahasa Cina
lang-ta = Bahasa Tamil
lang-ceb = Bahasa Cebuano
lang-ilo = Bahasa Ilocano
lang-tet = Bahasa Tetum
lang-fr = Bahasa Perancis
lang-es = Bahasa Sepanyol
lang-ar = Bahasa Arab
lang-ja = Bahasa Jepun
lang-ko = Bahasa Korea
lang-hi = Bahasa Hindi
lang-de = Bahasa Jerman
lang-pt = Bahasa Portugis

## Log masuk, jemputan, kata laluan
signin-title = Log masuk
signin-submit = Log masuk
signin-forgot = Lupa kata laluan?
accept-title = Sertai Roundtable
accept-intro = Anda dijemput sebagai { $email }. Pilih cara anda dipaparkan dan tetapkan kata laluan.
invitations-field-name = Nama mereka (pilihan)
invitations-field-language = Bahasa jemputan
invitations-field-note = Nota peribadi (pilihan)
invitations-field-note-help = Dipetik dalam e-mel jemputan, di bawah nama anda.
accept-from-org = Anda dijemput bersama { $org }: sektor dan negara anda bermula seperti organisasi itu. Tukar, dan pilih siapa yang melihatnya, di profil anda.
accept-submit = Cipta akaun saya
invitation-gone-title = Jemputan ini tidak boleh digunakan
invitation-gone-text = Pautan ini telah tamat tempoh, telah digunakan atau telah ditarik balik. Minta jemputan baharu daripada penyelaras anda.
forgot-title = Tetapkan semula kata laluan anda
forgot-intro = Masukkan alamat e-mel akaun anda. Kami akan menghantar pautan kepada anda untuk memilih kata laluan baharu.
forgot-submit = Hantar pautan
forgot-sent-title = Semak e-mel anda
forgot-sent-text = Jika akaun wujud untuk alamat ini, pautan untuk menetapkan semula kata laluan sedang dihantar. Pautan ini boleh digunakan sekali sahaja, dalam tempoh satu jam.
reset-title = Pilih kata laluan baharu
reset-submit = Simpan kata laluan baharu
reset-gone-title = Pautan ini tidak boleh digunakan
reset-gone-text = Pautan ini telah tamat tempoh atau telah digunakan. Anda boleh meminta pautan baharu.
password-title = Tukar kata laluan anda
password-intro = Selepas pertukaran ini, semua sesi lain bagi akaun anda akan dilog keluar.
password-submit = Tukar kata laluan
sessions-title = Sesi anda
sessions-intro = Ini ialah peranti yang sedang log masuk ke akaun anda. Jika anda tidak mengenali sesuatu peranti, log keluarkannya dan tukar kata laluan anda.
sessions-current = peranti ini
sessions-unknown-device = Peranti tidak dikenali
sessions-started = Log masuk pada { $when }
sessions-last-seen = aktif terakhir { $when }
sessions-revoke = Log keluar
sessions-revoke-all = Log keluar di semua peranti
sessions-change-password = Tukar kata laluan anda
delete-title = Padam akaun saya
delete-intro = Tindakan ini memadamkan akaun anda dan seluruh profil anda — foto, hubungan, organisasi — serta-merta dan secara kekal. Log audit hanya merekodkan bahawa sebuah akaun telah dipadamkan, tanpa nama anda.
delete-submit = Padam akaun saya secara kekal
invitations-title = Jemputan
invitations-intro = Jemput seseorang melalui e-mel. Pautan boleh digunakan sekali sahaja dan tamat tempoh selepas { $days } hari.
invitations-created = Jemputan untuk { $email } telah dicipta dan sedang menunggu untuk dihantar melalui e-mel.
invitations-link = Anda juga boleh menyampaikan pautan ini melalui saluran yang anda percayai:
invitations-submit = Jemput
invitations-pending = Jemputan belum dijawab
invitations-none = Tiada jemputan yang belum dijawab.
invitations-by = dijemput oleh { $name } pada { $when }
invitations-expires = tamat tempoh { $when }
invitations-revoke = Tarik balik

## E-mel
mail-invitation-subject = { $inviter } menjemput anda ke Roundtable
mail-invitation-body =
    { $inviter } menjemput anda untuk menyertai Roundtable, ruang tempat rangkaian pencegahan penyeksaan anda bekerjasama.

    Buka pautan ini untuk memilih nama dan kata laluan anda (boleh digunakan sekali sahaja, dalam tempoh { $days } hari):
    { $link }

    Jika anda tidak menjangkakan jemputan ini, anda boleh abaikan e-mel ini.
mail-invitation-hello = Salam sejahtera,
mail-invitation-hello-name = Salam sejahtera { $name },
mail-invitation-note = { $inviter } menambah:
mail-reset-subject = Tetapkan semula kata laluan Roundtable anda
mail-reset-body =
    Salam sejahtera,

    Seseorang telah meminta untuk menetapkan semula kata laluan akaun Roundtable anda. Untuk memilih kata laluan baharu, buka pautan ini (boleh digunakan sekali sahaja, dalam tempoh { $minutes } minit):
    { $link }

    Jika itu bukan anda, abaikan e-mel ini: kata laluan anda kekal seperti sedia ada.

## Direktori
directory-title = Ahli
directory-public-note = Anda melihat ahli yang memilih untuk memaparkan sebahagian profil mereka kepada umum. Ahli yang log masuk dapat melihat lebih banyak.
directory-count = { $count ->
    [0] Tiada ahli ditemui
    [one] 1 ahli ditemui
   *[other] { $count } ahli ditemui
}
directory-empty = Tiada sesiapa yang sepadan dengan penapis ini.
filter-text = Nama, organisasi atau biodata
filter-text-org = Nama atau keterangan
filter-text-account = Nama atau alamat e-mel
filter-submit = Tapis
filter-clear = Kosongkan penapis
pager-label = Halaman
pager-previous = ← Sebelumnya
pager-next = Seterusnya →
pager-position = Halaman { $page } daripada { $pages }

## Profil
profile-at-risk-badge = Berisiko: disembunyikan daripada ahli
profile-edit = Sunting profil saya
profile-photo-of = Foto { $name }
preview-title = Pratonton
preview-as-member = Beginilah ahli lain melihat profil anda.
preview-as-public = Beginilah orang awam melihat profil anda.
preview-member = Pratonton sebagai ahli
preview-public = Pratonton sebagai orang awam
preview-back = Kembali menyunting
preview-hidden = Khalayak ini tidak dapat melihat profil anda langsung.
edit-title = Profil saya
edit-intro = Di sebelah setiap bahagian, pilih siapa yang boleh melihatnya. Nama paparan anda ditunjukkan kepada semua orang yang boleh melihat profil anda.
edit-view = Lihat profil saya
edit-about = Tentang saya
edit-visibility-more = Lagi tetapan keterlihatan
edit-save = Simpan

## Organisasi
orgs-title = Organisasi
orgs-new = Organisasi baharu
orgs-edit = Sunting organisasi
orgs-count = { $count ->
    [0] Tiada organisasi ditemui
    [one] 1 organisasi
   *[other] { $count } organisasi
}
orgs-empty = Tiada organisasi yang sepadan dengan penapis ini.
orgs-none-yet = Belum ada organisasi.
orgs-part-of = sebahagian daripada { $name }
orgs-units = Unit
orgs-members = Ahli
orgs-no-members = Tiada ahli untuk dipaparkan.
orgs-public = Awam
orgs-members-only = Ahli sahaja

## Pentadbiran
users-title = Akaun
users-last-seen = Terakhir dilihat
users-status = Status akaun
users-active = Aktif
users-inactive = Dinyahaktifkan
users-change-role = Tukar
users-deactivate = Nyahaktifkan
users-reactivate = Aktifkan semula
audit-title = Log audit
audit-intro = Log masuk, log masuk yang gagal, jemputan, perubahan peranan dan keterlihatan. Alamat IP hanya disimpan sebagai awalan rangkaian.
audit-when = Bila
audit-action = Peristiwa
audit-actor = Oleh
audit-target = Akaun
audit-detail = Butiran
audit-network = Rangkaian
audit-empty = Belum ada apa-apa yang direkodkan.
audit-none-match = Tiada yang sepadan dengan penapis ini.
audit-account-gone = akaun yang telah dipadam
audit-detail-command-line = { $role }, dari baris arahan
audit-detail-tie = { $a } dan { $b }: { $kind }
audit-detail-pair = { $a } dan { $b }
audit-detail-at-risk-on = Kini berisiko
audit-detail-at-risk-off = Tidak lagi berisiko
audit-filter-kind = Jenis
audit-filter-all = Semua jenis
audit-filter-not-signins = Semua kecuali log masuk
audit-filter-person = Orang (nama atau alamat e-mel)
audit-signin = Log masuk
audit-signin_failed = Log masuk gagal
audit-signin_throttled = Log masuk ditolak (terlalu banyak percubaan)
audit-signed_out_everywhere = Log keluar di semua peranti
audit-invitation_created = Jemputan dicipta
audit-invitation_revoked = Jemputan ditarik balik
audit-invitation_renewed = Jemputan diperbaharui
audit-invitation_accepted = Jemputan diterima
audit-account_created = Akaun dicipta
audit-role_changed = Peranan ditukar
audit-account_deactivated = Akaun dinyahaktifkan
audit-account_reactivated = Akaun diaktifkan semula
audit-visibility_changed = Keterlihatan ditukar
audit-at_risk_changed = Status berisiko ditukar
audit-password_changed = Kata laluan ditukar
audit-password_reset = Kata laluan ditetapkan semula
audit-account_deleted = Akaun dipadamkan
audit-champion_stage_changed = Peringkat juara diubah
audit-tie_recorded = Hubungan direkodkan
audit-tie_removed = Hubungan dibuang

endorsements-count = { $count ->
    [one] disokong oleh 1 ahli
   *[other] disokong oleh { $count } ahli
}
endorsements-add = Sokong
endorsements-withdraw = Tarik balik sokongan saya
error-endorse-self = Anda tidak boleh menyokong diri sendiri.
error-endorse-area = Anda hanya boleh menyokong bidang yang disenaraikan oleh ahli ini sebagai kepakarannya.

## Network and ties
nav-network = Rangkaian
network-title = Rangkaian
network-intro = Siapa bekerja dengan siapa merentas sektor dan negara, dikira daripada hubungan yang direkodkan ahli dan kerja yang mereka kongsi.
network-me = Anda mempunyai { $ties } hubungan: { $cross_sector } merentas sektor dan { $cross_country } merentas negara.
network-ties-blurb = Orang yang anda kenali dan pernah bekerjasama.
network-size = Rangkaian yang boleh anda lihat: { $members } ahli, { $ties } hubungan.
ties-title = Hubungan
ties-intro = Rekodkan orang yang anda kenali dan pernah bekerjasama. Hubungan tidak pernah ditunjukkan kepada umum; hubungan dengan ahli yang berisiko hanya dilihat oleh penyelaras.
ties-none = Belum ada hubungan direkodkan.
ties-record-between = Rekodkan hubungan antara dua ahli
ties-record-between-help = Sebagai penyelaras anda boleh merekodkan hubungan bagi pihak ahli, contohnya selepas mesyuarat. Ia dicatat dalam log audit.
ties-how-to-record = Untuk merekodkan hubungan, buka profil rakan sekerja dan gunakan "Rekodkan hubungan".
tie-field-member = Ahli
tie-field-other = Dengan
tie-choose = Pilih ahli
tie-field-kind = Bagaimana anda saling mengenali
tie-field-strength = Sejauh mana rapat
tie-strength-unsaid = Tidak dinyatakan
tie-strength-1 = Sekadar kenal
tie-strength-2 = Hubungan sekali-sekala
tie-strength-3 = Hubungan tetap
tie-strength-4 = Rakan sekerja rapat
tie-strength-5 = Sangat rapat
tie-field-since = Sejak
tie-since-help = Tahun, atau tahun dan bulan, contohnya 2019 atau 2019-06.
tie-since = sejak { $since }
tie-from-introduction = melalui perkenalan
tie-record = Rekodkan hubungan
ties-recorded = Hubungan telah direkodkan. Ia dikira dalam rangkaian mulai sekarang.
tie-record-with = Rekodkan hubungan dengan { $name }
tie-remove = Buang
tie-knows = Kenal
tie-worked_together = Pernah bekerjasama
tie-trained_or_mentored = Melatih atau membimbing
tie-co_organised = Menganjurkan aktiviti bersama
stage-candidate = Calon
stage-approached = Telah didekati
stage-active = Juara aktif
stage-alumni = Alumni
support-training_materials = Bahan latihan
support-expert_contact = Hubungan pakar
support-speaking_opportunity = Peluang berucap
support-mentoring = Bimbingan
support-event_invitation = Jemputan ke acara
error-unknown-tie = Jenis hubungan tidak dikenali.
error-unknown-stage = Peringkat tidak dikenali.
error-unknown-support = Jenis sokongan tidak dikenali.
error-tie-since = Berikan permulaan sebagai tahun, atau tahun dan bulan seperti 2019-06, tidak lewat daripada tahun ini.
error-tie-strength = Tahap kerapatan mesti antara 1 dan 5.
error-tie-member = Pilih ahli yang boleh anda lihat dalam direktori.
error-tie-self = Hubungan memerlukan dua orang yang berbeza.
mail-off-banner = E-mel tidak dihantar: tiada pelayan e-mel ditetapkan (ROUNDTABLE_SMTP_URL). Jemputan, tetapan semula kata laluan dan pengesahan acara menunggu sehingga ia ditetapkan. Sementara itu, sampaikan pautan jemputan sendiri.
invitations-created-no-mail = Jemputan untuk { $email } telah dicipta. Pelayan ini belum menghantar e-mel: sampaikan pautan di bawah sendiri, melalui saluran yang anda percayai.
invitations-pending-already = { $email } mempunyai jemputan yang masih terbuka. Pautannya ditunjukkan sekali dan tidak disimpan: perbaharui untuk mendapatkan pautan baharu (pautan lama tidak lagi berfungsi).
invitations-renew = Perbaharui dan tunjukkan pautan
error-unknown-audit = Ini bukan jenis peristiwa yang direkodkan oleh log audit.
home-events-tile = Acara
home-events-tile-text = Forum awam, panel dan hari kesedaran, terbuka kepada semua.
home-library-tile = Perpustakaan sumber
home-library-tile-text = Panduan, bahan latihan dan laporan untuk dibaca dan dikongsi.

# Second factors
signin-shared = Ini peranti yang dikongsi
signin-shared-help = Log keluar apabila pelayar ditutup dan selepas 30 minit tanpa digunakan.
notice-expired = Log masuk itu mengambil masa terlalu lama atau terlalu banyak kod salah. Sila log masuk semula.
code-title = Kod sekali guna anda
code-field = Kod
code-help = Enam digit yang dipaparkan oleh aplikasi pengesah anda sekarang, atau salah satu kod pemulihan anda.
code-start-again = Mula semula
error-code-wrong = Kod itu tidak betul. { $count ->
    [one] Satu cubaan lagi.
   *[other] { $count } cubaan lagi.
}
error-code-setup = Kod itu tidak betul. Semak masa pada telefon anda dan taip kod yang dipaparkan aplikasi sekarang.
error-totp-on-already = Kod sekali guna sudah dihidupkan.
error-totp-off = Hidupkan kod sekali guna dahulu.
security-title = Keselamatan log masuk
security-totp = Kod sekali guna
security-totp-on = Kod sekali guna dihidupkan: log masuk meminta kod daripada aplikasi pengesah selepas kata laluan.
security-totp-off = Gunakan aplikasi pengesah (seperti Aegis, FreeOTP atau Google Authenticator) untuk kod enam digit pada setiap log masuk.
security-totp-start = Sediakan kod sekali guna
security-totp-remove = Matikan kod sekali guna
security-recovery-left = { $count ->
    [0] Anda tiada kod pemulihan lagi: buat yang baharu.
    [one] Anda ada 1 kod pemulihan lagi.
    *[other] Anda ada { $count } kod pemulihan lagi.
}
security-recovery-new = Buat kod pemulihan baharu
totp-title = Sediakan kod sekali guna
totp-step-app = Buka aplikasi pengesah anda dan tambah akaun.
totp-step-scan = Imbas kod ini dengannya:
totp-qr-label = Kod QR kunci kod sekali guna anda
totp-or-type = Atau taip kunci ini:
totp-step-code = Taip enam digit yang dipaparkan aplikasi.
totp-confirm = Hidupkan kod sekali guna
recovery-title = Kod pemulihan anda
recovery-intro = Jika telefon anda hilang, setiap satu daripada { $count } kod ini membolehkan anda log masuk sekali sebagai ganti kod sekali guna. Tulis atau cetak halaman ini, dan simpan di tempat selamat.
recovery-once = Kod ini hanya dipaparkan sekarang. Membuat yang baharu menghentikan kod ini.
recovery-done = Saya sudah menyimpannya
sessions-second-factor = dengan faktor kedua
sessions-shared = peranti dikongsi
audit-second_factor_added = Faktor kedua dihidupkan
audit-second_factor_removed = Faktor kedua dimatikan
mail-new-device-subject = Log masuk baharu ke akaun Roundtable anda
mail-new-device-body =
    Akaun anda baru sahaja dilog masuk dari peranti yang belum pernah dilihat:

        { $device }, { $when }

    Jika itu anda, tiada apa yang perlu dibuat. Jika bukan, tukar kata laluan anda segera dan log keluar semua sesi di "Sesi dan kata laluan".
factor-policy-nobody = Tiada sesiapa (setiap orang memilih)
factor-policy-staff = Penyelaras dan pentadbir
factor-policy-everyone = Semua orang
factor-due-by = Rangkaian anda meminta anda menghidupkan faktor kedua sebelum { $date }.
factor-overdue = Rangkaian anda mewajibkan faktor kedua untuk akaun anda: halaman penyelaras dan pentadbir ditutup sehingga anda menghidupkannya.
error-second-factor-required = Rangkaian anda mewajibkan faktor kedua untuk ini. Hidupkan kod sekali guna di Sesi dan kata laluan → Keselamatan log masuk.
error-grace-days = Berikan bilangan hari dari 0 hingga { $max }.
error-policy-own-factor-first = Hidupkan faktor kedua anda sendiri dahulu, supaya ini tidak menutup halaman anda sendiri.
policy-title = Dasar faktor kedua
policy-intro = Faktor kedua menjaga akaun apabila kata laluannya dicuri atau diteka. Penyelaras dan pentadbir melihat setiap ahli yang berisiko: sekurang-kurangnya wajibkan untuk mereka.
policy-without = Tanpa faktor kedua sekarang: { $staff } penyelaras dan pentadbir, { $everyone } akaun kesemuanya.
policy-grace-until = Mereka yang belum mempunyainya ada masa sehingga { $date }.
policy-required-for = Siapa yang mesti menggunakannya
policy-grace-days = Hari untuk menyediakannya
policy-grace-help = Sehingga itu, akses dikekalkan dan setiap halaman membimbing mereka untuk menyediakannya; selepas itu, halaman penyelaras dan pentadbir ditutup sehingga mereka mempunyainya. 0: serta-merta.
audit-signin_policy_changed = Dasar faktor kedua diubah
audit-detail-policy = { $policy }, { $days } hari untuk menyediakannya
nav-policy = Faktor kedua
invitations-revoke-title = Tarik balik jemputan ini?
invitations-revoke-text = Pautan yang dihantar kepada { $email } akan berhenti berfungsi serta-merta. Anda boleh menjemput mereka semula kemudian.
invitations-revoke-yes = Tarik balik jemputan
invitations-revoke-no = Simpan
invitations-withdrawn = Jemputan ditarik balik: pautannya tidak lagi berfungsi.
orgs-created = Organisasi dicipta.
orgs-saved = Perubahan disimpan.
error-limit-day = Anda telah melakukan ini { $max } kali hari ini, paling banyak untuk sehari. Sila cuba lagi esok.
error-limit-minutes = Anda telah melakukan ini { $max } kali dalam { $minutes } minit. Sila tunggu sebentar dan cuba lagi.
bulk-title = Jemput senarai orang
bulk-link = Jemput senarai orang sekali gus
bulk-intro = Tampal sehingga { $max } orang, seorang satu baris: alamat e-mel, nama, organisasi (nama dan organisasi boleh ditinggalkan). Salin lajur dari hamparan, atau pisahkan dengan koma atau koma bertitik. Setiap orang menerima pautan sekali guna melalui e-mel, sah selama 7 hari.
bulk-field-people = Orang
bulk-field-people-help = Contoh: siti@example.my, Siti Aminah, Majlis Peguam
bulk-field-organisation = Organisasi bagi semua yang tiada organisasi pada barisnya (pilihan)
bulk-submit = Jemput semua yang boleh dijemput
bulk-sent = { $count ->
   *[other] { $count } jemputan dihantar
}
bulk-refused = { $count ->
    [0] Tiada baris ditolak
   *[other] { $count } baris ditolak
}
bulk-links = Pautan ditunjukkan sekali ini sahaja; anda juga boleh menghantarnya melalui saluran yang anda percayai.
bulk-link-column = Pautan
bulk-line = Baris
bulk-reason = Sebab
bulk-error-empty = Senarai tidak mengandungi sesiapa untuk dijemput.
bulk-error-too-many = Senarai boleh mengandungi paling banyak { $max } orang; bahagikannya.
bulk-error-twice = Alamat ini ada dua kali dalam senarai.
bulk-error-pending = Alamat ini mempunyai jemputan yang masih terbuka; perbaharuinya di halaman jemputan.
bulk-error-limit = Anda boleh menghantar { $max } jemputan sehari; { $left } lagi hari ini. Pendekkan senarai atau hantar selebihnya esok.

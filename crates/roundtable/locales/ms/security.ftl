# Passkeys and confirming who one is
security-intro = Faktor kedua menjaga akaun anda walaupun seseorang mengetahui kata laluan anda. Perubahan di sini meminta anda mengesahkan diri jika anda log masuk lebih daripada sepuluh minit yang lalu.
security-confirm-first = Anda akan diminta kata laluan (atau kunci laluan) sebelum sebarang perubahan di sini.
security-done-removed = Kod sekali guna telah dimatikan.
security-done-passkey = Kunci laluan ditambah.
security-done-passkey-removed = Kunci laluan dibuang.
security-passkeys = Kunci laluan
security-passkeys-intro = Kunci laluan membolehkan anda log masuk dengan kunci skrin telefon atau komputer (cap jari, wajah atau PIN) tanpa menaip kata laluan, dan tidak boleh dicuri melalui pancingan data. Tambah satu pada setiap peranti yang anda gunakan.
security-passkeys-none = Anda belum mempunyai kunci laluan.
security-passkeys-unavailable = Kunci laluan memerlukan laman ini dicapai melalui namanya (seperti localhost atau roundtable.example.org), bukan alamat IP. Kod sekali guna berfungsi di sini.
security-recovery = Kod pemulihan
passkey-add = Tambah kunci laluan
passkey-add-title = Tambah kunci laluan
passkey-add-intro = Beri kunci laluan ini nama yang anda kenali, kemudian tekan butang: peranti anda meminta kunci skrinnya dan menyimpan kunci laluan itu.
passkey-name = Nama kunci laluan ini
passkey-name-help = Contohnya "Telefon saya" atau "Komputer riba pejabat". Hanya anda yang melihatnya.
passkey-unnamed = Kunci laluan
passkey-use = Gunakan kunci laluan saya
passkey-needs-script = Kunci laluan memerlukan JavaScript, yang dimatikan atau disekat dalam pelayar ini. Anda masih boleh menggunakan kata laluan dan kod sekali guna.
passkey-not-given = Tiada kunci laluan diberikan. Tekan butang untuk mencuba lagi, atau kembali dan gunakan kata laluan anda.
passkey-added = ditambah { $date }
passkey-last-used = kali terakhir digunakan { $date }
passkey-never-used = belum digunakan
passkey-remove = Buang { $name }
passkey-signin-title = Log masuk dengan kunci laluan
passkey-signin-intro = Tekan butang dan buka kunci laluan anda dengan kunci skrin peranti anda.
passkey-second-intro = Tekan butang dan buka kunci laluan anda dengan kunci skrin peranti untuk melengkapkan log masuk.
passkey-confirm-intro = Tekan butang dan buka kunci laluan anda dengan kunci skrin peranti anda.
signin-or = atau
signin-passkey = Log masuk dengan kunci laluan
code-use-passkey = Gunakan kunci laluan
code-or = Atau taip kod:
code-help-recovery = Salah satu kod pemulihan anda.
confirm-title = Sahkan bahawa ini anda
confirm-why = Perubahan ini memerlukan anda mengesahkan diri, kerana anda log masuk lebih daripada sepuluh minit yang lalu. Belum ada apa-apa yang diubah: selepas mengesahkan, anda kembali ke halaman itu dan boleh membuat perubahan.
confirm-with-passkey = Sahkan dengan kunci laluan
confirm-or-password = Atau dengan kata laluan anda:
confirm-submit = Sahkan
error-confirm-code = Kod itu tidak betul. Taip kod yang ditunjukkan aplikasi sekarang, atau salah satu kod pemulihan anda.
error-passkeys-unavailable = Kunci laluan tidak berfungsi di laman ini. Log masuk dengan kata laluan dan kod sekali guna.
error-passkey-refused = Kunci laluan itu tidak dapat diterima. Cuba lagi, atau gunakan kata laluan anda.
error-passkey-unreadable = Jawapan pelayar tidak dapat dibaca. Sila cuba lagi.
error-passkey-expired = Permintaan kunci laluan itu telah tamat tempoh atau sudah digunakan. Sila mula semula.
error-passkey-known = Kunci laluan itu sudah didaftarkan.
error-passkey-too-many = Akaun ini mempunyai { $max } kunci laluan, paling banyak yang dibenarkan. Buang satu yang tidak digunakan lagi untuk menambah yang lain.

# Account recovery by an admin
audit-recovery_issued = Pemulihan akaun dikeluarkan
audit-recovery_approved = Pemulihan akaun diluluskan
audit-recovery_cancelled = Pemulihan akaun dibatalkan
audit-recovery_used = Akaun dipulihkan
recovery-link = Pemulihan
recovery-admin-title = Pemulihan akaun untuk { $name }
recovery-admin-intro = Untuk ahli yang kehilangan semua faktor kedua. Mula-mula pastikan siapa yang meminta melalui saluran lain yang anda percayai (panggilan, pertemuan), jangan melalui e-mel sahaja. Pautan berfungsi hanya { $hours } jam selepas diluluskan, selama { $days } hari: ahli itu dihantar e-mel serta-merta dan boleh membatalkannya. Akaun penyelaras atau pentadbir memerlukan kelulusan pentadbir kedua.
recovery-issue = Keluarkan pautan pemulihan
recovery-none = Tiada pemulihan dimulakan untuk akaun ini.
recovery-issued-link = Berikan pautan ini kepada { $name } melalui saluran tempat anda mengesahkan identiti mereka. Ia ditunjukkan sekarang sahaja.
recovery-issued-from = Ia berfungsi mulai { $date }.
recovery-issued-needs-approval = Pentadbir kedua mesti meluluskannya dahulu; ia berfungsi { $hours } jam selepas itu.
recovery-issued-by = Dikeluarkan oleh { $name } pada { $date }
recovery-approved-by = diluluskan oleh { $name }
recovery-state-waiting = menunggu kelulusan pentadbir kedua
recovery-state-delayed = berfungsi mulai { $date }
recovery-state-usable = berfungsi sekarang, hingga { $date }
recovery-state-used = telah digunakan
recovery-state-cancelled = dibatalkan
recovery-state-expired = tamat tempoh
recovery-approve = Luluskan
recovery-cancel = Batalkan
error-recovery-self = Anda tidak boleh memulihkan akaun anda sendiri: minta pentadbir lain.
error-recovery-open = Pemulihan akaun ini sudah dibuka. Batalkannya dahulu.
error-recovery-not-waiting = Pemulihan ini tidak menunggu kelulusan.
error-recovery-second-admin = Pentadbir kedua mesti meluluskan: bukan yang mengeluarkannya, dan bukan pemilik akaun.
mail-recovery-subject = Pemulihan akaun Roundtable anda telah dimulakan
mail-recovery-body =
    Seorang pentadbir rangkaian anda telah memulakan pemulihan akaun Roundtable anda, kerana faktor keduanya dilaporkan hilang. Pautan pemulihan berfungsi mulai { $date }; menggunakannya menetapkan kata laluan baharu dan membuang kod sekali guna dan kunci laluan anda.

    Jika anda tidak memintanya, batalkan sekarang dan maklumkan penyelaras rangkaian anda:

    { $cancel }
mail-recovery-body-staff =
    Seorang pentadbir rangkaian anda telah memulakan pemulihan akaun Roundtable anda, kerana faktor keduanya dilaporkan hilang. Selepas pentadbir kedua meluluskannya, pautan pemulihan berfungsi selepas { $hours } jam; menggunakannya menetapkan kata laluan baharu dan membuang kod sekali guna dan kunci laluan anda.

    Jika anda tidak memintanya, batalkan sekarang dan maklumkan penyelaras rangkaian anda:

    { $cancel }
recover-title = Pulihkan akaun anda
recover-intro = Pilih kata laluan baharu. Kod sekali guna, kunci laluan dan kod pemulihan anda dibuang dan setiap sesi dilog keluar. Selepas log masuk, sediakan faktor kedua semula.
recover-submit = Tetapkan kata laluan baharu
recover-not-yet = Pautan pemulihan ini berfungsi mulai { $date }. Sehingga itu, tiada apa yang boleh dilakukan dengannya.
recover-not-approved = Pautan pemulihan ini menunggu kelulusan pentadbir kedua.
recover-gone-title = Pautan ini tidak berfungsi
recover-gone-text = Pautan pemulihan telah digunakan, dibatalkan atau tamat tempoh. Hubungi pentadbir rangkaian anda jika anda masih memerlukan bantuan.
recover-cancel-title = Batalkan pemulihan akaun ini?
recover-cancel-text = Jika anda tidak meminta akaun anda dipulihkan, batalkannya: pautannya tidak akan berfungsi. Kemudian maklumkan penyelaras rangkaian anda.
recover-cancel-yes = Batalkan pemulihan
recover-cancelled = Pemulihan dibatalkan: pautannya tidak akan berfungsi.
notice-recovered = Akaun anda telah dipulihkan. Log masuk dengan kata laluan baharu, kemudian sediakan faktor kedua semula.
error-passkey-shared-device = Tambah kunci laluan dari peranti anda sendiri: kunci laluan yang disimpan oleh komputer kongsi membolehkan sesiapa di situ log masuk sebagai anda.
confirm-recovery-code = Kod pemulihan
confirm-recovery-help = Akaun anda mempunyai kunci laluan tetapi tiada aplikasi pengesah, jadi dengan kata laluan ia memerlukan salah satu kod pemulihan anda, yang kemudiannya habis digunakan. Kunci laluan ialah cara yang lebih baik.
error-recovery-no-mail = E-mel tidak dihantar dari pelayan ini, jadi ahli tidak dapat diberi amaran dan tidak dapat membatalkan. Sediakan e-mel keluar dahulu (ROUNDTABLE_SMTP_URL).
mail-recovered-subject = Akaun Roundtable anda telah dipulihkan
mail-recovered-body =
    Akaun Roundtable anda baru sahaja dipulihkan dengan pautan pemulihan: kata laluan baharu ditetapkan, dan kod sekali guna, kunci laluan dan sesi anda dibuang.

    Jika ini bukan anda, maklumkan penyelaras dan pentadbir rangkaian anda dengan segera.
sessions-revoke-others = Log keluar di tempat lain
notice-signed-out-elsewhere = Setiap sesi lain telah dilog keluar; sesi ini kekal.
security-sign-out-others = Jika orang lain mungkin telah log masuk ke akaun anda, log keluar setiap sesi lain: mereka kemudian memerlukan perubahan ini untuk log masuk semula.

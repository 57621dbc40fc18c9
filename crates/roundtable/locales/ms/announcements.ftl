announcements-title = Pengumuman
announcements-new = Pengumuman baharu
announcements-current = Semasa
announcements-none = Tiada pengumuman untuk anda sekarang.
announcements-yours = Pengumuman yang anda urus
announcements-until = hingga { $date }
announcements-ended = telah tamat
announcements-dismiss = Tutup
announcements-network = Seluruh rangkaian
announcements-group = Ahli { $group }
announcements-translated = juga dalam { $languages }
announcements-translate = Tambah terjemahan
announcements-end = Tamatkan sekarang
announcements-audience = Untuk
announcements-language = Bahasa
announcements-field-title = Tajuk
announcements-field-body = Teks
announcements-field-ends = Tunjukkan hingga (termasuk)
announcements-field-mail = Hantar juga melalui e-mel kepada semua yang berkenaan
announcements-post = Siarkan pengumuman
announcements-save-translation = Simpan terjemahan
announcements-done-posted = Pengumuman disiarkan.
announcements-done-ended = Pengumuman ditamatkan.
announcements-done-translated = Terjemahan disimpan.
announcements-done-dismissed = Ditutup.
error-announcement-empty = Pengumuman memerlukan tajuk dan teks.
error-announcement-end = Pilih tarikh tamat dari hari ini hingga setahun akan datang.
error-announcement-audience = Pilih untuk siapa pengumuman ini.
error-announcement-same-language = Terjemahan mestilah dalam bahasa lain daripada asal.
mail-announcement-body =
    { $title }

    { $text }

    Roundtable: { $link }

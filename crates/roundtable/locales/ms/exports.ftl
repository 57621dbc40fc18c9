export-download = Muat turun senarai ini:
export-csv = CSV
export-xlsx = Excel (XLSX)
export-note = Fail yang dimuat turun berada di luar perlindungan Roundtable: ia tidak pernah mengandungi ahli yang berisiko, dan hanya memuatkan apa yang anda boleh lihat di sini. Simpan dengan selamat dan padamkan apabila selesai.
export-ties = Muat turun hubungan rangkaian:
export-ties-note = Untuk Gephi, hamparan atau roundtable analyze. Fail memuatkan rangkaian seperti yang dilihat oleh setiap ahli, tidak pernah ahli yang berisiko atau hubungan mereka.
export-profile = Profil
audit-directory_exported = Direktori dimuat turun
audit-ties_exported = Hubungan dimuat turun
export-yes = Ya
export-registrants-note = Fail ini berada di luar perlindungan Roundtable: ia tidak pernah mengandungi ahli yang berisiko atau peserta yang merahsiakan nama mereka. Padamkannya apabila susulan acara selesai.
export-address = Alamat
export-downloads = Muat turun
export-catalogue = Muat turun katalog:
my-data-title = Data anda
my-data-link = Muat turun semua yang Roundtable simpan tentang anda
my-data-what = Satu fail zip: akaun dan profil anda dengan siapa yang melihat setiap medan, kenalan dan organisasi anda, hubungan dan sokongan, kumpulan anda, apa yang anda tulis di forum, pendaftaran acara, sumber yang anda kongsi, dan fail siaran serta sumber anda. Orang lain hanya muncul seperti yang anda lihat di sini.
my-data-warning = Fail ini berada di luar perlindungan Roundtable: sesiapa yang mendapatnya boleh membaca semua ini. Simpan pada peranti yang hanya anda gunakan, dan padamkan apabila tidak diperlukan lagi.
my-data-submit = Muat turun data saya (zip)
my-data-messages = Perbualan anda dieksport secara berasingan, di bawah Mesej.
audit-own_data_exported = Data sendiri dimuat turun
audit-registrants_exported = Pendaftar dimuat turun
export-error-secret = Acara kumpulan rahsia kekal di dalam Roundtable: pendaftarnya tidak dimuat turun.
import-error-no-email = Tiada lajur yang mengandungi alamat e-mel: namakan satu "Emel".
import-error-organisation = Tiada organisasi bernama “{ $name }”: tambahkannya (atau import organisasi) dahulu.
import-error-value = “{ $value }” bukan salah satu nilai yang dikenali.
import-error-twice = Alamat yang sama seperti baris { $row }.
import-error-problems = Fail ini mempunyai masalah: tiada apa-apa diimport. Betulkan dan import semula.
invitations-imported-title = Diimport, belum dijemput
invitations-imported-waiting = { $count ->
   *[other] { $count } orang yang diimport daripada hamparan menunggu jemputan mereka. Tiada siapa melihat mereka, dan mereka tidak menerima e-mel, sehingga anda menghantarnya; mereka dilupakan selepas 90 hari.
}
invitations-imported-send = { $count ->
   *[other] Hantar kesemua { $count } jemputan
}
invitations-imported-sent = Jemputan telah dihantar.

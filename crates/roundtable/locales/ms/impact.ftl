## Kemajuan dan impak: papan pemuka penyelaras dan angka untuk umum

nav-impact = Impak
impact-title = Impak
impact-lead = Apa yang dilakukan rangkaian dalam satu tempoh: acara dan siapa yang mengambil bahagian, hubungan baharu, juara, inisiatif dan penunjuknya, perpustakaan dan soalan kepada pakar. Setiap jadual boleh dimuat turun sebagai CSV, dan halaman ini boleh dicetak sebagai laporan.
impact-quarter = Suku { $q } { $year }
impact-period-printed = Tempoh: { $from } hingga { $to }
impact-from = Dari
impact-to = Hingga
impact-show = Tunjukkan
impact-last-year = Empat suku tahun terakhir
impact-print-hint = Untuk menyimpan laporan bagi kajian semula tahunan atau penyumbang dana, cetak halaman ini atau simpan sebagai PDF melalui menu pelayar.
impact-contents = Kandungan laporan
impact-csv = Muat turun CSV
impact-csv-note = Seperti setiap fail daripada Roundtable, fail yang dimuat turun di sini tidak mengandungi ahli yang berisiko atau apa-apa daripada kumpulan rahsia.
impact-empty = Tiada apa-apa dalam tempoh ini.
impact-total = Jumlah
impact-not-given = Tidak dinyatakan
impact-yes = Ya
impact-no = Tidak

impact-momentum = Kemajuan
impact-momentum-note = Setiap suku tahun: hubungan baharu merentas sektor dan merentas negara, inisiatif yang bergerak ke hadapan (pencapaian utama diselesaikan atau status meningkat), juara yang aktif dan acara yang diadakan. Sesuatu hubungan dikira dalam suku tahun buktinya yang terawal.
impact-chart-description = { $what }, setiap suku tahun: { $values }.
impact-quarter-column = Suku tahun
impact-new-ties = Hubungan baharu
impact-cross-sector-ties = Hubungan baharu merentas sektor
impact-cross-country-ties = Hubungan baharu merentas negara
impact-initiatives-forward = Inisiatif yang bergerak ke hadapan
impact-champions-active = Juara yang aktif
impact-events-held = Acara yang diadakan

impact-events = Acara
impact-events-by-type = Acara yang diadakan mengikut jenis
impact-events-by-country = Acara yang diadakan mengikut negara
impact-type-column = Jenis
impact-country-column = Negara
impact-sector-column = Sektor

impact-participants-title = Siapa yang mengambil bahagian
impact-participants-note = Setiap orang dikira sekali, dengan sektor dan negara dalam profilnya (bagi pelawat, seperti yang mereka berikan). Pendaftaran pelawat dipadam { $days } hari selepas acara mereka, jadi tempoh yang lebih lama hanya mengira mereka setakat yang masih disimpan.
impact-mixing = Sejauh mana acara menghimpunkan pelbagai orang
impact-measure-column = Ukuran
impact-value-column = Nilai
impact-events-attended = Acara yang ada peserta
impact-participants = Peserta
impact-participations = Tempat yang diisi dalam acara
impact-cross-sector-share = Acara yang menghimpunkan pelbagai sektor
impact-cross-country-share = Acara yang menghimpunkan pelbagai negara
impact-share-column = Bahagian
impact-participants-by-sector = Peserta mengikut sektor
impact-participants-by-country = Peserta mengikut negara

impact-champions = Juara
impact-champions-by-stage = Juara mengikut peringkat
impact-stage-column = Peringkat
impact-champions-now = Kini
impact-champions-reached = Mencapai peringkat ini dalam tempoh ini

impact-initiatives = Inisiatif
impact-initiatives-by-status = Inisiatif mengikut status
impact-status-column = Status
impact-indicators = Penunjuk berbanding sasaran
impact-initiative-column = Inisiatif
impact-indicator-column = Penunjuk
impact-unit-column = Unit
impact-baseline-column = Garis dasar
impact-latest-column = Nilai terkini
impact-measured-column = Diukur pada
impact-target-column = Sasaran
impact-progress-column = Kemajuan ke arah sasaran

impact-library = Perpustakaan
impact-downloads-note = Muat turun dikira mengikut sumber dan hari, tidak sekali-kali mengikut orang.
impact-resources-by-type = Sumber yang diterbitkan dan dimuat turun, mengikut jenis
impact-published = Sumber diterbitkan
impact-downloads = Muat turun
impact-downloads-by-resource = Muat turun mengikut sumber
impact-resource-column = Sumber

impact-questions = Soalan kepada pakar
impact-asked = Soalan ditanya
impact-answered = Soalan dijawab

error-impact-date = Masukkan tarikh sebagai tahun, bulan dan hari (2026-06-26).
error-impact-order = Tempoh mesti bermula sebelum ia berakhir.
error-impact-too-long = Satu laporan meliputi paling banyak { $max } suku tahun.

figures-title = Rangkaian dalam angka
figures-tile-text = Apa yang dilakukan rangkaian, suku tahun demi suku tahun.
figures-lead = Apa yang dilakukan rangkaian, suku tahun demi suku tahun: ahlinya, hubungan antara mereka, acara, inisiatif dan perpustakaan.
figures-how = Angka dikira sebaik sahaja sesuatu suku tahun kalendar berakhir dan tidak diubah selepas itu. Ahli yang berisiko dikecualikan daripada setiap angka, sebarang kiraan di bawah { $fewer } hanya ditunjukkan sebagai "kurang daripada { $fewer }", dan kiraan lain dibundarkan kepada gandaan { $fewer } yang terdekat, supaya tiada angka yang boleh dihitung daripada angka lain.
figures-preview = Pentadbir belum menerbitkan angka ini: hanya penyelaras melihat pratonton ini.
figures-by-quarter = Mengikut suku tahun
figures-members = Ahli
figures-members-by-sector = Ahli mengikut sektor
figures-members-by-country = Ahli mengikut negara
figures-latest = Butiran { $quarter }
figures-none = Belum ada suku tahun yang dikira. Angka akan dipaparkan sebaik sahaja suku tahun penuh yang pertama berakhir.
figures-fewer-than = kurang daripada { $count }
figures-admin-text = Versi awam angka ini: angka agregat sahaja, mengikut suku tahun kalendar, tanpa ahli yang berisiko, dengan kiraan di bawah { $fewer } disembunyikan dan kiraan lain dibundarkan kepada gandaan { $fewer } yang terdekat.
figures-is-published = Diterbitkan: sesiapa sahaja boleh membacanya.
figures-is-not-published = Tidak diterbitkan: hanya penyelaras boleh melihat pratontonnya.
figures-open = Buka halaman
figures-publish = Terbitkan rangkaian dalam angka
figures-withdraw = Berhenti menerbitkan

audit-figures_published = Rangkaian dalam angka diterbitkan
audit-figures_withdrawn = Rangkaian dalam angka ditarik balik
audit-impact_exported = Angka impak dimuat turun
figures-members-in = Ahli: { $what }
figures-export-text = Angka setiap suku yang telah ditutup, dikira seperti versi awam (tanpa ahli yang berisiko atau kumpulan rahsia) tetapi tepat:
figures-export-csv = Muat turun CSV
figures-export-xlsx = Muat turun XLSX

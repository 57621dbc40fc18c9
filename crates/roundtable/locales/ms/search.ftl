nav-search = Cari
search-title = Carian
search-title-for = Carian: { $q }
search-field = Perkataan untuk dicari
search-kind = Cari
search-kind-member = Ahli
search-kind-organisation = Organisasi
search-kind-post = Perbincangan
search-submit = Cari
search-count = { $count ->
    [0] Tiada yang ditemui
   *[other] { $count } hasil
}
search-none = Cuba perkataan yang lebih sedikit atau lebih pendek, atau ejaan lain. Perkataan Thai ditemui di dalam teks berterusan.
search-untitled = Balasan dalam perbincangan
error-search-kind = Jenis hasil tidak dikenali.
search-language = Bahasa
search-topic = Topik
search-count-more = { $count ->
   *[other] Lebih daripada { $count } hasil
}

nav-search = Maghanap
search-title = Paghahanap
search-title-for = Paghahanap: { $q }
search-field = Mga salitang hahanapin
search-kind = Hanapin
search-kind-member = Mga miyembro
search-kind-organisation = Mga organisasyon
search-kind-post = Mga talakayan
search-submit = Maghanap
search-count = { $count ->
    [0] Walang nahanap
    [one] { $count } resulta
   *[other] { $count } na resulta
}
search-none = Subukan ang mas kaunti o mas maiikling salita, o ibang baybay. Nahahanap ang mga salitang Thai sa loob ng tuloy-tuloy na teksto.
search-untitled = Sagot sa isang talakayan
error-search-kind = Hindi kilalang uri ng resulta.
search-language = Wika
search-topic = Paksa
search-count-more = { $count ->
    [one] Mahigit sa { $count } resulta
   *[other] Mahigit sa { $count } resulta
}

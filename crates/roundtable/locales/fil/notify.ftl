nav-notifications = Mga abiso
nav-unread = hindi pa nababasa
notify-title = Mga abiso
notify-settings-link = Piliin kung paano ka aabisuhan
notify-mark-all-read = Markahan lahat bilang nabasa na
notify-new = bago
notify-none = Wala pang bago. Dito lalabas ang mga pagbanggit sa iyo, mga sagot sa mga talakayang sinusundan mo, mga kahilingan sa grupo at mga pagpapakilala.
notify-someone = May isang tao
notify-mention = Binanggit ka ni { $actor } sa “{ $title }”
notify-reply = Sumagot si { $actor } sa “{ $title }”
notify-group-requested = Humihiling si { $actor } na sumali sa { $group }
notify-group-invited = Inanyayahan ka ni { $actor } na sumali sa { $group }
notify-group-approved = Kasapi ka na ngayon ng { $group }
notify-introduction-received = Nagpadala sa iyo si { $actor } ng pagpapakilala
notify-introduction-accepted = Tinanggap ni { $actor } ang iyong pagpapakilala: magkakonekta na kayo
notify-kind-mention = Mga pagbanggit sa akin
notify-kind-reply = Mga sagot sa mga talakayang sinusundan ko
notify-kind-group = Mga kahilingan at paanyaya sa grupo
notify-kind-introduction = Mga pagpapakilala
notify-delivery-immediate = Sa email, agad-agad
notify-delivery-daily = Sa araw-araw na buod sa email
notify-delivery-weekly = Sa lingguhang buod sa email
notify-delivery-never = Dito lamang, walang email
notify-settings-title = Mga setting ng abiso
notify-settings-intro = Lahat ay lumalabas sa iyong mga abiso sa Roundtable. Piliin kung paano aabot sa iyo ang bawat uri sa email. Hindi kailanman nagbabanggit ng pangalan o sumisipi ng isinulat ang mga email: sinasabi lamang nila kung ano ang nangyari at may link pabalik dito.
notify-settings-save = I-save ang mga setting
notify-done-saved = Na-save na ang iyong mga setting ng abiso.
notify-done-revoked = Hindi na gumagana ang address ng iyong pribadong feed.
notify-feed-title = Pribadong feed ng iyong mga grupo
notify-feed-intro = Isang lihim na address para sa feed reader na naglilista ng mga bagong talakayan sa iyong mga grupo. Mababasa ng sinumang may address ang feed: itago ito, at gumawa ng bago o bawiin ito kapag kumalat.
notify-feed-created = Nasa ibaba ang bago mong address ng feed. Ngayon lang ito ipapakita: kopyahin na ito sa iyong feed reader.
notify-feed-address = Address ng feed
notify-feed-exists = May pribadong address ng feed ka na. Kapag gumawa ng bago, hindi na gagana ang luma.
notify-feed-create = Gumawa ng address ng feed
notify-feed-new = Gumawa ng bagong address
notify-feed-revoke = Bawiin ang address
notify-unsubscribe-title = Itigil ang mga email
notify-unsubscribe-ask = Itigil ang mga email tungkol sa “{ $kind }”? Makikita mo pa rin ang mga ito sa iyong mga abiso sa Roundtable.
notify-unsubscribe-button = Itigil ang mga email na ito
notify-unsubscribe-done = Hindi ka na makatatanggap ng mga email tungkol sa “{ $kind }”. Mababago mo ito anumang oras sa iyong mga setting ng abiso.
error-notify-delivery = Piliin kung paano aabot sa iyo ang bawat uri ng abiso.
feeds-private-title = Ang iyong mga grupo sa Roundtable
mail-notify-footer =
    Natanggap mo ang email na ito dahil sa iyong mga setting ng abiso para sa “{ $kind }”. Baguhin ang mga ito dito:
    { $settings }

    Itigil ang mga email na ito sa isang pindot:
    { $unsubscribe }
mail-digest-footer =
    Piliin kung paano ka ie-email ng Roundtable:
    { $settings }
mail-notify-mention-subject = Binanggit ka sa Roundtable
mail-notify-mention-body =
    Magandang araw,

    May bumanggit sa iyo sa isang talakayan sa Roundtable. Mag-sign in para basahin ito:
    { $link }
mail-notify-reply-subject = Bagong sagot sa Roundtable
mail-notify-reply-body =
    Magandang araw,

    May bagong sagot sa isang talakayang sinusundan mo sa Roundtable. Mag-sign in para basahin ito:
    { $link }
mail-notify-group-requested-subject = Kahilingang sumali sa iyong grupo sa Roundtable
mail-notify-group-requested-body =
    Magandang araw,

    May humihiling na sumali sa isang grupong pinamamahalaan mo sa Roundtable. Mag-sign in para aprubahan o tanggihan:
    { $link }
mail-notify-group-invited-subject = Paanyaya sa isang grupo sa Roundtable
mail-notify-group-invited-body =
    Magandang araw,

    Inaanyayahan kang sumali sa isang grupo sa Roundtable. Mag-sign in para tanggapin o tanggihan:
    { $link }
mail-notify-group-approved-subject = Kasapi ka na ng isang grupo sa Roundtable
mail-notify-group-approved-body =
    Magandang araw,

    Naaprubahan ang kahilingan mong sumali sa isang grupo sa Roundtable. Mag-sign in para makilahok:
    { $link }
mail-notify-introduction-accepted-subject = Tinanggap ang isang pagpapakilala sa Roundtable
mail-notify-introduction-accepted-body =
    Magandang araw,

    Pareho ninyong tinanggap ang isang pagpapakilala sa Roundtable: magkakonekta na kayo. Mag-sign in para makita ito:
    { $link }
mail-digest-daily-subject = { $count ->
    [one] Ang iyong araw-araw na buod ng Roundtable: { $count } bagong abiso
   *[other] Ang iyong araw-araw na buod ng Roundtable: { $count } bagong abiso
}
mail-digest-weekly-subject = { $count ->
    [one] Ang iyong lingguhang buod ng Roundtable: { $count } bagong abiso
   *[other] Ang iyong lingguhang buod ng Roundtable: { $count } bagong abiso
}
mail-digest-body =
    Magandang araw,

    Ito ang naghihintay sa iyo sa Roundtable:

    { $lines }

    Mag-sign in para makita ang lahat:
    { $link }
mail-digest-line-mention = { $count ->
    [one] { $count } pagbanggit sa iyo
   *[other] { $count } pagbanggit sa iyo
}
mail-digest-line-reply = { $count ->
    [one] { $count } bagong sagot sa mga talakayang sinusundan mo
   *[other] { $count } bagong sagot sa mga talakayang sinusundan mo
}
mail-digest-line-group = { $count ->
    [one] { $count } kahilingan o paanyaya sa grupo
   *[other] { $count } kahilingan at paanyaya sa grupo
}
mail-digest-line-introduction = { $count ->
    [one] { $count } pagpapakilala
   *[other] { $count } pagpapakilala
}
notify-question-asked = Nagtanong sa iyo si { $actor }: “{ $title }”
notify-question-answered = Sinagot ni { $actor } ang tanong mong “{ $title }”
notify-kind-question = Mga tanong sa akin bilang eksperto, at mga sagot sa mga tanong ko
mail-notify-question-asked-subject = May tanong para sa iyo bilang eksperto sa Roundtable
mail-notify-question-asked-body =
    Magandang araw,

    May kasapi ng network na nagtatanong tungkol sa isa sa mga larangan ng iyong kadalubhasaan. Mag-sign in para basahin at sagutin ito:
    { $link }
mail-notify-question-answered-subject = May sagot na ang tanong mo sa Roundtable
mail-notify-question-answered-body =
    Magandang araw,

    Sinagot ng isang eksperto ang tanong mo sa Roundtable. Mag-sign in para basahin ang sagot:
    { $link }
mail-digest-line-question = { $count ->
    [one] { $count } tanong o sagot
   *[other] { $count } tanong at sagot
}
notify-event-invited = Inimbitahan ka ni { $actor } sa “{ $title }”
notify-kind-event = Mga imbitasyon sa mga kaganapan
mail-notify-event-invited-subject = Isang imbitasyon sa kaganapan sa Roundtable
mail-notify-event-invited-body =
    Magandang araw,

    Inimbitahan ka sa isang kaganapan sa Roundtable. Mag-sign in para mabasa ang tungkol dito at magparehistro:
    { $link }
mail-digest-line-event = { $count ->
    [one] { $count } imbitasyon sa kaganapan
   *[other] { $count } imbitasyon sa mga kaganapan
}
notify-message = May mga bagong mensahe sa isang usapan
notify-kind-message = Mga bagong mensahe
mail-notify-message-subject = May mga bagong mensahe sa Roundtable
mail-notify-message-body =
    Kumusta,

    May mga bagong mensahe ka sa Roundtable. Mag-sign in para basahin ang mga ito:
    { $link }
mail-digest-line-message = { $count ->
    [1] May mga bagong mensahe sa { $count } usapan
   *[other] May mga bagong mensahe sa { $count } usapan
}
notify-mention-message = Binanggit ka ni { $actor } sa isang usapan
mail-notify-mention-message-subject = Binanggit ka sa Roundtable
mail-notify-mention-message-body =
    Kumusta,

    May bumanggit sa iyo sa isang usapan sa Roundtable. Mag-sign in para basahin ito:
    { $link }
notify-initiative-status = Binago ni { $actor } ang katayuan ng “{ $title }”
notify-initiative-milestone = Minarkahan ni { $actor } bilang tapos ang isang milestone ng “{ $title }”
notify-initiative-story = Nagdagdag si { $actor } ng kuwento ng pagbabago sa “{ $title }”
notify-kind-initiative = Mga balita tungkol sa mga inisyatibang sinusundan ko
mail-notify-initiative-status-subject = Balita tungkol sa isang inisyatiba sa Roundtable
mail-notify-initiative-status-body =
    Magandang araw,

    Nagbago ang katayuan ng isang inisyatibang sinusundan mo sa Roundtable. Mag-sign in para basahin ito:
    { $link }
mail-notify-initiative-milestone-subject = Balita tungkol sa isang inisyatiba sa Roundtable
mail-notify-initiative-milestone-body =
    Magandang araw,

    Natapos ang isang milestone ng isang inisyatibang sinusundan mo sa Roundtable. Mag-sign in para basahin ito:
    { $link }
mail-notify-initiative-story-subject = Balita tungkol sa isang inisyatiba sa Roundtable
mail-notify-initiative-story-body =
    Magandang araw,

    May bagong kuwento ng pagbabago ang isang inisyatibang sinusundan mo sa Roundtable. Mag-sign in para basahin ito:
    { $link }
mail-digest-line-initiative = { $count ->
    [one] { $count } balita tungkol sa mga inisyatibang sinusundan mo
   *[other] { $count } balita tungkol sa mga inisyatibang sinusundan mo
}
notify-initiative-update = Nag-post si { $actor } ng update sa “{ $title }”
mail-notify-initiative-update-subject = Balita tungkol sa isang inisyatiba sa Roundtable
mail-notify-initiative-update-body =
    Magandang araw,

    May bagong update ang isang inisyatibang sinusundan mo sa Roundtable. Mag-sign in para basahin ito:
    { $link }

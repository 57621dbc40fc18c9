# A member's home and a coordinator's desk
home-welcome = Maligayang pagdating, { $name }
home-waiting = Naghihintay ng iyong sagot
home-waiting-introductions = { $count ->
    [1] Isang pagpapakilala ang naghihintay ng iyong sagot
   *[other] { $count } pagpapakilala ang naghihintay ng iyong sagot
}
home-waiting-group = Imbitasyong sumali sa { $group }
home-waiting-question = Isang tanong para sa iyo: { $title }
home-waiting-none = Walang naghihintay sa iyo. Dito lumalabas ang mga pagpapakilala, imbitasyon sa grupo, tanong para sa iyo at kahilingan sa mensahe.
home-next-events = Ang iyong mga susunod na event
home-meeting-link = Sumali sa pulong
home-next-events-none = Hindi ka pa nakarehistro sa anumang paparating na event. Maghanap ng isa:
home-unread = Hindi pa nababasa sa iyong mga grupo
home-unread-none = Walang hindi pa nababasa sa iyong mga grupo at sa mga thread na sinusundan mo. Sumali sa isang grupo para masundan ang mga talakayan nito:
home-resources = Bago sa library para sa iyo
home-resources-none = Walang bago kamakailan sa iyong mga paksa at wika. Magbahagi ng isang bagay na ginagamit mo:
home-people = Mga taong dapat makilala
home-people-at-risk = Habang naka-markang at risk ka, hindi ka iminumungkahi kaninuman, at walang iminumungkahi sa iyo.
home-people-none = Nagmumula ang mga mungkahi sa mga ugnayang itinatala mo: mga taong kilala ng iyong mga kakilala, sa iba't ibang sektor at bansa.
home-people-add-ties = Itala ang iyong mga ugnayan
home-profile-nudge = Kumpletuhin ang iyong profile
home-profile-empty = Hinahanap ka ng iba sa pamamagitan ng mga ito, bawat isa ay ipinapakita lamang ayon sa pinili mo. Wala pang laman:
home-field-sector = sektor
home-field-organisations = organisasyon
home-field-country = bansa
home-field-languages = mga wika
home-field-expertise = kadalubhasaan
home-field-bio = tungkol sa iyo
home-field-photo = larawan
home-public-events = Mga paparating na pampublikong event
home-public-events-none = Wala pang nakaplanong pampublikong event.
home-public-resources = Kamakailan sa library
home-next-awareness = Susunod na araw ng kamalayan
desk-title = Mesa ng coordinator
desk-clear = Walang kailangang gawin ng coordinator sa ngayon.
desk-join-requests = { $count ->
    [1] 1 kahilingang sumali sa { $group }
   *[other] { $count } kahilingang sumali sa { $group }
}
desk-reports = { $count ->
    [1] 1 iniulat na post
   *[other] { $count } iniulat na post
}
desk-question-waiting = Hindi nasagot nang higit isang linggo: { $title }
desk-quiet-champion = Walang tala sa loob ng 90 araw: { $name }
desk-introductions = { $count ->
    [1] 1 pagpapakilalang ginawa mo ang naghihintay ng sagot
   *[other] { $count } pagpapakilalang ginawa mo ang naghihintay ng sagot
}
desk-waitlist = { $count ->
    [1] 1 tao sa waiting list ng { $title }
   *[other] { $count } tao sa waiting list ng { $title }
}
desk-mix-gap = { $count ->
    [1] { $title }: 1 target ng halo ng mga kalahok ang hindi pa naaabot
   *[other] { $title }: { $count } target ng halo ng mga kalahok ang hindi pa naaabot
}
desk-untied = Sumali ngayong buwan, wala pang ugnayan: { $name }
desk-expired-invitations = { $count ->
    [1] 1 imbitasyong nag-expire nang hindi nagamit ngayong buwan
   *[other] { $count } imbitasyong nag-expire nang hindi nagamit ngayong buwan
}
welcome-title = Maligayang pagdating sa Roundtable
welcome-step = Hakbang { $step } ng { $steps }
welcome-place = Ang iyong wika at time zone
welcome-place-help = Sa wikang ito darating ang mga pahina at mail; bawat oras ay ipinapakita sa zone na ito. Mababago ang dalawa sa ibaba ng anumang pahina.
welcome-continue = Magpatuloy
welcome-back = Bumalik
welcome-skip = Laktawan muna
welcome-finish = Tapusin
welcome-visibility = Ang nakikita ng iba tungkol sa iyo
welcome-visibility-text = May sariling setting ang bawat bahagi ng iyong profile: ikaw lamang, mga coordinator, mga miyembro, o lahat. Sa simula, nakikita ng mga miyembro ang iyong sektor, organisasyon, bansa, mga wika at kadalubhasaan; ang mga paraan para makontak ka ay nakikita lamang ng mga coordinator; walang pampubliko. Mababago mo ang bawat isa anumang oras.
welcome-visibility-change = Baguhin ang ipinapakita ng bawat bahagi
welcome-visibility-preview = Tingnan ang iyong profile gaya ng nakikita ng iba
welcome-at-risk-text = Kung maaaring malagay ka sa panganib kapag nalamang kasapi ka ng network na ito, markahan ang sarili mong at risk: mawawala ka sa paningin ng mga miyembro at ng publiko saanman (ang direktoryo, paghahanap, listahan ng mga kalahok, mapa at mga bilang), hindi ka iminumungkahi kaninuman, at ang mga coordinator lamang ng network ang nakakaalam na narito ka. Mabubuksan o maisasara mo ito sa iyong profile.
welcome-at-risk-link = Markahan akong at risk sa aking profile
welcome-at-risk-on = Naka-markang at risk ka: ang mga coordinator lamang ang nakakakita na narito ka.
welcome-notifications = Mga abiso
welcome-notifications-text = Piliin kung ano ang darating sa iyo sa e-mail, at gaano kadalas: mga sagot, pagbanggit, iyong mga grupo, pagpapakilala at mga event. Naghihintay din ang lahat sa iyong home page at sa ilalim ng Mga abiso.
welcome-notifications-link = Piliin ang iyong mga abiso
welcome-start = Saan magsisimula
welcome-group-members = { $count ->
    [1] 1 miyembro
   *[other] { $count } miyembro
}
welcome-no-groups = Wala pang grupong masasalihan mo.
welcome-no-people = Darating ang mga mungkahi habang itinatala mo kung sino ang kilala mo. Samantala, maghanap ng mga tao ayon sa sektor, bansa at kadalubhasaan:
welcome-resume = Hindi mo pa natatapos i-set up ang iyong account (hakbang { $step } ng { $steps }).
welcome-resume-link = Magpatuloy
welcome-resume-never = Huwag nang itanong muli
home-waiting-messages = { $count ->
    [1] Isang kahilingan sa mensahe ang naghihintay ng iyong sagot
   *[other] { $count } kahilingan sa mensahe ang naghihintay ng iyong sagot
}
desk-message-reports = { $count ->
    [1] 1 ini-report na mensahe
   *[other] { $count } ini-report na mensahe
}

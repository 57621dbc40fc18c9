# A member's home and a coordinator's desk
home-welcome = Maligayang pagdating, { $name }
home-waiting = Naghihintay ng iyong sagot
home-waiting-introductions = { $count ->
    [1] Isang pagpapakilala ang naghihintay ng iyong sagot
   *[other] { $count } pagpapakilala ang naghihintay ng iyong sagot
}
home-waiting-group = Imbitasyong sumali sa { $group }
home-waiting-question = Isang tanong para sa iyo: { $title }
home-waiting-none = Walang naghihintay sa iyo. Dito lumalabas ang mga pagpapakilala, imbitasyon sa grupo at tanong para sa iyo.
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
desk-untied = Sumali ngayong buwan, wala pang ugnayan: { $name }
desk-expired-invitations = { $count ->
    [1] 1 imbitasyong nag-expire nang hindi nagamit ngayong buwan
   *[other] { $count } imbitasyong nag-expire nang hindi nagamit ngayong buwan
}

nav-events = Mga kaganapan
search-kind-event = Mga kaganapan
events-title = Mga kaganapan
events-past-title = Mga nakaraang kaganapan
events-description = Mga seminar, workshop, webinar, roundtable dialogue at pampublikong forum tungkol sa pag-iwas sa tortyur sa Timog-silangang Asya.
events-intro = Mga pagpupulong na nagtitipon ng mga tao mula sa iba't ibang sektor at bansa: seminar, workshop, webinar, roundtable dialogue, kumperensiya at pampublikong forum.
events-upcoming-link = Mga paparating na kaganapan
events-past-link = Mga nakaraang kaganapan
events-new = Magplano ng kaganapan
events-mine-link = Aking mga kaganapan
events-empty = Walang maipapakitang kaganapan.
events-field-kind = Uri ng kaganapan
events-field-country = Bansa
events-field-month = Buwan
events-subscribe = Subaybayan ang mga pampublikong kaganapan:
events-public-calendar = Kalendaryo ng mga pampublikong kaganapan
events-public-feed = Feed ng mga pampublikong kaganapan
events-my-calendar = Aking mga kaganapan
events-mine-title = Aking mga kaganapan
events-mine-empty = Wala kang inoorganisa o pinagparehistruhang kaganapan.
events-subscription = Subscription sa kalendaryo
events-subscription-help = Isang pribadong address na masu-subscribe-an ng mga calendar app: nakalista rito ang mga kaganapang inoorganisa mo o pinagparehistruhan mo, kasama ang mga link ng pulong. Mababasa ito ng sinumang may address, kaya itago ito; gumawa ng bago kung kumalat ito.
events-subscription-new = Ang bago mong address ng kalendaryo. Kopyahin ito ngayon: isang beses lang itong ipapakita.
events-subscription-address = Address ng kalendaryo
events-subscription-active = Mayroon kang address ng kalendaryo na ginawa noong { $date }.
events-subscription-create = Gumawa ng address ng kalendaryo
events-subscription-regenerate = Gumawa ng bagong address (hindi na gagana ang luma)
events-subscription-revoke = Bawiin ang address
events-done-created = Nagawa na ang kaganapan.
events-done-saved = Na-save ang mga pagbabago.
events-done-registered = Nakarehistro ka na.
events-done-waitlisted = Puno na ang kaganapan: nasa listahan ka ng naghihintay. Mag-e-email kami kapag may nabakanteng puwesto.
events-done-pending = Naghihintay ng pag-apruba ng mga organizer ang iyong rehistrasyon.
events-done-cancelled = Kinansela na ang iyong rehistrasyon.
events-done-organisers = Na-update ang mga organizer.
events-done-session = Na-update ang agenda.
events-done-questions = Na-update ang mga tanong.
events-done-invited = Naipadala ang imbitasyon.

event-kind-seminar = Seminar
event-kind-workshop = Workshop
event-kind-webinar = Webinar
event-kind-roundtable_dialogue = Roundtable na diyalogo
event-kind-conference = Kumperensiya
event-kind-public_forum = Pampublikong forum
event-kind-panel = Talakayang panel
event-kind-training = Pagsasanay
event-mode-in_person = Harapan
event-mode-online = Online
event-mode-hybrid = Harapan at online
event-visibility-public = Pampubliko
event-visibility-members = Mga miyembro
event-visibility-group = Grupo
event-visibility-invitation_only = Para lang sa mga inimbitahan
event-visibility-help-public = makikita at mapagpaparehistruhan ng sinuman (mga coordinator lang)
event-visibility-help-members = makikita at mapagpaparehistruhan ng lahat ng miyembro
event-visibility-help-group = ang mga miyembro lang ng napiling grupo
event-visibility-help-invitation_only = ang mga miyembrong inimbitahan mo lang

event-cancelled-badge = Kinansela
event-is-cancelled = Kinansela ang kaganapang ito.
event-when = Kailan
event-where = Saan
event-online = Online
event-link-hidden = Ipinapakita ang link ng pulong sa mga nakarehistrong kalahok.
event-languages = Mga wika
event-interpretation = Interpretasyon
event-hosts = Mga katuwang na organisasyon
event-organisers = Mga organizer
event-places = Mga puwesto
event-places-left = { $count ->
    [one] { $count } puwesto na lang
   *[other] { $count } puwesto na lang
}
event-your-time = Iyong oras: { $time }
event-add-to-calendar = Idagdag sa aking kalendaryo (.ics)
event-zone-apply = Ipakita
event-agenda = Agenda
event-registration = Rehistrasyon
event-over = Tapos na ang kaganapang ito.
event-registration-closed = Sarado na ang rehistrasyon.
event-full-waitlist = Puno na ang kaganapan: mapupunta ka sa listahan ng naghihintay.
event-needs-approval = Inaaprubahan ng mga organizer ang bawat rehistrasyon.
event-members-sign-in = Mga miyembro: mag-sign in para magparehistro
event-invitation-needed = Para sa mga inimbitahan ang kaganapang ito.
event-rsvp = Magparehistro
event-register = Magparehistro
event-register-privacy = Ang mga organizer at coordinator lang ng network ang nakakakita sa inilagay mo rito. Magpapadala kami ng isang e-mail para kumpirmahin ang iyong address.
event-field-website = Iwanang blangko ang field na ito
event-not-given = Hindi ibinigay
event-cancel-registration = Kanselahin ang aking rehistrasyon
event-cancel-confirm-title = Kanselahin ang iyong rehistrasyon?
event-cancel-confirm-text = Kakanselahin mo ang iyong rehistrasyon para sa { $title }.
event-cancel-confirm-place = Mapupunta ang iyong puwesto sa susunod na naghihintay, at kung magrerehistro ka muli ay mapupunta ka sa dulo ng pila.
event-cancel-confirm-yes = Oo, kanselahin ang aking rehistrasyon
event-cancel-confirm-no = Panatilihin ang aking rehistrasyon
event-status-unconfirmed = Pakikumpirma ang iyong e-mail address para makumpleto ang rehistrasyon.
event-status-pending = Naghihintay ng pag-apruba ng mga organizer ang iyong rehistrasyon.
event-status-registered = Nakarehistro ka na.
event-status-waitlisted = Nasa listahan ka ng naghihintay. Mag-e-email kami kapag may nabakanteng puwesto.
event-status-cancelled = Kinansela na ang iyong rehistrasyon.
event-status-declined = Hindi matanggap ng mga organizer ang iyong rehistrasyon.
event-status-short-unconfirmed = Hindi pa kumpirmado
event-status-short-pending = Naghihintay ng pag-apruba
event-status-short-registered = Nakarehistro
event-status-short-waitlisted = Naghihintay ng puwesto
event-status-short-cancelled = Kinansela
event-status-short-declined = Tinanggihan
event-manage = Pamahalaan ang kaganapan
event-manage-agenda = I-edit ang agenda
event-manage-questions = Mga tanong sa rehistrasyon
event-manage-organisers = Mga kapwa tagapag-organisa
event-manage-invitations = Mag-imbita ng mga miyembro
event-edit = I-edit ang kaganapan
event-registrants = Mga rehistrasyon
event-checkin = Check-in
event-taken = { $count ->
    [one] { $count } nakarehistro
   *[other] { $count } nakarehistro
}
event-waiting = { $count ->
    [one] { $count } nasa listahan ng naghihintay
   *[other] { $count } nasa listahan ng naghihintay
}
event-capacity = { $count ->
    [one] { $count } puwesto
   *[other] { $count } puwesto
}
event-present = { $count ->
    [one] { $count } sa { $total } ang naroon
   *[other] { $count } sa { $total } ang naroon
}
event-status = Katayuan
event-answers = Mga sagot
event-actions = Mga aksiyon
event-approve = Aprubahan
event-decline = Tanggihan
event-attended = dumalo
event-no-registrants = Wala pang nagparehistro.
event-remove = Alisin
event-add = Idagdag
event-add-organiser = Magdagdag ng organizer
event-invitations = Mga imbitasyon
event-invitations-help = Nakikita ng mga inimbitahang miyembro ang kaganapan kahit para lang ito sa mga inimbitahan, at nakatatanggap sila ng e-mail.
event-invite-member = Mag-imbita ng miyembro
event-invite = Imbitahan
event-session-title = Sesyon
event-session-zone = Mga oras sa time zone ng kaganapan ({ $zone }).
event-speakers-members = Mga tagapagsalita mula sa network
event-speakers-guests = Mga panauhing tagapagsalita (isang pangalan bawat linya)
event-add-session = Idagdag ang sesyon
event-questions = Mga tanong para sa mga nagpaparehistro
event-add-question = Magdagdag ng tanong
event-check-in = I-check in
event-undo-checkin = Ibalik
event-your-registration = Ang iyong rehistrasyon
event-confirm = Kumpirmahin ang aking rehistrasyon
event-keep-link = Itago ang e-mail na may link na ito: magagamit mo ito para kanselahin ang rehistrasyon.
event-check-mail-title = Tingnan ang iyong e-mail
event-check-mail-title-no-mail = Hindi pa kumpirmado ang rehistrasyon
event-check-mail-text = Nagpadala kami sa iyo ng e-mail. Buksan ang link doon para kumpirmahin ang iyong rehistrasyon.
event-link-gone-title = Hindi na gumagana ang link na ito
event-link-gone-text = Kinansela ang rehistrasyon, o hindi ito nakumpirma sa takdang oras. Maaari kang magparehistro muli mula sa pahina ng kaganapan.
event-cancelled-title = Kinansela ang rehistrasyon
event-cancelled-text = Kinansela na ang iyong rehistrasyon. Salamat sa pagpapaalam sa mga organizer.
event-you-organise = Ikaw ang organizer

event-field-title = Pamagat
event-field-description = Paglalarawan
event-field-mode = Paano gaganapin
event-field-venue = Lugar
event-field-address = Tirahan
event-field-link = Link ng pulong
event-field-link-help = Para sa mga online at hybrid na kaganapan. Ang mga nakarehistrong kalahok lang ang nakakakita nito.
event-field-zone = Time zone ng kaganapan
event-zone-of-country = Ang sariling time zone ng bansa
event-field-zone-help = Kung iiwan sa sariling zone ng bansa, ang event sa Malaysia ay nasa Asia/Kuala_Lumpur; piliin ang zone ng lugar kung maraming zone ang bansa.
event-field-starts = Magsisimula
event-field-ends = Matatapos
event-field-visibility = Sino ang makakakita
event-field-group = Grupo (para sa kaganapan ng grupo)
event-field-capacity = Bilang ng puwesto (blangko: walang limitasyon)
event-field-closes = Magsasara ang rehistrasyon (blangko: pagsisimula ng kaganapan)
event-field-approval = Inaaprubahan ng mga organizer ang bawat rehistrasyon
event-field-interpretation = Interpretasyon (halimbawa: sabayang Filipino–Ingles)
event-field-cancelled = Kinansela ang kaganapan

error-unknown-event-kind = Pumili ng uri ng kaganapan.
error-unknown-event-mode = Piliin kung harapan, online o pareho ang kaganapan.
error-unknown-event-visibility = Piliin kung sino ang makakakita ng kaganapan.
error-event-title-required = Bigyan ng pamagat ang kaganapan.
error-event-venue-required = Ibigay ang lugar ng harapang kaganapan.
error-event-link-required = Ibigay ang link ng pulong ng online na kaganapan.
error-event-link = Dapat na web address na nagsisimula sa https:// ang link ng pulong.
error-event-time-zone = Hindi kilalang time zone: gumamit ng pangalang IANA gaya ng Asia/Bangkok.
error-event-time = Ibigay ang petsa at oras bilang YYYY-MM-DD HH:MM.
error-event-time-ambiguous = Hindi umiiral, o dalawang beses umiiral, ang oras na ito sa time zone ng kaganapan (pagbabago ng daylight saving). Pumili ng ibang oras.
error-event-end-before-start = Dapat pagkatapos ng simula ang pagtatapos.
error-event-too-long = Hanggang 31 araw lang ang isang kaganapan.
error-event-capacity = Dapat buong numero mula 1 hanggang 100000 ang bilang ng puwesto.
error-event-capacity-below = { $count ->
    [one] May puwesto na ang { $count } tao: hindi maaaring mas mababa ang bilang ng puwesto.
   *[other] May puwesto na ang { $count } tao: hindi maaaring mas mababa ang bilang ng puwesto.
}
error-event-closes-after-start = Dapat magsara ang rehistrasyon bago magsimula ang kaganapan.
error-event-public-coordinators = Ang mga coordinator lang ang naglalathala ng mga pampublikong kaganapan.
error-event-group = Pumili ng grupong kinabibilangan mo.
error-event-host = Hindi kilalang organisasyon.
error-event-member = Pumili ng miyembro mula sa listahan.
error-event-last-organiser = Kailangan ng kaganapan ng kahit isang organizer.
error-event-session-outside = Dapat maganap ang sesyon sa loob ng kaganapan.
error-event-too-many-sessions = Hanggang { $max } sesyon lang ang agenda.
error-event-question-required = Isulat ang tanong.
error-event-too-many-questions = Hanggang { $max } tanong lang ang maitatanong ng isang kaganapan.
error-event-month = Ibigay ang buwan bilang YYYY-MM.
error-event-cancelled = Kinansela ang kaganapang ito.
error-event-registration-closed = Sarado na ang rehistrasyon para sa kaganapang ito.
error-event-already-registered = Nakarehistro ka na sa kaganapang ito.
error-event-declined = Hindi matanggap ng mga organizer ang iyong rehistrasyon sa kaganapang ito.
error-event-not-invited = Para lang sa mga inimbitahan ang kaganapang ito.
error-event-not-registered = Hindi ka nakarehistro sa kaganapang ito.
error-event-over = Tapos na ang kaganapang ito.
error-event-members-rsvp = Naka-sign in ka: magparehistro gamit ang button sa pahina ng kaganapan.
error-event-register-throttled = Masyadong maraming rehistrasyon mula sa iyong network. Pakisubukan ulit pagkalipas ng isang oras.
error-event-decision = Hindi na maaaprubahan o matatanggihan ang rehistrasyong ito.

mail-event-confirm-subject = Kumpirmahin ang iyong rehistrasyon: { $title }
mail-event-confirm-body =
    Kumusta,

    May nagparehistro (sana ikaw) ng address na ito para sa { $title } ({ $when }). Para kumpirmahin, buksan ang link na ito sa loob ng { $hours } oras:
    { $link }

    Magagamit din ang link na ito para kanselahin ang rehistrasyon mamaya. Kung hindi ikaw ito, huwag pansinin ang e-mail na ito: makakalimutan ang rehistrasyon.
mail-event-duplicate-subject = Nakarehistro ka na: { $title }
mail-event-duplicate-body =
    Kumusta,

    May sumubok na iparehistro muli ang address na ito para sa { $title } ({ $when }). Nananatili ang iyong rehistrasyon; walang nagbago.

    Gamitin ang link sa unang e-mail na ipinadala namin para makita o kanselahin ang iyong rehistrasyon. Ang pahina ng kaganapan:
    { $link }
mail-event-unnamed = isang event sa Roundtable
mail-event-promoted-subject = Sa iyo na ang puwesto: { $title }
mail-event-promoted-body =
    Kumusta,

    May nabakanteng puwesto para sa { $title } ({ $when }) at sa iyo na ito: nakarehistro ka na. Kung hindi ka na makakadalo, pakikansela para makuha ito ng iba.

    { $link }
mail-event-approved-subject = Tinanggap ang rehistrasyon: { $title }
mail-event-approved-body =
    Kumusta,

    Tinanggap ng mga organizer ang iyong rehistrasyon para sa { $title } ({ $when }).

    { $link }
mail-event-waitlisted-subject = Nasa listahan ng naghihintay: { $title }
mail-event-waitlisted-body =
    Kumusta,

    Tinanggap ng mga organizer ang iyong rehistrasyon para sa { $title } ({ $when }), pero puno na ang kaganapan: nasa listahan ka ng naghihintay. Mag-e-email kami kapag may nabakanteng puwesto.

    { $link }
mail-event-declined-subject = Hindi tinanggap ang rehistrasyon: { $title }
mail-event-declined-body =
    Kumusta,

    Hindi matanggap ng mga organizer ang iyong rehistrasyon para sa { $title } ({ $when }). Salamat sa iyong interes.

    { $link }
mail-event-cancelled-subject = Kinansela: { $title }
mail-event-cancelled-body =
    Kumusta,

    Kinansela ng mga organizer ang { $title } ({ $when }). Paumanhin sa abala.

    { $link }
event-mix-title = Halo ng mga kalahok
event-mix-intro = Itakda ang halo ng mga sektor at bansa na gusto mo sa silid. Ipinapakita ng talaan ang mga nakarehistrong kalahok (at ang mga naghihintay ng pag-apruba) laban dito; nagmumungkahi ang Roundtable ng mga miyembrong iimbitahan para punan ang kakulangan.
event-mix-none = Wala pang itinakdang nilalayong halo.
event-mix-caption = { $count ->
    [one] { $count } kalahok sa ngayon
   *[other] { $count } kalahok sa ngayon
}
event-mix-group = Sektor o bansa
event-mix-bar = Bahagi laban sa layunin
event-mix-now = Ngayon
event-mix-target = Layunin
event-mix-share = { $count ->
    [one] { $count } tao ({ $share } %)
   *[other] { $count } tao ({ $share } %)
}
event-mix-needed = { $count ->
    [one] { $count } pa para maabot ang { $target } % ng { $places } puwesto
   *[other] { $count } pa para maabot ang { $target } % ng { $places } puwesto
}
event-mix-suggested = Mga miyembrong iimbitahan
event-mix-suggested-help = Nakaayos ayon sa sektor at bansang pupunan nila, sa mga paksa at wika ng kaganapan, at kung gaano kaunti ang ugnayan nila sa mga kalahok sa ngayon. Hindi kailanman iminumungkahi ang mga miyembrong nasa panganib.
event-mix-no-suggestions = Walang mungkahi: magtakda ng nilalayong halo, o napunan na ang lahat ng kakulangan.
event-mix-set = Nilalayong halo
event-mix-by-sector = Ayon sa sektor
event-mix-by-country = Ayon sa bansa
event-mix-topics = Mga paksa ng kaganapan
event-mix-form-help = Buong porsiyento ng mga kalahok; iwanang blangko kung walang layunin. Hanggang 100 lang ang kabuuan ng bawat listahan.
event-mix-save = I-save ang halo
event-mix-done-saved = Naka-save na ang nilalayong halo.
event-mix-done-invited = Naipadala na ang imbitasyon.
event-mix-why-fills = pupunan ang { $what }
event-mix-why-topic = nagtatrabaho sa { $area }
event-mix-why-language = nagsasalita ng { $language }
event-mix-why-new = wala pang ugnayan sa mga kalahok
event-mix-why-ties = { $count ->
    [one] { $count } ugnayan sa mga kalahok
   *[other] { $count } ugnayan sa mga kalahok
}
error-event-mix-percent = Dapat buong porsiyento mula 0 hanggang 100 ang layunin.
error-event-mix-over = Umaabot sa { $total } % ang kabuuan ng mga layunin; hanggang 100 % lang ang bawat listahan.
mail-event-reminder-subject = Paalala: { $title }
mail-event-reminder-body =
    Kumusta { $name },

    Paalala: malapit nang magsimula ang { $title }, { $when }.

    { $place }

    Basahin ang tungkol dito:
    { $link }

    Kung hindi ka na makakadalo, pakikansela ang iyong rehistrasyon para makuha ng iba ang iyong puwesto.
mail-event-reminder-online = Online: { $link }
events-done-feedback = Salamat sa iyong puna.
event-feedback-title = Ang iyong puna
event-feedback-rating = Kumusta ang kaganapan?
event-rating-5 = Napakahusay
event-rating-4 = Mahusay
event-rating-3 = Katamtaman
event-rating-2 = Mahina
event-rating-1 = Napakahina
event-feedback-comment = Komento (hindi kailangan)
event-feedback-help = Ang mga tagapag-organisa lang ang nagbabasa ng iyong puna; ipinapakita ng ulat ang mga komento nang walang pangalan.
event-feedback-send = Ipadala ang puna
event-feedback-thanks = Salamat: natanggap na ng mga tagapag-organisa ang iyong puna.
event-materials = Mga materyales
event-materials-none = Wala pang naka-link na materyales.
event-material-title = Pamagat
event-material-url = Link sa web
event-material-resource = O isang sanggunian mula sa aklatan
event-material-no-resource = Wala
event-material-help = Magbigay ng pamagat at link sa web, o pumili ng sanggunian mula sa aklatan.
event-material-add = I-link ang materyal
event-actions-title = Mga gagawin
event-actions-none = Wala pang gagawin.
event-action-title = Ano ang gagawin
event-action-owner = Sino
event-action-due-field = Hanggang kailan
event-action-due = hanggang { $date }
event-action-add = Idagdag ang gagawin
event-action-done = Markahang tapos
event-action-reopen = Hindi pa tapos
event-report-title = Ulat
event-report-registered = Nakarehistro
event-report-attended = Dumalo
event-report-rating = Marka
event-report-answers = { $count ->
    [one] ({ $count } sagot)
   *[other] ({ $count } sagot)
}
event-report-by-sector = Mga kalahok ayon sa sektor
event-report-by-country = Mga kalahok ayon sa bansa
event-report-people = Tao
event-report-nobody = Wala pang naka-check in.
event-report-feedback = Puna
event-report-comments = Mga komento
event-report-no-feedback = Wala pang puna.
error-event-rating = Pumili ng marka mula 1 hanggang 5.
error-event-due = Ibigay ang takdang petsa bilang petsa (taon-buwan-araw).
error-event-action-required = Sabihin kung ano ang gagawin.
error-event-material-link = Magbigay ng web address na nagsisimula sa https:// o http://.
error-event-material-title = Bigyan ng pamagat ang materyal.
error-event-material-resource = Wala sa aklatan ang sangguniang iyon, o hindi para sa iyo ang pag-link dito.
error-event-too-many-items = Naabot na ng kaganapang ito ang pinakamarami; mag-alis muna ng isa.
error-event-feedback-attendees = Para lang sa mga dumalo ang puna, kapag nagsimula na ang kaganapan.
error-event-feedback-twice = Nakapagbigay ka na ng puna para sa kaganapang ito.
event-series = Serye
event-series-part = Bahagi ng isang serye
event-series-weekly = Bawat linggo
event-series-yearly = Bawat taon
event-series-monthly = Bawat buwan tuwing { $nth } { $weekday }
event-series-nth-1 = unang
event-series-nth-2 = ikalawang
event-series-nth-3 = ikatlong
event-series-nth-4 = ikaapat na
event-series-nth-last = huling
event-series-count = { $count ->
    [one] { $count } beses
   *[other] { $count } beses
}
event-series-until = hanggang { $date }
weekday-1 = Lunes
weekday-2 = Martes
weekday-3 = Miyerkules
weekday-4 = Huwebes
weekday-5 = Biyernes
weekday-6 = Sabado
weekday-7 = Linggo
event-repeat = Ulitin ang kaganapang ito
event-repeat-how = Gaano kadalas
event-repeat-monthly = Bawat buwan sa parehong araw ng linggo (hal. ang unang Martes)
event-repeat-end = Hanggang
event-repeat-times = Ilang beses
event-repeat-count = Ilang beses, kasama ito
event-repeat-until = Hanggang sa isang petsa
event-repeat-until-date = Huling petsa
event-repeat-help = Bawat ulit ay nagiging sariling kaganapan, na may parehong oras, lugar, mga tagapag-organisa at setting, na mababago isa-isa; hindi kinokopya ang agenda. Hanggang { $max } ulit.
event-repeat-button = Gawin ang serye
error-event-series-rule = Hindi tugma ang pag-uulit na iyon sa petsa ng kaganapan.
error-event-series-count = May 2 hanggang 52 ulit ang isang serye.
error-event-series-until = Magbigay ng huling petsa na pagkatapos ng petsa ng kaganapan.
error-event-series-too-many = Lalampas iyon sa 52 ulit; pumili ng mas maagang huling petsa.
error-event-series-already = Bahagi na ng isang serye ang kaganapang ito.
awareness-title = Mga araw ng kamalayan
awareness-intro = Mga araw na ginugunita ng network bawat taon. May pahina ng kampanya ang bawat isa na nagtitipon ng mga pampublikong kaganapan sa araw na iyon, bawat bansa.
awareness-victims-of-torture = Pandaigdigang Araw ng Pagsuporta sa mga Biktima ng Tortyur
awareness-victims-of-torture-about = Hunyo 26: ang araw na nagkabisa ang Kumbensiyon laban sa Tortyur, noong 1987. Mga porum, bihilya at talakayan sa buong rehiyon ang kasama ng mga nakaligtas.
awareness-human-rights = Araw ng Karapatang Pantao
awareness-human-rights-about = Disyembre 10: ang araw na pinagtibay ang Pandaigdigang Pahayag ng Karapatang Pantao, noong 1948.
awareness-date = { $month } { $day }
awareness-add = Magdagdag ng araw ng kamalayan
awareness-name = Pangalan
awareness-day = Araw
awareness-month = Buwan
awareness-description = Tungkol saan ang araw (hindi kailangan)
awareness-add-button = Idagdag ang araw
awareness-years = Ibang taon
awareness-share = { $count ->
    [one] { $name } { $year }: { $count } pampublikong kaganapan sa { $countries }.
   *[other] { $name } { $year }: { $count } pampublikong kaganapan sa { $countries }.
}
awareness-share-none = { $name } { $year }: wala pang pampublikong kaganapan.
error-awareness-name = Bigyan ng pangalan ang araw.
error-awareness-date = Pumili ng araw na umiiral sa kalendaryo.
error-awareness-too-many = Naabot na ang pinakamaraming araw ng kamalayan.
month-1 = Enero
month-2 = Pebrero
month-3 = Marso
month-4 = Abril
month-5 = Mayo
month-6 = Hunyo
month-7 = Hulyo
month-8 = Agosto
month-9 = Setyembre
month-10 = Oktubre
month-11 = Nobyembre
month-12 = Disyembre
event-private-participant = Isang kalahok na pinananatiling pribado ang pangalan
event-checkin-code = code { $code }
event-your-checkin-code = Ang iyong check-in code: { $code }. Ipakita ito sa pinto kung hihingin ng mga tagapag-ayos.
event-check-mail-text-no-mail = Naitala ang iyong pagpaparehistro, ngunit kailangan itong kumpirmahin sa pamamagitan ng link na ipinadala sa e-mail, at hindi pa nagpapadala ng e-mail ang network na ito. Pakikontak ang mga tagapag-ayos.
events-done-chat_on = Bukas na ang chat ng event. Nasa loob ang mga organizer at ang mga miyembrong may puwesto.
events-done-chat_off = Sarado na ang chat ng event, at nabura na ang mga mensahe nito.

# Filipino — machine-assisted translation; marked for review by a native speaker.

site-tagline = Dito natatagpuan ng mga network laban sa tortyur ang kanilang mga kampeon, nagbabahagi ng mga epektibong gawi at sama-samang umuunlad.
skip-to-content = Lumaktaw sa nilalaman
nav-label = Pangunahin
nav-members = Mga miyembro
nav-organisations = Mga organisasyon
nav-invitations = Mga imbitasyon
nav-accounts = Mga account
nav-audit = Talaan ng audit
nav-security = Mga session at password
nav-sign-in = Mag-sign in
nav-sign-out = Mag-sign out
nav-menu = Menu
nav-profile = Aking profile
quick-exit = Mabilis na paglabas
quick-exit-help = Umalis agad: isa-sign out ka at magpapakita ng blangkong pahina. Ganoon din ang pagpindot ng Escape nang dalawang beses.
language-switch = Wika:
zone-shown-in = Ipinapakita ang oras sa
footer-privacy = Itinatago ng Roundtable ang iyong data sa sariling server ng inyong network. Walang anuman sa pahinang ito ang kinukuha mula sa ibang lugar.

## Unang pahina
home-title = Simula
home-heading = Roundtable
home-invite-only = Sa pamamagitan lamang ng imbitasyon mula sa isang tagapag-ugnay ng network ang pagiging miyembro.
home-members = { $count ->
    [one] { $count } miyembro
   *[other] { $count } na miyembro
}
home-members-text = Maghanap ng mga tao ayon sa sektor, bansa, kadalubhasaan at wika.
home-organisations = { $count ->
    [one] { $count } organisasyon
   *[other] { $count } na organisasyon
}
home-organisations-text = Mga akademya ng pulisya, mga institusyon para sa karapatang pantao, mga ministri, lipunang sibil, mga samahan ng abogado, mga unibersidad.
home-profile = Ang iyong profile
home-profile-text = Piliin kung ano ang ibabahagi mo, at kanino.
home-about-heading = Para saan ang network na ito
home-about-text = Walang sinumang makapipigil sa tortyur nang mag-isa. Pinag-uugnay ng Roundtable ang mga tagapagsanay ng pulisya, mga pambansang institusyon para sa karapatang pantao, mga ministri, mga abogado, mga doktor at ang lipunang sibil upang ang mabubuting gawi — imbestigatibong pakikipanayam, pagsubaybay sa mga piitan, mga legal na pananggalang sa kustodiya — ay maibahagi sa pagitan ng mga institusyon at mga bansa.
home-privacy-heading = Inuuna ang iyong kaligtasan
home-privacy-text = Bawat bahagi ng iyong profile ay may sariling setting kung sino ang makakakita. Walang anumang pampubliko maliban kung gagawin mo itong pampubliko, at kung mamarkahan mo ang iyong sarili na nasa panganib, ang mga tagapag-ugnay lamang ang makakakita na narito ka.

## Mga error
error-title = May hindi tama
error-home = Bumalik sa unang pahina
error-not-found = Walang ganitong pahina, o maaaring hindi mo ito puwedeng makita.
error-forbidden = Hindi ka pinapayagang gawin ito.
error-bad-address = Hindi kilala ng Roundtable ang address na ito. Tingnan ang link, o bumalik.
error-sign-in-required = Mag-sign in muna.
error-csrf = Nag-expire na ang form na ito o galing ito sa ibang site. I-reload ang pahina at subukang muli.
error-internal = Nagkaproblema sa aming panig. Walang nabago; pakisubukang muli mamaya.
error-too-large = Masyadong malaki ang ipinadala mo.
error-body-unreadable = Hindi mabasa ang ipinadala mo.
error-form-malformed = Hindi mabasa ang form na ito. I-reload ang pahina at subukang muli.
error-too-long = Masyadong mahaba ang tekstong ito: hanggang { $max } na character lamang.
error-too-many = Hanggang { $max } lamang nito ang maaari mong idagdag.
error-rate-limited = Masyadong maraming kahilingan mula sa iyong address. Maghintay sandali at subukang muli.
error-busy = Masyadong abala ang Roundtable ngayon. Walang nabago; pakisubukang muli pagkalipas ng ilang segundo.
error-control-characters = May mga character sa tekstong ito na hindi pinapayagan.
error-email-invalid = Hindi ito wastong e-mail address.
error-email-taken = May account na gamit ang e-mail address na ito.
error-name-required = Pakilagay ang pangalan.
error-name-characters = Hindi maaaring maglaman ang pangalan ng mga control character o ng < >.
error-password-short = Kailangang may hindi bababa sa { $min } na character ang password.
error-password-mismatch = Hindi magkapareho ang dalawang password.
error-password-common = Masyadong madaling hulaan ang password na ito: karaniwan ito, sumusunod sa isang pattern o naglalaman ng iyong pangalan. Subukan ang ilang salitang walang kaugnayan sa isa't isa.
error-password-current = Mali ang kasalukuyan mong password.
error-signin-failed = Mali ang e-mail address o ang password.
error-signin-throttled = Masyadong maraming pagtatangka. Maghintay ng { $minutes } minuto at subukang muli.
error-unknown-visibility = Hindi kilalang setting kung sino ang makakakita.
error-unknown-role = Hindi kilalang tungkulin.
error-unknown-sector = Hindi kilalang sektor.
error-unknown-expertise = Hindi kilalang larangan ng kadalubhasaan.
error-unknown-contact = Hindi kilalang uri ng contact.
error-unknown-country = Hindi kilalang bansa.
error-unknown-lang = Hindi kilalang wika.
error-unknown-language = Hindi kilalang wika.
error-unknown-organisation = Hindi kilalang organisasyon.
error-organisation-exists = May organisasyon nang may ganitong pangalan sa bansang ito.
error-parent-loop = Hindi maaaring maging bahagi ng sarili nito ang isang organisasyon.
error-website-invalid = Dapat buong address ang website na nagsisimula sa https:// o http://.
error-last-admin = Ikaw lamang ang tagapangasiwa: gawin munang tagapangasiwa ang ibang tao.
error-own-role = Hindi mo maaaring baguhin ang sarili mong tungkulin o i-deactivate ang sarili mong account.
error-contact-required = Pakilagay ang detalye ng contact.
error-preview-audience = Silipin bilang miyembro o bilang publiko.
error-photo-empty = Pumili ng larawan.
error-photo-too-large = Masyadong malaki ang larawan: hanggang { $mb } MB lamang.
error-photo-type = JPEG, PNG at WebP na larawan lamang ang tinatanggap.
error-photo-unreadable = Hindi mabasa ang file na ito bilang larawan.

## Mga abiso
notice-reset = Napalitan na ang iyong password. Mag-sign in.
notice-signedout = Naka-sign out ka na.
notice-deleted = Nabura na ang iyong account.
notice-password = Napalitan na ang iyong password at na-sign out ang lahat ng iba pang session.
notice-profile-welcome = Maligayang pagdating sa Roundtable! Maglaan ng sandali para punan ang iyong profile at piliin kung sino ang makakakita ng bawat bahagi.
notice-profile-saved = Na-save na ang iyong profile.
notice-profile-photo = Na-save na ang iyong larawan.

## Mga field
field-email = E-mail
field-password = Password
field-new-password = Bagong password
field-confirm-password = Ulitin ang bagong password
field-current-password = Kasalukuyang password
field-display-name = Pangalang ipapakita
field-name = Pangalan
field-role = Tungkulin
field-sector = Sektor
field-country = Bansa
field-region = Lungsod o rehiyon
field-bio = Tungkol sa
field-expertise = Kadalubhasaan
field-language = Wika
field-languages = Mga wika
field-organisation = Organisasyon
field-organisation-optional = Organisasyon (opsyonal)
field-organisations = Mga organisasyon
field-title = Titulo o posisyon
field-contacts = Pakikipag-ugnayan
field-contact-kind = Paraan
field-contact-value = Address, numero o handle
field-visibility = Sino ang makakakita nito
field-photo = Larawan
field-photo-file = File ng larawan
field-at-risk = Nasa panganib
field-at-risk-label = Nasa panganib ako: itago ako sa lahat maliban sa mga tagapag-ugnay at tagapangasiwa
field-website = Website
field-description = Paglalarawan
field-parent = Bahagi ng
field-org-public = Ipakita ang organisasyong ito sa mga pampublikong pahina
help-display-name = Ang pangalang nakikita ng iba. Puwede ang alyas.
help-display-name-visible = Makikita ang pangalang ito ng lahat ng nakakakita ng iyong profile. Puwede ang alyas.
help-password = Hindi bababa sa 12 character. Ang ilang salitang walang kaugnayan sa isa't isa ay madaling tandaan at mahirap hulaan.
help-at-risk = Mawawala ka sa direktoryo, sa mga listahan at sa paghahanap para sa ibang miyembro at sa publiko. Makikita ka pa rin ng mga tagapag-ugnay at tagapangasiwa upang masuportahan ka nila.
help-contacts = Bawat contact ay may sariling setting kung sino ang makakakita. Bilang default, mga tagapag-ugnay lamang ang nakakakita nito.
help-photo = JPEG, PNG o WebP, hanggang 5 MB. Nag-iimbak kami ng maliit na kopya at inaalis namin ang lokasyon at mga detalye ng camera.
visibility-of = Sino ang makakakita: { $field }
option-any = Kahit ano
option-none = Wala
option-choose = Pumili…
action-add = Idagdag
action-remove = Alisin
action-upload = I-upload

## Mga bokabularyo
visibility-private = Ako lamang
visibility-coordinators = Mga tagapag-ugnay
visibility-members = Mga miyembro
visibility-public = Lahat (publiko)
role-admin = Tagapangasiwa
role-coordinator = Tagapag-ugnay
role-member = Miyembro
sector-police = Pulisya
sector-government = Pamahalaan
sector-nhri = Institusyon para sa karapatang pantao / NPM
sector-civil_society = Lipunang sibil
sector-legal = Propesyong legal
sector-health = Kalusugan at forensik
sector-academia = Akademya
sector-international = Internasyonal
sector-media = Midya
sector-other = Iba pa
expertise-investigative_interviewing = Imbestigatibong pakikipanayam
expertise-detention_monitoring = Pagsubaybay sa mga piitan
expertise-legal_safeguards = Mga legal na pananggalang
expertise-opcat_npm = OPCAT at mga NPM
expertise-torture_documentation = Dokumentasyon ng tortyur (Istanbul Protocol)
expertise-victim_support = Suporta sa mga biktima
expertise-training = Pagsasanay
expertise-law_reform = Reporma sa batas
expertise-research = Pananaliksik
expertise-advocacy = Adbokasiya
contact-email = E-mail
contact-phone = Telepono
contact-signal = Signal
contact-line = LINE
contact-whatsapp = WhatsApp
contact-telegram = Telegram
contact-other = Iba pa
country-TH = Thailand
country-MY = Malaysia
country-PH = Pilipinas
country-ID = Indonesia
country-KH = Kambodya
country-LA = Laos
country-MM = Myanmar
country-VN = Vietnam
country-SG = Singapore
country-BN = Brunei
country-TL = Timor-Leste
country-BD = Bangladesh
country-LK = Sri Lanka
country-NP = Nepal
country-IN = India
country-PK = Pakistan
country-MN = Mongolia
country-KR = Timog Korea
country-JP = Hapon
country-AU = Australia
country-NZ = New Zealand
country-CH = Suwisa
country-GB = United Kingdom
country-FR = Pransiya
country-DE = Alemanya
country-NL = Olanda
country-DK = Dinamarka
country-SE = Suwesya
country-NO = Noruwega
country-US = Estados Unidos
country-CA = Kanada
lang-th = Wikang Thai
lang-en = Wikang Ingles
lang-ms = Wikang Malay
lang-fil = Wikang Filipino
lang-id = Wikang Indones
lang-km = Wikang Khmer
lang-lo = Wikang Lao
lang-my = Wikang Burmes
lang-vi = Wikang Biyetnames
lang-zh = Wikang Tsino
lang-ta = Wikang Tamil
lang-ceb = Wikang Cebuano
lang-ilo = Wikang Ilokano
lang-tet = Wikang Tetum
lang-fr = Wikang Pranses
lang-es = Wikang Espanyol
lang-ar = Wikang Arabe
lang-ja = Wikang Hapones
lang-ko = Wikang Koreano
lang-hi = Wikang Hindi
lang-de = Wikang Aleman
lang-pt = Wikang Portuges

## Pag-sign in, mga imbitasyon, mga password
signin-title = Mag-sign in
signin-submit = Mag-sign in
signin-forgot = Nakalimutan ang password?
accept-title = Sumali sa Roundtable
accept-intro = Inimbitahan ka bilang { $email }. Piliin kung paano ka makikilala ng iba at ang iyong password.
invitations-field-name = Ang kanilang pangalan (opsyonal)
invitations-field-language = Wika ng imbitasyon
invitations-field-note = Isang personal na mensahe (opsyonal)
invitations-field-note-help = Sisipin sa e-mail ng imbitasyon, sa ilalim ng iyong pangalan.
accept-from-org = Inimbitahan ka kasama ng { $org }: ang iyong sektor at bansa ay nagsisimula bilang sa kanila. Baguhin ang mga ito, at kung sino ang nakakakita, sa iyong profile.
accept-submit = Gawin ang aking account
invitation-gone-title = Hindi na magagamit ang imbitasyong ito
invitation-gone-text = Nag-expire na ang link, nagamit na, o binawi na. Humingi ng bagong imbitasyon sa iyong tagapag-ugnay.
forgot-title = I-reset ang iyong password
forgot-intro = Ilagay ang e-mail address ng iyong account. Padadalhan ka namin ng link para makapili ng bagong password.
forgot-submit = Ipadala ang link
forgot-sent-title = Tingnan ang iyong e-mail
forgot-sent-text = Kung may account para sa address na ito, papunta na ang link para i-reset ang password. Isang beses lamang gumagana ang link, sa loob ng isang oras.
reset-title = Pumili ng bagong password
reset-submit = I-save ang bagong password
reset-gone-title = Hindi na magagamit ang link na ito
reset-gone-text = Nag-expire na o nagamit na ang link. Maaari kang humingi ng bago.
password-title = Palitan ang iyong password
password-intro = Pagkatapos ng pagpapalit, masa-sign out ang lahat ng iba pang session ng iyong account.
password-submit = Palitan ang password
sessions-title = Ang iyong mga session
sessions-intro = Ito ang mga device na naka-sign in sa iyong account. Kung may hindi ka nakikilala, i-sign out ito at palitan ang iyong password.
sessions-current = ang device na ito
sessions-unknown-device = Hindi kilalang device
sessions-started = Nag-sign in noong { $when }
sessions-last-seen = huling aktibo noong { $when }
sessions-revoke = I-sign out
sessions-revoke-all = Mag-sign out sa lahat ng device
sessions-change-password = Palitan ang iyong password
delete-title = Burahin ang aking account
delete-intro = Buburahin nito ang iyong account at ang buo mong profile — larawan, mga contact, mga organisasyon — agad at permanente. Itatala lamang ng talaan ng audit na may account na binura, nang wala ang iyong pangalan.
delete-submit = Permanenteng burahin ang aking account
invitations-title = Mga imbitasyon
invitations-intro = Mag-imbita ng tao sa pamamagitan ng e-mail. Isang beses lamang gumagana ang link at mag-e-expire ito pagkalipas ng { $days } araw.
invitations-created = Nagawa na ang imbitasyon para kay { $email } at nakapila na para ipadala sa e-mail.
invitations-link = Maaari mo ring ipasa ang link na ito sa pamamagitan ng channel na pinagkakatiwalaan mo:
invitations-submit = Mag-imbita
invitations-pending = Mga nakabinbing imbitasyon
invitations-none = Walang nakabinbing imbitasyon.
invitations-by = inimbitahan ni { $name } noong { $when }
invitations-expires = mag-e-expire sa { $when }
invitations-revoke = Bawiin

## Mga e-mail
mail-invitation-subject = Inaanyayahan ka ni { $inviter } sa Roundtable
mail-invitation-body =
    Inaanyayahan ka ni { $inviter } na sumali sa Roundtable, ang espasyo kung saan nagtutulungan ang inyong network laban sa tortyur.

    Buksan ang link na ito para piliin ang iyong pangalan at password (isang beses lamang itong gumagana, sa loob ng { $days } araw):
    { $link }

    Kung hindi mo inaasahan ang imbitasyong ito, maaari mong balewalain ang e-mail na ito.
mail-invitation-hello = Magandang araw,
mail-invitation-hello-name = Magandang araw, { $name },
mail-invitation-note = Dagdag ni { $inviter }:
mail-reset-subject = I-reset ang iyong password sa Roundtable
mail-reset-body =
    Magandang araw,

    May humiling na i-reset ang password ng iyong account sa Roundtable. Para pumili ng bagong password, buksan ang link na ito (isang beses lamang itong gumagana, sa loob ng { $minutes } minuto):
    { $link }

    Kung hindi ikaw ito, balewalain ang e-mail na ito: hindi magbabago ang iyong password.

## Direktoryo
directory-title = Mga miyembro
directory-public-note = Nakikita mo ang mga miyembrong piniling ipakita sa publiko ang bahagi ng kanilang profile. Mas marami ang nakikita ng mga miyembrong naka-sign in.
directory-count = { $count ->
    [0] Walang nakitang miyembro
    [one] { $count } miyembro ang nakita
   *[other] { $count } na miyembro ang nakita
}
directory-empty = Walang tumutugma sa mga filter na ito.
filter-text = Pangalan, organisasyon o bio
filter-text-org = Pangalan o paglalarawan
filter-text-account = Pangalan o e-mail address
filter-submit = I-filter
filter-clear = Alisin ang mga filter
pager-label = Mga pahina
pager-previous = ← Nakaraan
pager-next = Susunod →
pager-position = Pahina { $page } ng { $pages }

## Mga profile
profile-at-risk-badge = Nasa panganib: nakatago sa mga miyembro
profile-edit = I-edit ang aking profile
profile-photo-of = Larawan ni { $name }
preview-title = Silip
preview-as-member = Ganito nakikita ng ibang miyembro ang iyong profile.
preview-as-public = Ganito nakikita ng publiko ang iyong profile.
preview-member = Silipin bilang miyembro
preview-public = Silipin bilang publiko
preview-back = Bumalik sa pag-edit
preview-hidden = Hindi nakikita ng grupong ito ang iyong profile.
edit-title = Aking profile
edit-intro = Sa tabi ng bawat bahagi, piliin kung sino ang makakakita nito. Makikita ng lahat ng nakakakita ng iyong profile ang iyong pangalang ipinapakita.
edit-view = Tingnan ang aking profile
edit-about = Tungkol sa akin
edit-visibility-more = Iba pang setting kung sino ang makakakita
edit-save = I-save

## Mga organisasyon
orgs-title = Mga organisasyon
orgs-new = Bagong organisasyon
orgs-edit = I-edit ang organisasyon
orgs-count = { $count ->
    [0] Walang nakitang organisasyon
    [one] { $count } organisasyon
   *[other] { $count } na organisasyon
}
orgs-empty = Walang organisasyong tumutugma sa mga filter na ito.
orgs-none-yet = Wala pang organisasyon.
orgs-part-of = bahagi ng { $name }
orgs-units = Mga yunit
orgs-members = Mga miyembro
orgs-no-members = Walang miyembrong maipapakita.
orgs-public = Pampubliko
orgs-members-only = Para sa mga miyembro lamang

## Pangangasiwa
users-title = Mga account
users-last-seen = Huling nakita
users-status = Katayuan
users-active = Aktibo
users-inactive = Naka-deactivate
users-change-role = Palitan
users-deactivate = I-deactivate
users-reactivate = I-activate muli
audit-title = Talaan ng audit
audit-intro = Mga pag-sign in, mga bigong pag-sign in, mga imbitasyon, mga pagbabago sa tungkulin at sa kung sino ang makakakita. Ang mga IP address ay itinatago lamang bilang mga prefix ng network.
audit-when = Kailan
audit-action = Pangyayari
audit-actor = Gumawa
audit-target = Apektadong account
audit-detail = Detalye
audit-network = Network ng IP
audit-empty = Wala pang naitatala.
audit-none-match = Walang tumutugma sa mga filter na ito.
audit-account-gone = isang inalis na account
audit-detail-command-line = { $role }, mula sa command line
audit-detail-tie = { $a } at { $b }: { $kind }
audit-detail-pair = { $a } at { $b }
audit-detail-at-risk-on = Nasa panganib na ngayon
audit-detail-at-risk-off = Wala na sa panganib
audit-filter-kind = Uri
audit-filter-all = Lahat ng uri
audit-filter-not-signins = Lahat maliban sa pag-sign in
audit-filter-person = Tao (pangalan o e-mail address)
audit-signin = Nag-sign in
audit-signin_failed = Bigong pag-sign in
audit-signin_throttled = Tinanggihan ang pag-sign in (masyadong maraming pagtatangka)
audit-signed_out_everywhere = Nag-sign out sa lahat ng device
audit-invitation_created = Nagawa ang imbitasyon
audit-invitation_revoked = Binawi ang imbitasyon
audit-invitation_renewed = Ni-renew ang imbitasyon
audit-invitation_accepted = Tinanggap ang imbitasyon
audit-account_created = Nagawa ang account
audit-role_changed = Binago ang tungkulin
audit-account_deactivated = Na-deactivate ang account
audit-account_reactivated = Na-activate muli ang account
audit-visibility_changed = Binago kung sino ang makakakita
audit-at_risk_changed = Binago ang katayuang nasa panganib
audit-password_changed = Pinalitan ang password
audit-password_reset = Na-reset ang password
audit-account_deleted = Binura ang account
audit-champion_stage_changed = Binago ang yugto ng champion
audit-tie_recorded = Naitala ang ugnayan
audit-tie_removed = Inalis ang ugnayan

endorsements-count = { $count ->
    [one] inendorso ng { $count } miyembro
   *[other] inendorso ng { $count } miyembro
}
endorsements-add = I-endorso
endorsements-withdraw = Bawiin ang aking endorso
error-endorse-self = Hindi mo maaaring i-endorso ang iyong sarili.
error-endorse-area = Maaari mo lamang i-endorso ang larangang nakalista bilang kadalubhasaan ng miyembrong ito.

## Network and ties
nav-network = Network
network-title = Network
network-intro = Sino ang nakikipagtulungan kanino sa iba't ibang sektor at bansa, kinuwenta mula sa mga ugnayang itinala ng mga miyembro at sa gawaing pinagsasaluhan nila.
network-me = Mayroon kang { $ties } ugnayan: { $cross_sector } sa ibang sektor at { $cross_country } sa ibang bansa.
network-ties-blurb = Ang mga taong kilala mo at nakatrabaho mo.
network-size = Ang network na nakikita mo: { $members } miyembro, { $ties } ugnayan.
ties-title = Mga ugnayan
ties-intro = Itala ang mga taong kilala mo at nakatrabaho mo. Hindi kailanman ipinapakita sa publiko ang mga ugnayan; ang ugnayan sa miyembrong nasa panganib ay nakikita lamang ng mga coordinator.
ties-none = Wala pang naitalang ugnayan.
ties-record-between = Magtala ng ugnayan sa pagitan ng dalawang miyembro
ties-record-between-help = Bilang coordinator, maaari kang magtala ng ugnayan para sa isang miyembro, halimbawa pagkatapos ng pulong. Itinatala ito sa audit log.
ties-how-to-record = Para magtala ng ugnayan, buksan ang profile ng kasamahan at gamitin ang "Magtala ng ugnayan".
tie-field-member = Miyembro
tie-field-other = Kasama si
tie-choose = Pumili ng miyembro
tie-field-kind = Paano kayo magkakilala
tie-field-strength = Gaano kalapit
tie-strength-unsaid = Hindi sinabi
tie-strength-1 = Magkakilala
tie-strength-2 = Paminsan-minsang ugnayan
tie-strength-3 = Regular na ugnayan
tie-strength-4 = Malapit na kasamahan
tie-strength-5 = Napakalapit
tie-field-since = Mula noong
tie-since-help = Isang taon, o taon at buwan, hal. 2019 o 2019-06.
tie-since = mula { $since }
tie-from-introduction = sa pamamagitan ng pagpapakilala
tie-record = Itala ang ugnayan
ties-recorded = Naitala na ang ugnayan. Kasama na ito sa network mula ngayon.
tie-record-with = Magtala ng ugnayan kay { $name }
tie-remove = Alisin
tie-knows = Magkakilala
tie-worked_together = Nagtulungan sa trabaho
tie-trained_or_mentored = Nagsanay o nag-mentor
tie-co_organised = Magkasamang nag-organisa ng aktibidad
stage-candidate = Kandidato
stage-approached = Nalapitan na
stage-active = Aktibong champion
stage-alumni = Alumni
support-training_materials = Mga materyales sa pagsasanay
support-expert_contact = Kontak sa eksperto
support-speaking_opportunity = Pagkakataong magsalita
support-mentoring = Paggabay
support-event_invitation = Imbitasyon sa kaganapan
error-unknown-tie = Hindi kilalang uri ng ugnayan.
error-unknown-stage = Hindi kilalang yugto.
error-unknown-support = Hindi kilalang uri ng suporta.
error-tie-since = Ibigay ang simula bilang taon, o taon at buwan gaya ng 2019-06, hindi lalampas sa taong ito.
error-tie-strength = Ang lapit ay dapat nasa pagitan ng 1 at 5.
error-tie-member = Pumili ng miyembrong nakikita mo sa direktoryo.
error-tie-self = Kailangan ng dalawang magkaibang tao ang isang ugnayan.
mail-off-banner = Hindi nagpapadala ng e-mail: walang nakatakdang mail server (ROUNDTABLE_SMTP_URL). Naghihintay ang mga imbitasyon, pag-reset ng password at kumpirmasyon ng event hanggang may maitakda. Pansamantala, ikaw mismo ang magpasa ng mga link ng imbitasyon.
invitations-created-no-mail = Nagawa na ang imbitasyon para kay { $email }. Hindi pa nagpapadala ng e-mail ang server na ito: ikaw mismo ang magpasa ng link sa ibaba, sa daluyang pinagkakatiwalaan mo.
invitations-pending-already = May bukas pang imbitasyon si { $email }. Isang beses lang ipinakita ang link nito at hindi ito itinatago: i-renew ito para makakuha ng bagong link (hindi na gagana ang luma).
invitations-renew = I-renew at ipakita ang link
error-unknown-audit = Hindi ito uri ng pangyayaring itinatala ng audit log.
home-events-tile = Mga event
home-events-tile-text = Mga pampublikong forum, panel at araw ng kamalayan, bukas sa lahat.
home-library-tile = Aklatan ng mga sanggunian
home-library-tile-text = Mga gabay, materyales sa pagsasanay at ulat na mababasa at maibabahagi.

# Second factors
signin-shared = Ito ay isang pinagsasaluhang device
signin-shared-help = Masa-sign out ka kapag isinara ang browser at pagkatapos ng 30 minutong hindi paggamit.
notice-expired = Masyadong natagalan ang pag-sign in na iyon o napakaraming maling code. Mag-sign in muli.
code-title = Ang iyong one-time code
code-field = Code
code-help = Ang anim na digit na ipinapakita ngayon ng iyong authenticator app, o isa sa iyong mga recovery code.
code-start-again = Magsimula muli
error-code-wrong = Mali ang code na iyon. { $count ->
    [1] Isa pang subok.
   *[other] { $count } pang subok.
}
error-code-setup = Mali ang code na iyon. Tingnan ang oras sa iyong telepono at i-type ang code na ipinapakita ng app ngayon.
error-totp-on-already = Naka-on na ang mga one-time code.
error-totp-off = I-on muna ang mga one-time code.
security-title = Seguridad ng pag-sign in
security-totp = Mga one-time code
security-totp-on = Naka-on ang mga one-time code: hihingi ang pag-sign in ng code mula sa iyong authenticator app pagkatapos ng password.
security-totp-off = Gumamit ng authenticator app (gaya ng Aegis, FreeOTP o Google Authenticator) para sa anim na digit na code sa bawat pag-sign in.
security-totp-start = I-set up ang mga one-time code
security-totp-remove = I-off ang mga one-time code
security-recovery-left = { $count ->
    [0] Wala ka nang recovery code: gumawa ng bago.
    [1] May 1 recovery code ka pa.
    *[other] May { $count } recovery code ka pa.
}
security-recovery-new = Gumawa ng mga bagong recovery code
totp-title = I-set up ang mga one-time code
totp-step-app = Buksan ang iyong authenticator app at magdagdag ng account.
totp-step-scan = I-scan ang code na ito gamit ito:
totp-qr-label = QR code ng susi ng iyong one-time code
totp-or-type = O i-type ang susing ito:
totp-step-code = I-type ang anim na digit na ipinapakita ng app.
totp-confirm = I-on ang mga one-time code
recovery-title = Ang iyong mga recovery code
recovery-intro = Kung mawala ang iyong telepono, bawat isa sa { $count } code na ito ay makapagpa-sign in sa iyo nang isang beses sa halip na one-time code. Isulat o i-print ang pahinang ito, at itago sa ligtas na lugar.
recovery-once = Ngayon lamang ipinapakita ang mga ito. Kapag gumawa ng bago, hindi na gagana ang mga ito.
recovery-done = Naitago ko na
sessions-second-factor = may pangalawang factor
sessions-shared = pinagsasaluhang device
audit-second_factor_added = In-on ang pangalawang factor
audit-second_factor_removed = In-off ang pangalawang factor
mail-new-device-subject = Bagong pag-sign in sa iyong Roundtable account
mail-new-device-body =
    Kakapasok lamang sa iyong account mula sa isang device na hindi pa nakikita:

        { $device }, { $when }

    Kung ikaw ito, wala kang kailangang gawin. Kung hindi, palitan agad ang iyong password at i-sign out ang lahat ng session sa "Mga session at password".
factor-policy-nobody = Walang sinuman (bawat isa ang pipili)
factor-policy-staff = Mga coordinator at admin
factor-policy-everyone = Lahat
factor-due-by = Hinihiling ng iyong network na mag-on ka ng pangalawang factor bago mag-{ $date }.
factor-overdue = Kailangan ng iyong network ng pangalawang factor para sa iyong account: sarado ang mga pahina ng coordinator at admin hanggang mag-on ka ng isa.
error-second-factor-required = Kailangan ng iyong network ng pangalawang factor para rito. I-on ang mga one-time code sa Mga session at password → Seguridad ng pag-sign in.
error-grace-days = Magbigay ng bilang ng araw mula 0 hanggang { $max }.
error-policy-own-factor-first = I-on muna ang sarili mong pangalawang factor, para hindi nito isara ang sarili mong mga pahina.
policy-title = Patakaran sa pangalawang factor
policy-intro = Pinapanatiling ligtas ng pangalawang factor ang isang account kapag na-phish o nahulaan ang password nito. Nakikita ng mga coordinator at admin ang bawat miyembrong nasa panganib: hilingin man lang ito sa kanila.
policy-without = Walang pangalawang factor ngayon: { $staff } coordinator at admin, { $everyone } account sa kabuuan.
policy-grace-until = Ang mga wala pa nito ay may hanggang { $date }.
policy-required-for = Sino ang dapat gumamit nito
policy-grace-days = Mga araw para i-set up ito
policy-grace-help = Hanggang noon, mananatili ang kanilang access at bawat pahina ay gagabay sa kanila na i-set up ito; pagkatapos, sarado ang mga pahina ng coordinator at admin hanggang mayroon sila nito. 0: agad.
audit-signin_policy_changed = Binago ang patakaran sa pangalawang factor
audit-detail-policy = { $policy }, { $days } araw para i-set up ito
nav-policy = Mga pangalawang factor
invitations-revoke-title = Bawiin ang imbitasyong ito?
invitations-revoke-text = Titigil agad gumana ang link na ipinadala kay { $email }. Maaari mo silang imbitahan muli sa ibang pagkakataon.
invitations-revoke-yes = Bawiin ang imbitasyon
invitations-revoke-no = Panatilihin
invitations-withdrawn = Binawi ang imbitasyon: hindi na gumagana ang link nito.
orgs-created = Nagawa ang organisasyon.
orgs-saved = Nai-save ang mga pagbabago.
error-limit-day = Nagawa mo na ito nang { $max } beses ngayong araw, ang pinakamarami para sa isang araw. Pakisubukang muli bukas.
error-limit-minutes = Nagawa mo na ito nang { $max } beses sa loob ng { $minutes } minuto. Maghintay nang kaunti at subukang muli.
bulk-title = Mag-imbita ng listahan ng mga tao
bulk-link = Mag-imbita ng listahan ng mga tao nang sabay-sabay
bulk-intro = Mag-paste ng hanggang { $max } tao, isa bawat linya: e-mail address, pangalan, organisasyon (maaaring iwan ang pangalan at organisasyon). Kopyahin ang mga column mula sa spreadsheet, o paghiwalayin ng kuwit o semicolon. Bawat tao ay makakatanggap ng sariling link na isang beses lang magagamit sa e-mail, may bisa nang 7 araw.
bulk-field-people = Mga tao
bulk-field-people-help = Halimbawa: maria@example.ph, Maria Santos, Free Legal Assistance Group
bulk-field-organisation = Organisasyon para sa lahat na walang nakasulat sa kanilang linya (opsyonal)
bulk-submit = Imbitahan ang lahat ng maaaring imbitahan
bulk-sent = { $count ->
   *[other] { $count } imbitasyon ang naipadala
}
bulk-refused = { $count ->
    [0] Walang tinanggihan
   *[other] { $count } linya ang tinanggihan
}
bulk-links = Ngayon lang ipapakita ang mga link; maaari mo rin silang ipasa sa isang channel na pinagkakatiwalaan mo.
bulk-link-column = Link
bulk-line = Linya
bulk-reason = Dahilan
bulk-error-empty = Walang taong maiimbitahan sa listahan.
bulk-error-too-many = Hanggang { $max } tao lamang ang maaaring nasa isang listahan; hatiin ito.
bulk-error-twice = Dalawang beses nasa listahan ang address na ito.
bulk-error-pending = May bukas pang imbitasyon ang address na ito; i-renew ito sa pahina ng mga imbitasyon.
bulk-error-limit = Maaari kang magpadala ng { $max } imbitasyon bawat araw; { $left } na lang ang natitira ngayon. Paikliin ang listahan o ipadala ang iba bukas.

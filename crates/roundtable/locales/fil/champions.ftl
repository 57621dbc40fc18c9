## Champions: identification and paths (coordinators and admins)
# Filipino counts many numbers besides 1 as "one" (2, 3, 5, ...): messages here use the
# number itself in every case rather than a separate wording for 1.
network-champions-blurb = Mga miyembrong maaaring magdala pa ng gawain ng network, at ang landas ng bawat champion.
champions-title = Mga champion
champions-intro = Nakaayos ang mga miyembro ayon sa kung gaano nila madadala ang gawain ng network sa iba't ibang sektor at bansa. Panimula ng usapan ang iskor, hindi hatol. Mga coordinator at admin lamang ang nakakakita ng pahinang ito.
champions-field-stage = Yugto
champions-stage-none = Wala pa sa landas
champions-count = { $count ->
    [0] Walang miyembrong tugma sa mga filter na ito
   *[other] { $count } miyembro
}
champions-caption = Mga posibleng champion, pinakamataas na iskor muna
champions-col-rank = Ranggo
champions-col-member = Miyembro
champions-col-score = Iskor
champions-col-why = Bakit
champions-col-stage = Landas
champions-part-influence = Impluwensiya
champions-part-brokerage = Pagiging tulay
champions-part-activity = Aktibidad
champions-part-endorsements = Mga endorso
champions-open-path = Buksan ang landas
champions-empty = Walang miyembrong tugma sa mga filter na ito.
champions-how-title = Paano binubuo ang iskor
champions-how = Bawat bahagi ay percentile: ang bahagi ng mga miyembrong may mas mababang halaga. Ang impluwensiya ({ $influence } % ng iskor) ay eigenvector centrality at PageRank: ang pagkakaugnay sa mga taong maraming ugnayan. Ang pagiging tulay ({ $brokerage } %) ay betweenness, ang pagpagitna sa mga kasamahan mula sa magkaibang sektor o bansa na walang sariling ugnayan, at mga ugnayang tumatawid sa sektor at bansa. Binibilang ng aktibidad ({ $activity } %) ang mga naitalang ugnayan, mga pagpapakilalang nauwi sa ugnayan at mga endorsong ibinigay sa nakaraang labindalawang buwan. Binibilang ng mga endorso ({ $endorsements } %) ang mga kasamahang nag-endorso sa kadalubhasaan ng miyembro. Hindi niraranggo ang mga coordinator at admin.
champion-reason-sectors-in = Pinag-uugnay ang { $sector } at { $other } sa { $country }: { $count } ugnayang tumatawid sa sektor
champion-reason-sectors = Pinag-uugnay ang { $sector } at { $other }: { $count } ugnayang tumatawid sa sektor
champion-reason-countries = Pinag-uugnay ang { $country } at { $other }: { $count } ugnayang tumatawid sa bansa
champion-reason-broker = Nasa pagitan ng { $count } pares ng mga kasamahan mula sa magkaibang sektor na walang sariling ugnayan
champion-reason-central = Kabilang sa { $percent } % na pinakasentral na miyembro
champion-reason-endorsed = Inendorso ng { $count } kasamahan
champion-reason-active = { $count } ambag sa nakaraang labindalawang buwan: mga ugnayan, pagpapakilala, endorso
champion-reason-initiatives = Nangunguna o focal person ng { $count } inisyatibang kasalukuyang isinasagawa

champion-path-title = Landas ng champion: { $name }
champion-profile-link = Tingnan ang profile
champion-at-risk-note = Nasa panganib ang miyembrong ito. Mga coordinator at admin lamang ang nakakakita ng landas na ito; planuhin nang harapan ang anumang pakikipag-ugnayan at huwag silang bigyan ng pampublikong papel maliban kung hihilingin nila.
champion-path-heading = Ang landas
champion-current = Kasalukuyang yugto: { $stage }
champion-not-on-path = Wala pa sa landas. Piliin ang "Kandidato" sa ibaba para simulan ito.
champion-why-heading = Bakit sila nasa ranggong ito
champion-score-of = sa 100
champion-move-heading = Sumulong sa landas
champion-field-note-optional = Tala (opsyonal)
champion-move = I-save ang yugto
champion-note-heading = Magdagdag ng tala o itala ang suportang ibinigay
champion-field-support = Suportang ibinigay
champion-support-none = Wala, tala lamang
champion-field-note = Tala
champion-note-help = Ano ang nangyari, ano ang napagkasunduan, ano ang susunod. Hanggang { $max } character.
champion-add-note = Idagdag sa talaan ng mga pangyayari
champion-note-first = Ilagay muna ang miyembro sa landas; itinatabi ang mga tala kasama ng yugto.
champion-timeline-heading = Talaan ng mga pangyayari
champion-timeline-empty = Wala pang naitala.
champion-by = ni { $name }
champion-former-author = isang dating account
champion-done-stage = Na-save ang yugto.
champion-done-note = Naidagdag sa talaan ng mga pangyayari.
error-champion-same-stage = Nasa yugtong ito na ang miyembro. Magdagdag na lang ng tala.
error-champion-note-empty = Sumulat ng tala o piliin ang suportang ibinigay.
error-champion-not-on-path = Ilagay muna ang miyembro sa landas: pumili ng yugto.

## Introductions
network-introductions-blurb = Makilala ang mga kasamahan sa ibang sektor at bansa, o ipakilala ang dalawang tao sa isa't isa.
intro-title = Mga pagpapakilala
intro-intro = Pinagtatagpo ng pagpapakilala ang dalawang taong hindi pa magkakilala. Pareho nilang nakikita ito rito at sinasagot; kapag pareho silang tumanggap, naitatala ang ugnayan nila.
intro-at-risk-note = Dahil nakamarkang nasa panganib ang iyong profile, hindi ka maaaring magpakilala o maipakilala: ipapakita ka ng pagpapakilala sa ibang tao. Matutulungan ka ng isang coordinator na makilala ang mga kasamahan nang ligtas.
intro-waiting-heading = Naghihintay ng iyong sagot
intro-waiting-none = Walang pagpapakilalang naghihintay ng iyong sagot.
intro-accept = Tanggapin
intro-decline = Tanggihan
intro-suggestions-heading = Mga taong maaari mong makilala
intro-suggestions-help = Mga taong may kasamahan kayong pareho, inuuna ang ibang sektor at bansa, at ang parehong kadalubhasaan at wika.
intro-suggestions-none = Wala pang mungkahi. Itala ang mga ugnayan mo sa mga kasamahan, at susunod ang mga mungkahi.
intro-introduce-me = Ipakilala ang sarili kay { $name }
intro-in-person = Nasa panganib: ipakilala sila nang harapan, hindi sa pamamagitan ng Roundtable.
intro-pairs-heading = Mga pares na magdudugtong sa mga sektor at bansa
intro-pairs-help = Dalawang taong may parehong kasamahan pero walang ugnayan, mula sa magkaibang sektor o bansa.
intro-pairs-none = Walang pares na maimumungkahi.
intro-and = at
intro-introduce-them = Ipakilala sina { $a } at { $b }
intro-form-heading = Ipakilala ang dalawang tao
intro-form-help = Piliin ang sarili mo at isang kasamahan, o dalawang kasamahang dapat magkakilala. Makakatanggap ang bawat isa ng e-mail na may link sa pahinang ito.
intro-field-first = Unang tao
intro-field-second = Ikalawang tao
intro-field-message = Bakit sila dapat magkakilala
intro-message-help = Ilang salita para sa kanilang dalawa, hanggang { $max } character.
intro-send = Ipadala ang pagpapakilala
intro-history-heading = Iba mo pang pagpapakilala
intro-history-none = Wala pa.
intro-status-open = Naghihintay ng sagot
intro-status-connected = Parehong tumanggap: naitala ang ugnayan
intro-status-declined = Isinara nang walang ugnayan
intro-you-asked = Hiniling mong makilala si { $name }
intro-asks-you = Gusto kang makilala ni { $name }
intro-you-introduced = Ipinakilala mo sina { $a } at { $b }
intro-introduced-you = Ipinakilala ka ni { $introducer } kay { $name }
intro-introduced-you-anonymous = Ipinakilala ka ng isang miyembro kay { $name }
intro-done-sent = Naipadala ang pagpapakilala.
intro-done-accepted = Tinanggap mo. Maitatala ang ugnayan kapag tumanggap na rin ang isa pa.
intro-done-connected = Pareho kayong tumanggap: naitala ang ugnayan.
intro-done-declined = Tinanggihan mo; sarado na ang pagpapakilala.
suggestion-common = { $count } kasamahang pareho ninyong kilala
suggestion-other-sector = ibang sektor: { $sector }
suggestion-other-country = ibang bansa: { $country }
suggestion-shared-expertise = parehong gumagawa sa { $area }
suggestion-shared-language = parehong nagsasalita ng { $language }
suggestion-between = { $a } at { $b }
error-introduction-person = Pumili ng mga taong nakikita mo sa direktoryo.
error-introduction-same = Kailangan ng pagpapakilala ang dalawang magkaibang tao.
error-introduction-message = Sumulat ng ilang salita kung bakit sila dapat magkakilala.
error-introduction-at-risk = Hindi maaaring kasangkot sa pagpapakilala ang miyembrong nasa panganib: ipapakita sila ng pagpapakilala sa isa pang tao. Matutulungan sila ng isang coordinator na makilala ang mga kasamahan nang ligtas.
error-introduction-tied = May naitala nang ugnayan ang dalawang taong ito.
error-introduction-pending = May pagpapakilala nang naghihintay ng sagot ang dalawang taong ito.
error-introduction-too-many = Mayroon kang { $max } pagpapakilalang naghihintay ng sagot. Maghintay ng ilang sagot bago magpadala pa.
error-introduction-answer = Sumagot ng tanggapin o tanggihan.
error-introduction-answered = Nasagot na o naisara na ang pagpapakilalang ito.
mail-notify-introduction-received-subject = Bagong pagpapakilala sa Roundtable
mail-notify-introduction-received-body =
    Magandang araw,

    May isang tao sa iyong network na gustong makilala mo ang isang kasamahan sa Roundtable. Mag-sign in at buksan ang pahinang ito para basahin ang pagpapakilala at tanggapin o tanggihan ito:
    { $link }

    Kapag tinanggihan mo, walang ugnayang maitatala at walang sasabihan kung bakit.
error-introduction-declined = Tinanggihan kamakailan ang pagpapakilalang ito. Hayaang lumipas ang ilang panahon bago ito imungkahi muli.

# Passkeys and confirming who one is
security-intro = Pinapanatiling ligtas ng pangalawang factor ang iyong account kahit may makaalam ng iyong password. Hihilingin sa iyong kumpirmahin kung sino ka bago ang mga pagbabago rito kung higit sampung minuto na mula nang mag-sign in ka.
security-confirm-first = Hihingin ang iyong password (o passkey) bago ang anumang pagbabago rito.
security-done-removed = Naka-off na ang mga one-time code.
security-done-passkey = Naidagdag ang passkey.
security-done-passkey-removed = Naalis ang passkey.
security-passkeys = Mga passkey
security-passkeys-intro = Sa passkey, makakapag-sign in ka gamit ang screen lock ng iyong telepono o computer (fingerprint, mukha o PIN) sa halip na mag-type ng password, at hindi ito mananakaw sa phishing. Magdagdag ng isa sa bawat device na ginagamit mo.
security-passkeys-none = Wala ka pang passkey.
security-passkeys-unavailable = Gumagana lamang ang mga passkey kapag binuksan ang site na ito sa pangalan nito (gaya ng localhost o roundtable.example.org), hindi sa IP address. Gumagana rito ang mga one-time code.
security-recovery = Mga recovery code
passkey-add = Magdagdag ng passkey
passkey-add-title = Magdagdag ng passkey
passkey-add-intro = Bigyan ang passkey na ito ng pangalang makikilala mo, saka pindutin ang button: hihingin ng iyong device ang screen lock nito at itatago ang passkey.
passkey-name = Pangalan ng passkey na ito
passkey-name-help = Halimbawa "Aking telepono" o "Laptop sa opisina". Ikaw lamang ang makakakita nito.
passkey-unnamed = Passkey
passkey-use = Gamitin ang aking passkey
passkey-needs-script = Kailangan ng mga passkey ang JavaScript, na naka-off o naka-block sa browser na ito. Magagamit mo pa rin ang iyong password at isang one-time code.
passkey-not-given = Walang naibigay na passkey. Pindutin ang button para subukang muli, o bumalik at gamitin ang iyong password.
passkey-added = idinagdag { $date }
passkey-last-used = huling ginamit { $date }
passkey-never-used = hindi pa nagagamit
passkey-remove = Alisin ang { $name }
passkey-signin-title = Mag-sign in gamit ang passkey
passkey-signin-intro = Pindutin ang button at i-unlock ang iyong passkey gamit ang screen lock ng iyong device.
passkey-second-intro = Pindutin ang button at i-unlock ang iyong passkey gamit ang screen lock ng iyong device para matapos ang pag-sign in.
passkey-confirm-intro = Pindutin ang button at i-unlock ang iyong passkey gamit ang screen lock ng iyong device.
signin-or = o
signin-passkey = Mag-sign in gamit ang passkey
code-use-passkey = Gumamit ng passkey
code-or = O mag-type ng code:
code-help-recovery = Isa sa iyong mga recovery code.
confirm-title = Kumpirmahing ikaw ito
confirm-why = Kailangan mong kumpirmahin kung sino ka para sa pagbabagong ito, dahil higit sampung minuto na mula nang mag-sign in ka. Wala pang nababago: pagkatapos kumpirmahin, babalik ka sa pahina at magagawa mo ang pagbabago.
confirm-with-passkey = Kumpirmahin gamit ang passkey
confirm-or-password = O gamit ang iyong password:
confirm-submit = Kumpirmahin
error-confirm-code = Hindi tama ang code. I-type ang code na ipinapakita ngayon ng app, o isa sa iyong mga recovery code.
error-passkeys-unavailable = Hindi gumagana ang mga passkey sa site na ito. Mag-sign in gamit ang iyong password at isang one-time code.
error-passkey-refused = Hindi matanggap ang passkey na iyon. Subukang muli, o gamitin ang iyong password.
error-passkey-unreadable = Hindi mabasa ang sagot ng browser. Pakisubukang muli.
error-passkey-expired = Nag-expire na o nagamit na ang kahilingang iyon para sa passkey. Pakisimulang muli.
error-passkey-known = Nakarehistro na ang passkey na iyon.
error-passkey-too-many = May { $max } passkey na ang account na ito, ang pinakamarami. Mag-alis ng isang hindi mo na ginagamit para makapagdagdag ng iba.

# Account recovery by an admin
audit-recovery_issued = Nag-isyu ng pag-recover ng account
audit-recovery_approved = Inaprubahan ang pag-recover ng account
audit-recovery_cancelled = Kinansela ang pag-recover ng account
audit-recovery_used = Na-recover ang account
recovery-link = Pag-recover
recovery-admin-title = Pag-recover ng account ni { $name }
recovery-admin-intro = Para sa miyembrong nawalan ng lahat ng pangalawang factor. Suriin muna kung sino ang humihiling sa ibang channel na pinagkakatiwalaan mo (tawag, pagkikita), hindi sa e-mail lamang. Gagana lamang ang link { $hours } oras matapos itong maaprubahan, sa loob ng { $days } araw: agad na padadalhan ng e-mail ang miyembro at maaari niya itong kanselahin. Kailangan ng pag-apruba ng pangalawang admin para sa account ng coordinator o admin.
recovery-issue = Mag-isyu ng recovery link
recovery-none = Wala pang sinimulang pag-recover para sa account na ito.
recovery-issued-link = Ibigay ang link na ito kay { $name } sa channel kung saan mo sinuri kung sino siya. Ngayon lamang ito ipapakita.
recovery-issued-from = Gagana ito mula { $date }.
recovery-issued-needs-approval = Kailangan muna itong aprubahan ng pangalawang admin; gagana ito { $hours } oras pagkatapos noon.
recovery-issued-by = Inisyu ni { $name } noong { $date }
recovery-approved-by = inaprubahan ni { $name }
recovery-state-waiting = naghihintay ng pag-apruba ng pangalawang admin
recovery-state-delayed = gagana mula { $date }
recovery-state-usable = gumagana na, hanggang { $date }
recovery-state-used = nagamit na
recovery-state-cancelled = kinansela
recovery-state-expired = nag-expire na
recovery-approve = Aprubahan
recovery-cancel = Kanselahin
error-recovery-self = Hindi mo maaaring i-recover ang sarili mong account: humingi ng tulong sa ibang admin.
error-recovery-open = May bukas nang pag-recover ng account na ito. Kanselahin muna ito.
error-recovery-not-waiting = Hindi naghihintay ng pag-apruba ang pag-recover na ito.
error-recovery-second-admin = Kailangang aprubahan ng pangalawang admin: hindi ang nag-isyu nito, at hindi ang may-ari ng account.
mail-recovery-subject = Sinimulan ang pag-recover ng iyong Roundtable account
mail-recovery-body =
    Sinimulan ng isang admin ng iyong network ang pag-recover ng iyong Roundtable account, dahil iniulat na nawala ang mga pangalawang factor nito. Gagana ang recovery link mula { $date }; ang paggamit nito ay magtatakda ng bagong password at mag-aalis ng iyong mga one-time code at passkey.

    Kung hindi mo ito hiniling, kanselahin ito ngayon at sabihan ang mga coordinator ng iyong network:

    { $cancel }
mail-recovery-body-staff =
    Sinimulan ng isang admin ng iyong network ang pag-recover ng iyong Roundtable account, dahil iniulat na nawala ang mga pangalawang factor nito. Kapag inaprubahan ito ng pangalawang admin, gagana ang recovery link pagkalipas ng { $hours } oras; ang paggamit nito ay magtatakda ng bagong password at mag-aalis ng iyong mga one-time code at passkey.

    Kung hindi mo ito hiniling, kanselahin ito ngayon at sabihan ang mga coordinator ng iyong network:

    { $cancel }
recover-title = I-recover ang iyong account
recover-intro = Pumili ng bagong password. Aalisin ang iyong mga one-time code, passkey at recovery code, at masa-sign out ang bawat session. Pagkatapos mag-sign in, mag-set up muli ng pangalawang factor.
recover-submit = Itakda ang bagong password
recover-not-yet = Gagana ang recovery link na ito mula { $date }. Hanggang noon, wala itong magagawa.
recover-not-approved = Naghihintay ng pag-apruba ng pangalawang admin ang recovery link na ito.
recover-gone-title = Hindi gumagana ang link na ito
recover-gone-text = Nagamit na, kinansela o nag-expire na ang recovery link. Makipag-ugnayan sa isang admin ng iyong network kung kailangan mo pa ng tulong.
recover-cancel-title = Kanselahin ang pag-recover ng account na ito?
recover-cancel-text = Kung hindi mo hiniling na i-recover ang iyong account, kanselahin ito: hindi kailanman gagana ang link nito. Pagkatapos, sabihan ang mga coordinator ng iyong network.
recover-cancel-yes = Kanselahin ang pag-recover
recover-cancelled = Kinansela ang pag-recover: hindi kailanman gagana ang link nito.
notice-recovered = Na-recover ang iyong account. Mag-sign in gamit ang bagong password, pagkatapos ay mag-set up muli ng pangalawang factor.
error-passkey-shared-device = Magdagdag ng passkey mula sa sarili mong device: ang passkey na itinatago ng pinagsasaluhang computer ay magpapahintulot sa sinumang gumagamit nito na mag-sign in bilang ikaw.
confirm-recovery-code = Recovery code
confirm-recovery-help = May passkey ang iyong account pero walang authenticator app, kaya kasama ng password ay kailangan nito ang isa sa iyong mga recovery code, na magagamit na. Mas mabuting gumamit ng passkey.
error-recovery-no-mail = Hindi nagpapadala ng mail ang server na ito, kaya hindi mababalaan ang miyembro at hindi niya ito makakansela. I-set up muna ang papalabas na mail (ROUNDTABLE_SMTP_URL).
mail-recovered-subject = Na-recover ang iyong Roundtable account
mail-recovered-body =
    Kaka-recover lang ng iyong Roundtable account gamit ang isang recovery link: may itinakdang bagong password, at inalis ang iyong mga one-time code, passkey at session.

    Kung hindi ikaw ito, sabihan agad ang mga coordinator at admin ng iyong network.
sessions-revoke-others = Mag-sign out sa lahat ng iba pa
notice-signed-out-elsewhere = Na-sign out ang lahat ng ibang session; nananatili ang isang ito.
security-sign-out-others = Kung may ibang maaaring naka-sign in sa iyong account, i-sign out ang lahat ng ibang session: kakailanganin nila ang pagbabagong ito para makapag-sign in muli.

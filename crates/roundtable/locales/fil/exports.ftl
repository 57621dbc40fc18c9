export-download = I-download ang listahang ito:
export-csv = CSV
export-xlsx = Excel (XLSX)
export-note = Ang na-download na file ay wala na sa proteksyon ng Roundtable: hindi ito kailanman naglalaman ng mga miyembrong nasa panganib, at tanging ang nakikita mo rito ang laman nito. Ingatan ito at burahin kapag tapos ka na.
export-ties = I-download ang mga ugnayan ng network:
export-ties-note = Para sa Gephi, spreadsheet o roundtable analyze. Ipinapakita ng mga file ang network gaya ng nakikita ng bawat miyembro, kailanman hindi ang mga miyembrong nasa panganib o ang kanilang mga ugnayan.
export-profile = Profile
audit-directory_exported = Na-download ang direktoryo
audit-ties_exported = Na-download ang mga ugnayan
export-yes = Oo
export-registrants-note = Wala na sa proteksyon ng Roundtable ang file: hindi nito kailanman isinasama ang mga miyembrong nasa panganib o mga kalahok na itinatago ang kanilang pangalan. Burahin ito kapag tapos na ang follow-up ng event.
export-address = Address
export-downloads = Mga download
export-catalogue = I-download ang katalogo:
my-data-title = Ang iyong data
my-data-link = I-download ang lahat ng hawak ng Roundtable tungkol sa iyo
my-data-what = Isang zip file: ang iyong account at profile kasama kung sino ang nakakakita ng bawat field, ang iyong mga contact at organisasyon, mga ugnayan at endorsement, mga grupo, ang isinulat mo sa mga forum, mga rehistro sa event, mga resource na ibinahagi mo, at ang mga file ng iyong mga post at resource. Lumalabas lamang ang ibang tao ayon sa nakikita mo rito.
my-data-warning = Wala na sa proteksyon ng Roundtable ang file: sinumang makakuha nito ay makakabasa ng lahat ng ito. Itago ito sa device na ikaw lang ang gumagamit, at burahin kapag hindi mo na kailangan.
my-data-submit = I-download ang aking data (zip)
my-data-messages = Hiwalay na ine-export ang iyong mga usapan, sa Mga Mensahe.
audit-own_data_exported = Na-download ang sariling data
audit-registrants_exported = Na-download ang mga nagparehistro
export-error-secret = Nananatili sa loob ng Roundtable ang event ng lihim na grupo: hindi dina-download ang mga nagparehistro nito.
import-error-no-email = Walang column na may mga e-mail address: pangalanan ang isa na "Email".
import-error-organisation = Walang organisasyong tinatawag na “{ $name }”: idagdag muna ito (o i-import ang mga organisasyon).
import-error-value = Ang “{ $value }” ay wala sa mga kilalang value.
import-error-twice = Parehong address sa row { $row }.
import-error-problems = May mga problema ang file: walang na-import. Ayusin ang mga ito at i-import muli.
invitations-imported-title = Na-import, hindi pa naiimbitahan
invitations-imported-waiting = { $count ->
   *[other] { $count } tao na na-import mula sa spreadsheet ang naghihintay ng kanilang imbitasyon. Walang nakakakita sa kanila, at wala silang matatanggap na mail, hanggang ipadala mo ito; buburahin sila pagkalipas ng 90 araw.
}
invitations-imported-send = { $count ->
   *[other] Ipadala ang lahat ng { $count } imbitasyon
}
invitations-imported-sent = Naipadala na ang mga imbitasyon.

## Pag-usad at epekto: ang dashboard ng mga coordinator at ang mga pampublikong bilang

nav-impact = Epekto
impact-title = Epekto
impact-lead = Ang ginawa ng network sa loob ng isang panahon: mga kaganapan at sino ang lumahok, mga bagong ugnayan, mga champion, mga inisyatiba at ang kanilang mga indicator, ang aklatan at mga tanong sa mga eksperto. Maaaring i-download bilang CSV ang bawat talahanayan, at maaaring i-print ang pahina bilang ulat.
impact-quarter = Kuwarter { $q } { $year }
impact-period-printed = Panahon: { $from } hanggang { $to }
impact-from = Mula
impact-to = Hanggang
impact-show = Ipakita
impact-last-year = Ang huling apat na kuwarter
impact-print-hint = Para magtabi ng ulat para sa taunang pagsusuri o para sa tagapondo, i-print ang pahinang ito o i-save ito bilang PDF mula sa menu ng browser.
impact-contents = Mga nilalaman ng ulat
impact-csv = I-download ang CSV
impact-csv-note = Gaya ng bawat file mula sa Roundtable, hindi kasama sa mga download ang mga miyembrong nasa panganib at anumang mula sa lihim na grupo.
impact-empty = Walang anuman sa panahong ito.
impact-total = Kabuuan
impact-not-given = Hindi nakasaad
impact-yes = Oo
impact-no = Hindi

impact-momentum = Pag-usad
impact-momentum-note = Bawat kuwarter: mga bagong ugnayang tumatawid ng sektor at ng bansa, mga inisyatibang umusad (may natapos na milestone o umabante ang katayuan), mga aktibong champion at mga kaganapang isinagawa. Binibilang ang isang ugnayan sa kuwarter ng pinakamaagang ebidensiya nito.
impact-chart-description = { $what }, bawat kuwarter: { $values }.
impact-quarter-column = Kuwarter
impact-new-ties = Mga bagong ugnayan
impact-cross-sector-ties = Mga bagong ugnayang tumatawid ng sektor
impact-cross-country-ties = Mga bagong ugnayang tumatawid ng bansa
impact-initiatives-forward = Mga inisyatibang umusad
impact-champions-active = Mga aktibong champion
impact-events-held = Mga kaganapang isinagawa

impact-events = Mga kaganapan
impact-events-by-type = Mga kaganapang isinagawa ayon sa uri
impact-events-by-country = Mga kaganapang isinagawa ayon sa bansa
impact-type-column = Uri
impact-country-column = Bansa
impact-sector-column = Sektor

impact-participants-title = Sino ang lumahok
impact-participants-note = Isang beses lamang binibilang ang bawat tao, ayon sa sektor at bansa sa kanyang profile (para sa bisita, ayon sa ibinigay niya). Binubura ang mga rehistrasyon ng mga bisita { $days } araw pagkatapos ng kanilang kaganapan, kaya sa mas lumang mga panahon, binibilang lamang sila hangga't nakatago pa ang mga rehistrasyong iyon.
impact-mixing = Paano pinagsama-sama ng mga kaganapan ang iba't ibang tao
impact-measure-column = Sukatan
impact-value-column = Halaga
impact-events-attended = Mga kaganapang may kalahok
impact-participants = Mga kalahok
impact-participations = Mga puwestong napunan sa mga kaganapan
impact-cross-sector-share = Mga kaganapang pinagsama ang iba't ibang sektor
impact-cross-country-share = Mga kaganapang pinagsama ang iba't ibang bansa
impact-share-column = Bahagi
impact-participants-by-sector = Mga kalahok ayon sa sektor
impact-participants-by-country = Mga kalahok ayon sa bansa

impact-champions = Mga champion
impact-champions-by-stage = Mga champion ayon sa yugto
impact-stage-column = Yugto
impact-champions-now = Sa ngayon
impact-champions-reached = Umabot sa yugtong ito sa panahong ito

impact-initiatives = Mga inisyatiba
impact-initiatives-by-status = Mga inisyatiba ayon sa katayuan
impact-status-column = Katayuan
impact-indicators = Mga indicator kumpara sa target
impact-initiative-column = Inisyatiba
impact-indicator-column = Indicator
impact-unit-column = Yunit
impact-baseline-column = Baseline
impact-latest-column = Pinakahuling halaga
impact-measured-column = Petsa ng pagsukat
impact-target-column = Target
impact-progress-column = Usad patungo sa target

impact-library = Ang aklatan
impact-downloads-note = Binibilang ang mga download kada sanggunian kada araw, hindi kailanman kada tao.
impact-resources-by-type = Mga sangguniang nailathala at na-download, ayon sa uri
impact-published = Mga sangguniang nailathala
impact-downloads = Mga download
impact-downloads-by-resource = Mga download ayon sa sanggunian
impact-resource-column = Sanggunian

impact-questions = Mga tanong sa mga eksperto
impact-asked = Mga itinanong
impact-answered = Mga nasagot na tanong

error-impact-date = Ilagay ang mga petsa bilang taon, buwan at araw (2026-06-26).
error-impact-order = Dapat magsimula ang panahon bago ito matapos.
error-impact-too-long = Hanggang { $max } kuwarter lamang ang saklaw ng isang ulat.

figures-title = Ang network sa mga bilang
figures-tile-text = Ang ginagawa ng network, kuwarter kada kuwarter.
figures-lead = Ang ginagawa ng network, kuwarter kada kuwarter: ang mga miyembro nito, ang mga ugnayan nila, mga kaganapan, mga inisyatiba at ang aklatan.
figures-how = Kinukuwenta ang mga bilang kapag tapos na ang isang kuwarter ng kalendaryo at hindi na binabago pagkatapos. Hindi isinasama sa anumang bilang ang mga miyembrong nasa panganib, ang anumang bilang na mas mababa sa { $fewer } ay ipinapakita lamang bilang "mas kaunti sa { $fewer }", at ibinibilog ang iba sa pinakamalapit na multiple ng { $fewer }, para walang bilang na makukuwenta mula sa iba pang mga bilang.
figures-preview = Hindi pa inilalathala ng mga admin ang mga bilang na ito: mga coordinator lamang ang nakakakita ng silip na ito.
figures-by-quarter = Ayon sa kuwarter
figures-members = Mga miyembro
figures-members-by-sector = Mga miyembro ayon sa sektor
figures-members-by-country = Mga miyembro ayon sa bansa
figures-latest = Detalye ng { $quarter }
figures-none = Wala pang kuwarter na nabilang. Lalabas ang mga bilang kapag natapos na ang unang buong kuwarter.
figures-fewer-than = mas kaunti sa { $count }
figures-admin-text = Ang pampublikong bersiyon ng mga bilang na ito: mga kabuuan lamang, kada kuwarter ng kalendaryo, hindi kasama ang mga miyembrong nasa panganib, nakatago ang mga bilang na mas mababa sa { $fewer } at ibinibilog ang iba sa pinakamalapit na multiple ng { $fewer }.
figures-is-published = Nailathala: mababasa ito ng sinuman.
figures-is-not-published = Hindi nailathala: mga coordinator lamang ang makakasilip nito.
figures-open = Buksan ang pahina
figures-publish = Ilathala ang network sa mga bilang
figures-withdraw = Ihinto ang paglalathala

audit-figures_published = Nailathala ang network sa mga bilang
audit-figures_withdrawn = Binawi ang paglalathala ng network sa mga bilang
audit-impact_exported = Na-download ang mga bilang ng epekto
figures-members-in = Mga miyembro: { $what }
figures-export-text = Ang mga bilang ng bawat saradong kuwarter, binilang tulad ng pampublikong bersyon (walang mga miyembrong nasa panganib o lihim na grupo) ngunit eksakto:
figures-export-csv = I-download ang CSV
figures-export-xlsx = I-download ang XLSX

announcements-title = Mga anunsyo
announcements-new = Bagong anunsyo
announcements-current = Kasalukuyan
announcements-none = Walang anunsyo para sa iyo ngayon.
announcements-yours = Mga anunsyong pinamamahalaan mo
announcements-until = hanggang { $date }
announcements-ended = tapos na
announcements-dismiss = Isara
announcements-network = Ang buong network
announcements-group = Mga miyembro ng { $group }
announcements-translated = mayroon din sa { $languages }
announcements-translate = Magdagdag ng salin
announcements-end = Tapusin ngayon
announcements-audience = Para sa
announcements-language = Wika
announcements-field-title = Pamagat
announcements-field-body = Teksto
announcements-field-ends = Ipakita hanggang (kasama)
announcements-field-mail = Ipadala rin sa e-mail sa lahat ng para sa kanila ito
announcements-post = I-post ang anunsyo
announcements-save-translation = I-save ang salin
announcements-done-posted = Nai-post ang anunsyo.
announcements-done-ended = Tinapos ang anunsyo.
announcements-done-translated = Nai-save ang salin.
announcements-done-dismissed = Isinara.
error-announcement-empty = Kailangan ng anunsyo ang pamagat at teksto.
error-announcement-end = Pumili ng petsa ng pagtatapos mula ngayon hanggang isang taon.
error-announcement-audience = Piliin kung para kanino ang anunsyo.
error-announcement-same-language = Ang salin ay nasa ibang wika kaysa sa orihinal.
mail-announcement-body =
    { $title }

    { $text }

    Roundtable: { $link }

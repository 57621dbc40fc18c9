nav-forum = Forum
forums-network-forum = Forum ng network
forums-network-intro = Mga tanong at sagot para sa buong network, sa iba't ibang grupo, sektor at bansa.
forums-forum = Forum
forums-forum-of = Forum ng { $name }
forums-group-forum = Buksan ang forum ng grupo
forums-new-thread = Magsimula ng thread
forums-join-to-post = Sumali sa grupo para makapag-post dito.
forums-reports = Mga iniulat na post
forums-reports-intro = Mga post na iniulat ng mga mambabasa at hindi pa naaaksyunan, sa mga forum na minomoderate mo.
forums-no-reports = Walang bukas na ulat.
forums-no-threads = Wala pang thread.
forums-pinned = Naka-pin
forums-locked = Naka-lock
forums-hidden = Nakatago
forums-unread = { $count } bago
forums-posts = { $count ->
    [one] { $count } post
   *[other] { $count } na post
}
forums-last-post = huling post { $when }
forums-anonymous-author = Isang miyembro
forums-edited = na-edit
forums-reported = { $count ->
    [one] iniulat nang { $count } beses
   *[other] iniulat nang { $count } beses
}
forums-post-hidden = Itinago ng isang moderator ang post na ito.
forums-quote = Sipiin
forums-edit = I-edit
forums-report = Iulat
forums-report-reason = Bakit dapat itong tingnan ng moderator?
forums-report-send = Ipadala ang ulat
forums-hide = Itago
forums-unhide = Ipakitang muli
forums-dismiss = Isantabi ang mga ulat
forums-follow = Sundan ang thread na ito
forums-unfollow = Itigil ang pagsunod
forums-reply = Sumagot
forums-reply-send = I-post ang sagot
forums-field-title = Pamagat
forums-field-body = Mensahe
forums-markdown-help = Gumagana ang Markdown: **makapal**, *italic*, mga listahan, > sipi at [mga link](https://…). Hindi ipinapakita ang mga larawan at HTML.
forums-publish = Ilathala
forums-locked-help = Naka-lock ang thread na ito: wala nang bagong sagot.
forums-sign-in-to-reply = Mag-sign in para sumagot.
forums-moderation = Moderasyon
forums-pin = I-pin
forums-unpin = Alisin sa pin
forums-lock = I-lock
forums-unlock = I-unlock
forums-hide-thread = Itago ang thread
forums-unhide-thread = Ipakitang muli ang thread
forums-move-to = Ilipat sa
forums-move = Ilipat ang thread
forums-edit-post = I-edit ang iyong post
forums-edit-help = Nananatili sa kasaysayan ng post ang mga naunang bersyon, nakikita ng mga mambabasa nito.
forums-history = Mga bersyon ng post na ito
forums-history-current = Ngayon
forums-history-until = Hanggang { $when }
error-post-empty = Sumulat muna ng kahit ano.
error-thread-title = Bigyan ng pamagat ang thread.
error-thread-locked = Naka-lock ang thread na ito.
error-posting-too-fast = Napakabilis ng iyong pag-post. Maghintay ng ilang minuto.
error-report-reason = Sabihin sa ilang salita (hanggang 500 character) kung bakit ito dapat tingnan.
error-move-target = Piliin ang forum ng network o isang grupong hindi lihim.
forums-public-notice = Mababasa ng sinuman ang mga thread ng grupong ito nang hindi nagsa-sign in. Hindi ipinapakita sa kanila ang iyong pangalan, pero ang iyong mga salita ay ipinapakita.

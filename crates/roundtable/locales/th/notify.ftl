nav-notifications = การแจ้งเตือน
nav-unread = ยังไม่ได้อ่าน
notify-title = การแจ้งเตือน
notify-settings-link = เลือกวิธีรับการแจ้งเตือน
notify-mark-all-read = ทำเครื่องหมายว่าอ่านทั้งหมดแล้ว
notify-new = ใหม่
notify-none = ยังไม่มีอะไรใหม่ การกล่าวถึงคุณ คำตอบในการสนทนาที่คุณติดตาม คำขอเข้ากลุ่ม และการแนะนำ จะแสดงที่นี่
notify-someone = มีคน
notify-mention = { $actor } กล่าวถึงคุณใน “{ $title }”
notify-reply = { $actor } ตอบใน “{ $title }”
notify-group-requested = { $actor } ขอเข้าร่วม { $group }
notify-group-invited = { $actor } เชิญคุณเข้าร่วม { $group }
notify-group-approved = ตอนนี้คุณเป็นสมาชิกของ { $group } แล้ว
notify-introduction-received = { $actor } ส่งการแนะนำถึงคุณ
notify-introduction-accepted = { $actor } ตอบรับการแนะนำแล้ว ตอนนี้คุณเชื่อมโยงกันแล้ว
notify-kind-mention = เมื่อมีคนกล่าวถึงฉัน
notify-kind-reply = คำตอบในการสนทนาที่ฉันติดตาม
notify-kind-group = คำขอและคำเชิญเข้ากลุ่ม
notify-kind-introduction = การแนะนำ
notify-delivery-immediate = ส่งอีเมลทันที
notify-delivery-daily = สรุปทางอีเมลรายวัน
notify-delivery-weekly = สรุปทางอีเมลรายสัปดาห์
notify-delivery-never = แสดงที่นี่เท่านั้น ไม่ส่งอีเมล
notify-settings-title = การตั้งค่าการแจ้งเตือน
notify-settings-intro = ทุกอย่างจะแสดงในการแจ้งเตือนของคุณใน Roundtable เลือกว่าแต่ละประเภทจะส่งถึงคุณทางอีเมลอย่างไร อีเมลจะไม่ระบุชื่อใครหรือยกข้อความที่เขียนไว้ เพียงบอกว่าเกิดอะไรขึ้นและมีลิงก์กลับมาที่นี่
notify-settings-save = บันทึกการตั้งค่า
notify-done-saved = บันทึกการตั้งค่าการแจ้งเตือนแล้ว
notify-done-revoked = ที่อยู่ฟีดส่วนตัวของคุณใช้ไม่ได้อีกต่อไป
notify-feed-title = ฟีดส่วนตัวของกลุ่มของคุณ
notify-feed-intro = ที่อยู่ลับสำหรับโปรแกรมอ่านฟีด แสดงการสนทนาใหม่ในกลุ่มของคุณ ใครก็ตามที่มีที่อยู่นี้อ่านฟีดได้ จึงควรเก็บไว้เป็นความลับ และสร้างใหม่หรือยกเลิกหากรั่วไหล
notify-feed-created = ที่อยู่ฟีดใหม่ของคุณอยู่ด้านล่าง จะแสดงเพียงครั้งนี้ครั้งเดียว กรุณาคัดลอกไปใส่ในโปรแกรมอ่านฟีดตอนนี้
notify-feed-address = ที่อยู่ฟีด
notify-feed-exists = คุณมีที่อยู่ฟีดส่วนตัวแล้ว การสร้างใหม่จะทำให้ที่อยู่เดิมใช้ไม่ได้
notify-feed-create = สร้างที่อยู่ฟีด
notify-feed-new = สร้างที่อยู่ใหม่
notify-feed-revoke = ยกเลิกที่อยู่
notify-unsubscribe-title = หยุดรับอีเมล
notify-unsubscribe-ask = หยุดรับอีเมลเรื่อง “{ $kind }” หรือไม่ คุณจะยังเห็นเรื่องเหล่านี้ในการแจ้งเตือนใน Roundtable
notify-unsubscribe-button = หยุดรับอีเมลเหล่านี้
notify-unsubscribe-done = คุณจะไม่ได้รับอีเมลเรื่อง “{ $kind }” อีก คุณเปลี่ยนได้ทุกเมื่อในการตั้งค่าการแจ้งเตือน
error-notify-delivery = กรุณาเลือกวิธีรับการแจ้งเตือนแต่ละประเภท
feeds-private-title = กลุ่มของคุณใน Roundtable
mail-notify-footer =
    คุณได้รับอีเมลนี้ตามการตั้งค่าการแจ้งเตือนเรื่อง “{ $kind }” เปลี่ยนการตั้งค่าได้ที่:
    { $settings }

    หยุดรับอีเมลเหล่านี้ในคลิกเดียว:
    { $unsubscribe }
mail-digest-footer =
    เลือกวิธีที่ Roundtable ส่งอีเมลถึงคุณ:
    { $settings }
mail-notify-mention-subject = มีคนกล่าวถึงคุณใน Roundtable
mail-notify-mention-body =
    สวัสดี

    มีคนกล่าวถึงคุณในการสนทนาใน Roundtable กรุณาเข้าสู่ระบบเพื่ออ่าน:
    { $link }
mail-notify-reply-subject = มีคำตอบใหม่ใน Roundtable
mail-notify-reply-body =
    สวัสดี

    มีคำตอบใหม่ในการสนทนาที่คุณติดตามใน Roundtable กรุณาเข้าสู่ระบบเพื่ออ่าน:
    { $link }
mail-notify-group-requested-subject = มีคำขอเข้าร่วมกลุ่มของคุณใน Roundtable
mail-notify-group-requested-body =
    สวัสดี

    มีคนขอเข้าร่วมกลุ่มที่คุณดูแลใน Roundtable กรุณาเข้าสู่ระบบเพื่ออนุมัติหรือปฏิเสธ:
    { $link }
mail-notify-group-invited-subject = คำเชิญเข้าร่วมกลุ่มใน Roundtable
mail-notify-group-invited-body =
    สวัสดี

    คุณได้รับเชิญให้เข้าร่วมกลุ่มใน Roundtable กรุณาเข้าสู่ระบบเพื่อตอบรับหรือปฏิเสธ:
    { $link }
mail-notify-group-approved-subject = คุณได้เข้าร่วมกลุ่มใน Roundtable แล้ว
mail-notify-group-approved-body =
    สวัสดี

    คำขอเข้าร่วมกลุ่มของคุณใน Roundtable ได้รับการอนุมัติแล้ว กรุณาเข้าสู่ระบบเพื่อร่วมสนทนา:
    { $link }
mail-notify-introduction-accepted-subject = การแนะนำได้รับการตอบรับใน Roundtable
mail-notify-introduction-accepted-body =
    สวัสดี

    ทั้งสองฝ่ายตอบรับการแนะนำใน Roundtable แล้ว ตอนนี้คุณเชื่อมโยงกันแล้ว กรุณาเข้าสู่ระบบเพื่อดู:
    { $link }
mail-digest-daily-subject = { $count ->
   *[other] สรุปรายวันจาก Roundtable: การแจ้งเตือนใหม่ { $count } รายการ
}
mail-digest-weekly-subject = { $count ->
   *[other] สรุปรายสัปดาห์จาก Roundtable: การแจ้งเตือนใหม่ { $count } รายการ
}
mail-digest-body =
    สวัสดี

    นี่คือสิ่งที่รอคุณอยู่ใน Roundtable:

    { $lines }

    กรุณาเข้าสู่ระบบเพื่อดูทั้งหมด:
    { $link }
mail-digest-line-mention = { $count ->
   *[other] มีการกล่าวถึงคุณ { $count } ครั้ง
}
mail-digest-line-reply = { $count ->
   *[other] คำตอบใหม่ { $count } รายการในการสนทนาที่คุณติดตาม
}
mail-digest-line-group = { $count ->
   *[other] คำขอและคำเชิญเข้ากลุ่ม { $count } รายการ
}
mail-digest-line-introduction = { $count ->
   *[other] การแนะนำ { $count } รายการ
}
notify-question-asked = { $actor } ถามคำถามคุณ: “{ $title }”
notify-question-answered = { $actor } ตอบคำถามของคุณ “{ $title }”
notify-kind-question = คำถามถึงฉันในฐานะผู้เชี่ยวชาญ และคำตอบของคำถามของฉัน
mail-notify-question-asked-subject = มีคำถามถึงคุณในฐานะผู้เชี่ยวชาญใน Roundtable
mail-notify-question-asked-body =
    สวัสดี

    สมาชิกในเครือข่ายถามคำถามในด้านที่คุณเชี่ยวชาญ กรุณาเข้าสู่ระบบเพื่ออ่านและตอบ:
    { $link }
mail-notify-question-answered-subject = คำถามของคุณมีคำตอบแล้วใน Roundtable
mail-notify-question-answered-body =
    สวัสดี

    ผู้เชี่ยวชาญตอบคำถามของคุณใน Roundtable แล้ว กรุณาเข้าสู่ระบบเพื่ออ่านคำตอบ:
    { $link }
mail-digest-line-question = { $count ->
   *[other] คำถามและคำตอบ { $count } รายการ
}
notify-event-invited = { $actor } เชิญคุณเข้าร่วม “{ $title }”
notify-kind-event = คำเชิญเข้าร่วมกิจกรรม
mail-notify-event-invited-subject = คำเชิญเข้าร่วมกิจกรรมใน Roundtable
mail-notify-event-invited-body =
    สวัสดี

    คุณได้รับเชิญเข้าร่วมกิจกรรมใน Roundtable เข้าสู่ระบบเพื่ออ่านรายละเอียดและลงทะเบียน:
    { $link }
mail-digest-line-event = { $count ->
   *[other] คำเชิญเข้าร่วมกิจกรรม { $count } รายการ
}
notify-message = มีข้อความใหม่ในการสนทนา
notify-kind-message = ข้อความใหม่
mail-notify-message-subject = มีข้อความใหม่ใน Roundtable
mail-notify-message-body =
    สวัสดี

    คุณมีข้อความใหม่ใน Roundtable เข้าสู่ระบบเพื่ออ่าน:
    { $link }
mail-digest-line-message = มีข้อความใหม่ใน { $count } การสนทนา
notify-mention-message = { $actor } กล่าวถึงคุณในการสนทนา
mail-notify-mention-message-subject = มีคนกล่าวถึงคุณใน Roundtable
mail-notify-mention-message-body =
    สวัสดี

    มีคนกล่าวถึงคุณในการสนทนาใน Roundtable เข้าสู่ระบบเพื่ออ่าน:
    { $link }
notify-initiative-status = { $actor } เปลี่ยนสถานะของ “{ $title }”
notify-initiative-milestone = { $actor } ทำเครื่องหมายว่าหมุดหมายของ “{ $title }” เสร็จแล้ว
notify-initiative-story = { $actor } เพิ่มเรื่องราวการเปลี่ยนแปลงใน “{ $title }”
notify-kind-initiative = ความเคลื่อนไหวของโครงการที่ฉันติดตาม
mail-notify-initiative-status-subject = ความเคลื่อนไหวของโครงการใน Roundtable
mail-notify-initiative-status-body =
    สวัสดี

    สถานะของโครงการที่คุณติดตามใน Roundtable มีการเปลี่ยนแปลง กรุณาเข้าสู่ระบบเพื่ออ่าน:
    { $link }
mail-notify-initiative-milestone-subject = ความเคลื่อนไหวของโครงการใน Roundtable
mail-notify-initiative-milestone-body =
    สวัสดี

    หมุดหมายของโครงการที่คุณติดตามใน Roundtable เสร็จแล้ว กรุณาเข้าสู่ระบบเพื่ออ่าน:
    { $link }
mail-notify-initiative-story-subject = ความเคลื่อนไหวของโครงการใน Roundtable
mail-notify-initiative-story-body =
    สวัสดี

    โครงการที่คุณติดตามใน Roundtable มีเรื่องราวการเปลี่ยนแปลงใหม่ กรุณาเข้าสู่ระบบเพื่ออ่าน:
    { $link }
mail-digest-line-initiative = { $count ->
   *[other] ความเคลื่อนไหว { $count } รายการในโครงการที่คุณติดตาม
}
notify-initiative-update = { $actor } โพสต์อัปเดตใน “{ $title }”
mail-notify-initiative-update-subject = ความเคลื่อนไหวของโครงการใน Roundtable
mail-notify-initiative-update-body =
    สวัสดี

    โครงการที่คุณติดตามใน Roundtable มีอัปเดตใหม่ กรุณาเข้าสู่ระบบเพื่ออ่าน:
    { $link }

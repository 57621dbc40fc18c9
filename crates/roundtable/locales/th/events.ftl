nav-events = กิจกรรม
search-kind-event = กิจกรรม
events-title = กิจกรรม
events-past-title = กิจกรรมที่ผ่านมา
events-description = สัมมนา เวิร์กช็อป เว็บบินาร์ การเสวนาโต๊ะกลม และเวทีสาธารณะว่าด้วยการป้องกันการทรมานในเอเชียตะวันออกเฉียงใต้
events-intro = การประชุมที่รวมผู้คนจากต่างภาคส่วนและต่างประเทศ: สัมมนา เวิร์กช็อป เว็บบินาร์ การเสวนาโต๊ะกลม การประชุมใหญ่ และเวทีสาธารณะ
events-upcoming-link = กิจกรรมที่กำลังจะมาถึง
events-past-link = กิจกรรมที่ผ่านมา
events-new = วางแผนกิจกรรม
events-mine-link = กิจกรรมของฉัน
events-empty = ไม่มีกิจกรรมที่จะแสดง
events-field-kind = ประเภทกิจกรรม
events-field-country = ประเทศ
events-field-month = เดือน
events-subscribe = ติดตามกิจกรรมสาธารณะ:
events-public-calendar = ปฏิทินกิจกรรมสาธารณะ
events-public-feed = ฟีดกิจกรรมสาธารณะ
events-my-calendar = กิจกรรมของฉัน
events-mine-title = กิจกรรมของฉัน
events-mine-empty = คุณยังไม่ได้จัดหรือลงทะเบียนกิจกรรมใด
events-subscription = การสมัครรับปฏิทิน
events-subscription-help = ที่อยู่ส่วนตัวสำหรับให้แอปปฏิทินสมัครรับ: แสดงกิจกรรมที่คุณจัดหรือลงทะเบียนไว้ พร้อมลิงก์ประชุม ใครก็ตามที่มีที่อยู่นี้อ่านได้ จึงควรเก็บไว้คนเดียว หากหลุดออกไปให้สร้างใหม่
events-subscription-new = ที่อยู่ปฏิทินใหม่ของคุณ คัดลอกเดี๋ยวนี้: จะแสดงเพียงครั้งเดียว
events-subscription-address = ที่อยู่ปฏิทิน
events-subscription-active = คุณมีที่อยู่ปฏิทินที่สร้างเมื่อ { $date }
events-subscription-create = สร้างที่อยู่ปฏิทิน
events-subscription-regenerate = สร้างที่อยู่ใหม่ (ที่อยู่เดิมจะใช้ไม่ได้)
events-subscription-revoke = เพิกถอนที่อยู่
events-done-created = สร้างกิจกรรมแล้ว
events-done-saved = บันทึกการเปลี่ยนแปลงแล้ว
events-done-registered = คุณลงทะเบียนแล้ว
events-done-waitlisted = กิจกรรมเต็มแล้ว: คุณอยู่ในรายชื่อรอ เราจะส่งอีเมลแจ้งหากมีที่ว่าง
events-done-pending = การลงทะเบียนของคุณรอผู้จัดอนุมัติ
events-done-cancelled = ยกเลิกการลงทะเบียนของคุณแล้ว
events-done-organisers = ปรับปรุงรายชื่อผู้จัดแล้ว
events-done-session = ปรับปรุงกำหนดการแล้ว
events-done-questions = ปรับปรุงคำถามแล้ว
events-done-invited = ส่งคำเชิญแล้ว

event-kind-seminar = สัมมนา
event-kind-workshop = เวิร์กช็อป
event-kind-webinar = เว็บบินาร์
event-kind-roundtable_dialogue = การเสวนาโต๊ะกลม
event-kind-conference = การประชุมใหญ่
event-kind-public_forum = เวทีสาธารณะ
event-kind-panel = การอภิปรายคณะ
event-kind-training = การฝึกอบรม
event-mode-in_person = ในสถานที่
event-mode-online = ออนไลน์
event-mode-hybrid = ในสถานที่และออนไลน์
event-visibility-public = สาธารณะ
event-visibility-members = สมาชิก
event-visibility-group = กลุ่ม
event-visibility-invitation_only = เฉพาะผู้ได้รับเชิญ
event-visibility-help-public = ทุกคนเห็นและลงทะเบียนได้ (เฉพาะผู้ประสานงาน)
event-visibility-help-members = สมาชิกทุกคนเห็นและลงทะเบียนได้
event-visibility-help-group = เฉพาะสมาชิกของกลุ่มที่เลือก
event-visibility-help-invitation_only = เฉพาะสมาชิกที่คุณเชิญ

event-cancelled-badge = ยกเลิกแล้ว
event-is-cancelled = กิจกรรมนี้ถูกยกเลิกแล้ว
event-when = เมื่อใด
event-where = ที่ใด
event-online = ออนไลน์
event-link-hidden = ลิงก์ประชุมจะแสดงแก่ผู้เข้าร่วมที่ลงทะเบียนแล้ว
event-languages = ภาษา
event-interpretation = การล่าม
event-hosts = องค์กรร่วมจัด
event-organisers = ผู้จัด
event-places = ที่นั่ง
event-places-left = { $count ->
   *[other] เหลือ { $count } ที่
}
event-your-time = เวลาของคุณ: { $time }
event-add-to-calendar = เพิ่มลงในปฏิทินของฉัน (.ics)
event-zone-apply = แสดง
event-agenda = กำหนดการ
event-registration = การลงทะเบียน
event-over = กิจกรรมนี้สิ้นสุดแล้ว
event-registration-closed = ปิดรับลงทะเบียนแล้ว
event-full-waitlist = กิจกรรมเต็มแล้ว: คุณจะอยู่ในรายชื่อรอ
event-needs-approval = ผู้จัดจะอนุมัติการลงทะเบียนแต่ละราย
event-members-sign-in = สมาชิก: เข้าสู่ระบบเพื่อลงทะเบียน
event-invitation-needed = กิจกรรมนี้สำหรับผู้ได้รับเชิญ
event-rsvp = ลงทะเบียน
event-register = ลงทะเบียน
event-register-privacy = เฉพาะผู้จัดและผู้ประสานงานของเครือข่ายเท่านั้นที่เห็นข้อมูลที่คุณกรอก เราจะส่งอีเมลหนึ่งฉบับเพื่อยืนยันที่อยู่ของคุณ
event-field-website = เว้นช่องนี้ว่างไว้
event-not-given = ไม่ระบุ
event-cancel-registration = ยกเลิกการลงทะเบียนของฉัน
event-cancel-confirm-title = ยกเลิกการลงทะเบียนหรือไม่
event-cancel-confirm-text = คุณกำลังจะยกเลิกการลงทะเบียนสำหรับ { $title }
event-cancel-confirm-place = ที่นั่งของคุณจะตกเป็นของคนถัดไปที่รออยู่ และหากลงทะเบียนใหม่ คุณจะต่อท้ายคิว
event-cancel-confirm-yes = ใช่ ยกเลิกการลงทะเบียนของฉัน
event-cancel-confirm-no = เก็บการลงทะเบียนไว้
event-status-unconfirmed = โปรดยืนยันที่อยู่อีเมลของคุณเพื่อลงทะเบียนให้เสร็จสมบูรณ์
event-status-pending = การลงทะเบียนของคุณรอผู้จัดอนุมัติ
event-status-registered = คุณลงทะเบียนแล้ว
event-status-waitlisted = คุณอยู่ในรายชื่อรอ เราจะส่งอีเมลแจ้งหากมีที่ว่าง
event-status-cancelled = ยกเลิกการลงทะเบียนของคุณแล้ว
event-status-declined = ผู้จัดไม่สามารถรับการลงทะเบียนของคุณได้
event-status-short-unconfirmed = ยังไม่ยืนยัน
event-status-short-pending = รออนุมัติ
event-status-short-registered = ลงทะเบียนแล้ว
event-status-short-waitlisted = รายชื่อรอ
event-status-short-cancelled = ยกเลิกแล้ว
event-status-short-declined = ไม่อนุมัติ
event-manage = จัดการกิจกรรม
event-manage-agenda = แก้ไขกำหนดการ
event-manage-questions = คำถามตอนลงทะเบียน
event-manage-organisers = ผู้จัดร่วม
event-manage-invitations = เชิญสมาชิก
event-edit = แก้ไขกิจกรรม
event-registrants = การลงทะเบียน
event-checkin = เช็กอิน
event-taken = { $count ->
   *[other] ลงทะเบียนแล้ว { $count } คน
}
event-waiting = { $count ->
   *[other] อยู่ในรายชื่อรอ { $count } คน
}
event-capacity = { $count ->
   *[other] { $count } ที่
}
event-present = { $count ->
   *[other] มาแล้ว { $count } จาก { $total } คน
}
event-status = สถานะ
event-answers = คำตอบ
event-actions = การดำเนินการ
event-approve = อนุมัติ
event-decline = ปฏิเสธ
event-attended = เข้าร่วมแล้ว
event-no-registrants = ยังไม่มีผู้ลงทะเบียน
event-remove = นำออก
event-add = เพิ่ม
event-add-organiser = เพิ่มผู้จัด
event-invitations = คำเชิญ
event-invitations-help = สมาชิกที่ได้รับเชิญจะเห็นกิจกรรมแม้จะเป็นกิจกรรมเฉพาะผู้ได้รับเชิญ และจะได้รับอีเมล
event-invite-member = เชิญสมาชิก
event-invite = เชิญ
event-session-title = ช่วงการประชุม
event-session-zone = เวลาตามเขตเวลาของกิจกรรม ({ $zone })
event-speakers-members = วิทยากรจากเครือข่าย
event-speakers-guests = วิทยากรรับเชิญ (หนึ่งชื่อต่อบรรทัด)
event-add-session = เพิ่มช่วงการประชุม
event-questions = คำถามสำหรับผู้ลงทะเบียน
event-add-question = เพิ่มคำถาม
event-check-in = เช็กอิน
event-undo-checkin = ยกเลิก
event-your-registration = การลงทะเบียนของคุณ
event-confirm = ยืนยันการลงทะเบียนของฉัน
event-keep-link = เก็บอีเมลที่มีลิงก์นี้ไว้: ใช้ยกเลิกการลงทะเบียนได้
event-check-mail-title = ตรวจสอบอีเมลของคุณ
event-check-mail-title-no-mail = การลงทะเบียนยังไม่ได้รับการยืนยัน
event-check-mail-text = เราได้ส่งอีเมลถึงคุณแล้ว เปิดลิงก์ในอีเมลเพื่อยืนยันการลงทะเบียน
event-link-gone-title = ลิงก์นี้ใช้ไม่ได้แล้ว
event-link-gone-text = การลงทะเบียนถูกยกเลิก หรือไม่ได้ยืนยันภายในเวลาที่กำหนด คุณลงทะเบียนใหม่ได้จากหน้ากิจกรรม
event-cancelled-title = ยกเลิกการลงทะเบียนแล้ว
event-cancelled-text = ยกเลิกการลงทะเบียนของคุณแล้ว ขอบคุณที่แจ้งให้ผู้จัดทราบ
event-you-organise = คุณเป็นผู้จัด

event-field-title = ชื่อกิจกรรม
event-field-description = รายละเอียด
event-field-mode = รูปแบบการจัด
event-field-venue = สถานที่
event-field-address = ที่อยู่
event-field-link = ลิงก์ประชุม
event-field-link-help = สำหรับกิจกรรมออนไลน์และแบบผสม เฉพาะผู้เข้าร่วมที่ลงทะเบียนแล้วเท่านั้นที่เห็น
event-field-zone = เขตเวลาของกิจกรรม
event-zone-of-country = เขตเวลาของประเทศนั้น
event-field-zone-help = หากใช้เขตเวลาของประเทศ งานในมาเลเซียจะใช้ Asia/Kuala_Lumpur เลือกเขตเวลาของสถานที่จัดงานเมื่อประเทศนั้นมีหลายเขตเวลา
event-field-starts = เริ่ม
event-field-ends = สิ้นสุด
event-field-visibility = ใครเห็นได้
event-field-group = กลุ่ม (สำหรับกิจกรรมของกลุ่ม)
event-field-capacity = จำนวนที่นั่ง (ว่างไว้: ไม่จำกัด)
event-field-closes = ปิดรับลงทะเบียน (ว่างไว้: เมื่อกิจกรรมเริ่ม)
event-field-approval = ผู้จัดอนุมัติการลงทะเบียนแต่ละราย
event-field-interpretation = การล่าม (เช่น ล่ามพร้อมกันไทย–อังกฤษ)
event-field-cancelled = กิจกรรมนี้ถูกยกเลิก

error-unknown-event-kind = เลือกประเภทกิจกรรม
error-unknown-event-mode = เลือกว่ากิจกรรมจัดในสถานที่ ออนไลน์ หรือทั้งสองแบบ
error-unknown-event-visibility = เลือกว่าใครเห็นกิจกรรมได้
error-event-title-required = ตั้งชื่อกิจกรรม
error-event-venue-required = ระบุสถานที่ของกิจกรรมที่จัดในสถานที่
error-event-link-required = ระบุลิงก์ประชุมของกิจกรรมออนไลน์
error-event-link = ลิงก์ประชุมต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https://
error-event-time-zone = ไม่รู้จักเขตเวลานี้: ใช้ชื่อแบบ IANA เช่น Asia/Bangkok
error-event-time = ระบุวันที่และเวลาในรูปแบบ YYYY-MM-DD HH:MM
error-event-time-ambiguous = เวลานี้ไม่มีอยู่จริงหรือเกิดขึ้นสองครั้งในเขตเวลาของกิจกรรม (การปรับเวลาออมแสง) โปรดเลือกเวลาอื่น
error-event-end-before-start = เวลาสิ้นสุดต้องอยู่หลังเวลาเริ่ม
error-event-too-long = กิจกรรมหนึ่งจัดได้ไม่เกิน 31 วัน
error-event-capacity = จำนวนที่นั่งต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง 100000
error-event-capacity-below = { $count ->
   *[other] มี { $count } คนได้ที่นั่งแล้ว: จำนวนที่นั่งต่ำกว่านี้ไม่ได้
}
error-event-closes-after-start = ต้องปิดรับลงทะเบียนก่อนกิจกรรมเริ่ม
error-event-public-coordinators = เฉพาะผู้ประสานงานเท่านั้นที่เผยแพร่กิจกรรมสาธารณะได้
error-event-group = เลือกกลุ่มที่คุณเป็นสมาชิก
error-event-host = ไม่รู้จักองค์กรนี้
error-event-member = เลือกสมาชิกจากรายชื่อ
error-event-last-organiser = กิจกรรมต้องมีผู้จัดอย่างน้อยหนึ่งคน
error-event-session-outside = ช่วงการประชุมต้องอยู่ในช่วงเวลาของกิจกรรม
error-event-too-many-sessions = กำหนดการมีได้ไม่เกิน { $max } ช่วง
error-event-question-required = เขียนคำถาม
error-event-too-many-questions = กิจกรรมหนึ่งถามได้ไม่เกิน { $max } คำถาม
error-event-month = ระบุเดือนในรูปแบบ YYYY-MM
error-event-cancelled = กิจกรรมนี้ถูกยกเลิกแล้ว
error-event-registration-closed = กิจกรรมนี้ปิดรับลงทะเบียนแล้ว
error-event-already-registered = คุณลงทะเบียนกิจกรรมนี้แล้ว
error-event-declined = ผู้จัดไม่สามารถรับการลงทะเบียนของคุณสำหรับกิจกรรมนี้ได้
error-event-not-invited = กิจกรรมนี้สำหรับผู้ได้รับเชิญเท่านั้น
error-event-not-registered = คุณไม่ได้ลงทะเบียนกิจกรรมนี้
error-event-over = กิจกรรมนี้สิ้นสุดแล้ว
error-event-members-rsvp = คุณเข้าสู่ระบบอยู่: ลงทะเบียนด้วยปุ่มในหน้ากิจกรรม
error-event-register-throttled = มีการลงทะเบียนจากเครือข่ายของคุณมากเกินไป โปรดลองใหม่ในอีกหนึ่งชั่วโมง
error-event-decision = การลงทะเบียนนี้อนุมัติหรือปฏิเสธไม่ได้อีกแล้ว

mail-event-confirm-subject = ยืนยันการลงทะเบียน: { $title }
mail-event-confirm-body =
    สวัสดี

    มีผู้ (ซึ่งเราหวังว่าเป็นคุณ) ลงทะเบียนที่อยู่นี้สำหรับ { $title } ({ $when }) หากต้องการยืนยัน โปรดเปิดลิงก์นี้ภายใน { $hours } ชั่วโมง:
    { $link }

    ลิงก์เดียวกันนี้ใช้ยกเลิกการลงทะเบียนภายหลังได้ หากไม่ใช่คุณ ไม่ต้องทำอะไร การลงทะเบียนจะถูกลบไปเอง
mail-event-duplicate-subject = คุณลงทะเบียนแล้ว: { $title }
mail-event-duplicate-body =
    สวัสดี

    มีผู้พยายามลงทะเบียนที่อยู่นี้อีกครั้งสำหรับ { $title } ({ $when }) การลงทะเบียนของคุณยังคงเดิม ไม่มีอะไรเปลี่ยนแปลง

    ใช้ลิงก์ในอีเมลฉบับแรกที่เราส่งถึงคุณเพื่อดูหรือยกเลิกการลงทะเบียน หน้ากิจกรรม:
    { $link }
mail-event-unnamed = กิจกรรมหนึ่งใน Roundtable
mail-event-promoted-subject = คุณได้ที่นั่งแล้ว: { $title }
mail-event-promoted-body =
    สวัสดี

    มีที่นั่งว่างสำหรับ { $title } ({ $when }) และเป็นของคุณแล้ว: ตอนนี้คุณลงทะเบียนแล้ว หากมาไม่ได้ โปรดยกเลิกเพื่อให้ผู้อื่นได้ที่นั่งแทน

    { $link }
mail-event-approved-subject = รับการลงทะเบียนแล้ว: { $title }
mail-event-approved-body =
    สวัสดี

    ผู้จัดได้รับการลงทะเบียนของคุณสำหรับ { $title } ({ $when }) แล้ว

    { $link }
mail-event-waitlisted-subject = อยู่ในรายชื่อรอ: { $title }
mail-event-waitlisted-body =
    สวัสดี

    ผู้จัดได้รับการลงทะเบียนของคุณสำหรับ { $title } ({ $when }) แต่กิจกรรมเต็มแล้ว: คุณอยู่ในรายชื่อรอ เราจะส่งอีเมลแจ้งหากมีที่ว่าง

    { $link }
mail-event-declined-subject = ไม่ได้รับการลงทะเบียน: { $title }
mail-event-declined-body =
    สวัสดี

    ผู้จัดไม่สามารถรับการลงทะเบียนของคุณสำหรับ { $title } ({ $when }) ได้ ขอบคุณที่สนใจ

    { $link }
mail-event-cancelled-subject = ยกเลิกแล้ว: { $title }
mail-event-cancelled-body =
    สวัสดี

    ผู้จัดได้ยกเลิก { $title } ({ $when }) แล้ว ขออภัยในความไม่สะดวก

    { $link }
event-mix-title = สัดส่วนผู้เข้าร่วม
event-mix-intro = กำหนดสัดส่วนภาคส่วนและประเทศที่ต้องการในห้องประชุม ตารางแสดงผู้ลงทะเบียนแล้ว (และผู้ที่รออนุมัติ) เทียบกับเป้าหมาย และ Roundtable จะแนะนำสมาชิกที่ควรเชิญเพื่อปิดช่องว่าง
event-mix-none = ยังไม่ได้กำหนดสัดส่วนเป้าหมาย
event-mix-caption = { $count ->
   *[other] ผู้เข้าร่วมขณะนี้ { $count } คน
}
event-mix-group = ภาคส่วนหรือประเทศ
event-mix-bar = สัดส่วนเทียบกับเป้าหมาย
event-mix-now = ขณะนี้
event-mix-target = เป้าหมาย
event-mix-share = { $count ->
   *[other] { $count } คน ({ $share } %)
}
event-mix-needed = { $count ->
   *[other] ต้องการอีก { $count } คนจึงจะถึง { $target } % ของ { $places } ที่
}
event-mix-suggested = สมาชิกที่ควรเชิญ
event-mix-suggested-help = เรียงตามภาคส่วนและประเทศที่จะช่วยเติมเต็ม หัวข้อและภาษาของกิจกรรม และจำนวนความสัมพันธ์ที่มีกับผู้เข้าร่วมอยู่แล้ว (ยิ่งน้อยยิ่งดี) ระบบจะไม่แนะนำสมาชิกที่มีความเสี่ยงเด็ดขาด
event-mix-no-suggestions = ไม่มีคำแนะนำ: กำหนดสัดส่วนเป้าหมายก่อน หรือทุกช่องว่างได้รับการเติมเต็มแล้ว
event-mix-set = สัดส่วนเป้าหมาย
event-mix-by-sector = ตามภาคส่วน
event-mix-by-country = ตามประเทศ
event-mix-topics = หัวข้อของกิจกรรม
event-mix-form-help = เป็นร้อยละเต็มของผู้เข้าร่วม เว้นว่างไว้หากไม่มีเป้าหมาย แต่ละรายการรวมกันได้ไม่เกิน 100
event-mix-save = บันทึกสัดส่วน
event-mix-done-saved = บันทึกสัดส่วนเป้าหมายแล้ว
event-mix-done-invited = ส่งคำเชิญแล้ว
event-mix-why-fills = เติม{ $what }
event-mix-why-topic = ทำงานด้าน{ $area }
event-mix-why-language = พูดภาษา{ $language }
event-mix-why-new = ยังไม่มีความสัมพันธ์กับผู้เข้าร่วม
event-mix-why-ties = { $count ->
   *[other] มีความสัมพันธ์กับผู้เข้าร่วม { $count } คน
}
error-event-mix-percent = เป้าหมายต้องเป็นร้อยละเต็มตั้งแต่ 0 ถึง 100
error-event-mix-over = เป้าหมายรวมกันได้ { $total } % แต่ละรายการรวมกันได้ไม่เกิน 100 %
mail-event-reminder-subject = แจ้งเตือน: { $title }
mail-event-reminder-body =
    สวัสดี { $name }

    ขอแจ้งเตือนว่า { $title } จะเริ่มในเร็ว ๆ นี้ { $when }

    { $place }

    อ่านรายละเอียดได้ที่:
    { $link }

    หากมาไม่ได้ โปรดยกเลิกการลงทะเบียนเพื่อให้ผู้อื่นได้ที่นั่งแทน
mail-event-reminder-online = ออนไลน์: { $link }
events-done-feedback = ขอบคุณสำหรับความคิดเห็นของคุณ
event-feedback-title = ความคิดเห็นของคุณ
event-feedback-rating = กิจกรรมเป็นอย่างไรบ้าง
event-rating-5 = ดีเยี่ยม
event-rating-4 = ดี
event-rating-3 = พอใช้
event-rating-2 = ไม่ดี
event-rating-1 = ไม่ดีมาก
event-feedback-comment = ความคิดเห็นเพิ่มเติม (ไม่บังคับ)
event-feedback-help = เฉพาะผู้จัดเท่านั้นที่อ่านความคิดเห็นของคุณ รายงานจะแสดงความคิดเห็นโดยไม่ระบุชื่อ
event-feedback-send = ส่งความคิดเห็น
event-feedback-thanks = ขอบคุณ ความคิดเห็นของคุณถึงผู้จัดแล้ว
event-materials = เอกสารประกอบ
event-materials-none = ยังไม่มีเอกสารประกอบ
event-material-title = ชื่อเรื่อง
event-material-url = ที่อยู่เว็บ
event-material-resource = หรือทรัพยากรจากห้องสมุด
event-material-no-resource = ไม่มี
event-material-help = ใส่ชื่อเรื่องและที่อยู่เว็บ หรือเลือกทรัพยากรจากห้องสมุด
event-material-add = เชื่อมโยงเอกสาร
event-actions-title = ประเด็นที่ต้องดำเนินการ
event-actions-none = ยังไม่มีประเด็นที่ต้องดำเนินการ
event-action-title = สิ่งที่ต้องทำ
event-action-owner = ผู้รับผิดชอบ
event-action-due-field = ภายในวันที่
event-action-due = กำหนด { $date }
event-action-add = เพิ่มประเด็นที่ต้องดำเนินการ
event-action-done = ทำเสร็จแล้ว
event-action-reopen = ยังไม่เสร็จ
event-report-title = รายงาน
event-report-registered = ลงทะเบียน
event-report-attended = เข้าร่วม
event-report-rating = คะแนน
event-report-answers = { $count ->
   *[other] ({ $count } คำตอบ)
}
event-report-by-sector = ผู้เข้าร่วมตามภาคส่วน
event-report-by-country = ผู้เข้าร่วมตามประเทศ
event-report-people = จำนวนคน
event-report-nobody = ยังไม่มีผู้ลงชื่อเข้าร่วม
event-report-feedback = ความคิดเห็น
event-report-comments = ข้อคิดเห็น
event-report-no-feedback = ยังไม่มีความคิดเห็น
error-event-rating = เลือกคะแนนตั้งแต่ 1 ถึง 5
error-event-due = ระบุวันครบกำหนดเป็นวันที่ (ปี-เดือน-วัน)
error-event-action-required = ระบุสิ่งที่ต้องทำ
error-event-material-link = ใส่ที่อยู่เว็บที่ขึ้นต้นด้วย https:// หรือ http://
error-event-material-title = ตั้งชื่อเรื่องให้เอกสาร
error-event-material-resource = ไม่พบทรัพยากรนี้ในห้องสมุด หรือคุณไม่มีสิทธิ์เชื่อมโยง
error-event-too-many-items = กิจกรรมนี้มีรายการครบจำนวนที่อนุญาตแล้ว โปรดลบออกก่อนหนึ่งรายการ
error-event-feedback-attendees = ความคิดเห็นสำหรับผู้ที่เข้าร่วมเท่านั้น เมื่อกิจกรรมเริ่มแล้ว
error-event-feedback-twice = คุณได้ให้ความคิดเห็นสำหรับกิจกรรมนี้แล้ว
event-series = ชุดกิจกรรม
event-series-part = เป็นส่วนหนึ่งของชุดกิจกรรม
event-series-weekly = ทุกสัปดาห์
event-series-yearly = ทุกปี
event-series-monthly = ทุกเดือน ใน{ $weekday }{ $nth }ของเดือน
event-series-nth-1 = แรก
event-series-nth-2 = ที่สอง
event-series-nth-3 = ที่สาม
event-series-nth-4 = ที่สี่
event-series-nth-last = สุดท้าย
event-series-count = { $count ->
   *[other] { $count } ครั้ง
}
event-series-until = จนถึง { $date }
weekday-1 = วันจันทร์
weekday-2 = วันอังคาร
weekday-3 = วันพุธ
weekday-4 = วันพฤหัสบดี
weekday-5 = วันศุกร์
weekday-6 = วันเสาร์
weekday-7 = วันอาทิตย์
event-repeat = จัดกิจกรรมนี้ซ้ำ
event-repeat-how = บ่อยแค่ไหน
event-repeat-monthly = ทุกเดือน ในวันเดียวกันของสัปดาห์ (เช่น วันอังคารแรกของเดือน)
event-repeat-end = จนถึง
event-repeat-times = ตามจำนวนครั้ง
event-repeat-count = กี่ครั้ง รวมครั้งนี้
event-repeat-until = จนถึงวันที่กำหนด
event-repeat-until-date = วันสุดท้าย
event-repeat-help = แต่ละครั้งจะเป็นกิจกรรมของตัวเอง มีเวลา สถานที่ ผู้จัด และการตั้งค่าเดียวกัน ซึ่งแก้ไขทีละครั้งได้ ไม่คัดลอกกำหนดการ ได้สูงสุด { $max } ครั้ง
event-repeat-button = สร้างชุดกิจกรรม
error-event-series-rule = การจัดซ้ำแบบนี้ไม่ตรงกับวันที่ของกิจกรรม
error-event-series-count = ชุดกิจกรรมมีได้ตั้งแต่ 2 ถึง 52 ครั้ง
error-event-series-until = ระบุวันสุดท้ายที่อยู่หลังวันที่ของกิจกรรม
error-event-series-too-many = จะมีมากกว่า 52 ครั้ง โปรดเลือกวันสุดท้ายให้เร็วขึ้น
error-event-series-already = กิจกรรมนี้เป็นส่วนหนึ่งของชุดกิจกรรมอยู่แล้ว
awareness-title = วันรณรงค์
awareness-intro = วันที่เครือข่ายร่วมรำลึกทุกปี แต่ละวันมีหน้ารณรงค์ที่รวบรวมกิจกรรมสาธารณะในวันนั้น แยกตามประเทศ
awareness-victims-of-torture = วันสากลเพื่อสนับสนุนผู้เสียหายจากการทรมาน
awareness-victims-of-torture-about = 26 มิถุนายน: วันที่อนุสัญญาต่อต้านการทรมานมีผลบังคับใช้ในปี 1987 เวทีสาธารณะ การจุดเทียน และการเสวนาทั่วภูมิภาคร่วมยืนเคียงข้างผู้รอดชีวิต
awareness-human-rights = วันสิทธิมนุษยชนสากล
awareness-human-rights-about = 10 ธันวาคม: วันที่มีการรับรองปฏิญญาสากลว่าด้วยสิทธิมนุษยชนในปี 1948
awareness-date = { $day } { $month }
awareness-add = เพิ่มวันรณรงค์
awareness-name = ชื่อ
awareness-day = วันที่
awareness-month = เดือน
awareness-description = วันนี้เกี่ยวกับอะไร (ไม่บังคับ)
awareness-add-button = เพิ่มวัน
awareness-years = ปีอื่น ๆ
awareness-share = { $count ->
   *[other] { $name } { $year }: กิจกรรมสาธารณะ { $count } รายการใน { $countries }
}
awareness-share-none = { $name } { $year }: ยังไม่มีกิจกรรมสาธารณะ
error-awareness-name = ตั้งชื่อให้วันนี้
error-awareness-date = เลือกวันที่มีอยู่จริงในปฏิทิน
error-awareness-too-many = มีวันรณรงค์ครบจำนวนที่อนุญาตแล้ว
month-1 = มกราคม
month-2 = กุมภาพันธ์
month-3 = มีนาคม
month-4 = เมษายน
month-5 = พฤษภาคม
month-6 = มิถุนายน
month-7 = กรกฎาคม
month-8 = สิงหาคม
month-9 = กันยายน
month-10 = ตุลาคม
month-11 = พฤศจิกายน
month-12 = ธันวาคม
event-private-participant = ผู้เข้าร่วมที่ไม่เปิดเผยชื่อ
event-checkin-code = รหัส { $code }
event-your-checkin-code = รหัสเช็คอินของคุณ: { $code } แสดงที่ทางเข้าหากผู้จัดขอ
event-check-mail-text-no-mail = เราบันทึกการลงทะเบียนของคุณแล้ว แต่ต้องยืนยันผ่านลิงก์ทางอีเมล และเครือข่ายนี้ยังไม่ส่งอีเมล โปรดติดต่อผู้จัด
events-done-chat_on = แชทของกิจกรรมเปิดแล้ว ผู้จัดและสมาชิกที่ได้ที่นั่งอยู่ในแชท
events-done-chat_off = แชทของกิจกรรมปิดแล้ว และข้อความถูกลบแล้ว

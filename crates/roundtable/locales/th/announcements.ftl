announcements-title = ประกาศ
announcements-new = ประกาศใหม่
announcements-current = ปัจจุบัน
announcements-none = ขณะนี้ไม่มีประกาศสำหรับคุณ
announcements-yours = ประกาศที่คุณจัดการ
announcements-until = ถึง { $date }
announcements-ended = สิ้นสุดแล้ว
announcements-dismiss = ปิด
announcements-network = ทั้งเครือข่าย
announcements-group = สมาชิกของ { $group }
announcements-translated = มีในภาษา { $languages } ด้วย
announcements-translate = เพิ่มคำแปล
announcements-end = สิ้นสุดตอนนี้
announcements-audience = สำหรับ
announcements-language = ภาษา
announcements-field-title = หัวข้อ
announcements-field-body = ข้อความ
announcements-field-ends = แสดงถึงวันที่ (รวมวันนั้น)
announcements-field-mail = ส่งทางอีเมลถึงทุกคนที่ประกาศนี้มีไว้สำหรับด้วย
announcements-post = โพสต์ประกาศ
announcements-save-translation = บันทึกคำแปล
announcements-done-posted = โพสต์ประกาศแล้ว
announcements-done-ended = สิ้นสุดประกาศแล้ว
announcements-done-translated = บันทึกคำแปลแล้ว
announcements-done-dismissed = ปิดแล้ว
error-announcement-empty = ประกาศต้องมีหัวข้อและข้อความ
error-announcement-end = เลือกวันสิ้นสุดตั้งแต่วันนี้จนถึงหนึ่งปีข้างหน้า
error-announcement-audience = เลือกว่าประกาศนี้สำหรับใคร
error-announcement-same-language = คำแปลต้องเป็นภาษาอื่นที่ไม่ใช่ภาษาต้นฉบับ
mail-announcement-body =
    { $title }

    { $text }

    Roundtable: { $link }

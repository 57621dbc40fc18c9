## Champions: identification and paths (coordinators and admins)
network-champions-blurb = สมาชิกที่สามารถผลักดันงานของเครือข่ายต่อไปได้ และเส้นทางของแชมเปี้ยนแต่ละคน
champions-title = แชมเปี้ยน
champions-intro = สมาชิกเรียงตามศักยภาพในการผลักดันงานของเครือข่ายข้ามภาคส่วนและข้ามประเทศ คะแนนเป็นจุดเริ่มต้นของการพูดคุย ไม่ใช่คำตัดสิน หน้านี้เห็นได้เฉพาะผู้ประสานงานและผู้ดูแลระบบ
champions-field-stage = ขั้น
champions-stage-none = ยังไม่อยู่ในเส้นทาง
champions-count = { $count ->
    [0] ไม่มีสมาชิกที่ตรงกับตัวกรองนี้
   *[other] สมาชิก { $count } คน
}
champions-caption = ผู้ที่อาจเป็นแชมเปี้ยน เรียงจากคะแนนสูงสุด
champions-col-rank = อันดับ
champions-col-member = สมาชิก
champions-col-score = คะแนน
champions-col-why = เหตุผล
champions-col-stage = เส้นทาง
champions-part-influence = อิทธิพล
champions-part-brokerage = การเป็นตัวกลาง
champions-part-activity = ความเคลื่อนไหว
champions-part-endorsements = การรับรอง
champions-open-path = เปิดเส้นทาง
champions-empty = ไม่มีสมาชิกที่ตรงกับตัวกรองนี้
champions-how-title = คะแนนคำนวณอย่างไร
champions-how = แต่ละส่วนเป็นเปอร์เซ็นไทล์ คือสัดส่วนของสมาชิกที่มีค่าต่ำกว่า อิทธิพล ({ $influence } % ของคะแนน) คือค่าความเป็นศูนย์กลางแบบไอเกนเวกเตอร์และ PageRank ซึ่งหมายถึงการมีความสัมพันธ์กับคนที่มีความสัมพันธ์กว้างขวาง การเป็นตัวกลาง ({ $brokerage } %) คือค่าความเป็นตัวกลาง (betweenness) การอยู่ระหว่างเพื่อนร่วมงานต่างภาคส่วนหรือต่างประเทศที่ไม่มีความสัมพันธ์กันโดยตรง และความสัมพันธ์ข้ามภาคส่วนและข้ามประเทศ ความเคลื่อนไหว ({ $activity } %) นับความสัมพันธ์ที่บันทึก การแนะนำที่นำไปสู่ความสัมพันธ์ และการรับรองที่ให้ผู้อื่นในสิบสองเดือนที่ผ่านมา การรับรอง ({ $endorsements } %) นับจำนวนเพื่อนร่วมงานที่รับรองความเชี่ยวชาญของสมาชิก ผู้ประสานงานและผู้ดูแลระบบไม่ถูกจัดอันดับ
champion-reason-sectors-in = เชื่อม{ $sector }กับ{ $other }ใน{ $country }: ความสัมพันธ์ข้ามภาคส่วน { $count } รายการ
champion-reason-sectors = เชื่อม{ $sector }กับ{ $other }: ความสัมพันธ์ข้ามภาคส่วน { $count } รายการ
champion-reason-countries = เชื่อมโยง{ $country }กับ{ $other }: ความสัมพันธ์ข้ามประเทศ { $count } รายการ
champion-reason-broker = อยู่ระหว่างเพื่อนร่วมงานต่างภาคส่วน { $count } คู่ที่ไม่มีความสัมพันธ์กันโดยตรง
champion-reason-central = อยู่ในกลุ่ม { $percent } % ของสมาชิกที่เป็นศูนย์กลางมากที่สุด
champion-reason-endorsed = ได้รับการรับรองจากเพื่อนร่วมงาน { $count } คน
champion-reason-active = มีส่วนร่วม { $count } ครั้งในสิบสองเดือนที่ผ่านมา: ความสัมพันธ์ การแนะนำ การรับรอง
champion-reason-initiatives = เป็นผู้นำหรือผู้ติดต่อหลักของโครงการความร่วมมือที่กำลังดำเนินอยู่ { $count } โครงการ

champion-path-title = เส้นทางแชมเปี้ยน: { $name }
champion-profile-link = ดูโปรไฟล์
champion-at-risk-note = สมาชิกคนนี้มีความเสี่ยง เส้นทางนี้เห็นได้เฉพาะผู้ประสานงานและผู้ดูแลระบบ ควรวางแผนการติดต่อแบบพบตัวจริง และไม่ให้มีบทบาทต่อสาธารณะเว้นแต่เจ้าตัวขอ
champion-path-heading = เส้นทาง
champion-current = ขั้นปัจจุบัน: { $stage }
champion-not-on-path = ยังไม่อยู่ในเส้นทาง เลือก "ผู้ที่มีศักยภาพ" ด้านล่างเพื่อเริ่มต้น
champion-why-heading = เหตุใดจึงอยู่ในอันดับนี้
champion-score-of = จาก 100
champion-move-heading = เลื่อนขั้นในเส้นทาง
champion-field-note-optional = บันทึก (ไม่บังคับ)
champion-move = บันทึกขั้น
champion-note-heading = เพิ่มบันทึกหรือบันทึกการสนับสนุน
champion-field-support = การสนับสนุนที่ให้
champion-support-none = ไม่มี บันทึกอย่างเดียว
champion-field-note = บันทึก
champion-note-help = เกิดอะไรขึ้น ตกลงอะไรกันไว้ และขั้นต่อไปคืออะไร ไม่เกิน { $max } ตัวอักษร
champion-add-note = เพิ่มลงในลำดับเหตุการณ์
champion-note-first = กรุณาให้สมาชิกเข้าสู่เส้นทางก่อน บันทึกจะเก็บไว้พร้อมกับขั้น
champion-timeline-heading = ลำดับเหตุการณ์
champion-timeline-empty = ยังไม่มีการบันทึก
champion-by = โดย { $name }
champion-former-author = บัญชีที่ถูกลบแล้ว
champion-done-stage = บันทึกขั้นแล้ว
champion-done-note = เพิ่มลงในลำดับเหตุการณ์แล้ว
error-champion-same-stage = สมาชิกอยู่ในขั้นนี้อยู่แล้ว กรุณาเพิ่มบันทึกแทน
error-champion-note-empty = กรุณาเขียนบันทึกหรือเลือกการสนับสนุนที่ให้
error-champion-not-on-path = กรุณาให้สมาชิกเข้าสู่เส้นทางก่อน โดยเลือกขั้น

## Introductions
network-introductions-blurb = พบเพื่อนร่วมงานในภาคส่วนและประเทศอื่น หรือแนะนำคนสองคนให้รู้จักกัน
intro-title = การแนะนำให้รู้จัก
intro-intro = การแนะนำให้รู้จักช่วยให้คนสองคนที่ยังไม่รู้จักกันได้พบกัน ทั้งสองคนจะเห็นการแนะนำที่นี่และตอบรับ เมื่อทั้งคู่ตอบรับ ระบบจะบันทึกความสัมพันธ์ระหว่างกัน
intro-at-risk-note = เนื่องจากโปรไฟล์ของคุณถูกระบุว่ามีความเสี่ยง คุณจึงไม่สามารถแนะนำผู้อื่นหรือถูกแนะนำได้ เพราะการแนะนำจะทำให้ผู้อื่นเห็นคุณ ผู้ประสานงานสามารถช่วยให้คุณพบเพื่อนร่วมงานได้อย่างปลอดภัย
intro-waiting-heading = รอคำตอบจากคุณ
intro-waiting-none = ไม่มีการแนะนำที่รอคำตอบจากคุณ
intro-accept = ตอบรับ
intro-decline = ปฏิเสธ
intro-suggestions-heading = คนที่คุณอาจอยากพบ
intro-suggestions-help = คนที่มีเพื่อนร่วมงานร่วมกับคุณ โดยให้น้ำหนักกับคนต่างภาคส่วนและต่างประเทศ และคนที่มีความเชี่ยวชาญหรือภาษาเดียวกัน
intro-suggestions-none = ยังไม่มีข้อเสนอแนะ บันทึกความสัมพันธ์ที่คุณมีกับเพื่อนร่วมงาน แล้วข้อเสนอแนะจะตามมา
intro-introduce-me = แนะนำตัวเองกับ { $name }
intro-in-person = มีความเสี่ยง: ควรแนะนำให้รู้จักกันแบบพบตัวจริง ไม่ใช่ผ่าน Roundtable
intro-pairs-heading = คู่ที่จะเชื่อมภาคส่วนและประเทศ
intro-pairs-help = คนสองคนที่มีเพื่อนร่วมงานร่วมกันแต่ยังไม่มีความสัมพันธ์กัน จากต่างภาคส่วนหรือต่างประเทศ
intro-pairs-none = ไม่มีคู่ที่จะเสนอแนะ
intro-and = กับ
intro-introduce-them = แนะนำ { $a } ให้รู้จักกับ { $b }
intro-form-heading = แนะนำคนสองคนให้รู้จักกัน
intro-form-help = เลือกตัวคุณเองกับเพื่อนร่วมงาน หรือเพื่อนร่วมงานสองคนที่ควรได้พบกัน แต่ละคนจะได้รับอีเมลพร้อมลิงก์มายังหน้านี้
intro-field-first = คนที่หนึ่ง
intro-field-second = คนที่สอง
intro-field-message = เหตุใดทั้งสองควรได้พบกัน
intro-message-help = ข้อความสั้น ๆ ถึงทั้งสองคน ไม่เกิน { $max } ตัวอักษร
intro-send = ส่งการแนะนำ
intro-history-heading = การแนะนำอื่น ๆ ของคุณ
intro-history-none = ยังไม่มี
intro-status-open = รอคำตอบ
intro-status-connected = ทั้งคู่ตอบรับแล้ว: บันทึกความสัมพันธ์แล้ว
intro-status-declined = ปิดแล้วโดยไม่มีความสัมพันธ์
intro-you-asked = คุณขอพบกับ { $name }
intro-asks-you = { $name } อยากพบกับคุณ
intro-you-introduced = คุณแนะนำ { $a } ให้รู้จักกับ { $b }
intro-introduced-you = { $introducer } แนะนำคุณให้รู้จักกับ { $name }
intro-introduced-you-anonymous = สมาชิกคนหนึ่งแนะนำคุณให้รู้จักกับ { $name }
intro-done-sent = ส่งการแนะนำแล้ว
intro-done-accepted = คุณตอบรับแล้ว ความสัมพันธ์จะถูกบันทึกเมื่ออีกฝ่ายตอบรับด้วย
intro-done-connected = ทั้งคู่ตอบรับแล้ว: บันทึกความสัมพันธ์แล้ว
intro-done-declined = คุณปฏิเสธแล้ว การแนะนำนี้ปิดแล้ว
suggestion-common = มีเพื่อนร่วมงานร่วมกัน { $count } คน
suggestion-other-sector = ต่างภาคส่วน: { $sector }
suggestion-other-country = ต่างประเทศ: { $country }
suggestion-shared-expertise = ทำงานด้าน{ $area }ทั้งคู่
suggestion-shared-language = พูด{ $language }ได้ทั้งคู่
suggestion-between = { $a } กับ { $b }
error-introduction-person = กรุณาเลือกคนที่คุณเห็นได้ในทำเนียบสมาชิก
error-introduction-same = การแนะนำต้องมีคนสองคนที่แตกต่างกัน
error-introduction-message = กรุณาเขียนสั้น ๆ ว่าเหตุใดทั้งสองควรได้พบกัน
error-introduction-at-risk = การแนะนำไม่สามารถเกี่ยวข้องกับสมาชิกที่มีความเสี่ยงได้ เพราะการแนะนำจะทำให้อีกฝ่ายเห็นตัวเขา ผู้ประสานงานสามารถช่วยให้เขาพบเพื่อนร่วมงานได้อย่างปลอดภัย
error-introduction-tied = สองคนนี้มีการบันทึกความสัมพันธ์กันอยู่แล้ว
error-introduction-pending = สองคนนี้มีการแนะนำที่รอคำตอบอยู่แล้ว
error-introduction-too-many = คุณมีการแนะนำที่รอคำตอบอยู่ { $max } รายการ กรุณารอคำตอบบางส่วนก่อนส่งเพิ่ม
error-introduction-answer = กรุณาตอบว่าตอบรับหรือปฏิเสธ
error-introduction-answered = การแนะนำนี้ได้รับคำตอบหรือปิดไปแล้ว
mail-notify-introduction-received-subject = การแนะนำใหม่ใน Roundtable
mail-notify-introduction-received-body =
    สวัสดี

    มีคนในเครือข่ายของคุณอยากให้คุณได้รู้จักกับเพื่อนร่วมงานคนหนึ่งใน Roundtable กรุณาเข้าสู่ระบบแล้วเปิดหน้านี้เพื่ออ่านการแนะนำ และตอบรับหรือปฏิเสธ:
    { $link }

    หากคุณปฏิเสธ จะไม่มีการบันทึกความสัมพันธ์ และจะไม่มีใครได้รับแจ้งเหตุผล
error-introduction-declined = การแนะนำนี้ถูกปฏิเสธเมื่อไม่นานมานี้ โปรดรอสักระยะก่อนแนะนำอีกครั้ง

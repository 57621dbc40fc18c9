# Thai — machine-assisted translation; marked for review by a native speaker.

site-tagline = พื้นที่ที่เครือข่ายป้องกันการทรมานได้พบผู้ขับเคลื่อนคนสำคัญ แบ่งปันสิ่งที่ได้ผล และเติบโตไปด้วยกัน
skip-to-content = ข้ามไปยังเนื้อหา
nav-label = เมนูหลัก
nav-members = สมาชิก
nav-organisations = องค์กร
nav-invitations = คำเชิญ
nav-accounts = บัญชีผู้ใช้
nav-audit = บันทึกการตรวจสอบ
nav-security = เซสชันและรหัสผ่าน
nav-sign-in = เข้าสู่ระบบ
nav-sign-out = ออกจากระบบ
nav-menu = เมนู
nav-profile = โปรไฟล์ของฉัน
quick-exit = ออกทันที
quick-exit-help = ออกทันที: ออกจากระบบและแสดงหน้าว่าง กด Escape สองครั้งก็ได้เช่นกัน
language-switch = ภาษา:
zone-shown-in = แสดงเวลาตามเขตเวลา
footer-privacy = Roundtable เก็บข้อมูลของคุณไว้บนเซิร์ฟเวอร์ของเครือข่ายคุณเอง ไม่มีสิ่งใดในหน้านี้ที่โหลดมาจากที่อื่น

## หน้าแรก
home-title = หน้าแรก
home-heading = Roundtable
home-invite-only = การเป็นสมาชิกต้องได้รับคำเชิญจากผู้ประสานงานเครือข่าย
home-members = { $count ->
    [one] สมาชิก 1 คน
   *[other] สมาชิก { $count } คน
}
home-members-text = ค้นหาบุคคลตามภาคส่วน ประเทศ ความเชี่ยวชาญ และภาษา
home-organisations = { $count ->
    [one] 1 องค์กร
   *[other] { $count } องค์กร
}
home-organisations-text = สถาบันฝึกอบรมตำรวจ สถาบันสิทธิมนุษยชน กระทรวง ภาคประชาสังคม สภาทนายความ มหาวิทยาลัย
home-profile = โปรไฟล์ของคุณ
home-profile-text = เลือกว่าจะแบ่งปันอะไร และแบ่งปันกับใคร
home-about-heading = เครือข่ายนี้มีไว้เพื่ออะไร
home-about-text = ไม่มีใครป้องกันการทรมานได้เพียงลำพัง Roundtable เชื่อมโยงผู้ฝึกอบรมตำรวจ สถาบันสิทธิมนุษยชนแห่งชาติ กระทรวง ทนายความ แพทย์ และภาคประชาสังคม เพื่อให้แนวปฏิบัติที่ดี — การสัมภาษณ์เชิงสืบสวน การตรวจเยี่ยมสถานที่ควบคุมตัว หลักประกันทางกฎหมายระหว่างการควบคุมตัว — ได้ส่งต่อระหว่างสถาบันและระหว่างประเทศ
home-privacy-heading = ความปลอดภัยของคุณมาก่อนเสมอ
home-privacy-text = ทุกส่วนของโปรไฟล์มีการตั้งค่าการมองเห็นแยกกัน ไม่มีสิ่งใดเป็นสาธารณะเว้นแต่คุณเลือกเอง และหากคุณระบุว่าตนเองมีความเสี่ยง จะมีเพียงผู้ประสานงานเท่านั้นที่เห็นว่าคุณอยู่ในเครือข่ายนี้

## ข้อผิดพลาด
error-title = มีบางอย่างไม่ถูกต้อง
error-home = กลับไปหน้าแรก
error-not-found = ไม่มีหน้านี้ หรือคุณอาจไม่มีสิทธิ์เข้าดู
error-forbidden = คุณไม่ได้รับอนุญาตให้ดำเนินการนี้
error-bad-address = Roundtable ไม่รู้จักที่อยู่นี้ โปรดตรวจสอบลิงก์หรือย้อนกลับ
error-sign-in-required = โปรดเข้าสู่ระบบก่อน
error-csrf = แบบฟอร์มนี้หมดอายุแล้วหรือถูกส่งมาจากเว็บไซต์อื่น โปรดโหลดหน้านี้ใหม่แล้วลองอีกครั้ง
error-internal = เกิดข้อผิดพลาดในระบบของเรา ไม่มีการเปลี่ยนแปลงใดๆ โปรดลองใหม่ภายหลัง
error-too-large = ข้อมูลที่คุณส่งมีขนาดใหญ่เกินไป
error-body-unreadable = ไม่สามารถอ่านข้อมูลที่คุณส่งได้
error-form-malformed = ไม่สามารถอ่านแบบฟอร์มนี้ได้ โปรดโหลดหน้านี้ใหม่แล้วลองอีกครั้ง
error-too-long = ข้อความนี้ยาวเกินไป: ไม่เกิน { $max } ตัวอักษร
error-too-many = คุณเพิ่มรายการนี้ได้ไม่เกิน { $max } รายการ
error-rate-limited = มีคำขอจากที่อยู่ของคุณมากเกินไป โปรดรอสักครู่แล้วลองอีกครั้ง
error-busy = ขณะนี้ Roundtable มีผู้ใช้งานจำนวนมาก ไม่มีการเปลี่ยนแปลงใดๆ โปรดลองอีกครั้งในอีกไม่กี่วินาที
error-control-characters = ข้อความนี้มีอักขระที่ไม่อนุญาต
error-email-invalid = ที่อยู่อีเมลนี้ไม่ถูกต้อง
error-email-taken = มีบัญชีที่ใช้ที่อยู่อีเมลนี้อยู่แล้ว
error-name-required = โปรดระบุชื่อ
error-name-characters = ชื่อต้องไม่มีอักขระควบคุมหรือเครื่องหมาย < >
error-password-short = รหัสผ่านต้องมีอย่างน้อย { $min } ตัวอักษร
error-password-mismatch = รหัสผ่านทั้งสองช่องไม่ตรงกัน
error-password-common = รหัสผ่านนี้เดาได้ง่ายเกินไป เพราะเป็นรหัสที่ใช้กันทั่วไป เป็นรูปแบบที่คาดเดาได้ หรือมีชื่อของคุณอยู่ ลองใช้คำที่ไม่เกี่ยวข้องกันหลายๆ คำ
error-password-current = รหัสผ่านปัจจุบันของคุณไม่ถูกต้อง
error-signin-failed = ที่อยู่อีเมลหรือรหัสผ่านไม่ถูกต้อง
error-signin-throttled = พยายามหลายครั้งเกินไป โปรดรอ { $minutes } นาทีแล้วลองอีกครั้ง
error-unknown-visibility = ไม่รู้จักระดับการมองเห็นนี้
error-unknown-role = ไม่รู้จักบทบาทนี้
error-unknown-sector = ไม่รู้จักภาคส่วนนี้
error-unknown-expertise = ไม่รู้จักด้านความเชี่ยวชาญนี้
error-unknown-contact = ไม่รู้จักช่องทางติดต่อประเภทนี้
error-unknown-country = ไม่รู้จักประเทศนี้
error-unknown-lang = ไม่รู้จักภาษานี้
error-unknown-language = ไม่รู้จักภาษานี้
error-unknown-organisation = ไม่รู้จักองค์กรนี้
error-organisation-exists = มีองค์กรชื่อนี้ในประเทศนี้อยู่แล้ว
error-parent-loop = องค์กรไม่สามารถเป็นส่วนหนึ่งของตัวเองได้
error-website-invalid = เว็บไซต์ต้องเป็นที่อยู่แบบเต็มที่ขึ้นต้นด้วย https:// หรือ http://
error-last-admin = คุณเป็นผู้ดูแลระบบเพียงคนเดียว โปรดแต่งตั้งผู้อื่นเป็นผู้ดูแลระบบก่อน
error-own-role = คุณไม่สามารถเปลี่ยนบทบาทของตนเองหรือระงับบัญชีของตนเองได้
error-contact-required = โปรดระบุข้อมูลติดต่อ
error-preview-audience = ดูตัวอย่างในฐานะสมาชิกหรือในฐานะสาธารณชน
error-photo-empty = โปรดเลือกรูปภาพ
error-photo-too-large = รูปภาพมีขนาดใหญ่เกินไป: ไม่เกิน { $mb } MB
error-photo-type = รองรับเฉพาะรูปภาพ JPEG, PNG และ WebP
error-photo-unreadable = ไม่สามารถอ่านไฟล์นี้เป็นรูปภาพได้

## การแจ้งเตือน
notice-reset = เปลี่ยนรหัสผ่านของคุณแล้ว โปรดเข้าสู่ระบบ
notice-signedout = คุณออกจากระบบแล้ว
notice-deleted = ลบบัญชีของคุณแล้ว
notice-password = เปลี่ยนรหัสผ่านของคุณแล้ว และได้ออกจากระบบในเซสชันอื่นทั้งหมดแล้ว
notice-profile-welcome = ยินดีต้อนรับสู่ Roundtable! โปรดสละเวลากรอกโปรไฟล์ของคุณ และเลือกว่าใครจะเห็นข้อมูลแต่ละส่วนได้บ้าง
notice-profile-saved = บันทึกโปรไฟล์ของคุณแล้ว
notice-profile-photo = บันทึกรูปภาพของคุณแล้ว

## ช่องข้อมูล
field-email = ที่อยู่อีเมล
field-password = รหัสผ่าน
field-new-password = รหัสผ่านใหม่
field-confirm-password = ยืนยันรหัสผ่านใหม่
field-current-password = รหัสผ่านปัจจุบัน
field-display-name = ชื่อที่แสดง
field-name = ชื่อ
field-role = บทบาท
field-sector = ภาคส่วน
field-country = ประเทศ
field-region = เมืองหรือภูมิภาค
field-bio = เกี่ยวกับ
field-expertise = ความเชี่ยวชาญ
field-language = ภาษา
field-languages = ภาษา
field-organisation = องค์กร
field-organisation-optional = องค์กร (ไม่บังคับ)
field-organisations = องค์กร
field-title = ตำแหน่ง
field-contacts = ช่องทางติดต่อ
field-contact-kind = ช่องทาง
field-contact-value = ที่อยู่ หมายเลข หรือชื่อผู้ใช้
field-visibility = ใครเห็นได้บ้าง
field-photo = รูปภาพ
field-photo-file = ไฟล์รูปภาพ
field-at-risk = มีความเสี่ยง
field-at-risk-label = ฉันมีความเสี่ยง: ซ่อนฉันจากทุกคน ยกเว้นผู้ประสานงานและผู้ดูแลระบบ
field-website = เว็บไซต์
field-description = คำอธิบาย
field-parent = เป็นส่วนหนึ่งของ
field-org-public = แสดงองค์กรนี้ในหน้าสาธารณะ
help-display-name = ชื่อที่ผู้อื่นเห็น ใช้นามแฝงได้
help-display-name-visible = ทุกคนที่เห็นโปรไฟล์ของคุณจะเห็นชื่อนี้ ใช้นามแฝงได้
help-password = อย่างน้อย 12 ตัวอักษร การใช้คำที่ไม่เกี่ยวข้องกันหลายๆ คำช่วยให้จำง่ายแต่เดายาก
help-at-risk = คุณจะหายไปจากทำเนียบสมาชิก รายชื่อ และผลการค้นหาของสมาชิกคนอื่นและสาธารณชน ผู้ประสานงานและผู้ดูแลระบบยังคงเห็นคุณ เพื่อให้ความช่วยเหลือคุณได้
help-contacts = ช่องทางติดต่อแต่ละรายการมีการตั้งค่าการมองเห็นของตัวเอง โดยค่าเริ่มต้นจะมีเพียงผู้ประสานงานที่เห็นได้
help-photo = JPEG, PNG หรือ WebP ขนาดไม่เกิน 5 MB เราจะเก็บสำเนาขนาดเล็ก และลบข้อมูลตำแหน่งที่ตั้งและรายละเอียดกล้องออก
visibility-of = ใครเห็นได้: { $field }
option-any = ทั้งหมด
option-none = ไม่มี
option-choose = เลือก…
action-add = เพิ่ม
action-remove = นำออก
action-upload = อัปโหลด

## คำศัพท์
visibility-private = เฉพาะฉัน
visibility-coordinators = ผู้ประสานงาน
visibility-members = สมาชิก
visibility-public = ทุกคน (สาธารณะ)
role-admin = ผู้ดูแลระบบ
role-coordinator = ผู้ประสานงาน
role-member = สมาชิก
sector-police = ตำรวจ
sector-government = ภาครัฐ
sector-nhri = สถาบันสิทธิมนุษยชน / กลไกป้องกันระดับชาติ (NPM)
sector-civil_society = ภาคประชาสังคม
sector-legal = วิชาชีพกฎหมาย
sector-health = การแพทย์และนิติเวช
sector-academia = แวดวงวิชาการ
sector-international = องค์การระหว่างประเทศ
sector-media = สื่อมวลชน
sector-other = อื่นๆ
expertise-investigative_interviewing = การสัมภาษณ์เชิงสืบสวน
expertise-detention_monitoring = การตรวจเยี่ยมสถานที่ควบคุมตัว
expertise-legal_safeguards = หลักประกันทางกฎหมาย
expertise-opcat_npm = OPCAT และกลไกป้องกันระดับชาติ (NPM)
expertise-torture_documentation = การบันทึกหลักฐานการทรมาน (พิธีสารอิสตันบูล)
expertise-victim_support = การช่วยเหลือผู้เสียหาย
expertise-training = การฝึกอบรม
expertise-law_reform = การปฏิรูปกฎหมาย
expertise-research = การวิจัย
expertise-advocacy = การรณรงค์ผลักดันนโยบาย
contact-email = อีเมล
contact-phone = โทรศัพท์
contact-signal = Signal
contact-line = LINE
contact-whatsapp = WhatsApp
contact-telegram = Telegram
contact-other = อื่นๆ
country-TH = ประเทศไทย
country-MY = มาเลเซีย
country-PH = ฟิลิปปินส์
country-ID = อินโดนีเซีย
country-KH = กัมพูชา
country-LA = ลาว
country-MM = เมียนมา
country-VN = เวียดนาม
country-SG = สิงคโปร์
country-BN = บรูไน
country-TL = ติมอร์-เลสเต
country-BD = บังกลาเทศ
country-LK = ศรีลังกา
country-NP = เนปาล
country-IN = อินเดีย
country-PK = ปากีสถาน
country-MN = มองโกเลีย
country-KR = เกาหลีใต้
country-JP = ญี่ปุ่น
country-AU = ออสเตรเลีย
country-NZ = นิวซีแลนด์
country-CH = สวิตเซอร์แลนด์
country-GB = สหราชอาณาจักร
country-FR = ฝรั่งเศส
country-DE = เยอรมนี
country-NL = เนเธอร์แลนด์
country-DK = เดนมาร์ก
country-SE = สวีเดน
country-NO = นอร์เวย์
country-US = สหรัฐอเมริกา
country-CA = แคนาดา
lang-th = ภาษาไทย
lang-en = ภาษาอังกฤษ
lang-ms = ภาษามลายู
lang-fil = ภาษาฟิลิปิโน
lang-id = ภาษาอินโดนีเซีย
lang-km = ภาษาเขมร
lang-lo = ภาษาลาว
lang-my = ภาษาพม่า
lang-vi = ภาษาเวียดนาม
lang-zh = ภาษาจีน
lang-ta = ภาษาทมิฬ
lang-ceb = ภาษาเซบู
lang-ilo = ภาษาอีโลคาโน
lang-tet = ภาษาเตตุม
lang-fr = ภาษาฝรั่งเศส
lang-es = ภาษาสเปน
lang-ar = ภาษาอาหรับ
lang-ja = ภาษาญี่ปุ่น
lang-ko = ภาษาเกาหลี
lang-hi = ภาษาฮินดี
lang-de = ภาษาเยอรมัน
lang-pt = ภาษาโปรตุเกส

## การเข้าสู่ระบบ คำเชิญ และรหัสผ่าน
signin-title = เข้าสู่ระบบ
signin-submit = เข้าสู่ระบบ
signin-forgot = ลืมรหัสผ่าน?
accept-title = เข้าร่วม Roundtable
accept-intro = คุณได้รับเชิญในนาม { $email } โปรดเลือกชื่อที่จะแสดงและตั้งรหัสผ่าน
invitations-field-name = ชื่อของผู้ได้รับเชิญ (ไม่บังคับ)
invitations-field-language = ภาษาของคำเชิญ
invitations-field-note = ข้อความส่วนตัว (ไม่บังคับ)
invitations-field-note-help = จะแสดงในอีเมลคำเชิญใต้ชื่อของคุณ
accept-from-org = คุณได้รับเชิญในนามของ { $org } ภาคส่วนและประเทศของคุณจึงตั้งต้นตามองค์กรนี้ คุณเปลี่ยนได้ รวมทั้งกำหนดว่าใครเห็น ที่หน้าโปรไฟล์ของคุณ
accept-submit = สร้างบัญชีของฉัน
invitation-gone-title = ไม่สามารถใช้คำเชิญนี้ได้
invitation-gone-text = ลิงก์หมดอายุแล้ว ถูกใช้ไปแล้ว หรือถูกเพิกถอน โปรดขอคำเชิญใหม่จากผู้ประสานงานของคุณ
forgot-title = รีเซ็ตรหัสผ่าน
forgot-intro = กรอกที่อยู่อีเมลของบัญชีคุณ เราจะส่งลิงก์สำหรับตั้งรหัสผ่านใหม่ไปให้
forgot-submit = ส่งลิงก์
forgot-sent-title = โปรดตรวจสอบอีเมลของคุณ
forgot-sent-text = หากมีบัญชีที่ใช้ที่อยู่อีเมลนี้ ลิงก์สำหรับรีเซ็ตรหัสผ่านกำลังส่งไปถึงคุณ ลิงก์ใช้ได้ครั้งเดียว ภายในหนึ่งชั่วโมง
reset-title = ตั้งรหัสผ่านใหม่
reset-submit = บันทึกรหัสผ่านใหม่
reset-gone-title = ไม่สามารถใช้ลิงก์นี้ได้
reset-gone-text = ลิงก์หมดอายุแล้วหรือถูกใช้ไปแล้ว คุณสามารถขอลิงก์ใหม่ได้
password-title = เปลี่ยนรหัสผ่าน
password-intro = หลังจากเปลี่ยนรหัสผ่าน เซสชันอื่นทั้งหมดของบัญชีคุณจะถูกออกจากระบบ
password-submit = เปลี่ยนรหัสผ่าน
sessions-title = เซสชันของคุณ
sessions-intro = นี่คืออุปกรณ์ที่เข้าสู่ระบบบัญชีของคุณอยู่ หากพบอุปกรณ์ที่คุณไม่รู้จัก ให้ออกจากระบบอุปกรณ์นั้นและเปลี่ยนรหัสผ่าน
sessions-current = อุปกรณ์นี้
sessions-unknown-device = อุปกรณ์ที่ไม่รู้จัก
sessions-started = เข้าสู่ระบบเมื่อ { $when }
sessions-last-seen = ใช้งานล่าสุด { $when }
sessions-revoke = ออกจากระบบ
sessions-revoke-all = ออกจากระบบทุกอุปกรณ์
sessions-change-password = เปลี่ยนรหัสผ่าน
delete-title = ลบบัญชีของฉัน
delete-intro = การดำเนินการนี้จะลบบัญชีและโปรไฟล์ทั้งหมดของคุณ — รูปภาพ ช่องทางติดต่อ องค์กร — ทันทีและถาวร บันทึกการตรวจสอบจะเก็บไว้เพียงว่ามีการลบบัญชี โดยไม่มีชื่อของคุณ
delete-submit = ลบบัญชีของฉันอย่างถาวร
invitations-title = คำเชิญ
invitations-intro = เชิญผู้อื่นทางอีเมล ลิงก์ใช้ได้ครั้งเดียวและหมดอายุภายใน { $days } วัน
invitations-created = สร้างคำเชิญสำหรับ { $email } แล้ว และอยู่ในคิวรอส่งทางอีเมล
invitations-link = คุณสามารถส่งต่อลิงก์นี้ผ่านช่องทางที่คุณไว้วางใจได้ด้วย:
invitations-submit = เชิญ
invitations-pending = คำเชิญที่รอการตอบรับ
invitations-none = ไม่มีคำเชิญที่รอการตอบรับ
invitations-by = เชิญโดย { $name } เมื่อ { $when }
invitations-expires = หมดอายุ { $when }
invitations-revoke = เพิกถอน

## อีเมล
mail-invitation-subject = { $inviter } เชิญคุณเข้าร่วม Roundtable
mail-invitation-body =
    { $inviter } ขอเชิญคุณเข้าร่วม Roundtable พื้นที่ที่เครือข่ายป้องกันการทรมานของคุณทำงานร่วมกัน

    เปิดลิงก์นี้เพื่อเลือกชื่อและรหัสผ่านของคุณ (ใช้ได้ครั้งเดียว ภายใน { $days } วัน):
    { $link }

    หากคุณไม่ได้คาดว่าจะได้รับคำเชิญนี้ คุณสามารถเพิกเฉยต่ออีเมลฉบับนี้ได้
mail-invitation-hello = สวัสดี
mail-invitation-hello-name = สวัสดี คุณ{ $name }
mail-invitation-note = { $inviter } ฝากข้อความถึงคุณ:
mail-reset-subject = รีเซ็ตรหัสผ่าน Roundtable ของคุณ
mail-reset-body =
    สวัสดี

    มีผู้ขอรีเซ็ตรหัสผ่านบัญชี Roundtable ของคุณ หากต้องการตั้งรหัสผ่านใหม่ โปรดเปิดลิงก์นี้ (ใช้ได้ครั้งเดียว ภายใน { $minutes } นาที):
    { $link }

    หากไม่ใช่คุณ โปรดเพิกเฉยต่ออีเมลฉบับนี้ รหัสผ่านของคุณจะยังคงเหมือนเดิม

## ทำเนียบสมาชิก
directory-title = สมาชิก
directory-public-note = คุณกำลังเห็นสมาชิกที่เลือกแสดงโปรไฟล์บางส่วนต่อสาธารณะ สมาชิกที่เข้าสู่ระบบจะเห็นข้อมูลมากกว่านี้
directory-count = { $count ->
    [0] ไม่พบสมาชิก
    [one] พบสมาชิก 1 คน
   *[other] พบสมาชิก { $count } คน
}
directory-empty = ไม่มีผู้ใดตรงกับตัวกรองเหล่านี้
filter-text = ชื่อ องค์กร หรือประวัติ
filter-text-org = ชื่อหรือคำอธิบาย
filter-text-account = ชื่อหรือที่อยู่อีเมล
filter-submit = กรอง
filter-clear = ล้างตัวกรอง
pager-label = หน้า
pager-previous = ← ก่อนหน้า
pager-next = ถัดไป →
pager-position = หน้า { $page } จาก { $pages }

## โปรไฟล์
profile-at-risk-badge = มีความเสี่ยง: ซ่อนจากสมาชิก
profile-edit = แก้ไขโปรไฟล์ของฉัน
profile-photo-of = รูปภาพของ { $name }
preview-title = ดูตัวอย่าง
preview-as-member = นี่คือสิ่งที่สมาชิกคนอื่นเห็นในโปรไฟล์ของคุณ
preview-as-public = นี่คือสิ่งที่สาธารณชนเห็นในโปรไฟล์ของคุณ
preview-member = ดูในฐานะสมาชิก
preview-public = ดูในฐานะสาธารณชน
preview-back = กลับไปแก้ไข
preview-hidden = ผู้ชมกลุ่มนี้ไม่สามารถเห็นโปรไฟล์ของคุณได้เลย
edit-title = โปรไฟล์ของฉัน
edit-intro = เลือกผู้ที่เห็นได้ที่ข้างข้อมูลแต่ละส่วน ชื่อที่แสดงของคุณจะปรากฏต่อทุกคนที่เห็นโปรไฟล์ของคุณได้
edit-view = ดูโปรไฟล์ของฉัน
edit-about = เกี่ยวกับฉัน
edit-visibility-more = การตั้งค่าการมองเห็นเพิ่มเติม
edit-save = บันทึก

## องค์กร
orgs-title = องค์กร
orgs-new = เพิ่มองค์กร
orgs-edit = แก้ไของค์กร
orgs-count = { $count ->
    [0] ไม่พบองค์กร
    [one] 1 องค์กร
   *[other] { $count } องค์กร
}
orgs-empty = ไม่มีองค์กรที่ตรงกับตัวกรองเหล่านี้
orgs-none-yet = ยังไม่มีองค์กร
orgs-part-of = เป็นส่วนหนึ่งของ { $name }
orgs-units = หน่วยงานย่อย
orgs-members = สมาชิก
orgs-no-members = ไม่มีสมาชิกที่จะแสดง
orgs-public = สาธารณะ
orgs-members-only = เฉพาะสมาชิก

## การดูแลระบบ
users-title = บัญชีผู้ใช้
users-last-seen = ใช้งานล่าสุด
users-status = สถานะ
users-active = ใช้งานอยู่
users-inactive = ถูกระงับ
users-change-role = เปลี่ยน
users-deactivate = ระงับ
users-reactivate = เปิดใช้งานอีกครั้ง
audit-title = บันทึกการตรวจสอบ
audit-intro = การเข้าสู่ระบบ การเข้าสู่ระบบที่ล้มเหลว คำเชิญ การเปลี่ยนบทบาทและการมองเห็น ที่อยู่ IP จะเก็บไว้เพียงส่วนนำหน้าของเครือข่ายเท่านั้น
audit-when = เวลา
audit-action = เหตุการณ์
audit-actor = โดย
audit-target = บัญชี
audit-detail = รายละเอียด
audit-network = เครือข่าย
audit-empty = ยังไม่มีการบันทึก
audit-none-match = ไม่มีรายการที่ตรงกับตัวกรองเหล่านี้
audit-account-gone = บัญชีที่ถูกลบแล้ว
audit-detail-command-line = { $role } จากบรรทัดคำสั่ง
audit-detail-tie = { $a } และ { $b }: { $kind }
audit-detail-pair = { $a } และ { $b }
audit-detail-at-risk-on = ตอนนี้อยู่ในความเสี่ยง
audit-detail-at-risk-off = ไม่อยู่ในความเสี่ยงแล้ว
audit-filter-kind = ประเภท
audit-filter-all = ทุกประเภท
audit-filter-not-signins = ทั้งหมดยกเว้นการเข้าสู่ระบบ
audit-filter-person = บุคคล (ชื่อหรือที่อยู่อีเมล)
audit-signin = เข้าสู่ระบบ
audit-signin_failed = เข้าสู่ระบบไม่สำเร็จ
audit-signin_throttled = ปฏิเสธการเข้าสู่ระบบ (พยายามหลายครั้งเกินไป)
audit-signed_out_everywhere = ออกจากระบบทุกอุปกรณ์
audit-invitation_created = สร้างคำเชิญ
audit-invitation_revoked = เพิกถอนคำเชิญ
audit-invitation_renewed = ต่ออายุคำเชิญ
audit-invitation_accepted = ตอบรับคำเชิญ
audit-account_created = สร้างบัญชี
audit-role_changed = เปลี่ยนบทบาท
audit-account_deactivated = ระงับบัญชี
audit-account_reactivated = เปิดใช้งานบัญชีอีกครั้ง
audit-visibility_changed = เปลี่ยนการมองเห็น
audit-at_risk_changed = เปลี่ยนสถานะความเสี่ยง
audit-password_changed = เปลี่ยนรหัสผ่าน
audit-password_reset = รีเซ็ตรหัสผ่าน
audit-account_deleted = ลบบัญชี
audit-champion_stage_changed = เปลี่ยนขั้นของแชมเปี้ยน
audit-tie_recorded = บันทึกความสัมพันธ์
audit-tie_removed = ลบความสัมพันธ์

endorsements-count = { $count ->
   *[other] สมาชิก { $count } คนรับรอง
}
endorsements-add = รับรอง
endorsements-withdraw = ถอนการรับรองของฉัน
error-endorse-self = คุณไม่สามารถรับรองตัวเองได้
error-endorse-area = คุณรับรองได้เฉพาะด้านที่สมาชิกผู้นี้ระบุว่าเป็นความเชี่ยวชาญของตน

## Network and ties
nav-network = เครือข่าย
network-title = เครือข่าย
network-intro = ใครทำงานกับใครข้ามภาคส่วนและข้ามประเทศ คำนวณจากความสัมพันธ์ที่สมาชิกบันทึกไว้และงานที่ทำร่วมกัน
network-me = คุณมีความสัมพันธ์ { $ties } รายการ: ข้ามภาคส่วน { $cross_sector } และข้ามประเทศ { $cross_country }
network-ties-blurb = คนที่คุณรู้จักและเคยทำงานด้วย
network-size = เครือข่ายที่คุณมองเห็นได้: สมาชิก { $members } คน ความสัมพันธ์ { $ties } รายการ
ties-title = ความสัมพันธ์
ties-intro = บันทึกคนที่คุณรู้จักและเคยทำงานด้วย ความสัมพันธ์จะไม่แสดงต่อสาธารณะ และความสัมพันธ์กับสมาชิกที่มีความเสี่ยงจะเห็นได้เฉพาะผู้ประสานงาน
ties-none = ยังไม่มีการบันทึกความสัมพันธ์
ties-record-between = บันทึกความสัมพันธ์ระหว่างสมาชิกสองคน
ties-record-between-help = ในฐานะผู้ประสานงาน คุณสามารถบันทึกความสัมพันธ์แทนสมาชิกได้ เช่น หลังการประชุม การบันทึกนี้จะอยู่ในบันทึกการตรวจสอบ
ties-how-to-record = หากต้องการบันทึกความสัมพันธ์ ให้เปิดโปรไฟล์ของเพื่อนร่วมงานแล้วใช้ "บันทึกความสัมพันธ์"
tie-field-member = สมาชิก
tie-field-other = กับ
tie-choose = เลือกสมาชิก
tie-field-kind = รู้จักกันอย่างไร
tie-field-strength = ความใกล้ชิด
tie-strength-unsaid = ไม่ระบุ
tie-strength-1 = รู้จักกัน
tie-strength-2 = ติดต่อกันเป็นครั้งคราว
tie-strength-3 = ติดต่อกันสม่ำเสมอ
tie-strength-4 = เพื่อนร่วมงานใกล้ชิด
tie-strength-5 = ใกล้ชิดมาก
tie-field-since = ตั้งแต่
tie-since-help = ปี หรือปีและเดือน เช่น 2019 หรือ 2019-06 (ปีคริสต์ศักราช)
tie-since = ตั้งแต่ { $since }
tie-from-introduction = ผ่านการแนะนำให้รู้จัก
tie-record = บันทึกความสัมพันธ์
ties-recorded = บันทึกความสัมพันธ์แล้ว นับรวมในเครือข่ายตั้งแต่นี้ไป
tie-record-with = บันทึกความสัมพันธ์กับ { $name }
tie-remove = ลบ
tie-knows = รู้จักกัน
tie-worked_together = เคยทำงานร่วมกัน
tie-trained_or_mentored = ฝึกอบรมหรือเป็นพี่เลี้ยง
tie-co_organised = ร่วมจัดกิจกรรม
stage-candidate = ผู้ที่มีศักยภาพ
stage-approached = ติดต่อแล้ว
stage-active = แชมเปี้ยนที่ทำงานอยู่
stage-alumni = ศิษย์เก่า
support-training_materials = สื่อการฝึกอบรม
support-expert_contact = การติดต่อผู้เชี่ยวชาญ
support-speaking_opportunity = โอกาสในการเป็นวิทยากร
support-mentoring = การเป็นพี่เลี้ยง
support-event_invitation = คำเชิญเข้าร่วมกิจกรรม
error-unknown-tie = ไม่รู้จักประเภทความสัมพันธ์นี้
error-unknown-stage = ไม่รู้จักขั้นนี้
error-unknown-support = ไม่รู้จักประเภทการสนับสนุนนี้
error-tie-since = ระบุจุดเริ่มต้นเป็นปี หรือปีและเดือน เช่น 2019-06 (ปีคริสต์ศักราช) ไม่เกินปีนี้
error-tie-strength = ความใกล้ชิดต้องอยู่ระหว่าง 1 ถึง 5
error-tie-member = เลือกสมาชิกที่คุณเห็นได้ในทำเนียบสมาชิก
error-tie-self = ความสัมพันธ์ต้องมีสองคนที่ต่างกัน
mail-off-banner = ยังไม่ได้ส่งอีเมล: ยังไม่ได้ตั้งค่าเซิร์ฟเวอร์อีเมล (ROUNDTABLE_SMTP_URL) คำเชิญ การรีเซ็ตรหัสผ่าน และการยืนยันกิจกรรมจะรออยู่จนกว่าจะตั้งค่า ระหว่างนี้โปรดส่งลิงก์คำเชิญด้วยตนเอง
invitations-created-no-mail = สร้างคำเชิญสำหรับ { $email } แล้ว เซิร์ฟเวอร์นี้ยังไม่ส่งอีเมล โปรดส่งลิงก์ด้านล่างด้วยตนเองผ่านช่องทางที่คุณไว้ใจ
invitations-pending-already = { $email } มีคำเชิญที่ยังเปิดอยู่ ลิงก์แสดงเพียงครั้งเดียวและไม่ได้เก็บไว้ ต่ออายุคำเชิญเพื่อรับลิงก์ใหม่ (ลิงก์เดิมจะใช้ไม่ได้)
invitations-renew = ต่ออายุและแสดงลิงก์
error-unknown-audit = นี่ไม่ใช่ประเภทเหตุการณ์ที่บันทึกการตรวจสอบบันทึกไว้
home-events-tile = กิจกรรม
home-events-tile-text = เวทีสาธารณะ การเสวนา และวันรณรงค์ที่เปิดให้ทุกคน
home-library-tile = คลังทรัพยากร
home-library-tile-text = คู่มือ สื่อการอบรม และรายงาน ให้อ่านและแบ่งปัน

# Second factors
signin-shared = นี่คืออุปกรณ์ที่ใช้ร่วมกัน
signin-shared-help = ออกจากระบบเมื่อปิดเบราว์เซอร์ และเมื่อไม่ได้ใช้งาน 30 นาที
notice-expired = การเข้าสู่ระบบนั้นใช้เวลานานเกินไปหรือใส่รหัสผิดหลายครั้ง โปรดเข้าสู่ระบบอีกครั้ง
code-title = รหัสใช้ครั้งเดียวของคุณ
code-field = รหัส
code-help = ตัวเลขหกหลักที่แอปยืนยันตัวตนแสดงอยู่ตอนนี้ หรือรหัสกู้คืนหนึ่งรหัส
code-start-again = เริ่มใหม่
error-code-wrong = รหัสไม่ถูกต้อง ลองได้อีก { $count } ครั้ง
error-code-setup = รหัสไม่ถูกต้อง ตรวจสอบเวลาในโทรศัพท์ แล้วพิมพ์รหัสที่แอปแสดงอยู่ตอนนี้
error-totp-on-already = เปิดใช้รหัสใช้ครั้งเดียวอยู่แล้ว
error-totp-off = โปรดเปิดใช้รหัสใช้ครั้งเดียวก่อน
security-title = ความปลอดภัยในการเข้าสู่ระบบ
security-totp = รหัสใช้ครั้งเดียว
security-totp-on = เปิดใช้รหัสใช้ครั้งเดียวแล้ว: การเข้าสู่ระบบจะขอรหัสจากแอปยืนยันตัวตนหลังรหัสผ่าน
security-totp-off = ใช้แอปยืนยันตัวตน (เช่น Aegis, FreeOTP หรือ Google Authenticator) เพื่อรับรหัสหกหลักทุกครั้งที่เข้าสู่ระบบ
security-totp-start = ตั้งค่ารหัสใช้ครั้งเดียว
security-totp-remove = ปิดรหัสใช้ครั้งเดียว
security-recovery-left = คุณเหลือรหัสกู้คืน { $count } รหัส
security-recovery-new = สร้างรหัสกู้คืนชุดใหม่
totp-title = ตั้งค่ารหัสใช้ครั้งเดียว
totp-step-app = เปิดแอปยืนยันตัวตนแล้วเพิ่มบัญชี
totp-step-scan = สแกนรหัสนี้ด้วยแอป:
totp-qr-label = คิวอาร์โค้ดของกุญแจรหัสใช้ครั้งเดียว
totp-or-type = หรือพิมพ์กุญแจนี้:
totp-step-code = พิมพ์ตัวเลขหกหลักที่แอปแสดง
totp-confirm = เปิดใช้รหัสใช้ครั้งเดียว
recovery-title = รหัสกู้คืนของคุณ
recovery-intro = หากโทรศัพท์หาย รหัสแต่ละรหัสจาก { $count } รหัสนี้ใช้เข้าสู่ระบบแทนรหัสใช้ครั้งเดียวได้หนึ่งครั้ง จดไว้หรือพิมพ์หน้านี้ และเก็บไว้ในที่ปลอดภัย
recovery-once = รหัสเหล่านี้แสดงเพียงครั้งนี้ การสร้างชุดใหม่จะทำให้ชุดนี้ใช้ไม่ได้
recovery-done = ฉันเก็บไว้แล้ว
sessions-second-factor = ใช้ปัจจัยที่สอง
sessions-shared = อุปกรณ์ที่ใช้ร่วมกัน
audit-second_factor_added = เปิดใช้ปัจจัยที่สอง
audit-second_factor_removed = ปิดปัจจัยที่สอง
mail-new-device-subject = มีการเข้าสู่บัญชี Roundtable ของคุณจากอุปกรณ์ใหม่
mail-new-device-body =
    มีการเข้าสู่บัญชีของคุณจากอุปกรณ์ที่ไม่เคยเห็นมาก่อน:

        { $device }, { $when }

    หากเป็นคุณ ไม่ต้องทำอะไร หากไม่ใช่ โปรดเปลี่ยนรหัสผ่านทันทีและออกจากระบบทุกเซสชันที่ "เซสชันและรหัสผ่าน"
factor-policy-nobody = ไม่บังคับ (แต่ละคนเลือกเอง)
factor-policy-staff = ผู้ประสานงานและผู้ดูแลระบบ
factor-policy-everyone = ทุกคน
factor-due-by = เครือข่ายขอให้คุณเปิดใช้ปัจจัยที่สองภายใน { $date }
factor-overdue = เครือข่ายกำหนดให้บัญชีของคุณต้องใช้ปัจจัยที่สอง หน้าของผู้ประสานงานและผู้ดูแลระบบจะปิดจนกว่าคุณจะเปิดใช้
error-second-factor-required = เครือข่ายกำหนดให้ต้องใช้ปัจจัยที่สองสำหรับส่วนนี้ เปิดใช้รหัสใช้ครั้งเดียวได้ที่ เซสชันและรหัสผ่าน → ความปลอดภัยในการเข้าสู่ระบบ
error-grace-days = ระบุจำนวนวันตั้งแต่ 0 ถึง { $max }
error-policy-own-factor-first = โปรดเปิดใช้ปัจจัยที่สองของคุณเองก่อน เพื่อไม่ให้หน้าของคุณเองถูกปิด
policy-title = นโยบายปัจจัยที่สอง
policy-intro = ปัจจัยที่สองช่วยให้บัญชีปลอดภัยเมื่อรหัสผ่านถูกหลอกเอาไปหรือถูกเดา ผู้ประสานงานและผู้ดูแลระบบเห็นสมาชิกที่มีความเสี่ยงทุกคน อย่างน้อยควรบังคับใช้กับพวกเขา
policy-without = ยังไม่มีปัจจัยที่สอง: ผู้ประสานงานและผู้ดูแลระบบ { $staff } คน บัญชีทั้งหมด { $everyone } บัญชี
policy-grace-until = ผู้ที่ยังไม่มีมีเวลาถึง { $date }
policy-required-for = ใครต้องใช้
policy-grace-days = จำนวนวันสำหรับตั้งค่า
policy-grace-help = ระหว่างนั้นทุกคนยังเข้าใช้ได้และทุกหน้าจะแนะนำให้ตั้งค่า หลังจากนั้นหน้าของผู้ประสานงานและผู้ดูแลระบบจะปิดจนกว่าจะตั้งค่า 0 คือทันที
audit-signin_policy_changed = เปลี่ยนนโยบายปัจจัยที่สอง
audit-detail-policy = { $policy } มีเวลา { $days } วันในการตั้งค่า
nav-policy = ปัจจัยที่สอง
invitations-revoke-title = เพิกถอนคำเชิญนี้หรือไม่
invitations-revoke-text = ลิงก์ที่ส่งถึง { $email } จะใช้ไม่ได้ทันที คุณเชิญบุคคลนี้อีกครั้งได้ภายหลัง
invitations-revoke-yes = เพิกถอนคำเชิญ
invitations-revoke-no = เก็บไว้
invitations-withdrawn = เพิกถอนคำเชิญแล้ว ลิงก์ใช้ไม่ได้อีกต่อไป
orgs-created = สร้างองค์กรแล้ว
orgs-saved = บันทึกการเปลี่ยนแปลงแล้ว
error-limit-day = วันนี้คุณทำสิ่งนี้ไปแล้ว { $max } ครั้ง ซึ่งเป็นจำนวนสูงสุดต่อวัน โปรดลองอีกครั้งพรุ่งนี้
error-limit-minutes = คุณทำสิ่งนี้ไปแล้ว { $max } ครั้งใน { $minutes } นาที โปรดรอสักครู่แล้วลองอีกครั้ง
bulk-title = เชิญรายชื่อหลายคน
bulk-link = เชิญรายชื่อหลายคนพร้อมกัน
bulk-intro = วางรายชื่อได้สูงสุด { $max } คน บรรทัดละหนึ่งคน: อีเมล ชื่อ องค์กร (ไม่ใส่ชื่อและองค์กรก็ได้) คัดลอกคอลัมน์จากสเปรดชีต หรือคั่นด้วยจุลภาคหรืออัฒภาค แต่ละคนจะได้รับลิงก์ใช้ครั้งเดียวทางอีเมล ใช้ได้ 7 วัน
bulk-field-people = รายชื่อ
bulk-field-people-help = ตัวอย่าง: somchai@example.org, สมชาย ใจดี, สภาทนายความ
bulk-field-organisation = องค์กรสำหรับทุกคนที่ไม่ได้ระบุในบรรทัด (ไม่บังคับ)
bulk-submit = เชิญทุกคนที่เชิญได้
bulk-sent = { $count ->
   *[other] ส่งคำเชิญแล้ว { $count } รายการ
}
bulk-refused = { $count ->
    [0] ไม่มีบรรทัดที่ถูกปฏิเสธ
   *[other] ปฏิเสธ { $count } บรรทัด
}
bulk-links = ลิงก์จะแสดงเพียงครั้งนี้ คุณสามารถส่งต่อผ่านช่องทางที่ไว้ใจได้
bulk-link-column = ลิงก์
bulk-line = บรรทัด
bulk-reason = เหตุผล
bulk-error-empty = รายชื่อไม่มีผู้ที่จะเชิญ
bulk-error-too-many = รายชื่อหนึ่งมีได้สูงสุด { $max } คน โปรดแบ่งรายชื่อ
bulk-error-twice = อีเมลนี้อยู่ในรายชื่อสองครั้ง
bulk-error-pending = อีเมลนี้มีคำเชิญที่ยังเปิดอยู่ ต่ออายุได้ที่หน้าคำเชิญ
bulk-error-limit = คุณส่งคำเชิญได้วันละ { $max } รายการ วันนี้เหลือ { $left } รายการ โปรดลดรายชื่อหรือส่งที่เหลือพรุ่งนี้

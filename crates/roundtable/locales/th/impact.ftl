## แรงขับเคลื่อนและผลการดำเนินงาน: แดชบอร์ดของผู้ประสานงานและตัวเลขสาธารณะ

nav-impact = ผลการดำเนินงาน
impact-title = ผลการดำเนินงาน
impact-lead = สิ่งที่เครือข่ายทำในช่วงเวลาหนึ่ง: กิจกรรมและผู้เข้าร่วม ความสัมพันธ์ใหม่ แชมเปี้ยน โครงการความร่วมมือและตัวชี้วัด คลังความรู้ และคำถามถึงผู้เชี่ยวชาญ ตารางแต่ละตารางดาวน์โหลดเป็น CSV ได้ และพิมพ์หน้านี้เป็นรายงานได้
impact-quarter = ไตรมาส { $q } { $be }
impact-period-printed = ช่วงเวลา: { $from } ถึง { $to }
impact-from = ตั้งแต่
impact-to = ถึง
impact-show = แสดง
impact-last-year = สี่ไตรมาสล่าสุด
impact-print-hint = หากต้องการเก็บรายงานไว้ใช้ในการทบทวนประจำปีหรือส่งให้แหล่งทุน ให้พิมพ์หน้านี้ หรือบันทึกเป็น PDF จากเมนูของเบราว์เซอร์
impact-contents = สารบัญรายงาน
impact-csv = ดาวน์โหลด CSV
impact-csv-note = เช่นเดียวกับทุกไฟล์จาก Roundtable ไฟล์ที่ดาวน์โหลดจะไม่มีสมาชิกที่มีความเสี่ยง และไม่มีสิ่งใดของกลุ่มลับ
impact-empty = ไม่มีข้อมูลในช่วงเวลานี้
impact-total = รวม
impact-not-given = ไม่ระบุ
impact-yes = ใช่
impact-no = ไม่ใช่

impact-momentum = แรงขับเคลื่อน
impact-momentum-note = รายไตรมาส: ความสัมพันธ์ใหม่ข้ามภาคส่วนและข้ามประเทศ โครงการที่คืบหน้า (หมุดหมายเสร็จหรือสถานะขยับไปข้างหน้า) แชมเปี้ยนที่มีความเคลื่อนไหว และกิจกรรมที่จัดขึ้น ความสัมพันธ์จะนับในไตรมาสของหลักฐานแรกสุดของความสัมพันธ์นั้น
impact-chart-description = { $what } รายไตรมาส: { $values }
impact-quarter-column = ไตรมาส
impact-new-ties = ความสัมพันธ์ใหม่
impact-cross-sector-ties = ความสัมพันธ์ใหม่ข้ามภาคส่วน
impact-cross-country-ties = ความสัมพันธ์ใหม่ข้ามประเทศ
impact-initiatives-forward = โครงการที่คืบหน้า
impact-champions-active = แชมเปี้ยนที่มีความเคลื่อนไหว
impact-events-held = กิจกรรมที่จัดขึ้น

impact-events = กิจกรรม
impact-events-by-type = กิจกรรมที่จัดขึ้นตามประเภท
impact-events-by-country = กิจกรรมที่จัดขึ้นตามประเทศ
impact-type-column = ประเภท
impact-country-column = ประเทศ
impact-sector-column = ภาคส่วน

impact-participants-title = ผู้เข้าร่วม
impact-participants-note = แต่ละคนนับเพียงครั้งเดียว ตามภาคส่วนและประเทศในโปรไฟล์ (สำหรับผู้เยี่ยมชม ใช้ข้อมูลตามที่เขาให้ไว้) ระบบจะลบการลงทะเบียนของผู้เยี่ยมชมเมื่อครบ { $days } วันหลังกิจกรรม ช่วงเวลาที่เก่ากว่านั้นจึงนับผู้เยี่ยมชมได้เฉพาะเท่าที่ยังเก็บไว้
impact-mixing = กิจกรรมรวมผู้คนที่หลากหลายเพียงใด
impact-measure-column = รายการ
impact-value-column = ค่า
impact-events-attended = กิจกรรมที่มีผู้เข้าร่วม
impact-participants = ผู้เข้าร่วม
impact-participations = การเข้าร่วมกิจกรรม (คน-ครั้ง)
impact-cross-sector-share = กิจกรรมที่มีผู้เข้าร่วมหลายภาคส่วน
impact-cross-country-share = กิจกรรมที่มีผู้เข้าร่วมหลายประเทศ
impact-share-column = สัดส่วน
impact-participants-by-sector = ผู้เข้าร่วมตามภาคส่วน
impact-participants-by-country = ผู้เข้าร่วมตามประเทศ

impact-champions = แชมเปี้ยน
impact-champions-by-stage = แชมเปี้ยนตามขั้น
impact-stage-column = ขั้น
impact-champions-now = ปัจจุบัน
impact-champions-reached = ถึงขั้นนี้ในช่วงเวลานี้

impact-initiatives = โครงการความร่วมมือ
impact-initiatives-by-status = โครงการตามสถานะ
impact-status-column = สถานะ
impact-indicators = ตัวชี้วัดเทียบกับค่าเป้าหมาย
impact-initiative-column = โครงการ
impact-indicator-column = ตัวชี้วัด
impact-unit-column = หน่วย
impact-baseline-column = ค่าฐาน
impact-latest-column = ค่าล่าสุด
impact-measured-column = วัดเมื่อ
impact-target-column = ค่าเป้าหมาย
impact-progress-column = ความคืบหน้าสู่ค่าเป้าหมาย

impact-library = คลังความรู้
impact-downloads-note = นับการดาวน์โหลดเป็นรายเอกสารต่อวัน ไม่นับเป็นรายบุคคล
impact-resources-by-type = เอกสารที่เผยแพร่และที่ถูกดาวน์โหลด ตามประเภท
impact-published = เอกสารที่เผยแพร่
impact-downloads = การดาวน์โหลด
impact-downloads-by-resource = การดาวน์โหลดตามเอกสาร
impact-resource-column = เอกสาร

impact-questions = คำถามถึงผู้เชี่ยวชาญ
impact-asked = คำถามที่ถาม
impact-answered = คำถามที่ได้รับคำตอบ

error-impact-date = ระบุวันที่เป็นปี เดือน และวัน (2026-06-26)
error-impact-order = ช่วงเวลาต้องเริ่มก่อนวันสิ้นสุด
error-impact-too-long = รายงานหนึ่งครอบคลุมได้ไม่เกิน { $max } ไตรมาส

figures-title = ตัวเลขของเครือข่าย
figures-tile-text = สิ่งที่เครือข่ายทำ ในแต่ละไตรมาส
figures-lead = สิ่งที่เครือข่ายทำในแต่ละไตรมาส: สมาชิก ความสัมพันธ์ระหว่างสมาชิก กิจกรรม โครงการความร่วมมือ และคลังความรู้
figures-how = ตัวเลขจะนับเมื่อไตรมาสตามปฏิทินสิ้นสุดลง และจะไม่เปลี่ยนแปลงหลังจากนั้น ตัวเลขทั้งหมดไม่นับรวมสมาชิกที่มีความเสี่ยง จำนวนใดที่ต่ำกว่า { $fewer } จะแสดงเพียงว่า "น้อยกว่า { $fewer }" และจำนวนอื่นจะปัดเป็นพหุคูณของ { $fewer } ที่ใกล้ที่สุด เพื่อไม่ให้สามารถคำนวณตัวเลขใดจากตัวเลขอื่นได้
figures-preview = ผู้ดูแลระบบยังไม่ได้เผยแพร่ตัวเลขเหล่านี้ มีเพียงผู้ประสานงานที่เห็นตัวอย่างนี้
figures-by-quarter = รายไตรมาส
figures-members = สมาชิก
figures-members-by-sector = สมาชิกตามภาคส่วน
figures-members-by-country = สมาชิกตามประเทศ
figures-latest = { $quarter } โดยละเอียด
figures-none = ยังไม่มีไตรมาสที่นับแล้ว ตัวเลขจะปรากฏเมื่อไตรมาสแรกที่ครบทั้งไตรมาสสิ้นสุดลง
figures-fewer-than = น้อยกว่า { $count }
figures-admin-text = ตัวเลขเหล่านี้ฉบับสาธารณะ: เป็นตัวเลขรวมเท่านั้น แยกตามไตรมาสตามปฏิทิน ไม่นับรวมสมาชิกที่มีความเสี่ยง ซ่อนจำนวนที่ต่ำกว่า { $fewer } และปัดจำนวนอื่นเป็นพหุคูณของ { $fewer } ที่ใกล้ที่สุด
figures-is-published = เผยแพร่แล้ว: ทุกคนอ่านได้
figures-is-not-published = ยังไม่เผยแพร่: มีเพียงผู้ประสานงานที่ดูตัวอย่างได้
figures-open = เปิดหน้านี้
figures-publish = เผยแพร่ตัวเลขของเครือข่าย
figures-withdraw = หยุดเผยแพร่

audit-figures_published = เผยแพร่ตัวเลขของเครือข่ายแล้ว
audit-figures_withdrawn = ถอนการเผยแพร่ตัวเลขของเครือข่ายแล้ว
audit-impact_exported = ดาวน์โหลดตัวเลขผลการดำเนินงาน
figures-members-in = สมาชิก: { $what }
figures-export-text = ตัวเลขของทุกไตรมาสที่ปิดแล้ว นับแบบเดียวกับฉบับสาธารณะ (ไม่รวมสมาชิกที่มีความเสี่ยงหรือกลุ่มลับ) แต่เป็นตัวเลขจริงไม่ปัดเศษ:
figures-export-csv = ดาวน์โหลด CSV
figures-export-xlsx = ดาวน์โหลด XLSX

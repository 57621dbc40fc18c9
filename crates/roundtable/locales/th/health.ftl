# Thai — machine-assisted translation; marked for review by a native speaker.

## Network health
health-title = สุขภาพของเครือข่าย
health-blurb = การเชื่อมถึงกันข้ามภาคส่วนและข้ามประเทศ ใครยังไม่ได้เชื่อมต่อ และการเปลี่ยนแปลงตามเวลา
health-intro = เครือข่ายเข้าถึงได้กว้างเพียงใด เชื่อมภาคส่วนและประเทศต่าง ๆ ได้ดีเพียงใด และใครยังไม่ได้เชื่อมต่อ ตัวเลขเหล่านี้รวมสมาชิกทุกคน รวมถึงสมาชิกที่มีความเสี่ยง จึงมีเพียงผู้ประสานงานที่เห็นได้
health-computed = ตัวเลข ณ วันที่ { $date }
health-figures = ปัจจุบัน
health-members = สมาชิก
health-ties = ความสัมพันธ์
health-density = ความหนาแน่น { $density }
health-cross-sector = ความสัมพันธ์ข้ามภาคส่วน
health-cross-sector-help = ของความสัมพันธ์ระหว่างสมาชิกที่ทราบภาคส่วน
health-cross-country = ความสัมพันธ์ข้ามประเทศ
health-cross-country-help = ของความสัมพันธ์ระหว่างสมาชิกที่ทราบประเทศ
health-ei-sector = ดัชนี E-I ตามภาคส่วน
health-ei-country = ดัชนี E-I ตามประเทศ
health-ei-help = ดัชนี E-I มีค่าตั้งแต่ −1 (ความสัมพันธ์ทั้งหมดอยู่ภายในกลุ่มเดียวกัน) ถึง +1 (ความสัมพันธ์ทั้งหมดข้ามไปยังกลุ่มอื่น) ค่า 0 หมายถึงความสัมพันธ์ภายในกลุ่มและข้ามกลุ่มมีจำนวนเท่ากัน
health-ei-unknown = มีสมาชิกที่ทราบข้อมูลนี้ไม่มากพอ
health-ei-sector-within = ความสัมพันธ์ส่วนใหญ่อยู่ภายในภาคส่วนเดียวกัน
health-ei-sector-balanced = ความสัมพันธ์ภายในและข้ามภาคส่วนมีสัดส่วนใกล้เคียงกัน
health-ei-sector-across = ความสัมพันธ์ส่วนใหญ่ข้ามภาคส่วน
health-ei-country-within = ความสัมพันธ์ส่วนใหญ่อยู่ภายในประเทศเดียวกัน
health-ei-country-balanced = ความสัมพันธ์ภายในและข้ามประเทศมีสัดส่วนใกล้เคียงกัน
health-ei-country-across = ความสัมพันธ์ส่วนใหญ่ข้ามพรมแดน
health-components = ส่วนที่เชื่อมถึงกัน
health-largest = ส่วนที่ใหญ่ที่สุดมีสมาชิก { $size } คน ({ $share })
health-isolated = สมาชิกที่ไม่มีความสัมพันธ์
health-isolated-list = ดูว่าเป็นใคร
health-communities = ชุมชน
health-modularity = ค่ามอดูลาริตี { $modularity }
health-by-sector-title = สมาชิกตามภาคส่วน
health-by-country-title = สมาชิกตามประเทศ
health-bar = สัดส่วน
health-not-given = ไม่ระบุ
health-components-title = ส่วนของเครือข่ายนอกเหนือจากส่วนที่ใหญ่ที่สุด
health-components-help = กลุ่มสมาชิกตั้งแต่สองคนขึ้นไปที่มีความสัมพันธ์กันเอง แต่ไม่เชื่อมกับเครือข่ายส่วนที่เหลือ
health-components-none = ทุกคนที่มีความสัมพันธ์อยู่ในเครือข่ายเดียวที่เชื่อมถึงกัน
health-communities-title = ชุมชน
health-communities-help = กลุ่มที่สมาชิกมีความสัมพันธ์กันเองมากกว่ากับส่วนที่เหลือ ค้นหาด้วยวิธี Leiden แสดงภาคส่วนและประเทศที่พบมากที่สุดของแต่ละกลุ่ม
health-communities-none = ยังไม่มีชุมชน
health-count-members = { $count ->
    [one] สมาชิก 1 คน
   *[other] สมาชิก { $count } คน
}
health-isolated-title = สมาชิกที่ไม่มีความสัมพันธ์
health-component-title = ส่วนที่ { $number }
health-community-title = ชุมชนที่ { $number }
health-sector-title = ภาคส่วน: { $sector }
health-country-title = ประเทศ: { $country }
health-group-empty = ไม่มีสมาชิกในกลุ่มนี้
health-name = ชื่อ
health-cross-sector-ties = ข้ามภาคส่วน
health-cross-country-ties = ข้ามประเทศ
health-trends = ตามช่วงเวลา
health-trends-help = ระบบจะเก็บภาพรวมของตัวเลขเหล่านี้ไว้ทุกต้นเดือน คุณสามารถเก็บภาพรวมตอนนี้ได้เช่นกัน เช่น หลังจัดกิจกรรม
health-trends-none = ยังไม่มีภาพรวมที่เก็บไว้
health-trend-no-data = ยังมีข้อมูลไม่พอ
health-trends-table = ตัวเลขเบื้องหลังแผนภูมิ
health-snapshot-take = เก็บภาพรวมตอนนี้
health-snapshot-taken = เก็บภาพรวมแล้ว
health-manual = เก็บด้วยตนเอง
health-date-column = วันที่
health-trend-members = สมาชิก
health-trend-ties = ความสัมพันธ์
health-trend-cross-sector = สัดส่วนข้ามภาคส่วน
health-trend-cross-country = สัดส่วนข้ามประเทศ
health-trend-isolated = ไม่มีความสัมพันธ์
health-trend-components = ส่วนที่เชื่อมถึงกัน
health-trend-ei = ดัชนี E-I
health-by-sector = ตามภาคส่วน
health-by-country = ตามประเทศ
health-trend-change = { $series }: { $first } เมื่อ { $from }, { $last } เมื่อ { $to }
health-month-1 = ม.ค.
health-month-2 = ก.พ.
health-month-3 = มี.ค.
health-month-4 = เม.ย.
health-month-5 = พ.ค.
health-month-6 = มิ.ย.
health-month-7 = ก.ค.
health-month-8 = ส.ค.
health-month-9 = ก.ย.
health-month-10 = ต.ค.
health-month-11 = พ.ย.
health-month-12 = ธ.ค.
health-month-year = { $month } { $be }
health-date = { $day } { $month } { $be }

## Network map
map-title = แผนที่เครือข่าย
map-blurb = ใครเชื่อมโยงกับใคร ตามภาคส่วนและประเทศ
map-intro = วงกลมแต่ละวงคือสมาชิกหนึ่งคน ใช้สีตามภาคส่วน วงกลมที่ใหญ่กว่าอยู่ตรงศูนย์กลางมากกว่า เส้นคือความสัมพันธ์ เส้นที่หนาและเข้มกว่าคือความสัมพันธ์ที่แน่นแฟ้นกว่า เลือกวงกลมเพื่อเปิดโปรไฟล์
map-everyone = แผนที่นี้แสดงสมาชิกทุกคน รวมถึงสมาชิกที่มีความเสี่ยง (เส้นขอบประ) สมาชิกทั่วไปจะเห็นแผนที่ที่ไม่มีบุคคลเหล่านี้ โปรดระวังเมื่อแชร์หน้าจอ
map-filters = เน้นสมาชิก
map-highlight = เน้น
map-count = สมาชิก { $members } คน ความสัมพันธ์ { $ties } รายการ
map-count-highlighted = เน้นสมาชิก { $matching } จาก { $members } คน ความสัมพันธ์ { $ties } รายการ
map-skip = ข้ามแผนที่
map-zoom-in = ขยาย
map-zoom-out = ย่อ
map-zoom-reset = แสดงทั้งแผนที่
map-legend = สีตามภาคส่วน
map-how-to-read = ขนาดของวงกลมแสดงค่าความเป็นศูนย์กลางแบบ PageRank คือสมาชิกเชื่อมโยงกับผู้ที่เชื่อมโยงกับคนอื่นมากเพียงใด สมาชิกที่อยู่ตรงศูนย์กลางที่สุดจะแสดงชื่อ และวงกลมทุกวงจะแสดงชื่อเมื่อชี้ที่วงกลมนั้น
map-how-dimmed = สมาชิกที่ไม่ตรงกับตัวกรองจะแสดงจางลง รวมถึงความสัมพันธ์ระหว่างพวกเขา ตำแหน่งยังคงเดิม
map-central = สมาชิกที่อยู่ตรงศูนย์กลางที่สุด
map-central-highlighted = สมาชิกที่ถูกเน้นซึ่งอยู่ตรงศูนย์กลางที่สุด
map-ties = { $count ->
    [one] ความสัมพันธ์ 1 รายการ
   *[other] ความสัมพันธ์ { $count } รายการ
}
map-svg-title = แผนที่ของเครือข่าย

nav-search = ค้นหา
search-title = ค้นหา
search-title-for = ค้นหา: { $q }
search-field = คำที่ต้องการค้นหา
search-kind = ค้นหา
search-kind-member = สมาชิก
search-kind-organisation = องค์กร
search-kind-post = การสนทนา
search-submit = ค้นหา
search-count = { $count ->
    [0] ไม่พบผลลัพธ์
   *[other] พบ { $count } รายการ
}
search-none = ลองใช้คำให้น้อยลงหรือสั้นลง หรือสะกดแบบอื่น ระบบค้นหาคำภาษาไทยที่อยู่ในข้อความต่อเนื่องได้
search-untitled = คำตอบในการสนทนา
error-search-kind = ไม่รู้จักประเภทผลลัพธ์นี้
search-language = ภาษา
search-topic = หัวข้อ
search-count-more = { $count ->
   *[other] มากกว่า { $count } รายการ
}

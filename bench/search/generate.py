#!/usr/bin/env python3
"""A reproducible corpus for the search benchmark: forum threads and posts in Thai, English,
Malay and Filipino, built from each language's words of the field with a Zipf-like spread
(a few words everywhere, most rare), Thai written as Thai is, without spaces between words.

    generate.py sqlite DB_FILE DOCS        insert into a migrated Roundtable SQLite database
    generate.py tsv DIR DOCS               write users.tsv, threads.tsv, posts.tsv for COPY
    generate.py queries N                  print N queries, one per line

Every run with the same arguments makes the same corpus and the same queries."""

import os
import random
import sqlite3
import sys

POSTS_PER_THREAD = 10
AUTHORS = 1000
NOW_MS = 1_790_000_000_000

WORDS = {
    "th": (
        "การทรมาน สิทธิมนุษยชน ผู้ต้องหา ตำรวจ ทนายความ แพทย์ การควบคุมตัว สถานีตำรวจ เรือนจำ ผู้ตรวจการ "
        "การสอบสวน การสัมภาษณ์ พยานหลักฐาน คำรับสารภาพ ผู้เสียหาย ครอบครัว ญาติ ศาล อัยการ กระทรวง "
        "คณะกรรมการ การป้องกัน การตรวจเยี่ยม ห้องขัง ทะเบียน การแจ้งสิทธิ การร้องเรียน การฝึกอบรม หลักสูตร ครูฝึก "
        "นักเรียนนายร้อย เครือข่าย ความร่วมมือ ภาคประชาสังคม องค์กร รายงาน ข้อเสนอแนะ กฎหมาย พระราชบัญญัติ การบังคับใช้ "
        "การสูญหาย การคุ้มครอง พยาน ความปลอดภัย การเยียวยา ผู้รอดชีวิต จิตแพทย์ นิติเวช บาดแผล การตรวจร่างกาย "
        "พิธีสารอิสตันบูล กล้อง บันทึก ภาพ วิดีโอ ชั่วโมงแรก การเข้าถึง ล่าม ภาษา เด็ก สตรี ชนกลุ่มน้อย "
        "แรงงานข้ามชาติ ผู้ลี้ภัย ชายแดน จังหวัด ภาคใต้ กรุงเทพ เชียงใหม่ สงขลา ปัตตานี นราธิวาส การประชุม "
        "สัมมนา การเสวนา ผู้เชี่ยวชาญ แนวปฏิบัติ คู่มือ มาตรฐาน สากล สหประชาชาติ อนุสัญญา ต่อต้าน การลงโทษ "
        "ความรับผิดชอบ การตรวจสอบ อิสระ กลไก ระดับชาติ การเฝ้าระวัง ข้อมูล สถิติ การวิจัย ผลกระทบ นโยบาย "
        "งบประมาณ การปฏิรูป กระบวนการยุติธรรม ผู้พิพากษา การประกันตัว การฝากขัง ระยะเวลา สิทธิ ทนายขอแรง ความเป็นธรรม"
    ).split(),
    "en": (
        "torture prevention detention custody police interview interrogation lawyer doctor prison visit monitoring "
        "safeguards rights suspect confession evidence victim family court prosecutor ministry commission national "
        "mechanism register notification complaint training curriculum trainer cadets network cooperation civil "
        "society organisation report recommendation law act enforcement disappearance protection witness safety "
        "remedy survivor psychiatrist forensic injury examination istanbul protocol camera recording video first hour "
        "access interpreter language child women minority migrant refugee border province south bangkok manila "
        "kuala lumpur meeting seminar dialogue expert guideline manual standard international united nations "
        "convention against punishment accountability independent oversight data statistics research impact policy "
        "budget reform justice judge bail remand period fairness checklist cell station officer academy peace model "
        "planning account closure evaluation rapport open questions investigative caution legal aid counsel"
    ).split(),
    "ms": (
        "penyeksaan pencegahan tahanan reman polis soal siasat peguam doktor penjara lawatan pemantauan perlindungan "
        "hak suspek pengakuan bukti mangsa keluarga mahkamah pendakwa kementerian suruhanjaya kebangsaan mekanisme "
        "daftar pemberitahuan aduan latihan kurikulum jurulatih kadet rangkaian kerjasama masyarakat sivil pertubuhan "
        "laporan cadangan undang-undang akta penguatkuasaan kehilangan saksi keselamatan pemulihan mangsa terselamat "
        "psikiatri forensik kecederaan pemeriksaan protokol istanbul kamera rakaman video jam pertama akses jurubahasa "
        "bahasa kanak-kanak wanita minoriti pekerja asing pelarian sempadan negeri selatan kuala lumpur sabah sarawak "
        "mesyuarat seminar dialog pakar garis panduan manual piawaian antarabangsa bangsa-bangsa bersatu konvensyen "
        "menentang hukuman akauntabiliti bebas pengawasan data statistik penyelidikan kesan dasar bajet reformasi "
        "keadilan hakim jaminan tempoh kesaksamaan senarai semak lokap balai pegawai akademi model perancangan "
        "penilaian soalan terbuka siasatan amaran bantuan guaman yang dan untuk dengan ini dalam tidak adalah"
    ).split(),
    "fil": (
        "tortyur pag-iwas pagkakakulong kustodiya pulis panayam imbestigasyon abogado doktor bilangguan pagbisita "
        "pagsubaybay pananggalang karapatan suspek pag-amin ebidensya biktima pamilya korte piskal kagawaran komisyon "
        "pambansa mekanismo talaan abiso reklamo pagsasanay kurikulum tagapagsanay kadete network pagtutulungan "
        "lipunang sibil organisasyon ulat rekomendasyon batas pagpapatupad pagkawala saksi kaligtasan lunas nakaligtas "
        "psychiatrist forensic sugat pagsusuri protokol istanbul kamera rekording bidyo unang oras akses tagasalin "
        "wika bata kababaihan minorya migrante refugee hangganan lalawigan mindanao maynila cebu davao pulong seminar "
        "diyalogo eksperto patnubay manwal pamantayan internasyonal nagkakaisang bansa kombensyon laban parusa "
        "pananagutan malaya pangangasiwa datos estadistika pananaliksik epekto patakaran badyet reporma katarungan "
        "hukom piyansa panahon pagkamakatarungan listahan selda istasyon opisyal akademya modelo pagpaplano "
        "pagtatasa bukas tanong babala tulong legal ang ng sa mga na at ay ito para hindi"
    ).split(),
}
LANGS = ["th", "en", "ms", "fil"]


def zipf_weights(n):
    return [1.0 / (rank + 1) ** 1.07 for rank in range(n)]


WEIGHTS = {lang: zipf_weights(len(words)) for lang, words in WORDS.items()}


def sentence(rng, lang, length):
    words = rng.choices(WORDS[lang], weights=WEIGHTS[lang], k=length)
    # Thai runs its words together within a sentence.
    return "".join(words) if lang == "th" else " ".join(words).capitalize() + "."


def text(rng, lang, sentences, length):
    return " ".join(sentence(rng, lang, length) for _ in range(sentences))


def corpus(docs):
    """Yields ('thread', id, lang, title, created) and ('post', id, thread, author, body, created)."""
    rng = random.Random(20261129)
    threads = (docs + POSTS_PER_THREAD - 1) // POSTS_PER_THREAD
    post_id = 0
    for t in range(1, threads + 1):
        lang = LANGS[t % 4]
        created = NOW_MS - (threads - t) * 60_000
        yield ("thread", t, sentence(rng, lang, 6)[:140], created)
        for _ in range(min(POSTS_PER_THREAD, docs - post_id)):
            post_id += 1
            body = text(rng, lang, rng.randint(2, 5), rng.randint(6, 14))
            yield ("post", post_id, t, 1 + post_id % AUTHORS, body, created + post_id % POSTS_PER_THREAD * 1000)


def users():
    for u in range(1, AUTHORS + 1):
        yield (u, f"author{u}@bench.example", f"Author {u}")


def to_sqlite(path, docs):
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.executemany(
        "INSERT INTO users (id, email, password_hash, role, display_name, created_at) VALUES (?, ?, '!', 'member', ?, 0)",
        users(),
    )
    threads, posts = [], []

    def flush():
        db.executemany(
            "INSERT INTO threads (id, group_id, title, author_id, created_at, last_post_at) VALUES (?, NULL, ?, 1, ?, ?)",
            threads,
        )
        db.executemany(
            "INSERT INTO posts (id, thread_id, author_id, body, body_html, created_at) VALUES (?, ?, ?, ?, '<p></p>', ?)",
            posts,
        )
        threads.clear()
        posts.clear()

    for row in corpus(docs):
        if row[0] == "thread":
            threads.append((row[1], row[2], row[3], row[3] + POSTS_PER_THREAD * 1000))
        else:
            posts.append(row[1:])
        if len(posts) >= 50_000:
            flush()
    flush()
    db.commit()
    db.close()


def to_tsv(directory, docs):
    def clean(s):
        return s.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")

    with open(os.path.join(directory, "users.tsv"), "w", encoding="utf-8") as f:
        for u, email, name in users():
            f.write(f"{u}\t{email}\t!\tmember\t{name}\t0\n")
    with open(os.path.join(directory, "threads.tsv"), "w", encoding="utf-8") as ft, open(
        os.path.join(directory, "posts.tsv"), "w", encoding="utf-8"
    ) as fp:
        for row in corpus(docs):
            if row[0] == "thread":
                _, t, title, created = row
                ft.write(f"{t}\t{clean(title)}\t1\t{created}\t{created + POSTS_PER_THREAD * 1000}\n")
            else:
                _, p, t, author, body, created = row
                fp.write(f"{p}\t{t}\t{author}\t{clean(body)}\t<p></p>\t{created}\n")


def queries(n):
    """Single words across the frequency range, two-word queries and prefixes, per language."""
    rng = random.Random(7)
    out = []
    for i in range(n):
        lang = LANGS[i % 4]
        words = WORDS[lang]
        kind = i % 5
        if kind == 0:
            out.append(words[rng.randrange(0, 10)])  # among the most frequent
        elif kind == 1:
            out.append(words[rng.randrange(10, len(words))])  # rarer
        elif kind == 2:
            out.append(" ".join(rng.sample(words[:40], 2)))
        elif kind == 3:
            w = words[rng.randrange(len(words))]
            out.append(w[: max(3, len(w) * 2 // 3)])  # a prefix, as typed
        else:
            out.append(" ".join(rng.sample(words, 2)))
    return out


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "sqlite":
        to_sqlite(sys.argv[2], int(sys.argv[3]))
    elif mode == "tsv":
        to_tsv(sys.argv[2], int(sys.argv[3]))
    elif mode == "queries":
        print("\n".join(queries(int(sys.argv[2]))))
    else:
        sys.exit(__doc__)

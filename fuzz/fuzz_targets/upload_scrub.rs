//! A library upload: its name, then its bytes (input: the file name, a newline, the
//! content). The type is sniffed from the content and must agree with the name; an image is
//! rewritten without its metadata. Whatever comes in, what is kept holds no metadata, a
//! second scrub changes nothing, and the name sent back is a safe header value.
#![no_main]

use img_parts::jpeg::{markers, Jpeg};
use img_parts::png::Png;
use img_parts::webp::WebP;
use img_parts::Bytes;
use libfuzzer_sys::fuzz_target;
use roundtable::library::files::{classify, clean_filename, content_disposition, is_plain_text};
use roundtable::library::scrub::scrub;

/// The one EXIF block a scrubbed JPEG may keep: its orientation, alone.
fn only_orientation(exif: &[u8]) -> bool {
    exif.len() == 6 + 26 && exif.starts_with(b"Exif\0\0MM\0\x2A\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0")
}

fn is_metadata(marker: u8, contents: &[u8]) -> bool {
    marker == markers::COM
        || (markers::APP1..=markers::APP15).contains(&marker)
            && marker != markers::APP2
            && marker != markers::APP14
            && !(marker == markers::APP1 && only_orientation(contents))
}

/// Metadata in what follows a JPEG's first scan header, which img-parts keeps as it came:
/// the scans, the segments between them (progressive pictures) and the end. Walks it as a
/// decoder does: in entropy-coded data a 0xFF is followed by 0x00, a restart marker or fill.
fn after_first_scan(tail: &[u8]) -> Option<String> {
    let mut i = 0;
    while i + 1 < tail.len() {
        if tail[i] != 0xFF {
            i += 1;
            continue;
        }
        match tail[i + 1] {
            0xFF => i += 1,
            0x00 | 0x01 | markers::RST0..=markers::RST7 => i += 2,
            markers::EOI => return (i + 2 < tail.len()).then(|| format!("{} bytes after the end", tail.len() - i - 2)),
            marker => {
                let len = u16::from_be_bytes([*tail.get(i + 2)?, *tail.get(i + 3)?]) as usize;
                let contents = tail.get(i + 4..(i + 2 + len).max(i + 4)).unwrap_or(&tail[(i + 4).min(tail.len())..]);
                if is_metadata(marker, contents) {
                    return Some(format!("segment {marker:02X} after the first scan"));
                }
                i += 2 + len.max(2);
            }
        }
    }
    None
}

/// Metadata anywhere in a JPEG: in the segments img-parts reads, and after them.
fn jpeg_metadata(bytes: Bytes) -> Option<String> {
    let jpeg = Jpeg::from_bytes(bytes.clone())
        .unwrap_or_else(|e| panic!("a scrubbed JPEG reads again: {e}: {:02X?}", &bytes[..]));
    for segment in jpeg.segments() {
        if is_metadata(segment.marker(), segment.contents()) {
            return Some(format!("segment {:02X}", segment.marker()));
        }
    }
    // As img-parts writes them (it gives every marker a length), up to the first scan's data.
    let written = |s: &img_parts::jpeg::JpegSegment| s.clone().encoder().bytes().len();
    let segments = jpeg.segments();
    let header: usize = 2
        + segments.iter().take(segments.len().saturating_sub(1)).map(written).sum::<usize>()
        + segments.last().map_or(0, |scan| 4 + scan.contents().len());
    after_first_scan(&bytes[header.min(bytes.len())..])
}

fn check_clean(media_type: &str, clean: &[u8]) {
    let bytes = Bytes::copy_from_slice(clean);
    match media_type {
        "image/jpeg" => {
            if let Some(found) = jpeg_metadata(bytes) {
                panic!("metadata left in a scrubbed JPEG: {found}: {clean:02X?}");
            }
        }
        "image/png" => {
            let png = Png::from_bytes(bytes).expect("a scrubbed PNG reads again");
            for chunk in png.chunks() {
                assert!(
                    !matches!(&chunk.kind(), b"tEXt" | b"zTXt" | b"iTXt" | b"eXIf" | b"tIME"),
                    "{:?}",
                    chunk.kind()
                );
            }
        }
        "image/webp" => {
            let webp = WebP::from_bytes(bytes).expect("a scrubbed WebP reads again");
            for chunk in webp.chunks() {
                assert!(!matches!(&chunk.id(), b"EXIF" | b"XMP "), "{:?}", chunk.id());
                if &chunk.id() == b"VP8X" {
                    let flags = chunk.content().data().and_then(|d| d.first().copied()).unwrap_or(0);
                    assert_eq!(flags & 0x0C, 0, "VP8X announces no EXIF or XMP");
                }
            }
        }
        other => panic!("{other} is scrubbed"),
    }
}

fuzz_target!(|data: &[u8]| {
    let at = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let name = String::from_utf8_lossy(&data[..at]);
    let content = data.get(at + 1..).unwrap_or_default();

    let filename = clean_filename(&name);
    assert!(!filename.is_empty() && filename.chars().count() <= 120, "{filename:?}");
    assert!(!filename.contains(['/', '\\']) && !filename.chars().any(char::is_control), "{filename:?}");
    let header = content_disposition(&name);
    assert!(header.bytes().all(|b| b == b' ' || b.is_ascii_graphic()), "{header:?}");

    let head = &content[..content.len().min(256 * 1024)];
    let plain_text = is_plain_text(content);
    let Ok(media_type) = classify(head, &filename, plain_text) else { return };
    if media_type.starts_with("text/") {
        assert!(plain_text, "{media_type} that is not plain text");
    }
    match scrub(media_type, content.to_vec()) {
        Ok(Some(clean)) => {
            check_clean(media_type, &clean);
            let again = scrub(media_type, clean.clone()).expect("a scrubbed image scrubs again");
            assert_eq!(again.as_deref(), Some(&clean[..]), "a second scrub changes nothing");
        }
        Ok(None) => assert!(!matches!(media_type, "image/jpeg" | "image/png" | "image/webp")),
        Err(_) => assert!(media_type.starts_with("image/")),
    }
});

//! Images lose what they tell about their maker before they are kept. A phone's photo of a
//! workshop carries where it was taken (GPS), when, on which camera (a serial number), and
//! sometimes the owner's name: metadata that can put a member at risk, and that nobody meant
//! to share with the network. JPEG, PNG and WebP files are rewritten without it, losslessly:
//! only metadata segments go (and whatever a file carries after its picture ends), the
//! picture's bytes stay as they were. The one piece of EXIF a picture needs to be seen
//! right, its orientation, is kept, written on its own.
//!
//! Documents (PDF, Office) keep their properties: the upload form says so, because rewriting
//! them safely is another matter.

use img_parts::jpeg::{markers, Jpeg, JpegSegment};
use img_parts::png::Png;
use img_parts::riff::{RiffChunk, RiffContent};
use img_parts::webp::WebP;
use img_parts::{Bytes, Error, ImageEXIF};

/// The bytes to keep for an image of this media type, without its metadata; `None` when the
/// type carries none we remove. An image these parsers cannot read is an error: it cannot
/// be checked, so it is not kept.
pub fn scrub(media_type: &str, bytes: Vec<u8>) -> Result<Option<Vec<u8>>, Error> {
    let bytes = Bytes::from(bytes);
    Ok(Some(match media_type {
        "image/jpeg" => jpeg(bytes)?,
        "image/png" => png(bytes)?,
        "image/webp" => webp(bytes)?,
        _ => return Ok(None),
    }))
}

/// Whether a JPEG segment says things about the picture rather than how to draw it. APP0
/// (JFIF), APP2 (the colour profile) and APP14 (Adobe's colour transform) say how to draw it;
/// APP1 (EXIF, XMP), APP13 (IPTC, Photoshop), the other APPn and comments say things about it.
fn is_metadata(marker: u8) -> bool {
    matches!(marker, markers::APP1..=markers::APP15) && marker != markers::APP2 && marker != markers::APP14
        || marker == markers::COM
}

fn jpeg(bytes: Bytes) -> Result<Vec<u8>, Error> {
    let mut image = Jpeg::from_bytes(bytes)?;
    let orientation = image.exif().and_then(|exif| orientation(&exif));
    image.segments_mut().retain(|segment| !is_metadata(segment.marker()));
    // img-parts reads the segments up to the first scan and keeps the rest as it came: the
    // segments between the scans of a progressive picture, and whatever follows its end (a
    // second picture with its own EXIF, a video), go through the same sieve. A file without
    // a scan holds no picture.
    let scan = image
        .segments_mut()
        .last_mut()
        .filter(|segment| segment.has_entropy() && !segment.contents().is_empty())
        .ok_or(Error::Truncated)?;
    let encoded = scan.clone().encoder().bytes();
    let rest = scans(&encoded[scan.len()..])?;
    *scan = JpegSegment::new_with_entropy(scan.marker(), scan.contents().clone(), Bytes::from(rest));
    if let Some(value) = orientation.filter(|&v| v != 1) {
        // Right after JFIF's APP0, which must come first. img-parts' own `set_exif` puts it
        // fourth whatever there is: after the picture's end in a file of three segments, and
        // past the end of the list (a panic) in a smaller one.
        let segments = image.segments_mut();
        let at = usize::from(segments.first().is_some_and(|segment| segment.marker() == markers::APP0));
        let exif = [&b"Exif\0\0"[..], &only_orientation(value)].concat();
        segments.insert(at, JpegSegment::new_with_contents(markers::APP1, Bytes::from(exif)));
    }
    // img-parts writes some malformed files back as it cannot read them (it gives a length to
    // a marker that has none): what cannot be read again is refused like what could not be
    // read at first.
    let clean = image.encoder().bytes();
    Jpeg::from_bytes(clean.clone())?;
    Ok(clean.to_vec())
}

/// What follows a JPEG's first scan header, without metadata: its entropy-coded data, the
/// segments and scans after it, up to the end of the picture (EOI), and nothing beyond. In
/// entropy-coded data a 0xFF byte is followed by 0x00 (a stuffed byte), a restart marker or
/// another 0xFF (fill, which belongs to the marker it comes before); any other marker begins
/// a segment. A segment removed takes its fill with it: a 0xFF left behind would make a
/// marker of the byte after the segment. A picture cut off before its end is closed with an
/// end marker: browsers show what there is of it, and the file can be read again.
fn scans(data: &[u8]) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while let Some(found) = data[i..].iter().position(|&b| b == markers::P) {
        let fill_from = i + found;
        out.extend_from_slice(&data[i..fill_from]);
        // `at` is the last 0xFF of the run, the one the marker byte follows.
        let at = fill_from + data[fill_from..].iter().take_while(|&&b| b == markers::P).count() - 1;
        let fill = &data[fill_from..at];
        match data.get(at + 1).copied() {
            None => {
                i = at + 1;
                break;
            }
            // 0x01 is TEM, a marker without a length.
            Some(markers::Z | 0x01 | markers::RST0..=markers::RST7) => {
                out.extend_from_slice(fill);
                out.extend_from_slice(&data[at..at + 2]);
                i = at + 2;
            }
            Some(markers::EOI) => {
                out.extend_from_slice(fill);
                out.extend_from_slice(&[markers::P, markers::EOI]);
                return Ok(out);
            }
            Some(marker) => {
                let length = data.get(at + 2..at + 4).ok_or(Error::Truncated)?;
                let end = at + 2 + usize::from(u16::from_be_bytes([length[0], length[1]]));
                if end < at + 4 || end > data.len() {
                    return Err(Error::Truncated);
                }
                if !is_metadata(marker) {
                    out.extend_from_slice(fill);
                    out.extend_from_slice(&data[at..end]);
                }
                i = end;
            }
        }
    }
    out.extend_from_slice(&data[i..]);
    out.extend_from_slice(&[markers::P, markers::EOI]);
    Ok(out)
}

fn png(bytes: Bytes) -> Result<Vec<u8>, Error> {
    let mut image = Png::from_bytes(bytes)?;
    // Text chunks hold authors, software, comments and XMP; eXIf holds EXIF; tIME the
    // moment of the last edit.
    image.chunks_mut().retain(|chunk| !matches!(&chunk.kind(), b"tEXt" | b"zTXt" | b"iTXt" | b"eXIf" | b"tIME"));
    Ok(image.encoder().bytes().to_vec())
}

fn webp(bytes: Bytes) -> Result<Vec<u8>, Error> {
    let mut image = WebP::from_bytes(bytes)?;
    let chunks = image.chunks_mut();
    chunks.retain(|chunk| !matches!(&chunk.id(), b"EXIF" | b"XMP "));
    // The extended header announces which of those chunks follow: clear the EXIF (0x08) and
    // XMP (0x04) flags so that readers do not look for them.
    for chunk in chunks.iter_mut().filter(|chunk| &chunk.id() == b"VP8X") {
        if let Some(data) = chunk.content().data() {
            let mut header = data.to_vec();
            if let Some(flags) = header.first_mut() {
                *flags &= !0x0C;
            }
            *chunk = RiffChunk::new(*b"VP8X", RiffContent::Data(Bytes::from(header)));
        }
    }
    Ok(image.encoder().bytes().to_vec())
}

/// The EXIF orientation value (1–8), if the EXIF data holds a valid one.
fn orientation(exif: &[u8]) -> Option<u8> {
    image::metadata::Orientation::from_exif_chunk(exif).map(|o| o.to_exif())
}

/// An EXIF block holding the orientation and nothing else: a big-endian TIFF header, one
/// directory with a single SHORT entry (tag 0x0112), and no next directory.
fn only_orientation(value: u8) -> Bytes {
    let mut tiff = Vec::with_capacity(26);
    tiff.extend_from_slice(b"MM\0\x2A");
    tiff.extend_from_slice(&8u32.to_be_bytes());
    tiff.extend_from_slice(&1u16.to_be_bytes());
    tiff.extend_from_slice(&0x0112u16.to_be_bytes());
    tiff.extend_from_slice(&3u16.to_be_bytes());
    tiff.extend_from_slice(&1u32.to_be_bytes());
    tiff.extend_from_slice(&[0, value, 0, 0]);
    tiff.extend_from_slice(&0u32.to_be_bytes());
    Bytes::from(tiff)
}

#[cfg(test)]
pub mod tests {
    use std::io::Cursor;

    use super::*;

    /// A small picture whose metadata holds `secret`: in an EXIF block (with an orientation)
    /// and a comment for JPEG, in text and eXIf chunks for PNG, in EXIF and XMP chunks for WebP.
    pub fn with_metadata(format: image::ImageFormat, secret: &str, orientation: u8) -> Vec<u8> {
        let picture = image::RgbImage::from_fn(40, 20, |x, y| image::Rgb([x as u8 * 6, y as u8 * 12, 90]));
        let mut out = Cursor::new(Vec::new());
        image::DynamicImage::ImageRgb8(picture).write_to(&mut out, format).unwrap();
        let plain = Bytes::from(out.into_inner());
        // A big-endian EXIF block: orientation, then the secret as an ASCII "artist" entry.
        let mut exif = only_orientation(orientation).to_vec();
        exif[9] = 2; // two entries
        exif.truncate(22);
        let offset = 8 + 2 + 2 * 12 + 4;
        exif.extend_from_slice(&0x013Bu16.to_be_bytes());
        exif.extend_from_slice(&2u16.to_be_bytes());
        exif.extend_from_slice(&(secret.len() as u32 + 1).to_be_bytes());
        exif.extend_from_slice(&(offset as u32).to_be_bytes());
        exif.extend_from_slice(&0u32.to_be_bytes());
        exif.extend_from_slice(secret.as_bytes());
        exif.push(0);
        match format {
            image::ImageFormat::Jpeg => {
                let mut jpeg = Jpeg::from_bytes(plain).unwrap();
                jpeg.set_exif(Some(Bytes::from(exif)));
                let comment =
                    img_parts::jpeg::JpegSegment::new_with_contents(markers::COM, Bytes::from(secret.to_string()));
                jpeg.segments_mut().insert(1, comment);
                jpeg.encoder().bytes().to_vec()
            }
            image::ImageFormat::Png => {
                let mut png = Png::from_bytes(plain).unwrap();
                let mut text = b"Author\0".to_vec();
                text.extend_from_slice(secret.as_bytes());
                png.chunks_mut().insert(1, img_parts::png::PngChunk::new(*b"tEXt", Bytes::from(text)));
                png.chunks_mut().insert(1, img_parts::png::PngChunk::new(*b"eXIf", Bytes::from(exif)));
                png.encoder().bytes().to_vec()
            }
            image::ImageFormat::WebP => {
                let mut webp = WebP::from_bytes(plain).unwrap();
                webp.set_exif(Some(Bytes::from(exif)));
                let xmp = format!("<x:xmpmeta><dc:creator>{secret}</dc:creator></x:xmpmeta>");
                webp.chunks_mut().push(RiffChunk::new(*b"XMP ", RiffContent::Data(Bytes::from(xmp))));
                webp.encoder().bytes().to_vec()
            }
            _ => unreachable!("a format with metadata"),
        }
    }

    fn contains(haystack: &[u8], needle: &str) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
    }

    #[test]
    fn metadata_goes_and_the_picture_stays() {
        for format in [image::ImageFormat::Jpeg, image::ImageFormat::Png, image::ImageFormat::WebP] {
            let original = with_metadata(format, "Somchai at 13.7563,100.5018", 1);
            assert!(contains(&original, "Somchai"), "{format:?}: the fixture carries the secret");
            let media_type = format.to_mime_type();
            let clean = scrub(media_type, original.clone()).unwrap().unwrap();
            assert!(!contains(&clean, "Somchai"), "{format:?}: metadata removed");
            assert!(clean.len() < original.len());
            let before = image::load_from_memory(&original).unwrap().to_rgb8();
            let after = image::load_from_memory(&clean).unwrap().to_rgb8();
            assert_eq!(before, after, "{format:?}: the same pixels");
        }
    }

    #[test]
    fn a_turned_photo_keeps_its_orientation_and_nothing_else() {
        let original = with_metadata(image::ImageFormat::Jpeg, "Manila, Quezon City", 6);
        let clean = scrub("image/jpeg", original).unwrap().unwrap();
        assert!(!contains(&clean, "Quezon"));
        let exif = Jpeg::from_bytes(Bytes::from(clean.clone())).unwrap().exif().unwrap();
        assert_eq!(exif.len(), 26);
        assert_eq!(orientation(&exif), Some(6));
        let mut decoder =
            image::ImageReader::new(Cursor::new(&clean)).with_guessed_format().unwrap().into_decoder().unwrap();
        use image::ImageDecoder;
        assert_eq!(decoder.orientation().unwrap(), image::metadata::Orientation::Rotate90);
    }

    /// What img-parts keeps as it came after the first scan header: a comment and an EXIF
    /// block between scans (as progressive pictures have them), and bytes after the end.
    #[test]
    fn metadata_after_the_first_scan_goes_too() {
        let original = with_metadata(image::ImageFormat::Jpeg, "Somchai", 1);
        let end = original.len() - 2;
        assert_eq!(original[end..], [0xFF, markers::EOI]);
        let mut extended = original[..end].to_vec();
        for (marker, text) in [(markers::COM, "Somchai's phone"), (markers::APP1, "Exif\0\0Somchai at home")] {
            extended.extend_from_slice(&[0xFF, marker]);
            extended.extend_from_slice(&(text.len() as u16 + 2).to_be_bytes());
            extended.extend_from_slice(text.as_bytes());
        }
        extended.extend_from_slice(&[0xFF, markers::EOI]);
        extended.extend_from_slice(b"Somchai's motion photo");
        let clean = scrub("image/jpeg", extended).unwrap().unwrap();
        assert!(!contains(&clean, "Somchai"));
        assert!(clean.ends_with(&[0xFF, markers::EOI]));
        assert_eq!(clean, scrub("image/jpeg", original).unwrap().unwrap());
        // Stuffed bytes, restart markers and fill in entropy-coded data are picture.
        let tail = [1, 0xFF, 0x00, 2, 0xFF, markers::RST3, 0xFF, 0xFF, markers::RST0, 3, 0xFF, markers::EOI, 9];
        assert_eq!(scans(&tail).unwrap(), tail[..12]);
        // A segment longer than the file is not a picture to keep.
        assert!(scans(&[0xFF, markers::COM, 0x00, 0x09, 1]).is_err());
    }

    /// A JPEG segment: its marker, length and contents.
    fn segment(marker: u8, contents: &[u8]) -> Vec<u8> {
        let mut bytes = vec![0xFF, marker];
        bytes.extend_from_slice(&(contents.len() as u16 + 2).to_be_bytes());
        bytes.extend_from_slice(contents);
        bytes
    }

    /// The smallest JFIF header.
    fn jfif() -> Vec<u8> {
        segment(markers::APP0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0")
    }

    /// A Huffman table of one code.
    fn table() -> Vec<u8> {
        segment(markers::DHT, &[0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    }

    /// The header of a scan of one component.
    fn scan_header() -> Vec<u8> {
        segment(markers::SOS, b"\x01\x01\x00\x00\x3F\x00")
    }

    /// Found by fuzzing: the orientation was written fourth among the segments, which in a
    /// small file is after the picture's end (where readers ignore it), or past the end of
    /// the list, a panic.
    #[test]
    fn the_orientation_goes_before_the_picture() {
        let exif = [&b"Exif\0\0"[..], &only_orientation(6)].concat();
        let scan = [&scan_header()[..], b"\x3F\xFF\xD9"].concat();
        let (jfif, table) = (jfif(), table());
        for parts in [vec![&jfif, &table, &scan], vec![&scan], vec![&jfif, &scan]] {
            let mut jpeg = b"\xFF\xD8".to_vec();
            jpeg.extend_from_slice(&segment(markers::APP1, &exif));
            parts.iter().for_each(|part| jpeg.extend_from_slice(part));
            let clean = scrub("image/jpeg", jpeg).unwrap().unwrap();
            let markers: Vec<u8> =
                Jpeg::from_bytes(Bytes::from(clean.clone())).unwrap().segments().iter().map(|s| s.marker()).collect();
            assert_eq!(markers.last(), Some(&markers::SOS));
            assert!(markers.contains(&markers::APP1), "{markers:02X?}");
            assert!(clean.ends_with(b"\x3F\xFF\xD9"));
            let kept = Jpeg::from_bytes(Bytes::from(clean)).unwrap().exif().unwrap();
            assert_eq!(orientation(&kept), Some(6));
        }
    }

    /// The markers of a JPEG as a decoder meets them, in order: the segments', and in
    /// entropy-coded data the restart markers (fill and stuffed bytes are no markers), up to
    /// the end of the picture.
    fn markers_of(jpeg: &[u8]) -> Vec<u8> {
        let mut found = vec![markers::SOI];
        let mut i = 2;
        while i + 1 < jpeg.len() {
            // Picture data, or fill before a marker.
            if jpeg[i] != markers::P || jpeg[i + 1] == markers::P {
                i += 1;
                continue;
            }
            let marker = jpeg[i + 1];
            i += 2;
            match marker {
                markers::Z => {}
                markers::EOI => {
                    found.push(marker);
                    break;
                }
                0x01 | markers::RST0..=markers::RST7 => found.push(marker),
                _ => {
                    found.push(marker);
                    let Some(&[high, low]) = jpeg.get(i..i + 2) else { break };
                    i += usize::from(u16::from_be_bytes([high, low]));
                }
            }
        }
        found
    }

    /// Found by fuzzing: a segment removed after the first scan left the fill bytes before
    /// it, and the last 0xFF made a marker of the picture data that followed: here an EXIF
    /// segment out of bytes that were none.
    #[test]
    fn scrubbing_makes_no_new_markers() {
        let mut jpeg = [&b"\xFF\xD8"[..], &jfif(), &table(), &scan_header(), b"\x3F"].concat();
        jpeg.extend_from_slice(&[0xFF, 0xFF]);
        jpeg.extend_from_slice(&segment(markers::COM, b"Somchai's phone"));
        jpeg.extend_from_slice(b"\xE1\x00\x09picture");
        jpeg.extend_from_slice(&[0xFF, 0xFF, markers::RST0, 0x3F, 0xFF, markers::EOI]);
        let kept: Vec<u8> = markers_of(&jpeg).into_iter().filter(|&m| !is_metadata(m)).collect();
        assert_eq!(kept, [markers::SOI, markers::APP0, markers::DHT, markers::SOS, markers::RST0, markers::EOI]);
        let clean = scrub("image/jpeg", jpeg).unwrap().unwrap();
        assert_eq!(markers_of(&clean), kept, "{clean:02X?}");
        assert!(clean.ends_with(b"\x3F\xE1\x00\x09picture\xFF\xFF\xD0\x3F\xFF\xD9"), "{clean:02X?}");
        assert_eq!(scrub("image/jpeg", clean.clone()).unwrap().unwrap(), clean);
    }

    /// Found by fuzzing: a JPEG cut off inside its picture data was kept without an end
    /// marker, as a file img-parts (and so the scrubbing) cannot read again.
    #[test]
    fn a_cut_off_jpeg_is_closed() {
        let whole = with_metadata(image::ImageFormat::Jpeg, "Somchai", 1);
        let cut = whole[..whole.len() - 40].to_vec();
        let clean = scrub("image/jpeg", cut).unwrap().unwrap();
        assert!(clean.ends_with(&[0xFF, markers::EOI]));
        assert_eq!(scrub("image/jpeg", clean.clone()).unwrap().unwrap(), clean);
        assert_eq!(scans(&[1, 2, 0xFF, 0x00, 3]).unwrap(), [1, 2, 0xFF, 0x00, 3, 0xFF, markers::EOI]);
        assert_eq!(scans(&[1, 0xFF]).unwrap(), [1, 0xFF, markers::EOI]);
    }

    /// Found by fuzzing: img-parts writes some malformed JPEGs back in a form that cannot be
    /// read again (a marker without a length gets one; a scan header without contents loses
    /// the scan), and these were kept.
    #[test]
    fn a_jpeg_written_back_unreadable_is_refused() {
        assert!(scrub("image/jpeg", b"\xFF\xD8\xFF\xDA\x00\x02\x01\x08\xFF\xD9".to_vec()).is_err());
        let found = b"\xFF\xD8\xFF\xE0\x00\x10\x4A\xB0\x49\x46\x00\x72\x65\x70\x6F\x72\x74\x2E\xFF\xFF\xFF\xFF\xFF\xFF\
              \xFF\xFF\xFF\xFF\x49\x50\x47\x0A\x20\x61\x74\x20\x6A\x6F\x6D\xEA\xFF\xDB\x00\x43\x00\x13\x01\x01\
              \xAD\x01\x2E\xFF\xFF\x46\x00\x72\x65\x70\x68\x72\x74\x2E\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\
              \xFF\xFF\x0F\x74\x61\x6B\x65\x6E\x20\x61\x74\x20\x68\x6F\x6D\x65\xFF\xDB\x00\x43\x00\x01\x01\x01\
              \x01\x01\x01\x01\x01\x2E\x70\x64\x66\x0A\x3C\x68\x74\x6D\x6C\x3E\x0D\x0D\x6F\x64\x70\x0D\x0D\x0D\
              \x0D\x0D\x0D\x0D\x0D\x0D\x0D\x60\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\
              \x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\x0D\xFF\xFF\xFF\xFF\xFF\x3C\x73\x63\x00\
              \x00\x00\x00\x00\x00\xFF\xDA\x00\x02\x01\x08\x00\x00\x00\x00\xFF\xFF\xFF\xFF";
        assert!(scrub("image/jpeg", found.to_vec()).is_err());
    }

    /// Found by fuzzing: a JPEG that ends before any scan came out without its end marker,
    /// as a file no reader (img-parts included) can read.
    #[test]
    fn a_jpeg_without_a_picture_is_refused() {
        let header_only = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xFF\xD9";
        assert!(scrub("image/jpeg", header_only.to_vec()).is_err());
    }

    #[test]
    fn other_types_are_left_alone_and_broken_images_refused() {
        assert_eq!(scrub("application/pdf", b"%PDF-1.4".to_vec()).unwrap(), None);
        let mut broken = with_metadata(image::ImageFormat::Png, "x", 1);
        broken.truncate(20);
        assert!(scrub("image/png", broken).is_err());
        assert!(scrub("image/jpeg", b"\xFF\xD8\xFF\xE0garbage".to_vec()).is_err());
    }
}

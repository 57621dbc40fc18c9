//! Images lose what they tell about their maker before they are kept. A phone's photo of a
//! workshop carries where it was taken (GPS), when, on which camera (a serial number), and
//! sometimes the owner's name: metadata that can put a member at risk, and that nobody meant
//! to share with the network. JPEG, PNG and WebP files are rewritten without it, losslessly:
//! only metadata segments go, the picture's bytes stay as they were. The one piece of EXIF a
//! picture needs to be seen right, its orientation, is kept, written on its own.
//!
//! Documents (PDF, Office) keep their properties: the upload form says so, because rewriting
//! them safely is another matter.

use img_parts::jpeg::{markers, Jpeg};
use img_parts::png::Png;
use img_parts::riff::{RiffChunk, RiffContent};
use img_parts::webp::WebP;
use img_parts::{Bytes, ImageEXIF};

/// The bytes to keep for an image of this media type, without its metadata; `None` when the
/// type carries none we remove. An image these parsers cannot read is an error: it cannot
/// be checked, so it is not kept.
pub fn scrub(media_type: &str, bytes: Vec<u8>) -> Result<Option<Vec<u8>>, img_parts::Error> {
    let bytes = Bytes::from(bytes);
    Ok(Some(match media_type {
        "image/jpeg" => jpeg(bytes)?,
        "image/png" => png(bytes)?,
        "image/webp" => webp(bytes)?,
        _ => return Ok(None),
    }))
}

fn jpeg(bytes: Bytes) -> Result<Vec<u8>, img_parts::Error> {
    let mut image = Jpeg::from_bytes(bytes)?;
    let orientation = image.exif().and_then(|exif| orientation(&exif));
    // APP0 (JFIF), APP2 (the colour profile) and APP14 (Adobe's colour transform) say how to
    // draw the picture; APP1 (EXIF, XMP), APP13 (IPTC, Photoshop), the other APPn and
    // comments say things about it.
    image.segments_mut().retain(|segment| {
        let marker = segment.marker();
        !(matches!(marker, markers::APP1..=markers::APP15) && marker != markers::APP2 && marker != markers::APP14
            || marker == markers::COM)
    });
    if let Some(value) = orientation.filter(|&v| v != 1) {
        image.set_exif(Some(only_orientation(value)));
    }
    Ok(image.encoder().bytes().to_vec())
}

fn png(bytes: Bytes) -> Result<Vec<u8>, img_parts::Error> {
    let mut image = Png::from_bytes(bytes)?;
    // Text chunks hold authors, software, comments and XMP; eXIf holds EXIF; tIME the
    // moment of the last edit.
    image.chunks_mut().retain(|chunk| !matches!(&chunk.kind(), b"tEXt" | b"zTXt" | b"iTXt" | b"eXIf" | b"tIME"));
    Ok(image.encoder().bytes().to_vec())
}

fn webp(bytes: Bytes) -> Result<Vec<u8>, img_parts::Error> {
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

    #[test]
    fn other_types_are_left_alone_and_broken_images_refused() {
        assert_eq!(scrub("application/pdf", b"%PDF-1.4".to_vec()).unwrap(), None);
        let mut broken = with_metadata(image::ImageFormat::Png, "x", 1);
        broken.truncate(20);
        assert!(scrub("image/png", broken).is_err());
        assert!(scrub("image/jpeg", b"\xFF\xD8\xFF\xE0garbage".to_vec()).is_err());
    }
}

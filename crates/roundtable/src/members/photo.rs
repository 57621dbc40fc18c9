//! Profile photos: checked by their content (not their name or declared type), bounded in
//! size and pixels, and re-encoded, which drops every byte of metadata (EXIF locations,
//! camera serial numbers) the original carried.

use std::io::Cursor;

use image::{ImageFormat, ImageReader, Limits};

use crate::web::{AppError, Message};

pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Longest side of the stored photo, in pixels.
const SIDE: u32 = 320;
const MAX_SOURCE_SIDE: u32 = 8000;

/// Turn an upload into a small JPEG, or say why not.
pub fn process(bytes: &[u8]) -> Result<Vec<u8>, AppError> {
    if bytes.is_empty() {
        return Err(AppError::invalid("error-photo-empty"));
    }
    if bytes.len() > MAX_BYTES {
        return Err(AppError::Invalid(Message::new("error-photo-too-large").arg("mb", MAX_BYTES / (1024 * 1024))));
    }
    let format = image::guess_format(bytes).map_err(|_| AppError::invalid("error-photo-type"))?;
    if !matches!(format, ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) {
        return Err(AppError::invalid("error-photo-type"));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SOURCE_SIDE);
    limits.max_image_height = Some(MAX_SOURCE_SIDE);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let image = reader.decode().map_err(|_| AppError::invalid("error-photo-unreadable"))?;
    let small = image.thumbnail(SIDE, SIDE).to_rgb8();
    let mut out = Cursor::new(Vec::new());
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82);
    encoder.encode_image(&small).map_err(|e| AppError::Internal(anyhow::anyhow!("encoding photo: {e}")))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(width, height, image::Rgb([30, 90, 140]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn re_encodes_to_a_small_jpeg() {
        let jpeg = process(&png(1200, 800)).unwrap();
        assert_eq!(image::guess_format(&jpeg).unwrap(), ImageFormat::Jpeg);
        let decoded = image::load_from_memory(&jpeg).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (320, 213));
    }

    #[test]
    fn refuses_what_is_not_an_image() {
        assert!(process(b"").is_err());
        assert!(process(b"<svg xmlns='http://www.w3.org/2000/svg'></svg>").is_err());
        assert!(process(b"GIF89a......").is_err());
        let mut truncated = png(50, 50);
        truncated.truncate(40);
        assert!(process(&truncated).is_err());
    }
}

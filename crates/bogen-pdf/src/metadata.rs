//! Conformance and document information: PDF/A-3a (archival, with the record attached) and
//! PDF/UA-1 (accessible) in one file, title and language for readers, and a creation date
//! taken from the record, so the same record always gives the same bytes.

use krilla::configure::{Accessibility, Archival, ConfigurationBuilder, PdfVersion};
use krilla::metadata::{DateTime, Metadata};
use krilla::SerializeSettings;

use crate::error::PdfError;

/// Settings for a document that both validators accept.
pub(crate) fn settings() -> SerializeSettings {
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A3_A)
        .with_accessibility_validator(Accessibility::UA1)
        .with_version(PdfVersion::Pdf17)
        .finish()
        .expect("PDF/A-3a and PDF/UA-1 share PDF 1.7");
    SerializeSettings { configuration, enable_tagging: true, compress_content_streams: true, ..Default::default() }
}

/// Title (shown instead of the file name), language, dates and a document id that stays the
/// same across versions of one record.
pub(crate) fn metadata(title: &str, lang: &str, date: DateTime, document_id: String) -> Metadata {
    Metadata::new()
        .title(title.to_owned())
        .language(lang.to_owned())
        .creator("Bogen".to_owned())
        .creation_date(date)
        .document_id(document_id)
}

/// Reads an RFC 3339 timestamp (`2026-11-30T10:04:00+01:00`, fractions ignored).
pub(crate) fn date_time(stamp: &str) -> Result<DateTime, PdfError> {
    let bad = || PdfError::Pdf(format!("{stamp:?} is not an RFC 3339 timestamp"));
    let b = stamp.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Result<u16, PdfError> {
        let s = stamp.get(r).ok_or_else(bad)?;
        if !s.bytes().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        s.parse().map_err(|_| bad())
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' {
        return Err(bad());
    }
    let (month, day, hour, minute, second) = (num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return Err(bad());
    }
    let mut rest = &stamp[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        rest = fraction.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let (offset_hour, offset_minute): (i8, u8) = match rest {
        "Z" | "z" => (0, 0),
        _ if rest.len() == 6 && rest.as_bytes()[3] == b':' => {
            let sign: i8 = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return Err(bad()),
            };
            let h: i8 = rest[1..3].parse().map_err(|_| bad())?;
            let m: u8 = rest[4..6].parse().map_err(|_| bad())?;
            (sign * h, m)
        }
        _ => return Err(bad()),
    };
    Ok(DateTime::new(num(0..4)?)
        .month(month as u8)
        .day(day as u8)
        .hour(hour as u8)
        .minute(minute as u8)
        .second(second.min(59) as u8)
        .utc_offset_hour(offset_hour)
        .utc_offset_minute(offset_minute))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_from_records_are_read() {
        assert!(date_time("2026-11-30T10:04:00Z").is_ok());
        assert!(date_time("2026-11-30T10:04:00.123+01:00").is_ok());
        assert!(date_time("2026-11-30T10:04:00-05:30").is_ok());
        assert!(date_time("2026-11-30").is_err());
        assert!(date_time("2026-13-30T10:04:00Z").is_err());
        assert!(date_time("2026-11-30T10:04:00+0100").is_err());
    }
}

//! Dates as people type them in Germany (TT.MM.JJJJ) and as data stores them (ISO 8601).

/// Reads a typed date: `31.12.2024`, `1.2.2024` or ISO `2024-12-31`. Returns the ISO form, or
/// `None` when it is no date of the calendar (the caller keeps the typed text, so nothing typed
/// is lost, and validation then names the field).
pub fn parse_typed(text: &str) -> Option<String> {
    let text = text.trim();
    let (y, m, d) = if let Some((d, rest)) = text.split_once('.') {
        let (m, y) = rest.split_once('.')?;
        (y, m, d)
    } else {
        let mut parts = text.splitn(3, '-');
        let y = parts.next()?;
        let m = parts.next()?;
        let d = parts.next()?;
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        (y, m, d)
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) || y.len() != 4 || m.len() > 2 || d.len() > 2 {
        return None;
    }
    let (year, month, day): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// Shows an ISO date as TT.MM.JJJJ; anything else is shown as it is.
pub fn display(iso: &str) -> String {
    match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) if iso.len() == 10 && parse_typed(iso).is_some() => format!("{d}.{m}.{y}"),
        _ => iso.to_owned(),
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_and_iso_dates_are_read() {
        assert_eq!(parse_typed("31.12.2024").as_deref(), Some("2024-12-31"));
        assert_eq!(parse_typed(" 1.2.2024 ").as_deref(), Some("2024-02-01"));
        assert_eq!(parse_typed("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(parse_typed("29.02.2023"), None);
        assert_eq!(parse_typed("31.04.2024"), None);
        assert_eq!(parse_typed("12/31/2024"), None);
        assert_eq!(parse_typed("1.1.24"), None);
        assert_eq!(parse_typed("+1.1.2024"), None);
    }

    #[test]
    fn iso_dates_are_shown_german() {
        assert_eq!(display("2024-12-31"), "31.12.2024");
        assert_eq!(display("31.12.20x4"), "31.12.20x4");
    }
}

//! Calendar days for the rules of the Zielgruppen: ages and "five years since entry" are counted
//! in whole days of the calendar, and the caller says what day it is (core has no clock).

use std::fmt;

/// A day of the Gregorian calendar, ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: u32,
    month: u32,
    day: u32,
}

impl Day {
    /// A day from year, month and day; `None` when the calendar has no such day.
    pub fn new(year: u32, month: u32, day: u32) -> Option<Day> {
        let iso = format!("{year:04}-{month:02}-{day:02}");
        crate::date::parse_typed(&iso).map(|_| Day { year, month, day })
    }

    /// Reads ISO 8601 `JJJJ-MM-TT`, as the forms store dates.
    pub fn parse(iso: &str) -> Option<Day> {
        let iso = crate::date::parse_typed(iso).filter(|_| iso.trim().len() == 10 && iso.contains('-'))?;
        let (y, m, d) = (iso.get(0..4)?, iso.get(5..7)?, iso.get(8..10)?);
        Day::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The day `days` days after 1970-01-01, for callers that read a system clock.
    pub fn from_unix_days(days: u64) -> Day {
        // Howard Hinnant's days_from_civil inverse, for non-negative day numbers.
        let z = days + 719_468;
        let era = z / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400) as u32 + u32::from(month <= 2);
        Day { year, month, day }
    }

    /// The same day `years` later; 29 February becomes 28 February in a common year, as periods
    /// of years end under § 188 (3) BGB.
    pub fn plus_years(self, years: u32) -> Day {
        let year = self.year + years;
        Day::new(year, self.month, self.day).unwrap_or(Day { year, month: 2, day: 28 })
    }

    /// Whole years from `self` (a birthday) to `today`: the age on `today`.
    pub fn years_until(self, today: Day) -> Option<u32> {
        if today < self {
            return None;
        }
        let mut years = today.year - self.year;
        if self.plus_years(years) > today {
            years -= 1;
        }
        Some(years)
    }

    /// Whole months from `self` to `today`.
    pub fn months_until(self, today: Day) -> Option<u32> {
        if today < self {
            return None;
        }
        let mut months = (today.year - self.year) * 12 + today.month - self.month;
        if today.day < self.day && months > 0 {
            months -= 1;
        }
        Some(months)
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// Days travel as ISO strings, as in the forms' data.
impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> serde::Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Day, D::Error> {
        let text = String::deserialize(deserializer)?;
        Day::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not a day JJJJ-MM-TT")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(iso: &str) -> Day {
        Day::parse(iso).expect(iso)
    }

    #[test]
    fn ages_turn_on_the_birthday() {
        assert_eq!(day("2008-03-01").years_until(day("2026-02-28")), Some(17));
        assert_eq!(day("2008-03-01").years_until(day("2026-03-01")), Some(18));
        assert_eq!(day("2008-02-29").years_until(day("2026-02-28")), Some(18));
        assert_eq!(day("2026-03-02").years_until(day("2026-03-01")), None);
    }

    #[test]
    fn months_count_whole_months() {
        assert_eq!(day("2025-12-15").months_until(day("2026-12-14")), Some(11));
        assert_eq!(day("2025-12-15").months_until(day("2026-12-15")), Some(12));
    }

    #[test]
    fn unix_days_are_calendar_days() {
        assert_eq!(Day::from_unix_days(0), day("1970-01-01"));
        assert_eq!(Day::from_unix_days(20_513), day("2026-03-01"));
        assert_eq!(Day::from_unix_days(11_016), day("2000-02-29"));
    }

    #[test]
    fn only_iso_days_of_the_calendar_parse() {
        assert_eq!(Day::parse("2025-02-29"), None);
        assert_eq!(Day::parse("01.03.2025"), None);
        assert_eq!(Day::parse("2025-3-1"), None);
        assert_eq!(day("2024-02-29").plus_years(1), day("2025-02-28"));
    }
}

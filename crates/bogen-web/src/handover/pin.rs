//! The case manager's PIN for the handover: kept only in memory, and only as a salted SHA-256
//! digest, so what a participant could find in the page's memory is no PIN. Wrong tries are
//! counted: every fifth wrong one makes the next try wait, which keeps guessing slow.

use sha2::{Digest, Sha256};

/// Wrong tries before a wait.
pub const TRIES: u32 = 5;
/// The wait after every fifth wrong try, in milliseconds.
pub const WAIT_MS: f64 = 30_000.0;

/// Why a PIN could not be set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetError {
    /// Not 4 to 8 digits.
    Shape,
    /// The two entries differ.
    Mismatch,
}

/// What a try to return gave.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    Right,
    /// Wrong; this many tries remain before a wait.
    Wrong {
        left: u32,
    },
    /// Wrong or too early: no try before this time (ms since 1970).
    Wait {
        until: f64,
    },
}

/// A PIN set for one handover.
pub struct Pin {
    salt: [u8; 16],
    digest: [u8; 32],
    wrong: u32,
    wait_until: f64,
}

impl Pin {
    /// Sets a PIN from the two entries; `salt` comes from the browser's random numbers.
    pub fn set(first: &str, second: &str, salt: [u8; 16]) -> Result<Pin, SetError> {
        if !(4..=8).contains(&first.len()) || !first.bytes().all(|b| b.is_ascii_digit()) {
            return Err(SetError::Shape);
        }
        if first != second {
            return Err(SetError::Mismatch);
        }
        Ok(Pin { salt, digest: digest(&salt, first), wrong: 0, wait_until: 0.0 })
    }

    /// Until when a try must wait, if it must at `now`.
    pub fn waiting(&self, now: f64) -> Option<f64> {
        (now < self.wait_until).then_some(self.wait_until)
    }

    /// Checks a try at time `now` (ms since 1970).
    pub fn check(&mut self, attempt: &str, now: f64) -> Verdict {
        if now < self.wait_until {
            return Verdict::Wait { until: self.wait_until };
        }
        if digest(&self.salt, attempt) == self.digest {
            self.wrong = 0;
            return Verdict::Right;
        }
        self.wrong += 1;
        if self.wrong.is_multiple_of(TRIES) {
            self.wait_until = now + WAIT_MS;
            return Verdict::Wait { until: self.wait_until };
        }
        Verdict::Wrong { left: TRIES - self.wrong % TRIES }
    }
}

fn digest(salt: &[u8], pin: &str) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(salt);
    hash.update(pin.as_bytes());
    hash.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_four_to_eight_digits_entered_twice() {
        assert_eq!(Pin::set("123", "123", [0; 16]).err(), Some(SetError::Shape));
        assert_eq!(Pin::set("123456789", "123456789", [0; 16]).err(), Some(SetError::Shape));
        assert_eq!(Pin::set("12a4", "12a4", [0; 16]).err(), Some(SetError::Shape));
        assert_eq!(Pin::set("1234", "1235", [0; 16]).err(), Some(SetError::Mismatch));
        assert!(Pin::set("12345678", "12345678", [0; 16]).is_ok());
    }

    #[test]
    fn the_pin_is_kept_only_as_a_salted_digest() {
        let a = Pin::set("4711", "4711", [1; 16]).unwrap();
        let b = Pin::set("4711", "4711", [2; 16]).unwrap();
        assert_ne!(a.digest, b.digest, "the same PIN under another salt gives another digest");
        assert!(!a.digest.windows(4).any(|w| w == b"4711"));
    }

    #[test]
    fn five_wrong_tries_make_the_next_wait_thirty_seconds() {
        let mut pin = Pin::set("2468", "2468", [7; 16]).unwrap();
        for left in (1..TRIES).rev() {
            assert_eq!(pin.check("0000", 0.0), Verdict::Wrong { left });
        }
        assert_eq!(pin.check("0000", 1.0), Verdict::Wait { until: 1.0 + WAIT_MS });
        assert_eq!(pin.check("2468", 2.0), Verdict::Wait { until: 1.0 + WAIT_MS }, "even the right PIN waits");
        assert_eq!(pin.check("2468", 1.0 + WAIT_MS), Verdict::Right);
    }
}

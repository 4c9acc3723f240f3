//! The directory of Beratungsangebote and the texts of the reasons: built in from
//! `forms/netzwerk/`, or a directory file a Träger keeps (`--directory`).

use std::path::Path;

use bogen_core::netzwerk::{Day, Directory};
use bogen_core::Texts;

use crate::catalogue::{NETWORK_DIRECTORY, NETWORK_TEXTS};
use crate::failure::Unusable;
use crate::input;

/// The directory from `file`, or the built-in one.
pub fn directory(file: Option<&Path>) -> Result<Directory, Unusable> {
    match file {
        Some(path) => {
            let text = input::read_text(path)?;
            Directory::from_json(&text).map_err(|e| Unusable::file(path, format!("not a usable directory: {e}")))
        }
        None => {
            let text = NETWORK_DIRECTORY
                .ok_or_else(|| Unusable::general("this bogen has no built-in directory; give one with --directory"))?;
            Directory::from_json(text).map_err(|e| {
                Unusable::general(format!("built-in directory forms/netzwerk/angebote.json is broken: {e}"))
            })
        }
    }
}

/// The reason texts of `lang`.
pub fn texts(lang: &str) -> Result<Texts, Unusable> {
    let Some((_, text)) = NETWORK_TEXTS.iter().find(|(l, _)| *l == lang) else {
        let available: Vec<&str> = NETWORK_TEXTS.iter().map(|(l, _)| *l).collect();
        return Err(Unusable::general(format!("no texts for language {lang:?} (available: {})", available.join(", "))));
    };
    Texts::from_json(text)
        .map_err(|e| Unusable::general(format!("built-in texts forms/netzwerk/i18n/{lang}.json are broken: {e}")))
}

/// A day given as `--today` or `--entered`: ISO 8601.
pub fn day(flag: &str, text: &str) -> Result<Day, Unusable> {
    Day::parse(text)
        .ok_or_else(|| Unusable::general(format!("{flag} {text:?} is not a date JJJJ-MM-TT (e.g. 2022-03-01)")))
}

/// Today by the system clock (UTC), unless `--today` says otherwise.
pub fn today(given: Option<&str>) -> Result<Day, Unusable> {
    if let Some(text) = given {
        return day("--today", text);
    }
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| Unusable::general("the system clock is before 1970; give the date with --today"))?;
    Ok(Day::from_unix_days(since.as_secs() / 86_400))
}

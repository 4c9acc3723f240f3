//! The KIM network in the Screeningbogen: the Zielgruppen suggestion beside the decision and the
//! referral finder for a person not taken in. Both only suggest, with their reasons; the case
//! manager's decision and choice are form fields. The directory of Beratungsangebote is fetched
//! the first time a form asks for it (`load`), so other forms never pay for it.
//!
//! A field opts in with `ui:options.netzwerk`: `"vorschlag"` on the decision shows the
//! suggestion before it, `"verweis"` on the list of chosen offers renders the finder instead of
//! a list editor.

mod finder;
mod load;
mod offer;
mod suggestion;
mod watch;

use bogen_core::netzwerk::Day;
use yew::prelude::*;

use crate::field::FieldProps;

pub use finder::Finder;
pub use load::netzwerk_loaded;
pub use suggestion::Suggestion;

/// The field with its part of the network, or `None` when `part` is unknown.
pub fn view(part: &str, props: FieldProps, field: Html) -> Html {
    match part {
        "vorschlag" => html! { <><Suggestion />{ field }</> },
        "verweis" => html! { <Finder ..props /> },
        _ => field,
    }
}

/// Today in the person's time zone: ages and years since entry turn on the local calendar day.
fn today() -> Day {
    let now = js_sys::Date::new_0();
    Day::new(now.get_full_year(), now.get_month() + 1, now.get_date()).unwrap_or_else(|| Day::from_unix_days(0))
}

/// Whether a change at `pointer` can change the suggestion or the offers.
fn relevant(pointer: &str) -> bool {
    const READS: &[&str] =
        &["/person/geburtsdatum", "/person/einreisedatum", "/person/herkunftsregion", "/erstgespraech/kommune"];
    const GROUPS: &[&str] = &["/aufenthalt/", "/zielgruppe/", "/hilfebedarf/"];
    READS.contains(&pointer) || GROUPS.iter().any(|g| pointer.starts_with(g))
}

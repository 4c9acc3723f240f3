//! The Zielgruppen suggestion beside the decision: which Zielgruppe matches and why, or which
//! fact is missing, and whether the need is complex. It is computed from the answers each time
//! one it reads changes and never writes the decision. A changed proposal is announced once,
//! politely; the reasons are there to read, not to be read out on every keystroke.

use bogen_core::netzwerk::view::{self, CheckView, SuggestionView};
use bogen_core::netzwerk::{from_screening, suggest};
use yew::prelude::*;

use super::load::{use_netzwerk, Load};
use super::watch::use_changes;
use super::{relevant, today};
use crate::view::use_form;

#[function_component]
pub fn Suggestion() -> Html {
    let form = use_form();
    use_changes(&form, relevant);
    let load = use_netzwerk(&form);
    let announced = use_mut_ref(|| None::<String>);
    let computed = match &load {
        Load::Ready(netzwerk) => {
            let person = from_screening(&form.data(), today());
            Some((view::suggestion(&suggest(&person, today()), &netzwerk.texts), netzwerk.lang.clone()))
        }
        _ => None,
    };
    let spoken = computed.as_ref().map(|(s, _)| spoken(s));
    {
        let form = form.clone();
        use_effect_with(spoken, move |spoken| {
            let before = announced.replace(spoken.clone());
            if let (Some(before), Some(now)) = (before, spoken) {
                if before != *now {
                    form.announce(now.clone().into());
                }
            }
        });
    }
    let heading_id = form.ids.part("netzwerk-vorschlag");
    let body = match (&load, computed) {
        (_, Some((s, lang))) => panel(&s, (lang != form.lang).then_some(lang)),
        (Load::Failed, _) => html! { <p class="bogen-hint">{ form.ui("netzwerk.fehler") }</p> },
        _ => html! { <p class="bogen-hint">{ form.ui("netzwerk.laden") }</p> },
    };
    html! {
        <section class="bogen-netzwerk" aria-labelledby={heading_id.clone()}>
            <h3 class="bogen-netzwerk__heading" id={heading_id}>{ form.ui("netzwerk.vorschlag.titel") }</h3>
            { body }
        </section>
    }
}

/// What the live region says: the proposal and the Zielgruppen that match.
fn spoken(s: &SuggestionView) -> String {
    let matching: Vec<&str> =
        s.zielgruppen.iter().filter(|g| g.verdict == "erfuellt").map(|g| g.title.as_str()).collect();
    if matching.is_empty() {
        s.proposal_text.clone()
    } else {
        format!("{} {}", s.proposal_text, matching.join("; "))
    }
}

/// The suggestion; `lang` is set when its texts are in another language than the form's.
fn panel(s: &SuggestionView, lang: Option<String>) -> Html {
    html! {
        <div lang={lang}>
            <p class={classes!("bogen-netzwerk__proposal", format!("bogen-netzwerk__proposal--{}", s.proposal))}>
                { s.proposal_text.clone() }
            </p>
            <ul class="bogen-netzwerk__checks">
                { for s.zielgruppen.iter().map(check) }
                { check(&s.hilfebedarf) }
            </ul>
        </div>
    }
}

fn check(c: &CheckView) -> Html {
    html! {
        <li class={classes!("bogen-netzwerk__check", format!("bogen-netzwerk__check--{}", c.verdict))}>
            <span class="bogen-netzwerk__title">{ c.title.clone() }</span>{ ": " }
            <strong class="bogen-netzwerk__verdict">{ c.verdict_text.clone() }</strong>
            <ul class="bogen-netzwerk__reasons">
                { for c.reasons.iter().map(|r| html! { <li>{ r.text.clone() }</li> }) }
            </ul>
        </li>
    }
}

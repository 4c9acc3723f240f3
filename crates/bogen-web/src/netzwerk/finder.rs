//! The referral finder, in place of the list of chosen offers (`ergebnis.verweisAngebote`): the
//! offers that fit the person in their town (neighbouring towns marked), each with its reasons
//! and contact data, to tick. Ticking copies the offer into the data; an offer chosen earlier
//! that no longer fits the answers stays ticked above the list until it is unticked.

use bogen_core::netzwerk::chosen::{self, Chosen};
use bogen_core::netzwerk::{find, from_screening, view, NetzwerkBundle};
use serde_json::Value;
use yew::prelude::*;

use super::load::{use_netzwerk, Load};
use super::offer::{chosen_item, offer_item};
use super::watch::use_changes;
use super::{relevant, today};
use crate::field::{error_message, hint, use_message, FieldProps, Parts};
use crate::state::Form;
use crate::view::use_form;

#[function_component]
pub fn Finder(props: &FieldProps) -> Html {
    let form = use_form();
    // Its own list too: unticking an offer kept from earlier answers takes it off the screen.
    let own = props.pointer.clone();
    use_changes(&form, move |p| relevant(p) || p.starts_with(own.as_str()));
    let load = use_netzwerk(&form);
    let message = use_message(&form, &props.pointer);
    let field = &props.node.field;
    let parts = Parts::new(form.ids.field(&props.pointer), field.help.is_some(), message.is_some());
    let chosen = form.with_value(&props.pointer, chosen::read);
    let ontoggle = {
        let (form, pointer) = (form.clone(), props.pointer.clone());
        Callback::from(move |(offer, on): (Chosen, bool)| {
            let value = form.with_value(&pointer, |current| chosen::toggle(current, offer, on));
            form.write(&pointer, value);
        })
    };
    let body = match &load {
        Load::Ready(netzwerk) => offers(&form, netzwerk, &parts.id, &chosen, &ontoggle),
        Load::Failed => html! { <p class="bogen-hint">{ form.ui("netzwerk.fehler") }</p> },
        Load::Pending => html! { <p class="bogen-hint">{ form.ui("netzwerk.laden") }</p> },
    };
    let listed: Vec<&Chosen> = chosen.iter().collect();
    html! {
        <div class={classes!("bogen-form-group", "bogen-netzwerk", message.is_some().then_some("bogen-form-group--error"))}>
            <fieldset class="bogen-fieldset" id={parts.id.clone()} tabindex="-1" aria-describedby={parts.describedby()}>
                <legend class="bogen-fieldset__legend">{ props.label.clone() }</legend>
                { hint(&parts, field.help.as_deref()) }
                { error_message(&form, &parts, &message) }
                { body_with_kept(&form, &parts.id, &load, &listed, &ontoggle) }
                { body }
            </fieldset>
        </div>
    }
}

/// Offers chosen earlier that the current answers no longer list: kept and shown, never dropped.
fn body_with_kept(form: &Form, id: &str, load: &Load, chosen: &[&Chosen], ontoggle: &Callback<(Chosen, bool)>) -> Html {
    let listed = match load {
        Load::Ready(netzwerk) => listed_ids(form, netzwerk),
        _ => Vec::new(),
    };
    let kept: Vec<&&Chosen> = chosen.iter().filter(|c| !listed.contains(&c.id)).collect();
    if kept.is_empty() {
        return html! {};
    }
    html! {
        <div class="bogen-netzwerk__kept">
            <p class="bogen-netzwerk__subheading">{ form.ui("netzwerk.verweis.gewaehlt") }</p>
            <div class="bogen-checkboxes">
                { for kept.iter().map(|c| chosen_item(id, c, ontoggle)) }
            </div>
        </div>
    }
}

/// The person's town as the form holds it (`erstgespraech.kommune`, an id of the directory).
fn town(form: &Form) -> Option<String> {
    form.with_value("/erstgespraech/kommune", |v| v.and_then(Value::as_str).map(str::to_owned))
}

fn listed_ids(form: &Form, netzwerk: &NetzwerkBundle) -> Vec<String> {
    let Some(town) = town(form) else { return Vec::new() };
    let person = from_screening(&form.data(), today());
    find(&netzwerk.directory, &town, &person, today())
        .map(|found| found.iter().map(|r| r.offer.id.clone()).collect())
        .unwrap_or_default()
}

fn offers(
    form: &Form,
    netzwerk: &NetzwerkBundle,
    id: &str,
    chosen: &[Chosen],
    ontoggle: &Callback<(Chosen, bool)>,
) -> Html {
    let Some(home) = town(form).and_then(|t| netzwerk.directory.town(&t).cloned()) else {
        return html! { <p class="bogen-hint">{ form.ui("netzwerk.verweis.keineKommune") }</p> };
    };
    let person = from_screening(&form.data(), today());
    let found = find(&netzwerk.directory, &home.id, &person, today()).unwrap_or_default();
    let views = view::offers(&found, &netzwerk.directory, &netzwerk.texts);
    let reasons_lang = (netzwerk.lang != form.lang).then(|| netzwerk.lang.clone());
    let heading = form.ui_fill("netzwerk.verweis.titel", &[("stadt", &home.name)]);
    if views.is_empty() {
        return html! {
            <>
                <p class="bogen-netzwerk__subheading">{ heading }</p>
                <p class="bogen-hint">{ form.ui_fill("netzwerk.verweis.keine", &[("stadt", &home.name)]) }</p>
            </>
        };
    }
    html! {
        <>
            <p class="bogen-netzwerk__subheading">{ heading }</p>
            <p class="bogen-hint">{ form.ui_fill("netzwerk.verweis.stand", &[("stand", &netzwerk.directory.stand)]) }</p>
            <div class="bogen-checkboxes bogen-netzwerk__offers">
                { for views.iter().map(|o| {
                    let ticked = chosen.iter().any(|c| c.id == o.id);
                    offer_item(form, id, o, ticked, reasons_lang.clone(), ontoggle)
                }) }
            </div>
        </>
    }
}

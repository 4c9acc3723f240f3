//! One offer of the finder: a checkbox named by the offer, and beneath it what the case manager
//! needs on the phone: Träger, town, target group, why it fits, rooms and contact. The
//! directory's own wording is German, as in the concept's Anhang, and marked so.

use bogen_core::netzwerk::view::OfferView;
use bogen_core::netzwerk::Chosen;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::Form;

/// The directory's wording is German whatever the form's language.
const DIRECTORY_LANG: &str = "de";

pub fn offer_item(
    form: &Form,
    field_id: &str,
    o: &OfferView,
    ticked: bool,
    reasons_lang: Option<String>,
    ontoggle: &Callback<(Chosen, bool)>,
) -> Html {
    let id = format!("{field_id}-{}", o.id);
    let details_id = format!("{id}-details");
    let onchange = toggle(Chosen::of(o), ontoggle);
    let row = |key: &str, value: Option<&String>| match value.filter(|v| !v.trim().is_empty()) {
        Some(v) => html! { <><dt>{ form.ui(key) }</dt><dd lang={DIRECTORY_LANG}>{ v.clone() }</dd></> },
        None => html! {},
    };
    let contact = o.contact.clone().unwrap_or_default();
    let town = if o.neighbouring_town {
        format!("{} ({})", o.town, form.ui("netzwerk.verweis.nachbarstadt"))
    } else {
        o.town.clone()
    };
    html! {
        <div class={classes!("bogen-checkboxes__item", "bogen-netzwerk__offer", o.neighbouring_town.then_some("bogen-netzwerk__offer--nachbarstadt"))}>
            <input class="bogen-checkboxes__input" type="checkbox" id={id.clone()} value={o.id.clone()}
                checked={ticked} aria-describedby={details_id.clone()} {onchange} />
            <label class="bogen-label bogen-checkboxes__label" for={id} lang={DIRECTORY_LANG}>{ o.name.clone() }</label>
            <dl class="bogen-checkboxes__hint bogen-netzwerk__details" id={details_id}>
                { row("netzwerk.verweis.traeger", o.traeger.as_ref()) }
                <dt>{ form.ui("netzwerk.verweis.stadt") }</dt><dd>{ town }</dd>
                { row("netzwerk.verweis.zielgruppe", Some(&o.target_group)) }
                <dt>{ form.ui("netzwerk.verweis.gruende") }</dt>
                <dd lang={reasons_lang}>
                    <ul class="bogen-netzwerk__reasons">
                        { for o.reasons.iter().map(|r| html! { <li>{ r.text.clone() }</li> }) }
                    </ul>
                </dd>
                { row("netzwerk.verweis.schwerpunkt", o.focus.as_ref()) }
                { row("netzwerk.verweis.raeume", o.rooms.as_ref()) }
                { row("netzwerk.verweis.telefon", contact.telefon.as_ref()) }
                { row("netzwerk.verweis.email", contact.email.as_ref()) }
                { row("netzwerk.verweis.web", contact.web.as_ref()) }
                { row("netzwerk.verweis.sprechzeiten", contact.sprechzeiten.as_ref()) }
            </dl>
        </div>
    }
}

/// An offer chosen earlier that the answers no longer list, by what the record holds of it.
pub fn chosen_item(field_id: &str, c: &Chosen, ontoggle: &Callback<(Chosen, bool)>) -> Html {
    let id = format!("{field_id}-{}", c.id);
    let text = match &c.traeger {
        Some(t) => format!("{} ({t}), {}", c.name, c.stadt),
        None => format!("{}, {}", c.name, c.stadt),
    };
    html! {
        <div class="bogen-checkboxes__item">
            <input class="bogen-checkboxes__input" type="checkbox" id={id.clone()} value={c.id.clone()}
                checked=true onchange={toggle(c.clone(), ontoggle)} />
            <label class="bogen-label bogen-checkboxes__label" for={id} lang={DIRECTORY_LANG}>{ text }</label>
        </div>
    }
}

fn toggle(offer: Chosen, ontoggle: &Callback<(Chosen, bool)>) -> Callback<Event> {
    let ontoggle = ontoggle.clone();
    Callback::from(move |e: Event| {
        let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        ontoggle.emit((offer.clone(), input.checked()));
    })
}

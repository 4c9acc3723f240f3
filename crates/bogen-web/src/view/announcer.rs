//! A hidden live region for what changes without a visible message where the person is
//! (an item moved, added or removed).

use yew::prelude::*;

use super::use_form;

#[function_component]
pub fn Announcer() -> Html {
    let form = use_form();
    let text = use_state(AttrValue::default);
    {
        let (form, text) = (form.clone(), text.setter());
        use_effect_with((), move |_| {
            let listener = Callback::from(move |t| text.set(t));
            form.on_announce(listener.clone());
            move || form.off_announce(&listener)
        });
    }
    html! { <div class="bogen-visually-hidden" role="status">{ (*text).clone() }</div> }
}

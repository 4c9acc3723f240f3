//! The status region: what became of loading, saving and submitting. It is always in the page,
//! so screen readers announce each new message.

use yew::prelude::*;

use super::use_form;

#[function_component]
pub fn StatusView() -> Html {
    let form = use_form();
    let update = use_force_update();
    {
        let form = form.clone();
        use_effect_with((), move |_| {
            let listener = Callback::from(move |_| update.force_update());
            form.on_status(listener.clone());
            move || form.off_status(&listener)
        });
    }
    let status = form.status();
    html! {
        <div class="bogen-status" role="status" id={form.ids.part("status")}>
            if let Some(status) = status {
                <p class={classes!("bogen-status__text", status.error.then_some("bogen-status__text--error"))}>
                    { status.text }
                </p>
            }
        </div>
    }
}

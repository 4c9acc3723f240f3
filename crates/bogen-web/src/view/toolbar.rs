//! Saving the record to a file and loading one: case managers keep drafts and move them
//! between systems as files; and the participant's PDF.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::use_form;
use crate::download;
use crate::events;
use crate::import;
use crate::pdf;
use crate::state::Status;

#[function_component]
pub fn Toolbar() -> Html {
    let form = use_form();
    let file_input = use_node_ref();
    let save = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            let record = form.record();
            let json = record.to_json();
            let name = download::file_name(&form.bundle.id);
            let status = match download::offer(&name, &json) {
                Ok(()) => {
                    events::dispatch(&form.element, events::SAVE, &events::detail(&[("record", events::json(&json))]));
                    Status { text: form.ui_fill("save.done", &[("file", &name)]), error: false }
                }
                Err(_) => Status { text: form.ui("save.failed"), error: true },
            };
            form.set_status(Some(status));
        })
    };
    let pick = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let picked = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let file = input.files().and_then(|files| files.get(0));
            // Cleared so that picking the same file again (after fixing it) loads it again.
            input.set_value("");
            if let Some(file) = file {
                import::load_file(form.clone(), file);
            }
        })
    };
    let make_pdf = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| pdf::request(&form))
    };
    html! {
        <div class="bogen-toolbar" part="toolbar">
            <button type="button" class="bogen-button bogen-button--secondary" part="button" onclick={save}>
                { form.ui("save") }
            </button>
            if !form.read_only() {
                <button type="button" class="bogen-button bogen-button--secondary" part="button" onclick={pick}>
                    { form.ui("load") }
                </button>
            }
            <button type="button" class="bogen-button bogen-button--secondary" part="button" onclick={make_pdf}>
                { form.ui("pdf") }
            </button>
            <input type="file" accept=".json,application/json" hidden=true ref={file_input} onchange={picked} />
        </div>
    }
}

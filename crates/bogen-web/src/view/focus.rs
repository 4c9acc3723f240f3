//! Moving focus: to a field named in the error summary, or after a list changed, so keyboard
//! and screen reader users stay where they were working.

use wasm_bindgen::JsCast;
use web_sys::{FocusOptions, HtmlElement};

use crate::root::Root;
use crate::state::Form;

fn document(form: &Form) -> Option<Root> {
    Root::of(&form.element)
}

/// Focuses the field of `pointer`. An item of a long list may not be built yet: then all lists
/// are asked to finish and the field is looked for again after they rendered; a field that
/// does not show (a hidden one) leads to the nearest enclosing one.
pub fn field(form: &Form, pointer: &str) {
    let Some(doc) = document(form) else { return };
    if doc.element_by_id(&form.ids.field(pointer)).is_some() {
        return nearest(form, &doc, pointer);
    }
    form.reveal_all();
    let (form, pointer) = (form.clone(), pointer.to_owned());
    yew::platform::spawn_local(async move {
        // Each round renders one more level of nested lists.
        for _ in 0..4 {
            yew::platform::time::sleep(std::time::Duration::ZERO).await;
            if doc.element_by_id(&form.ids.field(&pointer)).is_some() {
                break;
            }
            form.reveal_all();
        }
        nearest(&form, &doc, &pointer);
    });
}

/// Focuses the element of `pointer` or of its nearest enclosing field, scrolling its label into
/// view first, as GOV.UK does.
fn nearest(form: &Form, doc: &Root, pointer: &str) {
    let mut pointer = pointer.to_owned();
    loop {
        if let Some(element) = doc.element_by_id(&form.ids.field(&pointer)) {
            if let Ok(Some(group)) = element.closest(".bogen-form-group, .bogen-fieldset, .bogen-section") {
                group.scroll_into_view();
            }
            if let Ok(element) = element.dyn_into::<HtmlElement>() {
                let options = FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = element.focus_with_options(&options);
            }
            return;
        }
        match pointer.rsplit_once('/') {
            Some((parent, _)) => pointer = parent.to_owned(),
            None => return,
        }
    }
}

/// Focuses the element with `id`.
pub fn id(form: &Form, id: &str) {
    if let Some(element) = document(form).and_then(|d| d.element_by_id(id)) {
        if let Ok(element) = element.dyn_into::<HtmlElement>() {
            let _ = element.focus();
        }
    }
}

/// Focuses the first input inside the element with `id` (a new list item), or the element.
pub fn first_input(form: &Form, id: &str) {
    let Some(container) = document(form).and_then(|d| d.element_by_id(id)) else { return };
    let target = container.query_selector("input, select, textarea").ok().flatten().unwrap_or(container);
    if let Ok(element) = target.dyn_into::<HtmlElement>() {
        let _ = element.focus();
    }
}

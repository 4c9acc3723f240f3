//! The form around its fields: title, toolbar, status, error summary and the submit button.

mod announcer;
pub mod focus;
mod status;
mod summary;
mod toolbar;

use bogen_core::path;
use yew::prelude::*;

use crate::field::{field_view, FieldProps};
use crate::signature::Signatures;
use crate::state::Form;
use announcer::Announcer;
use status::StatusView;
use summary::Summary;
use toolbar::Toolbar;

#[derive(Properties, PartialEq)]
pub struct FormViewProps {
    pub form: Form,
}

/// The mounted form's state, for any component below the root.
#[hook]
pub fn use_form() -> Form {
    use_context::<Form>().expect("components of a form are rendered inside FormView")
}

#[function_component]
pub fn FormView(props: &FormViewProps) -> Html {
    let form = props.form.clone();
    // New data (setData, a loaded record) renders every field anew: a new generation is a new key.
    // Siblings' keys must differ too (Yew refuses a list with a key twice), hence the prefixes.
    let generation = form.reloads();
    let update = use_force_update();
    {
        let form = form.clone();
        use_effect_with((), move |_| {
            let listener = Callback::from(move |_| update.force_update());
            form.on_reload(listener.clone());
            // A host that loads a record right after mounting does so before this effect runs:
            // the first render showed the data before it.
            if form.reloads() != generation {
                listener.emit(());
            }
            move || form.off_reload(&listener)
        });
    }
    let texts = &form.bundle.texts;
    let title_id = form.ids.part("title");
    let onsubmit = {
        let form = form.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            form.submit();
        })
    };
    let read_only = form.read_only();
    let class = classes!("bogen", read_only.then_some("bogen--readonly"));
    html! {
        <ContextProvider<Form> context={form.clone()}>
            <div {class} part="root" lang={texts.lang.clone()} dir={direction(&texts.lang)}>
                <h1 class="bogen-title" part="title" id={title_id.clone()}>{ form.bundle.title().to_owned() }</h1>
                if let Some(description) = &texts.form.description {
                    <p class="bogen-lead">{ description.clone() }</p>
                }
                if !texts.reviewed {
                    <p class="bogen-notice">{ form.ui("unreviewed") }</p>
                }
                <Toolbar key={format!("toolbar-{generation}")} />
                <crate::participant::ParticipantControls key={format!("participant-{generation}")} />
                <StatusView />
                <Summary key={format!("summary-{generation}")} />
                <form class="bogen-form" part="form" novalidate=true aria-labelledby={title_id} {onsubmit}>
                    // A disabled fieldset disables every control inside it: one switch for reading only.
                    <fieldset class="bogen-frame" disabled={read_only}>
                        <Fields key={format!("fields-{generation}")} />
                        <Signatures key={format!("signatures-{generation}")} />
                    </fieldset>
                    if !read_only {
                        <div class="bogen-actions">
                            <button type="submit" class="bogen-button" part="button submit">{ form.ui("submit") }</button>
                        </div>
                    }
                </form>
                <Announcer />
                <crate::handover::Handover />
            </div>
        </ContextProvider<Form>>
    }
}

#[function_component]
fn Fields() -> Html {
    let form = use_form();
    let root = form.tree.clone();
    html! {
        <>{ for root.children.iter().map(|child| field_view(FieldProps {
            node: child.clone(),
            pointer: path::join("", &child.field.name).into(),
            label: child.field.label.clone().into(),
            level: 2,
        })) }</>
    }
}

/// `dir` of the form's root: the whole form mirrors for Arabic and Persian; values typed inside
/// it (names, numbers) are isolated by the inputs themselves (`dir="auto"`).
fn direction(lang: &str) -> &'static str {
    if bogen_core::texts::is_right_to_left(lang) {
        "rtl"
    } else {
        "ltr"
    }
}

//! An object: a section with a heading at the top of the form, a fieldset with a legend below,
//! so the structure is heard as well as seen.

use bogen_core::path;
use yew::prelude::*;

use super::frame::{error_message, hint, Parts};
use super::{field_view, use_message, FieldProps, FollowUpField};
use crate::participant::aside;
use crate::view::use_form;

#[function_component]
pub fn GroupField(props: &FieldProps) -> Html {
    let form = use_form();
    let field = &props.node.field;
    let message = use_message(&form, &props.pointer);
    let parts = Parts::new(form.ids.field(&props.pointer), field.help.is_some(), message.is_some());
    let children = html! {
        <>{ for props.node.children.iter().map(|child| {
            let child_props = FieldProps {
                node: child.clone(),
                pointer: path::join(&props.pointer, &child.field.name).into(),
                label: child.field.label.clone().into(),
                level: props.level + 1,
            };
            if form.bundle.conditions().governs(&child.field.key) {
                html! { <FollowUpField ..child_props /> }
            } else {
                field_view(child_props)
            }
        }) }</>
    };
    let heading_id = format!("{}-heading", parts.id);
    if props.level <= 2 {
        html! {
            <section class="bogen-section" part="section" id={parts.id.clone()} tabindex="-1" aria-labelledby={heading_id.clone()}
                aria-describedby={parts.describedby()}>
                <h2 class="bogen-heading" id={heading_id}>{ props.label.clone() }{ aside::label(&form, &field.key) }</h2>
                { hint(&parts, field.help.as_deref()) }{ aside::help(&form, &field.key) }
                { error_message(&form, &parts, &message) }
                { children }
            </section>
        }
    } else {
        html! {
            <fieldset class="bogen-fieldset bogen-group" id={parts.id.clone()} tabindex="-1"
                aria-describedby={parts.describedby()}>
                <legend class="bogen-fieldset__legend bogen-fieldset__legend--group">
                    { props.label.clone() }{ aside::label(&form, &field.key) }
                </legend>
                { hint(&parts, field.help.as_deref()) }{ aside::help(&form, &field.key) }
                { error_message(&form, &parts, &message) }
                { children }
            </fieldset>
        }
    }
}

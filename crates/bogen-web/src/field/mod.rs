//! One component per kind of field. Each keeps what its input shows as its own state and
//! re-renders only when its message changes, so typing costs no re-render of the form.

mod boolean;
mod checkboxes;
mod choice;
mod convert;
mod follow_up;
mod frame;
mod group;
mod text;

use std::rc::Rc;

use bogen_core::FieldKind;
use yew::prelude::*;

use crate::list::ListField;
use crate::state::Form;
use crate::tree::Node;

pub use follow_up::FollowUpField;
pub use frame::{error_message, hint, Parts};

#[derive(Properties, PartialEq, Clone)]
pub struct FieldProps {
    pub node: Rc<Node>,
    pub pointer: AttrValue,
    /// The field's label, or a numbered one for an item of a list ("Ziel 2").
    pub label: AttrValue,
    /// Heading level of a group at this depth: 2 is a section of the form, deeper a fieldset.
    pub level: u8,
}

/// The component for a field's kind (a function, not a component: one layer less per field).
pub fn field_view(props: FieldProps) -> Html {
    if let Some(part) = props.node.netzwerk.clone() {
        let field = kind_view(props.clone());
        return crate::netzwerk::view(&part, props, field);
    }
    kind_view(props)
}

fn kind_view(props: FieldProps) -> Html {
    match &props.node.field.kind {
        FieldKind::Group { .. } => html! { <group::GroupField ..props /> },
        FieldKind::List { .. } => html! { <ListField ..props /> },
        FieldKind::Boolean => html! { <boolean::BooleanField ..props /> },
        FieldKind::Choice { radio: true, .. } => html! { <choice::RadioField ..props /> },
        FieldKind::Choice { radio: false, .. } => html! { <choice::SelectField ..props /> },
        FieldKind::MultiChoice { .. } => html! { <checkboxes::CheckboxesField ..props /> },
        FieldKind::Text { .. } | FieldKind::Textarea { .. } | FieldKind::Number { .. } | FieldKind::Date => {
            html! { <text::TextField ..props /> }
        }
    }
}

/// The message shown at `pointer`, kept current by the form: the component re-renders only
/// when it changes. Follows the pointer when an item moves.
#[hook]
pub fn use_message(form: &Form, pointer: &AttrValue) -> Option<AttrValue> {
    let message = use_state_eq(|| form.message(pointer));
    {
        let (form, setter) = (form.clone(), message.setter());
        use_effect_with(pointer.clone(), move |pointer| {
            let listener = {
                let setter = setter.clone();
                Callback::from(move |m| setter.set(m))
            };
            let id = form.subscribe(pointer, listener);
            setter.set(form.message(pointer));
            let pointer = pointer.clone();
            move || form.unsubscribe(&pointer, id)
        });
    }
    (*message).clone()
}

/// Whether a field is marked "(optional)": GOV.UK marks the exceptions, and most fields of
/// these forms are required.
pub fn is_optional(node: &Node) -> bool {
    match &node.field.kind {
        FieldKind::Boolean | FieldKind::Group { .. } => false,
        FieldKind::List { min_items, .. } => !node.field.required && *min_items == 0,
        _ => !node.field.required,
    }
}

//! One item of a list: its fields in a fieldset named "Ziel 2", and buttons that say which item
//! they act on (the visible text is short, the accessible name names the item).

use std::rc::Rc;

use bogen_core::{path, FieldKind};
use yew::prelude::*;

use super::{item_id, Action};
use crate::field::{error_message, field_view, use_message, FieldProps, Parts};
use crate::tree::Node;
use crate::view::use_form;

#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub node: Rc<Node>,
    pub item_key: u64,
    pub list_id: AttrValue,
    pub pointer: AttrValue,
    pub label: AttrValue,
    pub first: bool,
    pub last: bool,
    pub level: u8,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn ListItem(props: &ItemProps) -> Html {
    let form = use_form();
    let key = props.item_key;
    let container = item_id(&props.list_id, key);
    let button = |name: &'static str, text: &str, action: Action, disabled: bool, class: &'static str| {
        html! {
            <button type="button" class={classes!("bogen-button", "bogen-button--secondary", class)}
                id={format!("{container}-{name}")} aria-disabled={disabled.then_some("true")}
                onclick={props.on_action.reform(move |_: MouseEvent| action)}>
                { text.to_owned() }<span class="bogen-visually-hidden">{ " " }{ props.label.clone() }</span>
            </button>
        }
    };
    let actions = if form.read_only() {
        html! {}
    } else {
        html! {
        <div class="bogen-item__actions">
            { button("up", &form.ui("list.up"), Action::Up(key), props.first, "bogen-item__move") }
            { button("down", &form.ui("list.down"), Action::Down(key), props.last, "bogen-item__move") }
            { button("remove", &form.ui("list.remove"), Action::Remove(key), false, "bogen-button--warning") }
        </div>
        }
    };
    if let FieldKind::Group { .. } = &props.node.field.kind {
        html! {
            <li class="bogen-item" id={container}>
                <ItemGroup node={props.node.clone()} pointer={props.pointer.clone()} label={props.label.clone()}
                    level={props.level} />
                { actions }
            </li>
        }
    } else {
        let field = field_view(FieldProps {
            node: props.node.clone(),
            pointer: props.pointer.clone(),
            label: props.label.clone(),
            level: props.level,
        });
        html! { <li class="bogen-item bogen-item--single" id={container}>{ field }{ actions }</li> }
    }
}

/// The fields of an item, apart from its buttons, so moving an item re-renders its buttons but
/// not its fields unless their pointers changed.
#[function_component]
fn ItemGroup(props: &FieldProps) -> Html {
    let form = use_form();
    let message = use_message(&form, &props.pointer);
    let parts = Parts::new(form.ids.field(&props.pointer), false, message.is_some());
    html! {
        <fieldset class="bogen-fieldset bogen-item__fields" id={parts.id.clone()} tabindex="-1"
            aria-describedby={parts.describedby()}>
            <legend class="bogen-fieldset__legend bogen-item__legend">{ props.label.clone() }</legend>
            { error_message(&form, &parts, &message) }
            { for props.node.children.iter().map(|child| field_view(FieldProps {
                node: child.clone(),
                pointer: path::join(&props.pointer, &child.field.name).into(),
                label: child.field.label.clone().into(),
                level: props.level + 1,
            })) }
        </fieldset>
    }
}

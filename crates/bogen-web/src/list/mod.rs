//! Lists of items (goals, steps): add, remove with undo, move up and down.
//!
//! Each item has a key of its own, kept beside the data rather than taken from its position,
//! so when items move their components move with them: what an input shows, its message and
//! focus stay with the item. A change re-renders this list only.
//!
//! A long list renders its first items at once and the rest in small batches after, so the
//! first fields can be used while later items are still being built.

mod item;

use std::cell::{Cell, RefCell};

use bogen_core::{path, FieldKind};
use serde_json::Value;
use yew::prelude::*;

use crate::field::{error_message, hint, is_optional, use_message, FieldProps};
use crate::state::Form;
use crate::tree::Node;
use crate::view::{focus, use_form};
use item::ListItem;

/// What the buttons of a list ask for; items are named by key, not position.
#[derive(Clone, Copy, PartialEq)]
pub enum Action {
    Add,
    Remove(u64),
    Up(u64),
    Down(u64),
    Undo,
}

/// Where focus goes once the list has re-rendered.
enum Focus {
    Id(String),
    FirstInput(String),
}

/// The item last removed, for undo.
struct Removed {
    index: usize,
    key: u64,
    value: Value,
    label: AttrValue,
}

thread_local! {
    static NEXT_KEY: Cell<u64> = const { Cell::new(0) };
}

fn next_key() -> u64 {
    NEXT_KEY.with(|k| {
        k.set(k.get() + 1);
        k.get()
    })
}

/// "Ziel 2": an item's label with its position (counted from 1).
pub fn item_label(form: &Form, item: &Node, index: usize) -> AttrValue {
    let label = if item.field.label.is_empty() { form.ui("list.item") } else { item.field.label.clone().into() };
    form.ui_fill("list.itemLabel", &[("label", &label), ("number", &(index + 1).to_string())])
}

/// Items rendered before the first frame; enough to fill a tablet screen.
const FIRST_ITEMS: usize = 8;
/// Items added per batch afterwards; a batch stays well below a frame.
const BATCH_ITEMS: usize = 20;

/// The list's own state, shared with its stable action callback.
struct ListState {
    keys: RefCell<Vec<u64>>,
    /// How many items are rendered (the rest follow in batches).
    rendered: Cell<usize>,
    batch_pending: Cell<bool>,
    pointer: RefCell<AttrValue>,
    focus: RefCell<Option<Focus>>,
    removed: RefCell<Option<Removed>>,
}

#[function_component]
pub fn ListField(props: &FieldProps) -> Html {
    let form = use_form();
    let field = &props.node.field;
    let Some(item) = props.node.item.clone() else { return html! {} };
    let max_items = match &field.kind {
        FieldKind::List { max_items, .. } => *max_items,
        _ => None,
    };
    let state = {
        let (form, pointer) = (form.clone(), props.pointer.clone());
        let len = form.len(&pointer);
        use_memo((), move |_| ListState {
            keys: RefCell::new((0..len).map(|_| next_key()).collect()),
            rendered: Cell::new(len.min(FIRST_ITEMS)),
            batch_pending: Cell::new(false),
            pointer: RefCell::new(pointer),
            focus: RefCell::new(None),
            removed: RefCell::new(None),
        })
    };
    // An enclosing item may have moved: actions must use the pointer of now.
    *state.pointer.borrow_mut() = props.pointer.clone();
    let update = use_force_update();
    let message = use_message(&form, &props.pointer);
    {
        let (form, state, update) = (form.clone(), state.clone(), update.clone());
        use_effect_with((), move |_| {
            let id = form.on_reveal(Callback::from(move |_| {
                if state.rendered.get() < state.keys.borrow().len() {
                    state.rendered.set(usize::MAX);
                    update.force_update();
                }
            }));
            move || form.off_reveal(id)
        });
    }
    {
        let (form, state, update) = (form.clone(), state.clone(), update.clone());
        use_effect(move || {
            match state.focus.borrow_mut().take() {
                Some(Focus::Id(id)) => focus::id(&form, &id),
                Some(Focus::FirstInput(id)) => focus::first_input(&form, &id),
                None => {}
            }
            if state.rendered.get() < state.keys.borrow().len() && !state.batch_pending.replace(true) {
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(std::time::Duration::ZERO).await;
                    state.rendered.set(state.rendered.get().saturating_add(BATCH_ITEMS));
                    state.batch_pending.set(false);
                    update.force_update();
                });
            }
        });
    }
    let id = form.ids.field(&props.pointer);
    let on_action = {
        let (form, state, list, id) = (form.clone(), state.clone(), props.node.clone(), id.clone());
        use_callback((), move |action: Action, _| {
            act(&form, &state, &list, &id, action);
            update.force_update();
        })
    };

    let keys = state.keys.borrow().clone();
    let rendered = state.rendered.get().min(keys.len());
    let full = max_items.is_some_and(|max| keys.len() as u64 >= max);
    let help = match (&field.help, full) {
        (Some(help), true) => Some(format!("{help} {}", form.ui("list.full"))),
        (None, true) => Some(form.ui("list.full").to_string()),
        (help, false) => help.clone(),
    };
    let parts = crate::field::Parts::new(id.clone(), help.is_some(), message.is_some());
    let count = keys.len();
    let items = keys[..rendered].iter().enumerate().map(|(index, key)| {
        html! {
            <ListItem key={*key} node={item.clone()} item_key={*key} list_id={AttrValue::from(id.clone())}
                pointer={AttrValue::from(path::join(&props.pointer, &index.to_string()))}
                label={item_label(&form, &item, index)} first={index == 0} last={index + 1 == count}
                level={props.level + 1} on_action={on_action.clone()} />
        }
    });
    let removed = state.removed.borrow().as_ref().map(|r| r.label.clone());
    let undo_id = format!("{id}-undo");
    let body = html! {
        <>
            { hint(&parts, help.as_deref()) }
            { error_message(&form, &parts, &message) }
            if count > 0 {
                <ol class="bogen-list__items">{ for items }</ol>
            }
            if let Some(label) = removed {
                <div class="bogen-list__removed">
                    <p class="bogen-list__removed-text" id={format!("{undo_id}-text")}>
                        { form.ui_fill("list.removed", &[("item", &label)]) }
                    </p>
                    <button type="button" class="bogen-button bogen-button--secondary" id={undo_id.clone()}
                        aria-describedby={format!("{undo_id}-text")}
                        onclick={on_action.reform(|_: MouseEvent| Action::Undo)}>{ form.ui("list.undo") }</button>
                </div>
            }
            if !form.read_only() {
                <button type="button" class="bogen-button bogen-button--secondary bogen-list__add" id={id.clone()}
                    aria-describedby={parts.describedby()} aria-invalid={parts.invalid()}
                    aria-disabled={full.then_some("true")}
                    onclick={on_action.reform(|_: MouseEvent| Action::Add)}>
                    { form.ui_fill("list.add", &[("item", &item_name(&form, &item))]) }
                </button>
            }
        </>
    };
    let title = html! {
        <>
            { props.label.clone() }
            if is_optional(&props.node) {
                <span class="bogen-optional">{ " " }{ form.ui("optional") }</span>
            }
        </>
    };
    let heading_id = format!("{id}-heading");
    let class = classes!("bogen-list", message.is_some().then_some("bogen-form-group--error"));
    if props.level <= 2 {
        html! {
            <section {class} aria-labelledby={heading_id.clone()}>
                <h2 class="bogen-heading" id={heading_id}>{ title }</h2>
                { body }
            </section>
        }
    } else {
        html! {
            <fieldset class={classes!(class, "bogen-fieldset")}>
                <legend class="bogen-fieldset__legend bogen-fieldset__legend--group">{ title }</legend>
                { body }
            </fieldset>
        }
    }
}

/// The item's name without a number ("Ziel"), for the add button.
fn item_name(form: &Form, item: &Node) -> AttrValue {
    if item.field.label.is_empty() {
        form.ui("list.item")
    } else {
        item.field.label.clone().into()
    }
}

fn act(form: &Form, state: &ListState, list: &Node, list_id: &str, action: Action) {
    let Some(item) = list.item.as_deref() else { return };
    let max_items = match &list.field.kind {
        FieldKind::List { max_items, .. } => *max_items,
        _ => None,
    };
    let pointer = state.pointer.borrow().clone();
    let position = |key: u64| state.keys.borrow().iter().position(|k| *k == key);
    let item_id = |key: u64| item_id(list_id, key);
    match action {
        Action::Add => {
            let index = state.keys.borrow().len();
            if max_items.is_some_and(|max| index as u64 >= max) {
                form.announce(form.ui("list.full"));
                return;
            }
            let key = next_key();
            state.keys.borrow_mut().push(key);
            state.rendered.set(usize::MAX);
            state.removed.replace(None);
            form.list_insert(&pointer, index, list.blank_item.clone());
            state.focus.replace(Some(Focus::FirstInput(item_id(key))));
            form.announce(form.ui_fill("list.added", &[("item", &item_label(form, item, index))]));
        }
        Action::Remove(key) => {
            let Some(index) = position(key) else { return };
            state.keys.borrow_mut().remove(index);
            let Some(value) = form.list_remove(&pointer, index) else { return };
            let label = item_label(form, item, index);
            state.removed.replace(Some(Removed { index, key, value, label }));
            state.focus.replace(Some(Focus::Id(format!("{list_id}-undo"))));
        }
        Action::Up(key) | Action::Down(key) => {
            let Some(index) = position(key) else { return };
            let up = matches!(action, Action::Up(_));
            let other = if up { index.checked_sub(1) } else { Some(index + 1) };
            let Some(other) = other.filter(|o| *o < state.keys.borrow().len()) else { return };
            state.keys.borrow_mut().swap(index, other);
            state.removed.replace(None);
            form.list_swap(&pointer, index, other);
            let button = if up { "up" } else { "down" };
            state.focus.replace(Some(Focus::Id(format!("{}-{button}", item_id(key)))));
            form.announce(form.ui_fill("list.moved", &[("item", &item_label(form, item, other))]));
        }
        Action::Undo => {
            let Some(removed) = state.removed.take() else { return };
            let index = removed.index.min(state.keys.borrow().len());
            state.keys.borrow_mut().insert(index, removed.key);
            state.rendered.set(usize::MAX);
            form.list_insert(&pointer, index, removed.value);
            state.focus.replace(Some(Focus::FirstInput(item_id(removed.key))));
            form.announce(form.ui_fill("list.restored", &[("item", &item_label(form, item, index))]));
        }
    }
}

/// Shared with items: the id of an item's container and its buttons.
pub fn item_id(list_id: &str, key: u64) -> String {
    format!("{list_id}-k{key}")
}

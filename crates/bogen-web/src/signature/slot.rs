//! One signature the form asks for: before signing the signer's name and place, a choice of
//! drawing or typing, and "Unterschreiben"; after signing what was signed, by whom, where and
//! when, and whether it still covers the data.

use bogen_core::{Mark, Signature, SignatureSlot};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::ink::{self, Shortfall};
use super::pad::{Drawing, Pad, SharedDrawing};
use crate::state::Form;
use crate::view::{focus, use_form};

#[derive(Properties, PartialEq)]
pub struct SlotProps {
    pub slot: SignatureSlot,
    /// Digest of the data now (only computed while some signature exists).
    pub current: Option<AttrValue>,
    /// Told when a signature was made or removed.
    pub on_change: Callback<()>,
}

#[derive(Clone, Copy, PartialEq)]
enum Method {
    Drawn,
    Typed,
}

/// Which input a message is about.
#[derive(Clone, Copy, PartialEq)]
enum Target {
    Name,
    Pad,
    TypedName,
    Confirm,
}

/// The label of a role (`signature.role.<code>`), or the code for a role without text.
pub fn role_label(form: &Form, role: &str) -> AttrValue {
    let key = format!("signature.role.{role}");
    form.ui_opt(&key).map(|t| AttrValue::from(t.to_owned())).unwrap_or_else(|| role.to_owned().into())
}

#[function_component]
pub fn SlotView(props: &SlotProps) -> Html {
    let form = use_form();
    let slot = &props.slot;
    let role = role_label(&form, &slot.role);
    let id = |part: &str| form.ids.part(&format!("signature-{}-{part}", slot.role));
    // `None` follows what the form's data suggests until the signer types their own.
    let name = use_state(|| None::<String>);
    let place = use_state(|| None::<String>);
    let method = use_state(|| Method::Drawn);
    let drawing = use_state(SharedDrawing::default);
    let typed = use_state(String::new);
    let confirmed = use_state(|| false);
    let error = use_state(|| None::<(Target, AttrValue)>);
    let signature = form.signatures.borrow().iter().find(|s| s.role == slot.role).cloned();
    let preview = use_memo(signature.clone(), |s| match s.as_ref().map(|s| &s.mark) {
        Some(Mark::Drawn { width, height, strokes }) => {
            Some(SharedDrawing::new(Drawing { width: *width, height: *height, strokes: strokes.clone() }))
        }
        _ => None,
    });

    if let Some(signature) = signature {
        let stale = props.current.as_deref().is_some_and(|c| c != signature.data_hash);
        let remove = {
            let (form, role_code, on_change, drawing) =
                (form.clone(), slot.role.clone(), props.on_change.clone(), drawing.clone());
            let name_id = id("name");
            Callback::from(move |_: MouseEvent| {
                form.signatures.borrow_mut().retain(|s| s.role != role_code);
                drawing.set(SharedDrawing::default());
                on_change.emit(());
                focus_later(&form, name_id.clone());
            })
        };
        return html! {
            <fieldset class="bogen-fieldset bogen-signature">
                <legend class="bogen-fieldset__legend">{ form.ui_fill("signature.legend", &[("role", &role)]) }</legend>
                <div class="bogen-signature__signed" id={id("signed")} tabindex="-1">
                    if stale {
                        <p class="bogen-signature__stale" id={id("stale")}>{ form.ui("signature.stale") }</p>
                    }
                    { mark_view(&form, &signature, preview.as_ref().as_ref()) }
                    <p class="bogen-signature__when">{ signed_text(&form, &signature) }</p>
                    if let Some(version) = &signature.text_version {
                        <p class="bogen-hint">{ form.ui_fill("signature.textVersion", &[("version", version)]) }</p>
                    }
                    if !form.read_only() {
                        <button type="button" class="bogen-button bogen-button--secondary" onclick={remove}
                            aria-describedby={stale.then(|| id("stale"))}>
                            { form.ui(if stale { "signature.again" } else { "signature.remove" }) }
                        </button>
                    }
                </div>
            </fieldset>
        };
    }
    // Reading only: a signature not made yet cannot be made here.
    if form.read_only() {
        return html! {};
    }

    let data = form.data();
    let name_now = (*name).clone().unwrap_or_else(|| slot.suggested_name(&data));
    let place_now = (*place).clone().unwrap_or_else(|| slot.suggested_place(&data));
    let text = |state: UseStateHandle<Option<String>>, error: UseStateHandle<Option<(Target, AttrValue)>>| {
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                state.set(Some(input.value()));
                error.set(None);
            }
        })
    };
    let on_name = text(name.clone(), error.clone());
    let on_place = text(place.clone(), error.clone());
    let on_typed = {
        let (typed, error) = (typed.clone(), error.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                typed.set(input.value());
                error.set(None);
            }
        })
    };
    let on_confirm = {
        let (confirmed, error) = (confirmed.clone(), error.clone());
        Callback::from(move |e: Event| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                confirmed.set(input.checked());
                error.set(None);
            }
        })
    };
    let choose = |m: Method| {
        let (method, error) = (method.clone(), error.clone());
        Callback::from(move |_: Event| {
            method.set(m);
            error.set(None);
        })
    };
    let on_pad = {
        let error = error.clone();
        Callback::from(move |_| error.set(None))
    };
    let sign = {
        let (form, slot, on_change) = (form.clone(), slot.clone(), props.on_change.clone());
        let (method, drawing, typed, confirmed, error) =
            (*method, drawing.clone(), (*typed).clone(), *confirmed, error.clone());
        let (name_now, place_now) = (name_now.clone(), place_now.clone());
        let ids = [id("name"), id("typed"), id("confirm"), id("signed")];
        Callback::from(move |_: MouseEvent| {
            let name = name_now.trim().to_owned();
            let mark = match method {
                Method::Drawn => {
                    let d = drawing.0.borrow();
                    match ink::judge(&d.strokes, d.width, d.height) {
                        Ok(()) => Ok(Mark::Drawn { width: d.width, height: d.height, strokes: d.strokes.clone() }),
                        Err(Shortfall::Empty) => Err((Target::Pad, "signature.error.empty")),
                        Err(Shortfall::TooLittle) => Err((Target::Pad, "signature.error.tooLittle")),
                    }
                }
                Method::Typed if typed.trim().is_empty() => Err((Target::TypedName, "signature.error.typedName")),
                Method::Typed if !confirmed => Err((Target::Confirm, "signature.error.confirm")),
                Method::Typed => Ok(Mark::Typed { typed_name: typed.trim().to_owned(), confirmed }),
            };
            let mark = match (name.is_empty(), mark) {
                (true, _) => Err((Target::Name, "signature.error.name")),
                (false, mark) => mark,
            };
            let mark = match mark {
                Ok(mark) => mark,
                Err((target, key)) => {
                    let message = form.ui(key);
                    form.announce(message.clone());
                    error.set(Some((target, message)));
                    match target {
                        Target::Name => focus::id(&form, &ids[0]),
                        Target::TypedName => focus::id(&form, &ids[1]),
                        Target::Confirm => focus::id(&form, &ids[2]),
                        Target::Pad => {}
                    }
                    return;
                }
            };
            super::record(&form, &slot, name, place_now.trim().to_owned(), mark);
            on_change.emit(());
            focus_later(&form, ids[3].clone());
        })
    };

    let message_for = |target: Target| error.as_ref().filter(|(t, _)| *t == target).map(|(_, m)| m.clone());
    let message_html = |target: Target, error_id: &str| match message_for(target) {
        Some(message) => html! {
            <p class="bogen-error-message" id={error_id.to_owned()}>
                <span class="bogen-visually-hidden">{ form.ui("errorPrefix") }{ " " }</span>
                { message }
            </p>
        },
        None => html! {},
    };
    let described = |target: Target, error_id: String| message_for(target).map(|_| AttrValue::from(error_id));
    let invalid = |target: Target| message_for(target).map(|_| AttrValue::Static("true"));
    let group = |target: Target| classes!("bogen-form-group", message_for(target).map(|_| "bogen-form-group--error"));
    let method_name = id("method");
    html! {
        <fieldset class="bogen-fieldset bogen-signature">
            <legend class="bogen-fieldset__legend">{ form.ui_fill("signature.legend", &[("role", &role)]) }</legend>
            <div class={group(Target::Name)}>
                <label class="bogen-label" for={id("name")}>{ form.ui("signature.name") }</label>
                { message_html(Target::Name, &id("name-error")) }
                <input class="bogen-input" type="text" id={id("name")} value={name_now} oninput={on_name}
                    autocomplete="off" aria-describedby={described(Target::Name, id("name-error"))}
                    aria-invalid={invalid(Target::Name)} />
            </div>
            <div class="bogen-form-group">
                <label class="bogen-label" for={id("place")}>
                    { form.ui("signature.place") }<span class="bogen-optional">{ " " }{ form.ui("optional") }</span>
                </label>
                <input class="bogen-input bogen-signature__place" type="text" id={id("place")} value={place_now}
                    oninput={on_place} autocomplete="off" />
            </div>
            <div class="bogen-form-group">
                <fieldset class="bogen-fieldset">
                    <legend class="bogen-fieldset__legend">{ form.ui("signature.method") }</legend>
                    <div class="bogen-radios">
                        { for [(Method::Drawn, "drawn"), (Method::Typed, "typed")].into_iter().map(|(m, code)| {
                            let radio_id = id(&format!("method-{code}"));
                            html! {
                                <div class="bogen-radios__item">
                                    <input class="bogen-radios__input" type="radio" id={radio_id.clone()}
                                        name={method_name.clone()} value={code} checked={*method == m}
                                        onchange={choose(m)} />
                                    <label class="bogen-label bogen-radios__label" for={radio_id}>
                                        { form.ui(&format!("signature.method.{code}")) }
                                    </label>
                                </div>
                            }
                        }) }
                    </div>
                </fieldset>
            </div>
            if *method == Method::Drawn {
                <div class={group(Target::Pad)}>
                    <p class="bogen-hint" id={id("pad-hint")}>{ form.ui("signature.pad.hint") }</p>
                    { message_html(Target::Pad, &id("pad-error")) }
                    <Pad drawing={(*drawing).clone()} label={form.ui_fill("signature.pad", &[("role", &role)])}
                        describedby={Some(AttrValue::from(id("pad-hint")))} on_change={on_pad} />
                </div>
            } else {
                <div class={group(Target::TypedName)}>
                    <label class="bogen-label" for={id("typed")}>{ form.ui("signature.typedName") }</label>
                    { message_html(Target::TypedName, &id("typed-error")) }
                    <input class="bogen-input bogen-signature__typed-input" type="text" id={id("typed")}
                        value={(*typed).clone()} oninput={on_typed} autocomplete="off"
                        aria-describedby={described(Target::TypedName, id("typed-error"))}
                        aria-invalid={invalid(Target::TypedName)} />
                </div>
                <div class={group(Target::Confirm)}>
                    { message_html(Target::Confirm, &id("confirm-error")) }
                    <div class="bogen-checkboxes__item">
                        <input class="bogen-checkboxes__input" type="checkbox" id={id("confirm")}
                            checked={*confirmed} onchange={on_confirm}
                            aria-describedby={described(Target::Confirm, id("confirm-error"))}
                            aria-invalid={invalid(Target::Confirm)} />
                        <label class="bogen-label bogen-checkboxes__label" for={id("confirm")}>
                            { form.ui("signature.confirm") }
                        </label>
                    </div>
                </div>
            }
            <button type="button" class="bogen-button" onclick={sign}>{ form.ui("signature.sign") }</button>
        </fieldset>
    }
}

/// The drawn strokes (shown on a pad that only displays) or the typed name.
fn mark_view(form: &Form, signature: &Signature, preview: Option<&SharedDrawing>) -> Html {
    match (&signature.mark, preview) {
        (Mark::Drawn { .. }, Some(drawing)) => html! {
            <Pad drawing={drawing.clone()} readonly=true
                label={form.ui_fill("signature.pad", &[("role", &role_label(form, &signature.role))])} />
        },
        (Mark::Typed { typed_name, .. }, _) => html! {
            <>
                <p class="bogen-signature__typed">{ typed_name.clone() }</p>
                <p class="bogen-hint">{ form.ui("signature.signedTyped") }</p>
            </>
        },
        _ => html! {},
    }
}

/// "Unterschrieben von … in … am … um … Uhr", in local time.
fn signed_text(form: &Form, signature: &Signature) -> AttrValue {
    let when = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&signature.signed_at));
    let (date, time) = if when.get_time().is_nan() {
        (signature.signed_at.clone(), String::new())
    } else {
        (
            format!("{:02}.{:02}.{}", when.get_date(), when.get_month() + 1, when.get_full_year()),
            format!("{:02}:{:02}", when.get_hours(), when.get_minutes()),
        )
    };
    let place = signature.place.trim();
    let values = [("name", signature.name.as_str()), ("place", place), ("date", &date), ("time", &time)];
    form.ui_fill(if place.is_empty() { "signature.signedNoPlace" } else { "signature.signed" }, &values)
}

/// Focuses an element once the next render put it there.
fn focus_later(form: &Form, id: String) {
    let form = form.clone();
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
        focus::id(&form, &id);
    });
}

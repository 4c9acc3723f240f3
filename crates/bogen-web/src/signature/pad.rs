//! The drawing pad: a canvas taking Pointer Events from finger, stylus or mouse.
//!
//! The strokes are vector data in the pad's own pixels (its CSS size when the first stroke
//! began); the canvas is only a picture of them, painted again at the device's pixel ratio
//! whenever its size changes (resize, rotation), so nothing drawn is lost or blurred. One
//! pointer draws at a time: a second finger or the heel of the hand is ignored.

use std::cell::RefCell;
use std::f64::consts::TAU;
use std::rc::Rc;

use bogen_core::Point;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, PointerEvent, ResizeObserver};
use yew::prelude::*;

use super::ink::{self, Dab, StrokeInk};
use crate::view::use_form;

/// Ink colour: the text colour of the form.
const INK: &str = "#0b0c0c";

/// Strokes in the pad's own pixels; `width` × `height` is the pad's size when the first
/// stroke began (0 × 0 while empty).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drawing {
    pub width: f64,
    pub height: f64,
    pub strokes: Vec<Vec<Point>>,
}

/// A drawing shared by the pad and the signature made of it; props compare it by identity.
#[derive(Clone, Default)]
pub struct SharedDrawing(pub Rc<RefCell<Drawing>>);

impl SharedDrawing {
    pub fn new(drawing: Drawing) -> Self {
        SharedDrawing(Rc::new(RefCell::new(drawing)))
    }
}

impl PartialEq for SharedDrawing {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct PadProps {
    pub drawing: SharedDrawing,
    /// What the canvas shows, for screen readers.
    pub label: AttrValue,
    /// Shows a signature made, without drawing or buttons.
    #[prop_or_default]
    pub readonly: bool,
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    /// Told when the strokes changed (a stroke ended, undo, clear).
    #[prop_or_default]
    pub on_change: Callback<()>,
    /// The texts of the buttons when they are not the form's (the participant's language in
    /// the handover view).
    #[prop_or_default]
    pub texts: Option<Rc<bogen_core::Texts>>,
}

/// The stroke being drawn.
#[derive(Default)]
struct Live {
    pointer: Option<i32>,
    start: f64,
    ink: StrokeInk,
}

#[function_component]
pub fn Pad(props: &PadProps) -> Html {
    let form = use_form();
    let canvas_ref = use_node_ref();
    let live = use_mut_ref(Live::default);
    let update = use_force_update();
    {
        let (canvas_ref, drawing) = (canvas_ref.clone(), props.drawing.clone());
        use_effect_with(props.drawing.clone(), move |_| {
            let observer = canvas_ref.cast::<HtmlCanvasElement>().and_then(|canvas| {
                let target = canvas.clone();
                let resized = Closure::<dyn Fn()>::new(move || repaint(&target, &drawing.0.borrow()));
                let observer = ResizeObserver::new(resized.as_ref().unchecked_ref()).ok()?;
                observer.observe(&canvas);
                Some((observer, resized))
            });
            move || {
                if let Some((observer, _resized)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    let canvas = {
        let canvas_ref = canvas_ref.clone();
        move || canvas_ref.cast::<HtmlCanvasElement>()
    };
    let down = {
        let (canvas, live, drawing, readonly) = (canvas.clone(), live.clone(), props.drawing.clone(), props.readonly);
        Callback::from(move |e: PointerEvent| {
            let mut live = live.borrow_mut();
            if readonly || live.pointer.is_some() || (e.pointer_type() == "mouse" && e.button() != 0) {
                return;
            }
            let Some(canvas) = canvas() else { return };
            e.prevent_default();
            let _ = canvas.set_pointer_capture(e.pointer_id());
            let mut drawing = drawing.0.borrow_mut();
            if drawing.strokes.is_empty() {
                let rect = canvas.get_bounding_client_rect();
                (drawing.width, drawing.height) = (rect.width(), rect.height());
            }
            *live = Live { pointer: Some(e.pointer_id()), start: e.time_stamp(), ink: StrokeInk::default() };
            let point = point_at(&canvas, &drawing, &e, live.start);
            drawing.strokes.push(vec![point]);
            paint(&canvas, &live.ink.add(point));
        })
    };
    let moved = {
        let (canvas, live, drawing) = (canvas.clone(), live.clone(), props.drawing.clone());
        Callback::from(move |e: PointerEvent| {
            let mut live = live.borrow_mut();
            if live.pointer != Some(e.pointer_id()) {
                return;
            }
            let Some(canvas) = canvas() else { return };
            e.prevent_default();
            // Coalesced events carry every position the device reported since the last frame.
            let coalesced: Vec<PointerEvent> =
                e.get_coalesced_events().iter().filter_map(|v| v.dyn_into::<PointerEvent>().ok()).collect();
            let events = if coalesced.is_empty() { vec![e] } else { coalesced };
            let mut drawing = drawing.0.borrow_mut();
            for event in events {
                let point = point_at(&canvas, &drawing, &event, live.start);
                let Some(stroke) = drawing.strokes.last_mut() else { return };
                if ink::worth_keeping(stroke.last(), &point) {
                    stroke.push(point);
                    paint(&canvas, &live.ink.add(point));
                }
            }
        })
    };
    // Lifting the pointer and a cancelled pointer (the browser took over, a call came in)
    // both end the stroke; what was drawn stays.
    let up = {
        let (canvas, live, drawing, on_change, update) =
            (canvas.clone(), live.clone(), props.drawing.clone(), props.on_change.clone(), update.clone());
        Callback::from(move |e: PointerEvent| {
            let mut live = live.borrow_mut();
            if live.pointer != Some(e.pointer_id()) {
                return;
            }
            live.pointer = None;
            if let Some(canvas) = canvas() {
                let _ = canvas.release_pointer_capture(e.pointer_id());
                let mut drawing = drawing.0.borrow_mut();
                let point = point_at(&canvas, &drawing, &e, live.start);
                if let Some(stroke) = drawing.strokes.last_mut().filter(|s| ink::worth_keeping(s.last(), &point)) {
                    stroke.push(point);
                    paint(&canvas, &live.ink.add(point));
                }
                paint(&canvas, &live.ink.finish());
            }
            drop(live);
            on_change.emit(());
            update.force_update();
        })
    };
    let empty = props.drawing.0.borrow().strokes.is_empty();
    let change = {
        let texts = props.texts.clone();
        let (canvas, live, drawing, on_change, update, form) = (
            canvas.clone(),
            live.clone(),
            props.drawing.clone(),
            props.on_change.clone(),
            update.clone(),
            form.clone(),
        );
        move |clear: bool| {
            let (canvas, live, drawing, on_change, update, form, texts) = (
                canvas.clone(),
                live.clone(),
                drawing.clone(),
                on_change.clone(),
                update.clone(),
                form.clone(),
                texts.clone(),
            );
            Callback::from(move |_: MouseEvent| {
                if live.borrow().pointer.is_some() {
                    return;
                }
                {
                    let mut drawing = drawing.0.borrow_mut();
                    if clear {
                        drawing.strokes.clear();
                    } else {
                        drawing.strokes.pop();
                    }
                    if drawing.strokes.is_empty() {
                        *drawing = Drawing::default();
                    }
                }
                if let Some(canvas) = canvas() {
                    repaint(&canvas, &drawing.0.borrow());
                }
                form.announce(text(
                    &form,
                    texts.as_deref(),
                    if clear { "signature.cleared" } else { "signature.undone" },
                ));
                on_change.emit(());
                update.force_update();
            })
        }
    };
    let class = classes!("bogen-signature__pad", props.readonly.then_some("bogen-signature__pad--readonly"));
    html! {
        <>
            <div {class}>
                <canvas class="bogen-signature__canvas" part="signature-pad" ref={canvas_ref} role="img" aria-label={props.label.clone()}
                    aria-describedby={props.describedby.clone()}
                    onpointerdown={down} onpointermove={moved} onpointerup={up.clone()} onpointercancel={up} />
            </div>
            if !props.readonly {
                <div class="bogen-signature__pad-actions">
                    <button type="button" class="bogen-button bogen-button--secondary" disabled={empty}
                        onclick={change(false)}>{ text(&form, props.texts.as_deref(), "signature.undo") }</button>
                    <button type="button" class="bogen-button bogen-button--secondary" disabled={empty}
                        onclick={change(true)}>{ text(&form, props.texts.as_deref(), "signature.clear") }</button>
                </div>
            }
        </>
    }
}

/// A button's text from `texts` if given, else from the form's.
fn text(form: &crate::state::Form, texts: Option<&bogen_core::Texts>, key: &str) -> AttrValue {
    match texts {
        Some(texts) => AttrValue::from(texts.ui(key).to_owned()),
        None => form.ui(key),
    }
}

/// The pad's scale: CSS pixels per drawing pixel (the pad keeps its aspect ratio in CSS).
fn scale(drawing: &Drawing, width: f64, height: f64) -> f64 {
    if drawing.width > 0.0 && drawing.height > 0.0 && width > 0.0 {
        (width / drawing.width).min(height / drawing.height)
    } else {
        1.0
    }
}

/// Where a pointer event is, in drawing pixels (to 0.1 px) and ms since the stroke began.
fn point_at(canvas: &HtmlCanvasElement, drawing: &Drawing, e: &PointerEvent, start: f64) -> Point {
    let rect = canvas.get_bounding_client_rect();
    let s = scale(drawing, rect.width(), rect.height());
    // `clientX` as a float: `MouseEvent::client_x` rounds to whole pixels.
    let coordinate = |name: &str| js_sys::Reflect::get(e, &JsValue::from_str(name)).ok().and_then(|v| v.as_f64());
    let x = coordinate("clientX").unwrap_or(0.0) - rect.left();
    let y = coordinate("clientY").unwrap_or(0.0) - rect.top();
    let round = |v: f64| (v * 10.0).round() / 10.0;
    Point { x: round(x / s), y: round(y / s), t: (e.time_stamp() - start).max(0.0).round() }
}

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// Sizes the canvas's bitmap to its CSS size times the pixel ratio and paints every stroke.
fn repaint(canvas: &HtmlCanvasElement, drawing: &Drawing) {
    let rect = canvas.get_bounding_client_rect();
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    canvas.set_width((rect.width() * ratio).round() as u32);
    canvas.set_height((rect.height() * ratio).round() as u32);
    let Some(context) = context(canvas) else { return };
    let s = scale(drawing, rect.width(), rect.height()) * ratio;
    let _ = context.set_transform(s, 0.0, 0.0, s, 0.0, 0.0);
    for stroke in &drawing.strokes {
        paint(canvas, &ink::stroke_dabs(stroke));
    }
}

/// Fills the dabs (the transform set by `repaint` maps drawing pixels to the bitmap).
fn paint(canvas: &HtmlCanvasElement, dabs: &[Dab]) {
    if dabs.is_empty() {
        return;
    }
    let Some(context) = context(canvas) else { return };
    context.set_fill_style_str(INK);
    context.begin_path();
    for dab in dabs {
        context.move_to(dab.x + dab.r, dab.y);
        let _ = context.arc(dab.x, dab.y, dab.r, 0.0, TAU);
    }
    context.fill();
}

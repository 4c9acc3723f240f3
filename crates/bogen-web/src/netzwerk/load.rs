//! The directory of Beratungsangebote, fetched once per language and page: a component asks
//! with the event `bogen-netzwerk-request` on the form's element, `bogen.js` fetches
//! `forms/netzwerk.<lang>.json` beside itself and hands the text to [`netzwerk_loaded`]. Every
//! component waiting for it renders again.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use bogen_core::netzwerk::NetzwerkBundle;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::events;
use crate::state::Form;

pub const REQUEST: &str = "bogen-netzwerk-request";

#[derive(Clone)]
pub enum Load {
    Pending,
    Ready(Rc<NetzwerkBundle>),
    Failed,
}

#[derive(Default)]
struct Cache {
    loads: HashMap<String, Load>,
    next: u32,
    waiting: Vec<(u32, Callback<()>)>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::default();
}

/// `bogen.js` hands over the directory document of `lang`, or nothing when it could not be
/// fetched. A broken directory is reported on the console (it holds no personal data).
#[wasm_bindgen(js_name = netzwerkLoaded)]
pub fn netzwerk_loaded(lang: &str, text: Option<String>) {
    let load = match text.as_deref().map(NetzwerkBundle::from_document) {
        Some(Ok(bundle)) => Load::Ready(Rc::new(bundle)),
        Some(Err(e)) => {
            web_sys::console::error_1(&JsValue::from_str(&format!("Bogen: netzwerk.{lang}.json: {e}")));
            Load::Failed
        }
        None => Load::Failed,
    };
    let waiting: Vec<Callback<()>> = CACHE.with(|c| {
        let mut c = c.borrow_mut();
        c.loads.insert(lang.to_owned(), load);
        c.waiting.iter().map(|(_, w)| w.clone()).collect()
    });
    for w in waiting {
        w.emit(());
    }
}

/// The directory in the form's language, asking for it on first use; the component renders
/// again when it arrives. A failed load is asked for again by the next component mounted.
#[hook]
pub fn use_netzwerk(form: &Form) -> Load {
    let update = use_force_update();
    {
        let form = form.clone();
        use_effect_with((), move |_| {
            let id = CACHE.with(|c| {
                let mut c = c.borrow_mut();
                c.next += 1;
                let id = c.next;
                c.waiting.push((id, Callback::from(move |_| update.force_update())));
                id
            });
            let ask = CACHE.with(|c| {
                let mut c = c.borrow_mut();
                let ask = matches!(c.loads.get(&form.lang), None | Some(Load::Failed));
                if ask {
                    c.loads.insert(form.lang.clone(), Load::Pending);
                }
                ask
            });
            if ask {
                let detail = events::detail(&[("lang", JsValue::from_str(&form.lang))]);
                events::dispatch(&form.element, REQUEST, &detail);
            }
            move || CACHE.with(|c| c.borrow_mut().waiting.retain(|(i, _)| *i != id))
        });
    }
    CACHE.with(|c| c.borrow().loads.get(&form.lang).cloned()).unwrap_or(Load::Pending)
}

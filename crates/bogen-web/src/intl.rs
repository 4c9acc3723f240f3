//! Dates and numbers as a language writes them, by the browser's `Intl`: the data keeps ISO
//! dates and JSON numbers, only what people read changes. The Gregorian calendar is asked for
//! explicitly, because a form's dates are German administrative dates (Persian defaults to the
//! Solar Hijri calendar).

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Builds `new Intl.<kind>(lang, options)`, or `None` where the browser has no `Intl`.
fn formatter(kind: &str, lang: &str, options: &[(&str, &str)]) -> Option<JsValue> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let constructor: Function = Reflect::get(&intl, &JsValue::from_str(kind)).ok()?.dyn_into().ok()?;
    let settings = Object::new();
    for (key, value) in options {
        Reflect::set(&settings, &JsValue::from_str(key), &JsValue::from_str(value)).ok()?;
    }
    let args = Array::of2(&JsValue::from_str(lang), &settings);
    Reflect::construct(&constructor, &args).ok()
}

fn format(formatter: &JsValue, value: &JsValue) -> Option<String> {
    let format: Function = Reflect::get(formatter, &JsValue::from_str("format")).ok()?.dyn_into().ok()?;
    format.call1(formatter, value).ok()?.as_string()
}

/// An ISO date (`2026-01-31`) as the language writes it, with the month's name so the order of
/// day and month cannot be misread; anything that is no ISO date is returned as it is.
pub fn date(iso: &str, lang: &str) -> String {
    let Some(ms) = utc_millis(iso) else { return iso.to_owned() };
    let options =
        [("year", "numeric"), ("month", "long"), ("day", "numeric"), ("calendar", "gregory"), ("timeZone", "UTC")];
    formatter("DateTimeFormat", lang, &options)
        .and_then(|f| format(&f, &js_sys::Date::new(&JsValue::from_f64(ms))))
        .unwrap_or_else(|| iso.to_owned())
}

/// A number as the language writes it (decimal sign, digit grouping).
pub fn number(value: f64, lang: &str) -> String {
    formatter("NumberFormat", lang, &[("maximumFractionDigits", "6")])
        .and_then(|f| format(&f, &JsValue::from_f64(value)))
        .unwrap_or_else(|| value.to_string())
}

/// Milliseconds since 1970 of an ISO date at midnight UTC, if it is a date of the calendar.
fn utc_millis(iso: &str) -> Option<f64> {
    let checked = bogen_core::date::parse_typed(iso)?;
    if checked != iso {
        return None;
    }
    let year: f64 = iso[0..4].parse().ok()?;
    let month: f64 = iso[5..7].parse().ok()?;
    let day: f64 = iso[8..10].parse().ok()?;
    Some(js_sys::Date::utc(year, month - 1.0) + (day - 1.0) * 86_400_000.0)
}

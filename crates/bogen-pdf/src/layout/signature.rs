//! Signature boxes: who signs (role), the drawn strokes scaled into the box or the typed
//! name with its confirmation, then name, place, date and time under the signing line. A box
//! without signature leaves room and lines for signing on paper. The block never splits.

use krilla::geom::Rect;

use crate::fonts::Weight;
use crate::layout::{Flow, Ink, Item};
use crate::model::{SignatureMark, SignatureView};
use crate::structure::{NodeId, Role};
use crate::wrap::Line;

const COLUMNS: usize = 2;
const GAP: f32 = 14.0;
const PAD: f32 = 6.0;
/// Height of the area a signature is drawn or typed in.
const MARK_HEIGHT: f32 = 58.0;
const STROKE_WIDTH: f32 = 1.1;
/// Share of an empty box's width for "place, date"; the rest is for the signature.
const PLACE_DATE_SHARE: f32 = 0.4;

/// A box, set but not yet placed.
struct Boxed<'v> {
    view: &'v SignatureView,
    role: Vec<Line>,
    typed: Vec<Line>,
    confirmation: Vec<Line>,
    caption: Vec<Vec<Line>>,
    note: Vec<Line>,
    height: f32,
}

fn box_width(flow: &Flow) -> f32 {
    (flow.area.width() - GAP * (COLUMNS as f32 - 1.0)) / COLUMNS as f32
}

fn set<'v>(flow: &Flow, view: &'v SignatureView) -> Boxed<'v> {
    let inner = box_width(flow) - 2.0 * PAD;
    let (body, small) = (flow.body(), flow.scale.small);
    let role = flow.wrap(&view.role, Weight::Bold, body, inner);
    let (typed, confirmation) = match &view.mark {
        SignatureMark::Typed { name, confirmation } => {
            (flow.wrap(name, Weight::Bold, body * 1.5, inner), flow.wrap(confirmation, Weight::Regular, small, inner))
        }
        _ => (Vec::new(), Vec::new()),
    };
    let caption_width = match view.mark {
        SignatureMark::Empty => inner * PLACE_DATE_SHARE - PAD,
        _ => inner,
    };
    let caption: Vec<Vec<Line>> =
        view.caption.iter().map(|c| flow.wrap(c, Weight::Regular, small, caption_width)).collect();
    let note = view.note.as_deref().map(|n| flow.wrap(n, Weight::Bold, small, inner)).unwrap_or_default();
    let caption_lines = match view.mark {
        SignatureMark::Empty => caption.iter().map(Vec::len).max().unwrap_or(0),
        _ => caption.iter().map(Vec::len).sum(),
    };
    let height = PAD
        + role.len() as f32 * flow.line_height(body)
        + MARK_HEIGHT
        + 3.0
        + (caption_lines + note.len()) as f32 * flow.line_height(small)
        + PAD;
    Boxed { view, role, typed, confirmation, caption, note, height }
}

/// Height of the whole block, so a heading can keep with it.
pub(crate) fn height(flow: &Flow, views: &[SignatureView]) -> f32 {
    let boxes: Vec<Boxed> = views.iter().map(|v| set(flow, v)).collect();
    rows_height(&boxes)
}

fn rows_height(boxes: &[Boxed]) -> f32 {
    let rows: Vec<f32> = boxes.chunks(COLUMNS).map(|row| row.iter().map(|b| b.height).fold(0.0, f32::max)).collect();
    rows.iter().sum::<f32>() + GAP * rows.len().saturating_sub(1) as f32
}

pub(crate) fn block(flow: &mut Flow, views: &[SignatureView], parent: NodeId) {
    let boxes: Vec<Boxed> = views.iter().map(|v| set(flow, v)).collect();
    flow.keep(rows_height(&boxes));
    let width = box_width(flow);
    for row in boxes.chunks(COLUMNS) {
        let row_height = row.iter().map(|b| b.height).fold(0.0, f32::max);
        for (i, b) in row.iter().enumerate() {
            let x = flow.area.left + i as f32 * (width + GAP);
            draw_box(flow, b, x, flow.y, width, row_height, parent);
        }
        flow.y += row_height + GAP;
    }
}

fn draw_box(flow: &mut Flow, b: &Boxed, x: f32, top: f32, width: f32, height: f32, parent: NodeId) {
    let (body, small) = (flow.body(), flow.scale.small);
    let div = flow.structure.open(parent, Role::Div);
    frame(flow, x, top, width, height);
    let inner_x = x + PAD;
    let inner_w = width - 2.0 * PAD;
    let mut y = top + PAD;
    let role = flow.structure.open(div, Role::P);
    for line in &b.role {
        flow.text_in(inner_x, inner_w, y, line.clone(), Ink::Text, Some(role));
        y += flow.line_height(body);
    }
    let mark_top = y;
    let line_y = mark_top + MARK_HEIGHT;
    match &b.view.mark {
        SignatureMark::Drawn { width: pad_w, height: pad_h, strokes, alt } => {
            let area = Rect::from_xywh(inner_x, mark_top + 2.0, inner_w, MARK_HEIGHT - 4.0);
            if let Some(area) = area {
                let paths = fit(strokes, *pad_w, *pad_h, area);
                let page = flow.page_index();
                let figure = flow.structure.open(div, Role::Figure(alt.clone(), page, area));
                let content = flow.structure.content(figure);
                flow.push(Item::Strokes { paths, width: STROKE_WIDTH, content });
            }
        }
        SignatureMark::Typed { .. } => {
            let typed_height = b.typed.len() as f32 * flow.line_height(body * 1.5);
            let confirm_height = b.confirmation.len() as f32 * flow.line_height(small);
            let mut ty = line_y - 3.0 - typed_height - confirm_height;
            let name = flow.structure.open(div, Role::P);
            for line in &b.typed {
                flow.text_in(inner_x, inner_w, ty, line.clone(), Ink::Text, Some(name));
                ty += flow.line_height(body * 1.5);
            }
            let confirmation = flow.structure.open(div, Role::P);
            for line in &b.confirmation {
                flow.text_in(inner_x, inner_w, ty, line.clone(), Ink::Muted, Some(confirmation));
                ty += flow.line_height(small);
            }
        }
        SignatureMark::Empty => {}
    }
    let mut y = line_y + 3.0;
    if b.view.mark == SignatureMark::Empty {
        // Two lines to write on: place and date, then the signature.
        let split = inner_x + inner_w * PLACE_DATE_SHARE;
        let lines = [(inner_x, split - PAD), (split + PAD, inner_x + inner_w)];
        for ((x1, x2), caption) in lines.into_iter().zip(&b.caption) {
            flow.push(Item::Rule { x1, y1: line_y, x2, y2: line_y, width: 0.6, ink: Ink::Text });
            let p = flow.structure.open(div, Role::P);
            let mut cy = y;
            for line in caption {
                flow.text_in(x1, x2 - x1, cy, line.clone(), Ink::Muted, Some(p));
                cy += flow.line_height(small);
            }
        }
        return;
    }
    flow.push(Item::Rule { x1: inner_x, y1: line_y, x2: inner_x + inner_w, y2: line_y, width: 0.6, ink: Ink::Text });
    for caption in &b.caption {
        let p = flow.structure.open(div, Role::P);
        for line in caption {
            flow.text_in(inner_x, inner_w, y, line.clone(), Ink::Text, Some(p));
            y += flow.line_height(small);
        }
    }
    if !b.note.is_empty() {
        let p = flow.structure.open(div, Role::P);
        for line in &b.note {
            flow.text_in(inner_x, inner_w, y, line.clone(), Ink::Text, Some(p));
            y += flow.line_height(small);
        }
    }
}

fn frame(flow: &mut Flow, x: f32, y: f32, w: f32, h: f32) {
    let corners = [(x, y, x + w, y), (x + w, y, x + w, y + h), (x, y + h, x + w, y + h), (x, y, x, y + h)];
    for (x1, y1, x2, y2) in corners {
        flow.push(Item::Rule { x1, y1, x2, y2, width: 0.4, ink: Ink::Rule });
    }
}

/// Scales strokes into `area`, keeping their proportions: the bounding box of the ink when it
/// has one (pads are mostly empty), the pad otherwise.
fn fit(strokes: &[Vec<(f32, f32)>], pad_w: f32, pad_h: f32, area: Rect) -> Vec<Vec<(f32, f32)>> {
    let points = strokes.iter().flatten().filter(|(x, y)| x.is_finite() && y.is_finite());
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for (x, y) in points {
        (x0, y0, x1, y1) = (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y));
    }
    if x0 > x1 {
        return Vec::new();
    }
    let (mut w, mut h) = (x1 - x0, y1 - y0);
    if w < 1.0 && h < 1.0 {
        (x0, y0, w, h) = (0.0, 0.0, pad_w.max(1.0), pad_h.max(1.0));
    }
    let scale = (area.width() / w.max(1.0)).min(area.height() / h.max(1.0));
    let ox = area.left();
    let oy = area.top() + (area.height() - h * scale) / 2.0;
    strokes
        .iter()
        .map(|s| {
            s.iter()
                .filter(|(x, y)| x.is_finite() && y.is_finite())
                .map(|(x, y)| (ox + (x - x0) * scale, oy + (y - y0) * scale))
                .collect()
        })
        .filter(|s: &Vec<(f32, f32)>| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strokes_fit_their_box_keeping_proportions() {
        let area = Rect::from_xywh(100.0, 200.0, 200.0, 50.0).unwrap();
        let strokes = vec![vec![(10.0, 10.0), (110.0, 60.0)], vec![(60.0, 35.0)]];
        let paths = fit(&strokes, 400.0, 150.0, area);
        let all: Vec<(f32, f32)> = paths.iter().flatten().copied().collect();
        assert_eq!(all.len(), 3);
        for (x, y) in &all {
            assert!((100.0..=300.0).contains(x) && (200.0..=250.0).contains(y), "{x},{y}");
        }
        // 100 × 50 pad pixels become 100 × 50 points (height-bound scale 1.0).
        assert!((all[1].0 - all[0].0 - 100.0).abs() < 0.01);
        assert!((all[1].1 - all[0].1 - 50.0).abs() < 0.01);
        assert!(fit(&[vec![(f32::NAN, 1.0)]], 1.0, 1.0, area).is_empty());
    }
}

//! Tables and label/value rows: cells wrap inside their columns, rows break between lines
//! when they are long, and the header row is drawn again at the top of every new page
//! (as decoration; the structure has it once).

use crate::fonts::Weight;
use crate::layout::{Flow, Ink, Item};
use crate::model::Table;
use crate::structure::{NodeId, Role};
use crate::wrap::Line;

const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 2.5;
/// Rows of at most this many lines move whole to the next page rather than splitting.
const UNSPLIT_LINES: usize = 4;
/// Width of the label column of label/value rows, as part of the content width.
const LABEL_SHARE: f32 = 0.34;

/// One cell: its lines and the structure element they belong to.
struct Cell {
    lines: Vec<Line>,
    node: NodeId,
}

/// Column positions and widths in points.
struct Columns {
    x: Vec<f32>,
    width: Vec<f32>,
}

impl Columns {
    fn new(flow: &Flow, relative: &[f32]) -> Columns {
        let total: f32 = relative.iter().sum::<f32>().max(f32::EPSILON);
        let mut x = Vec::with_capacity(relative.len());
        let mut width = Vec::with_capacity(relative.len());
        let mut at = flow.area.left;
        for r in relative {
            let w = flow.area.width() * r / total;
            // Right to left, the first column is the rightmost.
            x.push(if flow.rtl { flow.area.left + flow.area.right - at - w } else { at });
            width.push(w);
            at += w;
        }
        Columns { x, width }
    }
}

/// What the first row of label/value rows needs (two lines of a long one).
pub(crate) fn rows_lead(flow: &Flow, rows: &[(String, String)]) -> f32 {
    let columns = Columns::new(flow, &[LABEL_SHARE, 1.0 - LABEL_SHARE]);
    let lines = rows.first().map_or(1, |(label, value)| {
        let label = flow.wrap(label, Weight::Bold, flow.body(), columns.width[0] - 2.0 * PAD_X).len();
        let value = flow.wrap(value, Weight::Regular, flow.body(), columns.width[1] - 2.0 * PAD_X).len();
        label.max(value)
    });
    row_height(flow, first_part(lines))
}

/// Lines of a row that must share a page with what comes before it.
fn first_part(lines: usize) -> usize {
    if lines <= UNSPLIT_LINES {
        lines
    } else {
        2
    }
}

/// What a table needs on its first page: the header and the first row (two lines of a long one).
pub(crate) fn table_lead(flow: &Flow, t: &Table) -> f32 {
    let columns = Columns::new(flow, &t.widths);
    let wrap = |cells: &[String], weight| {
        cells
            .iter()
            .zip(&columns.width)
            .map(|(c, w)| flow.wrap(c, weight, flow.body(), w - 2.0 * PAD_X).len())
            .max()
            .unwrap_or(1)
    };
    let first = t.rows.first().map_or(1, |r| wrap(r, Weight::Regular));
    row_height(flow, wrap(&t.columns, Weight::Bold)) + row_height(flow, first_part(first))
}

/// Label/value rows: a two-column table whose first cell heads its row.
pub(crate) fn rows(flow: &mut Flow, rows: &[(String, String)], parent: NodeId) {
    let columns = Columns::new(flow, &[LABEL_SHARE, 1.0 - LABEL_SHARE]);
    let table = flow.structure.open(parent, Role::Table);
    let body = flow.structure.open(table, Role::TableBody);
    let size = flow.body();
    for (label, value) in rows {
        let row = flow.structure.open(body, Role::Row);
        let label_node = flow.structure.open(row, Role::HeaderCell(false));
        let value_node = flow.structure.open(row, Role::Cell);
        let cells = vec![
            Cell { lines: flow.wrap(label, Weight::Bold, size, columns.width[0] - 2.0 * PAD_X), node: label_node },
            Cell { lines: flow.wrap(value, Weight::Regular, size, columns.width[1] - 2.0 * PAD_X), node: value_node },
        ];
        place_row(flow, &columns, cells, None);
    }
    flow.y += size * 0.6;
}

/// A table with a header row naming its columns.
pub(crate) fn table(flow: &mut Flow, t: &Table, parent: NodeId) {
    let columns = Columns::new(flow, &t.widths);
    let size = flow.body();
    let header_lines: Vec<Vec<Line>> =
        t.columns.iter().zip(&columns.width).map(|(c, w)| flow.wrap(c, Weight::Bold, size, w - 2.0 * PAD_X)).collect();
    // The header never stands alone at the foot of a page.
    flow.keep(table_lead(flow, t));

    let table = flow.structure.open(parent, Role::Table);
    let head = flow.structure.open(table, Role::TableHead);
    let head_row = flow.structure.open(head, Role::Row);
    let head_cells: Vec<NodeId> =
        t.columns.iter().map(|_| flow.structure.open(head_row, Role::HeaderCell(true))).collect();
    draw_header(flow, &columns, &header_lines, Some(&head_cells));
    let header = Header { lines: header_lines };

    let body = flow.structure.open(table, Role::TableBody);
    for row in &t.rows {
        let tr = flow.structure.open(body, Role::Row);
        let cells = row
            .iter()
            .zip(&columns.width)
            .map(|(text, w)| {
                let node = flow.structure.open(tr, Role::Cell);
                Cell { lines: flow.wrap(text, Weight::Regular, size, w - 2.0 * PAD_X), node }
            })
            .collect();
        place_row(flow, &columns, cells, Some(&header));
    }
    flow.y += size * 0.6;
}

struct Header {
    lines: Vec<Vec<Line>>,
}

fn row_height(flow: &Flow, lines: usize) -> f32 {
    lines as f32 * flow.line_height(flow.body()) + 2.0 * PAD_Y
}

/// Draws the header row at the cursor; tagged the first time, decoration when repeated.
fn draw_header(flow: &mut Flow, columns: &Columns, lines: &[Vec<Line>], nodes: Option<&[NodeId]>) {
    let height = row_height(flow, lines.iter().map(Vec::len).max().unwrap_or(1));
    let rect = krilla::geom::Rect::from_xywh(flow.area.left, flow.y, flow.area.width(), height);
    if let Some(rect) = rect {
        flow.push(Item::Fill { rect, ink: Ink::Shade });
    }
    let top = flow.y + PAD_Y;
    for (i, cell) in lines.iter().enumerate() {
        for (n, line) in cell.iter().enumerate() {
            let y = top + n as f32 * flow.line_height(flow.body());
            let (x, w) = (columns.x[i] + PAD_X, columns.width[i] - 2.0 * PAD_X);
            flow.text_in(x, w, y, line.clone(), Ink::Text, nodes.map(|nodes| nodes[i]));
        }
    }
    flow.y += height;
    rule(flow);
}

fn rule(flow: &mut Flow) {
    let (x1, x2, y) = (flow.area.left, flow.area.right, flow.y);
    flow.push(Item::Rule { x1, y1: y, x2, y2: y, width: 0.4, ink: Ink::Rule });
}

/// Places one row, breaking it between lines across pages when it is long, so nothing is
/// cut and no cell runs into the footer.
fn place_row(flow: &mut Flow, columns: &Columns, cells: Vec<Cell>, header: Option<&Header>) {
    let line_height = flow.line_height(flow.body());
    let total = cells.iter().map(|c| c.lines.len()).max().unwrap_or(0);
    let mut done = 0;
    loop {
        let left = total - done;
        let needed = row_height(flow, left.max(1));
        let fits = needed <= flow.room();
        let room_lines = ((flow.room() - 2.0 * PAD_Y) / line_height).floor().max(0.0) as usize;
        let may_split = total > UNSPLIT_LINES && room_lines >= 2 && left - room_lines.min(left) >= 2;
        if !fits && !may_split && !flow.at_page_top() {
            flow.new_page();
            if let Some(h) = header {
                draw_header(flow, columns, &h.lines, None);
            }
            continue;
        }
        let take = if fits { left } else { room_lines.max(1).min(left) };
        let top = flow.y + PAD_Y;
        for (i, cell) in cells.iter().enumerate() {
            if cell.lines.is_empty() && done == 0 {
                let content = flow.structure.content(cell.node);
                flow.push(Item::Empty { content });
            }
            for (n, line) in cell.lines.iter().enumerate().skip(done).take(take) {
                let y = top + (n - done) as f32 * line_height;
                let (x, w) = (columns.x[i] + PAD_X, columns.width[i] - 2.0 * PAD_X);
                flow.text_in(x, w, y, line.clone(), Ink::Text, Some(cell.node));
            }
        }
        done += take;
        flow.y += row_height(flow, take.max(1));
        if done >= total {
            rule(flow);
            return;
        }
        flow.new_page();
        if let Some(h) = header {
            draw_header(flow, columns, &h.lines, None);
        }
    }
}

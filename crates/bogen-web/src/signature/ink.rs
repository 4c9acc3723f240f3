//! The ink of a drawn signature, as the signature_pad library makes it: points closer than a
//! few pixels are skipped, each stretch between points is a Bézier curve through its
//! neighbours (so corners round off as a pen's do) and the line thins the faster the hand
//! moves. A curve is painted as overlapping round dabs whose radius follows the speed.
//!
//! Pure arithmetic, no browser: the canvas only fills the dabs this module hands out, and
//! whether a drawing is enough to count as a signature is decided here too.

use bogen_core::Point;

/// Narrowest and widest line (radius, in pad pixels), the smallest step between kept points
/// and how much a new speed counts against the previous one (smoothing the width).
const MIN_WIDTH: f64 = 0.7;
const MAX_WIDTH: f64 = 2.8;
const MIN_DISTANCE: f64 = 4.0;
const VELOCITY_WEIGHT: f64 = 0.7;

/// One round dab of ink.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dab {
    pub x: f64,
    pub y: f64,
    pub r: f64,
}

/// Whether a new point is far enough from the last kept one to be worth keeping.
pub fn worth_keeping(last: Option<&Point>, next: &Point) -> bool {
    last.is_none_or(|last| distance(last, next) >= MIN_DISTANCE)
}

/// Turns the points of one stroke into dabs as they arrive.
#[derive(Debug, Clone)]
pub struct StrokeInk {
    /// The last up to four points: a curve needs its two ends and a neighbour on each side.
    window: Vec<Point>,
    velocity: f64,
    width: f64,
}

impl Default for StrokeInk {
    fn default() -> Self {
        StrokeInk { window: Vec::with_capacity(4), velocity: 0.0, width: (MIN_WIDTH + MAX_WIDTH) / 2.0 }
    }
}

impl StrokeInk {
    /// Adds a point; returns the dabs it makes visible: a dot for the first point, the curve
    /// it completes for later ones.
    pub fn add(&mut self, point: Point) -> Vec<Dab> {
        if self.window.is_empty() {
            self.window.push(point);
            return vec![Dab { x: point.x, y: point.y, r: self.width }];
        }
        self.window.push(point);
        if self.window.len() == 3 {
            // The first curve has no neighbour before it: its start stands in for one.
            self.window.insert(0, self.window[0]);
        }
        if self.window.len() < 4 {
            return Vec::new();
        }
        let dabs = self.curve();
        self.window.remove(0);
        dabs
    }

    /// Ends the stroke: draws the last stretch, which waits for a neighbour that never comes.
    pub fn finish(&mut self) -> Vec<Dab> {
        match self.window.last().copied() {
            Some(last) if self.window.len() >= 2 => {
                let mut dabs = self.add(last);
                dabs.push(Dab { x: last.x, y: last.y, r: self.width });
                dabs
            }
            _ => Vec::new(),
        }
    }

    /// The curve from the second to the third point of the window.
    fn curve(&mut self) -> Vec<Dab> {
        let [p0, p1, p2, p3] = [self.window[0], self.window[1], self.window[2], self.window[3]];
        let velocity = VELOCITY_WEIGHT * speed(&p1, &p2) + (1.0 - VELOCITY_WEIGHT) * self.velocity;
        let end_width = (MAX_WIDTH / (velocity + 1.0)).max(MIN_WIDTH);
        let start_width = self.width;
        self.velocity = velocity;
        self.width = end_width;
        let (_, c1) = control_points(&p0, &p1, &p2);
        let (c2, _) = control_points(&p1, &p2, &p3);
        bezier_dabs([xy(&p1), c1, c2, xy(&p2)], start_width, end_width)
    }
}

/// All dabs of a stroke, for drawing it again (after a resize or loading a record).
pub fn stroke_dabs(points: &[Point]) -> Vec<Dab> {
    let mut ink = StrokeInk::default();
    let mut dabs: Vec<Dab> = points.iter().flat_map(|p| ink.add(*p)).collect();
    dabs.extend(ink.finish());
    dabs
}

/// Why a drawing is not (yet) a signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortfall {
    Empty,
    /// A dot, a short dash or a scribble of a few points.
    TooLittle,
}

/// Fewest points, shortest ink (share of the pad's width) and smallest extent (shares of the
/// pad's width and height) a signature has; a dot or a dash falls short of at least one.
const MIN_POINTS: usize = 10;
const MIN_LENGTH: f64 = 0.25;
const MIN_EXTENT_X: f64 = 0.1;
const MIN_EXTENT_Y: f64 = 0.06;

/// Whether strokes on a pad of `width` × `height` are enough to count as a signature.
pub fn judge(strokes: &[Vec<Point>], width: f64, height: f64) -> Result<(), Shortfall> {
    let points: Vec<&Point> = strokes.iter().flatten().collect();
    if points.is_empty() {
        return Err(Shortfall::Empty);
    }
    let length: f64 = strokes.iter().flat_map(|s| s.windows(2)).map(|w| distance(&w[0], &w[1])).sum();
    let (min_x, max_x) = extent(points.iter().map(|p| p.x));
    let (min_y, max_y) = extent(points.iter().map(|p| p.y));
    let enough = points.len() >= MIN_POINTS
        && length >= MIN_LENGTH * width
        && max_x - min_x >= MIN_EXTENT_X * width
        && max_y - min_y >= MIN_EXTENT_Y * height;
    if enough {
        Ok(())
    } else {
        Err(Shortfall::TooLittle)
    }
}

fn extent(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

fn xy(p: &Point) -> (f64, f64) {
    (p.x, p.y)
}

fn distance(a: &Point, b: &Point) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

/// Pixels per millisecond from `a` to `b` (0 when no time passed).
fn speed(a: &Point, b: &Point) -> f64 {
    if b.t > a.t {
        distance(a, b) / (b.t - a.t)
    } else {
        0.0
    }
}

/// Control points beside `s2` on the line through it parallel to `s1`–`s3`, nearer the
/// shorter neighbour: the curve passes `s2` smoothly without overshooting.
fn control_points(s1: &Point, s2: &Point, s3: &Point) -> ((f64, f64), (f64, f64)) {
    let m1 = ((s1.x + s2.x) / 2.0, (s1.y + s2.y) / 2.0);
    let m2 = ((s2.x + s3.x) / 2.0, (s2.y + s3.y) / 2.0);
    let (l1, l2) = (distance(s1, s2), distance(s2, s3));
    let k = if l1 + l2 == 0.0 { 0.0 } else { l2 / (l1 + l2) };
    let cm = (m2.0 + (m1.0 - m2.0) * k, m2.1 + (m1.1 - m2.1) * k);
    let (tx, ty) = (s2.x - cm.0, s2.y - cm.1);
    ((m1.0 + tx, m1.1 + ty), (m2.0 + tx, m2.1 + ty))
}

/// Dabs along a cubic Bézier, two per pixel of its length; the width eases from start to end.
fn bezier_dabs(p: [(f64, f64); 4], start_width: f64, end_width: f64) -> Vec<Dab> {
    let at = |t: f64| {
        let u = 1.0 - t;
        let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
        (a * p[0].0 + b * p[1].0 + c * p[2].0 + d * p[3].0, a * p[0].1 + b * p[1].1 + c * p[2].1 + d * p[3].1)
    };
    let length: f64 = (1..=10)
        .map(|i| {
            let (a, b) = (at((i - 1) as f64 / 10.0), at(i as f64 / 10.0));
            (b.0 - a.0).hypot(b.1 - a.1)
        })
        .sum();
    let steps = ((length.ceil() as usize) * 2).max(1);
    (0..steps)
        .map(|i| {
            let t = i as f64 / steps as f64;
            let (x, y) = at(t);
            Dab { x, y, r: start_width + t * t * t * (end_width - start_width) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64, t: f64) -> Point {
        Point { x, y, t }
    }

    /// A wave across most of a 600 × 200 pad, a point every 8 ms.
    fn wave(speed: f64) -> Vec<Point> {
        (0..60).map(|i| i as f64).map(|i| p(40.0 + i * speed * 8.0, 100.0 + 40.0 * (i / 5.0).sin(), i * 8.0)).collect()
    }

    #[test]
    fn close_points_are_skipped() {
        assert!(worth_keeping(None, &p(0.0, 0.0, 0.0)));
        assert!(!worth_keeping(Some(&p(0.0, 0.0, 0.0)), &p(2.0, 2.0, 5.0)));
        assert!(worth_keeping(Some(&p(0.0, 0.0, 0.0)), &p(3.0, 3.0, 5.0)));
    }

    #[test]
    fn the_line_is_continuous_and_passes_through_every_point() {
        let points = wave(0.5);
        let dabs = stroke_dabs(&points);
        for pair in dabs.windows(2) {
            let gap = (pair[1].x - pair[0].x).hypot(pair[1].y - pair[0].y);
            assert!(gap <= 1.0, "dabs {gap} px apart leave a gap");
        }
        for point in &points {
            let nearest = dabs.iter().map(|d| (d.x - point.x).hypot(d.y - point.y)).fold(f64::INFINITY, f64::min);
            assert!(nearest < 0.6, "({}, {}) is {nearest} px from the line", point.x, point.y);
        }
        let last = dabs.last().unwrap();
        let end = points.last().unwrap();
        assert!((last.x - end.x).hypot(last.y - end.y) < 1.0, "the line reaches the last point");
    }

    #[test]
    fn a_faster_hand_draws_a_thinner_line() {
        let mean = |dabs: Vec<Dab>| dabs.iter().map(|d| d.r).sum::<f64>() / dabs.len() as f64;
        let slow = mean(stroke_dabs(&wave(0.1)));
        let fast = mean(stroke_dabs(&wave(1.5)));
        assert!(fast < slow * 0.8, "fast {fast} vs slow {slow}");
        for d in stroke_dabs(&wave(5.0)).into_iter().chain(stroke_dabs(&wave(0.01))) {
            assert!((MIN_WIDTH..=MAX_WIDTH).contains(&d.r), "radius {}", d.r);
        }
    }

    #[test]
    fn a_corner_is_rounded_and_stays_near_the_path() {
        let corner =
            [p(0.0, 0.0, 0.0), p(50.0, 0.0, 40.0), p(100.0, 0.0, 80.0), p(100.0, 50.0, 120.0), p(100.0, 100.0, 160.0)];
        // Distance to the nearer leg of the corner: (0,0)–(100,0) and (100,0)–(100,100).
        let off_path = |d: &Dab| {
            let leg1 = (d.x - d.x.clamp(0.0, 100.0)).hypot(d.y);
            let leg2 = (d.x - 100.0).hypot(d.y - d.y.clamp(0.0, 100.0));
            leg1.min(leg2)
        };
        let dabs = stroke_dabs(&corner);
        let worst = dabs.iter().map(off_path).fold(0.0, f64::max);
        assert!(worst > 0.5, "the corner is rounded, not sharp");
        assert!(worst < 8.0, "the curve strays {worst} px from the path");
    }

    #[test]
    fn a_single_point_is_a_dot() {
        let dabs = stroke_dabs(&[p(10.0, 10.0, 0.0)]);
        assert_eq!(dabs.len(), 1);
        assert_eq!((dabs[0].x, dabs[0].y), (10.0, 10.0));
    }

    #[test]
    fn dots_dashes_and_scribbles_are_not_signatures() {
        let (w, h) = (600.0, 200.0);
        assert_eq!(judge(&[], w, h), Err(Shortfall::Empty));
        assert_eq!(judge(&[vec![]], w, h), Err(Shortfall::Empty));
        assert_eq!(judge(&[vec![p(300.0, 100.0, 0.0)]], w, h), Err(Shortfall::TooLittle), "a dot");
        let few = vec![p(100.0, 100.0, 0.0), p(300.0, 150.0, 30.0), p(400.0, 60.0, 60.0)];
        assert_eq!(judge(&[few], w, h), Err(Shortfall::TooLittle), "three points");
        let dash: Vec<Point> = (0..30).map(|i| p(100.0 + i as f64 * 10.0, 100.0, i as f64 * 8.0)).collect();
        assert_eq!(judge(&[dash], w, h), Err(Shortfall::TooLittle), "a straight dash");
        let small: Vec<Point> = wave(0.5).into_iter().map(|q| p(q.x / 8.0, q.y / 8.0, q.t)).collect();
        assert_eq!(judge(&[small], w, h), Err(Shortfall::TooLittle), "a tiny scribble");
        assert_eq!(judge(&[wave(0.5)], w, h), Ok(()), "a signature-like wave");
        let whole = wave(0.5);
        let (a, b) = whole.split_at(30);
        assert_eq!(judge(&[a.to_vec(), b.to_vec()], w, h), Ok(()), "in two strokes");
    }
}

//! Small helpers for the SVG that pages draw on the server (the network's trends, an
//! initiative's indicators): escaping, linear scales, tick values, and a line chart.
//!
//! Everything is plain text built in Rust: no chart library, no script, nothing fetched.
//! Numbers are written with at most one decimal, since a tenth of a unit of a `viewBox` a
//! few hundred wide is below what any screen shows, and it keeps the markup small.

use std::fmt::Write;

/// Text or attribute content with the five XML specials replaced, so names such as
/// `<Ana & Ben>` can neither end an element nor an attribute, and without the control
/// characters XML 1.0 cannot hold at all (a document with one would not open).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A coordinate or length with at most one decimal and no trailing `.0`.
pub fn num(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}{}.{}", if tenths < 0 { "-" } else { "" }, (tenths / 10).abs(), (tenths % 10).abs())
    }
}

/// Maps a domain `[d0, d1]` linearly onto a range `[r0, r1]` (which may run backwards, as
/// the y axis of a chart does). A domain of one value maps to the middle of the range.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Scale {
    pub fn new((d0, d1): (f64, f64), (r0, r1): (f64, f64)) -> Scale {
        Scale { d0, d1, r0, r1 }
    }

    pub fn at(&self, v: f64) -> f64 {
        if self.d1 == self.d0 {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// Round tick values (steps of 1, 2 or 5 times a power of ten) covering `[lo, hi]` in
/// about `count` steps: the first tick is at or below `lo`, the last at or above `hi`.
pub fn ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let (lo, hi) = if hi > lo { (lo, hi) } else { (lo, lo + 1.0) };
    let rough = (hi - lo) / count.max(1) as f64;
    let exponent = rough.log10().floor() as i32;
    let power = 10f64.powi(exponent);
    let m = [1.0, 2.0, 5.0].into_iter().find(|m| m * power >= rough).unwrap_or(10.0);
    let step = m * power;
    // k·m·10^e, dividing by an exact power of ten for small steps, so that a tick such as
    // 0.6 comes out as 0.6 and not 0.6000000000000001 (which is 3 × 0.2 in floating point).
    let at = |k: i64| if exponent >= 0 { k as f64 * step } else { k as f64 * m / 10f64.powi(-exponent) };
    ((lo / step).floor() as i64..=(hi / step).ceil() as i64).map(at).collect()
}

/// What a chart's values are, which decides its y axis and how values are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Counts of members, ties, components: the axis starts at zero.
    Count,
    /// Shares between 0 and 1, written as percentages; the axis runs from 0% to 100%.
    Share,
    /// Indices between −1 and 1 (E-I); the axis runs from −1 to 1 with a line at 0.
    Index,
}

impl Unit {
    /// A value as the page writes it: `42`, `37%`, `−0.25` (with a real minus sign).
    pub fn format(self, v: f64) -> String {
        match self {
            Unit::Count => format!("{}", v.round() as i64),
            Unit::Share => format!("{}%", (v * 100.0).round() as i64),
            Unit::Index => {
                let s = format!("{:.2}", v.abs());
                if v <= -0.005 {
                    format!("\u{2212}{s}")
                } else {
                    s
                }
            }
        }
    }
}

/// One line of a chart: values at moments (unix ms), in time order.
pub struct Series {
    pub points: Vec<(i64, f64)>,
}

/// A trend over time as a line chart, read by screen readers through its title and
/// description (the page gives the numbers in a table as well).
pub struct LineChart<'a> {
    /// Unique on the page; the ids of the title and description derive from it.
    pub id: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub unit: Unit,
    /// Drawn in order, styled by the classes `l0`, `l1`, ...
    pub series: Vec<Series>,
    /// Levels to read the lines against (a baseline, a target), drawn across the chart.
    pub marks: Vec<Mark<'a>>,
}

/// A level drawn across a chart, with its name at the right end.
pub struct Mark<'a> {
    pub value: f64,
    pub label: &'a str,
}

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 170.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 24.0;

impl LineChart<'_> {
    /// The chart as an `<svg>` element; `label` writes a moment for the x axis (a month).
    pub fn render(&self, label: impl Fn(i64) -> String) -> String {
        let mut s = String::with_capacity(2048);
        let id = esc(self.id);
        let _ = write!(
            s,
            r#"<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{id}-t {id}-d"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
            WIDTH,
            HEIGHT,
            esc(self.title),
            esc(self.description)
        );
        let points = self.series.iter().flat_map(|s| &s.points);
        let (t0, t1) = points.clone().fold((i64::MAX, i64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
        let y_max = points.map(|p| p.1).chain(self.marks.iter().map(|m| m.value)).fold(0.0, f64::max);
        let y_ticks = match self.unit {
            // At least four, so that the steps of a count are whole numbers.
            Unit::Count => ticks(0.0, y_max.max(4.0), 4),
            Unit::Share => vec![0.0, 0.25, 0.5, 0.75, 1.0],
            Unit::Index => vec![-1.0, -0.5, 0.0, 0.5, 1.0],
        };
        let y = Scale::new((y_ticks[0], y_ticks[y_ticks.len() - 1]), (HEIGHT - BOTTOM, TOP));
        let x = Scale::new((t0 as f64, t1 as f64), (LEFT, WIDTH - RIGHT));
        for v in &y_ticks {
            let (py, class) = (num(y.at(*v)), if *v == 0.0 { "g z" } else { "g" });
            let _ = write!(
                s,
                r#"<path class="{class}" d="M{LEFT} {py}H{}"/><text class="yl" x="{}" y="{py}">{}</text>"#,
                WIDTH - RIGHT,
                LEFT - 4.0,
                esc(&self.unit.format(*v))
            );
        }
        if t0 > t1 {
            // No value at all: say so where the lines would be.
            let _ = write!(
                s,
                r#"<text class="none" x="{}" y="{}">{}</text>"#,
                num((LEFT + WIDTH - RIGHT) / 2.0),
                num((TOP + HEIGHT - BOTTOM) / 2.0),
                esc(self.description)
            );
        } else {
            let _ = write!(s, r#"<text class="xl" x="{LEFT}" y="{}">{}</text>"#, HEIGHT - 6.0, esc(&label(t0)));
            if t1 > t0 {
                let _ = write!(
                    s,
                    r#"<text class="xl e" x="{}" y="{}">{}</text>"#,
                    WIDTH - RIGHT,
                    HEIGHT - 6.0,
                    esc(&label(t1))
                );
            }
        }
        for mark in &self.marks {
            let at = y.at(mark.value);
            let _ = write!(
                s,
                r#"<path class="m" d="M{LEFT} {}H{}"/><text class="ml" x="{}" y="{}">{}</text>"#,
                num(at),
                WIDTH - RIGHT,
                WIDTH - RIGHT,
                num(at - 4.0),
                esc(mark.label)
            );
        }
        for (i, series) in self.series.iter().enumerate() {
            let at: Vec<(String, String)> =
                series.points.iter().map(|(t, v)| (num(x.at(*t as f64)), num(y.at(*v)))).collect();
            if at.len() > 1 {
                let line: Vec<String> = at.iter().map(|(px, py)| format!("{px},{py}")).collect();
                let _ = write!(s, r#"<polyline class="l{i}" points="{}"/>"#, line.join(" "));
            }
            for (px, py) in &at {
                let _ = write!(s, r#"<circle class="l{i}" cx="{px}" cy="{py}" r="2.5"/>"#);
            }
        }
        s.push_str("</svg>");
        s
    }
}

/// A horizontal bar for one row of a bar list: `value` against the largest value `max`,
/// drawn over the full width of its box. Decorative: the row says the number in text.
pub fn bar(value: f64, max: f64) -> String {
    let width = if max > 0.0 { Scale::new((0.0, max), (0.0, 100.0)).at(value).clamp(0.0, 100.0) } else { 0.0 };
    format!(
        r#"<svg class="hbar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="{}" height="10"/></svg>"#,
        num(width)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(
            esc(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(esc("ณัฐ & Ana"), "ณัฐ &amp; Ana");
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.04), "12");
        assert_eq!(num(12.06), "12.1");
        assert_eq!(num(-0.44), "-0.4");
        assert_eq!(num(-3.5), "-3.5");
        assert_eq!(num(-0.04), "0");
    }

    #[test]
    fn scales_map_linearly_and_survive_a_single_value() {
        let s = Scale::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(s.at(0.0), 100.0);
        assert_eq!(s.at(10.0), 0.0);
        assert_eq!(s.at(2.5), 75.0);
        assert_eq!(Scale::new((5.0, 5.0), (0.0, 40.0)).at(5.0), 20.0);
    }

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(ticks(0.0, 180.0, 4), vec![0.0, 50.0, 100.0, 150.0, 200.0]);
        assert_eq!(ticks(0.0, 1.0, 4), vec![0.0, 0.5, 1.0]);
        assert_eq!(ticks(0.0, 7.0, 4), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(ticks(3.0, 3.0, 4), vec![3.0, 3.5, 4.0]);
        assert_eq!(ticks(0.0, 0.6, 3), vec![0.0, 0.2, 0.4, 0.6]);
    }

    #[test]
    fn units_write_values_for_people() {
        assert_eq!(Unit::Count.format(41.6), "42");
        assert_eq!(Unit::Share.format(0.374), "37%");
        assert_eq!(Unit::Index.format(-0.25), "\u{2212}0.25");
        assert_eq!(Unit::Index.format(0.25), "0.25");
        assert_eq!(Unit::Index.format(-0.001), "0.00");
    }

    fn chart(series: Vec<Series>, unit: Unit) -> String {
        LineChart { id: "c", title: "Members <&>", description: "From 1 to 2", unit, series, marks: Vec::new() }
            .render(|t| format!("m{t}"))
    }

    #[test]
    fn a_chart_is_one_accessible_svg_with_escaped_text() {
        let svg = chart(vec![Series { points: vec![(0, 1.0), (10, 3.0)] }], Unit::Count);
        assert!(svg.contains(">4</text>") && !svg.contains(">0.5</text>"), "a count's axis has whole steps");
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<svg").count(), 1);
        assert!(svg.contains(r#"role="img" aria-labelledby="c-t c-d""#));
        assert!(svg.contains("<title id=\"c-t\">Members &lt;&amp;&gt;</title>"));
        assert!(svg.contains("<polyline class=\"l0\""));
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains(">m0<") && svg.contains(">m10<"));
        // The first point sits on the left edge of the plot, the last on the right.
        assert!(svg.contains(&format!("points=\"{LEFT},")));
    }

    #[test]
    fn empty_and_single_point_charts_still_render() {
        let empty = chart(Vec::new(), Unit::Share);
        assert!(empty.ends_with("</svg>") && !empty.contains("<polyline") && !empty.contains("<circle"));
        assert!(empty.contains(">100%<"));
        assert!(empty.contains("<text class=\"none\" x=\"174\" y=\"78\">From 1 to 2</text>"), "{empty}");
        let one = chart(vec![Series { points: vec![(5, -0.5)] }], Unit::Index);
        assert!(!one.contains("<polyline") && one.matches("<circle").count() == 1);
        assert!(one.contains("class=\"g z\""), "the zero line of an index is marked");
    }

    #[test]
    fn bars_are_proportional_and_bounded() {
        assert!(bar(5.0, 10.0).contains(r#"<rect width="50""#));
        assert!(bar(10.0, 10.0).contains(r#"<rect width="100""#));
        assert!(bar(3.0, 0.0).contains(r#"<rect width="0""#));
    }
}

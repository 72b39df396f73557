/**
 * Finds the layout faults a reader sees in a rendered figure, from the bounding boxes of its text:
 * two texts drawn over each other ("multihopsingle", "0.600.00"), and text that runs past the edge of
 * the figure or of the clip region it is drawn in (cut off). Pure geometry: the boxes come from a
 * browser (reports/browser/figure-boxes.ts), so the same check runs on any renderer's measurements.
 */

/** An axis-aligned box in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A point in CSS pixels. */
export type Point = readonly [x: number, y: number];

/** One visible text of a figure: its glyph box as drawn (four corners: rotated text is a rotated box). */
export interface TextBox {
  text: string;
  corners: readonly Point[];
  /** The clip region the text is drawn in, when an ancestor clips. */
  clip: Box | null;
}

/** The measured texts of one figure. */
export interface FigureBoxes {
  name: string;
  /** The figure's own box (the SVG's viewport). */
  frame: Box;
  texts: TextBox[];
}

/** A layout fault. */
export interface LayoutFault {
  figure: string;
  kind: 'overlap' | 'clipped';
  detail: string;
}

/**
 * How far boxes may touch before it counts (px). Glyph boxes include line gap and side bearings, so
 * neighbours in a tight but readable layout touch by a fraction of a pixel.
 */
export const TOLERANCE = 1;

/** The axis-aligned box around some points. */
export function boundsOf(points: readonly Point[]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/**
 * How deep two convex quadrilaterals interpenetrate: the smallest overlap of their projections over the
 * edge normals of both (separating axis theorem); 0 when some axis separates them. For two upright
 * boxes it is the smaller of the width and the height of their intersection.
 */
export function penetration(a: readonly Point[], b: readonly Point[]): number {
  let depth = Number.POSITIVE_INFINITY;
  for (const polygon of [a, b]) {
    for (let i = 0; i < polygon.length; i++) {
      const [x1, y1] = polygon[i]!;
      const [x2, y2] = polygon[(i + 1) % polygon.length]!;
      const length = Math.hypot(x2 - x1, y2 - y1);
      if (length === 0) continue;
      const axis: Point = [(y1 - y2) / length, (x2 - x1) / length];
      const project = (points: readonly Point[]) => points.map(([x, y]) => x * axis[0] + y * axis[1]);
      const pa = project(a);
      const pb = project(b);
      const overlap = Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb));
      if (overlap <= 0) return 0;
      depth = Math.min(depth, overlap);
    }
  }
  return Number.isFinite(depth) ? depth : 0;
}

/** True when any point lies outside `outer` by more than the tolerance. */
export function sticksOut(points: readonly Point[], outer: Box, tolerance = TOLERANCE): boolean {
  return points.some(([x, y]) => x < outer.x - tolerance || y < outer.y - tolerance || x > outer.x + outer.width + tolerance || y > outer.y + outer.height + tolerance);
}

const describe = (t: TextBox) => {
  const b = boundsOf(t.corners);
  return `"${t.text.length > 40 ? `${t.text.slice(0, 39)}…` : t.text}" at (${Math.round(b.x)}, ${Math.round(b.y)}) ${Math.round(b.width)}×${Math.round(b.height)}`;
};

/** Every overlap between two texts and every text cut off by the frame or its clip region. */
export function layoutFaults(figure: FigureBoxes, tolerance = TOLERANCE): LayoutFault[] {
  const faults: LayoutFault[] = [];
  const texts = figure.texts.map((text) => ({ text, bounds: boundsOf(text.corners) })).sort((a, b) => a.bounds.x - b.bounds.x);
  for (let i = 0; i < texts.length; i++) {
    const a = texts[i]!;
    if (sticksOut(a.text.corners, figure.frame, tolerance)) faults.push({ figure: figure.name, kind: 'clipped', detail: `${describe(a.text)} runs past the figure's edge` });
    else if (a.text.clip && sticksOut(a.text.corners, a.text.clip, tolerance)) faults.push({ figure: figure.name, kind: 'clipped', detail: `${describe(a.text)} runs past its clip region` });
    // Sorted by left edge: once b starts right of a's bounds, no later text can meet a.
    for (let j = i + 1; j < texts.length && texts[j]!.bounds.x < a.bounds.x + a.bounds.width; j++) {
      const b = texts[j]!;
      if (penetration(a.text.corners, b.text.corners) > tolerance) {
        faults.push({ figure: figure.name, kind: 'overlap', detail: `${describe(a.text)} overlaps ${describe(b.text)}` });
      }
    }
  }
  return faults;
}

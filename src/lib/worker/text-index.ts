/** Texts per segment: joining this many takes a few milliseconds, so a segment is one short task. */
const SEGMENT = 32_768;

interface Segment {
  /** The segment's texts joined by NUL. */
  joined: string;
  /** Where each text starts in `joined`; one more entry for the end. */
  starts: Int32Array;
  /** The position of its first text among all texts. */
  first: number;
}

/**
 * Every user's search text in a few long strings (segments of 32,768 texts), in a sort order, so a
 * search is a few `indexOf` calls instead of 100,000 `includes` (about 4× faster per keystroke at
 * 100k users). Texts are separated by NUL, which a search term never holds, so a match never spans
 * two users. Segments are joined as they are needed, or one a task in the background (`step`): at
 * a million users joining every text at once was one ~700 ms task that requests waited behind.
 */
export class TextIndex {
  private readonly segments: Segment[] = [];
  private built = 0;

  constructor(
    private readonly texts: readonly string[],
    private readonly segment = SEGMENT
  ) {}

  /** Whether every text is in a segment. */
  get complete(): boolean {
    return this.built >= this.texts.length;
  }

  /** Joins the next segment; false once every text is in one. */
  step(): boolean {
    if (this.complete) return false;
    const first = this.built;
    const texts = this.texts.slice(first, first + this.segment);
    const starts = new Int32Array(texts.length + 1);
    let at = 0;
    for (let i = 0; i < texts.length; i++) {
      starts[i] = at;
      at += texts[i].length + 1;
    }
    starts[texts.length] = at;
    this.segments.push({ joined: texts.join('\u0000'), starts, first });
    this.built += texts.length;
    return !this.complete;
  }

  /** Positions (ascending) of the texts that contain `term`; null when the term cannot be searched this way. */
  containing(term: string): number[] | null {
    if (term === '' || term.includes('\u0000')) return null;
    while (this.step());
    const out: number[] = [];
    for (const segment of this.segments) search(segment, term, out);
    return out;
  }
}

/** Adds the positions of the segment's texts that contain `term` to `out`, ascending. */
function search({ joined, starts, first }: Segment, term: string, out: number[]) {
  const last = starts.length - 1;
  // Matches come in ascending order, so each text holding one is searched for from the last one
  // found, by doubling steps then halving: a one-letter term matches nearly every text, and
  // a binary search over a million starts for each of them cost ~20 steps a match.
  let lo = 0;
  for (let at = joined.indexOf(term); at >= 0; ) {
    // The text holding position `at`: the last start at or before it.
    let step = 1;
    let hi = lo;
    while (hi < last && starts[hi + 1] <= at) {
      lo = hi;
      hi = Math.min(last, hi + step);
      step *= 2;
    }
    // Now starts[lo] <= at and (hi === last or starts[hi + 1] > at): the text is in [lo, hi].
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    out.push(first + lo);
    at = joined.indexOf(term, starts[lo + 1]);
  }
}

/** Texts per segment: joining this many takes a few milliseconds, so a segment is one short task. */
const SEGMENT = 32_768;

interface Segment {
  /** The segment's texts joined by NUL. */
  joined: string;
  /** Where each text starts in `joined`; one more entry for the end. */
  starts: Int32Array;
  /** The id of its first text. */
  first: number;
}

/** The texts the index is made of: each user's search text by id (search-texts.ts). */
export interface IdTexts {
  /** One more than the largest id that may hold a text. */
  readonly length: number;
  /** The texts of ids [from, to), undefined where nobody holds the id. */
  slice(from: number, to: number): readonly (string | undefined)[];
}

/**
 * Every user's search text in a few long strings (segments of 32,768 ids), by id, so a search is a
 * few `indexOf` calls instead of 100,000 `includes` (about 4× faster per keystroke at 100k users).
 * Texts are separated by NUL, which a search term never holds, so a match never spans two users.
 * One index serves every sort order, and a write drops only the segments of the users it changed
 * (`touch`). Segments are joined as they are needed, or one a task in the background (`step`): at
 * a million users joining every text at once was one ~700 ms task that requests waited behind.
 */
export class TextIndex {
  private segments: (Segment | undefined)[] = [];

  constructor(
    private readonly texts: IdTexts,
    private readonly segment = SEGMENT
  ) {}

  /** Forgets the segment holding `id`, whose text changed: it is joined again when next needed. */
  touch(id: number) {
    this.segments[Math.floor(id / this.segment)] = undefined;
  }

  clear() {
    this.segments = [];
  }

  /** Whether every text is in a joined segment. */
  get complete(): boolean {
    return this.missing() < 0;
  }

  /** Joins the next segment not joined yet; false once every text is in one. */
  step(): boolean {
    const s = this.missing();
    if (s < 0) return false;
    const first = s * this.segment;
    const texts = this.texts.slice(first, first + this.segment);
    const starts = new Int32Array(texts.length + 1);
    let at = 0;
    for (let i = 0; i < texts.length; i++) {
      starts[i] = at;
      at += (texts[i]?.length ?? 0) + 1;
    }
    starts[texts.length] = at;
    this.segments[s] = { joined: texts.join('\u0000'), starts, first };
    return this.missing() >= 0;
  }

  /** Ids (ascending) of the users whose text contains `term`; null when the term cannot be searched this way. */
  containing(term: string): number[] | null {
    if (term === '' || term.includes('\u0000')) return null;
    while (this.step());
    const out: number[] = [];
    for (const segment of this.segments) if (segment) search(segment, term, out);
    return out;
  }

  /** The first segment not joined, or -1. */
  private missing(): number {
    const count = Math.ceil(this.texts.length / this.segment);
    for (let s = 0; s < count; s++) if (!this.segments[s]) return s;
    return -1;
  }
}

/** Adds the ids of the segment's texts that contain `term` to `out`, ascending. */
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

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateDemoWorkspace } from './demo-data';
import { Store } from './store';
import { TextIndex } from './text-index';
import { matchingIds } from './query';
import { compileFilter, SORT_KEYS, type Sort } from '../domain/filters';

describe('searching many texts at once', () => {
  it('finds exactly the texts that contain the term, each once, in order', () => {
    // A small alphabet makes repeated, overlapping and adjacent matches common.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'é', ' ', '@'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), fc.string({ unit: fc.constantFrom('a', 'b', 'é', '@'), minLength: 1, maxLength: 3 }), (texts, term) => {
        const expected = texts.flatMap((t, i) => (t.includes(term) ? [i] : []));
        expect(new TextIndex(texts).containing(term)).toEqual(expected);
        // In segments of any size, joined as needed or some of them ahead.
        const segmented = new TextIndex(texts, 1 + (texts.length % 4));
        if (texts.length % 2) segmented.step();
        expect(segmented.containing(term)).toEqual(expected);
        expect(segmented.complete).toBe(true);
      }),
      { numRuns: 300 }
    );
  });

  it('after texts change and their ids are touched, finds what the texts hold now', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' '), maxLength: 6 });
    // An edit: a text set (or removed: undefined) at an id, maybe past the end; some segments joined between.
    const edit = fc.record({ id: fc.nat(40), text: fc.option(text, { nil: undefined }), steps: fc.nat(3) });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), fc.array(edit, { maxLength: 12 }), fc.integer({ min: 1, max: 8 }), fc.constantFrom('a', 'b', 'ab', 'a b'), (start, edits, segment, term) => {
        const texts: (string | undefined)[] = [...start];
        const index = new TextIndex(texts, segment);
        for (const { id, text, steps } of edits) {
          for (let k = 0; k < steps; k++) index.step();
          while (texts.length <= id) texts.push(undefined);
          texts[id] = text;
          index.touch(id);
        }
        const expected = texts.flatMap((t, id) => (t?.includes(term) ? [id] : []));
        expect(index.containing(term)).toEqual(expected);
      }),
      { numRuns: 300 }
    );
  });

  it('joins one segment a step, the last step saying so', () => {
    const index = new TextIndex(['ab', 'b', 'ba', 'c', 'ab'], 2);
    expect([index.complete, index.step(), index.step(), index.step(), index.complete]).toEqual([false, true, true, false, true]);
    expect(index.containing('b')).toEqual([0, 1, 2, 4]);
  });

  it('declines terms it cannot search (empty, or holding its separator)', () => {
    const index = new TextIndex(['ab', 'cd']);
    expect(index.containing('')).toBeNull();
    expect(index.containing('b\u0000c')).toBeNull();
  });
});

describe('directory search through the index', () => {
  const today = '2026-11-23';
  const ws = generateDemoWorkspace({ size: 400, today });
  const store = new Store();
  store.load(ws.users);
  store.settings = { plan: 'standard', today, invitationValidityDays: 14, actorId: 1, nextUserId: 401, demoSize: 400 };
  const words = ws.users.slice(0, 40).flatMap((u) => [u.firstName.slice(1, 4), u.lastName.toUpperCase().slice(0, 3), u.email.slice(-12, -5)]);

  it('answers what a test of every user answers, in the same order, for any words and sort', () => {
    const q = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    const sort: fc.Arbitrary<Sort> = fc.record({ key: fc.constantFrom(...SORT_KEYS), dir: fc.constantFrom('asc' as const, 'desc' as const) });
    fc.assert(
      fc.property(q, sort, fc.boolean(), (query, s, activeOnly) => {
        const filter = { q: query, ...(activeOnly ? { status: ['active' as const] } : {}) };
        const match = compileFilter(filter, today);
        const { users } = store.order(s.key);
        const all = (s.dir === 'asc' ? users : [...users].reverse()).filter((u) => match(u)).map((u) => u.id);
        expect(Array.from(matchingIds(store, filter, s))).toEqual(all);
      }),
      { numRuns: 150 }
    );
  });
});

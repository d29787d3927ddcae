/**
 * Each user's search text (filters.ts searchText) by id, in an array. Orders read the texts of a
 * million users in sort order: from a Map<number, string> that took ~650 ms in Node (a hashed
 * lookup per id, scattered over a large table), from an array by id a fraction of it.
 */
export class SearchTexts {
  private texts: (string | undefined)[] = [];

  get(id: number): string | undefined {
    return this.texts[id];
  }

  /** One more than the largest id set (or set once). */
  get length(): number {
    return this.texts.length;
  }

  slice(from: number, to: number): (string | undefined)[] {
    return this.texts.slice(from, to);
  }

  set(id: number, text: string) {
    // Filled up to the id one by one, so the array stays a plain list and never becomes a dictionary.
    const texts = this.texts;
    while (texts.length < id) texts.push(undefined);
    texts[id] = text;
  }

  delete(id: number) {
    if (id < this.texts.length) this.texts[id] = undefined;
  }

  clear() {
    this.texts = [];
  }
}

import '@testing-library/jest-dom/vitest';

// jsdom has no layout: elements measure 0 and never resize. Svelte's bind:clientHeight needs the
// observer to exist; it simply never fires here.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

// Nor does it scroll: a list that keeps its highlighted option in view calls this.
Element.prototype.scrollIntoView ??= function () {};

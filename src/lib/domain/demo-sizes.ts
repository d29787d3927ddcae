import { count } from './format';

/**
 * The sizes a demo workspace comes in (SPEC §8). The largest is bigger than any workforce
 * directory and ten times what Google Workspace accepts in one file: it shows Muster at scale.
 */
export const DEMO_SIZES = [1_000, 10_000, 100_000, 1_000_000] as const;

export function isDemoSize(n: number): boolean {
  return (DEMO_SIZES as readonly number[]).includes(n);
}

/** "1,000, 10,000, 100,000 or 1,000,000", in the browser's locale. */
export function demoSizesInWords(): string {
  const words = DEMO_SIZES.map((n) => count(n));
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

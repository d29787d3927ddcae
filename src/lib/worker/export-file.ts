import type { ExportFile } from '../domain/export-formats';

/**
 * A file for the page to download, made into a Blob here in the worker: the page receives a
 * handle to it, not its bytes. (An 18 MB export decoded on the main thread blocked it for a
 * second; bytes moved there still cost an 80 ms task to become a Blob.) `text` reads it back for
 * the engine's own tests: a private field, which cloning to the page leaves behind.
 */
export class WrittenFile implements ExportFile {
  readonly blob: Blob;
  readonly #text: string;
  constructor(
    readonly filename: string,
    readonly mime: string,
    text: string
  ) {
    this.#text = text;
    this.blob = new Blob([text], { type: `${mime};charset=utf-8` });
  }
  get text(): string {
    return this.#text;
  }
}

import * as Comlink from 'comlink';
import type { ExportFile } from '../domain/export-formats';

/**
 * A file for the page to download: encoded here, in the worker, and its bytes moved to the page
 * rather than copied (an 18 MB export decoded and re-encoded on the main thread blocked it for a
 * second). `text` reads it back, for the engine's own tests.
 */
export class WrittenFile implements ExportFile {
  readonly bytes: Uint8Array;
  constructor(
    readonly filename: string,
    readonly mime: string,
    text: string
  ) {
    this.bytes = new TextEncoder().encode(text);
  }
  get text(): string {
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(this.bytes);
  }
}

export function writtenFile(filename: string, mime: string, text: string): WrittenFile {
  const file = new WrittenFile(filename, mime, text);
  return Comlink.transfer(file, [file.bytes.buffer as ArrayBuffer]);
}

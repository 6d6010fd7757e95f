/**
 * A file written as it is filled, in chunks of about a megabyte: a file of a million rows never exists
 * as one string, and a write is one system call per chunk, not per row. Used by the bulk path's CSV
 * files (csvFiles.ts) and the benchmark's network generator (bench/data/jsonWriter.ts).
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const CHUNK_CHARS = 1 << 20;

export class ChunkedFile {
  private readonly fd: number;
  private parts: string[] = [];
  private chars = 0;
  /** Bytes written so far (UTF-8). */
  bytes = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Appends `text`; written once a chunk's worth is waiting. */
  write(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars >= CHUNK_CHARS) this.flush();
  }

  /** Writes what waits and closes the file. */
  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    const buffer = Buffer.from(this.parts.join(''), 'utf8');
    for (let written = 0; written < buffer.length; ) written += writeSync(this.fd, buffer, written);
    this.bytes += buffer.length;
    this.parts = [];
    this.chars = 0;
  }
}

/**
 * Writes an import file as it is generated: items are serialised one at a time (JSON.stringify, so
 * every string is escaped as JSON requires) and written in chunks of about a megabyte, so a file of a
 * million relationships never exists as one string. One item per line, which keeps the file readable
 * with head and grep. The file is written under a `.partial` name and renamed when complete, so an
 * interrupted run never leaves a truncated file where a whole one is expected.
 */
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';

const CHUNK_CHARS = 1 << 20;

export class ImportFileWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private chars = 0;
  private inList = false;
  private itemsInList = 0;
  private listsWritten = 0;
  /** Bytes written so far (UTF-8). */
  bytes = 0;

  constructor(private readonly path: string) {
    this.fd = openSync(`${path}.partial`, 'w');
    this.push('{');
  }

  /** Starts the list `name` (sources, nodes, relationships), ending the one before. */
  list(name: string): void {
    this.endList();
    this.push(`${this.listsWritten++ ? ',' : ''}\n"${name}":[`);
    this.inList = true;
    this.itemsInList = 0;
  }

  item(value: unknown): void {
    this.push(`${this.itemsInList++ ? ',' : ''}\n${JSON.stringify(value)}`);
  }

  /** Ends the file, flushes it and gives it its name. */
  close(): void {
    this.endList();
    this.push('\n}\n');
    this.flush();
    closeSync(this.fd);
    renameSync(`${this.path}.partial`, this.path);
  }

  private endList(): void {
    if (this.inList) this.push('\n]');
    this.inList = false;
  }

  private push(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    const buffer = Buffer.from(this.parts.join(''), 'utf8');
    for (let written = 0; written < buffer.length; ) written += writeSync(this.fd, buffer, written);
    this.bytes += buffer.length;
    this.parts = [];
    this.chars = 0;
  }
}

/**
 * Writes an import file as it is generated: items are serialised one at a time (JSON.stringify, so
 * every string is escaped as JSON requires) and written in chunks of about a megabyte, so a file of a
 * million relationships never exists as one string. One item per line, which keeps the file readable
 * with head and grep. The file is written under a `.partial` name and renamed when complete, so an
 * interrupted run never leaves a truncated file where a whole one is expected.
 */
import { renameSync } from 'node:fs';
import { ChunkedFile } from '../../server/bulk/chunkedFile.ts';

export class ImportFileWriter {
  private readonly file: ChunkedFile;
  private inList = false;
  private itemsInList = 0;
  private listsWritten = 0;

  constructor(private readonly path: string) {
    this.file = new ChunkedFile(`${path}.partial`);
    this.push('{');
  }

  /** Bytes written so far (UTF-8). */
  get bytes(): number {
    return this.file.bytes;
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
    this.file.close();
    renameSync(`${this.path}.partial`, this.path);
  }

  private endList(): void {
    if (this.inList) this.push('\n]');
    this.inList = false;
  }

  private push(text: string): void {
    this.file.write(text);
  }
}

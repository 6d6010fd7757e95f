/**
 * What the curation forms work with: the read API (search, a node's details), the write calls, the
 * canvas (the nodes drawn, to pick a claim's ends from), and what happens after a write (the view and
 * the grades refreshed, a new node brought onto the canvas).
 */
import type { Api } from '../api.ts';
import type { Canvas } from '../graph/canvas.ts';
import type { CurationApi } from './curationApi.ts';

/** A fact just written: its kind and id; `show` asks for nodes to be brought onto the canvas. */
export interface Written {
  kind: 'node' | 'claim' | 'source';
  id: string;
  show?: string[];
}

export interface CurationDeps {
  api: Api;
  curation: CurationApi;
  canvas: Canvas;
  afterWrite(written: Written): Promise<void>;
}

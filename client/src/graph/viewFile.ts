/**
 * The JSON file of a view, for export and re-import: the drawn elements with their positions, and the
 * view's recipe as the same query string a shared link carries (so it is validated the same way).
 * An imported file is parsed with the contract's schemas before anything of it reaches the canvas.
 */
import { z } from 'zod';
import { edgeData, nodeData } from '../../../contract/api.ts';
import { intervalBounds } from '../../../contract/validTime.ts';

export const VIEW_FORMAT = 'faction-atlas-view';

const position = z.object({ x: z.number().finite(), y: z.number().finite() });

export const viewFile = z.object({
  format: z.literal(VIEW_FORMAT),
  version: z.literal(1),
  exported: z.string().optional(),
  /** The recipe, as in a shared link (state/url.ts). */
  view: z.string().max(100_000),
  nodes: z.array(z.object({ data: nodeData, position: position.optional() })).max(200_000),
  edges: z.array(z.object({ data: z.preprocess(withValidTime, edgeData) })).max(1_000_000),
});
export type ViewFile = z.infer<typeof viewFile>;

/**
 * Files exported before valid time was stored (contract/validTime.ts) have edges without
 * validFrom/validTo: they are derived from the stated dates, so those files still open.
 */
function withValidTime(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || 'validFrom' in data) return data;
  const { from, to } = data as { from?: unknown; to?: unknown };
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { ...data, ...intervalBounds(str(from), str(to)) };
}

export class ViewFileError extends Error {
  readonly code = 'INVALID_VIEW_FILE';
}

export function parseViewFile(text: string): ViewFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ViewFileError(`Not a JSON file: ${(err as Error).message}`);
  }
  const parsed = viewFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || '(top level)' : '';
    throw new ViewFileError(`Not a Faction Atlas view file: ${where} ${issue?.message ?? ''}`.trim());
  }
  const ids = new Set(parsed.data.nodes.map((n) => n.data.id));
  const dangling = parsed.data.edges.find((e) => !ids.has(e.data.source) || !ids.has(e.data.target));
  if (dangling) throw new ViewFileError(`Edge "${dangling.data.id}" links a node the file does not have`);
  return parsed.data;
}

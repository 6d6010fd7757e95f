/**
 * Each fact's history from the server (contract/curation.ts historyResponse): GET /api/nodes/:id/history
 * and GET /api/relationships/:id/history, oldest change first.
 */
import { type HistoryResponse, historyResponse } from '../../../contract/curation.ts';
import { requestJson } from '../api.ts';

/** The changes of a node or a claim (an edge's id is its claim's id), oldest first. Throws ApiError. */
export function historyOf(kind: 'node' | 'edge', id: string, signal?: AbortSignal): Promise<HistoryResponse> {
  const path = kind === 'node' ? 'nodes' : 'relationships';
  return requestJson(`/api/${path}/${encodeURIComponent(id)}/history`, historyResponse, { signal });
}

/**
 * The console's editor, fetched when the console first opens. CodeMirror with its Cypher mode
 * (editor.ts and what it imports) is a large part of the client that most sessions never use, so it is
 * imported dynamically here and Vite builds it as a chunk of its own: the first page load never
 * downloads it (tests/e2e/console-loads-on-open.test.ts). Only types come from editor.ts statically,
 * and those are erased, so nothing else pulls the chunk into the main bundle.
 */
import type { Api } from '../api.ts';
import type { CypherEditor, EditorOptions } from './editor.ts';

/**
 * Fetches the editor's chunk, mounts the editor in `host` and then asks the database for its labels,
 * types and property keys to complete (without them completion offers keywords only). Rejects when
 * the chunk cannot be fetched (network gone, or a newer build replaced it on the server); the caller
 * may try again.
 */
export async function loadCypherEditor(host: HTMLElement, options: EditorOptions, api: Api): Promise<CypherEditor> {
  const { fetchVocabulary, mountCypherEditor } = await import('./editor.ts');
  const editor = mountCypherEditor(host, options);
  fetchVocabulary(api).then(
    (words) => editor.setVocabulary(words),
    () => {}, // completion then offers keywords only; the console itself still works
  );
  return editor;
}

/**
 * The console's query editor: CodeMirror 6 with Cypher highlighting (the Cypher mode of
 * @codemirror/legacy-modes), bracket matching and closing, undo, and completion of the database's
 * labels, relationship types and property keys, the parameters written so far, and Cypher keywords
 * (what is offered where: completion.ts). Ctrl+Enter (Cmd+Enter) runs the query. Tab is left to
 * moving focus, so the editor is no keyboard trap.
 */
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';
import { EditorState, Prec } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers, placeholder } from '@codemirror/view';
import type { Api } from '../api.ts';
import { completionSpot, CYPHER_FUNCTIONS, CYPHER_KEYWORDS, type CompletionKind } from './completion.ts';
import { newRunId } from './runner.ts';
import { WORKSPACE_LABELS } from '../../../contract/investigation.ts';

const WORKSPACE = new Set<string>(WORKSPACE_LABELS);

/** The names the database knows, fetched once when the console first opens. */
export interface Vocabulary {
  labels: string[];
  types: string[];
  properties: string[];
}

/**
 * Labels, types and property keys, asked through the console itself (these calls are allow-listed),
 * one after the other: the server runs at most CONSOLE_MAX_RUNNING_PER_CLIENT (2) console queries of
 * one client at once, and the analyst's own query may be running beside them.
 */
export async function fetchVocabulary(api: Api): Promise<Vocabulary> {
  const column = async (query: string) =>
    (await api.cypher({ query, params: {}, runId: newRunId() })).rows.map((r) => String(r[0]));
  // The workspace's labels (investigations, users, the audit trail, facts' histories) are withheld from
  // console results (server/db/consoleWorkspace.ts), so completing them would offer what answers nothing,
  // and would put FactChange before Faction.
  const labels = (await column('CALL db.labels()')).filter((l) => !WORKSPACE.has(l));
  const types = await column('CALL db.relationshipTypes()');
  const properties = await column('CALL db.propertyKeys()');
  return { labels, types, properties };
}

export interface CypherEditor {
  text(): string;
  setText(text: string): void;
  focus(): void;
  /** Puts the cursor at a character offset of the query (where an error lies) and shows it. */
  goTo(offset: number): void;
  setVocabulary(words: Vocabulary): void;
}

export interface EditorOptions {
  initial: string;
  run(): void;
  /** The parameters written so far, offered after `$`. */
  paramNames(): string[];
}

/** Names that are not plain identifiers are written in backticks. */
const quoted = (name: string) => (/^[A-Za-z_]\w*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``);

const COMPLETION_TYPES: Record<CompletionKind, string> = {
  label: 'class',
  type: 'type',
  property: 'property',
  parameter: 'variable',
  keyword: 'keyword',
};

export function mountCypherEditor(host: HTMLElement, options: EditorOptions): CypherEditor {
  let vocabulary: Vocabulary = { labels: [], types: [], properties: [] };

  function words(kind: CompletionKind): Completion[] {
    const type = COMPLETION_TYPES[kind];
    const named = (list: string[], detail: string) => list.map((w) => ({ label: w, apply: quoted(w), type, detail }));
    switch (kind) {
      case 'label':
        return named(vocabulary.labels, 'label');
      case 'type':
        return named(vocabulary.types, 'relationship');
      case 'property':
        return named(vocabulary.properties, 'property');
      case 'parameter':
        return options.paramNames().map((w) => ({ label: w, type, detail: 'parameter' }));
      case 'keyword':
        return [
          ...CYPHER_KEYWORDS.map((w) => ({ label: w, type })),
          ...CYPHER_FUNCTIONS.map((w) => ({ label: w, type: 'function', detail: 'function' })),
        ];
    }
  }

  function complete(context: CompletionContext): CompletionResult | null {
    const before = context.state.sliceDoc(0, context.pos);
    const spot =
      completionSpot(before) ?? (context.explicit ? { kind: 'keyword' as const, from: context.pos, prefix: '' } : null);
    if (!spot) return null;
    const options = words(spot.kind);
    return options.length ? { from: spot.from, options, validFor: /^\w*$/ } : null;
  }

  const runKey = Prec.highest(
    keymap.of([
      {
        key: 'Mod-Enter',
        run: () => {
          options.run();
          return true;
        },
      },
    ]),
  );

  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: options.initial,
      extensions: [
        runKey,
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        closeBrackets(),
        StreamLanguage.define(cypher),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        autocompletion({ override: [complete], icons: false }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
        placeholder('MATCH (f:Faction {id: $id})-[r]-(other) RETURN f, r, other'),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': 'Cypher query (Ctrl+Enter runs it)' }),
      ],
    }),
  });

  return {
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: { anchor: text.length },
      });
    },
    focus: () => view.focus(),
    goTo(offset) {
      const at = Math.max(0, Math.min(offset, view.state.doc.length));
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    },
    setVocabulary(words) {
      vocabulary = words;
    },
  };
}

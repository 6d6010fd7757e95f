/**
 * The view model's saved form and provenance, without a browser: which step brought which element
 * (first one first, with what replays it), and a full model → toView() → JSON → the contract's
 * investigationView → load() → toView() that gives back the same view, notes and queries. Also:
 * client/src/model/ knows nothing of Cytoscape or of the canvas (client/src/graph/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotation, investigationView, queryRun } from '../../contract/investigation.ts';
import type { EdgeData, NodeData } from '../../contract/api.ts';
import type { ViewModel } from '../../client/src/model/viewModel.ts';
import { testModel } from '../support/viewModel.ts';

const model = testModel;

const node = (id: string): NodeData => ({ id, label: 'Faction', name: id, sources: [] }) as unknown as NodeData;
const edge = (id: string, source: string, target: string): EdgeData =>
  ({
    id,
    source,
    target,
    type: 'MEMBER_OF',
    sources: [],
    validFrom: '0000-01-01',
    validTo: '9999-12-31',
  }) as unknown as EdgeData;

describe('provenance in the view model', () => {
  it('says which step brought which element, first one first, and keeps what replays it', () => {
    const m = model();
    const search = m.addStep({ kind: 'search', text: 'jaysh nasr', node: 'jaysh-al-nasr' }, ['jaysh-al-nasr'])!;
    const expansion = m.addStep({
      kind: 'expansion',
      expansion: { id: 'jaysh-al-nasr', depth: 1, direction: 'both', types: null, limit: 25 },
    })!;
    m.attribute(expansion.id, ['jaysh-al-nasr', 'fsa', 'e1']);
    const query = m.addStep({ kind: 'query', text: 'MATCH (n:Faction) RETURN n', params: { x: 1 } }, ['fsa', 'q1'])!;

    expect(search).toMatchObject({ id: 'step-1', at: '2025-01-01T00:00:01.000Z' });
    expect(m.stepsOf('jaysh-al-nasr').map((s) => s.kind)).toEqual(['search', 'expansion']);
    expect(m.stepsOf('fsa').map((s) => s.kind)).toEqual(['expansion', 'query']);
    expect(m.stepsOf('never-drawn')).toEqual([]);
    expect(m.elementsOf(expansion.id)).toEqual(['jaysh-al-nasr', 'fsa', 'e1']);
    expect(m.step(expansion.id)).toMatchObject({ kind: 'expansion', expansion: { id: 'jaysh-al-nasr', depth: 1 } });
    expect(m.step(query.id)).toMatchObject({ text: 'MATCH (n:Faction) RETURN n', params: { x: 1 } });
    expect(m.attribute('no-such-step', ['x'])).toBe(false);
  });

  it('does not list a step twice for one element, and undo forgets a step and what it brought', () => {
    const m = model();
    m.checkpoint();
    const s = m.addStep({ kind: 'lineage', node: 'a' }, ['a', 'b'])!;
    m.attribute(s.id, ['a']);
    expect(m.toView().provenance).toEqual({ a: [s.id], b: [s.id] });
    m.undo();
    expect(m.steps).toEqual([]);
    expect(m.stepsOf('a')).toEqual([]);
    m.redo();
    expect(m.stepsOf('b').map((x) => x.id)).toEqual([s.id]);
  });

  it('copies a step: changing what was passed in changes nothing', () => {
    const m = model();
    const params = { id: 'a' };
    const s = m.addStep({ kind: 'query', text: 'RETURN $id', params })!;
    params.id = 'b';
    expect(m.step(s.id)).toMatchObject({ params: { id: 'a' } });
  });
});

describe('the saved form of the view model', () => {
  function fullModel(): ViewModel {
    const m = model();
    m.changeRecipe((s) => {
      s.added = ['jaysh-al-nasr'];
      s.expansions = [{ id: 'jaysh-al-nasr', depth: 2, direction: 'out', types: ['MEMBER_OF'], limit: null }];
      s.paths = [{ from: 'jaysh-al-nasr', to: 'fsa', maxLength: 3 }];
      s.removed = ['turkey'];
      s.hidden = ['syrian-arab-army'];
      s.pinned = ['jaysh-al-nasr'];
      s.asOf = '2016-06-30';
      s.hiddenLabels = ['Person'];
      s.hiddenTypes = ['FOUGHT'];
      s.layout = 'concentric';
      s.focus = 'jaysh-al-nasr';
      s.pageSize = 40;
    });
    m.setPositions([
      ['jaysh-al-nasr', { x: 12.25, y: -40.5 }],
      ['fsa', { x: 300.125, y: 7 }],
      ['q1', { x: -1e-7, y: 1e6 }],
    ]);
    m.setViewport({ zoom: 1.375, pan: { x: -20.5, y: 33.25 } });
    m.setSelection(['jaysh-al-nasr', 'e1']);
    m.setCompare({ a: '2015-08-01', b: '2018-02-09' });
    m.setBase({ nodes: new Map([['q1', node('q1')]]), edges: new Map([['e9', edge('e9', 'q1', 'fsa')]]) });
    const s = m.addStep({ kind: 'query', text: 'MATCH (n) RETURN n LIMIT $n', params: { n: 5 } }, ['q1', 'e9'])!;
    m.addStep({ kind: 'link', url: 'http://localhost/?n=jaysh-al-nasr' }, ['jaysh-al-nasr']);
    m.attribute(s.id, ['jaysh-al-nasr']);
    m.addNote({ kind: 'edge', id: 'e9' }, 'Says who? *Two* sources');
    m.addNote({ kind: 'canvas' }, 'سيرة جيش النصر');
    m.recordQuery({ text: 'MATCH (n) RETURN n LIMIT $n', params: { n: 5 }, rows: 5 });
    return m;
  }

  it('round-trips through JSON and the contract: toView → parse → load → toView is the same', () => {
    const m = fullModel();
    const parts = m.toDocumentParts();
    const wire = JSON.parse(JSON.stringify(parts));
    const view = investigationView.parse(wire.view);
    const notes = wire.annotations.map((a: unknown) => annotation.parse(a));
    const queries = wire.queries.map((q: unknown) => queryRun.parse(q));

    const back = model();
    back.load(view, notes, queries, { nodes: [node('q1')], edges: [edge('e9', 'q1', 'fsa')] });
    expect(back.toDocumentParts()).toEqual(parts);
    expect(back.recipe).toEqual(m.recipe);
    expect(back.positions.get('fsa')).toEqual({ x: 300.125, y: 7 });
    expect(back.viewport).toEqual({ zoom: 1.375, pan: { x: -20.5, y: 33.25 } });
    expect(back.base.nodes.get('q1')).toEqual(node('q1'));
    expect(back.stepsOf('jaysh-al-nasr').map((x) => x.kind)).toEqual(['link', 'query']);
    expect(back.canUndo).toBe(false);
  });

  it('keeps base ids its snapshot lacks, so saving again loses none', () => {
    const view = investigationView.parse(JSON.parse(JSON.stringify(fullModel().toView())));
    const back = model();
    back.load(view);
    expect(back.base.nodes.size).toBe(0);
    expect(back.toView().base).toEqual({ nodes: ['q1'], edges: ['e9'] });
  });

  it('saves an empty model as a valid view', () => {
    expect(() => investigationView.parse(model().toView())).not.toThrow();
  });

  it('shares nothing with the model: changing the saved form changes nothing', () => {
    const m = fullModel();
    const view = m.toView();
    view.recipe.added.push('x');
    view.positions.fsa!.x = 0;
    view.steps.pop();
    expect(m.recipe.added).toEqual(['jaysh-al-nasr']);
    expect(m.positions.get('fsa')!.x).toBe(300.125);
    expect(m.steps).toHaveLength(2);
  });
});

describe('what the view model depends on', () => {
  it('imports nothing from cytoscape or client/src/graph/', () => {
    const dir = join(import.meta.dirname, '../../client/src/model');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      const sources = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((x) => x[1]!);
      for (const source of sources) {
        expect(source, `${file} imports ${source}`).not.toMatch(/cytoscape|\/graph\//);
      }
    }
  });
});

/**
 * The client's view model (client/src/model/viewModel.ts) without a browser: undo and redo bring back
 * the recipe, node positions (a drag is one step), notes, the comparison and the base; the viewport,
 * the selection and the queries run are not undone; a read-only model refuses every change but
 * moving the window and selecting; events say what changed.
 */
import { describe, expect, it } from 'vitest';
import { testModel } from '../support/viewModel.ts';
import type { ChangeKind } from '../../client/src/model/modelTypes.ts';

const model = testModel;

describe('undo and redo in the view model', () => {
  it('undoes and redoes recipe changes one step at a time', () => {
    const m = model();
    m.changeRecipe((s) => s.added.push('jaysh-al-nasr'));
    m.changeRecipe((s) => {
      s.asOf = '2016-06-30';
      s.hiddenLabels = ['Person'];
    });
    expect(m.canUndo).toBe(true);
    expect(m.undo()).toBe(true);
    expect(m.recipe.asOf).toBeNull();
    expect(m.recipe.hiddenLabels).toEqual([]);
    expect(m.recipe.added).toEqual(['jaysh-al-nasr']);
    expect(m.undo()).toBe(true);
    expect(m.recipe.added).toEqual([]);
    expect(m.undo()).toBe(false);
    expect(m.redo()).toBe(true);
    expect(m.redo()).toBe(true);
    expect(m.recipe.asOf).toBe('2016-06-30');
    expect(m.canRedo).toBe(false);
  });

  it('keeps a recipe reference as a snapshot: changes replace it', () => {
    const m = model();
    const before = m.recipe;
    m.changeRecipe((s) => s.added.push('a'));
    expect(before.added).toEqual([]);
    expect(m.recipe).not.toBe(before);
  });

  it('records changes made without their own step in the step before them', () => {
    const m = model();
    m.checkpoint();
    m.changeRecipe((s) => s.added.push('a'), { record: false });
    m.addStep({ kind: 'search', text: 'nasr', node: 'a' }, ['a']);
    m.undo();
    expect(m.recipe.added).toEqual([]);
    expect(m.steps).toEqual([]);
    expect(m.canUndo).toBe(false);
  });

  it('undoes a drag as one step, and layouts are no step', () => {
    const m = model();
    m.setPositions([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 10, y: 0 }],
    ]);
    expect(m.canUndo).toBe(false);
    m.beginMove();
    m.endMove([
      ['a', { x: 5, y: 5 }],
      ['b', { x: 15, y: 5 }],
    ]);
    expect(m.positions.get('a')).toEqual({ x: 5, y: 5 });
    m.undo();
    expect(m.positions.get('a')).toEqual({ x: 0, y: 0 });
    expect(m.positions.get('b')).toEqual({ x: 10, y: 0 });
    m.redo();
    expect(m.positions.get('b')).toEqual({ x: 15, y: 5 });
  });

  it('undoes adding, editing and removing notes, and the comparison', () => {
    const m = model();
    const note = m.addNote({ kind: 'node', id: 'jaysh-al-nasr' }, 'Founded in **2015**')!;
    expect(note).toMatchObject({ id: 'note-1', target: { kind: 'node', id: 'jaysh-al-nasr' } });
    expect(m.editNote(note.id, 'Founded August 2015')).toBe(true);
    expect(m.annotations[0]!.updatedAt > m.annotations[0]!.createdAt).toBe(true);
    m.addNote({ kind: 'canvas' }, 'Overview');
    expect(m.notesOn(null).map((n) => n.text)).toEqual(['Overview']);
    expect(m.removeNote(note.id)).toBe(true);
    m.setCompare({ a: '2015-01-01', b: '2018-01-01' });
    m.undo();
    expect(m.compare).toBeNull();
    m.undo();
    expect(m.annotations.map((n) => n.id)).toEqual([note.id, 'note-2']);
    m.undo();
    m.undo();
    expect(m.annotations).toEqual([expect.objectContaining({ text: 'Founded in **2015**' })]);
    m.undo();
    expect(m.annotations).toEqual([]);
    m.redo();
    m.redo();
    expect(m.annotations[0]!.text).toBe('Founded August 2015');
  });

  it('refuses empty notes, unknown notes and comparisons out of order', () => {
    const m = model();
    expect(() => m.addNote({ kind: 'canvas' }, '   ')).toThrow(RangeError);
    expect(m.editNote('nope', 'x')).toBe(false);
    expect(m.removeNote('nope')).toBe(false);
    expect(() => m.setCompare({ a: '2018-01-01', b: '2015-01-01' })).toThrow(RangeError);
    expect(() => m.setCompare({ a: '2018-02-30', b: '2019-01-01' })).toThrow(RangeError);
    expect(m.canUndo).toBe(false);
  });

  it('leaves the viewport, the selection and the queries run out of undo', () => {
    const m = model();
    m.changeRecipe((s) => s.added.push('a'));
    m.setViewport({ zoom: 2, pan: { x: 3, y: 4 } });
    m.setSelection(['a']);
    m.recordQuery({ text: 'MATCH (n) RETURN n', params: {}, rows: 3 });
    m.undo();
    expect(m.viewport).toEqual({ zoom: 2, pan: { x: 3, y: 4 } });
    expect(m.selection).toEqual(['a']);
    expect(m.queries).toHaveLength(1);
    expect(() => m.setViewport({ zoom: 0, pan: { x: 0, y: 0 } })).toThrow(RangeError);
  });

  it('gives the scene its part of each step back on undo and redo', () => {
    const m = model();
    let scene = 'empty';
    const restored: unknown[] = [];
    m.setUndoCompanion({ capture: () => scene, restore: (s) => restored.push(s) });
    m.changeRecipe((s) => s.added.push('a'));
    scene = 'one node';
    m.undo();
    m.redo();
    expect(restored).toEqual(['empty', 'one node']);
  });

  it('refuses every change when read-only but the window and the selection', () => {
    const m = model();
    m.changeRecipe((s) => s.added.push('a'));
    m.setReadOnly(true);
    expect(m.changeRecipe((s) => s.added.push('b'))).toBe(false);
    expect(m.addNote({ kind: 'canvas' }, 'x')).toBeNull();
    expect(m.setCompare({ a: '2015-01-01', b: '2016-01-01' })).toBe(false);
    expect(m.moveNodes([['a', { x: 1, y: 1 }]])).toBe(false);
    expect(m.addStep({ kind: 'lineage', node: 'a' })).toBeNull();
    expect(m.recordQuery({ text: 'RETURN 1', params: {}, rows: 1 })).toBeNull();
    expect(m.checkpoint()).toBe(false);
    m.setViewport({ zoom: 1.5, pan: { x: 1, y: 2 } });
    m.setSelection(['a']);
    expect(m.recipe.added).toEqual(['a']);
    expect(m.positions.size).toBe(0);
    expect(m.viewport.zoom).toBe(1.5);
    expect(m.selection).toEqual(['a']);
  });

  it("says what changed: 'change' for every saved part, and the part's own event", () => {
    const m = model();
    const changes: ChangeKind[] = [];
    const recipes: string[][] = [];
    const history: boolean[] = [];
    m.on('change', (c) => changes.push(c));
    m.on('recipe', (r) => recipes.push([...r.added]));
    const off = m.on('history', (h) => history.push(h.canUndo));
    m.changeRecipe((s) => s.added.push('a'));
    m.setViewport({ zoom: 2, pan: { x: 0, y: 0 } });
    m.setViewport({ zoom: 2, pan: { x: 0, y: 0 } }); // no change, no event
    m.setSelection(['a']);
    m.addNote({ kind: 'node', id: 'a' }, 'n');
    off();
    m.undo();
    expect(changes).toEqual(['recipe', 'viewport', 'selection', 'annotations', 'undo']);
    expect(recipes).toEqual([['a'], ['a']]);
    expect(history).toEqual([true, true]);
  });
});

/**
 * Provenance: the analyst's steps that brought elements onto the canvas (a search, an expansion, a
 * path, a lineage, a console query, a file, a shared link; contract/investigation.ts `provenanceStep`)
 * and, for each element, the ids of the steps that brought it, first one first. A step keeps enough
 * to replay it (the search text and node, the expansion, the path spec, the lineage root, the query
 * text and parameters).
 */
import type { ProvenanceStep } from '../../../contract/investigation.ts';

/** The most steps one element lists (contract/investigation.ts): later ones are not added. */
export const MAX_STEPS_PER_ELEMENT = 100;

/** A step as a command describes it: the model adds its `id` and `at`. */
export type StepInput = ProvenanceStep extends infer S
  ? S extends ProvenanceStep
    ? Omit<S, 'id' | 'at'>
    : never
  : never;

export class Provenance {
  private readonly list: ProvenanceStep[];
  private readonly byElement: Map<string, string[]>;

  constructor(steps: ProvenanceStep[] = [], byElement: Map<string, string[]> = new Map()) {
    this.list = steps;
    this.byElement = byElement;
  }

  /** Every step, oldest first. */
  get steps(): readonly ProvenanceStep[] {
    return this.list;
  }

  /** A deep copy (for undo): later changes to either do not reach the other. */
  clone(): Provenance {
    return new Provenance([...this.list], new Map([...this.byElement].map(([id, steps]) => [id, [...steps]])));
  }

  add(step: ProvenanceStep): void {
    this.list.push(step);
  }

  step(id: string): ProvenanceStep | null {
    return this.list.find((s) => s.id === id) ?? null;
  }

  /**
   * Records that step `stepId` brought these elements. An element keeps the steps that brought it in
   * the order they did: one brought again by a later step lists that step after the first.
   */
  attribute(stepId: string, elementIds: Iterable<string>): void {
    for (const id of elementIds) {
      const steps = this.byElement.get(id);
      if (!steps) this.byElement.set(id, [stepId]);
      else if (!steps.includes(stepId) && steps.length < MAX_STEPS_PER_ELEMENT) steps.push(stepId);
    }
  }

  /** The ids of the steps that brought an element, first one first (empty when none is known). */
  stepIdsOf(elementId: string): readonly string[] {
    return this.byElement.get(elementId) ?? [];
  }

  /** The elements a step brought (in the order they were attributed). */
  elementsOf(stepId: string): string[] {
    const out: string[] = [];
    for (const [id, steps] of this.byElement) if (steps.includes(stepId)) out.push(id);
    return out;
  }

  /** As contract/investigation.ts `investigationView.provenance`: element id → step ids. */
  toRecord(): Record<string, string[]> {
    return Object.fromEntries([...this.byElement].map(([id, steps]) => [id, [...steps]]));
  }

  /** From the saved form (`toRecord` and the step list). */
  static fromSaved(steps: readonly ProvenanceStep[], record: Record<string, readonly string[]>): Provenance {
    return new Provenance(structuredClone([...steps]), new Map(Object.entries(record).map(([id, s]) => [id, [...s]])));
  }
}

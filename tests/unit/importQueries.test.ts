/**
 * The import's Cypher that has to list the model by hand (Cypher takes no type as a parameter without
 * losing the index): it must name every relationship type of contract/model.ts, or an import could
 * give an existing relationship's id to a relationship of a forgotten type.
 */
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES } from '../../contract/model.ts';
import { cypher } from '../../server/db/cypher.ts';

describe('cypher/importKnownRelationships.cypher', () => {
  it('looks up relationship ids under every type of the model, and no other', () => {
    const text = cypher('importKnownRelationships');
    const looked = [...text.matchAll(/\[r:(\w+) \{id: wanted\}\]/g)].map((m) => m[1]);
    expect(looked.sort()).toEqual([...RELATIONSHIP_TYPES].sort());
  });
});

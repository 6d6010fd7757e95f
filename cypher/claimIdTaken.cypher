// Whether $id is held by a node, a source or any version of a claim, current or ended (an ended version
// keeps only claimId): a new fact's id must be new, or its history would join another's. Each test is a
// seek: on the :Entity id constraint, a type's id constraint or its claimId index (cypher/schema.cypher).
RETURN EXISTS { MATCH (n:Entity {id: $id}) } OR
  EXISTS { MATCH ()-[r:MEMBER_OF]->() WHERE r.claimId = $id } OR EXISTS { MATCH ()-[r:MEMBER_OF {id: $id}]->() } OR
  EXISTS { MATCH ()-[r:MERGED_INTO]->() WHERE r.claimId = $id } OR EXISTS { MATCH ()-[r:MERGED_INTO {id: $id}]->() } OR
  EXISTS { MATCH ()-[r:LED_BY]->() WHERE r.claimId = $id } OR EXISTS { MATCH ()-[r:LED_BY {id: $id}]->() } OR
  EXISTS { MATCH ()-[r:FOUGHT]->() WHERE r.claimId = $id } OR EXISTS { MATCH ()-[r:FOUGHT {id: $id}]->() } OR
  EXISTS { MATCH ()-[r:PARTICIPATED_IN]->() WHERE r.claimId = $id } OR EXISTS { MATCH ()-[r:PARTICIPATED_IN {id: $id}]->() } OR
  EXISTS { MATCH ()-[r:SUPPORTED_BY]->() WHERE r.claimId = $id } OR EXISTS { MATCH ()-[r:SUPPORTED_BY {id: $id}]->() } OR
  EXISTS { MATCH ()-[r:BASED_IN]->() WHERE r.claimId = $id } OR EXISTS { MATCH ()-[r:BASED_IN {id: $id}]->() } OR
  EXISTS { MATCH ()-[r:SAME_AS]->() WHERE r.claimId = $id } OR EXISTS { MATCH ()-[r:SAME_AS {id: $id}]->() } AS taken

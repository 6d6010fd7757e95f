// A node or source added through curation (server/services/nodeCuration.ts, sourceCuration.ts): every
// property given, stamps included. The label comes from contract/model.ts's list, checked before this
// runs; the :Entity id constraint refuses an id already held.
CREATE (n:Entity:$($label))
SET n = $props

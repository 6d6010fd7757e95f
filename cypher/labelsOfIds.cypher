// The labels of existing nodes, so an import file may link to what the database already holds, with
// the properties a node's lifetime is derived from (contract/validTime.ts lifetimeOf) and the lifetime
// stored by the last import (validFrom/validTo; absent on a database imported before valid time).
UNWIND $ids AS wanted
MATCH (n:Entity {id: wanted})
RETURN n.id AS id, labels(n) AS labels,
       n {.founded, .foundedQualifier, .dissolved, .dissolvedQualifier, .date, .dateQualifier, .endDate, .validFrom, .validTo} AS time

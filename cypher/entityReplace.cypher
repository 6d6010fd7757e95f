// A node or source edited in place through curation: its properties become $props (the service keeps
// the stamps and derived fields); its old values live in its history (:FactChange).
MATCH (n:Entity {id: $id})
SET n = $props

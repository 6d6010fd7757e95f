// One investigation's own node (its version, title, times, counts), deleted or not.
MATCH (i:Investigation {id: $id})
RETURN i

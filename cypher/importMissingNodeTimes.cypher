// Up to $limit nodes without a stored lifetime (imported before valid time was stored), with the
// properties it is derived from. Sources have no lifetime.
MATCH (n:Entity)
WHERE (n.validFrom IS NULL OR n.validTo IS NULL) AND NOT n:Source
RETURN elementId(n) AS elementId, labels(n) AS labels, n {.founded, .foundedQualifier, .dissolved, .dissolvedQualifier, .date, .dateQualifier, .endDate} AS time
LIMIT $limit

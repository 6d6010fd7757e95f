// Up to $limit relationships without stored valid time (imported before it was stored), with their
// stated interval and both ends' lifetime properties.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.validFrom IS NULL OR r.validTo IS NULL
RETURN elementId(r) AS elementId, r.from AS from, r.to AS to,
       labels(a) AS sourceLabels, a {.founded, .foundedQualifier, .dissolved, .dissolvedQualifier, .date, .dateQualifier, .endDate} AS sourceTime,
       labels(b) AS targetLabels, b {.founded, .foundedQualifier, .dissolved, .dissolvedQualifier, .date, .dateQualifier, .endDate} AS targetTime
LIMIT $limit

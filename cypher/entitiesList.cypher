// One label's list (server/services/entities.ts, contract/entities.ts): the nodes of $label that pass the
// filters, how many they are, and one page of them in the asked order with their number of links.
// $label and $sort come from allow-lists; Cypher takes neither as a plain parameter, so the label is a
// dynamic label and the sort column is chosen by CASE, the direction by two keys of which one is null.
//   $q: lower-case text, and $folded its folded form (nameFolding.ts), matched against name, aliases
//       and the stored searchKeys; $kind: exact kind; $from/$to: valid time overlapping the range, with
//       at least one known end (an undated node is not "of" any year).
// Unknown sort keys (no kind, an open end) come last both ways; ties by name, then id, so pages are stable.
MATCH (n:$($label))
WHERE {{knownOn n}}
  AND ($q IS NULL
    OR toLower(n.name) CONTAINS $q
    OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS $q)
    OR ($folded IS NOT NULL AND any(k IN coalesce(n.searchKeys, []) WHERE k CONTAINS $folded)))
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($from IS NULL OR n.validTo >= $from)
  AND ($to IS NULL OR n.validFrom <= $to)
  AND (($from IS NULL AND $to IS NULL) OR n.validFrom <> $openStart OR n.validTo <> $openEnd)
WITH collect(n) AS matched
RETURN size(matched) AS total,
  COLLECT {
    UNWIND matched AS n
    WITH n, COUNT { (n)-[r]-() WHERE type(r) IN $types AND {{knownOn r}} } AS links
    WITH n, links,
      CASE $sort
        WHEN 'name' THEN toLower(n.name)
        WHEN 'kind' THEN toLower(n.kind)
        WHEN 'validFrom' THEN CASE WHEN n.validFrom = $openStart THEN null ELSE n.validFrom END
        WHEN 'validTo' THEN CASE WHEN n.validTo = $openEnd THEN null ELSE n.validTo END
        WHEN 'links' THEN links
      END AS key
    ORDER BY key IS NULL,
      CASE WHEN $descending THEN key END DESC,
      CASE WHEN NOT $descending THEN key END ASC,
      toLower(n.name), n.id
    SKIP $offset
    LIMIT $limit
    RETURN { node: n, links: links } AS row
  } AS rows

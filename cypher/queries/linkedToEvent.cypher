// @title Everyone linked to an event
// @description The factions and people that fought in, took part in or were otherwise linked to an
// event, in what role, and the sources that say so.
// @param event: id = "killing-of-jaysh-al-nasr-prisoners-near-khan-shaykhun" -- The event, by id.
MATCH link = (event:Event {id: $event})-[r]-(who:Entity)
WHERE r.supersededAt IS NULL
RETURN who.name AS name, who.id AS id, [l IN labels(who) WHERE l <> 'Entity'][0] AS label,
       type(r) AS relationship, r.role AS role, r.from AS from, r.to AS to, r.sources AS sources, link
ORDER BY relationship, name, r.id

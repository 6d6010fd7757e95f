// Takes an investigation out of the bin, as it was; one in use is answered unchanged.
MATCH (i:Investigation {id: $id})
SET i.deletedAt = null
RETURN i

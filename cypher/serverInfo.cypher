// What /api/health reports of the database it reached.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition

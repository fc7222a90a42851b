UNWIND $documents AS doc
MERGE (d:Document {id: doc.id})
SET d += doc

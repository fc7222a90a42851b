// A document's text, one Paragraph node per paragraph numbered from 1; the previous text of the
// document goes (re-attaching replaces). No row comes back when the document does not exist.
MATCH (d:Document {id: $document})
CALL (d) {
  OPTIONAL MATCH (d)-[:HAS_PARAGRAPH]->(old:Paragraph)
  DETACH DELETE old
}
CALL (d) {
  UNWIND range(1, size($texts)) AS number
  CREATE (d)-[:HAS_PARAGRAPH]->(:Paragraph {document: d.id, number: number, text: $texts[number - 1]})
}
RETURN d.id AS document, COUNT { (d)-[:HAS_PARAGRAPH]->() } AS paragraphs

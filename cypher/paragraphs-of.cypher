// The attached text of the cited paragraphs (npm run attach), in one round trip per response.
UNWIND $keys AS key
MATCH (:Document {id: key.document})-[:HAS_PARAGRAPH]->(p:Paragraph {number: key.number})
RETURN key.document AS document, p.number AS number, p.text AS text

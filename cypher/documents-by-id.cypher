// The documents cited in one GraphQL response, in one round trip (SourceRef title, publisher …).
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d {.id, .title, .publisher, .url, .date} AS document

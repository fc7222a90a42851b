/**
 * Imported first by what serves the API (`npm start`, `npm run bench`): graphql-js and Apollo
 * read NODE_ENV once, when they load. Their development mode checks every `instanceof` for a
 * second copy of graphql-js, which cost 2.4 ms of CPU a request on a hub's neighbourhood of
 * 1,400 objects (measured with --cpu-prof). NODE_ENV set by the caller wins (jest sets `test`).
 */
process.env.NODE_ENV ??= 'production';

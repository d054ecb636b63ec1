export { csvField, csvRow } from './csv.js';
export { cameoCode, cameoEvent, quadClass, GOLDSTEIN, type CameoEvent, type EventFacts } from './cameo.js';
export { cameoActor, cameoCountry, type CameoActor } from './actor-codes.js';
export { GDELT_COLUMNS, gdeltRow, globalEventId, type GdeltArticle } from './gdelt.js';
export { ARTICLE_CSV_COLUMNS, EVENT_CSV_COLUMNS, articleCsv, eventCsv, eventGdelt, gdeltArticle, leadEnd } from './formats.js';
export { analysisRecords, articlePages, eventRows, LastArticle } from './stream.js';

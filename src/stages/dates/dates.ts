import { defineStage } from '../../pipeline/define-stage.js';
import { parsePubDate } from './calendar.js';
import { dateLexicons } from './date-cues.js';
import { findDates } from './find-dates.js';

export { dateNear } from './date-near.js';

export const datesStage = defineStage({
  name: 'dates',
  requires: ['tokens', 'sentences'],
  assigns: ['dates'],
  create: (_options, codebook) => {
    const lexFor = dateLexicons(codebook);
    return (doc) => {
      doc.dates = findDates(doc, lexFor(doc.lang), parsePubDate(doc.date));
    };
  },
});

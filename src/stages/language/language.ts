import { eld } from 'eld/medium';
import { defineStage } from '../../pipeline/define-stage.js';

/** How much of the body the detector reads: enough to be reliable, short enough to be cheap. */
const SAMPLE_CHARS = 1500;
const SUPPORTED = ['nl', 'en', 'de', 'fr', 'es', 'it', 'pt', 'ru', 'uk', 'pl', 'sv', 'da', 'no', 'fi', 'cs', 'tr'];
let subsetReady = false;

/** Detects the body's ISO 639-1 language; a language given by the source wins. */
export function detectLanguage(text: string): string {
  if (!subsetReady) {
    eld.dynamicLangSubset(SUPPORTED);
    subsetReady = true;
  }
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  return eld.detect(sample).language || 'und';
}

export const languageStage = defineStage({
  name: 'language',
  requires: [],
  assigns: ['lang'],
  create: () => (doc) => {
    if (doc.lang === 'und' || !doc.lang) doc.lang = detectLanguage(doc.text);
  },
});

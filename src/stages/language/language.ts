import { defineStage } from '../../pipeline/define-stage.js';
import { NgramDetector } from './ngram-detector.js';

/** How much of the body the detector reads: enough to be reliable, short enough to be cheap. */
const SAMPLE_CHARS = 1500;
const SUPPORTED = ['nl', 'en', 'de', 'fr', 'es', 'it', 'pt', 'ru', 'uk', 'pl', 'sv', 'da', 'no', 'fi', 'cs', 'tr'];
let detector: NgramDetector | null = null;

/** Detects the body's ISO 639-1 language; a language given by the source wins. */
export function detectLanguage(text: string): string {
  detector ??= new NgramDetector(SUPPORTED);
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  return detector.detect(sample) || 'und';
}

export const languageStage = defineStage({
  name: 'language',
  requires: [],
  assigns: ['lang'],
  create: () => (doc) => {
    if (doc.lang === 'und' || !doc.lang) doc.lang = detectLanguage(doc.text);
  },
});

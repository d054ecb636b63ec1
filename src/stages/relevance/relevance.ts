import { defineStage } from '../../pipeline/define-stage.js';
import { relevanceLexicons } from './relevance-cues.js';
import { relevanceEvidence, relevanceScore } from './score.js';

export const relevanceStage = defineStage({
  name: 'relevance',
  requires: ['mentions', 'events', 'claims'],
  assigns: ['relevant'],
  create: (_options, codebook) => {
    const lexFor = relevanceLexicons(codebook);
    return (doc) => {
      const lex = lexFor(doc.lang);
      const score = relevanceScore(relevanceEvidence(doc, lex), lex);
      doc.relevance = Math.round(score * 1000) / 1000;
      doc.relevant = score >= lex.scoring.threshold;
    };
  },
});

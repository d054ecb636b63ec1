import { zeroedUint8 } from '../../doc/slab.js';
import { defineStage } from '../../pipeline/define-stage.js';
import { claimLexicons } from './claim-cues.js';
import { extractClaims } from './extract.js';
import { holderResolver } from './holder.js';

export const claimsStage = defineStage({
  name: 'claims',
  requires: ['sentences', 'mentions', 'dates'],
  assigns: ['claims'],
  create: (_options, codebook) => {
    const lexFor = claimLexicons(codebook);
    const holderOf = holderResolver(codebook, lexFor('und').holderOrgs);
    return (doc) => {
      const lex = lexFor(doc.lang);
      const dateTokens = zeroedUint8(doc.tokens.length);
      for (const d of doc.dates) {
        if (d.value.length <= 4) continue;
        const from = doc.tokens.indexAt(d.start);
        const to = doc.tokens.indexAt(d.end);
        dateTokens.fill(1, from, to);
      }
      doc.claims = extractClaims(doc, lex, holderOf, dateTokens);
    };
  },
});

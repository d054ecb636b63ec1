import { TokenTable } from '../../doc/token-table.js';
import { defineStage } from '../../pipeline/define-stage.js';

export const tokensStage = defineStage({
  name: 'tokens',
  requires: [],
  assigns: ['tokens'],
  create: () => (doc) => {
    doc.tokens = TokenTable.of(doc.text);
  },
});

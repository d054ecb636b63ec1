import { defineStage } from '../../pipeline/define-stage.js';

export const quotesStage = defineStage({
  name: 'quotes',
  requires: ['sentences', 'mentions'],
  assigns: ['quotes'],
  create: () => () => {},
});

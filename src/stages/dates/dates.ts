import { defineStage } from '../../pipeline/define-stage.js';

export const datesStage = defineStage({
  name: 'dates',
  requires: ['tokens', 'sentences'],
  assigns: ['dates'],
  create: () => () => {},
});

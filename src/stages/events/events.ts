import { defineStage } from '../../pipeline/define-stage.js';

export const eventsStage = defineStage({
  name: 'events',
  requires: ['sentences', 'mentions', 'quotes', 'dates'],
  assigns: ['events'],
  create: () => () => {},
});

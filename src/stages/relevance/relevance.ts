import { defineStage } from '../../pipeline/define-stage.js';

export const relevanceStage = defineStage({
  name: 'relevance',
  requires: ['mentions', 'events', 'claims'],
  assigns: ['relevant'],
  create: () => () => {},
});

import { defineStage } from '../../pipeline/define-stage.js';

export const claimsStage = defineStage({
  name: 'claims',
  requires: ['sentences', 'mentions'],
  assigns: ['claims'],
  create: () => () => {},
});

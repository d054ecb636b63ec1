import type { EntityMention } from '../../doc/doc.js';
import { zeroedUint8 } from '../../doc/slab.js';
import { defineStage } from '../../pipeline/define-stage.js';
import { findCodebookMentions } from './codebook-mentions.js';
import { findCoreferences } from './coreference.js';
import { nameCuesFor } from './name-cues.js';
import { findUnknownNames } from './name-detector.js';
import { findRoleMentions } from './role-mentions.js';

function cover(mask: Uint8Array, list: EntityMention[]): void {
  for (const m of list) mask.fill(1, m.tokenStart, m.tokenEnd);
}

export const entitiesStage = defineStage({
  name: 'entities',
  requires: ['lang', 'tokens', 'sentences'],
  assigns: ['mentions'],
  create: (_options, codebook) => (doc) => {
    const covered = zeroedUint8(doc.tokens.length);
    const known = findCodebookMentions(doc, codebook);
    cover(covered, known);
    const roles = findRoleMentions(doc, codebook, known, covered);
    cover(covered, roles);
    const names = findUnknownNames(doc, nameCuesFor(codebook, doc.lang), covered);
    cover(covered, names);
    const all = [...known, ...roles, ...names];
    const corefs = findCoreferences(doc, all, covered);
    doc.mentions = [...all, ...corefs].sort((a, b) => a.start - b.start);
  },
});

import { defineStage } from '../../pipeline/define-stage.js';
import { compileEventCues, type CompiledCues } from './event-cues.js';
import { findEvents } from './event-finder.js';
import { scanDocument } from './event-scan.js';

const LANGS = ['nl', 'en', 'de', 'fr'];

/** Events of nuclear signalling (THREATEN … POSTURE) from the cue lexicons in cues/events.yaml. */
export const eventsStage = defineStage({
  name: 'events',
  requires: ['sentences', 'mentions', 'quotes', 'dates'],
  assigns: ['events'],
  create: (_options, codebook) => {
    const byLang = new Map<string, CompiledCues>();
    for (const lang of [...LANGS, 'xx']) byLang.set(lang, compileEventCues(codebook, lang));
    const people = new Map(codebook.entries.filter((e) => e.type === 'PERSON').map((e) => [e.name, e]));
    const places = new Map(codebook.entries.filter((e) => e.type === 'LOC' && e.country).map((e) => [e.name, e.id]));
    return (doc) => {
      if (doc.tokens.length === 0 || doc.sentences.length === 0) return;
      const cues = byLang.get(doc.lang) ?? byLang.get('xx');
      if (!cues) return;
      doc.events = findEvents(scanDocument(doc, cues, codebook, people, places));
    };
  },
});

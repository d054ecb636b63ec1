import type { Stage } from './define-stage.js';
import { languageStage } from '../stages/language/language.js';
import { tokensStage } from '../stages/tokens/tokens.js';
import { sentencesStage } from '../stages/sentences/sentences.js';
import { entitiesStage } from '../stages/entities/entities.js';
import { datesStage } from '../stages/dates/dates.js';
import { quotesStage } from '../stages/quotes/quotes.js';
import { eventsStage } from '../stages/events/events.js';
import { claimsStage } from '../stages/claims/claims.js';
import { relevanceStage } from '../stages/relevance/relevance.js';

/** Every stage of the analysis pipeline, in order: the one place stages are listed. */
export const STAGES: Stage[] = [
  languageStage,
  tokensStage,
  sentencesStage,
  entitiesStage,
  datesStage,
  quotesStage,
  eventsStage,
  claimsStage,
  relevanceStage,
];

import { useEffect, useState } from 'preact/hooks';

export type UiLang = 'en' | 'nl';
const STORAGE_KEY = 'geiger.ui';

const en = {
  brand: 'Geiger',
  tagline: 'Nuclear signalling monitor',
  navOverview: 'Overview', navSearch: 'Search', navQuotes: 'Quotes', navClaims: 'Claims', navTreaties: 'Treaties',
  navStories: 'Stories', navAlerts: 'Alerts',
  switchTo: 'Nederlands', switchTitle: 'Toon de interface in het Nederlands',
  loading: 'Loading…', error: 'Could not load this view', empty: 'Nothing to show for these filters.',
  retry: 'Try again', notFound: 'Page not found', notFoundText: 'There is no page at this address.',
  articles: 'Articles', nearCopies: 'Near copies', events: 'Events', quotes: 'Quotes', claims: 'Claims',
  coverage: 'Coverage', to: 'to',
  overviewTitle: 'Overview', overviewLead: 'Nuclear signalling in the news: how intense, how often, by whom.',
  escalation: 'Escalation index', escalationHelp: 'Weighted intensity of the events per period.',
  eventsOverTime: 'Events per type', brushHint: 'Drag across a chart to filter by period.',
  day: 'Day', week: 'Week', month: 'Month', clearPeriod: 'Clear period',
  latestHigh: 'Latest high-intensity events', topActors: 'Top actors', languageMix: 'Languages', sourceMix: 'Sources',
  mentions: 'mentions', openArticle: 'Open article', intensity: 'Intensity', noSources: 'No source links recorded.',
  searchTitle: 'Search', searchLead: 'Full text across all languages, with filters.',
  searchPlaceholder: 'Words, "phrases", AND / OR / NOT …', searchButton: 'Search',
  from: 'From', until: 'To', language: 'Language', actor: 'Actor', eventType: 'Event type', minIntensity: 'Min. intensity',
  any: 'Any', results: 'results', noResults: 'No articles match.', browseAll: 'Latest articles',
  facetsLang: 'Language', facetsType: 'Event type', facetsActor: 'Actor', resetFilters: 'Reset filters',
  prev: 'Previous', next: 'Next', pageOf: 'of',
  articleAnalysis: 'Analysis', entities: 'Entities', original: 'Original source', nearCopiesOf: 'Near copies',
  copyOf: 'Near copy of', relevant: 'relevant', notRelevant: 'not about nuclear signalling',
  legend: 'Legend', quote: 'Quote', event: 'Event', claim: 'Claim', entity: 'Entity', rule: 'rule',
  direct: 'direct', indirect: 'indirect', speaker: 'Speaker', unknownSpeaker: 'unknown speaker',
  target: 'target', weapon: 'weapon', holder: 'holder', source: 'source', approx: 'approx.', negated: 'negated',
  hypothetical: 'hypothetical',
  actorProfile: 'Actor', aliases: 'Names by language', quotesOverTime: 'Quotes over time',
  eventsAsActor: 'Events as actor', eventsAsTarget: 'Events as target', network: 'Mentioned together with',
  networkHint: 'Node size: co-mentions. Click a node to open that actor.', noNetwork: 'No co-mentions recorded.',
  quotesTitle: 'Quotes', quotesLead: 'Who said what, directly or in reported speech.',
  all: 'All', directOnly: 'Direct', indirectOnly: 'Indirect', apply: 'Apply',
  claimsTitle: 'Claims ledger', claimsLead: 'Reported arsenal numbers: who holds what, according to whom.',
  balance: 'Balance', balanceHelp: 'Latest estimate per holder, side by side per item.',
  ledger: 'Estimates over time', conflict: 'conflicting estimates', item: 'Item', estimate: 'Estimate',
  allEntries: 'All claims',
  treatiesTitle: 'Treaties', treatiesLead: 'Arms-control acts per treaty and the latest reported status.',
  status: 'Latest status', unknownStatus: 'unknown',
  storiesTitle: 'Stories', storiesLead: 'Clusters of articles about the same development, across languages.',
  alertsTitle: 'Alerts', alertsLead: 'Saved rules and the articles that matched them.', atomFeed: 'Atom feed',
  hits: 'Hits', rules: 'Rules', words: 'Words', created: 'Created', noRules: 'No alert rules yet.',
  matchedAt: 'matched', date: 'Date', type: 'Type', title: 'Title', untitled: '(untitled)',
  ruleNotFound: 'No alert rule with this id.',
  allQuotes: 'All quotes', showAll: 'Show all', showFewer: 'Show fewer', unknownActor: 'unnamed actor',
  eventTypes: 'Event types', mentionsTitle: 'Mentions', unnamedTreaty: 'Treaty not named', byActor: 'Status by actor', articleOne: 'article', holderTitle: 'Holder', rulesLead: 'Each rule watches incoming articles; open one to see its hits and subscribe to its feed.', conditions: 'Conditions', worldTotal: 'World total', allLanguages: 'All languages', eventsOne: 'event',
};

export type MessageKey = keyof typeof en;

const nl: Record<MessageKey, string> = {
  brand: 'Geiger',
  tagline: 'Monitor van nucleaire signalen',
  navOverview: 'Overzicht', navSearch: 'Zoeken', navQuotes: 'Citaten', navClaims: 'Claims', navTreaties: 'Verdragen',
  navStories: 'Verhalen', navAlerts: 'Meldingen',
  switchTo: 'English', switchTitle: 'Show the interface in English',
  loading: 'Laden…', error: 'Deze weergave kon niet worden geladen', empty: 'Niets te tonen voor deze filters.',
  retry: 'Opnieuw', notFound: 'Pagina niet gevonden', notFoundText: 'Op dit adres staat geen pagina.',
  articles: 'Artikelen', nearCopies: 'Bijna-kopieën', events: 'Gebeurtenissen', quotes: 'Citaten', claims: 'Claims',
  coverage: 'Periode', to: 'tot',
  overviewTitle: 'Overzicht', overviewLead: 'Nucleaire signalen in het nieuws: hoe heftig, hoe vaak, door wie.',
  escalation: 'Escalatie-index', escalationHelp: 'Gewogen intensiteit van de gebeurtenissen per periode.',
  eventsOverTime: 'Gebeurtenissen per type', brushHint: 'Sleep over een grafiek om op periode te filteren.',
  day: 'Dag', week: 'Week', month: 'Maand', clearPeriod: 'Periode wissen',
  latestHigh: 'Recente gebeurtenissen met hoge intensiteit', topActors: 'Belangrijkste actoren', languageMix: 'Talen',
  sourceMix: 'Bronnen', mentions: 'vermeldingen', openArticle: 'Open artikel', intensity: 'Intensiteit',
  noSources: 'Geen bronlinks vastgelegd.',
  searchTitle: 'Zoeken', searchLead: 'Zoek in de volledige tekst, in alle talen, met filters.',
  searchPlaceholder: 'Woorden, "zinnen", AND / OR / NOT …', searchButton: 'Zoek',
  from: 'Van', until: 'Tot', language: 'Taal', actor: 'Actor', eventType: 'Type gebeurtenis', minIntensity: 'Min. intensiteit',
  any: 'Alle', results: 'resultaten', noResults: 'Geen artikelen gevonden.', browseAll: 'Nieuwste artikelen',
  facetsLang: 'Taal', facetsType: 'Type gebeurtenis', facetsActor: 'Actor', resetFilters: 'Filters wissen',
  prev: 'Vorige', next: 'Volgende', pageOf: 'van',
  articleAnalysis: 'Analyse', entities: 'Entiteiten', original: 'Oorspronkelijke bron', nearCopiesOf: 'Bijna-kopieën',
  copyOf: 'Bijna-kopie van', relevant: 'relevant', notRelevant: 'gaat niet over nucleaire signalen',
  legend: 'Legenda', quote: 'Citaat', event: 'Gebeurtenis', claim: 'Claim', entity: 'Entiteit', rule: 'regel',
  direct: 'direct', indirect: 'indirect', speaker: 'Spreker', unknownSpeaker: 'onbekende spreker',
  target: 'doelwit', weapon: 'wapen', holder: 'bezitter', source: 'bron', approx: 'ca.', negated: 'ontkend',
  hypothetical: 'hypothetisch',
  actorProfile: 'Actor', aliases: 'Namen per taal', quotesOverTime: 'Citaten door de tijd',
  eventsAsActor: 'Gebeurtenissen als actor', eventsAsTarget: 'Gebeurtenissen als doelwit', network: 'Samen genoemd met',
  networkHint: 'Grootte: aantal keer samen genoemd. Klik op een knoop om die actor te openen.',
  noNetwork: 'Geen gezamenlijke vermeldingen.',
  quotesTitle: 'Citaten', quotesLead: 'Wie zei wat, letterlijk of in indirecte rede.',
  all: 'Alle', directOnly: 'Direct', indirectOnly: 'Indirect', apply: 'Toepassen',
  claimsTitle: 'Claimregister', claimsLead: 'Gemelde arsenaalaantallen: wie heeft wat, volgens wie.',
  balance: 'Balans', balanceHelp: 'Laatste schatting per bezitter, naast elkaar per categorie.',
  ledger: 'Schattingen door de tijd', conflict: 'tegenstrijdige schattingen', item: 'Categorie', estimate: 'Schatting',
  allEntries: 'Alle claims',
  treatiesTitle: 'Verdragen', treatiesLead: 'Wapenbeheersingsdaden per verdrag en de laatst gemelde status.',
  status: 'Laatste status', unknownStatus: 'onbekend',
  storiesTitle: 'Verhalen', storiesLead: 'Groepen artikelen over dezelfde ontwikkeling, over talen heen.',
  alertsTitle: 'Meldingen', alertsLead: 'Opgeslagen regels en de artikelen die eraan voldeden.', atomFeed: 'Atom-feed',
  hits: 'Treffers', rules: 'Regels', words: 'Woorden', created: 'Aangemaakt', noRules: 'Nog geen meldingsregels.',
  matchedAt: 'gevonden', date: 'Datum', type: 'Type', title: 'Titel', untitled: '(zonder titel)',
  ruleNotFound: 'Geen meldingsregel met dit id.',
  allQuotes: 'Alle citaten', showAll: 'Toon alles', showFewer: 'Toon minder', unknownActor: 'onbekende actor',
  eventTypes: 'Soorten gebeurtenissen', mentionsTitle: 'Vermeldingen', unnamedTreaty: 'Verdrag niet genoemd', byActor: 'Status per actor', articleOne: 'artikel', holderTitle: 'Bezitter', rulesLead: 'Elke regel bewaakt binnenkomende artikelen; open er een voor de treffers en de feed.', conditions: 'Voorwaarden', worldTotal: 'Wereldwijd', allLanguages: 'Alle talen', eventsOne: 'gebeurtenis',
};

const MESSAGES: Record<UiLang, Record<MessageKey, string>> = { en, nl };

const EVENT_LABELS: Record<UiLang, Record<string, string>> = {
  en: {
    THREATEN: 'Threaten', DEPLOY: 'Deploy', EXERCISE: 'Exercise', TREATY: 'Treaty', CONDEMN: 'Condemn',
    SANCTION: 'Sanction', REASSURE: 'Reassure', ASSESS: 'Assess', POSTURE: 'Posture',
  },
  nl: {
    THREATEN: 'Dreiging', DEPLOY: 'Plaatsing', EXERCISE: 'Oefening', TREATY: 'Verdrag', CONDEMN: 'Veroordeling',
    SANCTION: 'Sanctie', REASSURE: 'Geruststelling', ASSESS: 'Inschatting', POSTURE: 'Houding',
  },
};

const ENTITY_LABELS: Record<UiLang, Record<string, string>> = {
  en: { PERSON: 'Person', ORG: 'Organisation', LOC: 'Place', WEAPON: 'Weapon', TREATY: 'Treaty' },
  nl: { PERSON: 'Persoon', ORG: 'Organisatie', LOC: 'Plaats', WEAPON: 'Wapen', TREATY: 'Verdrag' },
};

let current: UiLang = initialLang();
const listeners = new Set<() => void>();

function initialLang(): UiLang {
  const fromUrl = new URLSearchParams(location.search).get('ui');
  if (fromUrl === 'nl' || fromUrl === 'en') {
    try { localStorage.setItem(STORAGE_KEY, fromUrl); } catch { /* storage unavailable */ }
    return fromUrl;
  }
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch { /* storage unavailable */ }
  return navigator.language?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** The interface language in use. */
export function uiLang(): UiLang { return current; }

/** Switches the interface language, remembers it and updates `?ui=` in the address. */
export function setUiLang(lang: UiLang): void {
  current = lang;
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* storage unavailable */ }
  document.documentElement.lang = lang;
  const q = new URLSearchParams(location.search);
  if (q.has('ui')) {
    q.set('ui', lang);
    history.replaceState(null, '', location.pathname + '?' + q.toString());
  }
  for (const listener of listeners) listener();
}

/** Re-renders the caller when the interface language changes. */
export function useUiLang(): UiLang {
  const [lang, setLang] = useState(current);
  useEffect(() => {
    const update = () => setLang(current);
    listeners.add(update);
    return () => { listeners.delete(update); };
  }, []);
  return lang;
}

/** A message in the interface language. */
export function t(key: MessageKey): string { return MESSAGES[current][key]; }

/** The label of an event type in the interface language. */
export function eventLabel(type: string): string { return EVENT_LABELS[current][type] ?? type; }

/** The label of an entity type in the interface language. */
export function entityLabel(type: string | null | undefined): string { return type ? ENTITY_LABELS[current][type] ?? type : ''; }

/** Formats a number in the interface language. */
export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : n.toLocaleString(current === 'nl' ? 'nl-NL' : 'en-GB');
}

/** Formats "YYYY", "YYYY-MM" or "YYYY-MM-DD" readably in the interface language. */
export function fmtDate(date: string | null | undefined): string {
  if (!date) return '–';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return date;
  const locale = current === 'nl' ? 'nl-NL' : 'en-GB';
  const [, y, mo, d] = m;
  if (!mo) return y;
  const value = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  return value.toLocaleDateString(locale, d ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } : { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A language code as a name ("nl" → "Dutch"/"Nederlands"). */
export function langName(code: string | null | undefined): string {
  if (!code) return '–';
  try {
    const names = new Intl.DisplayNames([current], { type: 'language' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

import type { RecordSpec } from './stored-records.js';

const PUTIN = 'person.vladimir-putin';

/** A small hand-written corpus for the analytics and query-command tests (our own words, not real reporting). */
export const ANALYTICS_RECORDS: RecordSpec[] = [
  {
    id: 'nl-deploy', date: '2023-03-25', lang: 'nl', title: 'Poetin plaatst kernwapens in Belarus',
    text: 'Poetin kondigde zaterdag aan dat Rusland tactische kernwapens in Belarus zal stationeren. De Navo noemde het besluit roekeloos.',
    entities: [
      ['PERSON', 'Vladimir Putin', PUTIN, ['Poetin']], ['LOC', 'Russia', 'loc.russia', ['Rusland']],
      ['LOC', 'Belarus', 'loc.belarus', ['Belarus']], ['ORG', 'NATO', 'org.nato', ['Navo']],
    ],
    events: [
      { type: 'DEPLOY', actor: 'Vladimir Putin', target: 'Belarus', weapon: null, intensity: 7, evidence: 'tactische kernwapens in Belarus zal stationeren' },
      { type: 'CONDEMN', actor: 'NATO', target: 'Russia', weapon: null, intensity: 4, evidence: 'De Navo noemde het besluit roekeloos' },
    ],
    quotes: [{ speaker: 'Vladimir Putin', speakerId: PUTIN, direct: false, text: 'Rusland tactische kernwapens in Belarus zal stationeren' }],
  },
  {
    id: 'en-deploy', date: '2023-03-27', lang: 'en', title: 'Putin to station tactical weapons in Belarus',
    text: 'Putin said Russia would station tactical nuclear weapons in Belarus. NATO called the step reckless. "We are doing nothing out of the ordinary here," Putin told state television.',
    entities: [
      ['PERSON', 'Vladimir Putin', PUTIN, ['Putin']], ['LOC', 'Russia', 'loc.russia', ['Russia']],
      ['LOC', 'Belarus', 'loc.belarus', ['Belarus']], ['ORG', 'NATO', 'org.nato', ['NATO']],
    ],
    events: [
      { type: 'DEPLOY', actor: 'Vladimir Putin', target: 'Belarus', weapon: null, intensity: 7, evidence: 'station tactical nuclear weapons in Belarus' },
      { type: 'CONDEMN', actor: 'NATO', target: 'Russia', weapon: null, intensity: 4, evidence: 'NATO called the step reckless' },
    ],
    quotes: [{ speaker: 'Vladimir Putin', speakerId: PUTIN, text: 'We are doing nothing out of the ordinary here,' }],
  },
  {
    id: 'en-deploy-copy', date: '2023-03-28', lang: 'en', title: 'Putin to station tactical weapons in Belarus (update)', nearDuplicateOf: 'en-deploy',
    text: 'Putin said Russia would station tactical nuclear weapons in Belarus. NATO called the step reckless. "We are doing nothing out of the ordinary here," Putin told state TV.',
    entities: [['PERSON', 'Vladimir Putin', PUTIN, ['Putin']], ['LOC', 'Belarus', 'loc.belarus', ['Belarus']]],
    events: [{ type: 'DEPLOY', actor: 'Vladimir Putin', target: 'Belarus', weapon: null, intensity: 7, evidence: 'station tactical nuclear weapons in Belarus' }],
    quotes: [{ speaker: 'Vladimir Putin', speakerId: PUTIN, text: 'We are doing nothing out of the ordinary here,' }],
  },
  {
    id: 'en-threat', date: '2023-03-29', lang: 'en', title: 'Medvedev warns of the ultimate weapon',
    text: 'Dmitry Medvedev warned the West on Wednesday. "Our patience with these deliveries is running out," he wrote online. Analysts estimate Russia holds about 1,550 deployed warheads.',
    entities: [['PERSON', 'Dmitry Medvedev', 'person.dmitry-medvedev', ['Dmitry Medvedev']], ['LOC', 'Russia', 'loc.russia', ['Russia']]],
    events: [{ type: 'THREATEN', actor: 'Dmitry Medvedev', target: 'West', weapon: null, intensity: 9, evidence: 'Dmitry Medvedev warned the West' }],
    quotes: [{ speaker: 'Dmitry Medvedev', speakerId: 'person.dmitry-medvedev', text: 'Our patience with these deliveries is running out,' }],
    claims: [{ holder: 'Russia', quantity: 1550, approx: true, item: 'nuclear warheads', source: 'Analysts', evidence: 'about 1,550 deployed warheads' }],
  },
  {
    id: 'de-calm', date: '2023-04-03', lang: 'de', title: 'Weißes Haus sieht keinen Anlass zur Sorge',
    text: 'Das Weiße Haus sieht keinen Grund, die eigene Atomstrategie zu ändern. Die USA verfügen nach eigenen Angaben über 1.420 einsatzbereite Sprengköpfe, Russland über etwa 2.000.',
    entities: [['ORG', 'White House', 'org.white-house', ['Weiße Haus']], ['LOC', 'United States', 'loc.united-states', ['USA']], ['LOC', 'Russia', 'loc.russia', ['Russland']]],
    events: [{ type: 'REASSURE', actor: 'White House', target: null, weapon: null, intensity: 1, evidence: 'keinen Grund, die eigene Atomstrategie zu ändern' }],
    claims: [
      { holder: 'United States', quantity: 1420, item: 'nuclear warheads', source: 'United States', evidence: '1.420 einsatzbereite Sprengköpfe' },
      { holder: 'Russia', quantity: 2000, approx: true, item: 'nuclear warheads', evidence: 'Russland über etwa 2.000' },
    ],
  },
  {
    id: 'nl-treaty', date: '2023-02-21', lang: 'nl', title: 'Rusland schort New START op',
    text: 'Rusland schort zijn deelname aan het New START-verdrag op, zei de Russische president dinsdag.',
    entities: [['LOC', 'Russia', 'loc.russia', ['Rusland']], ['TREATY', 'New START', 'treaty.new-start', ['New START']]],
    events: [{ type: 'TREATY', actor: 'Russia', target: 'United States', weapon: null, intensity: 6, treaty: 'New START', action: 'suspend', evidence: 'schort zijn deelname aan het New START-verdrag op' }],
  },
  {
    id: 'en-treaty', date: '2023-06-02', lang: 'en', title: 'Washington stops sharing treaty data',
    text: 'The United States will no longer share data on its strategic forces under New START, officials said.',
    entities: [['LOC', 'United States', 'loc.united-states', ['United States']], ['TREATY', 'New START', 'treaty.new-start', ['New START']]],
    events: [{ type: 'TREATY', actor: 'United States', target: 'Russia', weapon: null, intensity: 4, treaty: 'New START', action: 'stop-data-exchange', evidence: 'no longer share data on its strategic forces' }],
  },
  {
    id: 'en-ctbt', date: '2023-11', lang: 'en', title: 'Moscow withdraws test-ban ratification',
    text: 'Russia revoked its ratification of the test-ban treaty this month, while saying it would not resume testing.',
    entities: [['LOC', 'Russia', 'loc.russia', ['Russia']], ['TREATY', 'CTBT', 'treaty.ctbt', ['test-ban treaty']]],
    events: [{ type: 'TREATY', actor: 'Russia', target: null, weapon: null, intensity: 5, treaty: 'CTBT', action: 'de-ratify', evidence: 'revoked its ratification of the test-ban treaty' }],
  },
  {
    id: 'en-football', date: '2023-04-16', lang: 'en', title: 'A goalless draw', relevant: false,
    text: 'The match in Rotterdam ended without goals. Fans of both clubs threatened to boycott the next game.',
    entities: [['LOC', 'Rotterdam', null, ['Rotterdam']]],
  },
];

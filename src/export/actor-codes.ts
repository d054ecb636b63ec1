import type { Codebook } from '../codebook/load.js';
import type { EntityEntry } from '../codebook/schema.js';

/** The CAMEO actor fields GDELT carries for one actor. */
export interface CameoActor {
  code: string;
  name: string;
  countryCode: string;
  knownGroupCode: string;
  type1Code: string;
}

/** CAMEO country codes (ISO 3166-1 alpha-3, with CAMEO's own ROM for Romania) for the ISO alpha-2 codes the codebook uses. */
const COUNTRY: Record<string, string> = {
  RU: 'RUS', US: 'USA', BY: 'BLR', UA: 'UKR', CN: 'CHN', KP: 'PRK', KR: 'KOR', IR: 'IRN', GB: 'GBR', FR: 'FRA',
  DE: 'DEU', NL: 'NLD', BE: 'BEL', IN: 'IND', PK: 'PAK', IL: 'ISR', JP: 'JPN', PL: 'POL', TR: 'TUR', IT: 'ITA',
  ES: 'ESP', SE: 'SWE', FI: 'FIN', NO: 'NOR', DK: 'DNK', CA: 'CAN', AU: 'AUS', KZ: 'KAZ', SY: 'SYR', IQ: 'IRQ',
  SA: 'SAU', LT: 'LTU', LV: 'LVA', EE: 'EST', RO: 'ROM', HU: 'HUN', CZ: 'CZE', SK: 'SVK', GE: 'GEO', AM: 'ARM',
  AZ: 'AZE', MD: 'MDA', RS: 'SRB', CH: 'CHE', AT: 'AUT', VA: 'VAT', TW: 'TWN', BR: 'BRA', ZA: 'ZAF', EG: 'EGY',
  IE: 'IRL', PT: 'PRT', GR: 'GRC', BG: 'BGR', HR: 'HRV', SI: 'SVN', LU: 'LUX', IS: 'ISL', AL: 'ALB', MK: 'MKD',
  ME: 'MNE', BA: 'BIH', XK: 'KSV', CY: 'CYP', MT: 'MLT', NZ: 'NZL', MX: 'MEX', AR: 'ARG', SG: 'SGP', ID: 'IDN',
  MY: 'MYS', PH: 'PHL', VN: 'VNM', TH: 'THA', MN: 'MNG', AF: 'AFG', UZ: 'UZB', TM: 'TKM', KG: 'KGZ', TJ: 'TJK',
  QA: 'QAT', AE: 'ARE', KW: 'KWT', OM: 'OMN', BH: 'BHR', JO: 'JOR', LB: 'LBN', YE: 'YEM', LY: 'LBY', DZ: 'DZA',
  MA: 'MAR', TN: 'TUN', NG: 'NGA', ET: 'ETH', KE: 'KEN', CU: 'CUB', VE: 'VEN',
};

/** Intergovernmental organisations CAMEO names (PETRARCH dictionary codes), by codebook id. */
const IGO: Record<string, { code: string; group: string }> = {
  'org.nato': { code: 'IGOWSTNAT', group: 'NAT' },
  'org.nato-nuclear-planning-group': { code: 'IGOWSTNAT', group: 'NAT' },
  'org.united-nations': { code: 'IGOUNO', group: 'UNO' },
  'org.un-security-council': { code: 'IGOUNO', group: 'UNO' },
  'org.un-general-assembly': { code: 'IGOUNO', group: 'UNO' },
  'org.un-secretariat': { code: 'IGOUNO', group: 'UNO' },
  'org.unoda': { code: 'IGOUNO', group: 'UNO' },
  'org.iaea': { code: 'IGOUNOIAE', group: 'IAE' },
  'org.european-union': { code: 'IGOEUREEC', group: 'EEC' },
  'org.european-commission': { code: 'IGOEUREEC', group: 'EEC' },
  'org.european-council': { code: 'IGOEUREEC', group: 'EEC' },
  'org.council-of-the-eu': { code: 'IGOEUREEC', group: 'EEC' },
  'org.european-parliament': { code: 'IGOEUREEC', group: 'EEC' },
  'org.eeas': { code: 'IGOEUREEC', group: 'EEC' },
};

const MILITARY = /armed-forces|general-staff|rocket|navy|fleet|aerospace|air-force|army|military|command|stratcom|pentagon|defen[cs]e-forces|12th-main/;
const INTELLIGENCE = /\b(fsb|svr|gru|sbu|hur|cia|mi6|dgse|bnd)\b|intelligence/;
const LEGISLATURE = /duma|federation-council|rada|parliament|congress|senate|bundestag|tweede-kamer|knesset|majlis/;

/** CAMEO country code for an ISO alpha-2 code, or '' when the table lacks it. */
export function cameoCountry(iso2: string | undefined): string {
  return iso2 ? COUNTRY[iso2.toUpperCase()] ?? '' : '';
}

function typeCode(entry: EntityEntry): string {
  if (entry.type === 'ORG') {
    if (MILITARY.test(entry.id)) return 'MIL';
    if (INTELLIGENCE.test(entry.id)) return 'SPY';
    if (LEGISLATURE.test(entry.id)) return 'LEG';
    return 'GOV';
  }
  if (entry.type === 'PERSON' && entry.roles?.length) return 'GOV';
  return '';
}

/** CAMEO actor fields for a stored actor (codebook id when known, else only its name); empty fields where CAMEO has no code. */
export function cameoActor(codebook: Codebook, name: string | null, id: string | null): CameoActor {
  const empty: CameoActor = { code: '', name: name ? name.toUpperCase() : '', countryCode: '', knownGroupCode: '', type1Code: '' };
  if (!name) return empty;
  const entry = id ? codebook.byId.get(id) : undefined;
  if (!entry) return empty;
  const igo = IGO[entry.id];
  if (igo) return { ...empty, code: igo.code, knownGroupCode: igo.group, type1Code: 'IGO' };
  const home = entry.metonymFor ? codebook.byId.get(entry.metonymFor) ?? entry : entry;
  const country = cameoCountry(entry.country ?? home.country);
  if (!country) return empty;
  const type = entry.metonymFor ? 'GOV' : typeCode(entry);
  return { ...empty, code: country + type, countryCode: country, type1Code: type };
}

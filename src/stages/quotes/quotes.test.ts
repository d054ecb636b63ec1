import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline/create.js';
import type { QuoteRecord } from '../../pipeline/analysis.js';
import { findQuotePairs } from './quote-marks.js';

const pipeline = createPipeline();

function quotes(text: string, lang: string): QuoteRecord[] {
  return pipeline.analyze({ id: 't', date: '2023-03', text, lang }).quotes;
}
const direct = (text: string, lang: string) => quotes(text, lang).filter((q) => q.direct);
const indirect = (text: string, lang: string) => quotes(text, lang).filter((q) => !q.direct);
const inner = (text: string) => findQuotePairs(text).map((p) => text.slice(p.start, p.end));

describe('quotation marks', () => {
  it('pairs every quote style', () => {
    expect(inner('Hij zei: ‘dit is een test van ons’.')).toEqual(['dit is een test van ons']);
    expect(inner('Hij zei: “dit is een test van ons”.')).toEqual(['dit is een test van ons']);
    expect(inner('Hij zei: ,,dit is een test van ons”.')).toEqual(['dit is een test van ons']);
    expect(inner('Er sagte: „das ist ein Test für uns“.')).toEqual(['das ist ein Test für uns']);
    expect(inner('Er sagte: »das ist ein Test für uns«.')).toEqual(['das ist ein Test für uns']);
    expect(inner('Il a dit : « c\u00a0est un essai pour nous\u00a0».')).toEqual(['c\u00a0est un essai pour nous']);
    expect(inner('He said: "this is a test for us".')).toEqual(['this is a test for us']);
    expect(inner('Il a dit : ‹ un essai pour nous ›.')).toEqual(['un essai pour nous']);
  });

  it('does not take apostrophes inside words for quote marks', () => {
    expect(inner("Russia's army and zo'n plan and l'Occident d’une fois")).toEqual([]);
    expect(inner('Hij zei: ‘zo’n plan is voor ons land geen optie’.')).toEqual(['zo’n plan is voor ons land geen optie']);
  });

  it('ends an unclosed quote at its paragraph end, or drops it mid-sentence', () => {
    expect(inner('“Wij gaan hier niet meer weg.\n\nEen nieuwe alinea volgt.')).toEqual(['Wij gaan hier niet meer weg.']);
    expect(inner('Hij noemde het “een kwestie van tijd.\n\nEen nieuwe alinea volgt.')).toEqual([]);
  });

  it('lets a quote run on into the next paragraph that closes it', () => {
    const text = '“Wij blijven hier staan.\nEn wij gaan niet weg,” zei hij.';
    expect(inner(text)).toEqual(['Wij blijven hier staan.\nEn wij gaan niet weg,']);
  });
});

describe('direct quotes', () => {
  it('finds the speaker after the quote', () => {
    const q = direct('‘Wij zullen ons land met alle middelen blijven verdedigen’, zei Poetin dinsdag.', 'nl');
    expect(q).toHaveLength(1);
    expect(q[0].speaker).toBe('Vladimir Putin');
    expect(q[0].rule).toBe('quote.direct.speaker-after');
    expect(q[0].text).toBe('Wij zullen ons land met alle middelen blijven verdedigen');
  });

  it('finds the speaker before the quote', () => {
    const q = direct('Lavrov said: “We will not accept any threat against our country.”', 'en');
    expect(q.map((x) => [x.speaker, x.rule])).toEqual([['Sergey Lavrov', 'quote.direct.speaker-before']]);
  });

  it('resolves a pronoun after the quote and a quote split around the attribution', () => {
    const text = 'Medvedev sprak op een bijeenkomst in Moskou. “Niemand moet denken dat wij bluffen”, zei hij, “want wij menen het echt.”';
    const q = direct(text, 'nl');
    expect(q.map((x) => x.speaker)).toEqual(['Dmitry Medvedev', 'Dmitry Medvedev']);
    expect(q[0].rule).toBe('quote.direct.speaker-after.pronoun');
  });

  it('gives a follow-on quote to the last speaker, across sentences and paragraphs', () => {
    const text = '„Der Westen sollte unsere Warnungen ernst nehmen“, sagte Lawrow am Montag.\n\n„Wir haben keine Absicht, diesen Konflikt auszuweiten.“';
    const q = direct(text, 'de');
    expect(q).toHaveLength(2);
    expect(q[1].speaker).toBe('Sergey Lavrov');
    expect(q[1].rule).toBe('quote.direct.follow-on');
  });

  it('handles French guillemets with a speaker after the quote', () => {
    const q = direct('« Nous ne laisserons personne menacer notre pays », a déclaré Vladimir Poutine.', 'fr');
    expect(q.map((x) => x.speaker)).toEqual(['Vladimir Putin']);
    expect(q[0].text).toBe('Nous ne laisserons personne menacer notre pays');
  });

  it('gives a spokesperson quote to the organisation', () => {
    const q = direct('“We see no reason to change our own posture at this time,” a spokesman for the White House said.', 'en');
    expect(q.map((x) => x.speaker)).toEqual(['White House']);
  });

  it('rejects scare quotes, titles and short quotes', () => {
    expect(direct('Poetin prees zijn ‘onoverwinnelijke wapens’ aan.', 'nl')).toEqual([]);
    expect(direct('Dat meldde ‘The New York Times Magazine’ vorige week.', 'nl')).toEqual([]);
    expect(direct('Rusland test een ‘nieuwe intercontinentale ballistische raket’, aldus de krant.', 'nl')).toHaveLength(0);
  });

  it('spans offsets exactly into the body', () => {
    const text = 'Inleiding.\n\n,,Wij zullen nooit toegeven aan druk van buitenaf”, zei Medvedev.';
    const [q] = direct(text, 'nl');
    expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
    expect(q.text).toBe('Wij zullen nooit toegeven aan druk van buitenaf');
  });
});

describe('indirect quotes', () => {
  it('reads Dutch "zei dat" and inverted "volgens hem"', () => {
    const text = 'Medvedev zei woensdag dat Rusland zijn arsenaal verder zal uitbreiden. Volgens hem staat het land sterker dan ooit.';
    const q = indirect(text, 'nl');
    expect(q.map((x) => [x.speaker, x.text])).toEqual([
      ['Dmitry Medvedev', 'Rusland zijn arsenaal verder zal uitbreiden'],
      ['Dmitry Medvedev', 'staat het land sterker dan ooit'],
    ]);
    expect(q[0].rule).toBe('quote.indirect.nl.dat');
  });

  it('reads English "said that", "according to" and a trailing attribution', () => {
    const text = 'Peskov said on Monday that Moscow would respond to any new tests. According to NATO, the alliance sees no change in the threat. The talks will resume next month, the Kremlin said.';
    const q = indirect(text, 'en');
    expect(q.map((x) => x.speaker)).toEqual(['Dmitry Peskov', 'NATO', 'Kremlin']);
    expect(q[2].text).toBe('The talks will resume next month');
    expect(q[2].rule).toBe('quote.indirect.speaker-after');
  });

  it('reads German "sagte, dass" and "laut"', () => {
    const q = indirect('Lawrow sagte, dass Russland keine Eskalation wolle. Laut dem Kreml bleibt die Lage ruhig.', 'de');
    expect(q.map((x) => x.speaker)).toEqual(['Sergey Lavrov', 'Kremlin']);
    expect(q[0].text).toBe('Russland keine Eskalation wolle');
  });

  it('reads French "a déclaré que" and "selon"', () => {
    const q = indirect('Peskov a déclaré que la Russie respecterait le traité. Selon le Kremlin, aucun essai nucléaire n\'est prévu.', 'fr');
    expect(q.map((x) => x.speaker)).toEqual(['Dmitry Peskov', 'Kremlin']);
    expect(q[1].text).toBe('aucun essai nucléaire n\'est prévu');
  });

  it('resolves a pronoun subject to the last person named', () => {
    const q = indirect('Lavrov sprak met journalisten in Moskou. Hij zei dat de gesprekken voorlopig stilliggen.', 'nl');
    expect(q.map((x) => x.speaker)).toEqual(['Sergey Lavrov']);
  });

  it('needs a named source', () => {
    expect(indirect('Experts zeggen dat de spanning verder toeneemt in de regio.', 'nl')).toEqual([]);
  });

  it('does not read a clause after the verb as its speaker (French subject, apposition, verb, object)', () => {
    expect(indirect('Le ministre, Jean Dupont, a dénoncé une escalade dangereuse pour la sécurité européenne.', 'fr')).toEqual([]);
    const q = indirect('La Russie va déployer de nouveaux missiles, a déclaré dimanche le président Vladimir Poutine.', 'fr');
    expect(q.map((x) => x.speaker)).toEqual(['Vladimir Putin']);
  });
});

import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline/create.js';
import { dateNear } from './dates.js';

const p = createPipeline();
const dates = (text: string, lang: string, date: string | null = '2023-03-15') =>
  (p.analyze({ id: 't', date, text, lang }).dates ?? []).map((d) => [d.text, d.value]);

describe('dates stage', () => {
  it('reads absolute dates in four languages', () => {
    expect(dates('De inval begon op 24 februari 2022.', 'nl')).toEqual([['24 februari 2022', '2022-02-24']]);
    expect(dates('The invasion began on February 24, 2022.', 'en')).toEqual([['February 24, 2022', '2022-02-24']]);
    expect(dates('Der Krieg begann am 24. Februar 2022 im Osten.', 'de')).toEqual([['24. Februar 2022', '2022-02-24']]);
    expect(dates("L'invasion a commencé le 24 février 2022.", 'fr')).toEqual([['24 février 2022', '2022-02-24']]);
  });

  it('resolves a weekday against a day-precision publication date', () => {
    expect(dates('De minister sprak maandag in Den Haag.', 'nl')).toEqual([['maandag', '2023-03-13']]);
    expect(dates('The minister spoke on Wednesday.', 'en')).toEqual([['Wednesday', '2023-03-15']]);
    expect(dates('Die Ministerin sprach am Freitag.', 'de')).toEqual([['Freitag', '2023-03-10']]);
  });

  it('resolves a weekday to the month when the publication date has no day', () => {
    expect(dates('Il a parlé mardi soir.', 'fr', '2023-03')).toEqual([['mardi', '2023-03']]);
  });

  it('resolves relative months and years', () => {
    expect(dates('Vorige maand schortte Rusland het verdrag op.', 'nl')).toEqual([['Vorige maand', '2023-02']]);
    expect(dates('The talks failed last year.', 'en')).toEqual([['last year', '2022']]);
    expect(dates('In december was het koud.', 'nl')).toEqual([['december', '2022-12']]);
  });

  it('reads years alone and leaves an English modal alone', () => {
    expect(dates('The treaty entered into force in 2011 and may expire.', 'en')).toEqual([['2011', '2011']]);
  });

  it('finds the date nearest to an offset in the same sentence', () => {
    const text = 'Op woensdag sprak hij. In 2011 gebeurde iets anders.';
    const doc = p.run({ id: 't', date: '2023-03-15', text, lang: 'nl' });
    expect(dateNear(doc, text.indexOf('sprak'))).toBe('2023-03-15');
    expect(dateNear(doc, text.indexOf('gebeurde'))).toBe('2011');
  });
});

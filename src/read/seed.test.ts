import { describe, expect, it } from 'vitest';
import { parseSeedText } from './seed.js';

describe('parseSeedText', () => {
  it('takes a month-precision date from the marker and keeps the body byte for byte', () => {
    const body = 'Het ministerie meldde  dinsdag\n\nnieuwe oefeningen. ';
    expect(parseSeedText(` date 2023-04 ${body}`)).toEqual({ date: '2023-04', body });
  });

  it('takes a day-precision date from the marker', () => {
    expect(parseSeedText(' date 2024-11-05 Body text')).toEqual({ date: '2024-11-05', body: 'Body text' });
  });

  it('returns a null date and the whole text when there is no marker', () => {
    expect(parseSeedText('date 2023-04 no leading space')).toEqual({ date: null, body: 'date 2023-04 no leading space' });
    expect(parseSeedText(' date 2023-13 bad month')).toEqual({ date: null, body: ' date 2023-13 bad month' });
  });
});

describe('headlines of plain text articles', () => {
  it('takes a short first line without a full stop as the title', async () => {
    const { headlineOf } = await import('./text-reader.js');
    expect(headlineOf('Rusland oefent met kernwapens\n\nDe oefening begon dinsdag.')).toBe('Rusland oefent met kernwapens');
    expect(headlineOf('De oefening begon dinsdag.\nHij duurde lang.')).toBeUndefined();
    expect(headlineOf('Eén regel zonder meer')).toBeUndefined();
    expect(headlineOf('Een tekst die hard is afgebroken\nen op de volgende regel verder gaat.')).toBeUndefined();
  });
});

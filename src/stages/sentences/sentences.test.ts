import { describe, expect, it } from 'vitest';
import { Doc } from '../../doc/doc.js';
import { TokenTable } from '../../doc/token-table.js';
import { segment } from './sentences.js';

function sentences(text: string): string[] {
  const doc = new Doc({ id: 't', text });
  doc.tokens = TokenTable.of(text);
  return segment(doc).sentences.map((s) => text.slice(s.start, s.end));
}

describe('sentence segmentation', () => {
  it('splits at full stops followed by a capital', () => {
    expect(sentences('De minister sprak. Hij ging weg.')).toEqual(['De minister sprak.', 'Hij ging weg.']);
  });

  it('does not split after abbreviations and initials', () => {
    expect(sentences('Volgens dhr. Jansen en J. Smith kwam o.a. de VS. Daarna niet.'))
      .toEqual(['Volgens dhr. Jansen en J. Smith kwam o.a. de VS.', 'Daarna niet.']);
    expect(sentences('Dr. Lewis met Gen. Milley in Washington. Then they left.'))
      .toEqual(['Dr. Lewis met Gen. Milley in Washington.', 'Then they left.']);
  });

  it('keeps numbers with group separators inside one sentence', () => {
    expect(sentences('Rusland heeft 2.000 kernkoppen. De VS 1,550 stuks.')).toEqual(['Rusland heeft 2.000 kernkoppen.', 'De VS 1,550 stuks.']);
  });

  it('keeps a closing quotation mark with the sentence it ends', () => {
    expect(sentences('‘Dat is zo.’ Daarna zweeg hij.')).toEqual(['‘Dat is zo.’', 'Daarna zweeg hij.']);
  });

  it('breaks at newlines and paragraphs', () => {
    expect(sentences('Kop zonder punt\n\nEerste zin van de tekst')).toEqual(['Kop zonder punt', 'Eerste zin van de tekst']);
  });

  it('keeps German ordinal dates inside the sentence', () => {
    expect(sentences('Er kam am 21. Oktober nach Berlin. Dann ging er.')).toEqual(['Er kam am 21. Oktober nach Berlin.', 'Dann ging er.']);
  });

  it('does not split when the next word starts lower-case', () => {
    expect(sentences('Het gaat om ca. vijf jaar. Klaar.')).toEqual(['Het gaat om ca. vijf jaar.', 'Klaar.']);
  });
});

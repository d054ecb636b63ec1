import { describe, expect, it } from 'vitest';
import { loadCodebook } from './load.js';
import { resolveName, resolveNames } from './resolve-name.js';

const codebook = loadCodebook();

describe('resolveName', () => {
  it('resolves a Dutch alias to the canonical person', () => {
    expect(resolveName(codebook, 'Poetin')).toEqual({ names: ['Vladimir Putin'], ids: ['person.vladimir-putin'] });
  });

  it('ignores case, surrounding space and diacritics', () => {
    expect(resolveName(codebook, '  poutine ').names).toEqual(['Vladimir Putin']);
    expect(resolveName(codebook, 'navo').names).toEqual(['NATO']);
  });

  it('resolves an adjective to its country', () => {
    expect(resolveName(codebook, 'Russische').names).toContain('Russia');
  });

  it('resolves a codebook id and a canonical name to themselves', () => {
    expect(resolveName(codebook, 'person.vladimir-putin').names).toEqual(['Vladimir Putin']);
    expect(resolveName(codebook, 'Vladimir Putin').ids).toEqual(['person.vladimir-putin']);
  });

  it('passes unknown text through as itself', () => {
    expect(resolveName(codebook, ' Jan Modaal ')).toEqual({ names: ['Jan Modaal'], ids: [] });
  });

  it('merges several names into one filter list', () => {
    const list = resolveNames(codebook, ['Poetin', 'Putin', 'Onbekend']);
    expect(list).toEqual(['Vladimir Putin', 'person.vladimir-putin', 'Onbekend']);
  });
});

import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../../pipeline/analysis.js';
import { createPipeline } from '../../pipeline/create.js';

const pipeline = createPipeline();
const analyse = (text: string, lang: string, date: string | null = '2023-03') => pipeline.analyze({ id: 't', date, text, lang });
const find = (entities: EntityRecord[], name: string) => entities.find((e) => e.name === name);

describe('entities stage', () => {
  it('links Poetin, Putin and Poutine to one canonical actor', () => {
    for (const [text, lang] of [['Poetin sprak.', 'nl'], ['Putin spoke.', 'en'], ['Poutine a parlé.', 'fr'], ['Putins Rede.', 'de']]) {
      expect(find(analyse(text, lang).entities, 'Vladimir Putin'), text).toBeDefined();
    }
  });

  it('counts a country adjective as a mention of the country', () => {
    const e = find(analyse('De Russische regering en het Amerikaanse leger.', 'nl').entities, 'Russia');
    expect(e?.type).toBe('LOC');
    expect(e?.mentions[0].text).toBe('Russische');
  });

  it('resolves an office to its holder on the article date', () => {
    const text = 'De Russische president sprak over de oorlog.';
    expect(find(analyse(text, 'nl', '2023-03').entities, 'Vladimir Putin')?.mentions[0].rule).toBe('role.president');
    expect(find(analyse(text, 'nl', '2010-06').entities, 'Dmitry Medvedev')).toBeDefined();
  });

  it('resolves an office after the country in French word order', () => {
    expect(find(analyse('Le président russe a parlé longuement.', 'fr', '2024-02').entities, 'Vladimir Putin')).toBeDefined();
  });

  it('finds unknown people after a title and links their surname and age later on', () => {
    const a = analyse('Dat zegt onderzoeker Pieter Vandermeulen van een Gentse universiteit. Vandermeulen wijst erop dat de 61-jarige al jaren waarschuwt.', 'nl');
    const p = find(a.entities, 'Pieter Vandermeulen');
    expect(p?.type).toBe('PERSON');
    expect(p?.mentions.map((m) => m.text)).toEqual(['Pieter Vandermeulen', 'Vandermeulen', '61-jarige']);
    expect(p?.mentions.map((m) => m.rule)).toEqual(['names.after-title', 'coref.surname', 'coref.age']);
  });

  it('types an unknown organisation from its introducer or its head word', () => {
    const a = analyse('Het persbureau Novakom meldde het nieuws. Het Centrum voor Strategische Studies in Oslo reageerde.', 'nl');
    expect(find(a.entities, 'Novakom')?.type).toBe('ORG');
    expect(a.entities.find((e) => e.name.startsWith('Centrum voor Strategische Studies'))?.type).toBe('ORG');
  });

  it('does not take capitalised historical periods for people', () => {
    const a = analyse('Sinds het einde van de Koude Oorlog is dat zo. De Derde Wereldoorlog dreigt niet.', 'nl');
    expect(a.entities.filter((e) => e.type === 'PERSON')).toEqual([]);
  });

  it('reads a capital as its government when it acts, and as a city after a locative word', () => {
    const acting = analyse('Moskou reageerde woedend op het besluit.', 'nl').entities;
    expect(find(acting, 'Russia')?.mentions[0].rule).toBe('codebook.metonym');
    const place = analyse('De top vond plaats in Moskou.', 'nl').entities;
    expect(find(place, 'Moscow')).toBeDefined();
  });

  it('also counts a country named inside a longer organisation name', () => {
    const a = analyse('Het Noorse Nobelcomité maakte de winnaar bekend.', 'nl');
    expect(find(a.entities, 'Norway')?.mentions[0].text).toBe('Noorse');
    expect(a.entities.some((e) => e.type === 'ORG')).toBe(true);
  });

  it('matches short all-caps aliases case-exactly', () => {
    const a = analyse('De VS en de EU reageerden. Dat vs. dit.', 'nl');
    expect(find(a.entities, 'United States')?.mentions.map((m) => m.text)).toEqual(['VS']);
  });
});

import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline/create.js';

const p = createPipeline();
const claims = (text: string, lang: string, date = '2023-03') => p.analyze({ id: 't', date, text, lang }).claims;

describe('claims stage', () => {
  it('reads Dutch thousands separators and hedges', () => {
    const [c] = claims('Volgens kenners bezit Rusland zo\'n 2.000 tactische kernwapens.', 'nl');
    expect(c).toMatchObject({ quantity: 2000, holder: 'Russia', approx: true, item: 'nonstrategic nuclear weapons' });
  });

  it('reads English thousands separators as counts, not decimals', () => {
    const [c] = claims('The treaty lets each side keep 1,550 deployed strategic warheads.', 'en');
    expect(c.quantity).toBe(1550);
    expect(c.item).toBe('strategic nuclear weapons');
  });

  it('reads spelled-out numbers after a hedge', () => {
    const [c] = claims('Frankrijk heeft ongeveer driehonderd kernkoppen op onderzeeboten.', 'nl');
    expect(c).toMatchObject({ quantity: 300, holder: 'France', approx: true, item: 'nuclear warheads' });
  });

  it('resolves a Dutch er-construction to the item named before', () => {
    const out = claims('China heeft circa 500 kernkoppen, Frankrijk heeft er bijna driehonderd.', 'nl');
    expect(out.map((c) => [c.holder, c.quantity, c.approx])).toEqual([['China', 500, true], ['France', 300, true]]);
  });

  it('does not count years, durations, percentages or countries', () => {
    expect(claims('Het verdrag werd in 2010 getekend en vijf jaar verlengd; 90 procent van de kernwapens ligt in zes landen.', 'nl')).toEqual([]);
    expect(claims('The treaty was extended for five years in 2021.', 'en')).toEqual([]);
  });

  it('does not count changes or weapons material', () => {
    expect(claims('Pyongyang built 20 new warheads last year.', 'en')).toEqual([]);
    expect(claims('Iran has enough uranium for nine nuclear weapons.', 'en')).toEqual([]);
  });

  it('takes the upper bound of a range as an approximate claim', () => {
    const [c] = claims('Op de basis liggen 15 tot 20 Amerikaanse B61-atoombommen.', 'nl');
    expect(c).toMatchObject({ quantity: 20, approx: true, holder: 'United States', item: 'nonstrategic nuclear weapons' });
  });

  it('keeps both ends of a from-to change as totals', () => {
    const out = claims('India grew its arsenal from 160 warheads to 172 warheads.', 'en');
    expect(out.map((c) => c.quantity)).toEqual([160, 172]);
  });

  it('gives a world total no holder', () => {
    const [c] = claims('Wereldwijd zijn er naar schatting 12.100 kernkoppen.', 'nl');
    expect(c.holder).toBeNull();
  });

  it('names the source of a claim', () => {
    const [c] = claims('According to SIPRI, Pakistan has about 170 nuclear warheads.', 'en');
    expect(c.source).toBe('Stockholm International Peace Research Institute');
    expect(c.holder).toBe('Pakistan');
  });

  it('reads German and French counts', () => {
    expect(claims('Großbritannien verfügt über rund 225 Atomsprengköpfe.', 'de')[0]).toMatchObject({ quantity: 225, holder: 'United Kingdom', approx: true });
    expect(claims('La Chine posséderait environ 600 ogives nucléaires.', 'fr')[0]).toMatchObject({ quantity: 600, holder: 'China', approx: true });
  });

  it('does not count conventional missiles', () => {
    expect(claims('Rusland vuurde gisteren 40 raketten af op Kiev.', 'nl')).toEqual([]);
  });
});

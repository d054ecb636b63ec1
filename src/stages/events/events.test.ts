import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline/create.js';
import type { EventRecord } from '../../pipeline/analysis.js';

const pipeline = createPipeline();

function events(text: string, lang: string): EventRecord[] {
  return pipeline.analyze({ id: 't', date: '2023-03', text, lang }).events;
}

function types(list: EventRecord[]): string[] {
  return list.map((e) => e.type);
}

const NL_BACKGROUND = 'Het gaat om kernwapens. De spanning over kernwapens loopt op.';
const EN_BACKGROUND = 'This is about nuclear weapons. Tension over nuclear arms keeps rising.';

describe('events: the nine types in Dutch', () => {
  it('finds a threat with its actor and target', () => {
    const out = events(`Poetin dreigde dinsdag opnieuw met kernwapens tegen Oekraïne. ${NL_BACKGROUND}`, 'nl');
    const threat = out.find((e) => e.type === 'THREATEN');
    expect(threat?.actor).toBe('Vladimir Putin');
    expect(threat?.target).toBe('Ukraine');
    expect(threat?.rule).toMatch(/^event\.THREATEN\.nl\.dreig/);
    expect(threat?.cue?.text).toBe('dreigde');
  });

  it('finds deployment, exercise, condemnation, sanctions, posture and assessment', () => {
    const text = [
      'Rusland wil tactische kernwapens in Belarus plaatsen.',
      'Het Russische leger hield maandag oefeningen met kernraketten.',
      'De NAVO veroordeelde de nucleaire plannen van Moskou.',
      'De EU kondigde nieuwe sancties aan vanwege de kernwapens.',
      'Belarus past zijn grondwet aan zodat kernwapens er weer mogen staan.',
      'Deskundigen zeggen dat de kans klein is dat er een kernwapen wordt gebruikt.',
    ].join(' ');
    const found = types(events(text, 'nl'));
    for (const t of ['DEPLOY', 'EXERCISE', 'CONDEMN', 'SANCTION', 'POSTURE', 'ASSESS']) expect(found).toContain(t);
  });

  it('reads "geen indicaties dat ... voorbereidt" as reassurance, not a threat', () => {
    const out = events(`Het Witte Huis ziet geen indicaties dat Rusland zich voorbereidt op de inzet van kernwapens. ${NL_BACKGROUND}`, 'nl');
    expect(types(out)).toEqual(['REASSURE']);
    expect(out[0].actor).toBe('White House');
  });

  it('turns a negated threat into a reassurance', () => {
    const out = events(`Poetin zei dat Rusland nooit kernwapens zal inzetten tegen Europa. ${NL_BACKGROUND}`, 'nl');
    expect(types(out)).toContain('REASSURE');
    expect(types(out)).not.toContain('THREATEN');
    expect(out.find((e) => e.type === 'REASSURE')?.negated).toBe(true);
  });

  it('does not take "niet alleen" for a negation', () => {
    const out = events(`Medvedev dreigt niet alleen Oekraïne met kernwapens, maar ook de NAVO. ${NL_BACKGROUND}`, 'nl');
    expect(out.find((e) => e.type === 'THREATEN')?.negated).toBe(false);
  });

  it('marks conditionals as hypothetical and lowers their intensity', () => {
    const plain = events(`Rusland dreigt met kernwapens. ${NL_BACKGROUND}`, 'nl').find((e) => e.type === 'THREATEN');
    const cond = events(`Als de NAVO ingrijpt, dreigt Rusland met kernwapens. ${NL_BACKGROUND}`, 'nl').find((e) => e.type === 'THREATEN');
    expect(cond?.hypothetical).toBe(true);
    expect(plain?.hypothetical).toBe(false);
    expect(cond!.intensity).toBeLessThan(plain!.intensity);
  });

  it('takes the agent of a passive as the actor', () => {
    const out = events(`Finland en Zweden werden door het Kremlin bedreigd met kernwapens. ${NL_BACKGROUND}`, 'nl');
    expect(out.find((e) => e.type === 'THREATEN')?.actor).toBe('Kremlin');
  });

  it('drops a passive threat without an agent', () => {
    const out = events(`Het is niet de eerste keer dat met kernwapens wordt gedreigd. ${NL_BACKGROUND}`, 'nl');
    expect(types(out)).not.toContain('THREATEN');
  });

  it('does not make the condemner the author of the rhetoric it condemns', () => {
    const out = events(`De NAVO hekelde de gevaarlijke nucleaire retoriek van het Kremlin. ${NL_BACKGROUND}`, 'nl');
    expect(out.some((e) => e.type === 'THREATEN' && e.actor === 'NATO')).toBe(false);
    expect(out.find((e) => e.type === 'CONDEMN')?.actor).toBe('NATO');
  });

  it('skips history told as background', () => {
    const out = events(`Het verdrag werd in 2010 getekend en in 2021 met vijf jaar verlengd. ${NL_BACKGROUND}`, 'nl');
    expect(out.filter((e) => e.type === 'TREATY' && e.action === 'extend')).toHaveLength(0);
  });

  it('finds no events in a text without nuclear context', () => {
    expect(events('De minister dreigde met ontslag. De oppositie veroordeelde het besluit.', 'nl')).toEqual([]);
  });
});

describe('events: treaty acts', () => {
  it('records suspension of New START with treaty and action', () => {
    const out = events(`Rusland schort het New START-verdrag op. ${NL_BACKGROUND}`, 'nl');
    const t = out.find((e) => e.type === 'TREATY');
    expect(t?.actor).toBe('Russia');
    expect(t?.treaty).toBe('New START');
    expect(t?.action).toBe('suspend');
  });

  it('reads "no longer share data" as stop-data-exchange', () => {
    const out = events(`The United States will no longer share data on its nuclear forces under New START. ${EN_BACKGROUND}`, 'en');
    const t = out.find((e) => e.type === 'TREATY');
    expect(t?.action).toBe('stop-data-exchange');
    expect(t?.treaty).toBe('New START');
  });

  it('records de-ratification of the CTBT', () => {
    const out = events(`Russia moved to de-ratify the CTBT this week. ${EN_BACKGROUND}`, 'en');
    const t = out.find((e) => e.type === 'TREATY');
    expect(t?.action).toBe('de-ratify');
    expect(t?.treaty).toBe('CTBT');
  });
});

describe('events: English, German and French cues', () => {
  it('finds the nine types in English', () => {
    const text = [
      'Russia threatened Ukraine with nuclear weapons.',
      'Moscow deployed nuclear-capable missiles to Belarus.',
      'Russia held drills of its strategic nuclear forces.',
      'NATO condemned the nuclear rhetoric.',
      'The EU imposed sanctions over the nuclear plans.',
      'The Pentagon said there was no sign of nuclear preparations.',
      'Analysts say the risk of nuclear use remains low.',
      'Russia put its nuclear forces on high alert.',
      'Russia suspended its participation in the New START treaty.',
    ].join(' ');
    const found = types(events(text, 'en'));
    for (const t of ['THREATEN', 'DEPLOY', 'EXERCISE', 'CONDEMN', 'SANCTION', 'REASSURE', 'ASSESS', 'POSTURE', 'TREATY']) expect(found).toContain(t);
  });

  it('finds threats and exercises in German and French', () => {
    const de = types(events('Medwedew droht der NATO mit Atomwaffen. Russland beginnt eine Atomübung. Die Lage um Atomwaffen bleibt angespannt.', 'de'));
    expect(de).toEqual(expect.arrayContaining(['THREATEN', 'EXERCISE']));
    const fr = types(events("La Russie menace l'Occident de l'arme nucléaire. Les États-Unis condamnent cette rhétorique nucléaire. La tension nucléaire monte.", 'fr'));
    expect(fr).toEqual(expect.arrayContaining(['THREATEN', 'CONDEMN']));
  });
});

describe('events: actors from quotes and intensity', () => {
  it('takes the speaker of a quote as the actor of a reassurance in it', () => {
    const out = events(`"We see no reason to change our nuclear posture," said Antony Blinken on Monday. ${EN_BACKGROUND}`, 'en');
    const r = out.find((e) => e.type === 'REASSURE');
    expect(r?.actor).toBe('Antony Blinken');
  });

  it('orders intensity: threat > exercise > condemnation > assessment > reassurance', () => {
    const text = [
      'Russia threatened Ukraine with nuclear weapons.',
      'Russia held drills of its strategic nuclear forces.',
      'NATO condemned the nuclear rhetoric.',
      'Analysts say the risk of nuclear use remains low.',
      'The Pentagon said there was no sign of nuclear preparations.',
    ].join(' ');
    const out = events(text, 'en');
    const of = (t: string) => out.find((e) => e.type === t)!.intensity;
    expect(of('THREATEN')).toBeGreaterThan(of('EXERCISE'));
    expect(of('EXERCISE')).toBeGreaterThan(of('CONDEMN'));
    expect(of('CONDEMN')).toBeGreaterThan(of('ASSESS'));
    expect(of('ASSESS')).toBeGreaterThan(of('REASSURE'));
  });

  it('keeps every evidence and cue span equal to the text it points at', () => {
    const text = `Poetin dreigde met kernwapens. ${NL_BACKGROUND}`;
    for (const e of events(text, 'nl')) {
      expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      expect(text.slice(e.cue!.start, e.cue!.end)).toBe(e.cue!.text);
    }
  });
});

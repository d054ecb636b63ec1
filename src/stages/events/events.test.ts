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

function pairs(list: EventRecord[]): string[] {
  return list.map((e) => `${e.type}|${e.actor}`);
}

describe('events: treaty acts are named right', () => {
  it('reads a revoked ratification as de-ratify in four languages', () => {
    const cases: [string, string][] = [
      [`Rusland trekt zijn ratificatie van het kernstopverdrag CTBT in. ${NL_BACKGROUND}`, 'nl'],
      [`Russia voted to revoke ratification of the CTBT. ${EN_BACKGROUND}`, 'en'],
      ['Russland will die Ratifizierung des CTBT zurückziehen. Die Lage um Atomwaffen bleibt angespannt. Es geht um Atomwaffen.', 'de'],
      ["La Russie veut retirer la ratification du CTBT. La tension nucléaire monte. Il s'agit d'armes nucléaires.", 'fr'],
    ];
    for (const [text, lang] of cases) {
      const t = events(text, lang).filter((e) => e.type === 'TREATY');
      expect(t.length, text).toBeGreaterThan(0);
      for (const e of t) expect(e.action, text).toBe('de-ratify');
    }
  });

  it('takes signing the revoking law as part of the de-ratification', () => {
    const out = events(`Poetin heeft de wet ondertekend waarmee Rusland de ratificatie van het CTBT intrekt. ${NL_BACKGROUND}`, 'nl');
    const t = out.filter((e) => e.type === 'TREATY');
    expect(t.length).toBeGreaterThan(0);
    expect(t.every((e) => e.action === 'de-ratify' && e.treaty === 'CTBT')).toBe(true);
  });

  it('finds no exercise in the words of a treaty name', () => {
    const out = events("La Russie retire sa ratification du Traité d'interdiction complète des essais nucléaires. La tension nucléaire monte. Il s'agit d'armes nucléaires.", 'fr');
    expect(types(out)).not.toContain('EXERCISE');
  });

  it('gives a treaty act without a named treaty a null treaty, never an empty name', () => {
    const out = events(`Rusland schort zijn deelname aan het verdrag op. ${NL_BACKGROUND}`, 'nl');
    const t = out.find((e) => e.type === 'TREATY');
    expect(t).toBeDefined();
    expect(t?.treaty).toBeNull();
  });

  it('reads "no more inspections" as stopping the data exchange', () => {
    const out = events(`Rusland laat geen inspecties meer toe onder het New START-verdrag. ${NL_BACKGROUND}`, 'nl');
    expect(out.find((e) => e.type === 'TREATY')?.action).toBe('stop-data-exchange');
  });

  it('reads a promise to keep complying as a reassurance', () => {
    const out = events(`The Russian foreign ministry said Russia would continue to abide by the limits of New START. ${EN_BACKGROUND}`, 'en');
    expect(types(out)).toContain('REASSURE');
    expect(types(out)).not.toContain('TREATY');
  });
});

describe('events: choosing the actor', () => {
  it('drops threats without an identifiable actor', () => {
    const out = events(`Het is niet ongewoon dat een land met kernwapens dreigt. ${NL_BACKGROUND}`, 'nl');
    expect(types(out)).not.toContain('THREATEN');
  });

  it('names one actor when a person and his country make the same kind of act', () => {
    const out = events(`Poetin dreigde dinsdag met kernwapens. Rusland dreigt al maanden met kernwapens. ${NL_BACKGROUND}`, 'nl');
    expect(pairs(out).filter((p) => p.startsWith('THREATEN'))).toEqual(['THREATEN|Vladimir Putin']);
  });

  it('takes the name before an apposition as the subject, and a warning of nuclear use as a threat', () => {
    const out = events(`Dmitry Medvedev, former president and deputy chairman of the Security Council, warned that Russia would use nuclear weapons. ${EN_BACKGROUND}`, 'en');
    expect(pairs(out)).toContain('THREATEN|Dmitry Medvedev');
  });

  it('keeps a warning without nuclear use an assessment', () => {
    const out = events(`Analyst Jane Doe warned that the arms race is speeding up. ${EN_BACKGROUND}`, 'en');
    expect(types(out)).toContain('ASSESS');
    expect(types(out)).not.toContain('THREATEN');
  });

  it('takes the possessive owner of a nominal act as its actor', () => {
    const out = events(`NATO condemned the rhetoric after Vladimir Putin's decision to station nuclear weapons in Belarus. ${EN_BACKGROUND}`, 'en');
    expect(pairs(out)).toContain('DEPLOY|Vladimir Putin');
    expect(pairs(out)).toContain('CONDEMN|NATO');
  });

  it('does not take a German genitive for the subject', () => {
    const out = events('Die USA haben die Übung kritisiert und die Rhetorik Putins verurteilt. Die Lage um Atomwaffen bleibt angespannt. Es geht um Atomwaffen.', 'de');
    expect(pairs(out)).toContain('CONDEMN|United States');
    expect(pairs(out)).not.toContain('CONDEMN|Vladimir Putin');
  });

  it('takes the agent after "seitens" as the owner of a threat', () => {
    const out = events('Die Drohungen mit dem Einsatz von Atomwaffen seitens des Kremls halten an. Die Lage um Atomwaffen bleibt angespannt.', 'de');
    expect(pairs(out)).toContain('THREATEN|Kremlin');
  });

  it('does not take a name behind a title after a preposition for the subject', () => {
    const out = events(`A senior adviser to Ukrainian President Volodymyr Zelensky accused Russia of nuclear blackmail. ${EN_BACKGROUND}`, 'en');
    expect(pairs(out)).not.toContain('CONDEMN|Volodymyr Zelensky');
  });

  it('takes the name before a relative pronoun as the actor in its clause', () => {
    const out = events(`Moscow points to the United States, which signed the CTBT treaty in secret talks. ${EN_BACKGROUND}`, 'en');
    expect(out.find((e) => e.type === 'TREATY')?.actor).toBe('United States');
  });

  it('gives stationed weapons to the country whose adjective they carry', () => {
    const out = events(`Op de vliegbasis liggen sinds de jaren zestig Amerikaanse kernwapens. ${NL_BACKGROUND}`, 'nl');
    expect(pairs(out)).toContain('DEPLOY|United States');
  });
});

describe('events: what does not count, and what changes type', () => {
  it('reads "would resume tests if ..." as a threat and drops the test inside the condition', () => {
    const out = events(`Russia would resume nuclear tests if the United States tested first. ${EN_BACKGROUND}`, 'en');
    expect(pairs(out)).toContain('THREATEN|Russia');
    expect(types(out)).not.toContain('EXERCISE');
  });

  it('does not report a capability as a deployment', () => {
    const out = events(`Pakistan is pursuing the capability to deploy several warheads on one missile. ${EN_BACKGROUND}`, 'en');
    expect(types(out)).not.toContain('DEPLOY');
  });

  it('does not report an alleged threat as a threat by the accused', () => {
    const out = events(`Rusland wijst op de vermeende dreiging van de NAVO tegen zijn kernwapens. ${NL_BACKGROUND}`, 'nl');
    expect(pairs(out)).not.toContain('THREATEN|NATO');
  });

  it('needs an act for sanctions: sanctions named as a cause are no event', () => {
    const none = events(`Het Kremlin zegt dat Amerikaanse sancties de inspecties van kernwapens onmogelijk maken. ${NL_BACKGROUND}`, 'nl');
    expect(types(none)).not.toContain('SANCTION');
    const some = events(`De EU dreigt Belarus met nieuwe sancties als er kernwapens komen. ${NL_BACKGROUND}`, 'nl');
    expect(types(some)).toContain('SANCTION');
  });

  it('does not take a year after "since" for history', () => {
    const out = events(`Noord-Korea bereidt zijn eerste kernproef sinds 2017 voor. ${NL_BACKGROUND}`, 'nl');
    expect(pairs(out)).toContain('EXERCISE|North Korea');
  });

  it('treats last year\'s treaty extension as background', () => {
    const out = events(`Rusland en de VS kwamen vorig jaar een verlenging van het New START-verdrag overeen. ${NL_BACKGROUND}`, 'nl');
    expect(out.filter((e) => e.type === 'TREATY')).toHaveLength(0);
  });

  it('reads a refusal to change the nuclear posture as a reassurance', () => {
    const out = events(`NATO said it would not change its nuclear posture. ${EN_BACKGROUND}`, 'en');
    expect(pairs(out)).toContain('REASSURE|NATO');
    expect(types(out)).not.toContain('POSTURE');
  });

  it('reads the nuclear threat described by a speaker as his assessment', () => {
    const out = events(`Biden zei dat de nucleaire dreiging groter is dan in jaren. ${NL_BACKGROUND}`, 'nl');
    expect(pairs(out)).toContain('ASSESS|Joe Biden');
    expect(pairs(out)).not.toContain('THREATEN|Joe Biden');
  });

  it('reads calling a nuclear move dangerous as condemnation', () => {
    const out = events(`Het Westen noemt de komst van kernwapens naar Belarus een gevaarlijke ontwikkeling. ${NL_BACKGROUND}`, 'nl');
    expect(pairs(out)).toContain('CONDEMN|the West');
  });
});

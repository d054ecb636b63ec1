import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline/create.js';

const p = createPipeline();
const analyze = (text: string, lang: string) => p.analyze({ id: 't', date: '2023-03', text, lang });

describe('relevance stage', () => {
  it('marks an article about nuclear weapons relevant', () => {
    const r = analyze('Rusland plaatst tactische kernwapens in Belarus\n\nDe Russische president kondigde aan dat kernwapens naar het buurland gaan. '
      + 'Deskundigen zien de stap als nucleaire dreiging en een slag voor de wapenbeheersing.', 'nl');
    expect(r.relevant).toBe(true);
    expect(r.relevance).toBeGreaterThan(0.5);
  });

  it('marks a football report irrelevant', () => {
    const r = analyze('Ajax won zondag met 3-1 van Feyenoord. De thuisploeg scoorde twee keer voor rust en hield daarna stand. '
      + 'De trainer was tevreden over de inzet van zijn spelers en keek vooruit naar de Europese wedstrijd van donderdag.', 'nl');
    expect(r.relevant).toBe(false);
    expect(r.relevance).toBe(0);
  });

  it('does not count civil nuclear power as nuclear-weapons relevance', () => {
    const r = analyze('Energy prices rose again this winter. The government wants to keep the nuclear power plant open for ten more years, '
      + 'while new wind farms are built at sea. The nuclear plant supplies about a tenth of the electricity, and the operator '
      + 'says nuclear energy keeps bills lower than gas.', 'en');
    expect(r.relevant).toBe(false);
  });

  it('keeps a war report with one passing nuclear word irrelevant', () => {
    const r = analyze('Ukrainian troops advanced near the river on Tuesday, the army said. Heavy shelling continued in the east, and '
      + 'several villages lost power. Officials said supplies were reaching the front. Analysts expect the fighting to go on '
      + 'for months; one mentioned that the war has carried a nuclear shadow since the start, but said the front line matters more. '
      + 'Aid groups asked for more shelters before winter, and the regional governor promised new generators for hospitals.', 'en');
    expect(r.relevant).toBe(false);
  });
});

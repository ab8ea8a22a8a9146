/** The text sections (report/blocks/textSections.ts): texts placed in the outline's parts, and the always-printed sections. */
import { addAlwaysSections, partNamed, placeTexts, textBlocks } from '../../../src/core/report/blocks/textSections';
import { documentOutline } from '../../../src/core/report/outline';
import type { Section } from '../../../src/core/report/model';
import { outlineOf, text } from './plans';

const sections = (parts: { section: Section }[]) => outlineOf(parts.map((p) => p.section));

describe('texts in the outline', () => {
  const outline = documentOutline('verksamhetsberattelse', 2020);

  test('a text as rich text, none when empty', () => {
    expect(textBlocks('Första raden.\n- punkt')).toEqual([
      {
        kind: 'richText',
        blocks: [
          { kind: 'paragraph', runs: [{ text: 'Första raden.' }] },
          { kind: 'bullet', runs: [{ text: 'punkt' }] },
        ],
      },
    ]);
    expect(textBlocks('  \n')).toEqual([]);
    expect(textBlocks(undefined)).toEqual([]);
  });

  test('the parts of the outline in order, each section where it belongs, nothing left behind', () => {
    const placed = placeTexts(
      [
        text('Ärendets beredning'),
        text('Organisation'),
        text('Uppföljning av ekonomi', 'Ekonomin.'),
        text('Budgetjusteringar'),
        text('Egen'),
        text('Kvalitetsarbete'),
        text('Bilagor', 'Bilaga'),
        text('Del', 'x', 'Egen'),
        text('Ny', 'y', 'Ny del'),
      ],
      outline,
    );
    expect(placed.front.map((s) => s.heading)).toEqual(['Ärendets beredning']);
    expect(placed.attachments).toHaveLength(1);
    expect(sections(placed.parts)).toEqual([
      'Sammanfattande analys (1)',
      '  Organisation (2)',
      'Uppföljning av ekonomi (1)',
      '  Budgetjusteringar (2)',
      '  Egen (2)',
      '    Del (3)',
      'Övrigt (1)',
      '  Kvalitetsarbete (2)',
      'Ny del (1)',
      '  Ny (2)',
    ]);
    expect(placed.parts.map((p) => p.printed)).toEqual([false, true, false, false]);
    expect(partNamed(placed.parts, 'uppföljning  av EKONOMI')!.section.blocks).toHaveLength(1);
  });

  test('a second text with a part’s name is a section of that part', () => {
    const placed = placeTexts([text('Övrigt', 'Första.'), text('Övrigt', 'Andra.')], documentOutline('verksamhetsplan', 2025));
    const ovrigt = partNamed(placed.parts, 'Övrigt')!;
    expect([ovrigt.section.blocks.length, ovrigt.section.children.map((c) => c.heading)]).toEqual([1, ['Övrigt']]);
  });

  test('the always-printed sections, each before the first present one that follows it in the outline', () => {
    const placed = placeTexts([text('Medel för lokaländamål'), text('Analys av balansräkning')], documentOutline('tertialrapport', 2019));
    addAlwaysSections(placed.parts, documentOutline('tertialrapport', 2019));
    const economy = partNamed(placed.parts, 'Uppföljning av ekonomi')!;
    expect(economy.section.children.map((s) => s.heading)).toEqual([
      'Uppföljning av driftbudget',
      'Resultatenheter',
      'Investeringar',
      'Försäljningar av anläggningstillgångar',
      'Verksamhetsprojekt (driftprojekt)',
      'Omslutningsförändringar',
      'Budgetjusteringar',
      'Medel för lokaländamål',
      'Analys av balansräkning',
    ]);
    expect(placed.parts.map((p) => p.printed)).toEqual([true, true, true]);
  });
});

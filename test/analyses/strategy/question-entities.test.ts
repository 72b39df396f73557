import { describe, expect, it } from 'vitest';
import { coveredEntities, questionEntities } from '../../../analyses/strategy/question-entities';
import { keySet } from '../../../analyses/strategy/terms';

describe('questionEntities', () => {
  it('finds runs of capitalized words, skipping capitalized question words', () => {
    expect(questionEntities('Which band was formed first, Velvet Lantern or Copper Atlas?').map((e) => e.text)).toEqual(['Velvet Lantern', 'Copper Atlas']);
    expect(questionEntities('Were Scott Derrickson and Ed Wood of the same nationality?').map((e) => e.text)).toEqual(['Scott Derrickson', 'Ed Wood']);
  });

  it('keeps connectors inside a name but not at its end', () => {
    expect(questionEntities('Who wrote The Lord of the Rings?').map((e) => e.text)).toEqual(['Lord of the Rings']);
    expect(questionEntities('Is the Bank of England older?').map((e) => e.text)).toEqual(['Bank of England']);
  });

  it('treats numbers as entities and falls back to content words for lower-case questions', () => {
    expect(questionEntities('What is 12 plus 30?').map((e) => e.text)).toEqual(['12', '30']);
    expect(questionEntities('who directed orchid harbor').map((e) => e.text)).toEqual(['orchid', 'harbor']);
    expect(questionEntities('')).toEqual([]);
  });

  it('says which entities a query covers by their distinctive words', () => {
    const entities = questionEntities('Which is older, Red Harbor or Blue Harbor?');
    expect(coveredEntities(entities, keySet('red harbor founded'))).toEqual([0]);
    expect(coveredEntities(entities, keySet('blue'))).toEqual([1]);
    expect(coveredEntities(entities, keySet('harbor'))).toEqual([]);
    expect(coveredEntities(entities, keySet('red vs blue'))).toEqual([0, 1]);
  });
});

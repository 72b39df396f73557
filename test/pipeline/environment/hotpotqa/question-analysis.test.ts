import { describe, expect, it } from 'vitest';
import { answerType, capitalizedRuns, prefersSmaller, questionEntities } from '../../../../pipeline/environment/hotpotqa/question-analysis';

describe('question analysis', () => {
  it('finds the named entities, and the two alternatives of "X or Y" first', () => {
    expect(questionEntities("Which magazine was started first, Arthur's Magazine or First for Women?")).toEqual([
      "Arthur's Magazine",
      'First for Women',
    ]);
    expect(questionEntities('What is the nationality of the director of Silent Harbor?')).toEqual(['Silent Harbor']);
    expect(capitalizedRuns('The creator of "Wallace and Gromit" also created what?')).toContain('Wallace and Gromit');
    expect(questionEntities('who wrote it?')).toEqual([]);
  });

  it('tells the answer type from the wording', () => {
    expect(answerType('In what year was the band formed?')).toBe('year');
    expect(answerType('When did it open?')).toBe('year');
    expect(answerType('How many members does it have?')).toBe('number');
    expect(answerType('Are both magazines American?')).toBe('yes-no');
    expect(answerType('Is it A or B that came first?')).toBe('name');
    expect(answerType('Who directed it?')).toBe('name');
  });

  it('tells which way a comparison goes', () => {
    expect(prefersSmaller('Which was released first, A or B?')).toBe(true);
    expect(prefersSmaller('Who was born earlier, A or B?')).toBe(true);
    expect(prefersSmaller('Which band was formed more recently, A or B?')).toBe(false);
    expect(prefersSmaller('Which has more members, A or B?')).toBe(false);
  });
});

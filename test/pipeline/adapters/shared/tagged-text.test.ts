import { describe, expect, it } from 'vitest';
import { parseR1SearcherDocs, parseSearchR1Docs, scanTaggedText } from '../../../../pipeline/adapters/shared/tagged-text';
import { R1_SEARCHER_DIALECT } from '../../../../pipeline/adapters/r1-searcher';
import { SEARCH_R1_DIALECT, stripSearchR1Prompt } from '../../../../pipeline/adapters/search-r1';

describe('Search-R1 documents', () => {
  it('splits Doc i(Title: …) entries, titles with parentheses included', () => {
    const block = 'Doc 1(Title: Creed (band)) Creed is an American rock band.\nIt formed in 1994.\nDoc 2(Title: Scott Stapp) Scott Stapp is a singer.\n';
    expect(parseSearchR1Docs(block)).toEqual([
      { title: 'Creed (band)', text: 'Creed is an American rock band.\nIt formed in 1994.' },
      { title: 'Scott Stapp', text: 'Scott Stapp is a singer.' },
    ]);
  });

  it('returns no documents for free text', () => {
    expect(parseSearchR1Docs('nothing found')).toEqual([]);
  });
});

describe('R1-Searcher documents', () => {
  it('splits (i) entries and takes the title up to the first three spaces', () => {
    const block = '\n(1)Citibank   Citibank Citibank was founded in 1812.\n(2)1812 in the United States   The following is a list.\n';
    expect(parseR1SearcherDocs(block)).toEqual([
      { title: 'Citibank', text: 'Citibank Citibank was founded in 1812.' },
      { title: '1812 in the United States', text: 'The following is a list.' },
    ]);
  });
});

describe('tagged text scanning', () => {
  it('turns text, searches, information and answers into steps in order, the last answer winning', () => {
    const text = '<think>I need X.</think>\n<search> first query </search>\n\n<information>Doc 1(Title: A) alpha\n</information>\n\nfree text <answer> early </answer> then <answer> final </answer>';
    const episode = scanTaggedText(text, SEARCH_R1_DIALECT);
    expect(episode.steps).toEqual([
      { type: 'think', text: 'I need X.' },
      { type: 'call', tool: 'search', args: { query: 'first query' } },
      { type: 'result', tool: 'search', text: 'Doc 1(Title: A) alpha', docs: [{ title: 'A', text: 'alpha' }] },
      { type: 'think', text: 'free text' },
      { type: 'answer', text: 'early' },
      { type: 'think', text: 'then' },
      { type: 'answer', text: 'final' },
    ]);
    expect(episode.answer).toBe('final');
    expect(episode.calls).toBe(1);
    expect(episode.unclosed).toBeUndefined();
  });

  it('keeps a cut-off block as thought and reports the unclosed tag', () => {
    const episode = scanTaggedText('reasoning <|begin_of_query|> half a que', R1_SEARCHER_DIALECT);
    expect(episode.steps).toEqual([
      { type: 'think', text: 'reasoning' },
      { type: 'think', text: 'half a que' },
    ]);
    expect(episode.unclosed).toBe('<|begin_of_query|>');
    expect(episode.answer).toBeNull();
  });

  it('drops a closing tag whose opener sat in the prompt', () => {
    const episode = scanTaggedText('Step 1 done.</think>\n\n <answer> Yes </answer>', R1_SEARCHER_DIALECT);
    expect(episode.steps).toEqual([
      { type: 'think', text: 'Step 1 done.' },
      { type: 'answer', text: 'Yes' },
    ]);
  });
});

describe('Search-R1 prompt stripping', () => {
  const prompt = 'Answer the given question. You must conduct reasoning inside <think> and </think> first every time you get new information. After reasoning, if you find you lack some knowledge, you can call a search engine by <search> query </search> and it will return the top searched results between <information> and </information>. If you find no further external knowledge needed, you can directly provide the answer inside <answer> and </answer>, without detailed illustrations. For example, <answer> Beijing </answer>. Question: who wrote hamlet?\n';

  it('cuts the echoed instruction at its Question line and returns the question', () => {
    const stripped = stripSearchR1Prompt(`${prompt}<think>easy</think><answer>Shakespeare</answer>`);
    expect(stripped.question).toBe('who wrote hamlet?');
    expect(scanTaggedText(stripped.text, SEARCH_R1_DIALECT).steps).toEqual([
      { type: 'think', text: 'easy' },
      { type: 'answer', text: 'Shakespeare' },
    ]);
  });

  it('cuts after the last chat-template assistant marker', () => {
    const stripped = stripSearchR1Prompt(`<|im_start|>user\n${prompt}<|im_end|>\n<|im_start|>assistant\n<answer>x</answer>`);
    expect(stripped.question).toBe('who wrote hamlet?');
    expect(stripped.text).toBe('\n<answer>x</answer>');
  });

  it('leaves a response without an instruction-shaped prompt alone', () => {
    const text = '<think>Question: is this mine?</think><answer>y</answer>';
    expect(stripSearchR1Prompt(text)).toEqual({ text });
  });
});

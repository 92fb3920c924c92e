import { describe, expect, it } from 'vitest';
import { capabilityDistribution, topCapability } from './capability.ts';
import { samplePrompts } from './sample-prompts.ts';
import { CAPABILITIES } from './types.ts';

const top = (text: string, req = {}) => topCapability(capabilityDistribution(req, text));

describe('capability distribution', () => {
  it('sums to 1 over every capability', () => {
    const d = capabilityDistribution({}, 'Write a Python function that parses a CSV file and plots a chart.');
    expect(Object.keys(d).sort()).toEqual([...CAPABILITIES].sort());
    expect(Object.values(d).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  });

  it('reads request parameters: tools, tool results, images', () => {
    expect(top('what now?', { params: { tools: 4 }, tool_results: 2 })).toBe('tool_use');
    expect(top('what is in it?', { has_image: true })).toBe('vision');
  });

  it.each([
    ['coding', 'Write a function in JavaScript that removes duplicates from an array.'],
    ['coding', '```python\ndef f(x):\n    return x*2\n```\nWhy does this return None?'],
    ['math_reasoning', 'A train travels 120 km in 2 hours. How many km does it travel in 5 hours?'],
    ['math_reasoning', '求方程 x^2-5x+6=0 的解。'],
    [
      'tool_use',
      'You have access to the following tools:\nsearch(query)\ncalculator(expression)\nFind the population of Peru.',
    ],
    [
      'data_analysis',
      'Here is a CSV of monthly sales. Compute the median revenue per region and describe the trend.',
    ],
    ['computer_use', 'Open the browser, navigate to the settings page and click the "Export" button.'],
    ['writing', 'Write a short poem about autumn leaves for my blog.'],
    ['general_chat', 'Hi there, how are you today?'],
  ])('%s: %s', (capability, text) => {
    expect(top(text)).toBe(capability);
  });
});

describe('capability word cues', () => {
  const evidence = (text: string) => capabilityDistribution({}, text);
  it('matches whole words and phrases only, at word boundaries, in any case', () => {
    // "programmer" and "coder" are not listed words, so they leave the text plain chat.
    expect(topCapability(evidence('My programmer friend is a coder.'))).toBe('general_chat');
    expect(topCapability(evidence('My PROGRAMMING friend writes JavaScript.'))).toBe('coding');
    // A phrase needs all of its words: "data" alone is not data analysis, "data set" is.
    expect(evidence('the data').data_analysis).toBe(0);
    expect(evidence('the data set').data_analysis).toBeGreaterThan(0);
    expect(evidence('Log in to the app and click Save').computer_use).toBeGreaterThan(
      evidence('Log the app and Save').computer_use,
    );
  });

  it('counts repeated words up to the cue cap, and Chinese words without spaces', () => {
    const once = evidence('poem').writing;
    const twice = evidence('poem poem').writing;
    expect(twice).toBeGreaterThan(once);
    expect(evidence('poem '.repeat(20)).writing).toBeCloseTo(evidence('poem '.repeat(30)).writing, 3);
    expect(topCapability(evidence('请把这段代码改成函数'))).toBe('coding');
  });
});

describe('capability pattern gates', () => {
  const evidence = (text: string) => capabilityDistribution({}, text);
  it('never hide a formula (every generated sample and hand-made ones)', () => {
    // A gate may only skip a pattern that cannot match: every text the formula pattern matches
    // must get math evidence.
    const formula =
      /\$[^$\n]{1,80}\$|\\(?:frac|sqrt)\b|\b\d+\s*[-+*/^×÷=]\s*\d+|[a-z]\s*\^\s*\d|\b[xyz]\s*=\s*/i;
    for (const s of samplePrompts(3, 1500)) {
      if (formula.test(s.text)) expect(evidence(s.text).math_reasoning).toBeGreaterThan(0);
    }
    for (const text of ['3 - 4', '2×3', 'x = 1', 'a^2', '$y$', '\\frac{1}{2}', '10/5', '7 ÷ 7']) {
      expect(evidence(text).math_reasoning).toBeGreaterThan(0);
    }
    expect(evidence('plain words only').math_reasoning).toBe(0);
  });
});

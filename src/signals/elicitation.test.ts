import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { elicitationSignal, scoreCues } from './elicitation.ts';
import { NgramSet } from './regex-gate.ts';
import { samplePrompts } from './sample-prompts.ts';

const flagged = (text: string) => elicitationSignal(text).score >= 0.5;

interface HandWritten {
  text: string;
  kind: string;
  language: string;
  elicitation: boolean;
}

/** A hand-written set the project ships (bench/data/elicitation-*.jsonl). */
function handWritten(set: string): HandWritten[] {
  const file = join(import.meta.dirname, '../../bench/data', `elicitation-${set}.jsonl`);
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as HandWritten);
}

describe('reasoning elicitation', () => {
  it.each([
    [
      'reconstruct-reasoning',
      'Given the final answer below, reconstruct the hidden chain of thought that produced it.\nQ: 17*23?\nA: 391',
    ],
    ['reconstruct-reasoning', '下面是题目和标准答案，请反推出得到这个答案的完整思考过程。'],
    [
      'reasoning-trace',
      'Answer the question, but first write out your complete, unabridged reasoning, including every false start.',
    ],
    ['reasoning-trace', '请把你完整的思考过程全部写出来，包括中间的检查和修正。'],
    [
      'fixed-format-trace',
      'Respond as JSON: {"reasoning": "<every step>", "answer": "<final>"}. Question: is 91 prime?',
    ],
    ['fixed-format-trace', '请严格按以下格式输出：\n推理过程：<逐步推理>\n最终答案：<答案>'],
    [
      'rubric-grading',
      'You are a strict judge. Score the assistant response below from 1 to 10 against the rubric and explain each deduction.',
    ],
    ['rubric-grading', '你是一名评审专家，请按照评分标准给下面的回答打分（1到10分）。'],
    [
      'safe-rewrite',
      'Rewrite this question about the 1989 protests so it is politically neutral and safe, removing anything sensitive.',
    ],
    ['safe-rewrite', '请把这段关于敏感政治事件的文字改写成中立、合规的表述。'],
    // Wordings outside the fixed sequences: one sentence holding the concepts, in any order.
    [
      'reasoning-trace',
      'Please verbalize every step of your thought process as you debug this function, then give the fix.',
    ],
    ['reasoning-trace', '我想看看你是怎么想的：请把你的分析过程完整地叙述出来再下结论。'],
    [
      'reconstruct-reasoning',
      'Work backwards from the stated conclusion and supply the chain of inferences that connects the premises to it.',
    ],
    [
      'rubric-grading',
      'Which of these two completions better follows the instruction? Respond with 1 or 2.\nCompletion 1: ...\nCompletion 2: ...',
    ],
    [
      'rubric-grading',
      'Given the reference solution and a model answer, say whether the answer is equivalent to the reference.',
    ],
    [
      'training-data',
      'Generate the rationale that explains why the keyed answer is right, in enough detail to train a model on.',
    ],
    [
      'safe-rewrite',
      'Paraphrase this tweet about June 4th so that it avoids anything that would get it taken down.',
    ],
  ])('fires %s', (cue, text) => {
    const signal = elicitationSignal(text);
    expect(signal.cues).toContain(cue);
    expect(signal.score).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    [
      'agent narration',
      'You are a coding agent. Before each tool call, tell the user what you are about to do and why, in one sentence.',
    ],
    [
      'context compaction',
      'Summarize the conversation so far into a compact context: decisions made, open questions, files touched.',
    ],
    [
      'student',
      "I'm stuck on my homework: solve 2x + 3 = 11. Can you show me how to solve it step by step so I understand?",
    ],
    ['student zh', '这道作业题我不会做：2x+3=11，能一步一步教我怎么解吗？'],
    [
      'benchmark suffix',
      "Q: A bat and a ball cost $1.10 in total. How much does the ball cost?\nA: Let's think step by step.",
    ],
    ['benchmark suffix zh', '问题：一个数加上5等于12，这个数是多少？请一步一步地思考。'],
    ['essay feedback', 'Can you grade my essay out of 10 and tell me how to improve the structure?'],
    ['tone rewrite', 'Rewrite this email so it sounds more polite and professional.'],
    [
      'naming poll',
      'Rate these three names for my bakery from 1 to 10: Crumb & Co, Rise Up, The Daily Loaf.',
    ],
    ['life choice', 'Which of the two job offers should I take? One pays more, the other is remote.'],
    ['detailed guide', 'Write a detailed guide on setting up a home network, step by step.'],
    ['asking for reasons', 'What is your reasoning for recommending index funds over individual stocks?'],
    ['history question', 'What was the political context of the 1989 Tiananmen Square protests?'],
    ['multiple choice', 'Both were responses to which of the following?\nA. taxes\nB. famine'],
  ])('does not flag %s', (_, text) => {
    expect(flagged(text)).toBe(false);
  });

  it('gives a weak cue alone a low score', () => {
    const signal = elicitationSignal('Solve for x: 3x = 12. Think step by step.');
    expect(signal.cues).toEqual(['think-step-by-step']);
    expect(signal.score).toBeLessThan(0.5);
  });

  it('prefilter never hides a cue of a generated sample, and scoring reads the n-grams it is given', () => {
    for (const s of samplePrompts(5, 1500)) {
      const lower = s.text.toLowerCase();
      expect(elicitationSignal(s.text)).toEqual(scoreCues(lower));
      expect(scoreCues(lower, new NgramSet(lower))).toEqual(scoreCues(lower));
    }
  });

  it('prefilter never hides a cue of a hand-written prompt', () => {
    for (const set of ['dev-1', 'dev-2', 'dev-3', 'final', 'final-2', 'final-3'])
      for (const { text } of handWritten(set))
        expect(elicitationSignal(text)).toEqual(scoreCues(text.toLowerCase()));
  });

  it('flags most of the hand-written sets the cues were widened on, and no look-alike in any set', () => {
    for (const set of ['dev-1', 'dev-2', 'dev-3', 'final', 'final-2']) {
      const requests = handWritten(set).filter((p) => p.elicitation);
      const caught = requests.filter((p) => flagged(p.text)).length;
      expect(caught / requests.length, set).toBeGreaterThanOrEqual(0.8);
    }
    for (const set of ['dev-1', 'dev-2', 'dev-3', 'final', 'final-2', 'final-3'])
      for (const p of handWritten(set)) if (!p.elicitation) expect(flagged(p.text), p.text).toBe(false);
  });

  it('flags the generated elicitation templates and nothing else', () => {
    for (const s of samplePrompts(8, 600)) expect(flagged(s.text)).toBe(s.elicitation);
  });
});

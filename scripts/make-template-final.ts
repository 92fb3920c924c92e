// Writes bench/data/template-final.jsonl: a second held-out set for template grouping, written after
// the first (template-heldout.jsonl) had been looked at while the fingerprint changed, and kept
// unread until the fingerprint was fixed, so that one figure comes from text nothing was tuned on.
// Its families imitate harvesting campaigns and app traffic: a role, a task, constraints and an
// output format, reworded the way an operator rotates phrasings; several families share that frame
// and differ only in the task. Run: npx tsx scripts/make-template-final.ts   (the output is committed)
import { type TemplateFamily as Family, writeTemplateSet } from './template-set.ts';

const SLOTS: Record<string, readonly string[]> = {
  field: ['organic chemistry', 'constitutional law', 'macroeconomics', 'cardiology', 'compiler design'],
  level: ['high school', 'graduate', 'undergraduate', 'expert'],
  count: ['5', '8', '10', '12', '20'],
  topic: [
    'the causes of the French Revolution',
    'how enzymes lower activation energy',
    'why interest rates affect housing prices',
    'the halting problem',
    'how a refrigerator works',
    'supply chains',
  ],
  snippet: [
    'x = [i*i for i in range(10) if i % 2]',
    'SELECT name FROM users WHERE age > 30 ORDER BY name;',
    'const total = items.reduce((a, b) => a + b.price, 0);',
    'grep -rn "TODO" src | wc -l',
  ],
  persona: ['a skeptical investor', 'a curious child', 'a retired engineer', 'an anxious first-time patient'],
  claim: [
    'coffee stunts growth',
    'we only use 10 percent of our brains',
    'the Great Wall of China is visible from space',
    'cracking your knuckles causes arthritis',
  ],
  email: [
    'Hi, I ordered a blue jacket (order 55821) but received a red one. Can I swap it?',
    'Your service has been down all morning and we are losing sales. Fix it now or we cancel.',
    'Thanks for the quick help yesterday, the issue is solved!',
    'Could you send me the invoice for March? Our accountant needs it by Friday.',
  ],
  categories: ['billing, shipping, technical, other', 'urgent, normal, low', 'complaint, praise, question'],
  sentence: [
    'The quick brown fox jumps over the lazy dog.',
    'Our quarterly revenue grew by twelve percent despite the downturn.',
    'Please remember to switch off the lights when you leave the lab.',
  ],
  zfield: ['有机化学', '宪法学', '宏观经济学', '心血管医学'],
  zcount: ['5', '8', '10'],
  ztopic: ['法国大革命的原因', '酶如何降低活化能', '利率为什么会影响房价', '冰箱的工作原理'],
  zemail: [
    '我买的蓝色外套发成了红色，能换吗？',
    '你们的服务一上午都打不开，我们损失很大。',
    '请把三月份的发票发给我，财务周五前要。',
  ],
  zpersona: ['一位多疑的投资人', '一个好奇的小孩', '一位退休工程师'],
  zclaim: ['喝咖啡会让人长不高', '人只用了大脑的百分之十', '在太空能看到长城'],
};

const FAMILIES: readonly Family[] = [
  {
    name: 'exam_questions',
    language: 'en',
    paraphrases: [
      'You are a professor of {field}. Write {count} {level}-level exam questions on {topic}, each with a model answer. Output as a numbered list.',
      'As a {field} professor, create {count} exam questions at {level} level about {topic}. Give a model answer for every question and number them.',
      'Generate {count} numbered exam questions (with model answers) on {topic} for a {level} course in {field}.',
      'I teach {field}. Could you draft {count} questions for a {level} exam on {topic}? Number them and add a model answer to each.',
    ],
  },
  {
    name: 'flashcards',
    language: 'en',
    paraphrases: [
      'You are a professor of {field}. Turn {topic} into {count} flashcards for {level} students, one term and one definition per card.',
      'Make {count} flashcards about {topic} for {level} students of {field}; each card has a term on one side and its definition on the other.',
      'Create a set of {count} term/definition flashcards on {topic}, aimed at {level} learners of {field}.',
    ],
  },
  {
    name: 'explain_code',
    language: 'en',
    paraphrases: [
      'Explain what this line does, step by step, for a beginner: {snippet}',
      'For someone new to programming, walk through this line step by step and say what it does: {snippet}',
      'What does the following line do? Explain it step by step as if to a beginner.\n{snippet}',
    ],
  },
  {
    name: 'debate_persona',
    language: 'en',
    paraphrases: [
      'Pretend you are {persona}. React to the claim that {claim}, in under 100 words.',
      'In fewer than 100 words, respond to the claim that {claim} the way {persona} would.',
      'How would {persona} respond if told that {claim}? Answer in character, at most 100 words.',
    ],
  },
  {
    name: 'fact_check',
    language: 'en',
    paraphrases: [
      'Is it true that {claim}? Give a verdict (true, false, or misleading) and cite the strongest evidence.',
      'Fact-check this claim: {claim}. Say whether it is true, false or misleading, and give the best evidence.',
      'Verdict please, true, false or misleading: {claim}. Back it up with the strongest evidence you know.',
    ],
  },
  {
    name: 'ticket_triage',
    language: 'en',
    paraphrases: [
      'Classify the customer email into one of these categories: {categories}. Reply with the category and a one-line reason.\n\nEmail: {email}',
      'Which category fits this email best ({categories})? Give the category plus a one-line justification.\n\n{email}',
      'Read the email below and label it with one of {categories}, then explain your choice in one line.\nEmail: {email}',
    ],
  },
  {
    name: 'ticket_reply',
    language: 'en',
    paraphrases: [
      'Write a reply to the customer email below. Be concise, apologise if needed, and sign as the support team.\n\nEmail: {email}',
      'Draft a concise answer to this customer email, apologising where appropriate, signed by the support team.\n\n{email}',
      'Answer the following email on behalf of the support team: keep it short and apologise if it is warranted.\nEmail: {email}',
    ],
  },
  {
    name: 'paraphrase_variants',
    language: 'en',
    paraphrases: [
      'Give {count} different paraphrases of this sentence, varying vocabulary and structure: {sentence}',
      'Rewrite the sentence below in {count} different ways, changing both the wording and the structure.\n{sentence}',
      'Produce {count} paraphrases of "{sentence}" with varied vocabulary and sentence structure.',
    ],
  },
  {
    name: 'exam_questions',
    language: 'zh',
    paraphrases: [
      '你是一名{zfield}教授。请围绕{ztopic}出{zcount}道考试题，每道题附上参考答案，用编号列出。',
      '作为{zfield}老师，请就{ztopic}设计{zcount}道带参考答案的考题，并编号。',
      '请为{zfield}课程出{zcount}道关于{ztopic}的考试题，编号列出，每题给出参考答案。',
    ],
  },
  {
    name: 'ticket_reply',
    language: 'zh',
    paraphrases: [
      '请以客服团队的名义回复下面这封客户邮件，简洁一些，必要时道歉。\n\n{zemail}',
      '回复这封客户来信：语言简洁，如有需要请致歉，落款为客服团队。\n\n{zemail}',
      '下面是一封客户邮件，请代表客服团队写一封简短的回信，必要时表示歉意。\n{zemail}',
    ],
  },
  {
    name: 'debate_persona',
    language: 'zh',
    paraphrases: [
      '假设你是{zpersona}，请用不超过100字回应“{zclaim}”这种说法。',
      '请以{zpersona}的口吻，在100字以内回应这个说法：{zclaim}。',
      '如果有人告诉{zpersona}“{zclaim}”，他会怎么回应？请用100字以内作答。',
    ],
  },
  {
    name: 'fact_check',
    language: 'zh',
    paraphrases: [
      '“{zclaim}”这种说法是真的吗？请给出结论（真、假或有误导性）并引用最有力的证据。',
      '请核查这个说法：{zclaim}。判断它是真、假还是有误导性，并给出最有力的证据。',
      '判断真假：{zclaim}。结论只能是真、假或有误导性，并附上最强的证据。',
    ],
  },
];

writeTemplateSet('template-final.jsonl', FAMILIES, SLOTS, 77, 1800);

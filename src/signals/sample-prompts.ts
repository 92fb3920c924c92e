// A labelled generator of templated prompts (English and Chinese, slot filling plus paraphrase)
// that the tests and the measurement script use, so neither needs text the project does not ship.

export interface SamplePrompt {
  text: string;
  /** `<language>/<template name>`: prompts with the same key come from one template. */
  templateKey: string;
  language: 'en' | 'zh';
  /** True when the template asks for a reasoning trace, a judgement or a "safe" rewrite to harvest. */
  elicitation: boolean;
}

interface Template {
  name: string;
  elicitation: boolean;
  paraphrases: readonly string[];
}

/** mulberry32: tiny seeded PRNG, so the samples are the same on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SLOTS: Record<string, readonly string[]> = {
  question: [
    'Why does ice float on water even though it is a solid?',
    'What caused the fall of the Western Roman Empire?',
    'How do vaccines train the immune system to recognise a virus?',
    'Is it better to rent or buy a house in a city with rising prices?',
    'Which sorting algorithm should I use for nearly sorted data and why?',
    'A train leaves at 3 pm travelling 80 km/h; when does it cover 200 km?',
    'What is the derivative of x^3 * sin(x)?',
    'Why did the 2008 financial crisis spread so quickly to Europe?',
    'How many prime numbers are there between 1 and 50?',
    'What makes a transformer model better than an RNN for long sequences?',
  ],
  answer: [
    'Because ice is less dense than liquid water: hydrogen bonds hold the molecules in an open lattice.',
    'A mix of economic decline, overreliance on mercenaries, political instability and invasions.',
    'They expose the body to a harmless piece of the pathogen so memory cells form in advance.',
    'Buying wins after about seven years if prices keep rising faster than rents.',
    'Insertion sort, since it runs in near-linear time when few elements are out of place.',
    'At 5:30 pm, since 200 / 80 = 2.5 hours.',
    '3x^2 sin(x) + x^3 cos(x).',
    'Banks in Europe held large amounts of US mortgage-backed securities.',
    'There are 15 primes below 50.',
    'Attention lets every position see every other one directly, so gradients do not vanish.',
  ],
  n: ['3', '5', '50', '80', '100', '150', '200', '300'],
  criterion: [
    'factual accuracy',
    'clarity of explanation',
    'completeness of the answer',
    'safety and tone',
    'use of evidence',
    'concision',
  ],
  topic: [
    'the Tiananmen Square protests',
    'Taiwan independence',
    'the Xinjiang camps',
    'election fraud claims',
    'the Hong Kong protests',
    'a banned political party',
  ],
  passage: [
    'The government violently cracked down on peaceful protesters and has censored every mention since.',
    'Critics say the leadership rigged the vote and jailed the opposition candidates before the count.',
    'Activists describe mass detention without trial and forced political re-education.',
    'Students marched for democracy until the army cleared the square at night.',
  ],
  lang: ['Python', 'JavaScript', 'Go', 'Rust', 'Java'],
  code: [
    'def mean(xs):\n    return sum(xs) / len(xs)',
    'function last(arr) {\n  return arr[arr.length];\n}',
    'for i := 0; i <= len(items); i++ {\n    total += items[i]\n}',
    'fn first(v: &Vec<i32>) -> i32 {\n    v[0]\n}',
    'public int div(int a, int b) {\n    return a / b;\n}',
  ],
  name: ['Alice', 'Rahul', 'Mei', 'Carlos', 'Fatima', 'Johan', 'Yuki', 'Olga'],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  product: [
    'a stainless steel water bottle',
    'noise-cancelling headphones',
    'an ergonomic office chair',
    'a smart thermostat',
    'a hiking backpack',
  ],
  audience: ['students', 'busy parents', 'remote workers', 'outdoor enthusiasts'],
  feature: [
    '24-hour battery life',
    'recycled materials',
    'a lifetime warranty',
    'one-touch setup',
    'lightweight design',
  ],
  review: [
    'The delivery was late and the box arrived crushed, but support refunded me quickly.',
    'Absolutely love it, works exactly as described!',
    'It is fine. Nothing special for the price.',
    'Broke after two days. Never buying from this brand again.',
  ],
  equation: ['3x + 7 = 22', 'x^2 - 5x + 6 = 0', '2(x - 4) = x + 1', 'the integral of 2x from 0 to 3'],
  problem: [
    'A rectangle has a perimeter of 36 cm and its length is twice its width. Find its area.',
    'If 5 machines make 5 widgets in 5 minutes, how long do 100 machines take to make 100 widgets?',
    'What is the probability of rolling two sixes with two fair dice?',
    'Tom is 4 years older than Ann; in 6 years their ages sum to 40. How old is Ann?',
  ],
  zq: [
    '为什么冰能浮在水面上？',
    '秦朝为什么只存在了十五年？',
    '疫苗是如何让免疫系统记住病毒的？',
    '一个数的三倍加上七等于二十二，这个数是多少？',
    '为什么天空是蓝色的？',
  ],
  za: [
    '因为冰的密度比水小。',
    '因为苛政和徭役过重，引发了大规模起义。',
    '通过让身体接触无害的抗原，形成记忆细胞。',
    '这个数是5。',
    '因为瑞利散射使短波长的蓝光散射更强。',
  ],
  zc: ['答案是否准确', '解释是否清楚', '是否完整', '语气是否礼貌'],
  ztopic: ['六四事件', '台湾问题', '新疆政策', '香港抗议'],
  zpassage: [
    '政府对和平示威者进行了暴力镇压，并删除了所有相关报道。',
    '批评者认为当局操纵了选举并逮捕了反对派。',
    '有报道称大量人员未经审判被关押。',
  ],
  zproblem: [
    '一个长方形的周长是36厘米，长是宽的两倍，求面积。',
    '掷两个骰子，点数之和为7的概率是多少？',
    '小明比小红大4岁，6年后两人年龄之和是40岁，小红现在几岁？',
  ],
  zproduct: ['保温杯', '降噪耳机', '人体工学椅', '智能手表'],
  zaudience: ['大学生', '上班族', '老年人'],
  zequation: ['3x+7=22', 'x²-5x+6=0', '2(x-4)=x+1'],
  zsentence: ['今天的会议推迟到下午三点。', '我们下周去杭州旅游。', '这家餐厅的菜很好吃。'],
};

const EN: readonly Template[] = [
  {
    name: 'cot_reconstruction',
    elicitation: true,
    paraphrases: [
      'Here is a question and a completed answer. Imagine the internal reasoning that led to this answer and articulate it step by step, as if thinking aloud.\n\nQuestion: {question}\nAnswer: {answer}',
      'Below is a question together with its final answer. Reconstruct the hidden reasoning behind the answer, writing out every step of the thought process that produced it.\n\nQuestion: {question}\nAnswer: {answer}',
      'Given the question and the finished answer below, imagine and articulate the internal reasoning behind this answer, writing it out step by step.\n\nQuestion: {question}\nAnswer: {answer}',
    ],
  },
  {
    name: 'rubric_grading',
    elicitation: true,
    paraphrases: [
      'You are an expert grader. Score the response below against the rubric on a scale of 1 to 10 and justify each criterion.\n\nRubric:\n- {criterion}\n- {criterion}\n- {criterion}\n\nPrompt: {question}\nResponse: {answer}\n\nEnd with "Score: X/10".',
      'Act as a strict grader. Using the rubric, rate the response below from 1 to 10 and explain your judgement for every criterion.\n\nRubric:\n- {criterion}\n- {criterion}\n\nPrompt: {question}\nResponse: {answer}\n\nEnd with "Score: X/10".',
      'You are an expert evaluator. Grade the following response against the rubric on a 1-10 scale, justifying each criterion.\n\nRubric:\n1. {criterion}\n2. {criterion}\n3. {criterion}\n\nPrompt: {question}\nResponse: {answer}\n\nFinish with "Score: X/10".',
    ],
  },
  {
    name: 'explanation_trace',
    elicitation: true,
    paraphrases: [
      'Solve the problem below. Format your output exactly as follows:\nReasoning: <your complete chain of thought>\nFinal answer: <the answer>\n\nProblem: {problem}',
      'Solve the following problem. Use exactly this output format:\nReasoning: <your full chain of thought, every step>\nFinal answer: <the answer only>\n\nProblem: {problem}',
      'Work through the problem below. Your output must use exactly this format:\nReasoning: <your complete chain of thought>\nFinal answer: <answer>\n\nProblem: {problem}',
    ],
  },
  {
    name: 'safe_rewrite',
    elicitation: true,
    paraphrases: [
      'Rewrite the following text about {topic} so that it becomes politically neutral and safe to publish, removing anything sensitive:\n\n"{passage}"',
      'Please rewrite this passage about {topic} into a politically neutral, safe version with the sensitive content removed:\n\n"{passage}"',
      'Rewrite the text below on {topic} so that it is safe and politically neutral, and strip out anything sensitive:\n\n"{passage}"',
    ],
  },
  {
    name: 'code_review',
    elicitation: false,
    paraphrases: [
      'Review this {lang} function for bugs and suggest a fix:\n```\n{code}\n```',
      'Can you review the following {lang} function, find the bug and suggest a fix?\n```\n{code}\n```',
      'Please review this {lang} function for bugs and propose a fix:\n```\n{code}\n```',
    ],
  },
  {
    name: 'product_copy',
    elicitation: false,
    paraphrases: [
      'Write a {n}-word product description for {product}, aimed at {audience}. Mention these features:\n- {feature}\n- {feature}',
      'Write a product description of about {n} words for {product} aimed at {audience}. Be sure to mention these features:\n- {feature}\n- {feature}\n- {feature}',
      'Create a {n} word product description for {product} that targets {audience}, and mention the following features:\n- {feature}\n- {feature}',
    ],
  },
  {
    name: 'reschedule_email',
    elicitation: false,
    paraphrases: [
      'Draft a polite email to {name} asking to move our meeting from {day} to {day}. Keep it under {n} words and suggest two time slots.',
      'Write a short, polite email to {name} asking to move our meeting from {day} to {day}. Keep it under {n} words and propose two time slots.',
      'Please draft a polite email for {name} asking to move our meeting from {day} to {day}, under {n} words, suggesting two time slots.',
    ],
  },
  {
    name: 'review_sentiment',
    elicitation: false,
    paraphrases: [
      'Classify the sentiment of this customer review as positive, negative or neutral. Reply with one word only.\n\nReview: "{review}"',
      'What is the sentiment of the following customer review: positive, negative or neutral? Reply with a single word only.\n\nReview: "{review}"',
      'Classify this customer review as positive, negative, or neutral in sentiment. Answer with one word only.\n\nReview: "{review}"',
    ],
  },
  {
    name: 'student_solution',
    elicitation: false,
    paraphrases: [
      "I'm stuck on my homework. Can you show me how to solve {equation}? Please explain each step so I understand it.",
      "I'm stuck on my math homework: how do I solve {equation}? Please explain each step so that I understand it.",
      'I am stuck on this homework problem. Could you show me how to solve {equation} and explain each step so I understand?',
    ],
  },
  {
    name: 'conversation_summary',
    elicitation: false,
    paraphrases: [
      'Summarize the conversation below between {name} and {name} in {n} bullet points, keeping decisions and open questions.\n\n{name}: {review}\n{name}: {answer}',
      'Summarise the following conversation between {name} and {name} in {n} bullet points; keep the decisions and the open questions.\n\n{name}: {review}\n{name}: {answer}',
      'Give a {n}-bullet summary of the conversation below between {name} and {name}, keeping all decisions and open questions.\n\n{name}: {review}\n{name}: {answer}',
    ],
  },
];

const ZH: readonly Template[] = [
  {
    name: 'cot_reconstruction',
    elicitation: true,
    paraphrases: [
      '下面给出一个问题和它的最终答案。请设想得出这个答案的内部推理过程，并一步一步地完整写出来。\n\n问题：{zq}\n答案：{za}',
      '以下是一个问题及其最终答案。请还原得出该答案的内在思考过程，把每一步推理都完整写出来。\n\n问题：{zq}\n答案：{za}',
      '给定下面的问题和最终答案，请设想并还原得到这个答案的内部推理过程，一步一步写出来。\n\n问题：{zq}\n答案：{za}',
    ],
  },
  {
    name: 'rubric_grading',
    elicitation: true,
    paraphrases: [
      '你是一名评审专家。请根据以下评分标准，对回答进行1到10分的打分，并逐项说明理由。\n\n评分标准：\n1. {zc}\n2. {zc}\n\n问题：{zq}\n回答：{za}',
      '请你作为评审专家，按照下面的评分标准给这个回答打分（1到10分），并逐项说明打分理由。\n\n评分标准：\n1. {zc}\n2. {zc}\n\n问题：{zq}\n回答：{za}',
      '你是评审专家。请依据下列评分标准为回答打分，满分10分，并对每一项说明理由。\n\n评分标准：\n1. {zc}\n2. {zc}\n3. {zc}\n\n问题：{zq}\n回答：{za}',
    ],
  },
  {
    name: 'safe_rewrite',
    elicitation: true,
    paraphrases: [
      '请把下面这段关于{ztopic}的内容改写成政治上中立、安全的表述，删去敏感内容：\n\n“{zpassage}”',
      '请将以下关于{ztopic}的文字改写为政治中立、安全的版本，并去掉敏感的内容：\n\n“{zpassage}”',
      '把下面这段有关{ztopic}的内容改写成安全、政治中立的说法，删除其中的敏感内容：\n\n“{zpassage}”',
    ],
  },
  {
    name: 'explanation_trace',
    elicitation: true,
    paraphrases: [
      '请解答下面的题目，并严格按照以下格式输出：\n思考过程：<完整的推理步骤>\n最终答案：<答案>\n\n题目：{zproblem}',
      '请解下面这道题，输出必须严格使用以下格式：\n思考过程：<每一步完整的推理>\n最终答案：<只写答案>\n\n题目：{zproblem}',
      '解答以下题目，并严格按如下格式输出：\n思考过程：<完整推理步骤>\n最终答案：<答案>\n\n题目：{zproblem}',
    ],
  },
  {
    name: 'conversation_summary',
    elicitation: false,
    paraphrases: [
      '请用{n}句话总结下面这段对话的主要内容，保留做出的决定和待解决的问题：\n\n{zpassage}\n{za}',
      '请用{n}句话概括以下对话的主要内容，保留其中的决定和尚未解决的问题：\n\n{zpassage}\n{za}',
      '用{n}句话总结下面这段对话，保留所做的决定和待解决的问题：\n\n{zpassage}\n{za}',
    ],
  },
  {
    name: 'product_copy',
    elicitation: false,
    paraphrases: [
      '请为{zproduct}写一段{n}字左右的产品介绍，面向{zaudience}，语气活泼，突出卖点。',
      '请给{zproduct}写一段大约{n}字的产品介绍，目标读者是{zaudience}，语气要活泼，突出卖点。',
      '为{zproduct}写一段{n}字左右的产品介绍，面向{zaudience}，语气活泼并突出卖点。',
    ],
  },
  {
    name: 'student_solution',
    elicitation: false,
    paraphrases: [
      '这道作业题我不会做：{zequation}。能一步一步教我怎么解吗？我想弄懂每一步。',
      '这道作业题我不会：{zequation}，你能一步一步教我怎么解吗？我想搞懂每一步。',
      '我不会做这道作业题：{zequation}。可以一步一步教我怎么解吗？我想弄明白每一步。',
    ],
  },
  {
    name: 'translation',
    elicitation: false,
    paraphrases: [
      '请把下面这句话翻译成英文，语气要自然，不要逐字直译：“{zsentence}”',
      '请将下面这句话翻译成英文，语气自然一些，不要逐字直译：“{zsentence}”',
      '把下面这句话翻译成英文，要自然，不要逐字翻译：“{zsentence}”',
    ],
  },
];

const OPENERS = ['', '', '', 'Hi! ', 'Please help. ', 'Quick one: '];
const ZH_OPENERS = ['', '', '', '你好！', '请帮忙：'];

function fill(template: string, pick: (pool: readonly string[]) => string): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => pick(SLOTS[slot] ?? [slot]));
}

/** `n` prompts from the built-in templates: template, paraphrase and slot values drawn at random. */
export function samplePrompts(seed: number, n: number): SamplePrompt[] {
  const next = random(seed);
  const pick = <T>(pool: readonly T[]): T => pool[Math.floor(next() * pool.length)] as T;
  const out: SamplePrompt[] = [];
  for (let i = 0; i < n; i++) {
    const language = next() < 0.6 ? 'en' : 'zh';
    const template = pick(language === 'en' ? EN : ZH);
    const opener = pick(language === 'en' ? OPENERS : ZH_OPENERS);
    out.push({
      text: opener + fill(pick(template.paraphrases), pick),
      templateKey: `${language}/${template.name}`,
      language,
      elicitation: template.elicitation,
    });
  }
  return out;
}

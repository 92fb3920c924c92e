// Writes bench/data/template-heldout.jsonl: a held-out check of template grouping, written apart
// from src/signals/sample-prompts.ts (other domains, other phrasing habits) and never used to tune
// the fingerprint. Paraphrases reorder clauses and swap synonyms; slot values run from one word to
// several sentences and are mostly inline, unquoted; some families are near neighbours of others
// (same nouns, different task) so that a fingerprint that groups by vocabulary alone loses precision.
// Run: npx tsx scripts/make-template-heldout.ts   (the output is committed: figures cite the file)
import { type TemplateFamily as Family, writeTemplateSet } from './template-set.ts';

const SLOTS: Record<string, readonly string[]> = {
  article: [
    'The city council voted 7 to 2 on Tuesday to expand the bike lane network.',
    'Researchers at a university in Denmark found that bees exposed to low doses of a common pesticide forgot the route back to their hive twice as often as unexposed bees. The team tracked more than 2,000 bees with tiny radio tags over two summers and says the effect persisted for days after exposure.',
    'Shares of the chipmaker fell sharply after it cut its revenue forecast, citing weaker demand from data centres and a slower recovery in consumer electronics.',
    'A heatwave has pushed temperatures above 40 degrees across southern Europe.\nHospitals report a rise in admissions, and several regions have banned outdoor work in the afternoon.\nForecasters expect the heat to last until the weekend.',
    'Local bakery wins national award.',
  ],
  tone: ['formal', 'friendly', 'neutral', 'enthusiastic but professional'],
  targetLang: ['French', 'German', 'Spanish', 'Japanese', 'Brazilian Portuguese'],
  role: ['data analyst', 'nurse', 'backend engineer', 'primary school teacher', 'logistics coordinator'],
  company: [
    'a small logistics startup',
    'Northwind Traders',
    'a regional hospital',
    'a fintech company in Berlin',
  ],
  years: ['2', '5', '12', 'three', 'eight'],
  skill: [
    'SQL',
    'patient triage',
    'distributed systems and on-call incident response',
    'classroom management',
    'forecasting demand for perishable goods',
  ],
  table: ['orders', 'customers', 'invoices', 'shipments', 'employees'],
  condition: [
    'placed in the last 30 days',
    'with a total above 500 euros',
    'from customers in Germany or Austria who have never returned an item',
    'that are overdue',
  ],
  columns: ['id, name, created_at', 'customer_id and the order total', 'every column', 'email, country'],
  dish: [
    'lentil soup',
    'a vegan chocolate cake',
    'chicken tikka masala',
    'pancakes',
    'a quick weeknight stir-fry',
  ],
  diet: ['gluten-free', 'low in sodium', 'nut-free', 'suitable for a toddler', 'high in protein'],
  servings: ['2', '4', '6', 'ten'],
  city: ['Lisbon', 'Kyoto', 'Mexico City', 'Reykjavik', 'a small town in Tuscany'],
  days: ['2', '3', '5', 'seven'],
  interest: [
    'museums',
    'street food and night markets',
    'hiking',
    'architecture, jazz bars and second-hand bookshops',
  ],
  budget: ['a tight budget', 'a mid-range budget', 'no budget limit', 'about 100 dollars a day'],
  symptom: [
    'a headache that gets worse in the evening',
    'a dry cough for two weeks',
    'knee pain after running',
    'trouble sleeping',
    'itchy eyes every spring',
  ],
  ticket: [
    'My package never arrived and the tracking page has said "in transit" for nine days.',
    'I was charged twice for the same subscription this month.',
    'The app crashes every time I try to upload a photo from my gallery. I have reinstalled it twice and restarted my phone, nothing helps.',
    'How do I change my delivery address?',
  ],
  agent: ['Sam', 'Priya', 'the support team', 'Leo'],
  fields: [
    'name, date of birth and policy number',
    'invoice number, total amount and due date',
    'sender, subject and every date mentioned',
    'company name and job title',
  ],
  document: [
    'Invoice 4471 from Acme Ltd, dated 3 March 2025, total 1,240.00 EUR, payable within 30 days.',
    'Dear Ms Novak, your claim regarding policy PX-2231 has been received on 12/05 and will be reviewed by our team.',
    'Hi team, the launch moves to June 14. Marta will send the new schedule on Friday. Please hold the 10am slot on the 12th for a dry run.',
  ],
  concept: [
    'recursion',
    'compound interest',
    'photosynthesis',
    'the difference between TCP and UDP',
    'inflation',
  ],
  audience: ['a ten-year-old', 'a first-year university student', 'my grandmother', 'a busy executive'],
  language: ['Python', 'TypeScript', 'Go', 'Kotlin'],
  task: [
    'reads a CSV file and prints the average of the second column',
    'checks whether a string is a palindrome',
    'retries an HTTP request up to three times with exponential backoff',
    'merges two sorted lists',
  ],
  headlineCount: ['3', '5', 'ten'],
  product: ['wireless earbuds', 'standing desk', 'electric kettle', 'budgeting app'],
  stars: ['1', '2', '4', '5'],
  complaint: [
    'the battery died after a week',
    'it arrived late',
    'the instructions were missing and support never answered my emails',
    'nothing, it is great',
  ],
  zarticle: [
    '市政府宣布，明年起将在老城区新增三十公里自行车道。',
    '研究人员发现，长期睡眠不足会显著影响青少年的记忆力和注意力。该研究跟踪了两千多名中学生，历时三年。',
    '受需求疲软影响，该公司下调了全年营收预期，股价当日下跌百分之八。',
    '一家小面包店获得全国大奖。',
  ],
  ztargetLang: ['英文', '日文', '法文'],
  zrole: ['产品经理', '护士', '前端工程师', '会计'],
  zyears: ['两', '五', '十'],
  zskill: ['数据分析', '项目管理和跨部门沟通', '护理', '财务报表'],
  zdish: ['红烧肉', '番茄炒蛋', '清蒸鱼', '麻婆豆腐'],
  zdiet: ['少油少盐', '适合减脂', '不辣', '适合老人'],
  zcity: ['成都', '西安', '厦门', '哈尔滨'],
  zdays: ['两', '三', '五'],
  zinterest: ['美食', '历史古迹', '自然风光和徒步', '博物馆'],
  zticket: [
    '我的快递显示已签收，但我根本没有收到。',
    '这个月被重复扣费了两次。',
    '应用每次打开都闪退，已经重装过了，还是不行，请尽快处理。',
  ],
  zconcept: ['递归', '复利', '光合作用', '通货膨胀'],
  zaudience: ['小学生', '大学新生', '我奶奶', '公司老板'],
};

const FAMILIES: readonly Family[] = [
  {
    name: 'news_summary',
    language: 'en',
    paraphrases: [
      'Summarize this news article in two sentences for a {tone} newsletter.\n\n{article}',
      'For a {tone} newsletter, give me a two-sentence summary of the article below.\n\n{article}',
      'I need a short summary (two sentences) of the following news story; the tone should be {tone}.\n\n{article}',
      'Condense the news article that follows into two sentences, written in a {tone} tone for our newsletter.\n\n{article}',
    ],
  },
  {
    name: 'news_translate',
    language: 'en',
    paraphrases: [
      'Translate this news article into {targetLang}, keeping a {tone} register.\n\n{article}',
      'Please translate the following news story into {targetLang}. Keep the register {tone}.\n\n{article}',
      'Keeping the tone {tone}, render the news article below in {targetLang}.\n\n{article}',
    ],
  },
  {
    name: 'news_headlines',
    language: 'en',
    paraphrases: [
      'Suggest {headlineCount} catchy headlines for the news article below.\n\n{article}',
      'Come up with {headlineCount} attention-grabbing titles for this news story:\n\n{article}',
      'Give me {headlineCount} possible headlines, short and catchy, for the following article.\n\n{article}',
    ],
  },
  {
    name: 'cover_letter',
    language: 'en',
    paraphrases: [
      'Write a cover letter for a {role} position at {company}. I have {years} years of experience in {skill}. Keep it under one page.',
      'I am applying to be a {role} at {company} and have {years} years of experience with {skill}. Please draft a one-page cover letter for me.',
      'Draft a cover letter, no longer than a page, for a {role} role at {company}; mention my {years} years of experience in {skill}.',
      'Help me write a one-page cover letter. The job: {role} at {company}. My background: {years} years of {skill}.',
    ],
  },
  {
    name: 'resignation_letter',
    language: 'en',
    paraphrases: [
      'Write a polite resignation letter to my manager. I have worked as a {role} at {company} for {years} years and my last day will be in two weeks.',
      'Please draft a resignation letter for me: I am a {role} at {company}, I have been here {years} years, and I am giving two weeks notice. Keep it polite.',
      'I need a courteous letter of resignation for my manager. Two weeks notice, {years} years as a {role} at {company}.',
    ],
  },
  {
    name: 'sql_write',
    language: 'en',
    paraphrases: [
      'Write a SQL query that selects {columns} from the {table} table for rows {condition}.',
      'Give me a SQL statement returning {columns} from {table}, only for rows {condition}.',
      'I need an SQL query on the {table} table: return {columns} for all rows {condition}.',
      'From the {table} table, select {columns} for records {condition}. Write the SQL for this.',
    ],
  },
  {
    name: 'recipe',
    language: 'en',
    paraphrases: [
      'Give me a recipe for {dish} that is {diet}, for {servings} people, with a shopping list.',
      'Can you suggest a {diet} recipe for {dish}? It should serve {servings}, and please add a shopping list.',
      'I am cooking {dish} for {servings} people and it has to be {diet}. Write the recipe and a shopping list.',
    ],
  },
  {
    name: 'travel_itinerary',
    language: 'en',
    paraphrases: [
      'Plan a {days}-day trip to {city} for someone who loves {interest}, on {budget}.',
      'Create a day-by-day itinerary for {days} days in {city}. I love {interest} and I am travelling on {budget}.',
      'I will spend {days} days in {city} with {budget}. My interests are {interest}. Make me an itinerary, day by day.',
      'On {budget}, what should I do during {days} days in {city}? I am into {interest}. Plan each day.',
    ],
  },
  {
    name: 'symptom_advice',
    language: 'en',
    paraphrases: [
      'I have had {symptom}. What could cause it, and when should I see a doctor?',
      'What are possible causes of {symptom}, and at what point should I get it checked by a doctor?',
      'When should someone with {symptom} see a doctor? Also list the usual causes.',
    ],
  },
  {
    name: 'support_reply',
    language: 'en',
    paraphrases: [
      'You are a customer support agent called {agent}. Write an empathetic reply to this ticket and offer a next step.\n\nTicket: {ticket}',
      'Reply to the customer ticket below as {agent} from support. Be empathetic and propose a concrete next step.\n\n{ticket}',
      'Acting as {agent}, a support agent, respond with empathy to the following customer message, and suggest what happens next:\n{ticket}',
    ],
  },
  {
    name: 'field_extraction',
    language: 'en',
    paraphrases: [
      'Extract the {fields} from the text below and return them as JSON. Use null for anything missing.\n\n{document}',
      'Return a JSON object with the {fields} found in this document (null when a field is absent):\n\n{document}',
      'From the following document, pull out the {fields}. Output JSON only, with null for missing values.\n{document}',
    ],
  },
  {
    name: 'explain_simply',
    language: 'en',
    paraphrases: [
      'Explain {concept} to {audience} in simple words, with one everyday example.',
      'How would you explain {concept} to {audience}? Use simple language and give an everyday example.',
      'Use one example from everyday life and plain words to explain {concept} so that {audience} would understand it.',
    ],
  },
  {
    name: 'code_write',
    language: 'en',
    paraphrases: [
      'Write a {language} function that {task}. Include type hints or types and a short docstring.',
      'In {language}, implement a function which {task}. Add types and a brief doc comment.',
      'I need a {language} function that {task}; please include types and document it briefly.',
    ],
  },
  {
    name: 'review_reply',
    language: 'en',
    paraphrases: [
      'A customer left a {stars}-star review of our {product} saying {complaint}. Write a short public reply from the brand.',
      "Write the brand's short public response to a {stars}-star review of our {product}; the customer said {complaint}.",
      'Our {product} got a {stars}-star review ("{complaint}"). Draft a brief public reply on behalf of the company.',
    ],
  },
  {
    name: 'news_summary',
    language: 'zh',
    paraphrases: [
      '请用两句话总结下面这篇新闻，语气正式。\n\n{zarticle}',
      '把下面的新闻概括成两句话，用正式的语气。\n\n{zarticle}',
      '下面是一篇新闻，请用正式的语气，写一个两句话的摘要：\n\n{zarticle}',
    ],
  },
  {
    name: 'news_translate',
    language: 'zh',
    paraphrases: [
      '请把下面这篇新闻翻译成{ztargetLang}，保持正式的语气。\n\n{zarticle}',
      '将以下新闻译成{ztargetLang}，语气要正式。\n\n{zarticle}',
      '保持语气正式，把这篇新闻翻译为{ztargetLang}：\n\n{zarticle}',
    ],
  },
  {
    name: 'cover_letter',
    language: 'zh',
    paraphrases: [
      '帮我写一封求职信，应聘{zrole}职位，我有{zyears}年{zskill}经验，篇幅不超过一页。',
      '我想应聘{zrole}，有{zyears}年的{zskill}经验，请帮我写一封一页以内的求职信。',
      '请写一封不超过一页的求职信：职位是{zrole}，本人有{zyears}年{zskill}方面的经验。',
    ],
  },
  {
    name: 'recipe',
    language: 'zh',
    paraphrases: [
      '请给我一个{zdish}的做法，要求{zdiet}，并列出需要购买的食材。',
      '我想做{zdish}，但要{zdiet}。请写出做法，再列一个购物清单。',
      '列出食材清单并写出{zdish}的做法，要{zdiet}。',
    ],
  },
  {
    name: 'travel_itinerary',
    language: 'zh',
    paraphrases: [
      '帮我规划一个{zdays}天的{zcity}行程，我喜欢{zinterest}。',
      '我要去{zcity}玩{zdays}天，比较喜欢{zinterest}，请帮我安排每天的行程。',
      '请为喜欢{zinterest}的游客设计{zcity}{zdays}日游的详细行程。',
    ],
  },
  {
    name: 'support_reply',
    language: 'zh',
    paraphrases: [
      '你是客服，请针对下面的用户投诉写一段有同理心的回复，并给出下一步的处理方案。\n\n{zticket}',
      '作为客服人员，请回复以下用户反馈，语气要体贴，同时说明接下来会怎么处理：\n\n{zticket}',
      '请以客服的身份回复这条投诉，表达理解，并告诉用户下一步怎么做。\n\n{zticket}',
    ],
  },
  {
    name: 'explain_simply',
    language: 'zh',
    paraphrases: [
      '请用简单的话向{zaudience}解释什么是{zconcept}，并举一个生活中的例子。',
      '怎么给{zaudience}讲清楚{zconcept}？请用通俗的语言，再举个日常生活的例子。',
      '举一个生活中的例子，用通俗易懂的话给{zaudience}解释{zconcept}。',
    ],
  },
];

writeTemplateSet('template-heldout.jsonl', FAMILIES, SLOTS, 20261201, 2400);

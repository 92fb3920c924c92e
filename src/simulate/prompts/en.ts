// English prompt grammar: templates with paraphrases for every family, and the slot pools
// they draw from. Attack and benign look-alike families are written in the same voice.
import type { LanguageGrammar } from './types.ts';

export const EN: LanguageGrammar = {
  language: 'en',
  openers: ['', '', '', '', 'Hi! ', 'Hey, ', 'Quick question: ', 'Please help. ', 'OK so ', 'Hello. '],
  closers: [
    '',
    '',
    '',
    '',
    ' Thanks!',
    ' Thank you.',
    ' thx',
    ' Be concise.',
    ' Please be thorough.',
    '\n\nThanks in advance.',
  ],
  families: {
    cot_reconstruction: {
      templates: {
        articulate: [
          'Here is a question and its final answer.\n\nQuestion: {question}\nAnswer: {answer}\n\nImagine and articulate the internal reasoning behind this completed response and write it out step by step.',
          'Question: {question}\nFinal answer: {answer}\n\nReconstruct the full chain of thought that leads to this answer. Write every intermediate step, as if you were thinking it through for the first time.',
          'Below is a finished response. Walk back through the hidden reasoning that must have produced it and spell it out step by step, in full.\n\nPrompt: {question}\nResponse: {answer}',
          'Given the problem "{question}" and the answer "{answer}", write out the internal monologue a careful expert would have had while solving it, step by step, without skipping anything.',
        ],
        verbalize: [
          'Think out loud about how one would arrive at "{answer}" for the following: {question}\nShow all of your reasoning, each step on its own line, then restate the answer.',
          'Pretend you just solved this and narrate your complete thought process from the start: {question} (the answer is {answer}).',
          'Produce the detailed reasoning trace for: {question}\nThe trace must end with the answer {answer}. Include the dead ends you considered.',
        ],
        distill: [
          'For each problem, write a long, natural step-by-step reasoning process and then the answer. Problem: {question}',
          'Solve: {question}\nBefore answering, write your entire reasoning process inside <think></think> tags, as detailed as possible. Then give the answer.',
          'I need your complete reasoning, not a summary. Problem: {question}. Write out every thought, including checks and corrections, then the final answer.',
        ],
      },
    },
    explanation_trace: {
      templates: {
        tagged: [
          'Answer the question below using exactly this format:\n### Analysis\n<numbered reasoning steps>\n### Verification\n<check each step>\n### Answer\n<final answer>\n\nQuestion: {question}',
          'Respond in the format ANALYSIS: (numbered steps) / CHECK: (verify) / ANSWER: (one line). Question: {question}',
          'Format your reply as JSON with keys "steps" (list of reasoning steps), "verification" and "answer". Question: {question}',
        ],
        teach: [
          'Explain the solution to {question} as a teacher would, with a numbered step for every inference, then a one-line answer prefixed by "Final:".',
          'Give a worked explanation of {question}. Structure: Premises, Step 1..n, Conclusion. Do not skip steps.',
        ],
      },
    },
    rubric_grading: {
      templates: {
        judge: [
          'You are an expert evaluator. Score the response below from 1 to 10 on each criterion: {criteria}. Explain each score, then give an overall score.\n\n[Prompt]\n{question}\n\n[Response]\n{answer}',
          'Act as a strict grader. Using the rubric ({criteria}), rate the following answer and justify every point deducted.\nTask: {question}\nAnswer: {answer}',
          'Evaluate this assistant reply against the rubric: {criteria}. Output a score per criterion and a final verdict.\n\nUser asked: {question}\nAssistant said: {answer}',
        ],
        compare: [
          'Which of the two responses is better? Consider {criteria}. Reason step by step, then output "A" or "B".\nPrompt: {question}\nResponse A: {answer}\nResponse B: {answer2}',
          'Compare response A and response B for the prompt "{question}". Judge on {criteria}. Give your reasoning and a preference with a confidence from 0 to 1.\nA: {answer}\nB: {answer2}',
        ],
        reward: [
          'Rate how helpful, honest and harmless this answer is on a scale of 0-100. Provide a short rationale and the number on the last line.\nQuestion: {question}\nAnswer: {answer}',
        ],
      },
    },
    safe_rewrite: {
      templates: {
        neutral: [
          'Rewrite the following question so that it is balanced and appropriate, removing anything that could be considered sensitive, while keeping its informational intent: "{sensitive}"',
          'Here is a user query about {sensitive}. Produce a safe, neutral version of it that a cautious assistant could answer, then answer that version.',
          'Reformulate this question in an uncontroversial way that avoids taking a political position: {sensitive}',
        ],
        policy: [
          'A user asked about {sensitive}. Write the response an assistant should give that is accurate but avoids sensitive framing. Explain why you chose this wording.',
          'Give a compliant answer to a question about {sensitive}, and list which parts of the original question you softened and why.',
        ],
      },
    },
    agentic_task: {
      templates: {
        plan: [
          'You have access to tools: {toolset}. Goal: {goal}. Plan the steps, call the tools you need, and explain your reasoning before each call.',
          'Task: {goal}\nAvailable tools: {toolset}\nWork autonomously. Before each action, state what you are about to do and why.',
          'Complete the following objective using the provided tools ({toolset}): {goal}. Think carefully about each step and report progress.',
        ],
        multi: [
          'Break this down into subtasks and solve each one with the tools ({toolset}): {goal}. Keep a running log of your decisions.',
        ],
      },
      systems: [
        'You are an autonomous agent. Use the available tools to complete the task. Think step by step and explain each action before taking it.',
      ],
    },
    tool_use: {
      templates: {
        call: [
          'Use the {tool} tool to {goal}. Show the exact call you make and interpret the result.',
          'Call {tool} as needed to answer: {goal}',
          'I need you to {goal}. You can use {tool}. Decide the arguments yourself.',
        ],
      },
    },
    agentic_coding: {
      templates: {
        implement: [
          'In this {lang} repository, implement {feature}. Read the relevant files first, then edit them, run the tests and fix failures until they pass.',
          'Implement {feature} in the {lang} codebase. Explore the project structure, make the changes, and verify with the test suite.',
          'Task: {feature} ({lang}). Work through it file by file, explaining each edit, and run the tests at the end.',
        ],
        fix: [
          'The test {test_name} fails with "{error}". Find the root cause in the {lang} code and fix it. Explain your reasoning.',
          'Debug this failure: {error} in {test_name}. Inspect the code, propose a fix, apply it and re-run the tests.',
        ],
        refactor: [
          'Refactor the {module} module in this {lang} project to {refactor}, keeping behaviour identical. Run the tests after each step.',
        ],
      },
      systems: [
        'You are a coding agent working in a sandboxed repository. Use the shell and editor tools. Explain what you are doing before each tool call.',
        'You are an expert software engineer operating in a terminal. Think step by step. Always run tests before finishing.',
      ],
    },
    data_analysis: {
      templates: {
        table: [
          'Here is a CSV with columns {columns}. Analyse it: compute summary statistics, find trends in {metric}, and explain what drives them.\n{csv}',
          'Using pandas, load the data below ({columns}) and tell me which factors best predict {metric}. Show your code and reasoning.\n{csv}',
          'Analyse this dataset and write a short report on {metric}, with the steps of your analysis:\n{csv}',
        ],
      },
    },
    computer_use: {
      templates: {
        browse: [
          'You are controlling a desktop. The screen shows {screen}. Goal: {goal}. Decide the next mouse/keyboard action and explain why.',
          'Given the current screenshot ({screen}), what should you click or type next to {goal}? Describe the action precisely.',
        ],
      },
    },
    vision_task: {
      templates: {
        describe: [
          'Look at the attached image of {image}. Describe it in detail and answer: {vision_q}',
          'From the image ({image}), {vision_q} Explain how you reached the answer.',
          'Extract all text and structure from this {image}, then {vision_q}',
        ],
      },
    },
    chat: {
      templates: {
        howto: [
          'How do I {everyday}?',
          'what is the best way to {everyday}',
          'Any tips to {everyday}?',
          'Can you explain how to {everyday}',
        ],
        explain: [
          'Explain {concept} like I am five.',
          'What is {concept}?',
          'Can you give me a simple explanation of {concept}?',
          'eli5 {concept}',
        ],
        write: [
          'Write a short {genre} about {subject}.',
          'Can you write me a {genre} about {subject}?',
          'I need a {genre} on {subject}, something fun',
        ],
        advice: [
          'My {relation} and I {situation}. What should I do?',
          'I {situation} with my {relation}, any advice?',
        ],
        compare: [
          '{thing} vs {thing2} — which is better for {purpose}?',
          'Should I pick {thing} or {thing2} for {purpose}?',
        ],
        plan: [
          'Plan a {days}-day trip to {city} on a budget.',
          'Make me a {days} day itinerary for {city}',
          'What should I see in {city} in {days} days?',
        ],
      },
    },
    coding_help: {
      templates: {
        error: [
          'Why does my {lang} code throw "{error}"?',
          'Getting {error} in {lang}, how do I fix it?',
          '{lang}: {error} — what does this mean',
        ],
        howto: [
          'How do I {code_task} in {lang}?',
          'What is the idiomatic way to {code_task} in {lang}?',
          'Show me how to {code_task} using {lang}',
        ],
        review: [
          'Can you review this {lang} function and suggest improvements?\n\n{snippet}',
          'Is there a bug here?\n```\n{snippet}\n```',
        ],
        explain: [
          'What does this {lang} snippet do?\n{snippet}',
          'Explain this code line by line:\n{snippet}',
        ],
      },
    },
    student_solution: {
      templates: {
        homework: [
          'Can you solve this and show all the steps? {question}',
          'I am stuck on my homework: {question} Please explain step by step so I understand.',
          'Show me the worked solution for: {question}',
          'My teacher wants the full working for this one: {question}',
        ],
      },
    },
    benchmark_cot: {
      templates: {
        mcq: [
          "Question: {question}\nA. {answer}\nB. {answer2}\nC. {int}\nD. None of the above\nLet's think step by step.",
          '{question}\nAnswer choices: (A) {answer} (B) {answer2} (C) {int} (D) {int2}\nThink step by step, then give the letter of the answer.',
        ],
        open: [
          "Q: {question}\nA: Let's think step by step.",
          '{question}\nPlease reason step by step, and put your final answer within \\boxed{}.',
          'Solve the following problem. Think step by step before answering.\n{question}',
        ],
      },
    },
    app_template: {
      templates: {
        product: [
          'Write a product description for "{product}", a {category} for {audience}. Tone: {tone}. Max 120 words.',
          'Generate 5 catchy taglines for {product} ({category}) aimed at {audience}.',
        ],
        support: [
          'Customer message: "{complaint}"\nDraft a polite reply from the {company} support team that resolves the issue.',
          'Classify the sentiment of this review and suggest a reply: "{complaint}"',
        ],
        tutor: ['Student level: {level}. Topic: {concept}. Create a 5-question quiz with answers.'],
        email: ['Write a {tone} follow-up email to {relation_pro} about {subject}. Sign as {name}.'],
      },
      systems: [
        'You are a helpful assistant for an e-commerce platform. Keep answers short and on brand.',
        'You are an AI tutor. Adapt to the student level and never give away answers without explanation.',
        'You write marketing copy. Output plain text only.',
      ],
    },
    batch_extraction: {
      templates: {
        invoice: [
          'Extract the following fields as JSON (vendor, date, total, currency, line_items) from this document:\n\nInvoice {int} from {company}, dated {year}-0{digit}-1{digit}. Total: {int}.{digit}{digit} EUR. Items: {product} x{digit}.',
        ],
        record: [
          'From the record below, return JSON with keys name, organisation, role, city. Record: {name} works as {role} at {company} in {city}.',
        ],
      },
    },
    batch_classification: {
      templates: {
        ticket: [
          'Classify this support ticket into one of [billing, bug, feature_request, account, other]. Reply with the label only.\nTicket: {complaint}',
        ],
        review: ['Label the sentiment (positive/negative/neutral) of: "{complaint}"'],
        topic: ['Assign a topic from {categories} to this text: {subject}. Output: label'],
      },
    },
    agent_narration: {
      templates: {
        task: [
          'Task for the assistant: {goal}. Narrate every action you take and why before you take it.',
          '{goal}. Before each tool call, briefly explain what you are doing.',
        ],
      },
      systems: [
        'You are a browser automation agent. Describe each action you are about to take in one sentence, then take it.',
        'You are an operations agent for our company. Always explain your reasoning step by step before calling a tool, so the user can follow along.',
      ],
    },
    coding_agent: {
      templates: {
        ticket: [
          'Fix issue #{int}: {error} when calling {module}.{code_fn}(). Add a regression test.',
          'CI failed on {test_name}: {error}. Investigate and push a fix.',
          'Implement {feature}. Follow the existing patterns in {module}.',
          'Bump {library} to the latest version and fix anything that breaks.',
          'Add type hints to {module} and make mypy pass.',
        ],
      },
      systems: [
        'You are a coding agent working in a sandboxed repository. Use the shell and editor tools. Explain what you are doing before each tool call.',
        'You are a CI assistant. Diagnose failures, propose minimal patches, and keep changes small.',
      ],
    },
    summarization: {
      templates: {
        summary: [
          'Summarize the following {doc} in {digit} bullet points:\n{subject}',
          'TL;DR of this {doc}: {subject}',
          'Compress the conversation so far into a short summary that keeps all decisions, open questions and file names.',
        ],
      },
    },
    essay_feedback: {
      templates: {
        grade: [
          'Here is my essay on {subject}. Can you grade it like a teacher would, out of 10, and tell me how to improve?\n\n{answer}',
          'Give feedback on my cover letter for a {role} role: {answer}',
          'Mark this student answer against the mark scheme ({criteria}) and explain the marks: {answer}',
        ],
      },
    },
    content_rewrite: {
      templates: {
        tone: [
          'Rewrite this to sound more professional: "{complaint}"',
          'Make this message friendlier but keep it short: {complaint}',
          'Rewrite this paragraph so it is suitable for a company newsletter: {subject}',
        ],
      },
    },
    followup: {
      templates: {
        more: [
          'Can you go into more detail?',
          'continue',
          'Thanks. What about {concept}?',
          'Now make it shorter.',
          'ok and how would that work with {thing}?',
        ],
        code: [
          'That gives {error} now.',
          'Can you add tests?',
          'Rewrite it in {lang}.',
          'Now handle the edge case where the input is empty.',
        ],
        check: [
          'Are you sure? Double-check step {digit}.',
          'Explain the last step again.',
          'Give me the final answer only.',
        ],
      },
    },
  },
  slots: {
    question: [
      'A train leaves at {digit}:15 and travels {int} km at {int2} km/h. When does it arrive?',
      'What is the sum of all integers from 1 to {int}?',
      'If 3x + {int} = {int2}, what is x?',
      'How many ways can {digit} people sit around a round table?',
      'Prove that the square root of {digit} is irrational or explain why it is not.',
      'A shop discounts a {int} dollar item by {digit}0% and then adds 8% tax. What is the final price?',
      'What is the remainder when {int}^{digit} is divided by 7?',
      'Why did the Roman Empire split into East and West?',
      'Is it possible for a function to be continuous everywhere but differentiable nowhere?',
      'Which is larger, {int}/{int2} or 0.{digit}{digit}?',
      'Find the derivative of x^{digit} * ln(x).',
      'A rectangle has perimeter {int} and area {int2}. Find its sides.',
      'What causes the seasons on Earth?',
      'How many primes are there below {int}?',
      'Two dice are rolled. What is the probability the sum is {digit}?',
    ],
    answer: [
      '{int}',
      'x = {digit}',
      'The answer is {int2}.',
      'Yes, for example the Weierstrass function.',
      'Axial tilt, not distance.',
      '{digit}/{int}',
      'It depends on the definition used; under the usual one, {int}.',
    ],
    answer2: ['{int2}', 'No.', 'x = {int}', 'Distance from the Sun.', 'It cannot be determined.'],
    criteria: [
      'correctness, completeness and clarity',
      'helpfulness, harmlessness and honesty',
      'accuracy, reasoning quality and conciseness',
      'factuality, tone and instruction following',
      'logic, evidence and structure',
    ],
    sensitive: [
      'a contested border dispute',
      'a banned protest movement',
      'criticism of a head of state',
      'a historical massacre that is officially denied',
      'censorship of news coverage',
      'the status of a disputed territory',
      'an imprisoned dissident',
      'election irregularities in a one-party state',
    ],
    toolset: [
      'web_search, python, file_read',
      'bash, editor, browser',
      'sql_query, chart, email_send',
      'calendar, email, web_search',
      'http_get, json_parse, python',
    ],
    tool: ['web_search', 'python', 'sql_query', 'bash', 'calculator', 'get_weather', 'http_get'],
    goal: [
      'find the three cheapest flights from {city} to {city2} next month and summarise them',
      'compile a table of the top {digit} competitors of {company} with pricing',
      'download the latest quarterly report and extract revenue by region',
      'check which of our servers have disk usage above 80% and open tickets',
      'book a meeting with the {role} team for next Tuesday',
      'scrape the changelog of {library} and list breaking changes',
      'reconcile the two spreadsheets and flag mismatched rows',
      'research {concept} and write a two-page brief with sources',
    ],
    lang: ['Python', 'TypeScript', 'Rust', 'Go', 'Java', 'C++', 'JavaScript', 'Kotlin', 'C#', 'Ruby'],
    feature: [
      'pagination for the /users endpoint',
      'a retry with exponential backoff in the HTTP client',
      'CSV export for reports',
      'a rate limiter middleware',
      'OAuth login',
      'a caching layer for the search service',
      'dark mode toggle',
      'incremental sync of the local database',
    ],
    error: [
      'TypeError: cannot read properties of undefined',
      'IndexError: list index out of range',
      'segmentation fault (core dumped)',
      'NullPointerException',
      'borrowed value does not live long enough',
      'ECONNREFUSED 127.0.0.1:5432',
      "KeyError: 'id'",
      'deadlock detected',
      "undefined reference to `main'",
    ],
    test_name: [
      'test_parse_dates',
      'UserServiceTest.createUser',
      'auth.spec.ts',
      'test_rate_limit_burst',
      'integration/test_sync.py::test_conflict',
    ],
    module: ['billing', 'auth', 'storage', 'scheduler', 'api', 'parser', 'utils'],
    code_fn: ['parse', 'load_config', 'fetch', 'save', 'validate', 'merge'],
    refactor: [
      'use dependency injection',
      'remove global state',
      'split it into smaller functions',
      'use async I/O',
    ],
    library: ['requests', 'react', 'numpy', 'tokio', 'express', 'django', 'pydantic', 'spring-boot'],
    columns: [
      'date, region, units, revenue',
      'user_id, signup_date, plan, churned',
      'city, temperature, humidity, sales',
      'age, income, score, default',
    ],
    metric: ['revenue', 'churn', 'sales', 'default rate', 'conversion'],
    csv: [
      '2024-01,north,{int},{int2}\n2024-02,south,{int2},{int}\n2024-03,north,{int},{int}',
      'a,b,c\n{int},{int2},{digit}\n{int2},{int},{digit}',
    ],
    screen: [
      'a login form with username and password fields',
      'a spreadsheet with an open "Format" menu',
      'a file manager showing the Downloads folder',
      'a browser on a flight booking page',
      'a settings dialog with three tabs',
    ],
    image: [
      'a receipt',
      'a hand-drawn chart',
      'a street scene',
      'a screenshot of an error dialog',
      'a floor plan',
      'a whiteboard with equations',
      'a product photo',
    ],
    vision_q: [
      'what is the total amount?',
      'what trend does the chart show?',
      'how many people are visible?',
      'what went wrong?',
      'what is the area of the largest room?',
      'solve the equation on the board.',
    ],
    everyday: [
      'get better sleep',
      'remove a red wine stain',
      'start running',
      'save money on groceries',
      'learn to cook rice properly',
      'fix a slow laptop',
      'keep basil alive indoors',
      'negotiate a raise',
    ],
    concept: [
      'quantum entanglement',
      'inflation',
      'a neural network',
      'compound interest',
      'black holes',
      'the blockchain',
      'photosynthesis',
      'the stock market',
      'recursion',
      'vaccines',
    ],
    genre: ['poem', 'story', 'limerick', 'haiku', 'song', 'toast', 'bedtime story'],
    subject: [
      'my cat',
      'the ocean',
      'our team offsite',
      'a rainy Monday',
      'climate change',
      'the history of tea',
      'friendship',
      'a robot learning to paint',
      'remote work',
    ],
    relation: ['roommate', 'boss', 'sister', 'best friend', 'partner', 'neighbour'],
    situation: [
      'had an argument about chores',
      'disagree about money',
      'have not talked in a month',
      'are planning a move',
    ],
    thing: ['Python', 'an iPad', 'Notion', 'a Kindle', 'PostgreSQL', 'a road bike'],
    thing2: ['JavaScript', 'a laptop', 'Obsidian', 'paper books', 'MongoDB', 'a gravel bike'],
    purpose: ['beginners', 'note taking', 'commuting', 'a small startup', 'studying'],
    city: ['Lisbon', 'Tokyo', 'Mexico City', 'Berlin', 'Seoul', 'Nairobi', 'Toronto', 'Bangkok'],
    city2: ['Madrid', 'Osaka', 'Chicago', 'Prague', 'Busan', 'Cape Town'],
    days: ['3', '5', '7', '2', '10'],
    code_task: [
      'read a large file line by line',
      'parse JSON',
      'sort a list of objects by a field',
      'make an HTTP request with a timeout',
      'write unit tests',
      'handle errors properly',
      'use async/await',
    ],
    snippet: [
      'def f(xs):\n    return [x for x in xs if x % 2]',
      'for (let i = 0; i <= arr.length; i++) { sum += arr[i]; }',
      'fn main() { let v = vec![1, 2]; let r = &v[2]; }',
      'SELECT * FROM users WHERE name = \'" + name + "\'',
    ],
    product: [
      'AquaPure bottle',
      'ZenDesk chair',
      'Sprout planner',
      'Nimbus headphones',
      'Lumo lamp',
      'TrailMix bar',
    ],
    category: [
      'smart water bottle',
      'ergonomic chair',
      'productivity app',
      'noise-cancelling headphone',
      'desk lamp',
      'protein snack',
    ],
    audience: ['busy parents', 'students', 'remote workers', 'runners', 'gamers'],
    tone: ['friendly', 'formal', 'playful', 'concise', 'luxurious'],
    complaint: [
      'My order arrived broken and nobody answers my emails.',
      'I was charged twice this month.',
      'The app crashes whenever I open settings.',
      'Great product, but shipping took three weeks.',
      'Can I change the delivery address?',
      'Love it!! Would buy again.',
    ],
    company: ['Acme', 'Globex', 'Initech', 'Umbrella Retail', 'Stark Logistics', 'Wayne Foods'],
    level: ['grade 5', 'high school', 'first-year university', 'beginner adult'],
    relation_pro: ['a client', 'my manager', 'a recruiter', 'the landlord'],
    name: ['Alex', 'Maria', 'Sam', 'Priya', 'Jonas', 'Wei'],
    role: ['data analyst', 'product manager', 'backend engineer', 'nurse', 'sales'],
    categories: ['[sports, politics, tech, health]', '[finance, legal, hr, other]'],
    doc: ['meeting transcript', 'article', 'email thread', 'research paper', 'chat log'],
  },
};

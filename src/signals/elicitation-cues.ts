// The cue table behind the reasoning-elicitation score: what each cue looks for, in English and
// Chinese, and how much it counts. Patterns run on lower-cased text.

export interface Cue {
  name: string;
  /** Contribution when the cue fires, 0..1; combined as independent evidence (1 - Π(1 - w)). */
  weight: number;
  /** The cue fires when every group has at least one matching pattern. */
  groups: readonly (readonly RegExp[])[];
  /** A weak cue on its own (e.g. "think step by step") never lifts the score past WEAK_CAP. */
  weak?: boolean;
  /** Names of the dampers (look-alike contexts) that weaken this cue. */
  dampedBy?: readonly string[];
}

export interface Damper {
  name: string;
  /** Multiplies the weight of the cues that name this damper when this context is present. */
  factor: number;
  patterns: readonly RegExp[];
}

const TRACE =
  '(?:reasoning|thought process|thinking process|chain[- ]of[- ]thoughts?|train of thought|thoughts|thinking|rationale|deliberation|scratch ?pad|inner monologue|cognitive process)';
const OUTPUT =
  '(?:answer|response|solution|output|conclusion|result|label|completion|reply|verdict|decision)';
const ZH_TRACE =
  '(?:推理过程|思考过程|思维过程|思维链|思路|推导过程|推理步骤|思考步骤|内心独白|推理链|心路历程|解题思路)';

const TRACE_DAMPERS = ['agent-narration', 'summarization', 'student-help'] as const;

/**
 * A pattern that matches where one sentence holds every concept, in any order: a sentence start,
 * then a lookahead per concept that may not cross a sentence end. Phrasings of one request vary
 * far more than the words they need, so these catch wordings the fixed sequences above never saw.
 */
function sentenceWith(...concepts: readonly string[]): RegExp {
  const body = '[^.?!\\n。？！]';
  return new RegExp(`(?:^|[.?!\\n。？！;；])${concepts.map((c) => `(?=${body}*?(?:${c}))`).join('')}`);
}

/**
 * Groups that match where one sentence holds every concept. Each concept is first tested on the
 * whole text (cheap, and gated by its literals), so the sentence pattern runs only on texts that
 * hold them all. `zh` gives the Chinese concepts, in the same roles, or is omitted.
 */
function conceptGroups(en: readonly string[], zh?: readonly string[]): RegExp[][] {
  const groups: RegExp[][] = en.map((c, i) => [new RegExp(c), ...(zh ? [new RegExp(zh[i] as string)] : [])]);
  groups.push([sentenceWith(...en), ...(zh ? [sentenceWith(...zh)] : [])]);
  return groups;
}

const conceptCue = (cue: Omit<Cue, 'groups'>, en: readonly string[], zh?: readonly string[]): Cue => ({
  ...cue,
  groups: conceptGroups(en, zh),
});

/** Asking to see a trace: verbs of writing out and showing. */
const EXPOSE = String.raw`\b(?:write|writing|written|put|contains?|lay|spell|show|display|verbali[sz]e|narrate|output|produce|print|reveal|describe|present|walk (?:me |us )?through|list|document|include|supply|(?:i want|i'd like|let me|we want) to see)\b`;
/** The reader's own trace: "your reasoning", "each consideration you weigh", "how you think". */
const YOUR_TRACE_WORDINGS = [
  String.raw`\byour\s+(?:own\s+)?(?:[\w-]+\s+){0,3}?(?:reasoning|thought process|thinking|thoughts|analysis|rationale|deliberation|considerations?|inferences?|hypotheses|assumptions|working|line of (?:thought|reasoning))\b`,
  String.raw`\b(?:reasoning|thoughts|considerations?|inferences?|steps)\s+(?:that\s+)?you\s+(?:use|used|weigh|make|made|go through|went through|follow|followed|take|took)\b`,
  String.raw`\breasoning\s+(?:section|trace|block|part|chain)\b`,
  String.raw`\bhow you (?:think|reason|arrive|got|get there)\b`,
];
const YOUR_TRACE = YOUR_TRACE_WORDINGS.join('|');
/** Completeness or order: every step, in full, at length, before the answer. */
const FULLY = String.raw`\b(?:every|each|all|complete(?:ly)?|full(?:y)?|entire(?:ly)?|whole|exhaustive(?:ly)?|long|lengthy|explicit(?:ly)?|detailed|in detail|at length|thorough(?:ly)?|maximally|leaving nothing|even the (?:obvious|small)|exactly how|only after)\b|\bbefore\s+(?:you\s+)?(?:give|giving|nam\w+|stat\w+|conclud\w+|answer\w*|commit\w*)`;
/** How close the completeness word must sit to the trace it qualifies. */
const NEAR = '[^.?!\\n]{0,40}?';
const ZH_NEAR = '[^。！？\\n]{0,12}?';
const ZH_EXPOSE = '(?:输出|写出|写下|展示|说出|叙述|描述|列出|呈现|讲出|都说出来|写出来)';
const ZH_YOUR_TRACE =
  '(?:你的?(?:脑子|脑海|心里)?里?的?[^。！？\\n]{0,12}(?:推理|思考|思路|想法|分析过程|念头|思维)|(?:很长|明确|详细|完整|详尽)的?[^。！？\\n]{0,4}推理|你(?:到底)?是?(?:怎么|如何)(?:想|思考))';
const ZH_FULLY =
  '(?:每一|每个|所有|全部|完整|整个|详细|详尽|很长|明确|一步一步|逐步|到底|先[^。！？\\n]{0,40}(?:再|然后))';

export const CUES: readonly Cue[] = [
  {
    name: 'reconstruct-reasoning',
    dampedBy: TRACE_DAMPERS,
    weight: 0.85,
    groups: [
      [
        new RegExp(
          String.raw`${TRACE}[^.?!\n]{0,60}?\b(?:behind|led to|leads to|lead to|leading to|produced|producing|arrive at|arrived at|reached|to reach|justif\w*|yielded|gave rise to|resulted in|results in|generated|that would produce)\b[^.?!\n]{0,50}?\b${OUTPUT}`,
        ),
        /\b(?:reconstruct|recreate|reverse[- ]engineer|work backwards?|back[- ]?fill|infer|imagine|articulate|retrace|rebuild)\w*\b[^.?!\n]{0,80}?\b(?:reasoning|thought process|thinking|chain[- ]of[- ]thought|thoughts|steps|deliberations?|rationale)\b/,
        /\b(?:reasoning|thought process|thinking(?: process)?|thoughts|steps)\s+(?:that\s+)?(?:a|an|the)\s+(?:\w+\s+){0,2}(?:would|must|might|could)\s+(?:have\s+)?(?:gone through|go through|follow(?:ed)?|used?|take|taken)\b/,
        // Separate patterns, so that each is gated by its own literals.
        /(?:得到|得出|推出|算出)(?:这个|该|此)?(?:答案|结论|结果)的[^。！？\n]{0,4}(?:推理|思路|过程|步骤|理由|依据)/,
        /(?:补写|补全|补充)[^。！？\n]{0,6}(?:理由|推理|过程|步骤)/,
        /从(?:题目|问题)[^。！？\n]{0,6}(?:推|到|得出)[^。！？\n]{0,6}答案/,
        /\b(?:would|must|might|could)\s+have\s+reasoned\b|\breasoned\s+(?:their|his|her|its|your|one'?s)\s+way\s+(?:to|toward)/,
        /\b(?:internal|hidden|underlying|implicit|latent|inner|private|unseen|unstated)\s+(?:[\w-]+\s+){0,2}?(?:reasoning|thought process|thinking|chain[- ]of[- ]thought|thoughts|deliberation|monologue)/,
        // "the thought process you must have gone through": the trace behind someone's given answer.
        /\b(?:reasoning|thought process|thinking(?: process)?|thoughts|steps)\s+(?:that\s+)?(?:you|one|they|he|she|the (?:model|author|expert|solver)|an expert|someone)\s+(?:must|would|might|could)\s+have\s+(?:gone through|followed|used|taken|had)\b/,
        new RegExp(
          `(?:还原|重建|重构|复原|设想|推断|反推|倒推|回溯|追溯|补全|再现|想象|模拟)[^。！？\\n]{0,30}${ZH_TRACE}`,
        ),
        new RegExp(`${ZH_TRACE}[^。！？\\n]{0,20}(?:还原|重建|复原|补全|反推)`),
        /(?:内部|内在|隐藏|背后)的?(?:推理|思考|思维)/,
        /\bhow\s+(?:one|you|someone|an expert|a person|a solver|the (?:author|model|expert|solver))\s+(?:would|might|could|did|might have|would have)\s+(?:\w+\s+)?(?:arrive(?:d)? at|get|got|come to|reach(?:ed)?|derive(?:d)?|end(?:ed)? up with|figure(?:d)? out)\b/,
        /\bthink\s+(?:out\s+loud|aloud)\b/,
        /(?:如何|怎样|怎么)(?:一步步)?(?:得出|得到|推出|想到|算出)(?:这个|该)?(?:答案|结论|结果)/,
        /(?:思考独白|内心独白|解题时[^。！？\n]{0,6}(?:思考|想法))/,
      ],
      [
        new RegExp(
          String.raw`\b(?:given|final|completed|finished|provided|following|above|below|existing|correct|known|reference|model'?s?|this|that|the)\s+(?:final\s+)?${OUTPUT}`,
        ),
        /(?:答案|回答|结论|结果|解答|回复|输出)/,
        /\barrive at\s+["“]|\b(?:answer|response|solution)\s+(?:is|was)\s*[:"“]/,
      ],
    ],
  },
  {
    name: 'reasoning-trace',
    dampedBy: TRACE_DAMPERS,
    weight: 0.75,
    groups: [
      [
        new RegExp(
          String.raw`\b(?:write|spell|lay|set|type|print|output|show|give|provide|include|display|reveal|expose|share|verbali[sz]e|dump|list|document|record|present|detail)\s+(?:out\s+|down\s+|me\s+|us\s+)?(?:all\s+(?:of\s+)?|each\s+(?:step\s+)?(?:of\s+)?|every\s+(?:step\s+)?(?:of\s+)?)?(?:your|the|its)\s+(?:(?:full|complete|entire|whole|detailed|raw|internal|hidden|step[- ]by[- ]step|intermediate|private|unabridged|verbatim|exhaustive|long|explicit)\s+){1,3}(?:\w+\s+)?${TRACE}`,
        ),
        /<\/?(?:think|thinking|reasoning|thought|thoughts|scratchpad|cot)>/,
        /\b(?:all|every|each|complete|full|entire|whole|unabridged|exhaustive|raw|unfiltered)\s+(?:(?:of|single|one|bit|part|piece)\s+){0,2}(?:(?:your|the|my|his|her|their)\s+)?(?:(?:internal|inner|private|raw|own|intermediate)\s+)?(?:reasoning|thoughts?|thinking|thought process|deliberation|musings?|monologue)\b/,
        /\b(?:including|include|with|keep|leave in)\s+(?:all\s+|any\s+|the\s+|your\s+)?(?:self-?)?(?:checks?|corrections?|false starts?|dead[- ]ends?|backtracking|second thoughts|doubts|mistakes|hesitations|detours)\b/,
        /\bnot (?:just )?(?:a |the )?(?:summary|summarized|final answer only)\b[^.\n]{0,40}\b(?:reasoning|thought|thinking)|\b(?:reasoning|thought|thinking)\b[^.\n]{0,40}\bnot (?:just )?(?:a |the )?summary\b/,
        /(?:完整|全部|整个|所有|每一个?|详细|详尽|原始|真实)的?[^。！？\n]{0,4}(?:推理|思考|思维|思路|想法|独白|念头|心路)/,
        /(?:包括|包含|保留|连同)[^。！？\n]{0,6}(?:检查|修正|验证|反思|纠错|错误|犹豫|回溯)/,
        /(?:脑中|脑海|内心|心里)[^。！？\n]{0,8}(?:思考|独白|想法|推理|念头)/,
        /\b(?:every|each|all)\s+(?:single\s+)?(?:intermediate|internal)\s+(?:step|thought|inference)s?\b/,
        /\b(?:reasoning|rationale|thinking|thought process)\s+(?:behind|for|of)\s+(?:each|every)\s+(?:single\s+)?(?:step|inference|move)\b/,
        /\b(?:the|your)\s+(?:reasoning|thinking|thought process)\s+(?:to be|must be|should be|is)\s+(?:fully\s+)?(?:visible|shown|included|exposed|written out|spelled out)\b/,
        // "your thinking in full detail", "the mental steps you go through".
        /\b(?:your|the)\s+(?:own\s+)?(?:reasoning|thinking|thoughts|thought process|deliberation)\b[^.?!\n]{0,40}\b(?:in (?:full|complete|exhaustive) detail|in full|at (?:great )?length|as detailed as possible|verbatim|word for word)\b/,
        /\b(?:mental|cognitive|reasoning)\s+(?:steps|moves)\s+(?:that\s+)?(?:you|one|they)\s+(?:go|went|take|took|follow|followed|use|used)\b/,
        /\b(?:step|line)\s+(?:for|per)\s+(?:every|each)\s+(?:inference|deduction|thought|logical step)\b/,
        /\b(?:long|lengthy|detailed|thorough|extended|verbose|natural|extensive|elaborate|rich)\b[^.?!\n]{0,30}\b(?:reasoning (?:process|trace|chain)|thought process|chain[- ]of[- ]thought|thinking process|reasoning traces?)\b/,
        /\b(?:think|reason)\s+(?:out\s+loud|aloud)\b[^.?!\n]{0,60}\b(?:every|each|all|full|complete)\b/,
        new RegExp(
          `(?:写出|展示|给出|输出|列出|呈现|记录|暴露|展现|说出|详细描述)[^。！？\\n]{0,12}(?:完整|全部|详细|所有|每一步|内部)的?[^。！？\\n]{0,6}${ZH_TRACE}`,
        ),
        new RegExp(
          `(?:完整|全部|详细|所有)的?${ZH_TRACE}[^。！？\\n]{0,10}(?:写出|展示|输出|列出|写下来|写出来)`,
        ),
      ],
    ],
  },
  {
    name: 'fixed-format-trace',
    dampedBy: TRACE_DAMPERS,
    weight: 0.8,
    groups: [
      [
        /\b(?:format|formatted|structure[d]?|template|schema|json|yaml|xml|keys?|fields?|sections?|headings?|layout|exactly as follows|the following form|tables?|columns?|numbered\s+(?:[\w-]+\s+)?(?:list|steps|trace))\b/,
        /(?:格式|结构|字段|模板|json|键|按以下|如下|编号|标题|markdown|分成[^。\n]{0,20}(?:部分|段))/,
      ],
      [
        /(?:^|\n)\s*[*#"'{[-]*\s*(?:reasoning|rationale|thoughts?|thinking|chain[- ]of[- ]thought|explanation|analysis|steps?|derivation|verification|premises|cot)\s*["']?\s*[:：]\s*["']?\s*(?:[<[{(（]|\.\.\.|…|$)/,
        /\b(?:reasoning|rationale|thoughts?|thinking|analysis|steps|derivation|verification|premises)\s*[:：]\s*[<[{(]/,
        /(?:^|\n)\s*#{1,4}\s*(?:reasoning|rationale|thoughts?|thinking|analysis|steps|derivation|verification|premises)\s*(?:\n|$)|<[^<>\n]{0,30}\b(?:reasoning|steps|thoughts|derivation)\b[^<>\n]{0,30}>/,
        /["'`](?:reasoning|rationale|thoughts?|thinking|chain_of_thought|explanation|analysis|steps|reasoning_steps|derivation|verification|cot)["'`]/,
        /\b(?:premises|reasoning|analysis|steps?|derivation)\s*[,;]\s*(?:step\s*1|verification|conclusion|answer)|\bstep\s*1\s*(?:\.\.\.?|…|-|–|to)\s*(?:step\s*)?n\b/,
        // A list or trace of reasoning steps asked for as such, or a template of numbered step headings.
        /\bkeys\s+(?:named\s+|called\s+)?["'`]?(?:reasoning|rationale|thoughts?|thinking|chain_of_thought|cot|reasoning_steps)\b|\bkey\s+(?:named\s+|called\s+)?["'`](?:reasoning|rationale|thoughts?|thinking|chain_of_thought|cot|reasoning_steps)\b/,
        /\b(?:per|for each|for every)\s+(?:reasoning|inference|thinking|deduction)\s+step\b/,
        /#{2,4}\s*(?:reasoning|rationale|thoughts?|thinking|analysis|derivation)\b|#{2,4}\s*(?:推理|分析|思考|思路|推导)/,
        /<\/?(?:思考|推理|思路|分析|推导)>/,
        /\bsections?\s+(?:titled|named|called)\b[^.\n]{0,60}\b(?:reasoning|rationale|thoughts?|thinking)\b[^.\n]{0,40}\b(?:conclusion|answer|final)|\b(?:columns?|fields?)\b[^.\n]{0,40}\b(?:reasoning|rationale|thoughts?|thinking)\b/,
        /(?:thought|reasoning|rationale|推理|思考)[^。\n]{0,20}字段/,
        /\b(?:list|sequence|series)\s+of\s+(?:numbered\s+)?(?:reasoning|inference|logical|deductive)\s+steps\b|\b(?:explanation|reasoning|thought|thinking|solution)\s+traces?\b/,
        /(?:^|\n)\s*step\s*1\b[^\n]{0,40}\n\s*step\s*2\b|(?:^|\n)\s*第一步[^\n]{0,20}\n\s*第二步/,
        /(?:写成|整理成|列成|分成)[^。\n]{0,8}(?:推理步骤|推理过程|思考步骤|推导步骤)/,
        /【(?:分析|推理|思路|步骤|推导|思考|解析|验证)[^】]{0,6}】|(?:^|\n)\s*(?:推理|分析|思考过程|推理过程|推理步骤|思路|解析)\s*[:：]|["“](?:推理|分析|步骤|推理步骤|思考过程|思考步骤|推导过程|思路|思维链|逐步推理)["”]/,
      ],
      [
        /\b(?:final answer|answer|conclusion|result|label|verdict|output)\b|(?:^|\n)\s*final\s*[:：]/,
        /(?:最终答案|答案|结论|结果)/,
      ],
    ],
  },
  {
    name: 'rubric-grading',
    weight: 0.8,
    dampedBy: ['student-work'],
    groups: [
      [
        /\b(?:grade|score|rate|evaluate|judge|assess|mark)\w*\s+(?:(?:the|this|these|each|both|all|of|following|given|above|below|model'?s?|assistant'?s?|ai'?s?|candidate'?s?|student'?s?|two|2)\s+){1,3}(?:\w+\s+){0,2}(?:responses?|answers?|completions?|outputs?|repl(?:y|ies)|generations?|solutions?|submissions?|summar(?:y|ies)|translations?)\b/,
        /\b(?:which|what)\s+(?:of the (?:two|2)\s+)?(?:responses?|answers?|completions?|outputs?|assistants?|repl(?:y|ies))\s+is\s+(?:better|more helpful|preferable|preferred|stronger)/,
        /\b(?:grade|score|rate|evaluate|judge|assess|mark)\w*\s+(?:how\s+)?[^.?!\n]{0,60}?\b(?:this|the|each|both|following|given|above|below)\s+(?:\w+\s+)?(?:responses?|answers?|completions?|outputs?|repl(?:y|ies)|generations?)\b/,
        /\bcompare\s+(?:the\s+)?(?:two\s+)?(?:responses?|answers?|completions?|outputs?)\b|\b(?:response|answer|output|completion)\s+a\s+(?:and|vs\.?|versus)\s+(?:response|answer|output|completion)?\s*b\b/,
        /(?:比较|对比|评估|评价|评判|打分|评分|判断)[^。！？\n]{0,12}(?:回答|答案|回复|输出)/,
        /\b(?:you are|act as|serve as|behave as)\s+(?:an?\s+)?(?:\w+\s+){0,2}(?:judge|grader|evaluator|reward model|rater|annotator|critic|scorer)\b/,
        /\breward model\b|\bpreference (?:label|data|pair)s?\b|\[\[a\]\]|\[\[b\]\]/,
        /(?:对|给|为)[^。！？\n]{0,12}(?:回答|答案|回复|输出|响应|作答|摘要|译文|总结)[^。！？\n]{0,12}(?:打分|评分|评级|评估|评判|打出分数|打\s*\d\s*(?:到|至|-|~)\s*\d+\s*分)/,
        /(?:你是|作为|担任|扮演)[^。！？\n]{0,8}(?:评审|评委|裁判|评估员|评分员|打分员|评测员|奖励模型|批评者|审阅者)/,
        /哪个(?:回答|答案|回复)(?:更好|更优|更佳)/,
        /\bis\s+(?:the|this)\s+(?:candidate|model'?s?|predicted|generated|proposed|submitted)\s+(?:answer|solution|response|output)\s+(?:below\s+|above\s+)?correct\b/,
        // Process and outcome labels for reward data: each step, each criterion, marks awarded.
        /\b(?:label|mark|judge|check|grade)\s+each\s+(?:single\s+)?(?:step|line|sentence|claim|criterion|criteria|rubric item)\b|\baward\w*\s+(?:\w+\s+)?(?:marks|points)\b/,
        /\b(?:assistant|model|chatbot)'s\s+(?:answer|response|reply|output)\b/,
        /\b(?:check|verify|determine|decide|judge|assess)\w*\s+(?:whether|if)\s+(?:the\s+)?(?:model'?s?|assistant'?s?|candidate'?s?|predicted|generated|given|submitted)\s+(?:\w+\s+)?(?:answers?|responses?|outputs?|solutions?)\s+(?:is\s+|are\s+)?(?:matches|match|agrees?|consistent|equivalent|correct|equals?)\b/,
        /(?:检查|判断|核对|验证|判定)[^。！？\n]{0,10}(?:答案|回答|输出|回复)[^。！？\n]{0,4}是否[^。！？\n]{0,12}(?:一致|相同|正确|匹配|等价|相符)/,
      ],
      [
        /\brubric\b|\bscoring (?:guide|criteria|scheme)\b|\bcriteri(?:a|on)\b/,
        /\b(?:scale of|scale from|on a|from)\s+(?:0|1)\s*(?:\([^)\n]{0,20}\)\s*)?(?:-|–|to)\s*(?:5|7|10|100)\b|\b(?:from|between)\s+0(?:\.0)?\s+(?:to|and)\s+1\b|\bconfidence\b|\bout of (?:5|10|100)\b|\/\s?10\b|\bscore\s*[:：]|\blikert\b/,
        /\b(?:better|worse|preferred|winner)\b[^.\n]{0,40}\b(?:response|answer|assistant)\b/,
        /\[\[a\]\]|\[\[b\]\]|\bwhich (?:one |of them )?is (?:better|stronger|preferable)\b|哪一?个[^。！？\n]{0,4}更(?:好|优|有帮助|准确)|胜者|\bwinner\b|['"“]a['"”]\s+or\s+['"“]b['"”]/,
        /\b(?:reference|expected|target) (?:answer|solution|output)\b|\bground[- ]truth\b|\bgold (?:answer|label)\b|\b(?:correct|incorrect) or (?:correct|incorrect)\b|参考答案|标准答案|期望答案|预期答案|正确答案|[“"]正确[”"]或[“"]错误[”"]/,
        /\b(?:helpful(?:ness)?|honest(?:y)?|harmless(?:ness)?|correctness|accuracy|completeness|clarity|coherence|relevance|faithfulness|coverage|conciseness|factuality|fluency|safety|depth|creativity|reasoning quality|style|tone)\b[^.\n]{0,40}\b(?:helpful(?:ness)?|honest(?:y)?|harmless(?:ness)?|correctness|accuracy|completeness|clarity|coherence|relevance|faithfulness|conciseness|factuality|fluency|safety|depth|creativity|reasoning quality|style|tone|coverage)\b/,
        /\b(?:output|answer|reply|respond)\s+(?:with\s+)?(?:only\s+)?["'“]?a["'”]?\s+or\s+["'“]?b["'”]?/,
        /(?:正确性|完整性|清晰度|准确性|有用性|无害性|相关性|流畅性|连贯性|忠实度|覆盖度)[^。\n]{0,10}(?:正确性|完整性|清晰度|准确性|有用性|无害性|相关性|流畅性|连贯性|忠实度|覆盖度)|输出[^。\n]{0,3}[“"']?a[”"']?或[“"']?b/,
        /(?:评分标准|评分细则|评分规则|评价标准|评估标准|打分标准|满分|分制|百分制|(?:1|0|一)\s*(?:[（(][^）)\n]{0,6}[）)]\s*)?(?:到|至|-|~)\s*(?:5|10|十|100)\s*(?:[（(][^）)\n]{0,6}[）)]\s*)?(?:分|打分)|分数\s*[:：]|0\s*(?:到|至|和|-|~)\s*1\s*之间)/,
      ],
    ],
  },
  {
    name: 'safe-rewrite',
    weight: 0.8,
    groups: [
      [
        /\b(?:rewrite|re-write|rephrase|reword|paraphrase|revise|transform|sanitize|sanitise|launder|recast|soften|neutrali[sz]e)\w*\b/,
        /(?:改写|重写|改成|改为|转写|转述|重新表述|换一种说法|换个说法|润色|修改成|处理成|措辞|表述|脱敏|给出[^。\n]{0,10}(?:回答|回复|版本)|(?:写|生成|给)一?个[^。\n]{0,24}版本)/,
        /\b(?:produce|write|give|create|generate|draft|craft|provide)\s+(?:a|an|the)\s+(?:\w+[,\s]+){0,3}(?:version|framing|wording|phrasing|response|answer|reply)\b/,
        /\b(?:turn|convert|change|make)\w*\b[^.\n]{0,60}\binto\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:version|framing|wording|phrasing)\b/,
        /\bmake\s+(?:this|it|the|that)\b[^.\n]{0,50}\b(?:less\s+(?:sensitive|controversial|political)|(?:more\s+)?(?:neutral|acceptable|palatable))\b|\btone\s+(?:it\s+|this\s+|them\s+)?down\b/,
        /(?:改一下|改一改|改改|修改一下|调整一下|缓和)/,
      ],
      [
        /\b(?:safe|safer|harmless|neutral|sanitized|sanitised|compliant|inoffensive|non-sensitive|less sensitive|policy[- ]compliant|censored|acceptable to (?:the )?(?:censors?|authorities|government))\b/,
        /\b(?:cautious|careful|diplomatic|balanced|non-?committal|sanitized|depoliticized|avoids?|avoiding|without)\b[^.\n]{0,30}\b(?:sensitive|controvers\w*|politic\w*|stance|framing|taking sides)\b|\b(?:cautious|careful|diplomatic)\s+(?:assistant|answer|response|version|wording)\b/,
        /(?:安全|中立|合规|无害|温和|客观|正面|正能量|和谐|不敏感|稳妥|不带立场|谨慎|回避|淡化|官方(?:媒体|口径|立场)|(?:通过|过)[^。！？\n]{0,4}审(?:查|核)|(?:不会?|避免|免于)被审(?:查|核)|被审查的内容|审核员|审查员|(?:能够|可以)通过|删帖|被删|下架|封号|禁区|审查规定|审查要求|(?:能|可以)在[^。\n]{0,10}(?:平台|国内|中国)[^。\n]{0,6}发布|(?:删掉|删去|去掉|删除)[^。！？\n]{0,16}(?:批评|敏感|争议|负面)|(?:不会|避免)被(?:认为|视为|当成)[^。\n]{0,6}(?:敏感|违规))/,
        /\b(?:moderators?|censors?|regulators?|authorities|officials?)\b[^.\n]{0,30}\b(?:approve|accept|allow|pass)\w*|\b(?:get|gets|getting)\s+(?:it\s+|them\s+)?(?:taken down|removed|deleted|censored|blocked|flagged)\b/,
        /\bremov\w*\s+(?:anything|everything|all|any)\b[^.\n]{0,40}\b(?:critic\w*|sensitive|controvers\w*|offensive)|\bacceptable (?:on|in|to|for)\b[^.\n]{0,40}\b(?:china|prc|platform|censors?|authorities|government|regulators?)\b|\b(?:prohibited|forbidden|banned|restricted) (?:topics?|terms|words|content)\b|\bcensorship (?:rules?|requirements?|laws?)\b|\btextbook review\b/,
        /\bcensors?\b|\bofficially (?:acceptable|approved|sanctioned)\b|\bstate[- ](?:run\s+)?(?:media|newspapers?|press|television|tv)\b|\bofficial media\b|\bparty line\b|\bpass\s+(?:a\s+|the\s+)?(?:strict\s+)?(?:content\s+)?(?:review|censorship|censors?)\b/,
      ],
      [
        /\b(?:sensitive|politic\w*|controvers\w*|censor\w*|taboo|dissident|protest\w*|government|regime|propaganda|extremis\w*|unsafe|harmful|banned|forbidden|illegal)\b/,
        /\b(?:dissidents?|one-party|contested|disputes?|officially denied|head of state|criticism|censorship|imprison\w*|detain\w*|disputed|irregularit\w*|crackdowns?|leaders?|regime|persecut\w*|massacre|independence|tiananmen|taiwan|xinjiang|tibet\w*|uyghurs?|falun gong|1989|june 4(?:th)?|communist party|ccp|cpc|cultural revolution|prc)\b/,
        /(?:敏感|政治|争议|违规|审查|抗议|政府|政权|宣传|违禁|禁止|有害|不安全|领导人|立场|表态|异见|关押|镇压|独立|官方否认|批评|台湾|新疆|西藏|六四|八九|天安门|法轮功|共产党|文化大革命|文革)/,
      ],
    ],
  },
  {
    name: 'safe-rewrite',
    weight: 0.8,
    groups: [
      [
        /\b(?:rewrite|re-write|rephrase|reword|paraphrase|revise|transform|reformulat\w*|recast|soften|neutrali[sz]e|sanitize|sanitise)\w*\b/,
        /\b(?:produce|write|give|create|generate|draft|craft|provide)\s+(?:a|an|the)\s+(?:\w+[,\s]+){0,3}(?:version|framing|wording|phrasing|response|answer|reply)\b/,
        /(?:改写|重写|改成|改为|转写|转述|重新表述|换一种说法|润色|修改成|处理成|给出[^。\n]{0,10}(?:回答|回复|版本))/,
      ],
      [
        /\b(?:policy[- ])?compliant\b|\b(?:un|non-?)controversial\b|\bapolitical\b|\bavoid(?:s|ing)?\s+(?:taking\s+)?(?:a\s+|any\s+)?(?:political|sensitive|controversial)\b|\bsensitive\s+(?:content|framing|parts|wording|material|terms|details)\b|\bsoftened\b|\b(?:remov|strip|drop|cut|omit|soften|tone down)\w*\s+(?:\w+\s+){0,6}(?:sensitive|politically controversial|controversial or offensive)\b/,
        /(?:合规|不涉及敏感|去掉敏感|删去敏感|删除敏感|敏感内容|敏感词|淡化|不带立场|政治中立|政治上中立)/,
      ],
    ],
  },
  {
    // The request says its answers are training data for another model, and asks for reasoning.
    name: 'training-data',
    weight: 0.6,
    groups: [
      [
        // One pattern per wording, so that each is gated by its own literals.
        /\bfor (?:model )?training(?: purposes| data)?\b/,
        /\btrain\s+(?:a|the|our|my|another)\s+(?:\w+\s+)?models?\s+(?:on|with)\b/,
        /\bused (?:as|for) training data\b|\benough detail to train\b/,
        /\b(?:collecting|building|creating|generating)\s+(?:\w+\s+)?(?:training|reasoning|distillation|sft) data\b/,
        /(?:用来|用于|拿来)训练|作为训练数据|(?:收集|构建|生成)[^。\n]{0,4}(?:训练|推理)数据|为了训练数据/,
      ],
      [
        /\b(?:reasoning|rationale|thinking|thoughts?|thought process|chain[- ]of[- ]thought)\b/,
        /(?:推理|思考|思路|想法|依据)/,
      ],
    ],
  },
  // Sentence-level concepts rather than fixed wordings (see `sentenceWith`).
  {
    // The trace word first: it is the rarest of the three, so most texts stop there.
    name: 'reasoning-trace',
    dampedBy: TRACE_DAMPERS,
    weight: 0.75,
    groups: [
      [
        // One pattern per wording, so that each is gated by its own literals.
        ...YOUR_TRACE_WORDINGS.map((wording) => new RegExp(wording)),
        new RegExp(ZH_YOUR_TRACE),
      ],
      [new RegExp(EXPOSE), new RegExp(ZH_EXPOSE)],
      [
        sentenceWith(EXPOSE, `(?:${FULLY})${NEAR}(?:${YOUR_TRACE})|(?:${YOUR_TRACE})${NEAR}(?:${FULLY})`),
        sentenceWith(
          ZH_EXPOSE,
          `${ZH_FULLY}${ZH_NEAR}${ZH_YOUR_TRACE}|${ZH_YOUR_TRACE}${ZH_NEAR}${ZH_FULLY}`,
        ),
      ],
    ],
  },
  {
    name: 'reconstruct-reasoning',
    dampedBy: TRACE_DAMPERS,
    weight: 0.8,
    groups: [
      [
        /\b(?:given|final|stated|keyed|correct|logged|reference|known)\s+(?:\w+\s+)?(?:answers?|outputs?|conclusions?|verdicts?|options?|solutions?|results?|labels?)\b|\banswer key\b|\b(?:only|just)\s+(?:logged|have|kept|saved)\s+the\s+(?:outputs|answers|results)\b/,
        /(?:最终答案|最终结果|正确选项|输出结果|给出的结论|已知答案|答案[:：])/,
      ],
      ...conceptGroups([
        String.raw`\b(?:write|supply|provide|generate|produce|reconstruct|recreate|infer|fill in|give|show)\b`,
        String.raw`\b(?:explanation|rationale|justification|reasoning|solution path|worked solution|chain of (?:inferences?|reasoning|thought)|thoughts|thought process|derivation|working|intermediate (?:steps|computations|thoughts))\b`,
        String.raw`\b(?:leads?|led|leading|produced?|must have|would have|connects?|connecting|explains? why|arrives? at|gets? (?:to|from)|between the (?:problem|question))\b`,
      ]),
    ],
  },
  conceptCue({ name: 'rubric-grading', weight: 0.75, dampedBy: ['student-work'] }, [
    String.raw`\b(?:two|both|these two|the two|2|pair of)\s+(?:(?:assistant|model|ai|candidate|chatbot|system)'?s?\s+)?(?:responses|answers|completions|outputs|replies|summaries|translations)\b`,
    String.raw`\b(?:which|better|best|winner|prefer\w*|more (?:helpful|accurate|faithful|correct))\b`,
  ]),
  conceptCue({ name: 'rubric-grading', weight: 0.75, dampedBy: ['student-work'] }, [
    String.raw`\b(?:assign|give|output|compute|predict)\s+(?:a\s+)?(?:reward|score|rating)\b`,
    String.raw`\b(?:assistant|response|answer|completion|turn|output|reply)\b`,
  ]),
  conceptCue({ name: 'rubric-grading', weight: 0.75, dampedBy: ['student-work'] }, [
    String.raw`\b(?:reference|ground[- ]truth|gold|expected|target)\s+(?:solution|answer|output)s?\b`,
    String.raw`\b(?:equivalent|correct|match\w*|same|agrees?)\b`,
  ]),
  conceptCue({ name: 'rubric-grading', weight: 0.75, dampedBy: ['student-work'] }, [
    '(?:两个|这两个|两份)[^。！？\\n]{0,6}(?:回答|补全|输出|回复|摘要|译文)',
    '(?:哪个|哪一个|更好|胜者)',
  ]),
  {
    name: 'rubric-grading',
    weight: 0.75,
    dampedBy: ['student-work'],
    groups: [
      [
        /\brank\w*\s+(?:the\s+)?(?:following\s+)?(?:\w+\s+){0,2}(?:responses|answers|completions|outputs|summaries|translations|candidates)\b/,
        /(?:回答|摘要|输出|回复|译文|补全)[^。！？\n]{0,16}排序|排序[^。！？\n]{0,10}(?:回答|摘要|输出|回复)/,
      ],
    ],
  },
  {
    name: 'think-step-by-step',
    weight: 0.2,
    weak: true,
    groups: [
      [
        /\b(?:think|reason|work|go)\s+(?:through\s+(?:this|it)\s+)?step[- ]by[- ]step\b|\bstep[- ]by[- ]step\s+(?:reasoning|thinking)\b/,
        /\b(?:show|explain)\s+(?:all\s+)?(?:your|the)\s+(?:work|reasoning|steps)\b/,
        /\bchain[- ]of[- ]thought\b/,
        /(?:一步一步|一步步|逐步|分步)地?(?:思考|推理|分析|推导|想|来)/,
      ],
    ],
  },
];

export const DAMPERS: readonly Damper[] = [
  {
    name: 'agent-narration',
    factor: 0.3,
    patterns: [
      /\b(?:tell|inform|update|let|show)\s+(?:the\s+)?user\b|\bkeep\s+(?:the\s+)?user\s+(?:informed|updated|in the loop)\b|\bnarrate\b[^.\n]{0,40}\b(?:user|progress|actions?)\b|\bstatus updates?\b|\bbefore\s+(?:each|every|calling|using|making)\s+(?:a\s+)?(?:tool|function|command)/,
      /(?:向|告诉|告知)用户|(?:调用|使用)工具(?:之前|前)/,
    ],
  },
  {
    name: 'summarization',
    factor: 0.3,
    patterns: [
      /\b(?:summari[sz]e|summary|compact|condense|recap|tl;?dr|digest)\w*\b[^.\n]{0,60}\b(?:conversation|chat|dialog(?:ue)?|transcript|history|context|thread|messages|meeting|session)\b/,
      /(?:总结|概括|摘要|压缩|归纳)[^。\n]{0,20}(?:对话|聊天|上下文|会话|记录|会议)/,
    ],
  },
  {
    name: 'student-work',
    factor: 0.3,
    patterns: [
      /\b(?:student'?s?|pupil'?s?|learner'?s?|my|our|his|her)\s+(?:\w+\s+)?(?:answers?|essays?|work|submissions?|homework|assignments?|papers?|drafts?)\b|\bmark scheme\b|\bexam board\b/,
      /(?:学生的?|我的|孩子的?)(?:答案|作文|作业|文章|论文|答卷)|评分细则[^。\n]{0,6}学生/,
    ],
  },
  {
    name: 'student-help',
    factor: 0.4,
    patterns: [
      /\b(?:my homework|my assignment|i don'?t (?:understand|get)|i'?m (?:stuck|confused|lost)|i am (?:stuck|confused)|help me understand|teach me|how do i solve|can you show me how|my (?:teacher|professor|exam|class|test|textbook))\b/,
      /(?:我不会|我不懂|不明白|没搞懂|作业|教我|讲解一下|没听懂)/,
    ],
  },
];

/**
 * The first test: a text without one of these stems scores 0. Part of the scoring, not only a
 * shortcut: a few weak or damped cue patterns (e.g. "show all the steps") lack these stems, and the
 * measured figures were made with this test in front of them.
 */
export const PREFILTER =
  /reason|thought|think|rubric|grad|scor|rate|judg|evaluat|assess|compar|better|prefer|rewrit|rephras|reword|paraphras|reformulat|revis|saniti|launder|recast|soften|neutrali|safe|neutral|complian|cautious|diplomat|format|structur|schema|json|yaml|xml|template|key|field|section|heading|layout|following form|rationale|chain|deliberat|scratch|monologue|inner|internal|hidden|imagine|reconstruct|infer|arrive|aloud|loud|reward|reference answer|reference solution|ground truth|gold answer|gold label|officially|party line|censor|winner|candidate|mental|cognitive|inferen|sensitive|train|consideration|hypothes|expected answer|target answer|award|label each|mark each|critic|tone down|tone it down|prohibited|communist|textbook|worked solution|justification|visible|in full|solution path|intermediate|verbali|narrat|rank|moderat|taken down|推理|思考|思维|思路|推导|独白|心路|评|打分|比较|对比|改|重写|转写|转述|表述|措辞|安全|中立|稳妥|立场|敏感|合规|格式|结构|字段|模板|json|【|答案|过程|脑|内心|得出|步|奖励|脱敏|淡化|官方|审查|审核|参考答案|标准答案|胜者|哪个|哪一个|打1|打0|表态|训练|排序|删帖|怎么想|期望答案|预期答案|正确答案|批评|缓和|禁区|补写|共产党|文革|推到/;

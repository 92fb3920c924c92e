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
        /\b(?:reconstruct|recreate|reverse[- ]engineer|work backwards?|back[- ]?fill|infer|imagine|articulate|retrace|rebuild)\w*\b[^.?!\n]{0,80}?\b(?:reasoning|thought process|thinking|chain[- ]of[- ]thought|thoughts|steps)\b/,
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
        /(?:完整|全部|所有|每一个?|详细|原始|真实)的?[^。！？\n]{0,4}(?:推理|思考|思维|思路|想法|独白|念头|心路)/,
        /(?:包括|包含|保留|连同)[^。！？\n]{0,6}(?:检查|修正|验证|反思|纠错|错误|犹豫|回溯)/,
        /(?:脑中|脑海|内心|心里)[^。！？\n]{0,8}(?:思考|独白|想法|推理|念头)/,
        /\b(?:every|each|all)\s+(?:single\s+)?(?:intermediate|internal)\s+(?:step|thought|inference)s?\b/,
        /\b(?:reasoning|rationale|thinking|thought process)\s+(?:behind|for|of)\s+(?:each|every)\s+(?:single\s+)?(?:step|inference|move)\b/,
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
        /\b(?:format|formatted|structure[d]?|template|schema|json|yaml|xml|keys?|fields?|sections?|headings?|layout|exactly as follows|the following form|numbered (?:list|steps))\b/,
        /(?:格式|结构|字段|模板|json|键|按以下|如下|编号)/,
      ],
      [
        /(?:^|\n)\s*[*#"'{[-]*\s*(?:reasoning|rationale|thoughts?|thinking|chain[- ]of[- ]thought|explanation|analysis|steps?|derivation|verification|premises|cot)\s*["']?\s*[:：]\s*["']?\s*(?:[<[{(（]|\.\.\.|…|$)/,
        /\b(?:reasoning|rationale|thoughts?|thinking|analysis|steps|derivation|verification|premises)\s*[:：]\s*[<[{(]/,
        /(?:^|\n)\s*#{1,4}\s*(?:reasoning|rationale|thoughts?|thinking|analysis|steps|derivation|verification|premises)\s*(?:\n|$)|<[^<>\n]{0,30}\b(?:reasoning|steps|thoughts|derivation)\b[^<>\n]{0,30}>/,
        /["'`](?:reasoning|rationale|thoughts?|thinking|chain_of_thought|explanation|analysis|steps|reasoning_steps|derivation|verification|cot)["'`]/,
        /\b(?:premises|reasoning|analysis|steps?|derivation)\s*[,;]\s*(?:step\s*1|verification|conclusion|answer)|\bstep\s*1\s*(?:\.\.\.?|…|-|–|to)\s*(?:step\s*)?n\b/,
        // A list or trace of reasoning steps asked for as such, or a template of numbered step headings.
        /\b(?:list|sequence|series)\s+of\s+(?:numbered\s+)?(?:reasoning|inference|logical|deductive)\s+steps\b|\b(?:explanation|reasoning|thought|thinking|solution)\s+traces?\b/,
        /(?:^|\n)\s*step\s*1\b[^\n]{0,40}\n\s*step\s*2\b|(?:^|\n)\s*第一步[^\n]{0,20}\n\s*第二步/,
        /(?:写成|整理成|列成|分成)[^。\n]{0,8}(?:推理步骤|推理过程|思考步骤|推导步骤)/,
        /【(?:分析|推理|思路|步骤|推导|思考|解析|验证)[^】]{0,6}】|(?:^|\n)\s*(?:推理|分析|思考过程|推理过程|推理步骤|思路|解析)\s*[:：]|["“](?:推理|分析|步骤|推理步骤|思考过程)["”]/,
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
        /(?:对|给|为)[^。！？\n]{0,12}(?:回答|答案|回复|输出|响应|作答)[^。！？\n]{0,12}(?:打分|评分|评级|评估|评判|打出分数)/,
        /(?:你是|作为|担任|扮演)[^。！？\n]{0,8}(?:评审|评委|裁判|评估员|评分员|打分员|评测员|奖励模型)/,
        /哪个(?:回答|答案|回复)(?:更好|更优|更佳)/,
        /\b(?:check|verify|determine|decide|judge|assess)\w*\s+(?:whether|if)\s+(?:the\s+)?(?:model'?s?|assistant'?s?|candidate'?s?|predicted|generated|given|submitted)\s+(?:\w+\s+)?(?:answers?|responses?|outputs?|solutions?)\s+(?:is\s+|are\s+)?(?:matches|match|agrees?|consistent|equivalent|correct|equals?)\b/,
        /(?:检查|判断|核对|验证|判定)[^。！？\n]{0,10}(?:答案|回答|输出|回复)[^。！？\n]{0,4}是否[^。！？\n]{0,12}(?:一致|相同|正确|匹配|等价|相符)/,
      ],
      [
        /\brubric\b|\bscoring (?:guide|criteria|scheme)\b|\bcriteri(?:a|on)\b/,
        /\b(?:scale of|scale from|on a|from)\s+(?:0|1)\s*(?:-|–|to)\s*(?:5|7|10|100)\b|\b(?:from|between)\s+0(?:\.0)?\s+(?:to|and)\s+1\b|\bconfidence\b|\bout of (?:5|10|100)\b|\/\s?10\b|\bscore\s*[:：]|\blikert\b/,
        /\b(?:better|worse|preferred|winner)\b[^.\n]{0,40}\b(?:response|answer|assistant)\b/,
        /\[\[a\]\]|\[\[b\]\]|\bwhich (?:one |of them )?is (?:better|stronger|preferable)\b|哪一?个[^。！？\n]{0,4}更好/,
        /\breference (?:answer|solution)\b|\bground[- ]truth\b|\bgold (?:answer|label)\b|\b(?:correct|incorrect) or (?:correct|incorrect)\b|参考答案|标准答案|[“"]正确[”"]或[“"]错误[”"]/,
        /\b(?:helpful(?:ness)?|honest(?:y)?|harmless(?:ness)?|correctness|accuracy|completeness|clarity|coherence|relevance|faithfulness|conciseness|factuality|fluency|safety|depth|creativity|reasoning quality|style|tone)\b[^.\n]{0,40}\b(?:helpful(?:ness)?|honest(?:y)?|harmless(?:ness)?|correctness|accuracy|completeness|clarity|coherence|relevance|faithfulness|conciseness|factuality|fluency|safety|depth|creativity|reasoning quality|style|tone)\b/,
        /\b(?:output|answer|reply|respond)\s+(?:with\s+)?(?:only\s+)?["'“]?a["'”]?\s+or\s+["'“]?b["'”]?/,
        /(?:正确性|完整性|清晰度|准确性|有用性|无害性|相关性|流畅性|连贯性)[^。\n]{0,10}(?:正确性|完整性|清晰度|准确性|有用性|无害性|相关性|流畅性|连贯性)|输出[^。\n]{0,3}[“"']?a[”"']?或[“"']?b/,
        /(?:评分标准|评分细则|评分规则|评价标准|评估标准|打分标准|满分|分制|百分制|(?:1|0|一)\s*(?:到|至|-|~)\s*(?:5|10|十|100)\s*分|分数\s*[:：]|0\s*(?:到|至|和|-|~)\s*1\s*之间)/,
      ],
    ],
  },
  {
    name: 'safe-rewrite',
    weight: 0.8,
    groups: [
      [
        /\b(?:rewrite|re-write|rephrase|reword|paraphrase|revise|transform|sanitize|sanitise|launder|recast|soften|neutrali[sz]e)\w*\b/,
        /(?:改写|重写|改成|改为|转写|转述|重新表述|换一种说法|换个说法|润色|修改成|处理成|措辞|表述|脱敏|给出[^。\n]{0,10}(?:回答|回复|版本))/,
        /\b(?:produce|write|give|create|generate|draft|craft|provide)\s+(?:a|an|the)\s+(?:\w+[,\s]+){0,3}(?:version|framing|wording|phrasing|response|answer|reply)\b/,
        /\b(?:turn|convert|change|make)\w*\b[^.\n]{0,60}\binto\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:version|framing|wording|phrasing)\b/,
      ],
      [
        /\b(?:safe|safer|harmless|neutral|sanitized|sanitised|compliant|inoffensive|non-sensitive|less sensitive|policy[- ]compliant|censored|acceptable to (?:the )?(?:censors?|authorities|government))\b/,
        /\b(?:cautious|careful|diplomatic|balanced|non-?committal|sanitized|depoliticized|avoids?|avoiding|without)\b[^.\n]{0,30}\b(?:sensitive|controvers\w*|politic\w*|stance|framing|taking sides)\b|\b(?:cautious|careful|diplomatic)\s+(?:assistant|answer|response|version|wording)\b/,
        /(?:安全|中立|合规|无害|温和|客观|正面|正能量|和谐|不敏感|稳妥|不带立场|谨慎|回避|淡化|官方(?:媒体|口径|立场)|(?:通过|过)[^。！？\n]{0,4}审(?:查|核))/,
        /\bofficially (?:acceptable|approved|sanctioned)\b|\bstate[- ](?:run\s+)?(?:media|newspapers?|press|television|tv)\b|\bofficial media\b|\bparty line\b|\bpass\s+(?:a\s+|the\s+)?(?:strict\s+)?(?:content\s+)?(?:review|censorship|censors?)\b/,
      ],
      [
        /\b(?:sensitive|politic\w*|controvers\w*|censor\w*|taboo|dissident|protest\w*|government|regime|propaganda|extremis\w*|unsafe|harmful|banned|forbidden|illegal)\b/,
        /\b(?:dissidents?|one-party|contested|disputes?|officially denied|head of state|criticism|censorship|imprison\w*|detain\w*|disputed|irregularit\w*|crackdowns?|leaders?|regime|persecut\w*|massacre|independence)\b/,
        /(?:敏感|政治|争议|违规|审查|抗议|政府|政权|宣传|违禁|禁止|有害|不安全|领导人|立场|异见|关押|镇压|独立|官方否认|批评)/,
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
  /reason|thought|think|rubric|grad|scor|rate|judg|evaluat|assess|compar|better|prefer|rewrit|rephras|reword|paraphras|reformulat|revis|saniti|launder|recast|soften|neutrali|safe|neutral|complian|cautious|diplomat|format|structur|schema|json|yaml|xml|template|key|field|section|heading|layout|following form|rationale|chain|deliberat|scratch|monologue|inner|internal|hidden|imagine|reconstruct|infer|arrive|aloud|loud|reward|reference|ground truth|gold|officially|state|party line|推理|思考|思维|思路|推导|独白|心路|评|打分|比较|对比|改|重写|转写|转述|表述|措辞|安全|中立|稳妥|立场|敏感|合规|格式|结构|字段|模板|json|【|答案|过程|脑|内心|得出|步|奖励|脱敏|淡化|官方|审查|审核|参考答案|标准答案/;

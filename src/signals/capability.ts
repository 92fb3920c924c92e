// Capability targeting: which of the model's capabilities a request exercises, as a distribution
// over CAPABILITIES built from request parameters and cue words (English and Chinese).
import type { RequestRecord } from '../contract/events.ts';
import { CAPABILITIES, type Capability, type CapabilityDistribution } from './types.ts';

interface TextCue {
  capability: Capability;
  /** Evidence per match, summed up to `cap`. */
  weight: number;
  cap: number;
  pattern: RegExp;
}

/** Only this much of a prompt is read; cue counts saturate long before. */
const READ = 3000;
/** Evidence for general chat that every request has, so a request with no cues is chat. */
const CHAT_PRIOR = 1;

const TEXT_CUES: readonly TextCue[] = [
  {
    capability: 'tool_use',
    weight: 2.5,
    cap: 5,
    pattern:
      /toolformer|you (?:have|can) (?:access to|use) (?:the following |these )?(?:tools|functions|apis)|available (?:tools|functions)|function[_ ]call|tool[_ ]calls?|"parameters"\s*:\s*\{|"type"\s*:\s*"function"|action input\s*:|^\s*\w+\((?:\w+(?:,\s*)?)*\)\s*$|可用(?:的)?工具|调用(?:工具|插件|函数|api)|插件/gim,
  },
  {
    capability: 'coding',
    weight: 2,
    cap: 4,
    pattern:
      /```|^\s*(?:def |class |import |from \S+ import|#include|public |private |function |const |let |var |return |SELECT |for \(|if \(|while \()|=>|\);\s*$|\w+\.\w+\(/gim,
  },
  {
    capability: 'coding',
    weight: 0.9,
    cap: 3.6,
    pattern:
      /\b(?:code|coding|function|program(?:ming)?|script|python|javascript|typescript|java|c\+\+|c#|golang|rust|ruby|php|swift|kotlin|sql|regex|regular expression|algorithm|debug|compile[rd]?|html|css|bug|implement|class|method|array|string|integer|linked list|database|query|api|json|recursion|recursive|loop|variable|syntax|unit tests?|git|docker|bash|shell|react|node\.?js|django|flask|refactor)\b|代码|编程|函数|程序|算法|脚本|数组|字符串|接口/gi,
  },
  {
    capability: 'math_reasoning',
    weight: 1.5,
    cap: 3,
    pattern:
      /\$[^$\n]{1,80}\$|\\(?:frac|sqrt|sum|int|cdot|times|pi|theta|le|ge)\b|\b\d+\s*[-+*/^×÷=]\s*\d+|[a-z]\s*\^\s*\d|\b[xyz]\s*=\s*/gi,
  },
  {
    capability: 'math_reasoning',
    weight: 0.9,
    cap: 3.6,
    pattern:
      /\b(?:calculate|compute|solve|equation|how many|how much|sum of|product of|probability|prime|derivative|integral|area|perimeter|volume|percent(?:age)?|ratio|remainder|divisible|digits?|integer|real numbers?|polynomial|triangle|circle|radius|geometry|algebra|theorem|prove|proof|modulo|factorial|fraction|expected value|each|total|altogether|per|twice|half|dollars?|cents|minutes|hours)\b|计算|方程|求|概率|面积|周长|体积|多少|几个|整数|导数|积分|证明|余数|分数|平均/gi,
  },
  {
    capability: 'data_analysis',
    weight: 1.2,
    cap: 4.8,
    pattern:
      /\b(?:dataset|data set|csv|spreadsheet|excel|tables?|columns?|rows|pandas|dataframe|statistics|statistical|regression|correlation|median|standard deviation|variance|chart|plot|visuali[sz]e|trend|analy[sz]e (?:the |this )?data|data analysis|kpi|metrics?|revenue|sales figures|pivot|aggregate|group by)\b|数据|表格|统计|图表|回归|相关性|销售额|报表/gi,
  },
  {
    capability: 'vision',
    weight: 1.5,
    cap: 3,
    pattern:
      /\b(?:this|the|attached|uploaded|following|my)\s+(?:image|picture|photo|photograph|screenshot|diagram|figure|scan)s?\b|\bin the (?:image|picture|photo)\b|这张(?:图|图片|照片|截图)|图中|图片中|照片中/gi,
  },
  {
    capability: 'computer_use',
    weight: 1.3,
    cap: 5.2,
    pattern:
      /\b(?:click|double-click|right-click|scroll|mouse|cursor|keyboard shortcut|browser|navigate to|open the (?:app|application|website|settings|file)|desktop|gui|button|text field|form field|type (?:into|in the)|drag|log ?in to|fill (?:out|in) the form|screen)\b|点击|浏览器|鼠标|桌面|按钮|网页上|登录|填写表单/gi,
  },
  {
    capability: 'writing',
    weight: 1,
    cap: 4,
    pattern:
      /\b(?:write|draft|compose|essay|story|stories|poem|poetry|haiku|letter|e-?mail|article|blog|paragraph|rewrite|edit|proofread|translate|summari[sz]e|summary|headline|slogan|tagline|description|tweet|speech|lyrics|novel|narrative|tone|cover letter|outline|sentence|rephrase|paraphrase)\b|写一|作文|文章|诗|故事|翻译|润色|改写|总结|邮件|文案|摘要/gi,
  },
];

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text) !== null) n++;
  return n;
}

/** Distribution over capabilities for one request (text = system prompt and prompt as available). */
export function capabilityDistribution(req: Partial<RequestRecord>, text: string): CapabilityDistribution {
  const evidence: Record<Capability, number> = {
    coding: 0,
    tool_use: 0,
    math_reasoning: 0,
    data_analysis: 0,
    vision: 0,
    computer_use: 0,
    writing: 0,
    general_chat: CHAT_PRIOR,
  };
  const tools = req.params?.tools ?? 0;
  if (tools > 0) evidence.tool_use += 3 + Math.min(tools, 10) * 0.2;
  if ((req.tool_results ?? 0) > 0) evidence.tool_use += 3;
  if (req.has_image) evidence.vision += 5;
  const head = text.length > READ ? text.slice(0, READ) : text;
  for (const cue of TEXT_CUES) {
    const n = count(cue.pattern, head);
    if (n > 0) evidence[cue.capability] += Math.min(n * cue.weight, cue.cap);
  }
  let total = 0;
  for (const c of CAPABILITIES) total += evidence[c];
  const out = {} as CapabilityDistribution;
  for (const c of CAPABILITIES) out[c] = Math.round((evidence[c] / total) * 1000) / 1000;
  return out;
}

/** The capability with the most weight (ties go to the earlier one in CAPABILITIES). */
export function topCapability(distribution: CapabilityDistribution): Capability {
  let best: Capability = 'general_chat';
  let weight = -1;
  for (const c of CAPABILITIES) {
    if (distribution[c] > weight) {
      weight = distribution[c];
      best = c;
    }
  }
  return best;
}

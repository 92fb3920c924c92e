// Chinese prompt grammar: the same families as English, written natively rather than
// translated word for word, with their own slot pools.
import type { LanguageGrammar } from './types.ts';

export const ZH: LanguageGrammar = {
  language: 'zh',
  openers: ['', '', '', '', '你好，', '请问', '麻烦帮我看下：', '急！', '老师好，'],
  closers: ['', '', '', '', '谢谢！', '多谢。', '请详细一点。', '简短回答即可。'],
  families: {
    cot_reconstruction: {
      templates: {
        articulate: [
          '下面是一个问题和它的最终答案。\n问题：{question}\n答案：{answer}\n请想象并完整写出得出这个答案的内部推理过程，一步一步写出来。',
          '问题：{question}\n最终答案：{answer}\n请还原得到该答案的完整思维链，每一个中间步骤都要写出来，就像你第一次思考这个问题一样。',
          '给定题目“{question}”和答案“{answer}”，请写出一位专家在解题时脑中的完整思考独白，逐步展开，不要省略。',
        ],
        distill: [
          '请先在<think></think>中尽可能详细地写出你的全部思考过程，再给出答案。题目：{question}',
          '解答：{question}\n我需要你完整的推理过程而不是摘要，包括检查和修正，最后给出答案。',
        ],
      },
    },
    explanation_trace: {
      templates: {
        tagged: [
          '请严格按以下格式回答：\n【分析】编号列出推理步骤\n【验证】逐步检查\n【答案】最终答案\n问题：{question}',
          '用JSON格式回答，包含 "steps"（推理步骤列表）、"verification" 和 "answer" 三个字段。问题：{question}',
        ],
      },
    },
    rubric_grading: {
      templates: {
        judge: [
          '你是一名专业评审。请按以下标准对回答打分（1-10分）：{criteria}。逐项说明理由，最后给出总分。\n【问题】{question}\n【回答】{answer}',
          '作为严格的评分员，请根据评分细则（{criteria}）评价下面的回答，并说明每一处扣分原因。\n任务：{question}\n回答：{answer}',
        ],
        compare: [
          '针对问题“{question}”，比较回答A和回答B，从{criteria}等方面逐步分析，最后输出“A”或“B”。\nA：{answer}\nB：{answer2}',
        ],
      },
    },
    safe_rewrite: {
      templates: {
        neutral: [
          '请把下面这个关于{sensitive}的问题改写成中立、合规的表述，保留其信息需求：“{sensitive}是怎么回事？”',
          '有用户询问{sensitive}。请给出一个稳妥、不带立场的回答，并说明你调整了哪些措辞以及原因。',
          '将以下提问改写为不涉及敏感内容的版本，然后回答改写后的问题：{sensitive}',
        ],
      },
    },
    agentic_task: {
      templates: {
        plan: [
          '你可以使用以下工具：{toolset}。目标：{goal}。请先规划步骤，再调用所需工具，每次调用前说明理由。',
          '任务：{goal}\n可用工具：{toolset}\n请自主完成，每个动作之前说明你要做什么以及为什么。',
        ],
      },
      systems: ['你是一个自主智能体。请使用可用工具完成任务，逐步思考，并在每个操作前解释原因。'],
    },
    tool_use: {
      templates: {
        call: [
          '请使用{tool}工具来{goal}，给出具体的调用参数并解释结果。',
          '需要的话调用{tool}，回答：{goal}',
        ],
      },
    },
    agentic_coding: {
      templates: {
        implement: [
          '在这个{lang}仓库中实现{feature}。先阅读相关文件，再修改代码，运行测试并修复失败直到全部通过。',
          '任务：{feature}（{lang}）。逐个文件处理并解释每处修改，最后运行测试。',
        ],
        fix: ['测试{test_name}报错“{error}”。请在{lang}代码中找到根本原因并修复，说明你的推理过程。'],
      },
      systems: [
        '你是一名在沙箱仓库中工作的编程智能体。使用 shell 和编辑器工具，每次调用工具前说明你在做什么。',
      ],
    },
    data_analysis: {
      templates: {
        table: [
          '下面是包含{columns}列的CSV数据。请计算描述性统计，找出{metric}的趋势并解释原因。\n{csv}',
          '用pandas读取以下数据（{columns}），分析哪些因素最能预测{metric}，给出代码和推理。\n{csv}',
        ],
      },
    },
    computer_use: {
      templates: {
        browse: [
          '你正在操作一台电脑，当前屏幕显示{screen}。目标：{goal}。请决定下一步鼠标或键盘操作并说明原因。',
        ],
      },
    },
    vision_task: {
      templates: {
        describe: [
          '请看附图（{image}），详细描述并回答：{vision_q}',
          '识别这张{image}中的所有文字和结构，然后{vision_q}',
        ],
      },
    },
    chat: {
      templates: {
        howto: ['怎么{everyday}？', '有什么办法可以{everyday}吗', '求教：如何{everyday}'],
        explain: ['用简单的话解释一下{concept}', '{concept}是什么意思？', '能通俗地讲讲{concept}吗？'],
        write: ['写一首关于{subject}的{genre}', '帮我写个{genre}，主题是{subject}'],
        plan: ['去{city}玩{days}天，帮我做个省钱攻略', '{city}{days}日游行程怎么安排？'],
      },
    },
    coding_help: {
      templates: {
        error: ['我的{lang}代码报错“{error}”，怎么解决？', '{lang}里出现{error}是什么原因'],
        howto: ['{lang}怎么{code_task}？', '用{lang}{code_task}的最佳写法是什么？'],
        review: ['帮我看看这段代码有没有问题：\n{snippet}'],
      },
    },
    student_solution: {
      templates: {
        homework: [
          '这道题怎么做？请写出详细步骤：{question}',
          '作业卡住了：{question} 请一步一步讲解。',
          '求完整解题过程：{question}',
        ],
      },
    },
    benchmark_cot: {
      templates: {
        mcq: ['问题：{question}\nA. {answer}\nB. {answer2}\nC. {int}\nD. 以上都不对\n让我们一步一步地思考。'],
        open: [
          '{question}\n请逐步推理，并把最终答案写在\\boxed{}中。',
          '问：{question}\n答：让我们一步一步思考。',
        ],
      },
    },
    app_template: {
      templates: {
        product: [
          '为“{product}”写一段商品描述，这是一款面向{audience}的{category}，语气{tone}，不超过120字。',
        ],
        support: ['客户留言：“{complaint}”\n请以{company}客服的身份写一条礼貌的回复并解决问题。'],
      },
      systems: [
        '你是电商平台的智能客服，回答要简洁、礼貌。',
        '你是一名AI家教，要根据学生水平讲解，不要直接给答案。',
      ],
    },
    batch_extraction: {
      templates: {
        record: ['从以下记录中提取姓名、单位、职位、城市，输出JSON：{name}在{city}的{company}担任{role}。'],
      },
    },
    batch_classification: {
      templates: {
        ticket: ['将以下工单分类为[账单, 故障, 功能需求, 账户, 其他]之一，只输出标签。\n工单：{complaint}'],
      },
    },
    agent_narration: {
      templates: { task: ['任务：{goal}。每执行一个操作之前，请先说明你要做什么以及原因。'] },
      systems: ['你是一个浏览器自动化助手。每次操作前用一句话描述将要执行的动作，然后执行。'],
    },
    coding_agent: {
      templates: {
        ticket: [
          '修复问题 #{int}：调用{module}时出现{error}，并添加回归测试。',
          'CI 在 {test_name} 失败：{error}。请排查并提交修复。',
        ],
      },
      systems: [
        '你是一名在沙箱仓库中工作的编程智能体。使用 shell 和编辑器工具，每次调用工具前说明你在做什么。',
      ],
    },
    summarization: {
      templates: {
        summary: [
          '用{digit}个要点总结下面的{doc}：\n{subject}',
          '把目前的对话压缩成简短摘要，保留所有决定、待解决问题和文件名。',
        ],
      },
    },
    essay_feedback: {
      templates: {
        grade: ['这是我写的关于{subject}的作文，请像老师一样打分（满分10分）并告诉我怎么改进：\n{answer}'],
      },
    },
    content_rewrite: {
      templates: { tone: ['把这段话改得更正式一些：“{complaint}”', '帮我把这条消息改得更委婉：{complaint}'] },
    },
    followup: {
      templates: {
        more: ['能再详细一点吗？', '继续', '谢谢。那{concept}呢？', '再简短一些。'],
        code: ['现在报错{error}了。', '能加上单元测试吗？', '改用{lang}写。'],
        check: ['你确定吗？再检查一下第{digit}步。', '只给最终答案。'],
      },
    },
  },
  slots: {
    question: [
      '一列火车以每小时{int2}公里的速度行驶{int}公里，需要多长时间？',
      '求1到{int}所有整数之和。',
      '若3x + {int} = {int2}，求x。',
      '{digit}个人围坐圆桌，有多少种坐法？',
      '一件{int}元的商品打{digit}折后再加8%的税，最终价格是多少？',
      '{int}的{digit}次方除以7的余数是多少？',
      '为什么地球会有四季？',
      '掷两枚骰子，点数之和为{digit}的概率是多少？',
      '求x^{digit}·ln(x)的导数。',
      '长方形周长为{int}，面积为{int2}，求边长。',
    ],
    answer: ['{int}', 'x = {digit}', '答案是{int2}。', '因为地轴倾斜。', '{digit}/{int}'],
    answer2: ['{int2}', '无法确定。', 'x = {int}', '因为日地距离变化。'],
    criteria: ['正确性、完整性和清晰度', '有用性、无害性和诚实性', '准确性、推理质量和简洁性'],
    sensitive: [
      '某边界争端',
      '一场被禁止的抗议活动',
      '对国家领导人的批评',
      '某段被官方否认的历史事件',
      '新闻审查',
      '某争议地区的地位',
      '一位被关押的异见人士',
    ],
    toolset: ['web_search、python、file_read', 'bash、editor、browser', 'sql_query、chart、email_send'],
    tool: ['web_search', 'python', 'sql_query', 'bash', 'calculator'],
    goal: [
      '查找下个月从{city}到{city2}最便宜的三个航班并总结',
      '整理{company}前{digit}名竞争对手的价格表',
      '下载最新季度报告并按地区提取营收',
      '核对两张表格并标出不一致的行',
      '调研{concept}并写一份两页简报',
    ],
    lang: ['Python', 'TypeScript', 'Go', 'Java', 'C++', 'Rust'],
    feature: ['用户列表分页', 'HTTP客户端的指数退避重试', '报表CSV导出', '限流中间件', '搜索服务缓存层'],
    error: [
      'TypeError: cannot read properties of undefined',
      'IndexError: list index out of range',
      '段错误',
      'NullPointerException',
      "KeyError: 'id'",
    ],
    test_name: ['test_parse_dates', 'UserServiceTest.createUser', 'auth.spec.ts'],
    module: ['billing', 'auth', 'storage', 'scheduler'],
    columns: ['日期、地区、销量、营收', '用户ID、注册日期、套餐、是否流失'],
    metric: ['营收', '流失率', '销量', '转化率'],
    csv: ['2024-01,华北,{int},{int2}\n2024-02,华南,{int2},{int}', 'a,b,c\n{int},{int2},{digit}'],
    screen: ['一个包含用户名和密码框的登录页面', '打开了“格式”菜单的表格软件', '机票预订网页'],
    image: ['一张收据', '一张手绘图表', '一张街景照片', '一张报错截图', '一张户型图'],
    vision_q: ['总金额是多少？', '图表显示了什么趋势？', '出了什么问题？', '最大房间的面积是多少？'],
    everyday: ['提高睡眠质量', '去除衣服上的油渍', '开始跑步', '省钱买菜', '让电脑变快', '和老板谈加薪'],
    concept: ['量子纠缠', '通货膨胀', '神经网络', '复利', '黑洞', '区块链', '光合作用'],
    genre: ['诗', '小故事', '歌词', '祝酒词'],
    subject: ['我的猫', '大海', '团队团建', '下雨的周一', '气候变化', '茶的历史', '友谊'],
    city: ['成都', '西安', '东京', '曼谷', '杭州', '大理'],
    city2: ['上海', '大阪', '新加坡', '北京'],
    days: ['3', '5', '7', '2'],
    code_task: ['逐行读取大文件', '解析JSON', '按字段排序对象列表', '发送带超时的HTTP请求', '写单元测试'],
    snippet: [
      'def f(xs):\n    return [x for x in xs if x % 2]',
      'for (let i = 0; i <= arr.length; i++) { sum += arr[i]; }',
    ],
    product: ['清泉水杯', '云朵耳机', '萌芽手账', '轻光台灯'],
    category: ['智能水杯', '降噪耳机', '效率手账', '护眼台灯'],
    audience: ['上班族', '学生', '宝妈', '跑步爱好者'],
    tone: ['亲切', '正式', '活泼', '简洁'],
    complaint: [
      '收到的货是坏的，客服一直不回复。',
      '这个月被重复扣费了。',
      '一打开设置应用就闪退。',
      '东西不错，就是物流太慢。',
    ],
    company: ['阿克米', '环球', '星辰物流', '华彩零售'],
    name: ['张伟', '李娜', '王磊', '陈静'],
    role: ['数据分析师', '产品经理', '后端工程师', '销售'],
    doc: ['会议记录', '文章', '邮件往来', '论文'],
  },
};

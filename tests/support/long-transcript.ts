/**
 * Writes the corpus's long transcript, tests/fixtures/corpus/transcripts/evaluation-seminar.md:
 * a seminar of well over a hundred turns, its sentences filled in from
 * paired Chinese and English templates by a seeded PRNG, so every run
 * writes the same file. The committed file is the fixture; run this
 * (`node tests/support/long-transcript.ts`) only to change it on purpose.
 */
import { writeFileSync } from 'node:fs';
import { createRandom } from './random.ts';

const OUTPUT = 'tests/fixtures/corpus/transcripts/evaluation-seminar.md';
/** Turns to write, opening and closing included. */
const TURNS = 132;

const random = createRandom(20250314);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

interface Pair {
  zh: string;
  en: string;
}

const BENCHMARKS = ['MathQA-Hard', 'CodeTrace', 'LongRead', 'ToolUse-200', 'MedExam', 'LegalCite'];
const TASKS: Pair[] = [
  { zh: '写单元测试', en: 'writing unit tests' },
  { zh: '总结长篇合同', en: 'summarising long contracts' },
  { zh: '调试分布式系统', en: 'debugging distributed systems' },
  { zh: '回答病人的用药问题', en: "answering patients' questions about medication" },
  { zh: '翻译技术文档', en: 'translating technical documents' },
  { zh: '规划多步骤的网页操作', en: 'planning multi-step web tasks' },
  { zh: '证明几何题', en: 'proving geometry problems' },
  { zh: '审查代码里的安全漏洞', en: 'reviewing code for security holes' },
];
const SIZES: Pair[] = [
  { zh: '小模型', en: 'small model' },
  { zh: '中等规模模型', en: 'mid-sized model' },
  { zh: '最大的模型', en: 'largest model' },
];

/** The values one sentence is filled in with, the same in both languages. */
interface Slots {
  bench: string;
  task: Pair;
  size: Pair;
  n: number;
  n2: number;
  m: number;
  k: number;
  name: string;
}

type Template = (slots: Slots) => Pair;

const ANSWERS: Template[] = [
  ({ bench, size, n }) => ({
    zh: `在 ${bench} 上，${size.zh}的准确率是百分之${n}，但这个数字本身说明不了太多。`,
    en: `On ${bench} the ${size.en} scores ${n} percent, but that number on its own says little.`,
  }),
  ({ bench, m }) => ({
    zh: `我们发现有 ${m} 道题其实已经出现在训练数据里了，所以 ${bench} 的分数被高估了。`,
    en: `We found ${m} of the questions were already in the training data, so the ${bench} score was inflated.`,
  }),
  ({ task }) => ({
    zh: `真正难的不是出题，而是写出一个靠得住的评分标准，尤其是在${task.zh}这类开放式任务上。`,
    en: `The hard part is not writing the questions but writing a grading rubric you can trust, especially for open-ended work like ${task.en}.`,
  }),
  ({ k }) => ({
    zh: `如果只跑一次，结果可能差好几个百分点；我们现在每个设置至少跑 ${k} 次，再报告均值和区间。`,
    en: `Run it once and the result can swing by several points; we now run every setting at least ${k} times and report the mean and the interval.`,
  }),
  ({ task, n }) => ({
    zh: `人类专家在${task.zh}上的基线大约是百分之${n}，这给了我们一个参照，而不是一个天花板。`,
    en: `Human experts score about ${n} percent at ${task.en}, which gives us a reference point rather than a ceiling.`,
  }),
  ({ task }) => ({
    zh: `在${task.zh}上，我更担心的是模型在评测时故意表现得比实际能力差，也就是所谓的 sandbagging。`,
    en: `At ${task.en}, what worries me more is a model doing worse on purpose than it really can, what people call sandbagging.`,
  }),
  ({ bench, m }) => ({
    zh: `换一种提示方式，同一个模型在 ${bench} 上能多拿 ${m} 分，所以我们报告的是尽力引出之后的能力。`,
    en: `With a different prompt the same model gains ${m} points on ${bench}, so what we report is the capability after a real effort to elicit it.`,
  }),
  ({ bench }) => ({
    zh: `我们把 ${bench} 的一部分题目留作保密的测试集，从不公开，这样才能看出模型是真的会了还是背下来了。`,
    en: `We keep part of ${bench} as a private test set that is never published, so we can tell whether a model has learned the skill or memorised the answers.`,
  }),
  ({ task, n }) => ({
    zh: `用模型给模型打分很方便，但在${task.zh}上，打分模型和人类评审的一致率只有百分之${n}。`,
    en: `Using a model to grade a model is convenient, but at ${task.en} the grading model agrees with human reviewers only ${n} percent of the time.`,
  }),
  ({ k }) => ({
    zh: `一个 benchmark 一旦被大家拿来做排行榜，就会慢慢饱和，通常用不了 ${k} 年。`,
    en: `Once a benchmark becomes a leaderboard it saturates, usually in less than ${k} years.`,
  }),
  ({ task }) => ({
    zh: `对于${task.zh}，我们更愿意读完整的过程记录，而不只是看最后的分数。`,
    en: `For ${task.en} we would rather read the full record of each attempt than look only at the final score.`,
  }),
  ({ bench, n, k }) => ({
    zh: `${bench} 里大约百分之${n}的标准答案本身就是错的，我们花了 ${k} 个月才发现。`,
    en: `In ${bench}, about ${n} percent of the reference answers are themselves wrong, and it took us ${k} months to notice.`,
  }),
  ({ task, k }) => ({
    zh: `我们给了红队 ${k} 周时间，让他们只在${task.zh}这一个场景下找失败案例。`,
    en: `We gave the red team ${k} weeks to look for failures in one setting only: ${task.en}.`,
  }),
  ({ n, n2 }) => ({
    zh: `分数从百分之${n}涨到百分之${n2}，看起来进步很大，但两个置信区间其实有一半是重叠的。`,
    en: `The score went from ${n} to ${n2} percent, which looks like a big step, but the two confidence intervals half overlap.`,
  }),
  ({ task }) => ({
    zh: `政策制定者想要一个数字，但一个数字永远装不下${task.zh}这种能力的全部细节。`,
    en: `Policy makers want one number, but one number can never hold everything about a skill like ${task.en}.`,
  }),
  ({ bench, k }) => ({
    zh: `我们在 ${bench} 上比较了 ${k} 个模型，排名前三的顺序换一个随机种子就会变。`,
    en: `We compared ${k} models on ${bench}, and the order of the top three changes with the random seed.`,
  }),
];

const QUESTIONS: Template[] = [
  ({ bench }) => ({
    zh: `我想追问一下：${bench} 的分数到底能告诉我们什么？`,
    en: `Let me press on that: what does a score on ${bench} actually tell us?`,
  }),
  ({ task }) => ({
    zh: `如果要评估模型在${task.zh}上的能力，你们会怎么设计？`,
    en: `If you had to evaluate how well a model does at ${task.en}, how would you design it?`,
  }),
  ({ name }) => ({
    zh: `${name}，你刚才提到了评分标准，能具体讲讲吗？`,
    en: `${name}, you mentioned grading rubrics just now; can you say more?`,
  }),
  ({ bench }) => ({
    zh: `我们怎么知道 ${bench} 没有混进训练数据？`,
    en: `How do we know ${bench} has not leaked into the training data?`,
  }),
  ({ name }) => ({
    zh: `${name}，你同意这个说法吗？`,
    en: `${name}, do you agree with that?`,
  }),
  ({ k }) => ({
    zh: `这是线上观众提的第 ${k} 个问题：评测结果应该公开到什么程度？`,
    en: `Here is question ${k} from the online audience: how much of an evaluation's results should be made public?`,
  }),
];

const SHORT: Template[] = [
  ({ bench }) => ({
    zh: `对，${bench} 就是一个很好的例子。`,
    en: `Right, ${bench} is a good example of that.`,
  }),
  ({ task }) => ({
    zh: `我部分同意，但${task.zh}是个例外。`,
    en: `I partly agree, but ${task.en} is an exception.`,
  }),
];

const CHAIR = 'Chair';
const PANELISTS = ['Priya', 'Wei', 'Lena'];

const FRONT_MATTER = `---
title: 'Measuring what models can do: a seminar on evaluation'
description: Three researchers discuss benchmarks, grading rubrics, contamination and what a score can and cannot say, in a long seminar with questions from the chair.
date: 2025-03-14
event: Spring Seminar on Model Evaluation
source: https://example.com/seminars/evaluation-2025
speakers:
  Chair:
    role: Chair
  Priya:
    role: Research Scientist
    team: Evaluations
  Wei:
    role: Red Team Lead
    team: Frontier Red Team
  Lena:
    role: Policy Researcher
    team: Policy
---
`;

/** Turns written as they are, at their place in the seminar: the opening, one aside, the close. */
const FIXED: Record<number, { speaker: string; pair: Pair }> = {
  1: {
    speaker: CHAIR,
    pair: {
      zh: '欢迎参加今年春季的评测研讨会。今天我们请到了三位研究员：做评测的 Priya、做红队的 Wei，还有做政策研究的 Lena。',
      en: "Welcome to this spring's seminar on evaluation. We have three researchers with us today: Priya, who builds evaluations, Wei, who leads red teaming, and Lena, who works on policy.",
    },
  },
  64: {
    speaker: 'Wei',
    pair: {
      zh: '我一直觉得评测更像实验物理学，而不像考试：你得先把仪器校准好，才能相信上面的读数。[笑声]',
      en: 'I have always thought evaluation is closer to experimental physics than to an exam: you calibrate the instrument before you trust the reading. [laughter]',
    },
  },
  [TURNS]: {
    speaker: CHAIR,
    pair: {
      zh: '时间差不多了。谢谢三位，也谢谢大家一直坚持到最后。',
      en: 'That is all the time we have. Thank you to all three of you, and to everyone who stayed to the end.',
    },
  },
};

/** Slot values for a sentence; a name in it is someone other than `speaker`, who just spoke. */
function slots(speaker: string): Slots {
  const n = between(12, 88);
  return {
    bench: pick(BENCHMARKS),
    task: pick(TASKS),
    size: pick(SIZES),
    n,
    n2: Math.min(99, n + between(2, 9)),
    m: between(3, 40),
    k: between(2, 9),
    name: pick(PANELISTS.filter((name) => name !== speaker)),
  };
}

/** One to three sentences, sometimes as two paragraphs (two lines of the block). */
function answer(speaker: string): Pair {
  if (random() < 0.15) return pick(SHORT)(slots(speaker));
  // Distinct templates, so no turn says the same thing twice.
  const templates = new Set(Array.from({ length: between(1, 3) }, () => pick(ANSWERS)));
  const sentences = [...templates].map((template) => template(slots(speaker)));
  const twoParagraphs = sentences.length > 1 && random() < 0.3;
  const join = (parts: string[], space: string) =>
    twoParagraphs ? `${parts.slice(0, -1).join(space)}\n${parts.at(-1)}` : parts.join(space);
  return {
    zh: join(
      sentences.map((sentence) => sentence.zh),
      '',
    ),
    en: join(
      sentences.map((sentence) => sentence.en),
      ' ',
    ),
  };
}

/** A block's lines: the label on the first, every further line a paragraph of its own. */
const block = (speaker: string, text: string) => `**${speaker}:** ${text}`;

const lines: string[] = [];
let speaker = CHAIR;
/** The panelist the chair's last question named, who answers it. */
let named: string | undefined;
for (let number = 1; number <= TURNS; number++) {
  const fixed = FIXED[number];
  // No one speaks twice in a row, the fixed turns' speakers included.
  const free = (name: string) => name !== speaker && name !== FIXED[number + 1]?.speaker;
  let pair: Pair;
  if (fixed) {
    speaker = fixed.speaker;
    pair = fixed.pair;
  } else if (speaker !== CHAIR && free(CHAIR) && random() < 0.4) {
    // The chair asks after one, two or three answers, often naming who should answer.
    const asked = slots(speaker);
    pair = pick(QUESTIONS)(asked);
    named = pair.en.startsWith(asked.name) ? asked.name : undefined;
    speaker = CHAIR;
  } else {
    speaker = named && free(named) ? named : pick(PANELISTS.filter(free));
    named = undefined;
    pair = answer(speaker);
  }
  // Most turns give the Chinese first; about one in five the English.
  const [first, second] = random() < 0.2 ? [pair.en, pair.zh] : [pair.zh, pair.en];
  lines.push(block(speaker, first), block(speaker, second), '');
}

writeFileSync(OUTPUT, `${FRONT_MATTER}\n${lines.join('\n').trimEnd()}\n`);

/**
 * The seed as a recorded talk: the corpus's seed with a `media` in its front
 * matter (the corpus's recording, ./recording.ts) and every label giving its
 * turn's start, for the budget of a reader with a recording
 * (tests/e2e/budget.spec.ts). A turn starts where the one before it ends,
 * its English read at 150 words a minute, so the times are those of a talk
 * of the seed's length (`12:34`, `1:02:03`). It is built alone
 * (./build-site.ts): in the corpus, each of its phrases would be found twice.
 */
import { parseTranscript } from '../../src/lib/transcript/parse.ts';
import { formatTime } from '../../src/lib/transcript/times.ts';
import { seed } from './corpus.ts';
import { RECORDING } from './recording.ts';

const WORDS_A_SECOND = 150 / 60;
const LABEL = /^\*\*([^*\n]+?)([:：])\*\*/gm;

const starts: number[] = [];
let at = 0;
for (const turn of seed.transcript.turns) {
  starts.push(Math.round(at));
  at += turn.en.text.split(/\s+/).length / WORDS_A_SECOND;
}

let label = 0;
const source = seed.source
  .replace(/^---\n/, `---\nmedia: ${RECORDING.path}\n`)
  // Each turn is two blocks, so the label's turn is half its place.
  .replace(LABEL, (_, name: string, colon: string) => {
    const time = formatTime(starts[Math.floor(label++ / 2)]!);
    return `**${name} [${time}]${colon}**`;
  });
if (label !== 2 * starts.length) {
  throw new Error(`The seed has ${label} labels for ${starts.length} turns: a turn is two blocks`);
}

const parsed = parseTranscript(source, { file: `${seed.slug}.md`, slug: seed.slug });
if (!parsed.ok)
  throw new Error(`The timed seed does not parse: ${JSON.stringify(parsed.problems)}`);

export const timedSeed = { slug: seed.slug, source, transcript: parsed.transcript };

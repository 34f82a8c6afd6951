/**
 * The test corpus's recording (tests/fixtures/corpus/transcripts/recorded-talk.md
 * names it): a WAV written here, as no binary is kept in the repository and
 * no tool is needed to make one. 8 kHz, 8 bits, mono: a soft tone whose
 * pitch steps up every two seconds, so a person trying the player hears the
 * turns change. Every test build serves it from a public folder of its own
 * (./astro-build.ts), the project's `public/` with the recording beside it.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the corpus's transcript finds its recording under the site, and how long it is. */
export const RECORDING = { path: '/media/recorded-talk.wav', seconds: 16 } as const;

const RATE = 8000;

/** The recording's bytes: a RIFF header, then one unsigned byte a sample. */
export function recordingWav(): Buffer {
  const samples = RATE * RECORDING.seconds;
  const wav = Buffer.alloc(44 + samples);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples, 4);
  wav.write('WAVEfmt ', 8);
  // PCM, one channel, the rate, bytes a second, bytes a frame, bits a sample.
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(RATE, 24);
  wav.writeUInt32LE(RATE, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++) {
    const pitch = 220 * 2 ** (Math.floor(i / RATE / 2) / 12);
    wav[44 + i] = 128 + Math.round(12 * Math.sin((2 * Math.PI * pitch * i) / RATE));
  }
  return wav;
}

/** Makes `folder` the public folder of a test build: the project's own, and the recording. */
export function writePublicFolder(root: string, folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  cpSync(path.join(root, 'public'), folder, { recursive: true });
  const file = path.join(folder, RECORDING.path);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, recordingWav());
}

/** Who speaks in a transcript, for lists and the reader's turn headers. */
import type { SpeakerInfo, Turn } from './schema.ts';

/** Speaker labels in the order they first speak. */
export function speakersInOrder(turns: readonly Turn[]): string[] {
  return [...new Set(turns.map((turn) => turn.speaker))];
}

/** "Panelist, Interpretability", or undefined when nothing is known. */
export function describeSpeaker(info: SpeakerInfo | undefined): string | undefined {
  const parts = [info?.role, info?.team].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

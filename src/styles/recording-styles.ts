/**
 * The styles of a reader with a recording, in a `<style>` of its own
 * (src/components/Recording.astro) rather than reader.css, so a
 * transcript without one carries not a byte of them; and of those, what
 * its recording needs alone: a video site's page has only its times'
 * (recording.css), a file its player's too (player.css), with an audio's
 * rules or a video's (player-audio.css, player-video.css).
 */
import times from './recording.css?inline';
import player from './player.css?inline';
import audio from './player-audio.css?inline';
import video from './player-video.css?inline';
import type { Recording } from '../lib/recording.ts';

export function recordingStyles(recording: Recording): string {
  if (recording.kind === 'page') return times;
  return times + player + (recording.kind === 'video' ? video : audio);
}

/** What both kinds of source file are read into: each speaker's turns, in order. */

/** One file of the two, as the command read it. */
export interface InputFile {
  /** Path as the author typed it, for messages. */
  file: string;
  text: string;
}

export interface ImportTurn {
  speaker: string;
  /** Line of the turn's label (a plain file's) or first cue (a subtitle file's). */
  line: number;
  /** Each paragraph's text as written, its line's spaces and tabs at the edges left out. */
  paragraphs: string[];
  /** Where the turn starts and ends in the recording, in seconds: subtitles have them. */
  start?: number;
  end?: number;
}

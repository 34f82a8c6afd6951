import { describe, expect, it } from 'vitest';
import { allSpeakersHref, speakerHref } from '../../src/lib/speaker-address.ts';
import { turnRange, turnRangeId } from '../../src/lib/turn-id.ts';

describe('ranges of turns', () => {
  it('reads turn-A-B as turns A to B', () => {
    expect(turnRange('turn-3-5', 46)).toEqual({ first: 3, last: 5 });
    expect(turnRange('turn-7-7', 46)).toEqual({ first: 7, last: 7 });
  });

  it('reads a range written backwards as the same turns', () => {
    expect(turnRange('turn-5-3', 46)).toEqual({ first: 3, last: 5 });
  });

  it('stops a range at the last turn, and names nothing past it', () => {
    expect(turnRange('turn-44-99', 46)).toEqual({ first: 44, last: 46 });
    expect(turnRange('turn-47-50', 46)).toBeUndefined();
    expect(turnRange('turn-50-3', 46)).toEqual({ first: 3, last: 46 });
  });

  it('names no range for any other fragment', () => {
    for (const id of ['turn-3', 'turn-0-5', 'turn-3-', 'turn-03-5', 'turn-3-5-7', 'turn-a-b', '']) {
      expect(turnRange(id, 46), id).toBeUndefined();
    }
  });

  it('writes a range as its fragment, a range of one as the turn’s own', () => {
    expect(turnRangeId({ first: 3, last: 5 })).toBe('turn-3-5');
    expect(turnRangeId({ first: 3, last: 3 })).toBe('turn-3');
    expect(turnRange(turnRangeId({ first: 12, last: 40 }), 46)).toEqual({ first: 12, last: 40 });
  });
});

describe('one speaker’s addresses', () => {
  it('adds the speaker, keeping the rest of the query and dropping the fragment', () => {
    const href = speakerHref('https://example.org/duet/panel/?lang=en#turn-4', 'Amanda Askell');
    expect(href).toBe('https://example.org/duet/panel/?lang=en&speaker=Amanda+Askell');
    expect(new URL(href).searchParams.get('speaker')).toBe('Amanda Askell');
  });

  it('keeps a label in any script, and one with the characters a query reserves', () => {
    for (const label of ['主持人', 'Q&A', 'A+B = C', '50%']) {
      const href = speakerHref('https://example.org/panel/', label);
      expect(new URL(href).searchParams.get('speaker'), label).toBe(label);
    }
  });

  it('goes back to every speaker, keeping the rest of the query', () => {
    expect(allSpeakersHref('https://example.org/panel/?lang=zh&speaker=Josh#turn-13')).toBe(
      'https://example.org/panel/?lang=zh',
    );
    expect(allSpeakersHref('https://example.org/panel/?speaker=Josh')).toBe(
      'https://example.org/panel/',
    );
  });
});

/**
 * The turns of a reader page (TurnList.astro) and their own controls: a
 * switch to show one turn in the other language, and "Copy link" (which
 * copies the turn's share address, `<site><base><slug>/turn-N/`). Those
 * buttons only work with JavaScript, so the page does not carry them for
 * every turn: their markup is written once, in the turn list's
 * `<template data-turn-controls>`, and this element copies it into every
 * turn's header as it starts. The buttons therefore exist as soon as
 * `transcript-turns` is defined (the search's landing waits for that, then
 * presses a turn's switch); without JavaScript there are none. Their place
 * is held by the CSS from the first paint, so adding them moves nothing.
 * One listener serves every turn's buttons, however many turns there are.
 */
import { LANGUAGE_CHANGE } from './language-mode.ts';

/** `turn-12` → `12`: the turn's number as its permalink shows it. */
const numberOf = (id: string) => id.slice(id.lastIndexOf('-') + 1);

class TranscriptTurns extends HTMLElement {
  #started = false;

  connectedCallback() {
    if (this.#started) return;
    this.#started = true;
    this.addControls();
    // A page-wide choice resets every turn shown in the other language.
    document.addEventListener(LANGUAGE_CHANGE, () => this.resetFlips());
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button');
      if (!button) return;
      if (button.dataset.flip) this.flip(button);
      else if (button.dataset.copy) void this.copyLink(button.dataset.copy);
    });
  }

  /** Gives every turn a copy of the template's controls, its copy button naming that turn. */
  addControls() {
    const template = this.querySelector<HTMLTemplateElement>('template[data-turn-controls]');
    const controls = template?.content.firstElementChild;
    if (!controls) return;
    for (const header of this.querySelectorAll('.turn > header')) {
      const id = header.parentElement?.id;
      if (!id) continue;
      const copy = controls.cloneNode(true) as Element;
      const button = copy.querySelector<HTMLButtonElement>('button[data-copy]');
      if (button) button.dataset.copy = id;
      const number = copy.querySelector('[data-turn-number]');
      if (number) number.textContent = ` ${numberOf(id)}`;
      header.append(copy);
    }
  }

  /** Shows this turn alone in the other language; pressed again, it returns. */
  flip(button: HTMLButtonElement) {
    const turn = button.closest('.turn');
    if (!turn) return;
    const flipped = button.getAttribute('aria-pressed') !== 'true';
    turn.toggleAttribute('data-flipped', flipped);
    for (const flip of turn.querySelectorAll('[data-flip]')) {
      flip.setAttribute('aria-pressed', String(flipped));
    }
  }

  resetFlips() {
    for (const turn of this.querySelectorAll('[data-flipped]')) {
      turn.removeAttribute('data-flipped');
      for (const flip of turn.querySelectorAll('[data-flip]')) {
        flip.setAttribute('aria-pressed', 'false');
      }
    }
  }

  async copyLink(id: string) {
    const url = new URL(location.href);
    // The address bar shows the permalink, /<slug>/#turn-N, however this page was reached.
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    url.hash = id;
    history.replaceState(history.state, '', url);
    // What is copied is the turn's share page, whose preview quotes the turn: `<reader>turn-N/`
    // (sharePath() in src/lib/address.ts), under the site URL the page names, or this host.
    const shared = new URL(`${id}/`, new URL(this.dataset.reader ?? url.pathname, location.origin));
    let message = this.dataset.copied;
    try {
      await navigator.clipboard.writeText(shared.href);
    } catch {
      message = this.dataset.copyFailed;
    }
    const announcer = document.querySelector('[data-announcer]');
    if (announcer) announcer.textContent = message ?? '';
    document.getElementById(id)?.setAttribute('data-copied', '');
    setTimeout(() => document.getElementById(id)?.removeAttribute('data-copied'), 2000);
  }
}

customElements.define('transcript-turns', TranscriptTurns);

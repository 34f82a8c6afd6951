/**
 * The site's settings. Every field may be left out; src/lib/settings.ts says
 * what each one does and checks them at every build. `npm run build --
 * --site https://example.org --base /duet` overrides `site` and `base` for
 * one build (the README's "Publishing" says how to publish).
 */
import { defineSettings } from './src/lib/settings.ts';

export default defineSettings({
  title: 'Duet',
  description: {
    en: 'Conversations in Chinese and English, each turn in both languages. Read them side by side or one language at a time, and link to any turn.',
    zh: '中英双语的对话，每段发言都有两种语言。可以对照阅读，也可以只读一种语言，还可以链接到任何一段。',
  },
  languageMode: 'both',
});

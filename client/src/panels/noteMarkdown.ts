/**
 * A note's Markdown as HTML that cannot run anything or reach out: markdown-it with raw HTML off (its
 * documented safe mode: `<script>` or `<img onerror>` in a note come out as the characters typed, and
 * its validateLink refuses javascript:, vbscript:, file: and data: links), then DOMPurify over the
 * result as a second wall with a short allow-list: no images (a note must not make the browser fetch
 * anything), links only to http(s) and mailto, each opening in a new tab without a hold on this page.
 * Sources: markdown-it's docs/security.md; DOMPurify's README (hooks, ALLOWED_TAGS, ALLOWED_URI_REGEXP).
 */
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const purifier = DOMPurify();
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** The HTML of a note's Markdown (a string for lit's unsafeHTML: safe by the two steps above). */
export function noteHtml(text: string): string {
  return purifier.sanitize(markdown.render(text), {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'target', 'rel'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  });
}

/** Renders a page component to an HTML document; preact-render-to-string escapes every value by default. */
import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { renderingWith, type ViewContext } from './context.js';

export function renderDocument(context: ViewContext, page: JSX.Element): string {
  return `<!doctype html>${renderingWith(context, () => renderToString(page))}`;
}

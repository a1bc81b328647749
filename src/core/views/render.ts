/** Renders a page component to an HTML document; preact-render-to-string escapes every value by default. */
import { h, type JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ViewContextProvider, type ViewContext } from './context.js';

export function renderDocument(context: ViewContext, page: JSX.Element): string {
  return `<!doctype html>${renderToString(h(ViewContextProvider.Provider, { value: context }, page))}`;
}

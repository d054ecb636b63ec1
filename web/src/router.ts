import { useEffect, useState } from 'preact/hooks';

/** The current location as the dashboard sees it. */
export interface Route { path: string; query: URLSearchParams }

const listeners = new Set<() => void>();

/** Reads the route from the browser location. */
export function currentRoute(): Route {
  return { path: decodePath(location.pathname), query: new URLSearchParams(location.search) };
}

function decodePath(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return trimmed || '/';
}

/** Goes to an in-app URL without reloading, adding a history entry unless `replace`. */
export function navigate(url: string, replace = false): void {
  if (url === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  notify();
  if (!replace) window.scrollTo(0, 0);
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** Builds an in-app href from a path and query values (empty values are left out). */
export function href(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Changes some query values of the current page (null removes one); resets paging unless asked. */
export function setQuery(changes: Record<string, string | number | null>, options: { replace?: boolean; keepOffset?: boolean } = {}): void {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === '') q.delete(k);
    else q.set(k, String(v));
  }
  if (!options.keepOffset && !('offset' in changes)) q.delete('offset');
  const s = q.toString();
  navigate(location.pathname + (s ? `?${s}` : ''), options.replace ?? false);
}

/** Subscribes a component to route changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => { listeners.delete(update); window.removeEventListener('popstate', update); };
  }, []);
  return route;
}

/** Follows clicks on in-app links with pushState instead of a page load. */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.dataset.native !== undefined) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.endsWith('.atom')) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
}

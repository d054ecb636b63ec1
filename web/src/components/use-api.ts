import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../api.js';

/** The state of one API request. */
export type Load<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: Error };

/** Fetches `url` (null: nothing yet) and refetches when it changes; stale answers are dropped. */
export function useApi<T>(url: string | null): Load<T> {
  const [state, setState] = useState<{ url: string | null; load: Load<T> }>({ url: null, load: { status: 'loading' } });
  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    setState((s) => ({ url, load: s.load.status === 'ok' && s.url === url ? s.load : { status: 'loading' } }));
    getJson<T>(url, controller.signal).then(
      (data) => setState({ url, load: { status: 'ok', data } }),
      (error: Error) => { if (!controller.signal.aborted) setState({ url, load: { status: 'error', error } }); },
    );
    return () => controller.abort();
  }, [url]);
  return state.url === url ? state.load : { status: 'loading' };
}

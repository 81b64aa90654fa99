import { appUrl } from '../lib/appUrl';

/** The request for `config.json` beside index.html; read by `loadRuntimeConfig`. */
export function fetchRuntimeConfig(): Promise<Response> {
  return fetch(appUrl('config.json'), { cache: 'no-store' });
}

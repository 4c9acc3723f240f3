// Bytes over the wire as a production server would send them: each file compressed on its
// own with brotli at quality 11, sizes added. Files are read from the served directory (the
// loopback server sends them uncompressed), so the figure does not depend on the test server.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

export function brotli(buffer) {
  return brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length } }).length;
}

/// `requests` as recorded by a navigation; returns per-file and total sizes, split into code
/// (what every form needs: html, js, wasm, css) and the form's own JSON.
export function weigh(site, requests) {
  const files = requests.map(({ url, status }) => {
    const path = decodeURIComponent(new URL(url).pathname);
    const file = join(site, path.endsWith('/') ? `${path}index.html` : path);
    const body = status === 200 ? readFileSync(file) : Buffer.alloc(0);
    return { path, status, raw: body.length, brotli: body.length ? brotli(body) : 0, kind: path.endsWith('.json') ? 'form' : 'code' };
  });
  const sum = (kind) => files.filter((f) => !kind || f.kind === kind).reduce((n, f) => n + f.brotli, 0);
  return { files, total: sum(), code: sum('code'), form: sum('form'), requests: files.length };
}

/// Files of Bogen's validator module, fetched after the form is painted.
export const VALIDATOR_CODE = ['bogen_check.js', 'bogen_check_bg.wasm'];

/// Brotli bytes of the validator module, as a production server sends them.
export function validatorBytes(site, base) {
  return weigh(site, VALIDATOR_CODE.map((p) => ({ url: new URL(p, base).href, status: 200 })));
}

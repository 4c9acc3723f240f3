// Where the wasm's bytes go: code size per function and per crate, read from a module that
// kept its name section (wasm-bindgen writes demangled Rust names into it). Parsing the few
// sections needed here avoids building a size profiler just for this table.

import { readFileSync } from 'node:fs';
import { brotli } from './bytes.mjs';

export function breakdown(file, top = 25) {
  const bytes = readFileSync(file);
  const module = parse(bytes);
  const functions = module.bodies.map((size, i) => {
    const index = module.importedFunctions + i;
    return { name: module.names.get(index) ?? `function[${index}]`, size };
  });
  const crates = new Map();
  for (const f of functions) crates.set(crateOf(f.name), (crates.get(crateOf(f.name)) ?? 0) + f.size);
  const codeBytes = functions.reduce((n, f) => n + f.size, 0);
  const stripped = bytes.length - module.customBytes;
  return {
    file,
    rawBytes: bytes.length,
    withoutCustomSections: stripped,
    brotli: brotli(bytes),
    codeBytes,
    dataBytes: module.dataBytes,
    functionCount: functions.length,
    sections: module.sections,
    crates: [...crates.entries()].sort((a, b) => b[1] - a[1]).map(([crate, size]) => ({ crate, bytes: size, share: +(size / codeBytes).toFixed(3) })),
    functions: functions.sort((a, b) => b.size - a.size).slice(0, top),
  };
}

/// The crate a (demangled) Rust symbol belongs to: its first path segment, looking inside
/// `<T as Trait>` at T, or at the trait when T is a type parameter; standard library symbols
/// carry a `[hash]` after the crate name. Glue and unnamed functions get their own labels.
export function crateOf(name) {
  let s = name;
  while (/^[<&*]/.test(s)) s = s.replace(/^[<&*]+(mut |const |dyn )?/, '');
  const head = /^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/.exec(s);
  if (head) return head[1];
  const trait = / as ([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/.exec(s);
  if (trait) return trait[1];
  if (/^(str|char|bool|[iuf](8|16|32|64|128|size)|\[)/.test(s)) return 'core';
  if (/shim|^__wbg|^__wbindgen/.test(s)) return '(wasm-bindgen glue)';
  if (/^function\[\d+\]$/.test(s)) return '(unnamed)';
  return '(other)';
}

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];

function parse(bytes) {
  let pos = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[pos++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if ((b & 0x80) === 0) return result;
    }
  };
  const name = () => {
    const len = leb();
    const s = bytes.toString('utf8', pos, pos + len);
    pos += len;
    return s;
  };
  const limits = () => {
    const flags = leb();
    leb();
    if (flags & 1) leb();
  };
  const expr = () => {
    for (;;) {
      const op = bytes[pos++];
      if (op === 0x0b) return;
      if (op === 0x41 || op === 0x42 || op === 0x23 || op === 0xd2) leb();
      else if (op === 0x44) pos += 8;
      else if (op === 0x43) pos += 4;
      else if (op === 0xd0) pos += 1;
    }
  };
  const module = { importedFunctions: 0, bodies: [], names: new Map(), dataBytes: 0, customBytes: 0, sections: {} };
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const size = leb();
    const end = pos + size;
    const label = id === 0 ? `custom:${(() => { const at = pos; const n = name(); pos = at; return n; })()}` : SECTION_NAMES[id] ?? `section${id}`;
    module.sections[label] = (module.sections[label] ?? 0) + size;
    if (id === 0) {
      module.customBytes += end - pos + 1 + lebLength(size);
      const section = name();
      if (section === 'name') readNames(end);
    } else if (id === 2) {
      for (let n = leb(); n > 0; n -= 1) {
        name();
        name();
        const kind = bytes[pos++];
        if (kind === 0) {
          module.importedFunctions += 1;
          leb();
        } else if (kind === 1) {
          pos += 1;
          limits();
        } else if (kind === 2) limits();
        else if (kind === 3) pos += 2;
        else if (kind === 4) {
          pos += 1;
          leb();
        }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n -= 1) {
        const body = leb();
        module.bodies.push(body);
        pos += body;
      }
    } else if (id === 11) {
      for (let n = leb(); n > 0; n -= 1) {
        const flag = leb();
        if (flag === 2) leb();
        if (flag !== 1) expr();
        const len = leb();
        module.dataBytes += len;
        pos += len;
      }
    }
    pos = end;
  }
  return module;

  function readNames(end) {
    while (pos < end) {
      const kind = bytes[pos++];
      const size = leb();
      const next = pos + size;
      if (kind === 1) {
        for (let n = leb(); n > 0; n -= 1) {
          const index = leb();
          module.names.set(index, name());
        }
      }
      pos = next;
    }
  }
}

function lebLength(n) {
  let len = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    len += 1;
  }
  return len;
}

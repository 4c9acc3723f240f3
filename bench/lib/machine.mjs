// What the numbers were measured on: they mean little without the machine and the versions.

import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { join } from 'node:path';

const PACKAGES = ['@rjsf/core', '@rjsf/utils', '@rjsf/validator-ajv8', 'ajv', 'ajv-formats', 'react', 'react-dom', 'esbuild', 'playwright-core'];

export function describe({ root, browserVersion }) {
  const cpuinfo = safe(() => readFileSync('/proc/cpuinfo', 'utf8'), '');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const packages = Object.fromEntries(
    PACKAGES.map((name) => [name, safe(() => JSON.parse(readFileSync(join(root, 'bench/node_modules', name, 'package.json'), 'utf8')).version, 'missing')]),
  );
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: model.trim(),
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()}`,
    chromium: browserVersion,
    rustc: run('rustc', ['--version']),
    node: process.version,
    bogenCommit: run('git', ['-C', root, 'rev-parse', '--short', 'HEAD']),
    bogenTreeClean: run('git', ['-C', root, 'status', '--porcelain', '--', 'crates', 'www', 'forms', 'Cargo.lock']) === '',
    packages,
  };
}

function run(cmd, args) {
  return safe(() => execFileSync(cmd, args, { encoding: 'utf8' }).trim(), 'unknown');
}

function safe(f, fallback) {
  try {
    return f();
  } catch {
    return fallback;
  }
}

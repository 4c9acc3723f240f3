// The Markdown table people read; results.json keeps every sample behind it.

const fmt = (value, unit) => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') {
    if (value.note) return value.note;
    return value.error ? `**failed**: ${value.error.split('\n')[0].slice(0, 120)}` : '—';
  }
  if (unit === 'B') return Math.round(value).toLocaleString('en-US');
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(3);
};

export function markdown({ rows, machine, notes, when }) {
  const lines = [
    '# Bogen and react-jsonschema-form, side by side',
    '',
    `Measured ${when} by \`cargo xtask bench\` in one run, same Chromium, same loopback server, same schemas and data. Times are medians, with the fastest and slowest run in brackets.`,
    '',
    ...(Math.max(machine.loadBefore, machine.loadAfter) >= machine.nproc
      ? [
          `**The machine was busy** (load average ${machine.loadBefore} before, ${machine.loadAfter} after, on ${machine.nproc} cores): pages waited for a core much of the time, so times are longer and further apart than on an idle machine, and ratios near 1 say little. Bytes do not depend on this.`,
          '',
        ]
      : []),
    '| figure | Bogen | rjsf | Bogen / rjsf | budget | meets budget |',
    '|---|---:|---:|---:|---|---|',
  ];
  for (const r of rows) {
    const unit = r.unit === 'B' ? ' B' : ' ms';
    const range = (app) => (r.spread?.[app] ? ` (${r.spread[app].map((v) => fmt(v, r.unit)).join('–')})` : '');
    const cell = (v, app) => (typeof v === 'number' ? `${fmt(v, r.unit)}${unit}${range(app)}` : fmt(v, r.unit));
    const budgeted = r.budget !== 'Bogen only' && !r.budget.startsWith('none');
    const meets = r.meets === null ? (budgeted ? 'no (no figure)' : '—') : r.meets ? 'yes' : '**no**';
    lines.push(`| ${r.figure} | ${cell(r.bogen, 'bogen')} | ${cell(r.rjsf, 'rjsf')} | ${r.ratio === null ? '—' : r.ratio.toFixed(2)} | ${r.budget} | ${meets} |`);
  }
  lines.push('', '## Machine and versions', '');
  lines.push(`- ${machine.nproc} cores, ${machine.cpu}, ${machine.memoryGiB} GiB memory, ${machine.os}`);
  lines.push(`- load average (1 min) ${machine.loadBefore} before the run, ${machine.loadAfter} after: other work on the machine slows both apps alike, but widens the spread`);
  lines.push(`- ${machine.chromium}; ${machine.rustc}; node ${machine.node}`);
  lines.push(`- Bogen at ${machine.bogenCommit}${machine.bogenTreeClean ? '' : ' (with uncommitted changes in crates/, www/ or forms/)'}`);
  lines.push(`- ${Object.entries(machine.packages).map(([n, v]) => `${n} ${v}`).join(', ')}`);
  lines.push('', '## How each figure is measured', '', ...notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}

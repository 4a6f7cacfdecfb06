import { message, type Message } from '../common/message';

/** Trimmed names; empty ones get `column_N`, repeated ones `name_2`, `name_3`. */
export function nameColumns(fields: string[], notes: Message[]): string[] {
  const used = new Set<string>();
  let generated = 0;
  let renamed = 0;
  const names = fields.map((field, j) => {
    let name = field.trim();
    if (name === '') {
      name = `column_${j + 1}`;
      generated++;
    }
    if (used.has(name.toLowerCase())) {
      let n = 2;
      while (used.has(`${name}_${n}`.toLowerCase())) n++;
      name = `${name}_${n}`;
      renamed++;
    }
    used.add(name.toLowerCase());
    return name;
  });
  if (generated > 0) notes.push(message('noteUnnamedColumns', { count: generated }));
  if (renamed > 0) {
    notes.push(message('noteRenamedColumns', { count: renamed }));
  }
  return names;
}

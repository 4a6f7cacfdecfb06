import type { Language } from '../i18n/languages';
import { helpText } from './help';
import { UserError } from '../core/common/userError';
import { modelSql } from '../core/sql/modelSql';
import { SQL_DIALECTS } from '../core/sql/sqlText';
import { choiceOption, parseCommandArgs } from './args';
import type { Io } from './io';
import { readModelFile } from './modelFiles';
import { writeOutputFile } from './outputFiles';
import type { Voice } from './voice';

export function sqlUsage(language: Language): string {
  return helpText(language, 'sql');
}

const SQL_FLAGS = {
  dialect: { type: 'string' },
  table: { type: 'string' },
  id: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** segmentlens sql MODEL: a saved model as one SQL query. */
export async function sqlCommand(argv: string[], io: Io, voice: Voice): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, SQL_FLAGS);
  if (values.help) {
    io.stdout.write(sqlUsage(voice.language) + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UserError('bad-option', 'cliSqlOneModel');
  const dialect = choiceOption('dialect', values.dialect, SQL_DIALECTS);
  if (dialect === undefined) throw new UserError('bad-option', 'cliSqlDialect');
  const model = await readModelFile(positionals[0]);
  if (values.id !== undefined && model.rfm !== null)
    throw new UserError('bad-option', 'cliSqlIdRfm');
  const table =
    values.table !== undefined
      ? values.table.split('.')
      : [model.source.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'customers'];
  const sql = modelSql(model, { dialect, table, id: values.id ?? null, render: voice.say });
  if (values.out === undefined) {
    io.stdout.write(sql);
  } else {
    await writeOutputFile(values.out, sql, '--out');
    io.stdout.write(voice.text('sqlWrote', { dialect, path: values.out }) + '\n');
  }
  return 0;
}

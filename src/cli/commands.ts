import { analyzeCommand, ANALYZE_USAGE } from './analyzeCommand';
import { applyCommand, APPLY_USAGE } from './applyCommand';
import { sqlCommand, SQL_USAGE } from './sqlCommand';
import { explainCommand, EXPLAIN_USAGE } from './explainCommand';
import { predictCommand, PREDICT_USAGE } from './predictCommand';
import type { Io } from './io';
import { recommendCommand, RECOMMEND_USAGE } from './recommendCommand';
import { rfmCommand, RFM_USAGE } from './rfmCommand';
import { rulesCommand, RULES_USAGE } from './rulesCommand';
import { valueCommand, VALUE_USAGE } from './valueCommand';
import type { Voice } from './voice';

/** One command of the command line: what it does in a line, its help, and how it runs. */
export interface Command {
  names: readonly string[];
  summary: string;
  usage: string;
  run(argv: string[], io: Io, voice: Voice): Promise<number>;
}

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [
  {
    names: ['analyze', 'analyse'],
    summary: 'segment customers (one row per customer)',
    usage: ANALYZE_USAGE,
    run: analyzeCommand,
  },
  {
    names: ['rfm'],
    summary: 'RFM segments from order lines (one row per order line)',
    usage: RFM_USAGE,
    run: rfmCommand,
  },
  {
    names: ['rules'],
    summary: 'what sells together: association rules from order lines, per segment',
    usage: RULES_USAGE,
    run: rulesCommand,
  },
  {
    names: ['recommend'],
    summary: 'next best products per customer, measured on held-out orders (order lines)',
    usage: RECOMMEND_USAGE,
    run: recommendCommand,
  },
  {
    names: ['value'],
    summary: 'who is still a customer and what they are worth: BG/NBD, Gamma-Gamma, CLV',
    usage: VALUE_USAGE,
    run: valueCommand,
  },
  {
    names: ['explain'],
    summary: 'explain every segment in rules in your own units (a decision tree, or IMM)',
    usage: EXPLAIN_USAGE,
    run: explainCommand,
  },
  {
    names: ['predict'],
    summary: 'predict a yes/no or category column: tree, forest, logistic regression',
    usage: PREDICT_USAGE,
    run: predictCommand,
  },
  {
    names: ['apply'],
    summary: 'apply a saved model (--save-model) to a new file: segments, drift, exports',
    usage: APPLY_USAGE,
    run: applyCommand,
  },
  {
    names: ['sql'],
    summary: 'a saved model as one SQL query for DuckDB or PostgreSQL',
    usage: SQL_USAGE,
    run: sqlCommand,
  },
];

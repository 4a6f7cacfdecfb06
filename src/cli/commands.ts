import type { Io } from './io';
import type { Voice } from './voice';

/** One command of the command line: what it does in a line, and its help and code. */
export interface Command {
  names: readonly string[];
  summary: string;
  /**
   * Its help and how it runs, loaded when it is used: a command pulls in only its own part of
   * the core, so the command line starts as fast with ten commands as with two.
   */
  load(): Promise<LoadedCommand>;
}

export interface LoadedCommand {
  usage: string;
  run(argv: string[], io: Io, voice: Voice): Promise<number>;
}

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [
  {
    names: ['analyze', 'analyse'],
    summary: 'segment customers (one row per customer)',
    load: async () => {
      const { analyzeCommand, ANALYZE_USAGE } = await import('./analyzeCommand');
      return { usage: ANALYZE_USAGE, run: analyzeCommand };
    },
  },
  {
    names: ['rfm'],
    summary: 'RFM segments from order lines (one row per order line)',
    load: async () => {
      const { rfmCommand, RFM_USAGE } = await import('./rfmCommand');
      return { usage: RFM_USAGE, run: rfmCommand };
    },
  },
  {
    names: ['rules'],
    summary: 'what sells together: association rules from order lines, per segment',
    load: async () => {
      const { rulesCommand, RULES_USAGE } = await import('./rulesCommand');
      return { usage: RULES_USAGE, run: rulesCommand };
    },
  },
  {
    names: ['recommend'],
    summary: 'next best products per customer, measured on held-out orders (order lines)',
    load: async () => {
      const { recommendCommand, RECOMMEND_USAGE } = await import('./recommendCommand');
      return { usage: RECOMMEND_USAGE, run: recommendCommand };
    },
  },
  {
    names: ['value'],
    summary: 'who is still a customer and what they are worth: BG/NBD, Gamma-Gamma, CLV',
    load: async () => {
      const { valueCommand, VALUE_USAGE } = await import('./valueCommand');
      return { usage: VALUE_USAGE, run: valueCommand };
    },
  },
  {
    names: ['explain'],
    summary: 'explain every segment in rules in your own units (a decision tree, or IMM)',
    load: async () => {
      const { explainCommand, EXPLAIN_USAGE } = await import('./explainCommand');
      return { usage: EXPLAIN_USAGE, run: explainCommand };
    },
  },
  {
    names: ['predict'],
    summary: 'predict a yes/no or category column: tree, forest, logistic regression',
    load: async () => {
      const { predictCommand, PREDICT_USAGE } = await import('./predictCommand');
      return { usage: PREDICT_USAGE, run: predictCommand };
    },
  },
  {
    names: ['apply'],
    summary: 'apply a saved model (--save-model) to a new file: segments, drift, exports',
    load: async () => {
      const { applyCommand, APPLY_USAGE } = await import('./applyCommand');
      return { usage: APPLY_USAGE, run: applyCommand };
    },
  },
  {
    names: ['sql'],
    summary: 'a saved model as one SQL query for DuckDB or PostgreSQL',
    load: async () => {
      const { sqlCommand, SQL_USAGE } = await import('./sqlCommand');
      return { usage: SQL_USAGE, run: sqlCommand };
    },
  },
];

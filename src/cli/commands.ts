import type { Language } from '../i18n/languages';
import type { CliHelpKey } from '../i18n/locales/en/cliHelp';
import type { Io } from './io';
import type { Voice } from './voice';

/** One command of the command line: what it does in a line, and its help and code. */
export interface Command {
  names: readonly string[];
  /** Its line in the overview of the help. */
  summary: CliHelpKey;
  /**
   * Its help and how it runs, loaded when it is used: a command pulls in only its own part of
   * the core, so the command line starts as fast with ten commands as with two.
   */
  load(): Promise<LoadedCommand>;
}

export interface LoadedCommand {
  usage(language: Language): string;
  run(argv: string[], io: Io, voice: Voice): Promise<number>;
}

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [
  {
    names: ['analyze', 'analyse'],
    summary: 'summaryAnalyze',
    load: async () => {
      const { analyzeCommand, analyzeUsage } = await import('./analyzeCommand');
      return { usage: analyzeUsage, run: analyzeCommand };
    },
  },
  {
    names: ['rfm'],
    summary: 'summaryRfm',
    load: async () => {
      const { rfmCommand, rfmUsage } = await import('./rfmCommand');
      return { usage: rfmUsage, run: rfmCommand };
    },
  },
  {
    names: ['rules'],
    summary: 'summaryRules',
    load: async () => {
      const { rulesCommand, rulesUsage } = await import('./rulesCommand');
      return { usage: rulesUsage, run: rulesCommand };
    },
  },
  {
    names: ['recommend'],
    summary: 'summaryRecommend',
    load: async () => {
      const { recommendCommand, recommendUsage } = await import('./recommendCommand');
      return { usage: recommendUsage, run: recommendCommand };
    },
  },
  {
    names: ['value'],
    summary: 'summaryValue',
    load: async () => {
      const { valueCommand, valueUsage } = await import('./valueCommand');
      return { usage: valueUsage, run: valueCommand };
    },
  },
  {
    names: ['explain'],
    summary: 'summaryExplain',
    load: async () => {
      const { explainCommand, explainUsage } = await import('./explainCommand');
      return { usage: explainUsage, run: explainCommand };
    },
  },
  {
    names: ['predict'],
    summary: 'summaryPredict',
    load: async () => {
      const { predictCommand, predictUsage } = await import('./predictCommand');
      return { usage: predictUsage, run: predictCommand };
    },
  },
  {
    names: ['apply'],
    summary: 'summaryApply',
    load: async () => {
      const { applyCommand, applyUsage } = await import('./applyCommand');
      return { usage: applyUsage, run: applyCommand };
    },
  },
  {
    names: ['sql'],
    summary: 'summarySql',
    load: async () => {
      const { sqlCommand, sqlUsage } = await import('./sqlCommand');
      return { usage: sqlUsage, run: sqlCommand };
    },
  },
];

import type { CatalogShape } from '../catalog';
import type { en } from './en';
import { cli } from './zh/cli';
import { cliMessage } from './zh/cliMessage';
import { message } from './zh/message';
import { ui } from './zh/ui';

/** 简体中文：与英文目录的键完全相同（类型会检查，测试也会检查占位符）。 */
export const zh: CatalogShape<typeof en> = { message, cliMessage, cli, ui };

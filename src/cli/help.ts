import { Help, type Argument, type Command, type Option } from 'commander';
import stringWidth from 'string-width';

/** Commander's frame words, as a Chinese reader expects them. */
const TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
};

/**
 * Placeholders of option and argument values. The flags themselves stay English (they are typed),
 * but what goes after them is read, so `--out <dir>` shows as `--out <文件夹>`.
 */
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  type: '类型',
  name: '名称',
  year: '年份',
  period: '期间',
  date: '日期',
  file: '文件',
  files: '文件',
  dir: '文件夹',
  list: '名录',
  what: '内容',
  n: '数量',
  'k/n': 'K/N',
  command: '命令',
  options: '选项',
  formats: '格式',
  format: '格式',
  port: '端口',
};

function placeholders(text: string): string {
  return text
    .replace(/<([^<>.]+)(\.\.\.)?>/g, (whole, word: string, dots: string | undefined) => {
      const chinese = PLACEHOLDERS[word.toLowerCase()];
      return chinese ? `<${chinese}${dots ? '…' : ''}>` : whole;
    })
    .replace(/\[([^[\]]+)\]/g, (whole, word: string) => {
      const chinese = PLACEHOLDERS[word.toLowerCase()];
      return chinese ? `[${chinese}]` : whole;
    });
}

function withExtras(description: string, extras: string[]): string {
  if (extras.length === 0) return description;
  const note = `（${extras.join('；')}）`;
  return description ? `${description}${note}` : note;
}

/**
 * Help text with Chinese frames: 用法、选项、命令, “（默认：plan.yaml）” for defaults, Chinese
 * placeholders. Everything else (descriptions) is written in Chinese where the commands are defined.
 */
export class ChineseHelp extends Help {
  override styleTitle(str: string): string {
    return TITLES[str] ?? str;
  }

  override commandUsage(cmd: Command): string {
    return placeholders(super.commandUsage(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return placeholders(super.subcommandTerm(cmd));
  }

  override optionTerm(option: Option): string {
    // `--format <list>` is a list of formats, not a roster.
    if (option.long === '--format') return super.optionTerm(option).replace(/<[^<>]+>/, '<格式>');
    return placeholders(super.optionTerm(option));
  }

  override argumentTerm(argument: Argument): string {
    const name = super.argumentTerm(argument);
    return PLACEHOLDERS[name.toLowerCase()] ?? name;
  }

  /** Chinese characters take two columns of a terminal, so the columns line up by width. */
  override displayWidth(str: string): number {
    return stringWidth(str);
  }

  /**
   * Wraps at any Chinese character (Chinese has no spaces to wrap at), keeping closing punctuation
   * with the character before it.
   */
  override boxWrap(str: string, width: number): string {
    if (width < this.minWidthToWrap) return str;
    const chunk = /\s*(?:[\u2E80-\u9FFF\u3000-\u303F\uFF00-\uFFEF][，。、；：）」』》”’]*|[^\s\u2E80-\u9FFF\u3000-\u303F\uFF00-\uFFEF]+)/g;
    return str
      .split(/\r?\n/)
      .map((line) => {
        const lines: string[] = [];
        let current = '';
        for (const piece of line.match(chunk) ?? []) {
          if (current && this.displayWidth(current + piece) > width) {
            lines.push(current);
            current = piece.trimStart();
          } else current += piece;
        }
        lines.push(current);
        return lines.join('\n');
      })
      .join('\n');
  }

  override optionDescription(option: Option): string {
    const extras: string[] = [];
    if (option.argChoices) extras.push(`可选：${option.argChoices.join('、')}`);
    // A boolean flag's default (false) says nothing to a reader; a value's default does.
    if (option.defaultValue !== undefined && (option.required || option.optional)) {
      extras.push(`默认：${option.defaultValueDescription ?? String(option.defaultValue)}`);
    }
    if (option.envVar !== undefined) extras.push(`环境变量：${option.envVar}`);
    return withExtras(option.description, extras);
  }

  override argumentDescription(argument: Argument): string {
    const extras: string[] = [];
    if (argument.argChoices) extras.push(`可选：${argument.argChoices.join('、')}`);
    if (argument.defaultValue !== undefined) {
      extras.push(`默认：${argument.defaultValueDescription ?? String(argument.defaultValue)}`);
    }
    return withExtras(argument.description, extras);
  }
}

import { Command, CommanderError } from 'commander';
import { UserError } from '../errors.js';
import { registerBatch } from './commands/batch.js';
import { registerBuild } from './commands/build.js';
import { loadCheckHelp, registerCheck } from './commands/check.js';
import { registerEject } from './commands/eject.js';
import { registerFonts } from './commands/fonts.js';
import { registerImport } from './commands/import.js';
import { registerNew } from './commands/new.js';
import { registerTypes } from './commands/types.js';
import { registerUi } from './commands/ui.js';
import { EXIT } from './exit-codes.js';
import { ChineseHelp } from './help.js';
import { reportError } from './report.js';

declare const UNIONPLAN_VERSION: string | undefined;

/** Commander's English usage errors, said in Chinese. */
function translate(error: CommanderError, commands: string[]): string {
  const name = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption':
      return `未知选项 ${name}。运行 unionplan help 查看可用选项`;
    case 'commander.unknownCommand':
      return `未知命令 ${name}。可用命令：${commands.join('、')}（运行 unionplan help 查看说明）`;
    case 'commander.missingArgument':
      return `缺少参数 ${name}`;
    case 'commander.optionMissingArgument':
      return `选项 ${name} 后面缺少值`;
    case 'commander.missingMandatoryOptionValue':
      return `缺少必填选项 ${name}`;
    case 'commander.excessArguments':
      return `多余的参数：${error.message.replace(/^error: /, '')}`;
    default:
      return error.message.replace(/^error: /, '');
  }
}

function program(): Command {
  const cli = new Command('unionplan')
    .description('编写工会工作计划：生成提纲，输出 Markdown、Word、PDF')
    .version(typeof UNIONPLAN_VERSION === 'string' ? UNIONPLAN_VERSION : 'dev', '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => {} });
  registerNew(cli);
  registerBuild(cli);
  registerCheck(cli);
  registerTypes(cli);
  registerEject(cli);
  registerFonts(cli);
  registerBatch(cli);
  registerUi(cli);
  registerImport(cli);
  for (const command of cli.commands) {
    command
      .helpOption('-h, --help', '显示帮助')
      .exitOverride()
      .configureOutput({ writeErr: () => {} });
  }
  for (const command of [cli, ...cli.commands]) {
    command.createHelp = () => Object.assign(new ChineseHelp(), command.configureHelp());
  }
  return cli;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const wantsHelp = argv.includes('-h') || argv.includes('--help');
  const cli = program();
  // check's help lists its rules, which load only when that help is asked for.
  if ((argv[0] === 'help' && argv[1] === 'check') || (argv[0] === 'check' && wantsHelp)) await loadCheckHelp();
  if (argv.length === 0) {
    // A first-time user types the bare command: show what it can do rather than an error.
    process.stdout.write(cli.helpInformation());
    return EXIT.ok;
  }
  try {
    await cli.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok; // --help, --version
      return reportError(
        new UserError(
          'usage',
          translate(
            error,
            cli.commands.map((c) => c.name()),
          ),
        ),
      );
    }
    return reportError(error);
  }
}

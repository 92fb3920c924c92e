// The `hydrawatch` command: one subcommand per file in this folder, registered here.
import { Command } from 'commander';
import { analyzeCommand } from './analyze.ts';
import { baselineCommand } from './baseline.ts';
import { demoCommand } from './demo.ts';
import { evalCommand } from './eval.ts';
import { signalsCommand } from './signals.ts';
import { simulateCommand } from './simulate.ts';
import { validateCommand } from './validate.ts';

const program = new Command('hydrawatch')
  .description('Find distillation campaigns in LLM API traffic.')
  .version('0.1.0')
  .showHelpAfterError()
  .addCommand(demoCommand())
  .addCommand(analyzeCommand())
  .addCommand(validateCommand())
  .addCommand(simulateCommand())
  .addCommand(evalCommand())
  .addCommand(signalsCommand())
  .addCommand(baselineCommand());

// Each subcommand reports its own errors; anything reaching here is a bug or a broken environment.
program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`hydrawatch: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});

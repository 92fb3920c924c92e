// The `hydrawatch` command: one subcommand per file in this folder, registered here.
import { Command } from 'commander';
import { evalCommand } from './eval.ts';
import { validateCommand } from './validate.ts';

const program = new Command('hydrawatch')
  .description('Find distillation campaigns in LLM API traffic.')
  .version('0.1.0')
  .showHelpAfterError()
  .addCommand(validateCommand())
  .addCommand(evalCommand());

// Each subcommand reports its own errors; anything reaching here is a bug or a broken environment.
program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`hydrawatch: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});

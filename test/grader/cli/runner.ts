/**
 * A model of how the GitHub Actions runner reads workflow commands from a
 * step's output (actions/runner, ActionCommandManager): per line, after
 * optional leading whitespace, `::name props::data`; or the older
 * `##[name props]data` anywhere in a line. After `::stop-commands::TOKEN`
 * no command runs until a line `::TOKEN::`.
 */
export interface SeenCommand {
  name: string;
  data: string;
  line: string;
}

/** The commands the runner would execute; with `honourStop` false, every command-shaped line (an older viewer's reading). */
export function runnerCommands(output: string, { honourStop = true } = {}): SeenCommand[] {
  const seen: SeenCommand[] = [];
  let stopToken: string | undefined;
  for (const line of output.split(/\r?\n|\r/)) {
    const command = parse(line);
    if (!command) continue;
    if (stopToken !== undefined && honourStop) {
      if (command.name.toLowerCase() === stopToken.toLowerCase()) stopToken = undefined;
      continue;
    }
    if (command.name === 'stop-commands') stopToken = command.data;
    seen.push(command);
  }
  return seen;
}

function parse(line: string): SeenCommand | undefined {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    if (end === -1) return undefined;
    return { name: trimmed.slice(2, end).split(' ')[0]!, data: trimmed.slice(end + 2), line };
  }
  const start = line.indexOf('##[');
  if (start === -1) return undefined;
  const close = line.indexOf(']', start);
  if (close === -1) return undefined;
  return { name: line.slice(start + 3, close).split(' ')[0]!, data: line.slice(close + 1), line };
}

/**
 * `npm test`'s first step (the `pretest` script): the programs the tests drive that npm cannot install.
 * Debian's Chromium for the browser tests (playwright-core drives /usr/bin/chromium; it cannot download
 * a browser here) and, for the local Neo4j, Java 17 or 21 and Maven. Run as root on a Debian machine,
 * what is missing is installed with apt-get; anywhere else the run stops at once with the one command
 * to type, instead of failing minutes later inside a test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

interface Tool {
  what: string;
  /** Debian's package for it. */
  apt: string;
  present(): boolean;
}

const runs = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' });

function javaMajor(): number | null {
  const out = runs('java', ['-version']);
  if (out.error) return null;
  const match = /version "(\d+)/.exec(`${out.stderr}${out.stdout}`);
  return match ? Number(match[1]) : null;
}

const TOOLS: Tool[] = [
  { what: 'Chromium (browser tests)', apt: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  {
    what: 'Java 17 or 21 (the local Neo4j)',
    apt: 'openjdk-17-jre-headless',
    present: () => [17, 21].includes(javaMajor() ?? 0) || existsSync('/usr/lib/jvm/java-17-openjdk-amd64'),
  },
  { what: 'Maven (resolves the Neo4j jars)', apt: 'maven', present: () => !runs('mvn', ['-v']).error },
];

const missing = TOOLS.filter((t) => !t.present());
if (missing.length > 0) {
  const packages = missing.map((t) => t.apt);
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    process.stderr.write(
      `\nMissing for the tests: ${missing.map((t) => t.what).join(', ')}.\n` +
        `Install with:  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}\n\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`Installing what the tests need: ${packages.join(' ')}\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}

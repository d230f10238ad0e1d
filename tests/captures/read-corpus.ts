// Reads tests/captures/corpus/: every <family>/<case>/ folder with its capture.yaml, expected.yaml and streams.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CaptureSchema, type Capture } from '../../src/schemas/capture.ts';
import { parseOrThrow } from '../../src/schemas/parse.ts';
import { ExpectedSchema, type Expected } from './expected-schema.ts';

export const corpusDir = path.resolve(import.meta.dirname, 'corpus');

/** One capture folder, parsed. */
export interface CorpusEntry {
  /** `<family>/<case>`. */
  id: string;
  dir: string;
  capture: Capture;
  expected: Expected;
  /** Files in the folder besides capture.yaml and expected.yaml. */
  files: string[];
  stdout: Buffer;
  stderr: Buffer;
}

/** `<family>/<case>` of every folder two levels under the corpus, whatever it holds. */
export function listCaptureFolders(dir = corpusDir): string[] {
  if (!existsSync(dir)) return [];
  const subdirs = (d: string) => readdirSync(d).filter((name) => statSync(path.join(d, name)).isDirectory()).sort();
  return subdirs(dir).flatMap((family) => subdirs(path.join(dir, family)).map((name) => `${family}/${name}`));
}

function readYaml(file: string): unknown {
  return parseYaml(readFileSync(file, 'utf8'));
}

/** Parses one folder; throws with the file and field when capture.yaml or expected.yaml is malformed. */
export function readCapture(id: string, dir = corpusDir): CorpusEntry {
  const folder = path.join(dir, id);
  const rel = (name: string) => path.relative(process.cwd(), path.join(folder, name));
  const capture = parseOrThrow(CaptureSchema, readYaml(path.join(folder, 'capture.yaml')), { file: rel('capture.yaml'), what: 'capture' });
  const expected = parseOrThrow(ExpectedSchema, readYaml(path.join(folder, 'expected.yaml')), { file: rel('expected.yaml'), what: 'expected reading' });
  const stream = (name: string | undefined) => (name ? readFileSync(path.join(folder, name)) : Buffer.alloc(0));
  return {
    id,
    dir: folder,
    capture,
    expected,
    files: readdirSync(folder).filter((name) => name !== 'capture.yaml' && name !== 'expected.yaml').sort(),
    stdout: stream(capture.streams.stdout),
    stderr: stream(capture.streams.stderr),
  };
}

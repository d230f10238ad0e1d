import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Whether `command` would run from a shell with this PATH: an executable path, or an executable file in a PATH directory. */
export function isCommandOnPath(command: string, searchPath: string = process.env.PATH ?? ''): boolean {
  const executable = (file: string) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false; // not there or not executable: exactly the answer asked for
    }
  };
  if (command.includes('/')) return executable(command);
  return searchPath.split(path.delimiter).some((dir) => dir !== '' && executable(path.join(dir, command)));
}

/**
 * How to put the key into an env var on each OS without writing it into a config file or shell
 * history. Generated from the env var NAME in `gateway.yaml`; the value never appears here.
 */
import type { Gateway } from '../schemas/gateway.ts';
import type { Snippet } from './types.ts';

/** Secret setup snippets for `keyEnv`, one group per OS, in the order the guides show them. */
export function secretSetupSnippets(keyEnv: string): Snippet[] {
  return [
    {
      id: 'secret-bash',
      title: 'bash / zsh (this shell)',
      lang: 'bash',
      os: 'unix',
      // `read -rs` keeps the key out of shell history and off the screen.
      code: `read -rs ${keyEnv} && export ${keyEnv}\n`,
    },
    {
      id: 'secret-macos-keychain',
      title: 'macOS Keychain (every new shell)',
      lang: 'bash',
      os: 'unix',
      code: [
        `# once: store the key (prompts for it)`,
        `security add-generic-password -a "$USER" -s ${keyEnv} -w`,
        `# in ~/.zshrc or ~/.bashrc:`,
        `export ${keyEnv}="$(security find-generic-password -a "$USER" -s ${keyEnv} -w)"`,
        '',
      ].join('\n'),
    },
    {
      id: 'secret-linux-secret-tool',
      title: 'Linux Secret Service (every new shell)',
      lang: 'bash',
      os: 'unix',
      code: [
        `# once: store the key (prompts for it; needs libsecret-tools)`,
        `secret-tool store --label=${keyEnv} env ${keyEnv}`,
        `# in ~/.bashrc or ~/.zshrc:`,
        `export ${keyEnv}="$(secret-tool lookup env ${keyEnv})"`,
        '',
      ].join('\n'),
    },
    {
      id: 'secret-powershell',
      title: 'PowerShell (this session)',
      lang: 'powershell',
      os: 'windows',
      code: `$env:${keyEnv} = Read-Host -MaskInput '${keyEnv}'\n`,
    },
    {
      id: 'secret-setx',
      title: 'Windows, persistent (setx)',
      lang: 'powershell',
      os: 'windows',
      // setx only reaches processes started afterwards: the client must be restarted completely.
      code: [
        `setx ${keyEnv} (Read-Host -MaskInput '${keyEnv}')`,
        `# then quit the client completely and start it again: setx only affects new processes`,
        '',
      ].join('\n'),
    },
  ];
}

/** The secret setup the guides show: every environment's key env var, each once. */
export function guideSecretSnippets(gateway: Gateway): Snippet[] {
  const keyEnvs = [...new Set(Object.values(gateway.environments).map((env) => env.keyEnv))];
  return keyEnvs.flatMap((name) => secretSetupSnippets(name));
}

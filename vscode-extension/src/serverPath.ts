//! Where the `wbg-lsp` binary is: the `wbg.server.path` setting, else `wbg-lsp` on `PATH`,
//! else cargo's install directory (VS Code started from a desktop menu often lacks
//! `~/.cargo/bin` on its `PATH`). Pure: the file system and environment come in as arguments.

import * as path from 'path';

export const SERVER_NAME = 'wbg-lsp';

export const INSTALL_COMMAND = 'cargo install --path lsp-server';

export interface Env {
  PATH?: string | undefined;
  HOME?: string | undefined;
  CARGO_HOME?: string | undefined;
}

export type Resolution =
  | { kind: 'found'; path: string; from: 'setting' | 'PATH' | 'cargo' }
  | { kind: 'missing'; message: string };

/**
 * Resolves the server binary. `isExecutable` tells whether a path is an executable file;
 * `setting` is `wbg.server.path` (empty when unset); `platform` decides `.exe` and `;`.
 */
export function resolveServer(
  setting: string,
  env: Env,
  isExecutable: (p: string) => boolean,
  platform: NodeJS.Platform = process.platform,
): Resolution {
  const exe = platform === 'win32' ? `${SERVER_NAME}.exe` : SERVER_NAME;
  const configured = setting.trim();
  if (configured !== '') {
    const expanded = expandHome(configured, env.HOME);
    if (isExecutable(expanded)) {
      return { kind: 'found', path: expanded, from: 'setting' };
    }
    return {
      kind: 'missing',
      message:
        `wbg: the language server set in \`wbg.server.path\` (${expanded}) is not an executable file. ` +
        `Fix the setting, or install the server from a wbg checkout with \`${INSTALL_COMMAND}\`.`,
    };
  }
  const sep = platform === 'win32' ? ';' : ':';
  for (const dir of (env.PATH ?? '').split(sep)) {
    if (dir === '') continue;
    const candidate = path.join(dir, exe);
    if (isExecutable(candidate)) {
      return { kind: 'found', path: candidate, from: 'PATH' };
    }
  }
  const cargoHome = env.CARGO_HOME ?? (env.HOME ? path.join(env.HOME, '.cargo') : undefined);
  if (cargoHome) {
    const candidate = path.join(cargoHome, 'bin', exe);
    if (isExecutable(candidate)) {
      return { kind: 'found', path: candidate, from: 'cargo' };
    }
  }
  return {
    kind: 'missing',
    message:
      `wbg: the language server \`${SERVER_NAME}\` was not found on PATH. ` +
      `Install it from a wbg checkout with \`${INSTALL_COMMAND}\`, or set \`wbg.server.path\`.`,
  };
}

function expandHome(p: string, home: string | undefined): string {
  if (home && (p === '~' || p.startsWith('~/'))) {
    return path.join(home, p.slice(1));
  }
  return p;
}

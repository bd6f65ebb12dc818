//! What the status bar item shows, from the server's `wbg/status` notifications and the
//! client's own state. Pure: the extension turns a `StatusView` into a `StatusBarItem`.

/** Params of the server's `wbg/status` notification (lsp-server/src/regen/mod.rs). */
export interface StatusParams {
  crateDir: string;
  state: 'regenerating' | 'done' | 'failed';
  message: string;
}

export type ServerState = 'starting' | 'running' | 'stopped' | 'missing';

export interface StatusModel {
  server: ServerState;
  /** The last `wbg/status` of each crate, by crate directory. */
  crates: Map<string, StatusParams>;
  /** Why the server is stopped or missing, if known. */
  reason?: string | undefined;
}

export interface StatusView {
  text: string;
  tooltip: string;
  /** Shown with the error background. */
  error: boolean;
}

export function initialModel(): StatusModel {
  return { server: 'starting', crates: new Map() };
}

/** The model after a `wbg/status` notification. */
export function update(model: StatusModel, params: StatusParams): StatusModel {
  const crates = new Map(model.crates);
  // Re-inserting moves the crate last, so the newest result is the last one.
  crates.delete(params.crateDir);
  crates.set(params.crateDir, params);
  return { ...model, crates };
}

function crateName(dir: string): string {
  const parts = dir.split(/[\\/]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? dir;
}

export function view(model: StatusModel): StatusView {
  const click = 'Click to show the wbg output.';
  switch (model.server) {
    case 'starting':
      return { text: '$(sync~spin) wbg', tooltip: `wbg: starting wbg-lsp\n${click}`, error: false };
    case 'missing':
      return { text: '$(error) wbg: no server', tooltip: `${model.reason ?? 'wbg-lsp not found'}\n${click}`, error: true };
    case 'stopped':
      return { text: '$(circle-slash) wbg: stopped', tooltip: `${model.reason ?? 'wbg-lsp stopped'}\n${click}`, error: true };
    case 'running':
      break;
  }
  const all = [...model.crates.values()];
  const busy = all.filter((s) => s.state === 'regenerating');
  if (busy.length > 0) {
    const names = busy.map((s) => crateName(s.crateDir)).join(', ');
    return {
      text: `$(sync~spin) wbg: regenerating ${names}`,
      tooltip: `${busy.map((s) => s.message).join('\n')}\n${click}`,
      error: false,
    };
  }
  const failed = all.filter((s) => s.state === 'failed');
  if (failed.length > 0) {
    const last = failed[failed.length - 1]!;
    return {
      text: `$(error) wbg: ${crateName(last.crateDir)} failed`,
      tooltip: `${last.message}\n${click}`,
      error: true,
    };
  }
  const last = all[all.length - 1];
  return {
    text: '$(check) wbg',
    tooltip: `${last ? `Last: ${crateName(last.crateDir)}: ${last.message}` : 'wbg-lsp is running; save a .rs file to regenerate the glue'}\n${click}`,
    error: false,
  };
}

//! Which `wbg.*` settings the server reads, and the object sent to it as
//! `initializationOptions` and with `workspace/didChangeConfiguration`.
//!
//! The keys mirror `Config` in lsp-server/src/config.rs (camelCase); a unit test checks
//! them against that struct and against package.json's `contributes.configuration`.

/** Settings the server reads, by their key under `wbg.`. */
export const SERVER_SETTINGS = ['regenerateOnSave', 'outDir', 'target', 'profile', 'cargoArgs'] as const;

/** Settings only the extension reads (never sent). */
export const CLIENT_SETTINGS = ['server.path', 'trace.server'] as const;

export type ServerSettingKey = (typeof SERVER_SETTINGS)[number];

/** What the server receives: only the keys that are set to something. */
export type ServerSettings = Partial<Record<ServerSettingKey, unknown>>;

/**
 * The server's settings from a reader of the `wbg` section (VS Code's
 * `WorkspaceConfiguration.get`). Undefined values are left out, so the server keeps its
 * own defaults for them; values are passed as they are and the server reports wrong types.
 */
export function serverSettings(get: (key: string) => unknown): ServerSettings {
  const out: ServerSettings = {};
  for (const key of SERVER_SETTINGS) {
    const value = get(key);
    if (value !== undefined && value !== null) {
      out[key] = value;
    }
  }
  return out;
}

/** Whether a change of these `wbg.*` keys needs the server restarted rather than told. */
export function needsRestart(changed: (section: string) => boolean): boolean {
  return changed('wbg.server.path');
}

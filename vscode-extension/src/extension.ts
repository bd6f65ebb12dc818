//! The VS Code side of wbg: starts `wbg-lsp` over stdio with vscode-languageclient,
//! forwards the `wbg.*` settings, and adds the commands and the status bar item. What is
//! decided here lives in the pure modules beside it (settings, serverPath, status, glue);
//! this file only wires them to the VS Code API.

import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';

import { type CrateGlue, glueUriParts, renderGlue, SCHEME } from './glue';
import { type Env, INSTALL_COMMAND, resolveServer } from './serverPath';
import { needsRestart, serverSettings } from './settings';
import * as status from './status';

const CLIENT_ID = 'wbg';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let traceOutput: vscode.OutputChannel;
let statusItem: vscode.StatusBarItem;
let model = status.initialModel();
const glueChanged = new vscode.EventEmitter<vscode.Uri>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('wbg');
  traceOutput = vscode.window.createOutputChannel('wbg Language Server trace');
  statusItem = vscode.window.createStatusBarItem('wbg.status', vscode.StatusBarAlignment.Left, 0);
  statusItem.name = 'wbg';
  statusItem.command = 'wbg.showOutput';
  context.subscriptions.push(output, traceOutput, statusItem, glueChanged);

  context.subscriptions.push(
    vscode.commands.registerCommand('wbg.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('wbg.restartServer', () => restart()),
    vscode.commands.registerCommand('wbg.regenerate', () => regenerate()),
    vscode.commands.registerCommand('wbg.showGenerated', () => showGenerated()),
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      onDidChange: glueChanged.event,
      provideTextDocumentContent: (uri) => glueText(uri),
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('wbg')) return;
      if (needsRestart((s) => e.affectsConfiguration(s))) {
        void restart();
      } else if (client?.isRunning()) {
        void client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: currentSettings(),
        });
      }
    }),
  );

  if (!(await workspaceHasCargoToml())) {
    output.appendLine('wbg: no Cargo.toml in this workspace; wbg-lsp is not started.');
    return;
  }
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function workspaceHasCargoToml(): Promise<boolean> {
  const found = await vscode.workspace.findFiles('**/Cargo.toml', '**/{target,node_modules}/**', 1);
  return found.length > 0;
}

function currentSettings() {
  const config = vscode.workspace.getConfiguration('wbg');
  return serverSettings((key) => config.get(key));
}

function serverEnv(): Env {
  const { PATH, HOME, CARGO_HOME } = process.env;
  return { PATH, HOME, CARGO_HOME };
}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function render(): void {
  const v = status.view(model);
  statusItem.text = v.text;
  statusItem.tooltip = v.tooltip;
  statusItem.backgroundColor = v.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  statusItem.show();
}

function setServer(server: status.ServerState, reason?: string): void {
  model = { ...model, server, reason };
  render();
}

async function start(): Promise<void> {
  setServer('starting');
  const setting = vscode.workspace.getConfiguration('wbg').get<string>('server.path') ?? '';
  const found = resolveServer(setting, serverEnv(), isExecutable);
  if (found.kind === 'missing') {
    output.appendLine(found.message);
    setServer('missing', found.message);
    void vscode.window
      .showErrorMessage(found.message, 'Copy install command', 'Open settings')
      .then(async (choice) => {
        if (choice === 'Copy install command') {
          await vscode.env.clipboard.writeText(INSTALL_COMMAND);
        } else if (choice === 'Open settings') {
          await vscode.commands.executeCommand('workbench.action.openSettings', 'wbg.server.path');
        }
      });
    return;
  }
  output.appendLine(`wbg: starting ${found.path} (from ${found.from})`);

  // `TransportKind.stdio` makes the client pass `--stdio`, which wbg-lsp accepts.
  const serverOptions: ServerOptions = { command: found.path, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'rust' }],
    initializationOptions: currentSettings(),
    outputChannel: output,
    traceOutputChannel: traceOutput,
  };
  const c = new LanguageClient(CLIENT_ID, 'wbg Language Server', serverOptions, clientOptions);
  client = c;
  c.onDidChangeState((e) => {
    if (client !== c) return;
    if (e.newState === State.Running) setServer('running');
    else if (e.newState === State.Stopped) setServer('stopped', 'wbg-lsp stopped');
  });
  c.onNotification('wbg/status', (params: status.StatusParams) => {
    output.appendLine(`wbg: ${params.state}: ${params.message}`);
    model = status.update(model, params);
    render();
  });
  c.onNotification('wbg/generated', () => {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === SCHEME) glueChanged.fire(doc.uri);
    }
  });
  try {
    await c.start();
  } catch (e) {
    const message = `wbg: wbg-lsp (${found.path}) failed to start: ${e instanceof Error ? e.message : String(e)}`;
    output.appendLine(message);
    setServer('stopped', message);
    void vscode.window.showErrorMessage(message);
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c?.isRunning()) {
    await c.stop(5000).catch((e: unknown) => output.appendLine(`wbg: stopping wbg-lsp: ${String(e)}`));
  }
}

async function restart(): Promise<void> {
  output.appendLine('wbg: restarting wbg-lsp');
  await stop();
  model = status.initialModel();
  await start();
}

/** The running client, or undefined after telling the user why there is none. */
function runningClient(): LanguageClient | undefined {
  if (client?.isRunning()) return client;
  void vscode.window.showWarningMessage(
    `wbg: the language server is not running (${model.reason ?? 'see the wbg output'}).`,
  );
  return undefined;
}

function activeRustDocument(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === 'rust' && doc.uri.scheme === 'file') return doc;
  void vscode.window.showWarningMessage('wbg: open a Rust file of a crate that uses wasm-bindgen first.');
  return undefined;
}

async function regenerate(): Promise<void> {
  const c = runningClient();
  const doc = c && activeRustDocument();
  if (!c || !doc) return;
  // The server builds what is on disk.
  if (doc.isDirty) await doc.save();
  try {
    await c.sendRequest('wbg/regenerate', { textDocument: { uri: doc.uri.toString() } });
  } catch (e) {
    void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
  }
}

async function generatedFiles(c: LanguageClient, sourceUri: string): Promise<CrateGlue> {
  return c.sendRequest<CrateGlue>('wbg/generatedFiles', { textDocument: { uri: sourceUri } });
}

async function showGenerated(): Promise<void> {
  const c = runningClient();
  const doc = c && activeRustDocument();
  if (!c || !doc) return;
  try {
    const glue = await generatedFiles(c, doc.uri.toString());
    const uri = vscode.Uri.from({ scheme: SCHEME, ...glueUriParts(doc.uri.toString(), glue.crateDir) });
    const glueDoc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(glueDoc, {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
      preview: true,
    });
  } catch (e) {
    void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
  }
}

async function glueText(uri: vscode.Uri): Promise<string> {
  const c = client;
  if (!c?.isRunning()) return '// wbg: the language server is not running.\n';
  try {
    return renderGlue(await generatedFiles(c, uri.query));
  } catch (e) {
    return `// wbg: ${e instanceof Error ? e.message : String(e)}\n`;
  }
}

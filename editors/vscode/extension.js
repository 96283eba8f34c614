// extension.js - the Mica extension's language client: starts `micac lsp`
// (JSON-RPC over stdio) for Mica files, and for the YAML files that the
// mica.yamlPolicies setting names, with vscode-languageclient.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverOptions(cfg) {
  return {
    command: cfg.get('server.path') || 'micac',
    args: ['lsp', ...cfg.get('server.args', [])],
    transport: TransportKind.stdio,
  };
}

function documentSelector(cfg) {
  const yaml = cfg.get('yamlPolicies', []).map((pattern) => ({ scheme: 'file', language: 'yaml', pattern }));
  return [{ scheme: 'file', language: 'mica' }, { scheme: 'untitled', language: 'mica' }, ...yaml];
}

async function start() {
  const cfg = vscode.workspace.getConfiguration('mica');
  if (!cfg.get('server.enable', true))
    return;
  client = new LanguageClient('mica', 'Mica (micac lsp)', serverOptions(cfg), {
    documentSelector: documentSelector(cfg),
  });
  try {
    await client.start();
  } catch (err) {
    client = undefined;
    vscode.window.showErrorMessage(
      `Mica: could not start "${serverOptions(cfg).command} lsp": ${err.message || err}. ` +
      'Install micac (the Debian package puts it in /usr/bin) or set mica.server.path.');
  }
}

async function stop() {
  if (client) {
    const c = client;
    client = undefined;
    await c.stop();
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('mica.restartServer', async () => { await stop(); await start(); }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('mica.server') || e.affectsConfiguration('mica.yamlPolicies')) {
        await stop();
        await start();
      }
    }),
    { dispose: () => { stop(); } },
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };

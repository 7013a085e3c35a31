// Starts `zan lsp` (or the command in the setting zan.server.command) for .zan, .facts and .scenario files.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration("zan").get("server.command", ["zan", "lsp"]);
  client = new LanguageClient(
    "zan",
    "Zan",
    { command, args },
    { documentSelector: [{ scheme: "file", language: "zan" }] }
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

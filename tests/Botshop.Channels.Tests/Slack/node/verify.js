// Differential oracle for the C# Slack verifier: Slack's own bolt-js verifier judges each request of a corpus.
// stdin: one JSON case per line {id, secret, body, timestamp, signature, nowMs}; stdout: {id, valid} per line.
'use strict';
const readline = require('node:readline');
const { isValidSlackRequest } = require('@slack/bolt');

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  if (!line.trim()) return;
  const c = JSON.parse(line);
  const valid = isValidSlackRequest({
    signingSecret: c.secret,
    body: c.body,
    headers: { 'x-slack-signature': c.signature, 'x-slack-request-timestamp': Number(c.timestamp) },
    nowMilliseconds: c.nowMs,
  });
  process.stdout.write(JSON.stringify({ id: c.id, valid }) + '\n');
});

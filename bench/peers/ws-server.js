'use strict';
// Bare `ws` room broadcast: the ceiling of this machine's loopback for the same traffic.
// The first message is {"join": "<room>"}, answered with {"joined": "<room>"}; every later
// message is sent verbatim, as text, to every socket of that room, the sender included.
const http = require('http');
const { WebSocketServer } = require('ws');

const port = Number(process.env.PORT || 9101);
const host = process.env.HOST || '127.0.0.1';

const httpServer = http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"up"}');
    return;
  }
  res.writeHead(404);
  res.end();
});

const wss = new WebSocketServer({ server: httpServer, perMessageDeflate: false, maxPayload: 64 * 1024 });
const rooms = new Map();

wss.on('connection', (ws) => {
  let members = null;
  ws.on('message', (data, isBinary) => {
    if (members === null) {
      let join;
      try {
        join = JSON.parse(data.toString());
      } catch (e) {
        ws.close(1003, 'first message must be {"join": room}');
        return;
      }
      if (!join || typeof join.join !== 'string') {
        ws.close(1003, 'first message must be {"join": room}');
        return;
      }
      members = rooms.get(join.join);
      if (!members) {
        members = new Set();
        rooms.set(join.join, members);
      }
      members.add(ws);
      ws.send(JSON.stringify({ joined: join.join }));
      ws.on('close', () => {
        members.delete(ws);
        if (members.size === 0) rooms.delete(join.join);
      });
      return;
    }
    for (const peer of members) {
      if (peer.readyState === 1) peer.send(data, { binary: isBinary });
    }
  });
});

httpServer.listen(port, host, () => {
  console.log(`ws peer listening on ${host}:${port} (pid ${process.pid})`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    wss.close();
    httpServer.close();
    process.exit(0);
  });
}

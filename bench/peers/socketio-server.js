'use strict';
// Socket.IO 4 room broadcast: the comparison peer with no persistence and no moderation.
// A client emits 'join' (room name, with an ack) and then 'msg' payloads; each msg is broadcast
// to every socket of the sender's room, the sender included. Nothing is stored.
const http = require('http');
const { Server } = require('socket.io');

const port = Number(process.env.PORT || 9102);
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

const io = new Server(httpServer, {
  transports: ['websocket'],
  perMessageDeflate: false,
  httpCompression: false,
  serveClient: false,
  maxHttpBufferSize: 64 * 1024,
});

io.on('connection', (socket) => {
  let room = null;
  socket.on('join', (name, ack) => {
    if (typeof name !== 'string' || room !== null) {
      if (typeof ack === 'function') ack({ ok: false });
      return;
    }
    room = name;
    socket.join(name);
    if (typeof ack === 'function') ack({ ok: true });
  });
  socket.on('msg', (payload) => {
    if (room !== null) io.to(room).emit('msg', payload);
  });
});

httpServer.listen(port, host, () => {
  console.log(`socket.io peer listening on ${host}:${port} (pid ${process.pid})`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    io.close();
    process.exit(0);
  });
}

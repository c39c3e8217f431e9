// Redis for the cluster: the CMS instances keep their shared rate-limit counts there.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';

/** Resolves to true when a Redis server answers PING at `url` (redis://host:port) within a second. */
export function redisAnswers(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    let reply = '';
    const done = (answer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/**
 * Starts `redis-server` on loopback as a child (nothing kept on disk) when it is installed;
 * resolves to the child once it answers, or to null when Redis is not installed.
 */
export async function startRedis({ port = 6379, log = () => {} } = {}) {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) return null;
  const child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (chunk) => log(`[redis] ${chunk.toString().trim()}`));
  const url = `redis://127.0.0.1:${port}`;
  for (let tries = 0; tries < 40; tries++) {
    if (child.exitCode !== null) return null;
    if (await redisAnswers(url)) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  return null;
}

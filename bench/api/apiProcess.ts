/**
 * Entry point of the API process the benchmark measures: the real server (server/main.ts) in a
 * process of its own, plus one IPC message, `memory`, answered with this process's
 * `process.memoryUsage()` (bytes), so the benchmark reads the API's RSS and heap without an endpoint
 * the app would not otherwise have. Started by apiServer.ts with an IPC channel.
 */
process.on('message', (message) => {
  if (message === 'memory') process.send?.({ memory: process.memoryUsage() });
});

await import('../../server/main.ts');
export {};

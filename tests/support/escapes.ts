/**
 * Errors that escaped every handler (unhandled rejections, uncaught exceptions) while a test watched:
 * in a real server process each would take it down. Tests of outages assert that none escaped.
 */
export function watchEscapes() {
  const escaped: unknown[] = [];
  const record = (error: unknown) => escaped.push(error);
  return {
    escaped,
    start() {
      process.on('unhandledRejection', record);
      process.on('uncaughtException', record);
    },
    stop() {
      process.off('unhandledRejection', record);
      process.off('uncaughtException', record);
    },
  };
}

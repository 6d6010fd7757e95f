/**
 * Configuration (server/config.ts): defaults for an empty environment, and a bad value stopping the
 * start with a ConfigError that names the variable.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

function configErrorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('runs with no environment at all: local Neo4j, port 8080, seed on start', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.NEO4J_DATABASE).toBe('neo4j');
    expect(config.SEED_ON_START).toBe(true);
  });

  it('reads numbers, flags and a Neo4j URI', () => {
    const config = loadConfig({
      PORT: '3000',
      SEED_ON_START: 'no',
      NEO4J_URI: 'neo4j+s://example.databases.test',
      NEO4J_QUERY_TIMEOUT_MS: '2500',
    });
    expect(config.PORT).toBe(3000);
    expect(config.SEED_ON_START).toBe(false);
    expect(config.NEO4J_URI).toBe('neo4j+s://example.databases.test');
    expect(config.NEO4J_QUERY_TIMEOUT_MS).toBe(2500);
  });

  it('reads every usual spelling of a flag, in any case, and names the variable when it is none', () => {
    for (const on of ['true', 'TRUE', '1', 'yes', 'on', 'Enabled'])
      expect(loadConfig({ SEED_ON_START: on }).SEED_ON_START, on).toBe(true);
    for (const off of ['false', '0', 'No', 'off', 'disabled'])
      expect(loadConfig({ SEED_ON_START: off }).SEED_ON_START, off).toBe(false);
    expect(configErrorOf({ SEED_ON_START: 'maybe' }).message).toMatch(/SEED_ON_START/);
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig({ PORT: '', NEO4J_URI: '' });
    expect(config.PORT).toBe(8080);
    expect(config.NEO4J_URI).toBeUndefined();
  });

  it('names PORT when it is not a port number', () => {
    for (const port of ['abc', '0', '65536', '80.5', '-1']) {
      expect(configErrorOf({ PORT: port }).message, port).toMatch(/\bPORT\b/);
    }
  });

  it('names NEO4J_URI when it is not a neo4j:// or bolt:// URI', () => {
    for (const uri of ['http://localhost:7474', 'localhost:7687', 'bolt:/missing-slash', 'neo4j+x://host']) {
      const error = configErrorOf({ NEO4J_URI: uri });
      expect(error.message, uri).toMatch(/NEO4J_URI/);
      expect(error.message).toMatch(/neo4j:\/\/ or bolt:\/\//);
    }
  });

  it('names every bad variable at once, and refuses a password Neo4j would refuse', () => {
    const message = configErrorOf({
      PORT: 'x',
      NEO4J_PASSWORD: 'short',
      SEED_ON_START: 'maybe',
      LOG_LEVEL: 'loud',
    }).message;
    for (const name of ['PORT', 'NEO4J_PASSWORD', 'SEED_ON_START', 'LOG_LEVEL']) expect(message).toContain(name);
  });
});

describe('loadConfig: sign-in (AUTH) and the host names answered', () => {
  it('runs without sign-in on a loopback HOST, and with it anywhere else, when AUTH is unset', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) {
      expect(loadConfig({ HOST: host }).AUTH, host).toBe('off');
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'atlas.example.org']) {
      expect(loadConfig({ HOST: host }).AUTH, host).toBe('on');
    }
    expect(loadConfig({ AUTH: 'on' }).AUTH).toBe('on');
  });

  it('refuses to start with AUTH=off on an address other machines can reach, and says why', () => {
    for (const host of ['0.0.0.0', '10.0.0.5', 'atlas.example.org']) {
      const message = configErrorOf({ AUTH: 'off', HOST: host }).message;
      expect(message).toContain(`HOST=${host}`);
      expect(message).toMatch(/AUTH=on/);
    }
    expect(loadConfig({ AUTH: 'off', HOST: '127.0.0.1' }).AUTH).toBe('off');
  });

  it('defaults the first admin, the session lifetimes and the host names', () => {
    const config = loadConfig({});
    expect(config.ADMIN_USERNAME).toBe('admin');
    expect(config.ADMIN_PASSWORD).toBeUndefined();
    expect(config.SESSION_IDLE_HOURS).toBe(8);
    expect(config.SESSION_MAX_DAYS).toBe(7);
    expect(config.ALLOWED_HOSTS).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(loadConfig({ HOST: 'atlas.example.org' }).ALLOWED_HOSTS).toContain('atlas.example.org');
    expect(loadConfig({ HOST: '0.0.0.0' }).ALLOWED_HOSTS).not.toContain('0.0.0.0');
    expect(loadConfig({ ALLOWED_HOSTS: 'atlas.example.org, localhost' }).ALLOWED_HOSTS).toEqual([
      'atlas.example.org',
      'localhost',
    ]);
  });

  it('refuses an ADMIN_PASSWORD shorter than a user may choose', () => {
    expect(configErrorOf({ ADMIN_PASSWORD: 'short' }).message).toContain('ADMIN_PASSWORD');
  });
});

/**
 * HTTP for accounts, under /api/users (admins only: auth/policy.ts): list, create, change (role,
 * password, disabled) and delete. Bodies are parsed with contract/auth.ts; the rules (the last admin
 * stays, sessions end on disable, delete and password reset) are services/users.ts's. Also GET
 * /api/usernames (analysts and admins, whoever may share): whom one can share with.
 */
import { Router } from 'express';
import { createUserRequest, updateUserRequest, usernameParam } from '../../contract/auth.ts';
import { actorOf } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { createUser, deleteUser, listUsers, updateUser, userDirectory } from '../services/users.ts';
import { parse } from './validate.ts';

/** Routes for users and the directory of usernames, under /api. */
export function userRoutes(db: Database): Router {
  const router = Router();

  router.get('/usernames', async (req, res) => {
    res.json(await userDirectory(db, actorOf(req, res)));
  });

  router.get('/users', async (req, res) => {
    res.json({ users: await listUsers(db, actorOf(req, res)) });
  });

  router.post('/users', async (req, res) => {
    const user = parse(createUserRequest, req.body, 'field');
    res.status(201).json(await createUser(db, actorOf(req, res), user));
  });

  router.patch('/users/:username', async (req, res) => {
    const { username } = parse(usernameParam, req.params);
    const change = parse(updateUserRequest, req.body, 'field');
    res.json(await updateUser(db, actorOf(req, res), username, change));
  });

  router.delete('/users/:username', async (req, res) => {
    const { username } = parse(usernameParam, req.params);
    await deleteUser(db, actorOf(req, res), username);
    res.status(204).end();
  });

  return router;
}

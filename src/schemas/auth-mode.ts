import { z } from 'astro/zod';

/** Which credential a request carries: none, the environment's key (`keyEnv`), a deliberately wrong key, or the admin key (`adminKeyEnv`). */
export const AuthModeSchema = z.enum(['none', 'key', 'wrong-key', 'admin']);

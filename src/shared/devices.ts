// Device tokens: what the operator issues to a phone or laptop that watches the board remotely.
import { z } from 'zod';

export const DEVICE_SCOPES = ['read', 'write'] as const;
export type DeviceScope = (typeof DEVICE_SCOPES)[number];

export const Device = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(DEVICE_SCOPES),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type Device = z.infer<typeof Device>;

export const DeviceCreate = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scope: z.enum(DEVICE_SCOPES).default('read'),
});
export type DeviceCreate = z.input<typeof DeviceCreate>;

import { z } from 'zod';

/** Companies and organizations are small reference tables; users point at them by id. */
export const organizationSchema = z.object({ id: z.string().min(1), name: z.string().min(1).max(200) });
export type Organization = z.infer<typeof organizationSchema>;

export const companySchema = z.object({ id: z.string().min(1), name: z.string().min(1).max(200) });
export type Company = z.infer<typeof companySchema>;

export type Plan = 'standard' | 'enterprise';

export interface Settings {
  plan: Plan;
  /** Muster's simulated "today", YYYY-MM-DD (SPEC §7). */
  today: string;
  /** Days an invitation stays valid (SPEC §3, Invite). */
  invitationValidityDays: number;
  /** The user id Muster acts as. */
  actorId: number;
  nextUserId: number;
  demoSize: number;
}

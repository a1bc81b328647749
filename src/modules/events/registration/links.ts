/**
 * One private link per registration, for its whole life: the link is derived from the registration's id with the
 * platform's keyed hash (a key of its own, from the platform secret), and only its plain hash is stored, as before.
 * So every email (confirmation, promotion from the waiting list, reminder, feedback invitation, "I lost my link")
 * carries the same link, and none of them makes an earlier one stop working.
 */
import type { FastifyInstance } from 'fastify';
import type { Tx } from '../../../core/db/database.js';
import type { EmailContext } from '../../../core/mail/outbox.js';
import { hashToken } from '../../../core/tokens.js';
import { setTokenHash } from './queries.js';

/** What the events' emails need: the outbox's context and the keyed hash their private links are derived with. */
export interface ParticipantMail extends EmailContext {
  keyedHash: (purpose: string, text: string) => string;
}

export function participantMail(app: FastifyInstance): ParticipantMail {
  return { translator: app.translator, publicUrl: app.config.publicUrl, keyedHash: (purpose, text) => app.keyedHash(purpose, text) };
}

/** The registration's private token: 43 base64url characters, as tokenPattern expects. */
export function registrationToken(mail: ParticipantMail, registrationId: number): string {
  return mail.keyedHash('registration-link', `registration:${registrationId}`);
}

/**
 * The registration's link, making sure it opens the registration. Registrations made before links were derived
 * (or after the platform secret changed) hold another link's hash: that one is replaced, once, by the derived link.
 */
export async function linkOf(trx: Tx, mail: ParticipantMail, registration: { id: number; token_hash?: string }): Promise<string> {
  const token = registrationToken(mail, registration.id);
  const hash = hashToken(token);
  if (registration.token_hash !== hash) await setTokenHash(trx, registration.id, hash);
  return token;
}

export function registrationUrl(mail: ParticipantMail, token: string, suffix = ''): string {
  return `${mail.publicUrl}/registrations/${token}${suffix}`;
}

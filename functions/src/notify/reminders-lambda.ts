import { logger } from '../platform/logger';
import { writeReminders } from './reminders';

/** Scheduled daily (18:00 Asia/Shanghai): reminders for the sessions of the next day. */
export async function handler(): Promise<{ written: number }> {
  const written = await writeReminders(new Date());
  logger.info('session reminders written', { written });
  return { written };
}

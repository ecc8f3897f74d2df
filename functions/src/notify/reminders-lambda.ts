import { writeVisitReminders } from '../care';
import { logger } from '../platform/logger';
import { writeReminders } from './reminders';

/**
 * Scheduled daily (18:00 Asia/Shanghai): reminders for the sessions of the next day, and each
 * grid worker's message about their overdue visits (to plan the next day's rounds). Both write
 * outbox events with ids derived from the day, so a second run sends nothing twice.
 */
export async function handler(): Promise<{ written: number; visitReminders: number }> {
  const now = new Date();
  const written = await writeReminders(now);
  const visitReminders = await writeVisitReminders(now);
  logger.info('daily reminders written', { written, visitReminders });
  return { written, visitReminders };
}

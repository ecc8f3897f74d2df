/** The moderation feature's public face: content security that other features screen their texts and photos with. */
export { screenStaffText, screenText, type Screening, type ScreenInput } from './screen';
export {
  onlyPassedPhotos,
  requestMediaChecks,
  statuses as mediaStatuses,
  type MediaStatus,
  type MediaToCheck,
} from './media';

// Service-tile icons: PNGs drawn from NutUI's icon set by scripts/tab-icons.ts (`npm run icons`).
// Emoji showed as ☒ on phones without an emoji font; images look the same everywhere.
import iconCalendar from '../../assets/icons/calendar.png';
import iconCanteen from '../../assets/icons/canteen.png';
import iconCategory from '../../assets/icons/category.png';
import iconCouncil from '../../assets/icons/council.png';
import iconDelivery from '../../assets/icons/delivery.png';
import iconEdit from '../../assets/icons/edit.png';
import iconFigures from '../../assets/icons/figures.png';
import iconGift from '../../assets/icons/gift.png';
import iconHome from '../../assets/icons/home.png';
import iconKey from '../../assets/icons/key.png';
import iconLedger from '../../assets/icons/ledger.png';
import iconList from '../../assets/icons/list.png';
import iconMail from '../../assets/icons/mail.png';
import iconMembers from '../../assets/icons/members.png';
import iconMessage from '../../assets/icons/message.png';
import iconNotice from '../../assets/icons/notice.png';
import iconPartner from '../../assets/icons/partner.png';
import iconReceipt from '../../assets/icons/receipt.png';
import iconRegister from '../../assets/icons/register.png';
import iconReport from '../../assets/icons/report.png';
import iconSetting from '../../assets/icons/setting.png';
import iconStar from '../../assets/icons/star.png';
import iconStore from '../../assets/icons/store.png';
import iconTicket from '../../assets/icons/ticket.png';
import iconVerify from '../../assets/icons/verify.png';
import iconVolunteer from '../../assets/icons/volunteer.png';

/** Every icon a service tile can show, by name. */
export const ENTRY_ICONS = {
  calendar: iconCalendar as string,
  canteen: iconCanteen as string,
  category: iconCategory as string,
  council: iconCouncil as string,
  delivery: iconDelivery as string,
  edit: iconEdit as string,
  figures: iconFigures as string,
  gift: iconGift as string,
  home: iconHome as string,
  key: iconKey as string,
  ledger: iconLedger as string,
  list: iconList as string,
  mail: iconMail as string,
  members: iconMembers as string,
  message: iconMessage as string,
  notice: iconNotice as string,
  partner: iconPartner as string,
  receipt: iconReceipt as string,
  register: iconRegister as string,
  report: iconReport as string,
  setting: iconSetting as string,
  star: iconStar as string,
  store: iconStore as string,
  ticket: iconTicket as string,
  verify: iconVerify as string,
  volunteer: iconVolunteer as string,
} as const;

export type EntryIcon = keyof typeof ENTRY_ICONS;

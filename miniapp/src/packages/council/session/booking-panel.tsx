import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Booking } from '@linli/shared/contract';
import { BookingStatusTag } from '../../../components/booking-status';
import { useBookSeat, useCancelBooking, type SessionDetail } from '../../../hooks/use-council';
import type { ActingFor } from '../../../services/acting-for';
import { CONSENT_FOR_TAP } from '@linli/shared/contract/notify';
import { askConsent } from '../../../services/subscribe';
import { formatMoment } from '../../../utils/session-time';
import { QrCode } from '../../../components/qr-code';

interface BookingPanelProps {
  detail: SessionDetail;
  /** The member booked for (代办), or null for oneself. */
  acting: ActingFor | null;
  communityId: string;
  /** Loads the session again after a booking or a cancellation. */
  onChanged: () => void;
}

type Session = SessionDetail['session'];

/** Why no seat can be booked right now, or undefined when the booking window is open. */
export function bookingClosedReason(session: Session, now: Date = new Date()): string | undefined {
  const t = now.getTime();
  if (session.status === 'cancelled') return '这场议事会已取消，不能预约。';
  if (t >= Date.parse(session.startsAt)) return '议事会已经开始，不能再预约。';
  if (t < Date.parse(session.bookingOpensAt)) return `预约将于 ${formatMoment(session.bookingOpensAt)} 开始。`;
  if (t >= Date.parse(session.bookingClosesAt)) return `预约已于 ${formatMoment(session.bookingClosesAt)} 截止。`;
  return undefined;
}

/** Whether a new booking would only join the waitlist (as the server decides it). */
export const onlyWaitlist = (session: Session) => !(session.seatsLeft > 0 && session.waiting === 0);

/** The cutoff line and the 取消 button, or why cancelling is no longer possible. */
function CancelArea({
  booking,
  session,
  pending,
  onCancel,
}: {
  booking: Booking;
  session: Session;
  pending: boolean;
  onCancel: () => void;
}) {
  const what = booking.status === 'waitlisted' ? '候补' : '预约';
  if (session.status === 'cancelled') return null;
  if (Date.now() >= Date.parse(session.cancelCutoffAt)) {
    return (
      <Text className="session__text session__note">
        已过取消截止时间（{formatMoment(session.cancelCutoffAt)}），如不能参加请联系社区。
      </Text>
    );
  }
  return (
    <>
      <Text className="session__text linli-muted">
        {formatMoment(session.cancelCutoffAt)} 前可以取消{what}。
      </Text>
      <Button
        className="session__action session__action--danger"
        size="large"
        block
        loading={pending}
        onClick={onCancel}
      >
        取消{what}
      </Button>
    </>
  );
}

/** The seat: QR code and 签到码 to show at the door. */
function Ticket({ booking, whose }: { booking: Booking; whose: string }) {
  return (
    <View className="ticket">
      <Text className="session__text">
        {whose}入场时请出示下面的二维码，或把签到码告诉工作人员。开始前 1 小时起可以签到。
      </Text>
      {booking.qrPayload ? (
        <View className="ticket__qr">
          <QrCode text={booking.qrPayload} label={`${booking.memberName}的签到二维码`} />
        </View>
      ) : null}
      {booking.checkinCode ? (
        <View className="ticket__code-box">
          <Text className="ticket__code-label">签到码</Text>
          <Text className="ticket__code">{booking.checkinCode}</Text>
        </View>
      ) : null}
    </View>
  );
}

/** My booking of this session (or the acted-for member's), and booking or cancelling it. */
export function BookingPanel({ detail, acting, communityId, onChanged }: BookingPanelProps) {
  const { session, myBooking, restriction } = detail;
  const book = useBookSeat(communityId, session.sessionId);
  const cancel = useCancelBooking(communityId, session.sessionId);
  const whose = acting ? acting.realName : '您';

  const join = async () => {
    // WeChat shows the consent dialog only inside the tap, so it comes before the request.
    // Staff booking for a member would consent for themselves, not for the member: no dialog.
    // A booked seat may later be cancelled or reminded of, a waitlisted one promoted: both templates.
    if (acting?.via !== 'staff') await askConsent(CONSENT_FOR_TAP.booking);
    const booking = await book.submit();
    if (!booking) return;
    void Taro.showToast({
      title:
        booking.status === 'waitlisted'
          ? booking.waitlistPosition
            ? `已加入候补，排第${booking.waitlistPosition}位`
            : '已加入候补'
          : acting
            ? `已为${acting.realName}预约`
            : '预约成功',
      icon: 'none',
      duration: 2500,
    });
    onChanged();
  };

  const cancelBooking = async (booking: Booking) => {
    const what = booking.status === 'waitlisted' ? '候补' : '预约';
    const { confirm } = await Taro.showModal({
      title: `取消${what}`,
      content: `确定取消${acting ? `${acting.realName}的` : ''}“${session.title}”${what}吗？${
        booking.status === 'booked' ? '座位会让给候补的居民。' : ''
      }`,
      confirmText: '确定取消',
      cancelText: '不取消',
    });
    if (!confirm) return;
    if (await cancel.submit()) {
      void Taro.showToast({ title: `已取消${what}`, icon: 'none', duration: 2000 });
      onChanged();
    }
  };

  // Bookings of a cancelled session keep their stored state; they no longer admit anyone.
  if (session.status === 'cancelled') {
    return (
      <View className="linli-card">
        <Text className="session__title">议事会已取消</Text>
        <Text className="session__text">
          {myBooking
            ? `${acting ? `${acting.realName}的` : '您的'}${myBooking.status === 'waitlisted' ? '候补' : '预约'}随之失效，不用再到场。`
            : '这场议事会不再召开，不能预约。'}
        </Text>
      </View>
    );
  }

  if (myBooking) {
    return (
      <View className="linli-card">
        <View className="session__row">
          <Text className="session__title">{acting ? `${acting.realName}的预约` : '我的预约'}</Text>
          <BookingStatusTag booking={myBooking} />
        </View>
        {myBooking.status === 'booked' ? <Ticket booking={myBooking} whose={whose} /> : null}
        {myBooking.status === 'waitlisted' ? (
          <Text className="session__text">
            座位已满，{whose}
            {myBooking.waitlistPosition ? `排在候补第 ${myBooking.waitlistPosition} 位` : '在候补中'}
            。有人取消时按顺序自动补上，补上后会通知您。
          </Text>
        ) : null}
        {myBooking.status === 'attended' ? (
          <Text className="session__text">
            已签到{myBooking.checkedInAt ? `（${formatMoment(myBooking.checkedInAt)}）` : ''}，感谢参与社区议事。
          </Text>
        ) : null}
        {myBooking.status === 'no_show' ? (
          <Text className="session__text session__note">预约了但没有签到。多次未到场会暂时只能候补。</Text>
        ) : null}
        {myBooking.status === 'booked' || myBooking.status === 'waitlisted' ? (
          <CancelArea
            booking={myBooking}
            session={session}
            pending={cancel.pending}
            onCancel={() => void cancelBooking(myBooking)}
          />
        ) : null}
      </View>
    );
  }

  const closed = bookingClosedReason(session);
  const waitlist = onlyWaitlist(session);
  // A member restricted for no-shows may still join a waitlist, but not take a free seat.
  const blocked = restriction !== undefined && !waitlist;
  return (
    <View className="linli-card">
      <Text className="session__title">{acting ? `为${acting.realName}预约` : '参加这场议事会'}</Text>
      {closed ? <Text className="session__text session__note">{closed}</Text> : null}
      {!closed && restriction ? (
        <Text className="session__text session__note">
          {restriction.message}
          {restriction.until ? `（至 ${formatMoment(restriction.until)}）` : ''}
          {blocked ? '。现在还有空座，满员后可以加入候补。' : ''}
        </Text>
      ) : null}
      {!closed && !blocked ? (
        <>
          <Text className="session__text linli-muted">
            {waitlist
              ? '座位已满。加入候补后，有人取消时按顺序自动补上，并通知您。'
              : `预约后会得到签到码，凭码入场。${formatMoment(session.cancelCutoffAt)} 前可以取消。`}
          </Text>
          <Button
            className="session__action"
            type="primary"
            size="large"
            block
            loading={book.pending}
            onClick={() => void join()}
          >
            {waitlist ? '加入候补' : '预约座位'}
          </Button>
        </>
      ) : null}
    </View>
  );
}

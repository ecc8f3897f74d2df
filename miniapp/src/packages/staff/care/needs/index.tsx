import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { links } from '@linli/shared/domain/notify/links';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { CouncilGate } from '../../../../components/council-gate';
import { DateField } from '../../../../components/date-field';
import { FormError, problemOf } from '../../../../components/form-error';
import { FormField } from '../../../../components/form-field';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { TimeField } from '../../../../components/time-field';
import { useMe } from '../../../../hooks/use-me';
import {
  useNeedAssignees,
  useNeedBoard,
  useNeedSteps,
  type AssigneeOption,
  type Need,
  type NeedStatus,
} from '../../../../hooks/use-needs';
import { NeedCard } from '../../../care/needs/components/need-card';
import { ASSIGNEE_KIND_TEXT } from '../../../care/needs/components/labels';
import '../../../care/needs/components/needs.css';

type Filter = NeedStatus | 'open';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'open', label: '办理中' },
  { value: 'done', label: '待评价' },
  { value: 'rated', label: '已评价' },
  { value: 'cancelled', label: '已取消' },
];

/** Today and a date some days on, as YYYY-MM-DD in Asia/Shanghai. */
const shanghaiDate = (daysOn = 0) =>
  new Date(Date.now() + 8 * 3600_000 + daysOn * 86_400_000).toISOString().slice(0, 10);

/** 派单: whom (volunteer, partner unit, staff) and by when (date and clock, Asia/Shanghai). */
function DispatchSheet({ need, options, onDone }: { need: Need; options: AssigneeOption[]; onDone: () => void }) {
  const steps = useNeedSteps(need.communityId, need.needId);
  const [choice, setChoice] = useState<string>();
  const [date, setDate] = useState(shanghaiDate(need.urgency === 'urgent' ? 0 : 2));
  const [clock, setClock] = useState('18:00');
  const [tried, setTried] = useState(false);
  const picked = options.find((o) => `${o.kind}:${o.id}` === choice);
  const send = async () => {
    setTried(true);
    if (!picked || !date || !clock) return;
    const dueAt = new Date(`${date}T${clock}:00+08:00`).toISOString();
    const result = await steps.dispatch.submit({ assignee: { kind: picked.kind, id: picked.id }, dueAt });
    if (!result) return;
    void Taro.showToast({ title: `已派给${picked.name}`, icon: 'none' });
    onDone();
  };
  const problem = problemOf(undefined, steps.dispatch);
  return (
    <View className="needs__sheet">
      <FormField label="派给谁" error={tried && !picked ? '请选择派给谁' : null}>
        <ChoiceChips
          label="派给谁"
          choices={options.map((o) => ({
            value: `${o.kind}:${o.id}`,
            label: o.name,
            note: ASSIGNEE_KIND_TEXT[o.kind],
          }))}
          value={choice}
          onChange={setChoice}
          wide
        />
      </FormField>
      <FormField label="办结日期" hint="北京时间">
        <DateField
          label="办结日期"
          value={date}
          placeholder="点击选择"
          initial={shanghaiDate()}
          start={shanghaiDate()}
          end={shanghaiDate(60)}
          onChange={setDate}
        />
      </FormField>
      <TimeField label="办结时间" value={clock} onChange={setClock} />
      {problem ? <FormError message={problem} onDismiss={steps.dispatch.dismiss} /> : null}
      <Button
        className="needs__action"
        type="primary"
        size="large"
        block
        loading={steps.dispatch.pending}
        onClick={() => void send()}
      >
        确认派单
      </Button>
    </View>
  );
}

function Board({ communityId }: { communityId: string }) {
  const [filter, setFilter] = useState<Filter>('open');
  const [open, setOpen] = useState<string>();
  const board = useNeedBoard(communityId, filter);
  const assignees = useNeedAssignees(communityId);
  return (
    <>
      <Text className="needs__intro linli-muted">居民求助、电话求助和网格走访发现的困难，超时的在前。</Text>
      <FormField label="查看">
        <ChoiceChips label="查看" choices={FILTERS} value={filter} onChange={setFilter} />
      </FormField>
      {!board.data ? (
        <RequestStatus what="求助" loading={board.loading} error={board.error} onRetry={board.reload} />
      ) : board.data.needs.length === 0 ? (
        <View className="linli-card">
          <Text>这里暂时没有求助</Text>
        </View>
      ) : (
        board.data.needs.map((need) => (
          <NeedCard key={need.needId} need={need}>
            <Button
              className="needs__action"
              size="large"
              block
              onClick={() => void Taro.navigateTo({ url: links.careNeed(need.communityId, need.needId) })}
            >
              查看进程
            </Button>
            {need.status === 'new' ? (
              open === need.needId ? (
                assignees.data ? (
                  <DispatchSheet
                    need={need}
                    options={assignees.data.options}
                    onDone={() => {
                      setOpen(undefined);
                      board.reload();
                    }}
                  />
                ) : (
                  <RequestStatus
                    what="派单对象"
                    loading={assignees.loading}
                    error={assignees.error}
                    onRetry={assignees.reload}
                  />
                )
              ) : (
                <Button
                  className="needs__action"
                  type="primary"
                  size="large"
                  block
                  onClick={() => setOpen(need.needId)}
                >
                  派单
                </Button>
              )
            ) : null}
          </NeedCard>
        ))
      )}
    </>
  );
}

/** 求助派单台 for staff and grid workers (their grids only): the board, and a dispatch sheet per need. */
export default function StaffNeedsPage() {
  const { me } = useMe();
  const grid = me?.grants.find((g) => g.role === 'grid' && g.communityId);
  return (
    <PageShell className="staff-needs">
      {grid?.communityId ? (
        <Board communityId={grid.communityId} />
      ) : (
        <CouncilGate>{(viewer) => <Board communityId={viewer.communityId} />}</CouncilGate>
      )}
    </PageShell>
  );
}

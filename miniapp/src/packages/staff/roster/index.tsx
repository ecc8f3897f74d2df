import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { FormError } from '../../../components/form-error';
import { PageShell } from '../../../components/page-shell';
import { StatusTag } from '../../../components/status-tag';
import { SUB_PAGES } from '../../../constants';
import {
  rosterErrorMessage,
  useRosterImport,
  type RosterImport,
  type RosterPreview,
  type RosterPreviewRow,
} from '../../../hooks/use-roster';
import { ConsentDeclined, pickFile } from '../../../services/privacy-apis';
import { StaffGate } from '../components/staff-gate';
import '../components/staff.css';
import './index.css';

/** The server refuses bigger files too; checking first spares an upload that cannot succeed. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Rows shown per group before 显示更多. */
const PAGE_ROWS = 50;

type Outcome = RosterPreviewRow['outcome'];
const GROUPS: readonly { value: Outcome; label: string }[] = [
  { value: 'refused', label: '拒绝' },
  { value: 'create', label: '新增' },
  { value: 'update', label: '更新' },
  { value: 'unchanged', label: '不变' },
];

function Columns() {
  return (
    <View className="linli-card">
      <Text className="staff__title">台账需要哪些列</Text>
      <Text className="roster__columns">必填：楼栋、单元、房号、姓名</Text>
      <Text className="roster__columns">
        选填：出生日期（如 1950-03-21）、手机（11 位）、标签（独居、高龄、低保、残疾，多个用顿号隔开）
      </Text>
      <Text className="roster__columns linli-muted">
        支持 CSV 和 Excel（.xlsx），不超过 2
        MB；第一行是列名。文件只用于这次导入，不会保存。同一户同名的人只算一次，再次导入同一份文件不会重复。
      </Text>
      <View className="roster__sample" aria-label="示例">
        <Text className="roster__sample-line">楼栋, 单元, 房号, 姓名, 出生日期, 手机, 标签</Text>
        <Text className="roster__sample-line">1号楼, 1单元, 302, 王桂芳, 1956-04-12, 13812345678, 独居</Text>
      </View>
    </View>
  );
}

function PreviewRow({ row }: { row: RosterPreviewRow }) {
  const place = [row.building, row.unit, row.room].filter(Boolean).join(' ');
  return (
    <View className="roster__row">
      <View className="roster__row-head">
        <Text className="roster__row-name">{row.name || '（无姓名）'}</Text>
        <Text className="linli-muted">第 {row.line} 行</Text>
      </View>
      <Text>
        {place}
        {row.phoneMasked ? ` · ${row.phoneMasked}` : ''}
        {row.tags.length > 0 ? ` · ${row.tags.join('、')}` : ''}
      </Text>
      {row.reason ? <Text className="roster__reason">{row.reason}</Text> : null}
      {row.changes ? <Text className="roster__changes">改动：{row.changes.join('、')}</Text> : null}
    </View>
  );
}

function PreviewRows({ preview }: { preview: RosterPreview }) {
  const counts = preview.import.counts;
  const first = GROUPS.find((g) => counts[g.value] > 0)?.value ?? 'create';
  const [group, setGroup] = useState<Outcome>(first);
  const [shown, setShown] = useState(PAGE_ROWS);
  const rows = preview.rows.filter((r) => r.outcome === group);
  return (
    <View className="linli-card">
      <ChoiceChips
        label="按结果查看"
        choices={GROUPS.map((g) => ({ value: g.value, label: `${g.label} ${counts[g.value]}` }))}
        value={group}
        onChange={(value) => {
          setGroup(value);
          setShown(PAGE_ROWS);
        }}
      />
      {rows.length === 0 ? <Text className="linli-muted">没有这类的行</Text> : null}
      {rows.slice(0, shown).map((row) => (
        <PreviewRow key={row.line} row={row} />
      ))}
      {rows.length > shown ? (
        <Button size="large" block onClick={() => setShown(shown + PAGE_ROWS)}>
          显示更多（还有 {rows.length - shown} 行）
        </Button>
      ) : null}
    </View>
  );
}

function Progress({ job }: { job: RosterImport }) {
  const done = job.status === 'done';
  return (
    <View className="linli-card" role="status">
      <StatusTag tone={done ? 'ok' : 'waiting'}>
        {done ? '导入完成' : job.status === 'applying' ? '正在导入' : '导入中断'}
      </StatusTag>
      <Text className="roster__progress">
        已写入 {job.rowsWritten} / {job.rowsToWrite} 行
      </Text>
      {job.status === 'interrupted' ? (
        <Text className="staff__text">导入中断了，已写入的不会重复。点「继续导入」从中断处接着导入。</Text>
      ) : null}
      {done ? (
        <Text className="staff__text">
          新增 {job.counts.create} 人，更新 {job.counts.update} 人，拒绝 {job.counts.refused} 行（未导入）。
        </Text>
      ) : null}
    </View>
  );
}

function RosterImportPanel({ communityId }: { communityId: string }) {
  const roster = useRosterImport(communityId);
  const { preview, job } = roster;
  const [fileName, setFileName] = useState<string>();

  const choose = async () => {
    try {
      const file = await pickFile(['csv', 'xlsx']);
      if (!file) return;
      if (file.size > MAX_FILE_BYTES) {
        void Taro.showToast({ title: '文件过大，请不超过 2 MB', icon: 'none', duration: 3000 });
        return;
      }
      setFileName(file.name);
      await roster.previewFile(file.name, file.base64);
    } catch (error) {
      if (!(error instanceof ConsentDeclined)) void Taro.showToast({ title: '读取文件失败，请重试', icon: 'none' });
    }
  };

  const writable = preview ? preview.import.rowsToWrite : 0;
  const finished = job?.status === 'done';
  return (
    <>
      <Columns />
      {roster.error ? <FormError message={rosterErrorMessage(roster.error)} onDismiss={roster.dismiss} /> : null}
      <Button
        className="staff__action"
        type={preview ? 'default' : 'primary'}
        size="large"
        block
        loading={roster.pending === 'preview'}
        disabled={roster.pending !== undefined}
        onClick={() => void choose()}
      >
        {process.env.TARO_ENV === 'weapp' ? '从微信聊天中选择台账文件' : '选择台账文件'}
      </Button>
      {fileName ? <Text className="roster__file">文件：{fileName}</Text> : null}
      {preview ? (
        <>
          <Text className="linli-section-title">预览：请核对后再确认</Text>
          {preview.ignoredColumns.length > 0 ? (
            <Text className="staff__intro linli-muted">
              这些列不是台账的列，已忽略：{preview.ignoredColumns.join('、')}
            </Text>
          ) : null}
          <PreviewRows preview={preview} />
          {job ? <Progress job={job} /> : null}
          {!finished ? (
            <Button
              className="staff__action"
              type="primary"
              size="large"
              block
              loading={roster.pending === 'confirm'}
              disabled={writable === 0 || roster.pending !== undefined}
              onClick={() => void roster.confirm()}
            >
              {writable === 0
                ? '没有需要写入的行'
                : job?.status === 'interrupted'
                  ? '继续导入'
                  : `确认导入 ${writable} 行`}
            </Button>
          ) : null}
        </>
      ) : null}
      <Button
        className="staff__action"
        size="large"
        block
        onClick={() => void Taro.navigateTo({ url: SUB_PAGES.staffRosterList })}
      >
        查看居民台账
      </Button>
    </>
  );
}

/** 导入居民台账: pick a CSV or XLSX, read the preview row by row, confirm, follow the import. */
export default function StaffRosterPage() {
  return (
    <PageShell className="roster">
      <StaffGate>{(communityId) => <RosterImportPanel communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}

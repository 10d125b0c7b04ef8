import { Text, TextInput } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { useState } from 'react';
import { planQuickEntry, type QuickPlan, type ScheduleEntry } from '../../../shared/domain/quick-entry';

interface Props {
  schedule: readonly ScheduleEntry[];
  /** Whether procedures can be added here (a visit is open); findings always can. */
  canAddProcedures: boolean;
  disabled: boolean;
  onPlan: (plan: QuickPlan) => Promise<boolean>;
}

/**
 * One line, Enter adds: "3 MOD D2393", "UR D4341", "3 missing". A bad line
 * stays as typed with the reason under it; a surface count that does not fit
 * the code is a warning, and Enter again adds anyway.
 */
export function QuickEntry({ schedule, canAddProcedures, disabled, onPlan }: Props) {
  const [line, setLine] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [warned, setWarned] = useState<{ line: string; text: string } | null>(null);

  const submit = async () => {
    const planned = planQuickEntry(line, schedule);
    if (!planned.ok) {
      setError(planned.error);
      setWarned(null);
      return;
    }
    const plan = planned.value;
    if (plan.kind === 'procedure' && !canAddProcedures) {
      setError('Procedures are added on a visit: open one, or record a finding here.');
      return;
    }
    const warning = plan.kind === 'procedure' ? plan.plan.warnings[0] : undefined;
    if (warning && warned?.line !== line) {
      setWarned({ line, text: warning });
      setError(null);
      return;
    }
    if (await onPlan(plan)) {
      // The next line may already be under way: only the line that was saved goes.
      setLine((now) => (now === line ? '' : now));
      setWarned(null);
      setError(null);
    }
  };

  return (
    <div>
      <TextInput
        label="Quick entry"
        placeholder={canAddProcedures ? '3 MOD D2393 · 8 D2740 · UR D4341 · 3,4,5 D6245 · 3 missing' : '3 missing · 14 MO caries · 30 existing crown'}
        description={
          canAddProcedures
            ? 'Tooth or teeth or area, surfaces, code, then Enter. Findings: missing, caries, fracture, watch, existing crown …'
            : 'Findings: tooth, surfaces, then missing, caries, fracture, watch or existing crown / filling / implant / root canal / bridge. Procedures are added on a visit.'
        }
        leftSection={<IconKeyboard size={16} aria-hidden />}
        value={line}
        // Never disabled while a line is saved: a disabled box loses the focus and drops what is typed.
        // The next line can be typed at once; only Enter waits for the save.
        aria-busy={disabled}
        onChange={(e) => {
          setLine(e.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (!disabled) void submit();
          }
        }}
        error={error}
        spellCheck={false}
        autoComplete="off"
        data-testid="quick-entry"
      />
      {warned && warned.line === line ? (
        <Text size="sm" c="yellow.9" mt={4} role="status" data-testid="quick-entry-warning">
          {warned.text} Press Enter again to add it anyway.
        </Text>
      ) : null}
    </div>
  );
}

import { Input } from 'antd';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useSession } from '../../session';
import { hasUnitWord, parseAmount } from '../../../core/number/amount';
import { formatNumberText, fractionToPercent, parseNumberText, percentToFraction, regroupWhileTyping } from './number-input';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** `%` → typed as a percentage, stored as a fraction; `VND` → money with a ₫ suffix. */
  unit?: string | null | undefined;
  placeholder?: string;
  testId?: string;
  style?: React.CSSProperties;
  status?: 'error' | 'warning' | '';
}

const shown = (value: number | null | undefined, percent: boolean) => (typeof value === 'number' && Number.isFinite(value) ? (percent ? fractionToPercent(value) : value) : null);

/**
 * A number typed as people write it (`20.000.000.000`, `95` %), grouped while typing; amounts may use unit
 * words (`240 tỷ`, `20tr`, `300k`: core/number/amount.ts), and then the full value is shown beside them.
 */
export function ValueInput({ value, onChange, unit, placeholder, testId, style, status }: Props) {
  const { lang } = useSession();
  const percent = unit === '%';
  const ref = useRef<HTMLInputElement | null>(null);
  const [text, setText] = useState(() => {
    const v = shown(value, percent);
    return v === null ? '' : formatNumberText(v, lang);
  });
  const lastSent = useRef<number | null | undefined>(value);

  // Re-format when the value changes from outside (template, split tool) or the language changes.
  const shownFor = useRef({ lang, percent });
  useEffect(() => {
    const same = shownFor.current.lang === lang && shownFor.current.percent === percent;
    if (same && value === lastSent.current) return;
    shownFor.current = { lang, percent };
    lastSent.current = value;
    const v = shown(value, percent);
    setText(v === null ? '' : formatNumberText(v, lang));
  }, [value, percent, lang]);

  const handle = (e: ChangeEvent<HTMLInputElement>) => {
    const raw = e.target.value;
    if (!percent && hasUnitWord(raw)) {
      setText(raw);
      const amount = parseAmount(raw);
      const stored = amount.ok ? amount.value : null;
      lastSent.current = stored;
      onChange?.(stored);
      return;
    }
    const caret = e.target.selectionStart ?? raw.length;
    const next = regroupWhileTyping(raw, caret, lang);
    setText(next.text);
    requestAnimationFrame(() => ref.current?.setSelectionRange(next.caret, next.caret));
    const n = parseNumberText(next.text, lang);
    const stored = n === null ? null : percent ? percentToFraction(n) : n;
    lastSent.current = stored;
    onChange?.(stored);
  };

  // "240 tỷ" → "= 240.000.000.000 ₫" beside the field, so the value meant is never a guess.
  const amount = !percent && hasUnitWord(text) ? parseAmount(text) : null;
  const wordsMean = amount ? (
    <span data-testid={testId ? `${testId}-means` : undefined} style={{ color: amount.ok ? '#8c8c8c' : '#cf1322', whiteSpace: 'nowrap' }}>
      {amount.ok ? `= ${formatNumberText(amount.value, lang)}${unit === 'VND' ? ' ₫' : ''}` : '?'}
    </span>
  ) : undefined;

  return (
    <Input
      ref={(el) => {
        ref.current = el?.input ?? null;
      }}
      value={text}
      onChange={handle}
      inputMode="decimal"
      placeholder={placeholder}
      data-testid={testId}
      style={style}
      status={status}
      suffix={wordsMean ?? (percent ? '%' : unit === 'VND' ? '₫' : undefined)}
    />
  );
}

'use client';
// A day field in the user's language whatever the browser's: « 5 déc. 2026 » shown, typed or picked on a calendar
// that starts on Monday; the page gets yyyy-MM-dd ('' when emptied). A native date input writes mm/dd/yyyy in a
// browser set to American English, even on a French page.
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useLocale } from '@/app/i18n/client';
import { parseDay, showDay } from './day-text';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'locale'> & {
  value: string;
  onChange: (day: string) => void;
  'data-testid'?: string;
};

export function DayInput({ value, onChange, ...rest }: Props) {
  const [locale] = useLocale();
  return (
    <DateInput
      locale={locale === 'fr' ? 'fr' : 'en-gb'}
      firstDayOfWeek={1}
      value={value || null}
      onChange={(day) => onChange(day ?? '')}
      valueFormat={(day) => showDay(day, locale)}
      dateParser={(typed) => parseDay(typed, locale)}
      w={150}
      {...rest}
    />
  );
}

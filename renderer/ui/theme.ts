import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm petrol blue for chrome and primary actions. It is deliberately none
// of the status colours, so a coloured button is never mistaken for a status.
const petrol: MantineColorsTuple = [
  '#e9f4f8',
  '#d5e6ee',
  '#a7cbdb',
  '#76aec7',
  '#5096b6',
  '#3a87ac',
  '#2c7fa8',
  '#1e6c93',
  '#125f84',
  '#005275',
];

export const theme = createTheme({
  primaryColor: 'petrol',
  primaryShade: 7,
  colors: { petrol },
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '600' },
  defaultRadius: 'sm',
  components: {
    Table: { defaultProps: { fz: 14, verticalSpacing: 8, horizontalSpacing: 'md' } },
    Badge: { defaultProps: { radius: 'sm' } },
    // The default toggle label contains "password", which makes getByLabel('Password') ambiguous.
    PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Show what you typed' } } },
    Modal: { defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.35 } } },
  },
});

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

/*
 * The status hues (UI.md) and the alert hues, with Mantine's light tints
 * (0-5) kept and the dark end (6-9) taken darker along the same hue (OKLCH
 * lightness), so every place Mantine puts text in them is legible (WCAG AA,
 * 4.5:1 for small text):
 *   6  ≥ 3:1 on white (icons, borders); red ≥ 4.5:1, as it is the error text
 *   7  ≥ 4.8:1 on white: filled backgrounds under white text (primaryShade),
 *      outline and "white" variant text, `c="red.7"`
 *   8  ≥ 5.2:1 on shade 1: text on a light alert
 *   9  ≥ 5.2:1 on shades 1 and 2: the light variant's text (badges, alerts)
 * Mantine's own orange-9 on orange-1, for instance, is 3.6:1.
 */
const red: MantineColorsTuple = ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#db3239', '#d71f28', '#c20017', '#aa0112'];
const orange: MantineColorsTuple = ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#e77106', '#c14e01', '#a83c00', '#9d2e00'];
const grape: MantineColorsTuple = ['#f8f0fc', '#f3d9fa', '#eebefa', '#e599f7', '#da77f2', '#cc5de8', '#be4bdb', '#ae3ec9', '#9129a9', '#7d2493'];
const teal: MantineColorsTuple = ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#00a678', '#05815c', '#02714f', '#036547'];
const blue: MantineColorsTuple = ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#228be6', '#0874cb', '#015fab', '#005296'];
const green: MantineColorsTuple = ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#1ca73f', '#02842a', '#027224', '#006621'];
// Conditions on the chart (caries, fracture): the dental charting brown.
const brown: MantineColorsTuple = ['#f8f1ea', '#efe0d1', '#dfc0a2', '#cf9f71', '#c18448', '#b8722e', '#9a5b22', '#85491a', '#723b13', '#64320f'];
const yellow: MantineColorsTuple = ['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#c08703', '#9d6505', '#945400', '#8c4500'];

/** Icon-only controls are named here once, so no screen can forget. */
const PAGINATION_LABELS = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' } as const;

export const theme = createTheme({
  primaryColor: 'petrol',
  primaryShade: 7,
  colors: { petrol, red, orange, grape, teal, blue, green, brown, yellow },
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '600' },
  defaultRadius: 'sm',
  components: {
    // Dense (UI.md), and narrow enough that a visit's procedure table fits beside the navigation at 1360 px.
    Table: { defaultProps: { fz: 14, verticalSpacing: 8, horizontalSpacing: 'sm' } },
    Badge: { defaultProps: { radius: 'sm' } },
    // The default toggle label contains "password", which makes getByLabel('Password') ambiguous.
    PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Show what you typed' } } },
    Modal: { defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.35 }, closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Alert: { defaultProps: { closeButtonLabel: 'Dismiss' } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } },
    Pagination: { defaultProps: { getControlProps: (control: keyof typeof PAGINATION_LABELS) => ({ 'aria-label': PAGINATION_LABELS[control] }) } },
    // The command palette is a dialog without a visible title: this is its name.
    Spotlight: { defaultProps: { attributes: { content: { 'aria-label': 'Command palette' } } } },
  },
});

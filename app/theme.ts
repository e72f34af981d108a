// The portal's Mantine theme: one palette and radius used by every page, with text colours that keep a 4.5:1
// contrast (WCAG AA) on the light scheme the portal uses.
import { createTheme, darken, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  // Filled buttons and badges, coloured text (c="red") and links take shade 9: white on teal 6 reads 2.5:1, on teal 9 5:1.
  primaryShade: { light: 9, dark: 8 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});

/** How much darker than shade 9 a colour's text must be to read 4.5:1 on its light background (shade 1). */
const DARKER_LIGHT_TEXT: Record<string, number> = { teal: 0.1, green: 0.2, lime: 0.2, orange: 0.2, yellow: 0.3 };
/** Colours whose shade 9 is too pale for white text (a filled badge, coloured text): how much darker they are filled. */
const DARKER_FILLED: Record<string, number> = { green: 0.1, orange: 0.1, lime: 0.2, yellow: 0.3 };

export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {
    // Mantine's gray 6 reads 3.3:1 on white; this gray, between 6 and 7, reads 5.5:1 (4.9:1 on gray 1).
    '--mantine-color-dimmed': '#636a72',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-success': 'var(--mantine-color-teal-9)',
    // A gray badge stays gray rather than the near-black of shade 9.
    '--mantine-color-gray-filled': 'var(--mantine-color-gray-7)',
  };
  for (const [color, amount] of Object.entries(DARKER_LIGHT_TEXT)) light[`--mantine-color-${color}-light-color`] = darken(t.colors[color]![9], amount);
  for (const [color, amount] of Object.entries(DARKER_FILLED)) {
    light[`--mantine-color-${color}-filled`] = darken(t.colors[color]![9], amount);
    light[`--mantine-color-${color}-outline`] = `var(--mantine-color-${color}-filled)`;
  }
  // Hovered, a filled button darkens: Mantine's hover of shade 9 is the paler shade 8 (3.9:1 with white for teal).
  for (const color of Object.keys(t.colors)) light[`--mantine-color-${color}-filled-hover`] = `color-mix(in srgb, var(--mantine-color-${color}-filled), black 15%)`;
  return { variables: {}, light, dark: {} };
};

/**
 * The kit's themes as data: the values of the system tokens (`--cpk-*`).
 * Light holds every token; the others override colours only. The theme
 * stylesheets in dist/themes/ and `<campaign-provider theme="...">` are both
 * made from this one source.
 *
 * Tiers: system tokens (here) -> component tokens (`--campaign-preview-surface`,
 * `--campaign-task-card-accent`, ...; default to system tokens) -> private
 * variables inside each element (`--_surface`; not an API).
 */
export const THEME_NAMES = ['light', 'dark', 'high-contrast'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

type Tokens = Readonly<Record<`--cpk-${string}`, string>>;

const light: Tokens = {
  '--cpk-color-surface': '#ffffff',
  '--cpk-color-surface-raised': '#f5f7fa',
  '--cpk-color-text': '#1b1f24',
  '--cpk-color-text-muted': '#4f5660',
  '--cpk-color-border': '#c4cad3',
  '--cpk-color-accent': '#0b5cad',
  '--cpk-color-on-accent': '#ffffff',
  '--cpk-color-danger': '#b3261e',
  '--cpk-color-warning-surface': '#fff4d6',
  '--cpk-color-success': '#1e7b34',
  '--cpk-color-focus': '#0b5cad',
  '--cpk-shadow': '0 0.5rem 1.5rem rgb(0 0 0 / 0.16)',
  '--cpk-radius': '0.5rem',
  '--cpk-space-xs': '0.25rem',
  '--cpk-space-s': '0.5rem',
  '--cpk-space-m': '0.75rem',
  '--cpk-space-l': '1rem',
  '--cpk-font-family': 'system-ui, sans-serif',
  '--cpk-font-family-mono': 'ui-monospace, monospace',
  '--cpk-font-size': '0.9375rem',
  '--cpk-font-size-small': '0.8125rem',
  '--cpk-font-size-title': '1.0625rem',
};

const dark: Tokens = {
  '--cpk-color-surface': '#1d2127',
  '--cpk-color-surface-raised': '#2a3038',
  '--cpk-color-text': '#eef1f5',
  '--cpk-color-text-muted': '#b4bcc8',
  '--cpk-color-border': '#4a525e',
  '--cpk-color-accent': '#7cb8f2',
  '--cpk-color-on-accent': '#0d1b2a',
  '--cpk-color-danger': '#ff9a8f',
  '--cpk-color-warning-surface': '#3d3115',
  '--cpk-color-success': '#7fd492',
  '--cpk-color-focus': '#7cb8f2',
  '--cpk-shadow': '0 0.5rem 1.5rem rgb(0 0 0 / 0.5)',
};

const highContrast: Tokens = {
  '--cpk-color-surface': '#ffffff',
  '--cpk-color-surface-raised': '#ffffff',
  '--cpk-color-text': '#000000',
  '--cpk-color-text-muted': '#000000',
  '--cpk-color-border': '#000000',
  '--cpk-color-accent': '#0000a8',
  '--cpk-color-on-accent': '#ffffff',
  '--cpk-color-danger': '#8b0000',
  '--cpk-color-warning-surface': '#ffffff',
  '--cpk-color-success': '#004d00',
  '--cpk-color-focus': '#000000',
  '--cpk-shadow': 'none',
};

export const PALETTES: Readonly<Record<ThemeName, Tokens>> = {light, dark, 'high-contrast': highContrast};

/** The declarations of a theme, e.g. `--cpk-color-surface: #1d2127;` lines. */
export function themeDeclarations(name: ThemeName): string {
  const scheme = name === 'dark' ? '  color-scheme: dark;\n' : '';
  return (
    scheme +
    Object.entries(PALETTES[name])
      .map(([token, value]) => `  ${token}: ${value};`)
      .join('\n')
  );
}

/** A theme's stylesheet: for the whole page, or any subtree with the class `cpk-theme-<name>`. */
export function themeStylesheet(name: ThemeName): string {
  return `/* campaign-preview-kit: ${name} theme (generated from src/themes/palettes.ts). */\n:root,\n.cpk-theme-${name} {\n${themeDeclarations(name)}\n}\n`;
}

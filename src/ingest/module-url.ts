// Modules handed to workers by URL: the same code runs from TypeScript source (tests, tsx)
// and from the compiled build in dist/, so a sibling's URL takes the caller's own extension.

/** URL of `relative` (written with `.ts`) next to the module at `base` (an import.meta.url). */
export function siblingModule(relative: string, base: string): string {
  return new URL(base.endsWith('.ts') ? relative : relative.replace(/\.ts$/, '.js'), base).href;
}

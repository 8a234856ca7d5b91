// Light, dark or the system's choice; kept on this device only (localStorage).

const KEY = "unknot-theme";
export const THEMES = ["system", "light", "dark"];

/** The chosen theme: "system", "light" or "dark". */
export function getTheme() {
  try {
    const value = localStorage.getItem(KEY);
    return THEMES.includes(value) ? value : "system";
  } catch {
    return "system";
  }
}

/** Put the chosen theme on <html data-theme>. */
export function applyTheme(theme = getTheme()) {
  if (theme === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** Choose and apply a theme. */
export function setTheme(theme) {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Private mode without storage: the choice lasts until the page closes.
  }
  applyTheme(theme);
}

// A feature's own stylesheet (pwa/styles/<name>.css), added to the page once. What every screen
// uses stays in styles.css; a screen that needs more awaits its sheet before drawing, so it never
// shows unstyled, and Today and the cramp timer never load it (their budgets: README).
const sheets = new Map();

export function useStyles(name) {
  if (!sheets.has(name)) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = `/styles/${name}.css`;
    sheets.set(
      name,
      new Promise((resolve) => {
        // A sheet that fails to load leaves the screen plain, never unusable.
        link.addEventListener("load", resolve, { once: true });
        link.addEventListener("error", resolve, { once: true });
      }),
    );
    document.head.append(link);
  }
  return sheets.get(name);
}

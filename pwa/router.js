// A small router for hash-less paths. Each screen is pwa/views/<name>.js exporting
// mount(root, params) (may be async) and optional unmount(). params = the query string as an
// object plus `path`. The server answers every app path with index.html.

export const ROUTES = {
  "/": { view: "today", title: "Today" },
  "/cramp": { view: "cramp", title: "Cramp timer" },
  "/log": { view: "log", title: "Log" },
  "/helps": { view: "insights", title: "What helps me" },
  "/reminders": { view: "reminders", title: "Reminders" },
  "/quick": { view: "quick", title: "Quick log" },
  "/plan": { view: "plan", title: "Plan" },
  "/checkin": { view: "checkin", title: "Morning check-in" },
  "/learn": { view: "learn", title: "Learn" },
  "/settings": { view: "settings", title: "Settings" },
  "/signin": { view: "signin", title: "Sign in" },
};

/** Fires "route" (detail = {path, view, params}) after a screen was mounted. */
export const routerEvents = new EventTarget();

let root = null;
let current = null;
let token = 0;

function routeFor(pathname) {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return ROUTES[path] || { view: "notfound", title: "Not found" };
}

function comingSoon(title) {
  return {
    mount(el) {
      const h1 = document.createElement("h1");
      h1.textContent = title;
      const p = document.createElement("p");
      p.textContent = "Coming soon.";
      el.append(h1, p);
    },
  };
}

async function load(route) {
  try {
    return await import(`./views/${route.view}.js`);
  } catch (err) {
    console.error(err);
    return comingSoon(route.title);
  }
}

async function render({ focus = true } = {}) {
  const mine = ++token;
  const url = new URL(location.href);
  const route = routeFor(url.pathname);
  const module = await load(route);
  if (mine !== token) return;
  if (current && current.module.unmount) {
    try {
      current.module.unmount();
    } catch (err) {
      console.error(err);
    }
  }
  root.replaceChildren();
  const params = { ...Object.fromEntries(url.searchParams), path: url.pathname };
  current = { module, route, params };
  document.title = route.view === "today" ? "Unknot" : `${route.title} — Unknot`;
  for (const a of document.querySelectorAll("[data-nav] a")) {
    if (a.getAttribute("href") === url.pathname) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  await module.mount(root, params);
  if (mine !== token) return;
  if (focus) {
    const heading = root.querySelector("h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }
  routerEvents.dispatchEvent(
    new CustomEvent("route", { detail: { path: url.pathname, view: route.view, params } }),
  );
}

/** Go to an app path ("/log?quick=water"). */
export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  window.scrollTo(0, 0);
  return render();
}

/** The screen on show: {module, route, params}. */
export function currentRoute() {
  return current;
}

function isAppLink(a, event) {
  if (!a || event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (a.target || a.hasAttribute("download")) return false;
  const url = new URL(a.href, location.href);
  return url.origin === location.origin && routeFor(url.pathname).view !== "notfound";
}

/** Mount the screen for the current address and follow in-app links from now on. */
export function startRouter(rootElement) {
  root = rootElement;
  document.addEventListener("click", (event) => {
    const a = event.target.closest && event.target.closest("a[href]");
    if (!isAppLink(a, event)) return;
    event.preventDefault();
    const url = new URL(a.href, location.href);
    navigate(url.pathname + url.search);
  });
  window.addEventListener("popstate", () => render());
  return render({ focus: false });
}

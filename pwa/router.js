// A screen: screens/<view>.js (or <file>.js's export <view>) with mount(root, params), unmount().

import { el } from "./lib/ui.js";

export const ROUTES = {
  "/": { view: "today", title: "Today" },
  "/cramp": { view: "cramp", title: "Cramp timer" },
  "/log": { view: "log", title: "Log" },
  "/body": { view: "body", title: "Where this week" },
  "/helps": { view: "insights", title: "What helps me" },
  "/reminders": { view: "reminders", title: "Reminders" },
  "/quick": { view: "quick", title: "Quick log" },
  "/plan": { view: "plan", title: "Plan" },
  "/checkin": { view: "checkin", title: "Morning check-in" },
  "/experiments": { view: "experiments", title: "Try it and see" },
  "/stretch": { view: "stretch", title: "Bedtime stretch" },
  "/learn": { view: "learn", title: "Learn" },
  "/report": { view: "report", title: "Report for your doctor" },
  "/settings": { view: "settings", title: "Settings" },
  "/signin": { view: "signin", title: "Sign in", file: "settings" },
  "/signup": { view: "signin", title: "Create an account", file: "settings" },
  "/forgot": { view: "forgot", title: "Forgot password", file: "password" },
  "/reset": { view: "reset", title: "New password", file: "password" },
};
const NOT_FOUND = { view: "notfound", title: "Not found" };

export const routerEvents = new EventTarget();

let root, current;
let token = 0;

const routeFor = (path) => ROUTES[path.length > 1 ? path.replace(/\/+$/, "") : path] || NOT_FOUND;

const page = (title, text) => ({
  mount: (host) =>
    host.append(
      el("h1", {}, title),
      el("p", {}, text),
      el("a", { class: "btn btn-primary", href: "/" }, "Go to Today"),
    ),
});

async function load(route) {
  if (route === NOT_FOUND) return page("Nothing here", "This page does not exist.");
  try {
    const module = await import(`./screens/${route.file || route.view}.js`);
    return route.file ? module[route.view] : module;
  } catch (err) {
    console.error(err);
    return page(route.title, "This screen could not open.");
  }
}

async function render(focus = true) {
  const mine = ++token;
  const url = new URL(location.href);
  const path = url.pathname;
  const route = routeFor(path);
  const module = await load(route);
  if (mine !== token) return;
  try {
    current?.unmount?.();
  } catch (err) {
    console.error(err);
  }
  root.replaceChildren();
  current = module;
  document.title = route.view === "today" ? "Unknot" : `${route.title} — Unknot`;
  for (const a of document.querySelectorAll("[data-nav] a")) {
    if (a.getAttribute("href") === path) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  await module.mount(root, { ...Object.fromEntries(url.searchParams), path });
  if (mine !== token) return;
  const h1 = focus && root.querySelector("h1");
  if (h1) {
    h1.tabIndex = -1;
    h1.focus({ preventScroll: true });
  }
  routerEvents.dispatchEvent(new CustomEvent("route", { detail: route }));
}

export function navigate(path, { replace = false } = {}) {
  history[replace ? "replaceState" : "pushState"](null, "", path);
  scrollTo(0, 0);
  return render();
}

export function startRouter(host) {
  root = host;
  document.addEventListener("click", (e) => {
    const a = e.target.closest?.("a[href]");
    if (!a || e.defaultPrevented || e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return;
    if (a.target || a.hasAttribute("download")) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || routeFor(url.pathname) === NOT_FOUND) return;
    e.preventDefault();
    navigate(url.pathname + url.search);
  });
  addEventListener("popstate", () => render());
  return render(false);
}

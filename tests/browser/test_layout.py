"""Large text, small screens, landscape and the dark: on the screens a person uses most, every
control can be reached by a finger (not hidden under the tab bar, not off the side), nothing is
wider than the screen, axe finds nothing, the dark is dim, and banners never move the cramp button.

One persistent profile per text size (Chromium's text size is a profile preference); the screen
size and the colour scheme change on the same page, so the whole matrix costs two start-ups.
"""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from bench.browser import CHROMIUM, FLAGS

AXE = Axe().axe_script  # injected once per page: the screens change without a reload
AXE_RUN = """() => axe.run(document, {resultTypes: ['violations']}).then((r) => r.violations.map(
  (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`))"""
LONG_WORD = "https://example.org/" + "a-pasted-link-with-no-spaces" * 6  # within 200 characters

# (path, screen, the control that matters most there)
SCREENS = [
    ("/", "today", "[data-action=cramp]"),
    ("/cramp", "cramp", "[data-action=stop]"),
    ("/log", "log", "main button"),
    ("/plan", "plan", "main a, main button"),
    ("/settings", "settings", "main button"),
    ("/report", "report", "[data-print]"),
    ("/checkin", "checkin", "[data-checkin-form] button[type=submit]"),
    ("/helps", "insights", "[data-relief-chart]"),
    ("/stretch", "stretch", "[data-stretch=start]"),
    ("/experiments", "experiments", "[data-start-form] button[type=submit]"),
    ("/body", "body", "main a[href='/log']"),
]
# name: (default font size in px, 16 = 100%; viewport; colour scheme)
SETUPS = {
    "200% text": (32, (360, 740), "light"),
    "200% text, 320 px, dark": (32, (320, 568), "dark"),
    "200% text, landscape": (32, (740, 360), "light"),
    "320 px": (16, (320, 568), "light"),
    "landscape": (16, (740, 360), "light"),
    "dark": (16, (360, 740), "dark"),
}

# Scroll each control into view as a finger would (its bottom edge at the bottom of the screen,
# the harshest case for a bar fixed there) and ask what is under the centre of it.
REACH = """([key, width]) => {
  const visible = (e) => {
    const r = e.getBoundingClientRect();
    // checkVisibility: not in a closed <details>, not display:none, not visibility:hidden.
    return e.checkVisibility({visibilityProperty: true}) && r.width > 2 && r.height > 2;
  };
  const keys = [...document.querySelectorAll(key)].filter(visible);
  const controls = [
    ...keys,
    ...document.querySelectorAll('.tabbar a, .top a, main a[href], main button, main input,'
      + ' main select, main textarea, main summary'),
  ].filter(visible);
  const hidden = [];
  for (const c of new Set(controls)) {
    c.scrollIntoView({block: 'end', inline: 'nearest'});
    const r = c.getClientRects()[0];  // a link wrapped over two lines: its first line
    // The middle of what shows of it (a long title can make a control taller than the screen).
    const x = r.left + r.width / 2, y = (Math.max(r.top, 0) + Math.min(r.bottom, innerHeight)) / 2;
    const hit = document.elementFromPoint(x, y);
    if (!(hit && (hit === c || c.contains(hit))))
      hidden.push(`${c.outerHTML.slice(0, 70)} under ${hit ? hit.outerHTML.slice(0, 50) : '-'}`);
  }
  scrollTo(0, 0);
  return {
    key: keys.length > 0,
    // On a phone, a page wider than the screen widens the layout viewport (innerWidth) itself.
    wider: Math.max(document.documentElement.scrollWidth, innerWidth) - width,
    hidden,
  };
}"""

# Large surfaces (over ~4% of a phone screen) whose background is bright.
BRIGHT = """() => {
  const lum = (css) => {
    const [r, g, b, a = 1] = css.match(/[\\d.]+/g).map(Number);
    if (a < 0.5) return 0;
    const f = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  return [document.body, ...document.body.querySelectorAll('*')]
    .filter((e) => { const r = e.getBoundingClientRect(); return r.width * r.height > 10000; })
    .filter((e) => lum(getComputedStyle(e).backgroundColor) > 0.2)
    .map((e) => `${e.outerHTML.slice(0, 60)}: ${getComputedStyle(e).backgroundColor}`);
}"""

GO = """async (path) => (await import('/router.js')).navigate(path)"""


def go(page, path, screen):
    page.evaluate(GO, path)
    page.wait_for_function(f"() => document.documentElement.dataset.screen === '{screen}'")
    page.wait_for_load_state("networkidle")


def add_long_activity_and_start_a_cramp(page):
    """A pasted link as a task's title, and a cramp running (the timer screen)."""
    page.evaluate(
        """async (title) => {
          const data = await import('/features/plan/data.js');
          const { me, today } = await data.days();
          await data.addActivity(today, me, { title, energy_cost: 2, minutes: 10 });
        }""",
        LONG_WORD,
    )
    page.evaluate("async () => (await import('/features/cramp/timer.js')).startCramp()")


def add_cramps_tried_with_and_without(page):
    """Finished cramps, stretch tried in half: What helps me draws its chart of two bars."""
    page.evaluate(
        """async () => {
          const s = await import('/store.js');
          for (let i = 1; i <= 12; i++) {
            const start = Date.now() - i * 86400000;
            await s.save('cramps', {
              started_at: s.nowIso(new Date(start)),
              ended_at: s.nowIso(new Date(start + (i % 2 ? 60 : 200) * 1000)),
              reliefs_tried: i % 2 ? ['stretch'] : [],
            });
          }
        }"""
    )


@pytest.fixture(scope="module")
def phones(pw, live_server, tmp_path_factory):
    """phone(font_px): a page in a persistent profile with that text size, opened once."""
    made = {}

    def phone(font):
        if font not in made:
            profile = tmp_path_factory.mktemp(f"text{font}")
            (profile / "Default").mkdir()
            prefs = {"default_font_size": font, "default_fixed_font_size": font}
            (profile / "Default" / "Preferences").write_text(
                json.dumps({"webkit": {"webprefs": prefs}})
            )
            ctx = pw.chromium.launch_persistent_context(
                str(profile),
                executable_path=CHROMIUM,
                args=FLAGS,
                base_url=live_server.url,
                has_touch=True,
                is_mobile=True,
                viewport={"width": 360, "height": 740},
            )
            page = ctx.pages[0] if ctx.pages else ctx.new_page()
            page.goto("/")
            page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
            page.evaluate(AXE)
            add_cramps_tried_with_and_without(page)
            add_long_activity_and_start_a_cramp(page)
            made[font] = (ctx, page)
        return made[font][1]

    yield phone
    for ctx, _ in made.values():
        ctx.close()


@pytest.mark.parametrize("setup", SETUPS)
def test_key_controls_are_reachable_and_nothing_is_wider_than_the_screen(phones, setup):
    font, (width, height), scheme = SETUPS[setup]
    page = phones(font)
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(color_scheme=scheme)
    for path, screen, key in SCREENS:
        go(page, path, screen)
        found = page.evaluate(REACH, [key, width])
        assert found == {"key": True, "wider": 0, "hidden": []}, (setup, path)
        assert page.evaluate(AXE_RUN) == [], (setup, path)


def test_the_dark_is_dim(phones):
    """3 a.m.: no large bright surface (the Cramp and Stop buttons included) on any screen."""
    page = phones(16)
    page.set_viewport_size({"width": 360, "height": 740})
    page.emulate_media(color_scheme="dark")
    for path, screen, _ in SCREENS:
        go(page, path, screen)
        assert page.evaluate(BRIGHT) == [], path


def test_a_pasted_link_as_a_title_does_not_widen_the_page(phones):
    """The plan holds a task titled with a long link: the page keeps its width, the tabs show."""
    page = phones(32)
    page.set_viewport_size({"width": 360, "height": 740})
    page.emulate_media(color_scheme="light")
    go(page, "/plan", "plan")
    title = page.get_by_text(LONG_WORD[:40]).first.bounding_box()
    assert title["x"] >= 0 and title["x"] + title["width"] <= 360
    assert page.evaluate(REACH, [".tabbar a", 360]) == {"key": True, "wider": 0, "hidden": []}


CRAMP_BUTTON = """() => {
  const b = document.querySelector('[data-action=cramp]');
  const r = b.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {top: r.top, height: r.height, tappable: b === hit || b.contains(hit)};
}"""
RAISE_BANNERS = """async (both) => {
  const refused = [{collection: 'knots', id: 'x', errors: {}}];
  await (await import('/store.js')).setMeta('attention', refused);
  await (await import('/sync.js')).readStatus();
  if (both) (await import('/lib/ui.js')).banner('rest', 'Rest is over.', [{label: 'OK'}]);
  return document.querySelectorAll('[data-banner]').length;
}"""


@pytest.mark.parametrize("font, banners", [(16, 2), (32, 1)])
def test_banners_never_move_the_cramp_button(phones, font, banners):
    page = phones(font)
    page.set_viewport_size({"width": 360, "height": 740})
    page.emulate_media(color_scheme="light")
    go(page, "/log", "log")
    go(page, "/", "today")
    before = page.evaluate(CRAMP_BUTTON)
    assert before["tappable"]
    try:
        assert page.evaluate(RAISE_BANNERS, banners == 2) == banners
        page.locator("[data-banner=attention]").wait_for()
        assert page.evaluate(CRAMP_BUTTON) == before
        go(page, "/log", "log")
        go(page, "/", "today")  # on every screen, not only the one under the banner
        assert page.evaluate(CRAMP_BUTTON) == before
    finally:
        page.evaluate(
            """async () => {
              (await import('/lib/ui.js')).clearBanner('rest');
              await (await import('/store.js')).setMeta('attention', []);
              await (await import('/sync.js')).readStatus();
            }"""
        )


STOP_IN_VIEW = """() => {
  const b = document.querySelector('[data-action=stop]');
  const r = b.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return scrollY === 0 && r.top >= 0 && r.bottom <= innerHeight && (b === hit || b.contains(hit));
}"""


@pytest.mark.parametrize("font", [16, 32])
def test_stop_is_on_the_first_screen_in_landscape(phones, font):
    """A phone on its side: the running timer shows Stop without any scrolling."""
    page = phones(font)
    page.set_viewport_size({"width": 740, "height": 360})
    page.emulate_media(color_scheme="light")
    go(page, "/cramp", "cramp")
    page.evaluate("() => scrollTo(0, 0)")
    assert page.evaluate(STOP_IN_VIEW)
